package dev.codemode.core.typescript;

import dev.codemode.core.JsonCodec;
import dev.codemode.core.ToolNames;
import tools.jackson.databind.JsonNode;

/** Writes JSON values as TypeScript literal types and property names as TypeScript keys. */
final class TsLiterals {

  private TsLiterals() {}

  /**
   * A JSON value as a literal type: a string as a double-quoted literal, {@code null}, numbers and
   * booleans as their text, objects and arrays as their compact JSON text (which TypeScript reads
   * as an object type or a tuple of literals).
   */
  static TsType literal(JsonNode value) {
    if (value.isString()) {
      return new TsType.Atom(quote(value.stringValue()));
    }
    if (value.isNull()) {
      return TsType.NULL;
    }
    if (value.isNumber() || value.isBoolean() || value.isContainer()) {
      return new TsType.Atom(compactJson(value));
    }
    return TsType.UNKNOWN;
  }

  /** A property name as written in an object type: plain when it is an identifier, else quoted. */
  static String propertyName(String name) {
    return ToolNames.isIdentifier(name) ? name : quote(name);
  }

  /** Compact JSON text of a value. */
  static String compactJson(JsonNode value) {
    return JsonCodec.defaults().toJson(value);
  }

  /**
   * A double-quoted string literal: backslash and quote escaped, {@code \n}, {@code \r}, {@code
   * \t} as such, other control characters, U+2028, U+2029 and unpaired surrogates as {@code
   * \}{@code uXXXX}.
   */
  static String quote(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (needsUnicodeEscape(text, i)) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  private static boolean needsUnicodeEscape(String text, int index) {
    char c = text.charAt(index);
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029') {
      return true;
    }
    if (Character.isHighSurrogate(c)) {
      return index + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(index + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return index == 0 || !Character.isHighSurrogate(text.charAt(index - 1));
    }
    return false;
  }
}
