package dev.codemode.openapi.build;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The fast way in for the common case, an OpenAPI 3.0 document in JSON whose {@code $ref}s all
 * point inside it ({@code #/...}): read straight into a Jackson 3 tree, without
 * swagger-parser's model and its JSON round trip, which take most of the build time of a large
 * spec (GitHub's 13 MB: about 10 s against 1 s).
 *
 * <p>swagger-parser adds nothing the derivation needs for such a document: with every reference
 * local there is nothing to resolve, and the derivation reads the raw tree the same way. What is
 * not done on this path is swagger-parser's structural validation (its messages, which were only
 * warnings). The derivation reports the structural problems it meets itself, with JSON pointers.
 *
 * <p>Anything else — YAML, Swagger 2.0, OpenAPI 3.1 (whose schemas swagger-parser's model
 * rewrites in ways the derivation does not reproduce), a {@code $ref} to another file or written
 * without {@code #/}, a {@code default} or {@code enum} value swagger-parser would cast, text that
 * is not valid JSON — is left to swagger-parser: {@link #read} returns
 * {@code null}, and the slow path gives its conversion, its resolution and its error messages.
 */
final class LocalJsonSpec {

  /** Formats whose {@code default} and {@code enum} values swagger-parser stores as Java values. */
  private static final Set<String> CAST_FORMATS =
      Set.of("binary", "byte", "date", "date-time");

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private LocalJsonSpec() {}

  /**
   * The document, when the text is JSON, an object that declares {@code openapi} 3.0.x, and
   * reads the same without swagger-parser (see {@link #plain}); else {@code null}.
   */
  static @Nullable ObjectNode read(String text) {
    if (!looksLikeJson(text)) {
      return null;
    }
    JsonNode tree;
    try {
      tree = MAPPER.readTree(text);
    } catch (JacksonException e) {
      return null; // swagger-parser's path reports it with line and column
    }
    if (!(tree instanceof ObjectNode document) || document.has("swagger")) {
      return null;
    }
    String version = version(document);
    if (version == null || !version.startsWith("3.0.")) {
      return null;
    }
    return plain(document) ? document : null;
  }

  /** The declared {@code openapi} version, or {@code null} when it is missing or not a string. */
  static @Nullable String version(ObjectNode document) {
    JsonNode openapi = document.get("openapi");
    return openapi != null && openapi.isString() ? openapi.stringValue() : null;
  }

  /**
   * Whether the first character that is not white space (or a byte order mark) is <code>&#123;
   * </code>.
   */
  private static boolean looksLikeJson(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '{') {
        return true;
      }
      if (!Character.isWhitespace(c) && c != '\uFEFF') {
        return false;
      }
    }
    return false;
  }

  /**
   * Whether the tree reads the same without swagger-parser: every {@code $ref} member anywhere in
   * it is a string that starts with {@code #/} (or is {@code #}), and no object has a {@code
   * default} or {@code enum} that swagger-parser's model would cast or drop (see {@link
   * #readsTheSame}). Objects are checked wherever they are, inside examples too: the check errs
   * on the safe side.
   */
  private static boolean plain(JsonNode root) {
    Deque<JsonNode> work = new ArrayDeque<>();
    work.push(root);
    while (!work.isEmpty()) {
      JsonNode node = work.pop();
      if (node.isObject()) {
        if (!readsTheSame(node)) {
          return false;
        }
        for (Map.Entry<String, JsonNode> member : node.properties()) {
          JsonNode value = member.getValue();
          if (member.getKey().equals("$ref") && !isLocal(value)) {
            return false;
          }
          if (value.isContainer()) {
            work.push(value);
          }
        }
      } else {
        for (JsonNode member : node) {
          if (member.isContainer()) {
            work.push(member);
          }
        }
      }
    }
    return true;
  }

  /**
   * Whether the {@code default} and {@code enum} values of a (schema) object are of its {@code
   * type}, and it is not an array or map schema that also combines others: swagger-parser's model
   * drops {@code allOf}, {@code anyOf} and {@code oneOf} of those, and casts values that are not ({@code default: 3} of a string becomes
   * {@code "3"}) or drops them, and stores those of dates and bytes as Java values that it writes
   * back differently ({@code format: binary} defaults come back base64-encoded).
   */
  private static boolean readsTheSame(JsonNode object) {
    boolean items = object.has("items");
    boolean map = object.has("additionalProperties");
    boolean combines = object.has("allOf") || object.has("anyOf") || object.has("oneOf");
    boolean typedObject = "object".equals(object.path("type").asString(""));
    if ((items && (map || combines)) || (map && combines && !typedObject)) {
      return false; // swagger-parser's array (and untyped map) models drop the combinations
    }
    JsonNode defaultValue = object.get("default");
    JsonNode values = object.get("enum");
    if (defaultValue == null && values == null) {
      return true;
    }
    String format = object.path("format").asString("");
    if (CAST_FORMATS.contains(format)) {
      return false;
    }
    JsonNode type = object.get("type");
    if (type == null) {
      // without a type, swagger-parser's model types an enum of strings, and casts the rest
      return values == null || (values.isArray() && !values.isEmpty() && allStrings(values));
    }
    if (!type.isString()) {
      return false;
    }
    if (defaultValue != null && !fits(defaultValue, type.stringValue())) {
      return false;
    }
    if (values != null) {
      if (!values.isArray()) {
        return false;
      }
      for (JsonNode value : values) {
        if (!value.isNull() && !fits(value, type.stringValue())) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean allStrings(JsonNode values) {
    for (JsonNode value : values) {
      if (!value.isString()) {
        return false;
      }
    }
    return true;
  }

  private static boolean fits(JsonNode value, String type) {
    return switch (type) {
      case "string" -> value.isString();
      case "integer" -> value.isIntegralNumber();
      case "number" -> value.isNumber();
      case "boolean" -> value.isBoolean();
      case "array" -> value.isArray();
      case "object" -> value.isObject();
      default -> false;
    };
  }

  private static boolean isLocal(JsonNode ref) {
    if (!ref.isString()) {
      return false;
    }
    String text = ref.stringValue();
    return text.equals("#") || text.startsWith("#/");
  }
}
