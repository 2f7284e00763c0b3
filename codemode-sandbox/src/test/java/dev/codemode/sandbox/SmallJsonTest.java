package dev.codemode.sandbox;

import static com.google.common.truth.Truth.assertWithMessage;

import dev.codemode.core.JsonCodec;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The small-value JSON reader and writer agree with Jackson, or step aside for it. */
class SmallJsonTest {

  private static final JsonCodec CODEC = JsonCodec.defaults();

  @Test
  void readsWhatJacksonReadsOrGivesUp() {
    List<String> texts = List.of(
        "{}", "[]", "{\"i\":5}", "{\"a\":-1,\"b\":2147483647,\"c\":2147483648,\"d\":-2147483649}",
        "{\"big\":123456789012345678,\"bigger\":1234567890123456789012}",
        "{\"x\":1.5,\"y\":-0.25,\"z\":1e+21,\"w\":1.5e-7,\"v\":2E3}",
        "{\"s\":\"plain\",\"e\":\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00\",\"u\":\"\u00e9\u2028\"}",
        "[true,false,null,[1,[2,[3]]],{\"k\":{}}]", "\"top\"", "42", "-0", "0", "true", "null",
        "{\"a\":1,\"a\":2}",
        // not JSON, or not the plain subset: the reader gives up and Jackson decides
        "", " {}", "{ }", "{\"a\":01}", "{\"a\":1.}", "{\"a\":.5}", "{\"a\":1e}", "[1,]", "{\"a\":1,}",
        "{\"a\" :1}", "\"\\x\"", "\"\\u12G4\"", "\"\\u\uff11\uff12\uff13\uff14\"", "\"tab\there\"", "[1] x", "tru", "nul",
        "{\"a\":1", "[", "\"open", "-", "--1", "+1", "NaN", "Infinity");
    for (String text : texts) {
      JsonNode small = SmallJson.read(text);
      if (small == null) {
        continue;
      }
      JsonNode jackson = CODEC.parse(text);
      assertWithMessage(text).that(small).isEqualTo(jackson);
      assertWithMessage(text).that(nodeClasses(small)).isEqualTo(nodeClasses(jackson));
    }
    assertWithMessage("plain objects are read").that(SmallJson.read("{\"i\":5,\"s\":\"x\"}")).isNotNull();
  }

  @Test
  void writesTextThatReadsBackToTheSameTree() {
    List<String> texts = List.of(
        "{}", "[]", "{\"i\":5,\"l\":12345678901,\"s\":\"q\\\"\\\\\\n\\r\\t\\u0001\\u001f\u00e9\\ud800\"}",
        "[true,false,null,[1,[2,[3]]],{\"k\":{}}]", "\"top\"", "-7");
    for (String text : texts) {
      JsonNode tree = CODEC.parse(text);
      StringBuilder out = new StringBuilder();
      assertWithMessage(text).that(SmallJson.write(out, tree)).isTrue();
      assertWithMessage(text).that(CODEC.parse(out.toString())).isEqualTo(tree);
    }
    for (String text : List.of("1.5", "[1,2.5]", "{\"big\":123456789012345678901234}")) {
      assertWithMessage(text).that(SmallJson.write(new StringBuilder(), CODEC.parse(text))).isFalse();
    }
  }

  private static String nodeClasses(JsonNode node) {
    StringBuilder out = new StringBuilder(node.getClass().getSimpleName());
    if (node.isContainer()) {
      out.append('(');
      for (JsonNode child : node.values()) {
        out.append(nodeClasses(child)).append(',');
      }
      out.append(')');
    }
    return out.toString();
  }
}
