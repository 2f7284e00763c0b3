package dev.codemode.core.typescript;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Converts the JSON Schemas of one document (one tool's input or output schema, with its {@code
 * $defs}) into {@link TsType}s. Never throws on malformed schemas: whatever it cannot read soundly
 * becomes {@code unknown}.
 *
 * <p>An instance holds the conversion path for its cycle guard, so it is used by one thread for
 * one conversion at a time.
 */
final class SchemaConverter {

  /** Nesting depth at which conversion stops and gives {@code unknown}. */
  static final int MAX_DEPTH = 20;

  /** Decides which references become named types. */
  interface ReferenceNaming {

    /**
     * The named type for the definition at {@code pointer} (an entry of {@code $defs} or {@code
     * definitions}, at any nesting of those), or {@code null} to inline it.
     *
     * @param key the definition's key, the last segment of the pointer
     * @param pointer the {@code $ref} text, such as {@code #/$defs/Task}
     * @param definition the schema it points to
     */
    @Nullable TsType definition(String key, String pointer, JsonNode definition);

    /** The named type of the document root ({@code $ref: "#"}), or {@code null} to inline it. */
    @Nullable TsType root();
  }

  private final JsonNode root;
  private final ReferenceNaming naming;
  private final Set<JsonNode> path = Collections.newSetFromMap(new IdentityHashMap<>());

  SchemaConverter(JsonNode root, ReferenceNaming naming) {
    this.root = root;
    this.naming = naming;
  }

  /** The type of {@code schema}, a schema of this converter's document. */
  TsType convert(JsonNode schema) {
    return convert(schema, 0);
  }

  private TsType convert(JsonNode schema, int depth) {
    if (schema == null) {
      return TsType.UNKNOWN;
    }
    if (schema.isBoolean()) {
      return schema.booleanValue() ? TsType.UNKNOWN : TsType.NEVER;
    }
    if (!schema.isObject() || depth >= MAX_DEPTH || !path.add(schema)) {
      return TsType.UNKNOWN;
    }
    try {
      TsType type = convertParts(schema, depth);
      JsonNode nullable = schema.get("nullable");
      if (nullable != null && nullable.isBoolean() && nullable.booleanValue()) {
        return withNull(type);
      }
      return type;
    } finally {
      path.remove(schema);
    }
  }

  /**
   * The intersection of what the schema says by itself ({@code enum}, {@code const}, {@code
   * type}, {@code properties}), by {@code $ref}, and by each combinator, in that order. A bare
   * {@code type: "object"} is dropped when the other parts say more than {@code unknown}.
   */
  private TsType convertParts(JsonNode schema, int depth) {
    List<TsType> parts = new ArrayList<>();
    TsType own = convertOwn(schema, depth);
    JsonNode ref = schema.get("$ref");
    if (ref != null && ref.isString()) {
      parts.add(convertRef(ref.stringValue(), depth));
    }
    List<TsType> anyOf = convertMembers(schema.get("anyOf"), depth);
    if (anyOf != null) {
      parts.add(TsType.union(anyOf));
    }
    List<TsType> oneOf = convertMembers(schema.get("oneOf"), depth);
    if (oneOf != null) {
      parts.add(TsType.union(oneOf));
    }
    List<TsType> allOf = convertMembers(schema.get("allOf"), depth);
    if (allOf != null) {
      parts.add(TsType.intersection(allOf));
    }
    TsType others = TsType.intersection(parts);
    if (own == null || (own.equals(TsType.ANY_OBJECT) && !others.equals(TsType.UNKNOWN))) {
      return others;
    }
    return TsType.intersection(List.of(own, others));
  }

  /** The types of the members of a combinator array, or null if it is absent or empty. */
  private @Nullable List<TsType> convertMembers(@Nullable JsonNode members, int depth) {
    if (members == null || !members.isArray() || members.isEmpty()) {
      return null;
    }
    List<TsType> types = new ArrayList<>();
    for (JsonNode member : members.values()) {
      types.add(convert(member, depth + 1));
    }
    return types;
  }

  /** What {@code enum}, {@code const}, {@code type} or {@code properties} say, or null if none. */
  private @Nullable TsType convertOwn(JsonNode schema, int depth) {
    JsonNode enumValues = schema.get("enum");
    if (enumValues != null && enumValues.isArray()) {
      List<TsType> literals = new ArrayList<>();
      for (JsonNode value : enumValues.values()) {
        literals.add(TsLiterals.literal(value));
      }
      return literals.isEmpty() ? TsType.NEVER : TsType.union(literals);
    }
    if (schema.has("const")) {
      return TsLiterals.literal(schema.get("const"));
    }
    JsonNode type = schema.get("type");
    if (type != null && type.isString()) {
      return convertForType(type.stringValue(), schema, depth);
    }
    if (type != null && type.isArray() && !type.isEmpty()) {
      List<TsType> alternatives = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      for (JsonNode name : type.values()) {
        if (!name.isString()) {
          return TsType.UNKNOWN;
        }
        if (seen.add(name.stringValue())) {
          alternatives.add(convertForType(name.stringValue(), schema, depth));
        }
      }
      return TsType.union(alternatives);
    }
    JsonNode properties = schema.get("properties");
    if (properties != null && properties.isObject()) {
      return convertObject(schema, depth);
    }
    return null;
  }

  private TsType convertForType(String type, JsonNode schema, int depth) {
    return switch (type) {
      case "string" -> isBinary(schema) ? TsType.UINT8_ARRAY : TsType.STRING;
      case "integer" -> isBigInteger(schema) ? TsType.BIGINT : TsType.NUMBER;
      case "number" -> TsType.NUMBER;
      case "boolean" -> TsType.BOOLEAN;
      case "null" -> TsType.NULL;
      case "array" -> convertArray(schema, depth);
      case "object" -> convertObject(schema, depth);
      default -> TsType.UNKNOWN;
    };
  }

  /**
   * Bytes: base64 text of {@code application/octet-stream}, which the sandbox hands to JavaScript
   * as a {@code Uint8Array} (what the Codemode processor writes for {@code byte[]}).
   */
  static boolean isBinary(JsonNode schema) {
    return "base64".equals(schema.path("contentEncoding").asString(null))
        && "application/octet-stream".equals(schema.path("contentMediaType").asString(null));
  }

  /**
   * An integer of any size: {@code format: bigint}, which the sandbox hands to JavaScript as a
   * {@code BigInt} (what the Codemode processor writes for {@code BigInteger}).
   */
  static boolean isBigInteger(JsonNode schema) {
    return "bigint".equals(schema.path("format").asString(null));
  }

  private TsType convertArray(JsonNode schema, int depth) {
    JsonNode prefixItems = schema.get("prefixItems");
    JsonNode items = schema.get("items");
    if (prefixItems != null && prefixItems.isArray() && !prefixItems.isEmpty()) {
      return tuple(prefixItems, items, depth);
    }
    if (items != null && items.isArray()) {
      if (items.isEmpty()) {
        return new TsType.ArrayOf(TsType.UNKNOWN);
      }
      return tuple(items, schema.get("additionalItems"), depth);
    }
    if (items != null && (items.isObject() || items.isBoolean())) {
      return new TsType.ArrayOf(convert(items, depth + 1));
    }
    return new TsType.ArrayOf(TsType.UNKNOWN);
  }

  /** A tuple of the positional schemas, with a rest element when {@code rest} is a schema. */
  private TsType tuple(JsonNode positional, JsonNode rest, int depth) {
    List<TsType> elements = new ArrayList<>();
    for (JsonNode element : positional.values()) {
      elements.add(convert(element, depth + 1));
    }
    boolean hasRest =
        rest != null && (rest.isObject() || (rest.isBoolean() && rest.booleanValue()));
    return new TsType.Tuple(elements, hasRest ? convert(rest, depth + 1) : null);
  }

  private TsType convertObject(JsonNode schema, int depth) {
    Set<String> required = new HashSet<>();
    JsonNode requiredNode = schema.get("required");
    if (requiredNode != null && requiredNode.isArray()) {
      for (JsonNode name : requiredNode.values()) {
        if (name.isString()) {
          required.add(name.stringValue());
        }
      }
    }
    List<TsType.Member> members = new ArrayList<>();
    JsonNode properties = schema.get("properties");
    if (properties != null && properties.isObject()) {
      for (Map.Entry<String, JsonNode> property : properties.properties()) {
        JsonNode propertySchema = property.getValue();
        members.add(
            new TsType.Member(
                property.getKey(),
                !required.contains(property.getKey()),
                convert(propertySchema, depth + 1),
                JsDoc.schemaLines(propertySchema)));
      }
    }
    JsonNode additional = schema.get("additionalProperties");
    TsType indexType = null;
    if (additional != null && additional.isBoolean() && additional.booleanValue()) {
      indexType = TsType.UNKNOWN;
    } else if (additional != null && additional.isObject()) {
      indexType = convert(additional, depth + 1);
    }
    JsonNode patternProperties = schema.get("patternProperties");
    if (patternProperties != null && patternProperties.isObject() && !patternProperties.isEmpty()) {
      indexType = TsType.UNKNOWN;
    }
    List<String> keys = enumeratedKeys(schema.get("propertyNames"));
    if (keys != null && members.isEmpty() && indexType != null) {
      // a map whose keys are an enum (Map<Status, V>): one optional member per key
      for (String key : keys) {
        members.add(new TsType.Member(key, true, indexType, List.of()));
      }
      return new TsType.ObjectLiteral(members, null);
    }
    if (members.isEmpty() && indexType == null) {
      boolean closed = additional != null && additional.isBoolean() && !additional.booleanValue();
      return closed ? TsType.EMPTY_OBJECT : TsType.ANY_OBJECT;
    }
    if (indexType != null && !members.isEmpty()) {
      indexType = widenForMembers(indexType, members);
    }
    return new TsType.ObjectLiteral(members, indexType);
  }

  /**
   * The allowed keys when {@code propertyNames} is an {@code enum} of strings (directly or through
   * a local {@code $ref}), else {@code null}.
   */
  private @Nullable List<String> enumeratedKeys(@Nullable JsonNode propertyNames) {
    if (propertyNames == null || !propertyNames.isObject()) {
      return null;
    }
    JsonNode names = propertyNames;
    JsonNode ref = propertyNames.get("$ref");
    if (ref != null && ref.isString() && ref.stringValue().startsWith("#/")) {
      names = JsonPointers.resolve(root, JsonPointers.segments(ref.stringValue()));
    }
    JsonNode values = names == null ? null : names.get("enum");
    if (values == null || !values.isArray() || values.isEmpty()) {
      return null;
    }
    List<String> keys = new ArrayList<>();
    for (JsonNode value : values.values()) {
      if (!value.isString()) {
        return null;
      }
      keys.add(value.stringValue());
    }
    return keys;
  }

  /**
   * TypeScript requires every property type to fit the index signature; the schema does not (its
   * {@code additionalProperties} applies to the other properties only). The index type is widened
   * to the union with the property types, and {@code undefined} for optional ones.
   */
  private static TsType widenForMembers(TsType indexType, List<TsType.Member> members) {
    if (indexType.equals(TsType.UNKNOWN)) {
      return indexType;
    }
    List<TsType> alternatives = new ArrayList<>();
    alternatives.add(indexType);
    boolean anyOptional = false;
    for (TsType.Member member : members) {
      alternatives.add(member.type());
      anyOptional |= member.optional();
    }
    if (anyOptional) {
      alternatives.add(TsType.UNDEFINED);
    }
    return TsType.union(alternatives);
  }

  private TsType convertRef(String ref, int depth) {
    if (ref.equals("#")) {
      TsType named = naming.root();
      return named != null ? named : convert(root, depth + 1);
    }
    if (!ref.startsWith("#/")) {
      return TsType.UNKNOWN;
    }
    List<String> segments = JsonPointers.segments(ref);
    JsonNode target = JsonPointers.resolve(root, segments);
    if (target == null) {
      return TsType.UNKNOWN;
    }
    if (JsonPointers.isDefinition(segments)) {
      TsType named = naming.definition(segments.get(segments.size() - 1), ref, target);
      if (named != null) {
        return named;
      }
    }
    return convert(target, depth + 1);
  }

  private static TsType withNull(TsType type) {
    if (type.equals(TsType.UNKNOWN) || type.equals(TsType.NEVER) || type.equals(TsType.NULL)) {
      return type;
    }
    return TsType.union(type, TsType.NULL);
  }
}
