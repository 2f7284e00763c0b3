package dev.codemode.openapi.build;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Translates OpenAPI schemas (3.0's dialect, or 3.1's JSON Schema 2020-12) into the JSON Schema
 * 2020-12 of tool descriptors.
 *
 * <p>Every {@code #/components/schemas/X} becomes a reference to a named type {@code
 * #/$defs/<Key>}, where the key is {@code X} PascalCased into a TypeScript identifier ({@code
 * simple-user} → {@code SimpleUser}; collisions get {@code 2}, {@code 3}... in component order).
 * Each component is translated once per {@link Mode} whatever the number of tools that use it, and
 * never inlined, so cycles cost nothing. Other local references ({@code
 * #/components/schemas/X/properties/y}) are inlined, a cycle through them becoming {@code {}}.
 *
 * <p>Rules: 3.0's {@code nullable: true} becomes a {@code "null"} member of {@code type} (and of
 * {@code enum}) when the schema has a plain {@code type}, else {@code anyOf: [schema, {type:
 * null}]}; 3.0's boolean {@code exclusiveMinimum}/{@code exclusiveMaximum} become the numeric
 * form; {@code format: binary} and Swagger's {@code type: file} become the base64 binary schema
 * ({@code Uint8Array} in the sandbox); an array without {@code items} gets {@code items: {}}; in
 * 3.0 the siblings of a {@code $ref} are ignored, as the spec says, while 3.1 keeps them; a {@code
 * discriminator} becomes a sentence of the description and, on the members of a {@code
 * oneOf}/{@code anyOf} that refer to components, a {@code const} on the discriminating property;
 * {@code example}, {@code xml}, {@code externalDocs} and {@code x-} extensions are dropped.
 *
 * <p>Input and output differ: in {@link Mode#INPUT} properties marked {@code readOnly} are left
 * out (the server ignores them), in {@link Mode#OUTPUT} those marked {@code writeOnly} (the server
 * never sends them). A component that has such properties, directly or through the components it
 * refers to, has an input variant named {@code <Key>Writable}.
 */
final class SchemaTranslator {

  /** Which side of the call a schema describes. */
  enum Mode {
    /** Request: {@code readOnly} properties are left out. */
    INPUT,
    /** Response: {@code writeOnly} properties are left out. */
    OUTPUT
  }

  /** A translated schema and the components it refers to directly. */
  private record Translation(JsonNode schema, Set<String> refs) {}

  static final String COMPONENTS = "#/components/schemas/";

  /** Keywords copied as they are. */
  private static final Set<String> KEPT =
      Set.of(
          "title", "description", "default", "deprecated", "enum", "const", "format",
          "multipleOf", "maximum", "minimum", "maxLength", "minLength", "pattern", "maxItems",
          "minItems", "uniqueItems", "maxProperties", "minProperties", "required", "readOnly",
          "writeOnly", "contentEncoding", "contentMediaType", "dependentRequired", "minContains",
          "maxContains");
  /** Keywords whose value is one schema. */
  private static final Set<String> ONE_SCHEMA =
      Set.of(
          "additionalProperties", "unevaluatedProperties", "unevaluatedItems", "propertyNames",
          "contains", "not", "if", "then", "else");
  /** Keywords whose value is an array of schemas. */
  private static final Set<String> SCHEMA_ARRAYS = Set.of("allOf", "anyOf", "oneOf", "prefixItems");
  /** Keywords whose value maps names to schemas. */
  private static final Set<String> SCHEMA_MAPS = Set.of("patternProperties", "dependentSchemas");
  /** Annotations that stay on the outside when a nullable schema is wrapped in {@code anyOf}. */
  private static final List<String> ANNOTATIONS =
      List.of("title", "description", "default", "deprecated", "readOnly", "writeOnly");

  /**
   * The keywords of an OpenAPI 3.0 schema, in the order swagger-parser's model writes them. A 3.0
   * schema's keywords are translated in this order, and others (3.1's, unknown ones) are dropped,
   * so that a spec read directly ({@link LocalJsonSpec}) gives the same descriptor as one that
   * went through swagger-parser's model, which reorders and drops them so.
   */
  private static final Map<String, Integer> OPENAPI_30_KEYWORDS = rank(
      "title", "multipleOf", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum",
      "maxLength", "minLength", "pattern", "maxItems", "minItems", "uniqueItems", "maxProperties",
      "minProperties", "required", "type", "not", "properties", "additionalProperties",
      "description", "format", "$ref", "nullable", "readOnly", "writeOnly", "example",
      "externalDocs", "deprecated", "xml", "discriminator", "items", "allOf", "anyOf", "oneOf",
      "default", "enum");

  private final JsonNode document;
  private final boolean openApi31;
  private final Findings findings;
  private final JsonNodeFactory nodes = JsonNodeFactory.instance;
  private final JsonNode components;
  private final Map<String, String> keys = new LinkedHashMap<>();
  private final Map<String, String> writableKeys = new HashMap<>();
  private final Map<Mode, Map<String, Translation>> cache = new EnumMap<>(Mode.class);

  SchemaTranslator(JsonNode document, boolean openApi31, Findings findings) {
    this.document = document;
    this.openApi31 = openApi31;
    this.findings = findings;
    JsonNode schemas = document.path("components").path("schemas");
    this.components = schemas.isObject() ? schemas : nodes.objectNode();
    Set<String> taken = new HashSet<>();
    for (String name : components.propertyNames()) {
      String key = Names.unique(Names.typeName(name), taken, "");
      taken.add(key);
      keys.put(name, key);
      if (!key.equals(name)) {
        // only worth a warning when two names meet, not for every simple-user → SimpleUser
        String plain = Names.typeName(name);
        if (!plain.equals(key)) {
          findings.warn(
              componentPointer(name),
              "schema " + name + " is named type " + key + " because an earlier schema already"
                  + " took " + plain);
        }
      }
    }
    for (String name : affectedByVisibility()) {
      String key = Names.unique(keys.get(name) + "Writable", taken, "");
      taken.add(key);
      writableKeys.put(name, key);
    }
    cache.put(Mode.INPUT, new HashMap<>());
    cache.put(Mode.OUTPUT, new HashMap<>());
  }

  /**
   * Translates a schema found at {@code at}, adding the components it refers to to {@code refs}.
   */
  JsonNode translate(JsonNode schema, Pointer at, Mode mode, Set<String> refs) {
    return translate(schema, at, mode, refs, new ArrayList<>());
  }

  /**
   * The {@code $defs} a schema that refers to {@code roots} needs: those components and every
   * component they reach, in order of first reach, under their keys.
   */
  ObjectNode definitions(Set<String> roots, Mode mode) {
    ObjectNode defs = nodes.objectNode();
    Set<String> seen = new LinkedHashSet<>(roots);
    Deque<String> work = new ArrayDeque<>(roots);
    while (!work.isEmpty()) {
      String name = work.removeFirst();
      Translation translation = component(name, mode);
      defs.set(keyFor(name, mode), translation.schema());
      for (String next : translation.refs()) {
        if (seen.add(next)) {
          work.addLast(next);
        }
      }
    }
    return defs;
  }

  /** The raw schema behind a {@code $ref} to a component, or {@code null}. */
  @Nullable JsonNode componentSchema(String ref) {
    String name = componentName(ref);
    return name == null ? null : components.get(name);
  }

  /** The raw schema at a local {@code $ref}, or {@code null}. */
  @Nullable JsonNode resolveLocal(String ref) {
    return resolve(document, ref);
  }

  private Translation component(String name, Mode mode) {
    Mode effective = writableKeys.containsKey(name) ? mode : Mode.OUTPUT;
    Map<String, Translation> translations = Objects.requireNonNull(cache.get(effective));
    Translation known = translations.get(name);
    if (known == null) {
      Set<String> refs = new LinkedHashSet<>();
      JsonNode schema =
          translate(components.get(name), componentPointer(name), effective, refs, new ArrayList<>());
      known = new Translation(schema, refs);
      translations.put(name, known);
    }
    return known;
  }

  private @Nullable String keyFor(String name, Mode mode) {
    String writable = mode == Mode.INPUT ? writableKeys.get(name) : null;
    return writable != null ? writable : keys.get(name);
  }

  private static Pointer componentPointer(String name) {
    return Pointer.ROOT.at("components").at("schemas").at(name);
  }

  private JsonNode translate(
      JsonNode schema, Pointer at, Mode mode, Set<String> refs, List<String> inlining) {
    if (schema == null || schema.isNull()) {
      return nodes.objectNode();
    }
    if (schema.isBoolean()) {
      return schema;
    }
    if (!schema.isObject()) {
      findings.problem(
          at,
          "a schema must be an object, found "
              + schema.getNodeType().name().toLowerCase(Locale.ROOT),
          "Write the schema as an object such as {type: string}");
      return nodes.objectNode();
    }
    JsonNode ref = schema.get("$ref");
    if (ref == null) {
      return translateObject(schema, at, mode, refs, inlining);
    }
    JsonNode target = reference(ref, at, mode, refs, inlining);
    if (!openApi31 || schema.size() == 1) {
      return target;
    }
    ObjectNode siblings = translateObject(schema, at, mode, refs, inlining);
    if (siblings.isEmpty()) {
      return target;
    }
    ObjectNode merged = nodes.objectNode();
    if (target.isObject() && target.size() == 1 && target.has("$ref")) {
      merged.set("$ref", target.get("$ref"));
    } else {
      merged.set("allOf", nodes.arrayNode().add(target));
    }
    merged.setAll(siblings);
    return merged;
  }

  private JsonNode reference(
      JsonNode refNode, Pointer at, Mode mode, Set<String> refs, List<String> inlining) {
    if (!refNode.isString()) {
      findings.problem(at.at("$ref"), "$ref must be a string", "Write it as \"#/components/schemas/Name\"");
      return nodes.objectNode();
    }
    String ref = refNode.stringValue();
    String name = componentName(ref);
    if (name != null) {
      if (!keys.containsKey(name)) {
        findings.problem(
            at.at("$ref"),
            "$ref " + ref + " points to nothing: components/schemas has no " + name,
            "Define " + name + " under components/schemas or correct the $ref");
        return nodes.objectNode();
      }
      refs.add(name);
      return nodes.objectNode().put("$ref", "#/$defs/" + keyFor(name, mode));
    }
    if (ref.startsWith("#")) {
      JsonNode target = resolve(document, ref);
      if (target == null) {
        findings.problem(
            at.at("$ref"), "$ref " + ref + " points to nothing in the spec",
            "Correct the $ref or define what it points to");
        return nodes.objectNode();
      }
      if (inlining.contains(ref)) {
        findings.warn(
            at, "the schema refers to itself through " + ref + ", which is not a component"
                + " schema; the recurring part accepts any value (move it to"
                + " components/schemas to get a named type)");
        return nodes.objectNode();
      }
      inlining.add(ref);
      try {
        return translate(target, Pointer.ofRef(ref), mode, refs, inlining);
      } finally {
        inlining.remove(inlining.size() - 1);
      }
    }
    findings.problem(
        at.at("$ref"), "$ref " + ref + " points outside the spec and could not be loaded",
        "Put the referenced file where the $ref says, relative to the spec's folder (a spec read"
            + " from a jar resolves no other files), or copy the schema into components/schemas");
    return nodes.objectNode();
  }

  private ObjectNode translateObject(
      JsonNode schema, Pointer at, Mode mode, Set<String> refs, List<String> inlining) {
    ObjectNode out = nodes.objectNode();
    boolean nullable = false;
    boolean file = false;
    boolean exclusiveMinimum = false;
    boolean exclusiveMaximum = false;
    JsonNode discriminator = null;
    List<String> dropped = new ArrayList<>();
    for (Map.Entry<String, JsonNode> entry : keywords(schema)) {
      String key = entry.getKey();
      JsonNode value = entry.getValue();
      Pointer here = at.at(key);
      switch (key) {
        case "$ref" -> {
          // handled by translate
        }
        case "type" -> {
          if (value.isString() && value.stringValue().equals("file")) {
            file = true;
            out.put("type", "string");
          } else {
            out.set("type", value);
          }
        }
        case "nullable" -> nullable = value.isBoolean() && value.booleanValue();
        case "properties" -> {
          ObjectNode properties = out.putObject("properties");
          if (value.isObject()) {
            for (Map.Entry<String, JsonNode> property : value.properties()) {
              if (hidden(property.getValue(), mode)) {
                dropped.add(property.getKey());
              } else {
                properties.set(
                    property.getKey(),
                    translate(property.getValue(), here.at(property.getKey()), mode, refs,
                        inlining));
              }
            }
          }
        }
        case "items" -> {
          if (value.isArray()) {
            out.set("prefixItems", translateAll(value, here, mode, refs, inlining));
          } else {
            out.set("items", translate(value, here, mode, refs, inlining));
          }
        }
        case "exclusiveMinimum", "exclusiveMaximum" -> {
          if (value.isBoolean()) {
            boolean minimum = key.equals("exclusiveMinimum");
            exclusiveMinimum |= minimum && value.booleanValue();
            exclusiveMaximum |= !minimum && value.booleanValue();
          } else {
            out.set(key, value);
          }
        }
        case "discriminator" -> discriminator = value;
        default -> {
          if (KEPT.contains(key)) {
            out.set(key, value);
          } else if (ONE_SCHEMA.contains(key)) {
            out.set(key, value.isBoolean() ? value : translate(value, here, mode, refs, inlining));
          } else if (SCHEMA_ARRAYS.contains(key) && value.isArray()) {
            out.set(key, translateAll(value, here, mode, refs, inlining));
          } else if (SCHEMA_MAPS.contains(key) && value.isObject()) {
            ObjectNode map = out.putObject(key);
            for (Map.Entry<String, JsonNode> member : value.properties()) {
              map.set(member.getKey(),
                  translate(member.getValue(), here.at(member.getKey()), mode, refs, inlining));
            }
          }
          // example, examples, xml, externalDocs, x-..., $schema, $id, $defs: dropped
        }
      }
    }
    if (exclusiveMinimum && out.has("minimum")) {
      out.set("exclusiveMinimum", out.remove("minimum"));
    }
    if (exclusiveMaximum && out.has("maximum")) {
      out.set("exclusiveMaximum", out.remove("maximum"));
    }
    if (file || isBinaryString(out)) {
      out.remove("format");
      out.put("type", "string");
      out.put("contentEncoding", "base64");
      out.put("contentMediaType", "application/octet-stream");
    }
    if (isArrayType(out.get("type")) && !out.has("items") && !out.has("prefixItems")) {
      out.putObject("items");
    }
    if (!openApi31 && out.get("required") instanceof ArrayNode required) {
      out.set("required", sorted(required));
    }
    if (!dropped.isEmpty() && out.get("required") instanceof ArrayNode required) {
      ArrayNode kept = nodes.arrayNode();
      for (JsonNode name : required) {
        if (!dropped.contains(name.asString(""))) {
          kept.add(name);
        }
      }
      out.set("required", kept);
    }
    if (discriminator != null && discriminator.isObject()) {
      discriminate(schema, out, discriminator);
    }
    return nullable && !openApi31 ? withNull(out) : out;
  }

  /**
   * The members of a schema object in the order they are translated: as written for 3.1; for 3.0
   * only its keywords, in {@link #OPENAPI_30_KEYWORDS} order, and with the type that
   * swagger-parser's model gives a schema with {@code additionalProperties} ({@code object},
   * whatever it says), {@code items} ({@code array}) or, without a type, an {@code enum} of
   * strings ({@code string}).
   */
  private Iterable<Map.Entry<String, JsonNode>> keywords(JsonNode schema) {
    if (openApi31) {
      return schema.properties();
    }
    List<Map.Entry<String, JsonNode>> members = new ArrayList<>(schema.size() + 1);
    String impliedType =
        schema.has("additionalProperties") ? "object"
            : schema.has("items") ? "array"
            : !schema.has("type") && schema.get("enum") instanceof ArrayNode values
                && !values.isEmpty() && allStrings(values) ? "string"
            : null;
    boolean ordered = impliedType == null || schema.has("type");
    int last = -1;
    for (Map.Entry<String, JsonNode> member : schema.properties()) {
      Integer rank = OPENAPI_30_KEYWORDS.get(member.getKey());
      if (impliedType != null && member.getKey().equals("type")) {
        member = Map.entry("type", nodes.stringNode(impliedType));
      }
      if (rank != null) {
        members.add(member);
        ordered &= rank > last;
        last = rank;
      }
    }
    if (impliedType != null && !schema.has("type")) {
      members.add(Map.entry("type", nodes.stringNode(impliedType)));
    }
    if (!ordered) {
      members.sort(Comparator.comparing(member -> OPENAPI_30_KEYWORDS.get(member.getKey())));
    }
    return members;
  }

  /**
   * A 3.0 schema's {@code required} names in alphabetical order, as swagger-parser's model keeps
   * them (the order means nothing); the same node when they are in order already.
   */
  private ArrayNode sorted(ArrayNode required) {
    List<String> names = new ArrayList<>(required.size());
    for (JsonNode name : required) {
      if (!name.isString()) {
        return required;
      }
      names.add(name.stringValue());
    }
    List<String> inOrder = new ArrayList<>(names);
    inOrder.sort(Comparator.naturalOrder());
    if (inOrder.equals(names)) {
      return required;
    }
    ArrayNode out = nodes.arrayNode(inOrder.size());
    inOrder.forEach(out::add);
    return out;
  }

  private static boolean allStrings(ArrayNode values) {
    for (JsonNode value : values) {
      if (!value.isString()) {
        return false;
      }
    }
    return true;
  }

  private static Map<String, Integer> rank(String... keywords) {
    Map<String, Integer> ranks = new HashMap<>();
    for (String keyword : keywords) {
      ranks.put(keyword, ranks.size());
    }
    return Map.copyOf(ranks);
  }

  private ArrayNode translateAll(
      JsonNode schemas, Pointer at, Mode mode, Set<String> refs, List<String> inlining) {
    ArrayNode out = nodes.arrayNode();
    for (int i = 0; i < schemas.size(); i++) {
      out.add(translate(schemas.get(i), at.at(i), mode, refs, inlining));
    }
    return out;
  }

  /** Whether a property is left out in this mode: its schema (or component) is read/write-only. */
  private boolean hidden(JsonNode property, Mode mode) {
    String flag = mode == Mode.INPUT ? "readOnly" : "writeOnly";
    if (!property.isObject()) {
      return false;
    }
    JsonNode ref = property.get("$ref");
    if (ref != null && ref.isString()) {
      JsonNode target = componentSchema(ref.stringValue());
      if (target != null && target.path(flag).asBoolean(false)) {
        return true;
      }
      if (!openApi31) {
        return false;
      }
    }
    return property.path(flag).asBoolean(false);
  }

  /** {@code format: binary} on a string, or 3.1's raw bytes ({@code contentMediaType} only). */
  private static boolean isBinaryString(ObjectNode schema) {
    JsonNode type = schema.get("type");
    boolean stringish = type == null || (type.isString() && type.stringValue().equals("string"));
    if (!stringish) {
      return false;
    }
    if ("binary".equals(schema.path("format").asString(null))) {
      return true;
    }
    return type != null
        && "application/octet-stream".equals(schema.path("contentMediaType").asString(null))
        && !schema.has("contentEncoding");
  }

  private static boolean isArrayType(JsonNode type) {
    if (type == null) {
      return false;
    }
    if (type.isString()) {
      return type.stringValue().equals("array");
    }
    for (JsonNode member : type) {
      if (member.isString() && member.stringValue().equals("array")) {
        return true;
      }
    }
    return false;
  }

  /** 3.0's {@code nullable}: a {@code "null"} type member, or {@code anyOf} with null. */
  private ObjectNode withNull(ObjectNode schema) {
    JsonNode type = schema.get("type");
    boolean combined = schema.has("allOf") || schema.has("anyOf") || schema.has("oneOf")
        || schema.has("not");
    if (type != null && type.isString() && !combined) {
      schema.set("type", nodes.arrayNode().add(type.stringValue()).add("null"));
      if (schema.get("enum") instanceof ArrayNode values) {
        boolean hasNull = false;
        for (JsonNode value : values) {
          hasNull |= value.isNull();
        }
        if (!hasNull) {
          ArrayNode copy = values.deepCopy();
          copy.addNull();
          schema.set("enum", copy);
        }
      }
      return schema;
    }
    ObjectNode inner = nodes.objectNode();
    for (Map.Entry<String, JsonNode> entry : schema.properties()) {
      if (!ANNOTATIONS.contains(entry.getKey())) {
        inner.set(entry.getKey(), entry.getValue());
      }
    }
    if (inner.isEmpty()) {
      return schema; // accepts anything, null included
    }
    ObjectNode wrapper = nodes.objectNode();
    wrapper.set("anyOf", nodes.arrayNode().add(inner).add(nodes.objectNode().put("type", "null")));
    for (String annotation : ANNOTATIONS) {
      if (schema.has(annotation)) {
        wrapper.set(annotation, schema.get(annotation));
      }
    }
    return wrapper;
  }

  /**
   * Shows a discriminator: a sentence in the description, and on each {@code oneOf}/{@code
   * anyOf} member that refers to a component, the value of the discriminating property as a
   * {@code const} (so that TypeScript can narrow the union).
   */
  private void discriminate(JsonNode schema, ObjectNode out, JsonNode discriminator) {
    String property = discriminator.path("propertyName").asString(null);
    if (property == null) {
      return;
    }
    Map<String, List<String>> valuesByComponent = new LinkedHashMap<>();
    List<String> pairs = new ArrayList<>();
    JsonNode mapping = discriminator.get("mapping");
    if (mapping != null && mapping.isObject()) {
      for (Map.Entry<String, JsonNode> entry : mapping.properties()) {
        String target = entry.getValue().asString("");
        String name = target.startsWith("#") ? componentName(target) : target;
        if (name != null && keys.containsKey(name)) {
          valuesByComponent.computeIfAbsent(name, unused -> new ArrayList<>()).add(entry.getKey());
          pairs.add("\"" + entry.getKey() + "\" → " + keys.get(name));
        }
      }
    }
    boolean constrained = false;
    for (String combinator : List.of("oneOf", "anyOf")) {
      JsonNode rawMembers = schema.get(combinator);
      if (!(out.get(combinator) instanceof ArrayNode members) || rawMembers == null) {
        continue;
      }
      for (int i = 0; i < members.size() && i < rawMembers.size(); i++) {
        String name = componentName(rawMembers.get(i).path("$ref").asString(""));
        if (name == null || !keys.containsKey(name)) {
          continue;
        }
        List<String> values = valuesByComponent.getOrDefault(name, List.of(name));
        if (!valuesByComponent.containsKey(name)) {
          pairs.add("\"" + name + "\" → " + keys.get(name));
        }
        ObjectNode tag = nodes.objectNode();
        tag.put("type", "object");
        ObjectNode value = tag.putObject("properties").putObject(property);
        if (values.size() == 1) {
          value.put("const", values.get(0));
        } else {
          ArrayNode allowed = value.putArray("enum");
          values.forEach(allowed::add);
        }
        tag.putArray("required").add(property);
        ObjectNode member = nodes.objectNode();
        member.set("allOf", nodes.arrayNode().add(members.get(i)).add(tag));
        members.set(i, member);
        constrained = true;
      }
    }
    String sentence =
        "The " + property + " property tells which schema applies"
            + (pairs.isEmpty() ? "." : ": " + String.join(", ", pairs) + ".");
    if (!constrained && pairs.isEmpty()) {
      sentence = "Subtypes are told apart by the " + property + " property.";
    }
    String description = out.path("description").asString("");
    out.put("description", description.isBlank() ? sentence : description + "\n\n" + sentence);
  }

  /** The component name of {@code #/components/schemas/<name>}, or {@code null}. */
  static @Nullable String componentName(String ref) {
    if (!ref.startsWith(COMPONENTS) || ref.indexOf('/', COMPONENTS.length()) >= 0) {
      return null;
    }
    return Pointer.unescape(decode(ref.substring(COMPONENTS.length())));
  }

  private static String decode(String segment) {
    return segment.indexOf('%') >= 0 ? URLDecoder.decode(segment, StandardCharsets.UTF_8) : segment;
  }

  /** What a local {@code $ref} ({@code #/a/b}) points to in {@code document}, or {@code null}. */
  static @Nullable JsonNode resolve(JsonNode document, String ref) {
    if (!ref.startsWith("#")) {
      return null;
    }
    String body = ref.substring(1);
    if (body.isEmpty()) {
      return document;
    }
    if (!body.startsWith("/")) {
      return null;
    }
    JsonNode node = document;
    for (String raw : body.substring(1).split("/", -1)) {
      String segment = Pointer.unescape(decode(raw));
      if (node.isObject()) {
        node = node.get(segment);
      } else if (node.isArray() && segment.matches("\\d+")) {
        node = node.get(Integer.parseInt(segment));
      } else {
        return null;
      }
      if (node == null) {
        return null;
      }
    }
    return node;
  }

  /**
   * The components whose input and output translations differ: those with a {@code readOnly} or
   * {@code writeOnly} property, and those that reach one of them through references.
   */
  private Set<String> affectedByVisibility() {
    Map<String, Set<String>> referrers = new HashMap<>();
    Deque<String> work = new ArrayDeque<>();
    Set<String> affected = new LinkedHashSet<>();
    for (String name : components.propertyNames()) {
      boolean direct = scan(components.get(name), true, name, referrers);
      if (direct && affected.add(name)) {
        work.add(name);
      }
    }
    while (!work.isEmpty()) {
      for (String referrer : referrers.getOrDefault(work.removeFirst(), Set.of())) {
        if (affected.add(referrer)) {
          work.add(referrer);
        }
      }
    }
    Set<String> inOrder = new LinkedHashSet<>();
    for (String name : components.propertyNames()) {
      if (affected.contains(name)) {
        inOrder.add(name);
      }
    }
    return inOrder;
  }

  /** Records the references of a component's schema; true if it marks something read/write-only. */
  private boolean scan(
      JsonNode node, boolean root, String component, Map<String, Set<String>> referrers) {
    boolean marked = false;
    if (node.isObject()) {
      if (!root && (node.path("readOnly").asBoolean(false)
          || node.path("writeOnly").asBoolean(false))) {
        marked = true;
      }
      JsonNode ref = node.get("$ref");
      if (ref != null && ref.isString()) {
        String target = componentName(ref.stringValue());
        if (target == null && ref.stringValue().startsWith(COMPONENTS)) {
          String rest = ref.stringValue().substring(COMPONENTS.length());
          target = Pointer.unescape(decode(rest.substring(0, rest.indexOf('/'))));
        }
        if (target != null && components.has(target)) {
          referrers.computeIfAbsent(target, unused -> new HashSet<>()).add(component);
          JsonNode targetSchema = components.get(target);
          marked |= targetSchema.path("readOnly").asBoolean(false)
              || targetSchema.path("writeOnly").asBoolean(false);
        }
      }
      for (Map.Entry<String, JsonNode> entry : node.properties()) {
        String key = entry.getKey();
        if (!key.equals("example") && !key.equals("examples") && !key.equals("default")
            && !key.equals("enum") && !key.equals("const")) {
          marked |= scan(entry.getValue(), false, component, referrers);
        }
      }
    } else if (node.isArray()) {
      for (JsonNode member : node) {
        marked |= scan(member, false, component, referrers);
      }
    }
    return marked;
  }
}
