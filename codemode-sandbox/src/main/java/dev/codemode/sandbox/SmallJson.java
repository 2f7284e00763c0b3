package dev.codemode.sandbox;

import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import org.jspecify.annotations.Nullable;

/**
 * JSON text for the small values most tool calls pass, read and written without a Jackson parser
 * or generator (whose per-call setup costs more than the work for a value like {@code {"id":7}}).
 * Both directions are partial on purpose: anything outside the plain subset below makes them give
 * up ({@code null} / {@code false}), and the caller uses Jackson, so errors, limits and unusual
 * values keep Jackson's behaviour.
 *
 * <p>Read: compact JSON as {@code JSON.stringify} writes it (no whitespace), up to {@value
 * #MAX_READ_CHARS} characters and {@value #MAX_DEPTH} levels, integers of up to 18 digits; the tree
 * is the one Jackson builds (int, long and double nodes as Jackson picks them). Write: objects,
 * arrays, strings, booleans, null, missing (as null) and int or long numbers.
 */
final class SmallJson {

  static final int MAX_READ_CHARS = 4096;
  static final int MAX_DEPTH = 64;
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final String text;
  private int at;

  private SmallJson(String text) {
    this.text = text;
  }

  /** The tree of {@code text}, or {@code null} when it is not in the plain subset (or not JSON). */
  static @Nullable JsonNode read(String text) {
    if (text.length() > MAX_READ_CHARS || text.isEmpty()) {
      return null;
    }
    SmallJson reader = new SmallJson(text);
    JsonNode node = reader.value(0);
    return node != null && reader.at == text.length() ? node : null;
  }

  private @Nullable JsonNode value(int depth) {
    if (at >= text.length() || depth > MAX_DEPTH) {
      return null;
    }
    char c = text.charAt(at);
    return switch (c) {
      case '{' -> object(depth);
      case '[' -> array(depth);
      case '"' -> stringNode();
      case 't' -> literal("true") ? NODES.booleanNode(true) : null;
      case 'f' -> literal("false") ? NODES.booleanNode(false) : null;
      case 'n' -> literal("null") ? NODES.nullNode() : null;
      default -> c == '-' || (c >= '0' && c <= '9') ? number() : null;
    };
  }

  private @Nullable JsonNode stringNode() {
    String s = string();
    return s == null ? null : NODES.stringNode(s);
  }

  private boolean literal(String word) {
    if (text.startsWith(word, at)) {
      at += word.length();
      return true;
    }
    return false;
  }

  private @Nullable JsonNode object(int depth) {
    ObjectNode object = NODES.objectNode();
    at++;
    if (at < text.length() && text.charAt(at) == '}') {
      at++;
      return object;
    }
    while (true) {
      if (at >= text.length() || text.charAt(at) != '"') {
        return null;
      }
      String name = string();
      if (name == null || at >= text.length() || text.charAt(at) != ':') {
        return null;
      }
      at++;
      JsonNode value = value(depth + 1);
      if (value == null) {
        return null;
      }
      object.set(name, value);
      if (at >= text.length()) {
        return null;
      }
      char c = text.charAt(at++);
      if (c == '}') {
        return object;
      }
      if (c != ',') {
        return null;
      }
    }
  }

  private @Nullable JsonNode array(int depth) {
    ArrayNode array = NODES.arrayNode();
    at++;
    if (at < text.length() && text.charAt(at) == ']') {
      at++;
      return array;
    }
    while (true) {
      JsonNode value = value(depth + 1);
      if (value == null) {
        return null;
      }
      array.add(value);
      if (at >= text.length()) {
        return null;
      }
      char c = text.charAt(at++);
      if (c == ']') {
        return array;
      }
      if (c != ',') {
        return null;
      }
    }
  }

  /** A string starting at the opening quote; escapes other than the plain ones give up. */
  private @Nullable String string() {
    int start = ++at;
    StringBuilder escaped = null;
    while (at < text.length()) {
      char c = text.charAt(at);
      if (c == '"') {
        String s = escaped == null ? text.substring(start, at) : escaped.append(text, start, at).toString();
        at++;
        return s;
      }
      if (c < 0x20) {
        return null;
      }
      if (c == '\\') {
        if (escaped == null) {
          escaped = new StringBuilder();
        }
        escaped.append(text, start, at);
        if (at + 1 >= text.length()) {
          return null;
        }
        char e = text.charAt(at + 1);
        switch (e) {
          case '"', '\\', '/' -> escaped.append(e);
          case 'b' -> escaped.append('\b');
          case 'f' -> escaped.append('\f');
          case 'n' -> escaped.append('\n');
          case 'r' -> escaped.append('\r');
          case 't' -> escaped.append('\t');
          case 'u' -> {
            if (at + 6 > text.length()) {
              return null;
            }
            int code = 0;
            for (int i = at + 2; i < at + 6; i++) {
              int digit = hexDigit(text.charAt(i));
              if (digit < 0) {
                return null;
              }
              code = code * 16 + digit;
            }
            escaped.append((char) code);
            at += 4;
          }
          default -> {
            return null;
          }
        }
        at += 2;
        start = at;
      } else {
        at++;
      }
    }
    return null;
  }

  /** A JSON number; integers of more than 18 digits give up (Jackson picks their node type). */
  private @Nullable JsonNode number() {
    int start = at;
    if (text.charAt(at) == '-') {
      at++;
    }
    int digitsStart = at;
    while (at < text.length() && isDigit(text.charAt(at))) {
      at++;
    }
    int digits = at - digitsStart;
    if (digits == 0 || (digits > 1 && text.charAt(digitsStart) == '0')) {
      return null;
    }
    boolean integral = true;
    if (at < text.length() && text.charAt(at) == '.') {
      integral = false;
      at++;
      int fraction = at;
      while (at < text.length() && isDigit(text.charAt(at))) {
        at++;
      }
      if (at == fraction) {
        return null;
      }
    }
    if (at < text.length() && (text.charAt(at) == 'e' || text.charAt(at) == 'E')) {
      integral = false;
      at++;
      if (at < text.length() && (text.charAt(at) == '+' || text.charAt(at) == '-')) {
        at++;
      }
      int exponent = at;
      while (at < text.length() && isDigit(text.charAt(at))) {
        at++;
      }
      if (at == exponent) {
        return null;
      }
    }
    String token = text.substring(start, at);
    if (integral) {
      if (digits > 18) {
        return null;
      }
      long value = Long.parseLong(token);
      return value == (int) value ? NODES.numberNode((int) value) : NODES.numberNode(value);
    }
    if (token.length() > 32) {
      return null;
    }
    return NODES.numberNode(Double.parseDouble(token));
  }

  private static int hexDigit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /**
   * Appends the JSON text of {@code node} when it is in the plain subset; returns false, having
   * appended part of it perhaps, when it is not.
   */
  static boolean write(StringBuilder out, JsonNode node) {
    switch (node.getNodeType()) {
      case OBJECT -> {
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, JsonNode> property : node.properties()) {
          if (!first) {
            out.append(',');
          }
          first = false;
          quote(out, property.getKey());
          out.append(':');
          if (!write(out, property.getValue())) {
            return false;
          }
        }
        out.append('}');
        return true;
      }
      case ARRAY -> {
        out.append('[');
        for (int i = 0; i < node.size(); i++) {
          if (i > 0) {
            out.append(',');
          }
          if (!write(out, node.get(i))) {
            return false;
          }
        }
        out.append(']');
        return true;
      }
      case STRING -> {
        quote(out, node.stringValue());
        return true;
      }
      case BOOLEAN -> {
        out.append(node.booleanValue());
        return true;
      }
      case NULL, MISSING -> {
        out.append("null");
        return true;
      }
      case NUMBER -> {
        if (node.isInt() || node.isLong()) {
          out.append(node.longValue());
          return true;
        }
        return false;
      }
      default -> {
        return false;
      }
    }
  }

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private static void quote(StringBuilder out, String text) {
    out.append('"');
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 0x20 && c != '"' && c != '\\') {
        continue;
      }
      out.append(text, start, i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 15]);
      }
      start = i + 1;
    }
    out.append(text, start, text.length()).append('"');
  }
}
