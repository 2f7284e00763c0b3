package dev.codemode.sandbox;

import dev.codemode.core.JsonCodec;
import java.io.StringWriter;
import java.math.BigInteger;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import org.jspecify.annotations.Nullable;

/**
 * JSON text between the host and the sandbox. Plain JSON both ways, with two tagged forms for what
 * JSON cannot say: binary data (a Java {@code byte[]} becomes a JavaScript {@code Uint8Array}) and
 * integers of any size (a {@code BigInteger} becomes a {@code BigInt}, and back). The prelude
 * decodes and encodes the tags; a {@code Uint8Array} going to the host is plain base64 text, which
 * is what a {@code byte[]} reads.
 */
final class JsonBridge {

  /** What every tag starts with; the prelude revives tags only in text that contains it. */
  static final String TAG_PREFIX = "__codemode_";
  static final String BINARY_TAG = "__codemode_binary__";
  static final String BIGINT_TAG = "__codemode_bigint__";
  /**
   * The most digits a tagged integer from the sandbox may have. Parsing decimal text is quadratic
   * in its length and runs on the host, outside the sandbox's limits; the prelude refuses larger
   * BigInts with a RangeError, and a forged tag beyond it stays plain data. Jackson reads at most
   * 1,000 digits of a JSON number by default too.
   */
  static final int MAX_BIGINT_DIGITS = 1000;

  private final JsonCodec codec;

  JsonBridge(JsonCodec codec) {
    this.codec = codec;
  }

  /** JSON text for the sandbox: binary nodes and unsafe big integers tagged. */
  String toSandbox(JsonNode node) {
    return toSandbox(node, "");
  }

  /** {@code prefix} followed by {@link #toSandbox(JsonNode)}, in one string. */
  String toSandbox(JsonNode node, String prefix) {
    StringBuilder small = new StringBuilder(64).append(prefix);
    if (SmallJson.write(small, node)) {
      return small.toString();
    }
    return prefix + jacksonText(node);
  }

  private String jacksonText(JsonNode node) {
    StringWriter out = new StringWriter();
    try (JsonGenerator generator = codec.mapper().createGenerator(out)) {
      write(generator, node);
    }
    return out.toString();
  }

  private static void write(JsonGenerator out, JsonNode node) {
    switch (node.getNodeType()) {
      case OBJECT -> {
        out.writeStartObject();
        for (Map.Entry<String, JsonNode> property : node.properties()) {
          out.writeName(property.getKey());
          write(out, property.getValue());
        }
        out.writeEndObject();
      }
      case ARRAY -> {
        out.writeStartArray();
        for (JsonNode element : node) {
          write(out, element);
        }
        out.writeEndArray();
      }
      case BINARY -> {
        out.writeStartObject();
        out.writeName(BINARY_TAG);
        out.writeString(Base64.getEncoder().encodeToString(node.binaryValue()));
        out.writeEndObject();
      }
      case NUMBER -> {
        if (node.isBigInteger()) {
          out.writeStartObject();
          out.writeName(BIGINT_TAG);
          out.writeString(node.bigIntegerValue().toString());
          out.writeEndObject();
        } else {
          out.writeTree(node);
        }
      }
      case MISSING -> out.writeNull();
      default -> out.writeTree(node);
    }
  }

  /** A tree from the sandbox's JSON text, tagged big integers read back as integers. */
  JsonNode fromSandbox(String json) {
    JsonNode node = SmallJson.read(json);
    if (node == null) {
      node = codec.parse(json);
    }
    if (json.contains(BIGINT_TAG)) {
      JsonNode number = untag(node);
      return number != null ? number : node;
    }
    return node;
  }

  /** An optional minus and 1 to {@link #MAX_BIGINT_DIGITS} decimal digits. */
  static boolean isInteger(String text) {
    int start = text.startsWith("-") ? 1 : 0;
    int digits = text.length() - start;
    if (digits < 1 || digits > MAX_BIGINT_DIGITS) {
      return false;
    }
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /**
   * Reads the big-integer tags inside {@code node} back as integers, in place; the integer when
   * {@code node} is itself a tag, else null.
   */
  private static @Nullable JsonNode untag(JsonNode node) {
    if (node.isObject()) {
      JsonNode tag = node.get(BIGINT_TAG);
      if (tag != null && tag.isString() && node.size() == 1 && isInteger(tag.asString())) {
        return JsonNodeFactory.instance.numberNode(new BigInteger(tag.asString()));
      }
      ObjectNode object = (ObjectNode) node;
      for (String name : List.copyOf(object.propertyNames())) {
        JsonNode number = untag(object.get(name));
        if (number != null) {
          object.set(name, number);
        }
      }
    } else if (node.isArray()) {
      var array = (tools.jackson.databind.node.ArrayNode) node;
      for (int i = 0; i < array.size(); i++) {
        JsonNode number = untag(array.get(i));
        if (number != null) {
          array.set(i, number);
        }
      }
    }
    return null;
  }
}
