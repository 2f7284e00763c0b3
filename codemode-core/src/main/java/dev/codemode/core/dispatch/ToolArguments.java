package dev.codemode.core.dispatch;

import dev.codemode.core.JsonCodec;
import dev.codemode.core.JsonNumbers;
import dev.codemode.core.Suggestions;
import dev.codemode.core.ToolInputException;
import dev.codemode.core.ToolNames;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.InvalidTypeIdException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.PropertyBindingException;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The checked input object of one tool call, from which generated dispatch code decodes each
 * argument. {@link #read} rejects an input that is not an object, lacks a required property or has
 * an unknown one; {@link #get} decodes one property and turns a decoding failure into a {@link
 * ToolInputException} that names the property path, what was expected and what came.
 */
public final class ToolArguments {

  private static final Pattern KNOWN_TYPE_IDS = Pattern.compile("known type ids = \\[([^\\]]*)]");

  private final JsonCodec codec;
  private final ToolSignature signature;
  private final ObjectNode input;

  private ToolArguments(JsonCodec codec, ToolSignature signature, ObjectNode input) {
    this.codec = codec;
    this.signature = signature;
    this.input = input;
  }

  /**
   * Checks the shape of a tool's input.
   *
   * @param input the input; {@code null}, JSON {@code null} or missing counts as {@code {}}
   * @throws ToolInputException when it is not an object, a required property is absent or {@code
   *     null}, or a property is unknown
   */
  public static ToolArguments read(JsonCodec codec, ToolSignature signature, JsonNode input) {
    Objects.requireNonNull(codec, "codec");
    Objects.requireNonNull(signature, "signature");
    ObjectNode object;
    if (input == null || input.isNull() || input.isMissingNode()) {
      object = codec.nodes().objectNode();
    } else if (input instanceof ObjectNode given) {
      object = given;
    } else {
      throw new ToolInputException(
          signature.connector(),
          signature.tool(),
          null,
          "the input must be an object " + shape(signature) + ", got "
              + JsonShapes.describeValue(input));
    }
    rejectUnknown(signature, object);
    rejectMissing(signature, object);
    return new ToolArguments(codec, signature, object);
  }

  private static void rejectUnknown(ToolSignature signature, ObjectNode object) {
    List<String> known = signature.names();
    Set<String> knownSet = Set.copyOf(known);
    List<String> unknown = new ArrayList<>();
    for (String name : object.propertyNames()) {
      if (!knownSet.contains(name)) {
        unknown.add(name);
      }
    }
    if (unknown.isEmpty()) {
      return;
    }
    StringBuilder problem =
        new StringBuilder(unknown.size() == 1 ? "unknown property " : "unknown properties ");
    for (int i = 0; i < unknown.size(); i++) {
      String name = unknown.get(i);
      problem.append(i == 0 ? "" : ", ").append('"').append(name).append('"');
      Suggestions.closest(name, known)
          .filter(match -> !object.has(match))
          .ifPresent(match -> problem.append(" (did you mean \"").append(match).append("\"?)"));
    }
    problem.append("; ").append(knownProperties(known));
    throw new ToolInputException(
        signature.connector(), signature.tool(), unknown.get(0), problem.toString());
  }

  private static void rejectMissing(ToolSignature signature, ObjectNode object) {
    List<ParameterSignature> missing = new ArrayList<>();
    for (ParameterSignature parameter : signature.parameters()) {
      JsonNode value = object.get(parameter.name());
      if (parameter.required() && (value == null || value.isNull())) {
        missing.add(parameter);
      }
    }
    if (missing.isEmpty()) {
      return;
    }
    StringBuilder problem =
        new StringBuilder(
            missing.size() == 1 ? "missing required property " : "missing required properties ");
    for (int i = 0; i < missing.size(); i++) {
      ParameterSignature parameter = missing.get(i);
      problem
          .append(i == 0 ? "" : ", ")
          .append('"')
          .append(parameter.name())
          .append("\" (")
          .append(parameter.expected())
          .append(')');
    }
    throw new ToolInputException(
        signature.connector(), signature.tool(), missing.get(0).name(), problem.toString());
  }

  private static String shape(ToolSignature signature) {
    List<String> parts = new ArrayList<>();
    for (ParameterSignature parameter : signature.parameters()) {
      parts.add(parameter.name() + (parameter.required() ? "" : "?") + ": " + parameter.expected());
    }
    return "{" + String.join(", ", parts) + "}";
  }

  private static String knownProperties(Collection<String> known) {
    return known.isEmpty()
        ? "this tool takes no properties"
        : "known properties: " + String.join(", ", known);
  }

  /** The input object. */
  public ObjectNode input() {
    return input;
  }

  /**
   * Decodes the property of the parameter at {@code index} as an instance of a plain class.
   *
   * @throws ToolInputException when the value does not fit {@code type}
   */
  public <V> V get(int index, Class<V> type) {
    return get(index, codec.type(type));
  }

  /**
   * Decodes the property of the parameter at {@code index}. An absent or {@code null} optional
   * property decodes as JSON {@code null}: {@code Optional.empty()} for an {@code Optional}, {@code
   * null} otherwise.
   *
   * @throws ToolInputException when the value does not fit {@code type}
   */
  // Generated code builds type from the declaration of the variable it assigns the value to.
  @SuppressWarnings("TypeParameterUnusedInFormals")
  public <V> V get(int index, JavaType type) {
    ParameterSignature parameter = signature.parameters().get(index);
    JsonNode value = input.get(parameter.name());
    try {
      return codec.decode(value == null ? NullNode.getInstance() : value, type);
    } catch (JacksonException e) {
      throw describe(parameter, value, e);
    }
  }

  private ToolInputException describe(
      ParameterSignature parameter, JsonNode value, JacksonException e) {
    List<JacksonException.Reference> path = e.getPath();
    String property = parameter.name() + pathSuffix(path);
    String problem;
    if (e instanceof PropertyBindingException binding) {
      List<String> known = new ArrayList<>();
      if (binding.getKnownPropertyIds() != null) {
        binding.getKnownPropertyIds().forEach(id -> known.add(String.valueOf(id)));
      }
      String parent = parameter.name() + pathSuffix(path.subList(0, Math.max(0, path.size() - 1)));
      StringBuilder text =
          new StringBuilder("unknown property \"")
              .append(binding.getPropertyName())
              .append("\" in \"")
              .append(parent)
              .append('"');
      Suggestions.closest(binding.getPropertyName(), known)
          .ifPresent(match -> text.append(" (did you mean \"").append(match).append("\"?)"));
      problem = text.append("; ").append(knownProperties(known)).toString();
    } else if (e instanceof InvalidTypeIdException typeId) {
      String given = typeId.getTypeId();
      Matcher known = KNOWN_TYPE_IDS.matcher(String.valueOf(typeId.getOriginalMessage()));
      String choices =
          known.find() ? "; the known types are \"" + known.group(1).replace(", ", "\", \"") + "\"" : "";
      problem =
          given == null
              ? "property \"" + property + "\" lacks the property that names its type" + choices
              : "property \"" + property + "\" names the unknown type \"" + given + "\"" + choices;
    } else {
      JsonNode found = at(value, path);
      String integer = found == null ? null : JsonNumbers.integerProblem(found, targetType(e));
      if (integer != null) {
        // Jackson's words here name Java types ("cannot convert 1.0E300 to `long`"); the range is
        // what the model needs to pick a value that fits.
        problem = "property \"" + property + "\": " + integer;
      } else {
        String expected =
            path.isEmpty()
                ? parameter.expected()
                : JsonShapes.describeType(targetType(e), codec);
        problem =
            "property \"" + property + "\" expected " + expected + ", got "
                + JsonShapes.describeValue(found);
        String detail = detail(e);
        if (detail != null) {
          problem += " (" + detail + ")";
        }
      }
    }
    return new ToolInputException(signature.connector(), signature.tool(), property, problem);
  }

  private static @Nullable Class<?> targetType(JacksonException e) {
    if (e instanceof MismatchedInputException mismatch) {
      return mismatch.getTargetType();
    }
    if (e instanceof InputCoercionException coercion) {
      return coercion.getTargetType();
    }
    return null;
  }

  /** The reason beyond the type, when Jackson knows one (an invalid date, an out-of-range number). */
  private static @Nullable String detail(JacksonException e) {
    Throwable cause = e.getCause();
    if (cause != null && cause.getMessage() != null && cause != e) {
      return cause.getMessage().lines().findFirst().orElse(null);
    }
    if (e instanceof InputCoercionException) {
      return "out of range";
    }
    return null;
  }

  private static @Nullable JsonNode at(
      @Nullable JsonNode value, List<JacksonException.Reference> path) {
    JsonNode node = value;
    for (JacksonException.Reference reference : path) {
      if (node == null) {
        return null;
      }
      node = reference.getPropertyName() != null
          ? node.get(reference.getPropertyName())
          : node.get(reference.getIndex());
    }
    return node;
  }

  private static String pathSuffix(List<JacksonException.Reference> path) {
    StringBuilder out = new StringBuilder();
    for (JacksonException.Reference reference : path) {
      String name = reference.getPropertyName();
      if (name != null) {
        if (ToolNames.isIdentifier(name)) {
          out.append('.').append(name);
        } else {
          out.append("[\"").append(name.replace("\"", "\\\"")).append("\"]");
        }
      } else if (reference.getIndex() >= 0) {
        out.append('[').append(reference.getIndex()).append(']');
      }
    }
    return out.toString();
  }
}
