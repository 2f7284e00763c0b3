package dev.codemode.sandbox;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.codemode.core.JsonCodec;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The quick input check never accepts what the full validator refuses. */
class QuickSchemaTest {

  private static final JsonCodec CODEC = JsonCodec.defaults();
  private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

  private static final List<String> SCHEMAS = List.of(
      "{}",
      "true",
      "{\"type\":\"object\",\"properties\":{\"i\":{\"type\":\"number\"}},\"additionalProperties\":false}",
      "{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",\"type\":\"object\",\"description\":\"d\","
          + "\"properties\":{\"n\":{\"type\":\"integer\",\"description\":\"count\"},\"s\":{\"type\":[\"string\",\"null\"]},"
          + "\"b\":{\"type\":\"boolean\"},\"tags\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}},"
          + "\"o\":{\"type\":\"object\",\"properties\":{\"x\":{\"type\":\"number\"}},\"required\":[\"x\"]}},"
          + "\"required\":[\"n\"],\"additionalProperties\":{\"type\":\"string\"}}",
      "{\"type\":\"object\",\"properties\":{\"any\":true}}",
      "{\"type\":\"integer\"}",
      "{\"type\":\"array\",\"items\":{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"null\"}},\"additionalProperties\":false}}");

  private static final List<String> INPUTS = List.of(
      "{}", "{\"i\":1}", "{\"i\":1.5}", "{\"i\":\"1\"}", "{\"j\":1}", "{\"n\":3}", "{\"n\":3.0}", "{\"n\":3.5}",
      "{\"n\":1e+21}", "{\"n\":12345678901234567890}", "{\"n\":1,\"s\":null}", "{\"n\":1,\"s\":5}",
      "{\"n\":1,\"b\":true,\"tags\":[\"a\",\"b\"]}", "{\"n\":1,\"tags\":[\"a\",1]}", "{\"n\":1,\"o\":{\"x\":1}}",
      "{\"n\":1,\"o\":{}}", "{\"n\":1,\"extra\":\"ok\"}", "{\"n\":1,\"extra\":2}", "{\"any\":[1,{}]}",
      "{\"never\":1}", "[]", "[{\"a\":null}]", "[{\"a\":1}]", "[{\"b\":null}]", "5", "5.5", "\"x\"", "null");

  @Test
  void acceptsOnlyWhatTheValidatorAccepts() {
    for (String schemaText : SCHEMAS) {
      JsonNode schema = CODEC.parse(schemaText);
      QuickSchema quick = QuickSchema.of(schema);
      assertWithMessage("a quick check for %s", schemaText).that(quick).isNotNull();
      for (String inputText : INPUTS) {
        JsonNode input = CODEC.parse(inputText);
        boolean valid = REGISTRY.getSchema(schema).validate(input).isEmpty();
        if (quick.accepts(input)) {
          assertWithMessage("%s against %s", inputText, schemaText).that(valid).isTrue();
        }
      }
    }
    JsonNode simple = CODEC.parse(SCHEMAS.get(3));
    assertThat(QuickSchema.of(simple).accepts(CODEC.parse("{\"n\":1,\"b\":true,\"tags\":[\"a\"],\"o\":{\"x\":2}}"))).isTrue();
  }

  @Test
  void leavesOtherKeywordsToTheValidator() {
    for (String schema : List.of(
        "{\"type\":\"string\",\"format\":\"date\"}", "{\"enum\":[1,2]}", "{\"type\":\"number\",\"minimum\":0}",
        "{\"$ref\":\"#/$defs/x\",\"$defs\":{\"x\":{}}}", "{\"properties\":{\"a\":{\"pattern\":\"x\"}}}",
        "{\"type\":\"object\",\"properties\":{\"a\":{\"$schema\":\"x\"}}}", "false", "{\"type\":\"float\"}",
        "{\"items\":[{}]}", "{\"anyOf\":[{}]}", "{\"properties\":{\"never\":false}}")) {
      assertWithMessage(schema).that(QuickSchema.of(CODEC.parse(schema))).isNull();
    }
  }
}
