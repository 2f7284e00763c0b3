package dev.codemode.openapi;

import dev.codemode.core.JsonCodec;
import java.util.Base64;
import tools.jackson.databind.JsonNode;

/** JSON values as the text that goes into a URL, a header or a form field. */
final class Values {

  private Values() {}

  /**
   * A scalar's text as JavaScript would print it: a string as is, {@code 42}, {@code 0.5}, {@code
   * true}; bytes as base64; an object or array (nested where a scalar belongs) as JSON text.
   */
  static String text(JsonNode value) {
    if (value.isString()) {
      return value.stringValue();
    }
    if (value.isIntegralNumber()) {
      return value.bigIntegerValue().toString();
    }
    if (value.isNumber()) {
      return value.decimalValue().stripTrailingZeros().toPlainString();
    }
    if (value.isBoolean()) {
      return value.booleanValue() ? "true" : "false";
    }
    if (value.isBinary()) {
      return Base64.getEncoder().encodeToString(value.binaryValue());
    }
    return json(value);
  }

  /** Compact JSON text. */
  static String json(JsonNode value) {
    return JsonCodec.defaults().toJson(value);
  }

  /** Whether a property counts as absent: missing or JSON {@code null}. */
  static boolean absent(JsonNode value) {
    return value == null || value.isNull() || value.isMissingNode();
  }
}
