package dev.codemode.sandbox;

import com.networknt.schema.Error;
import com.networknt.schema.ExecutionConfig;
import com.networknt.schema.ExecutionContext;
import com.networknt.schema.OutputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import dev.codemode.core.JsonCodec;
import dev.codemode.core.JsonNumbers;
import dev.codemode.core.Suggestions;
import dev.codemode.core.ToolDescriptor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeType;
import org.jspecify.annotations.Nullable;

/**
 * Checks every tool input against the tool's input schema (JSON Schema 2020-12, formats asserted)
 * before the tool runs, and words each problem so a model can fix its call: the property, what was
 * expected and what came.
 */
final class InputValidation {

  /** The most problems a message lists; the others are counted. */
  static final int MAX_LISTED = 10;
  /** The most problems of kinds not listed that a message shows after the count. */
  static final int MAX_OTHER_KINDS = 3;
  /** How often (in keywords, errors) the work asks whether the execution has ended. */
  private static final int STOP_CHECK_MASK = 0xFFF;

  /** The most characters of a value that a message quotes. */
  private static final int MAX_QUOTED = 60;

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
    return problems(connector, tool, compiled(tool), input, () -> false);
  }

  /**
   * {@link #problems(String, ToolDescriptor, JsonNode)} with the schema compiled already, giving up
   * once {@code stopped} says the execution has ended.
   *
   * <p>The work is linear in the input and in its errors, and ends with the execution: the message
   * lists the first {@value #MAX_LISTED} problems and counts the rest, and both the validator and
   * the count ask {@code stopped} every few thousand steps, so a check that would take longer than
   * the execution may run gives up at its deadline.
   *
   * @throws Stopped when {@code stopped} said so before the work was done
   */
  @Nullable String problems(String connector, ToolDescriptor tool, Compiled compiled, JsonNode input,
      BooleanSupplier stopped) {
    if (compiled.quick() != null && compiled.quick().accepts(input)) {
      return null;
    }
    List<Error> errors = compiled.schema().validate(
        new Stoppable(config, stopped), input, OutputFormat.DEFAULT, (Consumer<ExecutionContext>) context -> {});
    if (errors.isEmpty()) {
      return null;
    }
    String qualified = connector + "." + tool.name();
    if (!input.isObject()) {
      return qualified + " takes one object" + shape(tool) + "; it was called with "
          + describe(input) + ".";
    }
    return new Report(tool, stopped).of(qualified, errors);
  }

  /** The execution ended while its input was checked: the call is not made. */
  static final class Stopped extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Stopped() {
      super("the execution ended while the tool's input was checked", null, false, false);
    }
  }

  /**
   * A validator run that can be stopped from outside: networknt evaluates keyword after keyword
   * and names each on the evaluation path first, the one place that runs for every piece of work
   * it does, however large the input or intricate the schema.
   */
  private static final class Stoppable extends ExecutionContext {
    private final BooleanSupplier stopped;
    private int keywords;

    Stoppable(ExecutionConfig config, BooleanSupplier stopped) {
      super(config);
      this.stopped = stopped;
    }

    @Override
    public void evaluationPathAddLast(String keyword) {
      if ((++keywords & STOP_CHECK_MASK) == 0 && stopped.getAsBoolean()) {
        throw new Stopped();
      }
      super.evaluationPathAddLast(keyword);
    }
  }

  /**
   * What makes two errors one: the same keyword failing the same way at the same place. The place
   * is the validator's path object, which hashes itself once, not its text.
   */
  private record Identity(NodePath location, String keyword, @Nullable String property, List<Object> arguments) {}

  /**
   * What makes two problems alike for the count ("of the same kind"): the same keyword failing the
   * same way, wherever it failed.
   */
  private record Kind(String keyword, @Nullable String expected, JsonNodeType found) {

    static Kind of(Error error) {
      Object[] arguments = error.getArguments();
      String expected = switch (error.getKeyword()) {
        case "type" -> arguments != null && arguments.length > 1 ? String.valueOf(arguments[1]) : null;
        case "format" -> arguments != null && arguments.length > 0 ? String.valueOf(arguments[0]) : null;
        default -> null;
      };
      JsonNode found = error.getInstanceNode();
      return new Kind(error.getKeyword(), expected, found == null ? JsonNodeType.MISSING : found.getNodeType());
    }
  }

  /**
   * The message for the errors of one input: the first {@value #MAX_LISTED} distinct ones in
   * words, then how many more there are and, when some are of kinds not listed, a few of those.
   * Only the problems shown are put in words, so that a hundred thousand errors cost a hundred
   * thousand cheap comparisons, not a hundred thousand messages.
   */
  private static final class Report {
    private final ToolDescriptor tool;
    private final BooleanSupplier stopped;
    private final Set<Identity> seen = new HashSet<>();
    private final List<String> listed = new ArrayList<>();
    private final Set<Kind> listedKinds = new HashSet<>();
    private final Map<Kind, String> otherKinds = new LinkedHashMap<>();
    private int more;

    Report(ToolDescriptor tool, BooleanSupplier stopped) {
      this.tool = tool;
      this.stopped = stopped;
    }

    String of(String qualified, List<Error> errors) {
      int checked = 0;
      for (Error error : errors) {
        if ((++checked & STOP_CHECK_MASK) == 0 && stopped.getAsBoolean()) {
          throw new Stopped();
        }
        add(error);
      }
      return message(qualified);
    }

    private void add(Error error) {
      Object[] arguments = error.getArguments();
      Identity identity = new Identity(error.getInstanceLocation(), error.getKeyword(), error.getProperty(),
          arguments == null ? List.of() : Arrays.asList(arguments));
      if (!seen.add(identity)) {
        return;
      }
      Kind kind = Kind.of(error);
      if (listed.size() < MAX_LISTED) {
        String line = line(error, tool);
        if (line != null) {
          listed.add(line);
          listedKinds.add(kind);
        }
        return;
      }
      more++;
      if (!listedKinds.contains(kind) && otherKinds.size() < MAX_OTHER_KINDS && !otherKinds.containsKey(kind)) {
        otherKinds.put(kind, line(error, tool));
      }
    }

    private String message(String qualified) {
      StringBuilder message = new StringBuilder(qualified).append(": the input does not fit the tool's schema");
      if (listed.size() == 1 && more == 0) {
        return message.append(": ").append(listed.get(0)).toString();
      }
      if (more > 0) {
        message.append(String.format(Locale.ROOT, " (%,d errors; the first %d)", listed.size() + more, listed.size()));
      }
      message.append(':');
      for (String line : listed) {
        message.append("\n- ").append(line);
      }
      if (more > 0) {
        message.append(String.format(Locale.ROOT, "\n… and %,d more error%s", more, more == 1 ? "" : "s"));
        if (otherKinds.isEmpty()) {
          message.append(listedKinds.size() == 1 ? " of the same kind." : " of the same kinds.");
        } else {
          message.append(", among them other kinds, like:");
          for (String line : otherKinds.values()) {
            message.append("\n- ").append(line);
          }
        }
      }
      return message.toString();
    }
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
    String json = quoted(value);
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

  /**
   * The JSON text of {@code value}, cut to {@value #MAX_QUOTED} characters. Only what is shown is
   * written: a message about a huge value costs as much as one about a small one, however many
   * problems quote it.
   */
  static String quoted(JsonNode value) {
    StringBuilder out = new StringBuilder();
    boolean whole = write(out, value, MAX_QUOTED + 1);
    if (whole && out.length() <= MAX_QUOTED) {
      return out.toString();
    }
    return out.substring(0, Math.min(out.length(), MAX_QUOTED - 3)) + "...";
  }

  /** Appends {@code value}'s JSON while {@code out} is shorter than {@code limit}; false when it stopped early. */
  private static boolean write(StringBuilder out, JsonNode value, int limit) {
    if (out.length() >= limit) {
      return false;
    }
    switch (value.getNodeType()) {
      case OBJECT -> {
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, JsonNode> property : value.properties()) {
          if (!first) {
            out.append(',');
          }
          first = false;
          if (!writeString(out, property.getKey(), limit)) {
            return false;
          }
          out.append(':');
          if (!write(out, property.getValue(), limit)) {
            return false;
          }
        }
        out.append('}');
      }
      case ARRAY -> {
        out.append('[');
        for (int i = 0; i < value.size(); i++) {
          if (i > 0) {
            out.append(',');
          }
          if (!write(out, value.get(i), limit)) {
            return false;
          }
        }
        out.append(']');
      }
      case STRING -> {
        return writeString(out, value.stringValue(), limit);
      }
      case NUMBER -> out.append(JsonNumbers.text(value));
      case BINARY, POJO -> out.append("\"…\"");
      default -> out.append(value.toString());
    }
    return out.length() < limit;
  }

  /** A string's JSON text, of no more than what fits before {@code limit}. */
  private static boolean writeString(StringBuilder out, String text, int limit) {
    int room = Math.max(0, limit - out.length());
    boolean whole = text.length() <= room;
    out.append(JsonCodec.defaults().toJson(JsonCodec.defaults().nodes().stringNode(whole ? text : text.substring(0, room))));
    return whole && out.length() < limit;
  }
}
