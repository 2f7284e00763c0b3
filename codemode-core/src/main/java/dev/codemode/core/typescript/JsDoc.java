package dev.codemode.core.typescript;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * JSDoc comments: the lines a schema contributes (description and validation hints) and the
 * comment text around them. Every line produced here is already escaped ({@code *}{@code /}
 * becomes {@code *\/}), so it can never close the comment early.
 */
final class JsDoc {

  /** Keywords shown as {@code @keyword value} when their value is a string. */
  private static final List<String> STRING_TAGS = List.of("format", "contentEncoding");

  /** Keywords shown as {@code @keyword value} when their value is a number, in this order. */
  private static final List<String> NUMBER_TAGS =
      List.of(
          "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf",
          "minLength", "maxLength");

  private JsDoc() {}

  /**
   * The lines of a free text such as a description: line ends normalized, trailing white space
   * removed, leading and trailing blank lines dropped, {@code *}{@code /} escaped. Blank text
   * gives no lines.
   */
  static List<String> textLines(String text) {
    String[] raw = text.replace("\r\n", "\n").split("[\n\r\u2028\u2029]", -1);
    int first = 0;
    int last = raw.length - 1;
    while (first <= last && raw[first].isBlank()) {
      first++;
    }
    while (last >= first && raw[last].isBlank()) {
      last--;
    }
    List<String> lines = new ArrayList<>();
    for (int i = first; i <= last; i++) {
      lines.add(escape(raw[i].stripTrailing()));
    }
    return lines;
  }

  /** The description of a schema as lines; none when it has no string {@code description}. */
  static List<String> descriptionLines(JsonNode schema) {
    JsonNode description = schema.isObject() ? schema.get("description") : null;
    if (description == null || !description.isString()) {
      return List.of();
    }
    return textLines(description.stringValue());
  }

  /**
   * The comment lines of a property schema: its description, then one hint tag per keyword. A
   * nullable wrapper ({@code anyOf}/{@code oneOf} of a schema and {@code {"type": "null"}}) also
   * shows the hints of the wrapped schema, so {@code Optional<LocalDate>} keeps its {@code
   * @format date}.
   */
  static List<String> schemaLines(JsonNode schema) {
    if (!schema.isObject()) {
      return List.of();
    }
    JsonNode wrapped = nullableMember(schema);
    List<String> lines = new ArrayList<>(descriptionLines(schema));
    if (lines.isEmpty() && wrapped != null) {
      lines.addAll(descriptionLines(wrapped));
    }
    lines.addAll(hintLines(schema));
    return lines;
  }

  /** Only the hint tags of a property schema ({@code @format date}), without its description. */
  static List<String> hintLines(JsonNode schema) {
    List<String> lines = new ArrayList<>();
    if (!schema.isObject()) {
      return lines;
    }
    addHints(lines, schema);
    JsonNode wrapped = nullableMember(schema);
    if (wrapped != null) {
      addHints(lines, wrapped);
    }
    return lines;
  }

  /** The non-null member of a two-member {@code anyOf}/{@code oneOf} with a null member. */
  private static @Nullable JsonNode nullableMember(JsonNode schema) {
    for (String keyword : new String[] {"anyOf", "oneOf"}) {
      JsonNode members = schema.get(keyword);
      if (members == null || !members.isArray() || members.size() != 2) {
        continue;
      }
      for (int i = 0; i < 2; i++) {
        JsonNode member = members.get(i);
        JsonNode other = members.get(1 - i);
        if (isNullSchema(member) && other.isObject()) {
          return other;
        }
      }
    }
    return null;
  }

  private static boolean isNullSchema(JsonNode schema) {
    JsonNode type = schema.get("type");
    return schema.isObject() && schema.size() == 1 && type != null && type.isString()
        && type.stringValue().equals("null");
  }

  private static void addHints(List<String> lines, JsonNode schema) {
    for (String keyword : STRING_TAGS) {
      // Bytes and big integers have a TypeScript type of their own; the tag would mislead.
      boolean shownByType = keyword.equals("contentEncoding") ? SchemaConverter.isBinary(schema)
          : SchemaConverter.isBigInteger(schema);
      if (!shownByType) {
        addStringTag(lines, schema, keyword);
      }
    }
    for (String keyword : NUMBER_TAGS) {
      addNumberTag(lines, schema, keyword);
    }
    addStringTag(lines, schema, "pattern");
    addNumberTag(lines, schema, "minItems");
    addNumberTag(lines, schema, "maxItems");
    addFlagTag(lines, schema, "uniqueItems");
    addNumberTag(lines, schema, "minProperties");
    addNumberTag(lines, schema, "maxProperties");
    JsonNode defaultValue = schema.get("default");
    if (defaultValue != null) {
      lines.add("@default " + escape(TsLiterals.compactJson(defaultValue)));
    }
    JsonNode examples = schema.get("examples");
    if (examples != null && examples.isArray()) {
      for (JsonNode example : examples.values()) {
        lines.add("@example " + escape(TsLiterals.compactJson(example)));
      }
    }
    addFlagTag(lines, schema, "deprecated");
  }

  /**
   * Appends a comment for {@code lines} at {@code indent}: nothing for no lines, {@code /** text
   * *}{@code /} for one line, else a block with one {@code  * } line each.
   */
  static void append(StringBuilder out, List<String> lines, String indent) {
    if (lines.isEmpty()) {
      return;
    }
    if (lines.size() == 1) {
      out.append(indent).append("/** ").append(lines.get(0)).append(" */\n");
      return;
    }
    appendBlock(out, lines, indent);
  }

  /** Appends a block comment for {@code lines} at {@code indent}, even for a single line. */
  static void appendBlock(StringBuilder out, List<String> lines, String indent) {
    out.append(indent).append("/**\n");
    for (String line : lines) {
      out.append(indent).append(line.isEmpty() ? " *" : " * " + line).append('\n');
    }
    out.append(indent).append(" */\n");
  }

  /** Escapes the comment terminator in {@code text}. */
  static String escape(String text) {
    return text.replace("*/", "*\\/");
  }

  private static void addStringTag(List<String> lines, JsonNode schema, String keyword) {
    JsonNode value = schema.get(keyword);
    if (value != null && value.isString()) {
      lines.add("@" + keyword + " " + escape(singleLine(value.stringValue())));
    }
  }

  private static void addNumberTag(List<String> lines, JsonNode schema, String keyword) {
    JsonNode value = schema.get(keyword);
    if (value != null && value.isNumber()) {
      lines.add("@" + keyword + " " + TsLiterals.compactJson(value));
    }
  }

  private static void addFlagTag(List<String> lines, JsonNode schema, String keyword) {
    JsonNode value = schema.get(keyword);
    if (value != null && value.isBoolean() && value.booleanValue()) {
      lines.add("@" + keyword);
    }
  }

  /** {@code text} with its line breaks written as escapes, to fit on one comment line. */
  static String singleLine(String text) {
    return text.replace("\r", "\\r")
        .replace("\n", "\\n")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029");
  }
}
