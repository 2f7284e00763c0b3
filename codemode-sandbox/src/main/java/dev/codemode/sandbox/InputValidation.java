package dev.codemode.sandbox;

import com.networknt.schema.Error;
import com.networknt.schema.ExecutionConfig;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.codemode.core.JsonCodec;
import dev.codemode.core.Suggestions;
import dev.codemode.core.ToolDescriptor;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import tools.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

/**
 * Checks every tool input against the tool's input schema (JSON Schema 2020-12, formats asserted)
 * before the tool runs, and words each problem so a model can fix its call: the property, what was
 * expected and what came.
 */
final class InputValidation {

  private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
  private final ExecutionConfig config = ExecutionConfig.builder().formatAssertionsEnabled(true).build();
  /** Compiled schemas by descriptor identity. */
  private final IdentityCache<ToolDescriptor, Compiled> schemas = new IdentityCache<>(20_000);

  /** A tool's input schema, compiled for the full validator and, when simple, for a quick check. */
  record Compiled(Schema schema, @Nullable QuickSchema quick) {}

  /** The compiled input schema of {@code tool}, computed once per descriptor instance. */
  Compiled compiled(ToolDescriptor tool) {
    return schemas.get(tool, descriptor ->
        new Compiled(registry.getSchema(descriptor.inputSchema()), QuickSchema.of(descriptor.inputSchema())));
  }

  /**
   * Why {@code input} does not fit the tool, as a message that starts with {@code
   * connector.tool}, or {@code null} when it fits.
   */
  @Nullable String problems(String connector, ToolDescriptor tool, JsonNode input) {
    return problems(connector, tool, compiled(tool), input);
  }

  /** {@link #problems(String, ToolDescriptor, JsonNode)} with the schema compiled already. */
  @Nullable String problems(String connector, ToolDescriptor tool, Compiled compiled, JsonNode input) {
    if (compiled.quick() != null && compiled.quick().accepts(input)) {
      return null;
    }
    List<Error> errors = compiled.schema().validate(input, context -> context.setExecutionConfig(config));
    if (errors.isEmpty()) {
      return null;
    }
    String qualified = connector + "." + tool.name();
    if (!input.isObject()) {
      return qualified + " takes one object" + shape(tool) + "; it was called with "
          + describe(input) + ".";
    }
    List<String> lines = new ArrayList<>();
    for (Error error : errors) {
      String line = line(error, tool);
      if (line != null && !lines.contains(line)) {
        lines.add(line);
      }
    }
    StringBuilder message =
        new StringBuilder(qualified).append(": the input does not fit the tool's schema");
    if (lines.size() == 1) {
      message.append(": ").append(lines.get(0));
    } else {
      message.append(':');
      for (String line : lines) {
        message.append("\n- ").append(line);
      }
    }
    return message.toString();
  }

  /** {@code  like {title, due?}}: the properties the input object takes. */
  private static String shape(ToolDescriptor tool) {
    JsonNode properties = tool.inputSchema().path("properties");
    if (!properties.isObject() || properties.isEmpty()) {
      return "";
    }
    List<String> required = new ArrayList<>();
    tool.inputSchema().path("required").forEach(name -> required.add(name.asString()));
    StringBuilder out = new StringBuilder(" like {");
    Iterator<String> names = properties.propertyNames().iterator();
    while (names.hasNext()) {
      String name = names.next();
      out.append(name).append(required.contains(name) ? "" : "?");
      if (names.hasNext()) {
        out.append(", ");
      }
    }
    return out.append('}').toString();
  }

  private static String line(Error error, ToolDescriptor tool) {
    String path = path(error.getInstanceLocation().toString());
    Object[] arguments = error.getArguments();
    JsonNode found = error.getInstanceNode();
    String where = path.isEmpty() ? "" : path + ": ";
    return switch (error.getKeyword()) {
      case "type" -> where + "expected " + article(String.valueOf(arguments[1])) + ", got " + describe(found);
      case "required" -> (path.isEmpty() ? "" : path + ".") + error.getProperty() + " is required but missing";
      case "additionalProperties", "unevaluatedProperties" -> {
        String property = error.getProperty();
        List<String> known = new ArrayList<>();
        schemaAt(tool.inputSchema(), error).path("properties").propertyNames().forEach(known::add);
        String suggestion = Suggestions.closest(property, known)
            .map(match -> "; did you mean \"" + match + "\"?")
            .orElse(known.isEmpty() ? "" : "; the known properties are " + String.join(", ", known));
        yield (path.isEmpty() ? "" : path + ".") + property + " is not a property of this input" + suggestion;
      }
      case "enum" -> where + "expected one of " + arguments[0] + ", got " + describe(found);
      case "const" -> where + "expected " + arguments[0] + ", got " + describe(found);
      case "format" -> where + "expected a " + arguments[0] + " string" + formatExample(String.valueOf(arguments[0]))
          + ", got " + describe(found);
      default -> where + error.getMessage() + " (got " + describe(found) + ")";
    };
  }

  /** The schema object that holds the failing keyword, to list the properties an object takes. */
  private static JsonNode schemaAt(JsonNode root, Error error) {
    JsonNode schema = error.getSchemaNode();
    if (schema != null && schema.isObject() && schema.has("properties")) {
      return schema;
    }
    String location = error.getSchemaLocation().getFragment().toString();
    int keyword = location.lastIndexOf('/');
    JsonNode parent = keyword > 0 ? root.at(location.substring(0, keyword)) : root;
    return parent.isMissingNode() ? root : parent;
  }

  private static String formatExample(String format) {
    return switch (format) {
      case "date" -> " (YYYY-MM-DD)";
      case "date-time" -> " (like 2026-05-01T09:30:00Z)";
      case "time" -> " (like 09:30:00)";
      case "duration" -> " (ISO 8601, like PT15M)";
      case "uuid" -> " (like 123e4567-e89b-12d3-a456-426614174000)";
      case "email" -> " (an e-mail address)";
      case "uri" -> " (an absolute URI)";
      default -> "";
    };
  }

  /** {@code /tags/0/name} → {@code tags[0].name}. */
  static String path(String pointer) {
    if (pointer == null || pointer.isEmpty() || pointer.equals("$") || pointer.equals("/")) {
      return "";
    }
    String trimmed = pointer.startsWith("$") ? pointer.substring(1) : pointer;
    if (!trimmed.startsWith("/")) {
      return trimmed.startsWith(".") ? trimmed.substring(1) : trimmed;
    }
    StringBuilder out = new StringBuilder();
    for (String part : trimmed.substring(1).split("/", -1)) {
      String name = part.replace("~1", "/").replace("~0", "~");
      if (!name.isEmpty() && name.chars().allMatch(Character::isDigit)) {
        out.append('[').append(name).append(']');
      } else {
        out.append(out.length() == 0 ? "" : ".").append(name);
      }
    }
    return out.toString();
  }

  private static String article(String type) {
    return switch (type) {
      case "object", "array", "integer" -> "an " + type;
      default -> "a " + type;
    };
  }

  /** {@code the string "abc"}, {@code the number 5}, {@code an object}, ... for messages. */
  static String describe(JsonNode value) {
    if (value == null || value.isMissingNode()) {
      return "nothing";
    }
    String json = JsonCodec.defaults().toJson(value);
    if (json.length() > 60) {
      json = json.substring(0, 57) + "...";
    }
    if (value.isString()) {
      return "the string " + json;
    }
    if (value.isNumber()) {
      return "the number " + json;
    }
    if (value.isBoolean()) {
      return json;
    }
    if (value.isNull()) {
      return "null";
    }
    if (value.isArray()) {
      return "an array " + json;
    }
    return "an object " + json;
  }
}
