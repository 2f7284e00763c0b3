package dev.codemode.processor;

import dev.codemode.core.JsonCodec;
import dev.codemode.processor.BeanProperties.Property;
import dev.codemode.processor.Polymorphism.Subtype;
import dev.codemode.processor.Polymorphism.TypeInfo;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.AnnotatedConstruct;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Maps Java types to JSON Schema draft 2020-12 the way Jackson 3 reads and writes them.
 *
 * <p>Records, classes, enums and polymorphic types become named definitions in {@code $defs}
 * (shared by all tools of a connector, so a type has one name everywhere), referenced with {@code
 * $ref}; recursion works through those references. Everything else is inlined. A type that cannot
 * be represented is recorded as a {@link Problem} naming where it is and why, and its schema becomes
 * {@code {}}, so one pass reports every problem.
 */
final class SchemaFactory {

  static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

  /** Where a type that cannot be represented sits, and why. */
  record Problem(String location, String message) {}

  /** A type was not generated yet (another processor may write it in a later round). */
  static final class UnresolvedTypeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnresolvedTypeException(TypeMirror type) {
      super("Type " + type + " could not be resolved");
    }
  }

  private static final Map<String, String> SCALARS = new LinkedHashMap<>();

  static {
    // qualified name -> compact JSON Schema
    for (String name :
        List.of("java.lang.String", "java.lang.CharSequence", "java.lang.StringBuilder",
            "java.time.ZoneId", "java.time.ZoneOffset", "java.util.TimeZone", "java.util.Locale",
            "java.util.Currency", "java.nio.charset.Charset", "java.io.File")) {
      SCALARS.put(name, "{\"type\":\"string\"}");
    }
    SCALARS.put("java.lang.Character", "{\"type\":\"string\",\"minLength\":1,\"maxLength\":1}");
    SCALARS.put("java.lang.Boolean", "{\"type\":\"boolean\"}");
    SCALARS.put("java.util.concurrent.atomic.AtomicBoolean", "{\"type\":\"boolean\"}");
    for (String name :
        List.of("java.lang.Byte", "java.lang.Short", "java.lang.Integer", "java.lang.Long",
            "java.util.concurrent.atomic.AtomicInteger", "java.util.concurrent.atomic.AtomicLong",
            "java.time.Year")) {
      SCALARS.put(name, "{\"type\":\"integer\"}");
    }
    // Integers of any size: the sandbox gives them to JavaScript as BigInt, and TypeScript says bigint.
    SCALARS.put("java.math.BigInteger", "{\"type\":\"integer\",\"format\":\"bigint\"}");
    for (String name :
        List.of("java.lang.Float", "java.lang.Double", "java.lang.Number",
            "java.math.BigDecimal")) {
      SCALARS.put(name, "{\"type\":\"number\"}");
    }
    for (String name :
        List.of("java.lang.Object", "tools.jackson.databind.JsonNode",
            "com.fasterxml.jackson.databind.JsonNode")) {
      SCALARS.put(name, "{}");
    }
    for (String name :
        List.of("tools.jackson.databind.node.ObjectNode",
            "com.fasterxml.jackson.databind.node.ObjectNode")) {
      SCALARS.put(name, "{\"type\":\"object\"}");
    }
    for (String name :
        List.of("tools.jackson.databind.node.ArrayNode",
            "com.fasterxml.jackson.databind.node.ArrayNode")) {
      SCALARS.put(name, "{\"type\":\"array\"}");
    }
    SCALARS.put("java.util.UUID", "{\"type\":\"string\",\"format\":\"uuid\"}");
    SCALARS.put("java.net.URI", "{\"type\":\"string\",\"format\":\"uri\"}");
    SCALARS.put("java.net.URL", "{\"type\":\"string\",\"format\":\"uri\"}");
    SCALARS.put("java.nio.file.Path", "{\"type\":\"string\",\"format\":\"uri\"}");
    SCALARS.put("java.util.regex.Pattern", "{\"type\":\"string\",\"format\":\"regex\"}");
    for (String name :
        List.of("java.time.Instant", "java.time.OffsetDateTime", "java.time.ZonedDateTime",
            "java.util.Date", "java.util.Calendar")) {
      SCALARS.put(name, "{\"type\":\"string\",\"format\":\"date-time\"}");
    }
    SCALARS.put("java.time.LocalDate", "{\"type\":\"string\",\"format\":\"date\"}");
    // Jackson writes OffsetTime with toString(), which drops zero seconds ("14:30+02:00"), so
    // RFC 3339 "format": "time" would not hold; a pattern does.
    SCALARS.put(
        "java.time.OffsetTime",
        "{\"type\":\"string\","
            + "\"pattern\":\"^\\\\d{2}:\\\\d{2}(:\\\\d{2}(\\\\.\\\\d{1,9})?)?(Z|[+-]\\\\d{2}:\\\\d{2})$\","
            + "\"examples\":[\"14:30:00+01:00\"]}");
    SCALARS.put(
        "java.time.LocalDateTime",
        "{\"type\":\"string\","
            + "\"pattern\":\"^-?\\\\d{4,}-\\\\d{2}-\\\\d{2}T\\\\d{2}:\\\\d{2}(:\\\\d{2}(\\\\.\\\\d{1,9})?)?$\","
            + "\"examples\":[\"2024-05-31T14:30:00\"]}");
    SCALARS.put(
        "java.time.LocalTime",
        "{\"type\":\"string\",\"pattern\":\"^\\\\d{2}:\\\\d{2}(:\\\\d{2}(\\\\.\\\\d{1,9})?)?$\","
            + "\"examples\":[\"14:30:00\"]}");
    SCALARS.put("java.time.Duration", "{\"type\":\"string\",\"format\":\"duration\"}");
    SCALARS.put("java.time.Period", "{\"type\":\"string\",\"format\":\"duration\"}");
    SCALARS.put(
        "java.time.YearMonth",
        "{\"type\":\"string\",\"pattern\":\"^-?\\\\d{4,}-\\\\d{2}$\",\"examples\":[\"2024-05\"]}");
    SCALARS.put(
        "java.time.MonthDay",
        "{\"type\":\"string\",\"pattern\":\"^--\\\\d{2}-\\\\d{2}$\",\"examples\":[\"--05-31\"]}");
  }

  /** Types that are not JSON values at all; the message says what to use instead. */
  private static final Map<String, String> NOT_VALUES =
      Map.ofEntries(
          Map.entry("java.util.concurrent.CompletionStage",
              "a CompletionStage is only allowed as the return type of a tool"),
          Map.entry("java.util.concurrent.CompletableFuture",
              "a CompletableFuture is only allowed as the return type of a tool"),
          Map.entry("java.util.concurrent.Future", "a Future is not a JSON value"),
          Map.entry("java.util.stream.Stream", "a Stream is not a JSON value; use a List"),
          Map.entry("java.util.Iterator", "an Iterator is not a JSON value; use a List"),
          Map.entry("java.lang.Void", "Void has no JSON value"),
          Map.entry("java.lang.Class", "a Class is not a JSON value"),
          Map.entry("java.lang.Thread", "a Thread is not a JSON value"),
          Map.entry("java.io.InputStream", "a stream is not a JSON value; use byte[]"),
          Map.entry("java.io.OutputStream", "a stream is not a JSON value"),
          Map.entry("java.io.Reader", "a Reader is not a JSON value; use String"),
          Map.entry("java.io.Writer", "a Writer is not a JSON value"));

  private final Elements elements;
  private final Types types;
  private final Annotations annotations;
  private final BeanProperties beans;
  private final Polymorphism polymorphism;
  private final EnumValues enumValues;
  private final Constraints constraints;
  private final JsonNodeFactory nodes = JsonNodeFactory.instance;
  private final TypeElement collectionType;
  private final TypeElement iterableType;
  private final TypeElement mapType;

  SchemaFactory(ProcessingEnvironment environment) {
    this.elements = environment.getElementUtils();
    this.types = environment.getTypeUtils();
    this.annotations = new Annotations(elements);
    this.beans = new BeanProperties(elements, types, annotations);
    this.polymorphism = new Polymorphism(elements, types, annotations);
    this.enumValues = new EnumValues(environment, annotations);
    this.constraints = new Constraints(annotations);
    this.collectionType = elements.getTypeElement("java.util.Collection");
    this.iterableType = elements.getTypeElement("java.lang.Iterable");
    this.mapType = elements.getTypeElement("java.util.Map");
  }

  /** A new set of named definitions for one connector. */
  Definitions newDefinitions() {
    return new Definitions();
  }

  /** The named definitions of one connector, shared by its tools. */
  final class Definitions {
    private final Map<String, Definition> byKey = new LinkedHashMap<>();
    private final Set<String> names = new HashSet<>();

    /** Starts the schemas of one tool. */
    Conversion conversion() {
      return new Conversion(this);
    }
  }

  private static final class Definition {
    final String name;
    final DeclaredType type;
    final ObjectNode schema;
    final Set<String> references = new LinkedHashSet<>();
    final List<Problem> problems = new ArrayList<>();
    @Nullable String notCreatable;

    Definition(String name, DeclaredType type, ObjectNode schema) {
      this.name = name;
      this.type = type;
      this.schema = schema;
    }
  }

  /** One root schema (a tool's input or output) and the definitions it reaches. */
  final class Conversion {
    private final Definitions definitions;
    private final Set<String> rootReferences = new LinkedHashSet<>();
    private final List<Problem> problems = new ArrayList<>();
    private final Deque<Definition> building = new ArrayDeque<>();
    private final Deque<String> path = new ArrayDeque<>();

    private Conversion(Definitions definitions) {
      this.definitions = definitions;
    }

    /**
     * The schema of a property (a tool parameter, a record component): the value's schema with
     * the constraints of {@code sources}, made nullable when {@code nullable}, with a description.
     */
    ObjectNode property(
        TypeMirror type,
        List<? extends AnnotatedConstruct> sources,
        boolean nullable,
        String description,
        String location) {
      path.push(location);
      try {
        TypeMirror valueType = unwrapOptional(type);
        List<AnnotatedConstruct> annotated = new ArrayList<>(sources);
        annotated.add(type);
        annotated.add(valueType);
        ObjectNode schema = (ObjectNode) schema(valueType);
        if (!schema.has("$ref") && schema.has("type")) {
          constraints.apply(schema, schema.get("type").asString(), annotated);
        }
        if (nullable && !schema.isEmpty()) {
          ObjectNode wrapper = nodes.objectNode();
          wrapper.putArray("anyOf").add(schema).add(nodes.objectNode().put("type", "null"));
          schema = wrapper;
        }
        if (description != null && !description.isEmpty()) {
          schema.put("description", description);
        }
        return schema;
      } finally {
        path.pop();
      }
    }

    /** The schema of a value of {@code type} (a tool's output). */
    ObjectNode value(TypeMirror type, String location) {
      path.push(location);
      try {
        return (ObjectNode) schema(type);
      } finally {
        path.pop();
      }
    }

    /** Adds {@code $schema} and the {@code $defs} the root reaches to a root schema. */
    ObjectNode finish(ObjectNode root) {
      ObjectNode out = nodes.objectNode();
      out.put("$schema", DIALECT);
      out.setAll(root);
      List<Definition> reached = reached();
      if (!reached.isEmpty()) {
        ObjectNode defs = out.putObject("$defs");
        for (Definition definition : reached) {
          defs.set(definition.name, definition.schema);
        }
      }
      return out;
    }

    /** Problems found in the root and in every definition it reaches. */
    List<Problem> problems() {
      List<Problem> all = new ArrayList<>(problems);
      for (Definition definition : reached()) {
        all.addAll(definition.problems);
      }
      return all;
    }

    /**
     * Why a value of a reached type cannot be read from JSON, for inputs: Jackson must be able to
     * create every record and class the input reaches.
     */
    List<Problem> creationProblems() {
      List<Problem> all = new ArrayList<>();
      for (Definition definition : reached()) {
        if (definition.notCreatable != null) {
          all.add(
              new Problem(
                  definition.name,
                  "cannot be created from JSON input: " + definition.notCreatable));
        }
      }
      return all;
    }

    private List<Definition> reached() {
      List<Definition> out = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      Deque<String> queue = new ArrayDeque<>(rootReferences);
      while (!queue.isEmpty()) {
        String key = queue.removeFirst();
        if (!seen.add(key)) {
          continue;
        }
        Definition definition = Objects.requireNonNull(definitions.byKey.get(key), key);
        out.add(definition);
        queue.addAll(definition.references);
      }
      return out;
    }

    private void problem(String message) {
      Problem problem = new Problem(location(), message);
      if (building.isEmpty()) {
        problems.add(problem);
      } else {
        building.peek().problems.add(problem);
      }
    }

    private String location() {
      List<String> parts = reversed(new ArrayList<>(path));
      StringBuilder out = new StringBuilder();
      for (String part : parts) {
        if (part.startsWith("[") || out.length() == 0) {
          out.append(part);
        } else {
          out.append('.').append(part);
        }
      }
      return out.toString();
    }

    private JsonNode schema(TypeMirror type) {
      return switch (type.getKind()) {
        case BOOLEAN -> nodes.objectNode().put("type", "boolean");
        case BYTE, SHORT, INT, LONG -> nodes.objectNode().put("type", "integer");
        case FLOAT, DOUBLE -> nodes.objectNode().put("type", "number");
        case CHAR -> scalar("java.lang.Character");
        case ARRAY -> array((ArrayType) type);
        case DECLARED -> declared((DeclaredType) type);
        case WILDCARD -> wildcard((WildcardType) type);
        case ERROR -> throw new UnresolvedTypeException(type);
        case TYPEVAR -> {
          problem(
              "type variable " + type + " is not bound to a type here; use a concrete type"
                  + " argument");
          yield nodes.objectNode();
        }
        default -> {
          problem(type + " is not a JSON value");
          yield nodes.objectNode();
        }
      };
    }

    private JsonNode wildcard(WildcardType wildcard) {
      if (wildcard.getExtendsBound() != null) {
        return schema(wildcard.getExtendsBound());
      }
      if (wildcard.getSuperBound() != null) {
        problem(
            "the wildcard " + wildcard + " has no JSON shape; use a concrete type argument");
        return nodes.objectNode();
      }
      return nodes.objectNode();
    }

    private JsonNode array(ArrayType array) {
      TypeMirror component = array.getComponentType();
      if (component.getKind() == TypeKind.BYTE) {
        // Base64 in JSON; the sandbox gives JavaScript a Uint8Array, and TypeScript says so.
        return nodes.objectNode()
            .put("type", "string")
            .put("contentEncoding", "base64")
            .put("contentMediaType", "application/octet-stream");
      }
      if (component.getKind() == TypeKind.CHAR) {
        return nodes.objectNode().put("type", "string");
      }
      ObjectNode schema = nodes.objectNode().put("type", "array");
      path.push("[]");
      try {
        schema.set("items", itemSchema(component));
      } finally {
        path.pop();
      }
      return schema;
    }

    /** An element of an array, list or map value: nullable when it says so. */
    private JsonNode itemSchema(TypeMirror type) {
      TypeMirror valueType = unwrapOptional(type);
      ObjectNode schema = (ObjectNode) schema(valueType);
      List<AnnotatedConstruct> annotated = List.of(type);
      if (!schema.has("$ref") && schema.has("type")) {
        constraints.apply(schema, schema.get("type").asString(), annotated);
      }
      if ((valueType != type || Constraints.nullable(annotated)) && !schema.isEmpty()) {
        ObjectNode wrapper = nodes.objectNode();
        wrapper.putArray("anyOf").add(schema).add(nodes.objectNode().put("type", "null"));
        return wrapper;
      }
      return schema;
    }

    private JsonNode declared(DeclaredType type) {
      TypeElement element = (TypeElement) type.asElement();
      String name = element.getQualifiedName().toString();
      if (SCALARS.containsKey(name)) {
        return scalar(name);
      }
      if (NOT_VALUES.containsKey(name)) {
        problem(name + ": " + NOT_VALUES.get(name));
        return nodes.objectNode();
      }
      if (name.equals("java.util.Optional")
          || name.equals("java.util.OptionalInt")
          || name.equals("java.util.OptionalLong")
          || name.equals("java.util.OptionalDouble")) {
        return itemSchema(type);
      }
      if (!element.getTypeParameters().isEmpty() && type.getTypeArguments().isEmpty()) {
        problem(
            "the raw type " + name + " does not say what it holds; add type arguments"
                + " (for example " + element.getSimpleName() + "<String>)");
        return nodes.objectNode();
      }
      if (isSubtype(type, mapType)) {
        return map(type);
      }
      if (isSubtype(type, collectionType) || isSubtype(type, iterableType)) {
        return collection(type);
      }
      if (element.getKind() == ElementKind.ENUM) {
        return reference(type, this::fillEnum);
      }
      Optional<TypeMirror> valueType = jsonValueType(element);
      if (valueType.isPresent()) {
        return schema(valueType.get());
      }
      if (isPlatformType(name)) {
        problem(
            name + " is not a JSON value type Codemode knows; use a record, a String, a number,"
                + " a java.time type, a List, a Map or another supported type");
        return nodes.objectNode();
      }
      Optional<TypeInfo> info = polymorphism.typeInfo(element);
      if (polymorphism.isBase(element)
          && element.getKind() != ElementKind.RECORD
          && (info.isPresent() || element.getModifiers().contains(Modifier.SEALED))) {
        return reference(type, definition -> fillPolymorphic(definition, element, info));
      }
      return reference(type, definition -> fillBean(definition, info));
    }

    private JsonNode scalar(String qualifiedName) {
      return JsonCodec.defaults()
          .parse(Objects.requireNonNull(SCALARS.get(qualifiedName), qualifiedName));
    }

    private JsonNode map(DeclaredType type) {
      TypeMirror key = typeArgument(type, mapType, 0);
      TypeMirror value = typeArgument(type, mapType, 1);
      ObjectNode schema = nodes.objectNode().put("type", "object");
      ObjectNode propertyNames = mapKeys(key);
      if (propertyNames != null && !propertyNames.isEmpty()) {
        schema.set("propertyNames", propertyNames);
      }
      path.push("[]");
      try {
        schema.set("additionalProperties", value == null ? nodes.objectNode() : itemSchema(value));
      } finally {
        path.pop();
      }
      return schema;
    }

    private @Nullable ObjectNode mapKeys(@Nullable TypeMirror key) {
      if (key == null || key.getKind() != TypeKind.DECLARED) {
        if (key != null && key.getKind() == TypeKind.ERROR) {
          throw new UnresolvedTypeException(key);
        }
        problem("a map key must be a String, an enum, an integer or a UUID, not " + key);
        return null;
      }
      TypeElement keyElement = (TypeElement) ((DeclaredType) key).asElement();
      String name = keyElement.getQualifiedName().toString();
      switch (name) {
        case "java.lang.String", "java.lang.CharSequence", "java.lang.Object" -> {
          return nodes.objectNode();
        }
        case "java.lang.Integer",
            "java.lang.Long",
            "java.lang.Short",
            "java.lang.Byte",
            "java.math.BigInteger" -> {
          return nodes.objectNode().put("pattern", "^-?[0-9]+$");
        }
        case "java.util.UUID" -> {
          return nodes.objectNode().put("format", "uuid");
        }
        default -> {
          if (keyElement.getKind() == ElementKind.ENUM) {
            ObjectNode names = nodes.objectNode();
            ArrayNode values = names.putArray("enum");
            for (JsonNode value : enumConstants(keyElement)) {
              values.add(value.isString() ? value : nodes.stringNode(value.toString()));
            }
            return names;
          }
          problem(
              "a map key must be a String, an enum, an integer or a UUID, not " + name
                  + "; JSON object keys are strings");
          return null;
        }
      }
    }

    private JsonNode collection(DeclaredType type) {
      TypeElement owner = isSubtype(type, collectionType) ? collectionType : iterableType;
      TypeMirror item = typeArgument(type, owner, 0);
      ObjectNode schema = nodes.objectNode().put("type", "array");
      path.push("[]");
      try {
        schema.set("items", item == null ? nodes.objectNode() : itemSchema(item));
      } finally {
        path.pop();
      }
      if (isSubtype(type, elements.getTypeElement("java.util.Set"))) {
        schema.put("uniqueItems", true);
      }
      return schema;
    }

    private interface Filler {
      void fill(Definition definition);
    }

    /** A {@code $ref} to the definition of {@code type}, creating and filling it on first use. */
    private JsonNode reference(DeclaredType type, Filler filler) {
      String key = key(type);
      Definition definition = definitions.byKey.get(key);
      if (definition == null) {
        definition = new Definition(allocateName(type), type, nodes.objectNode());
        definitions.byKey.put(key, definition);
        // problems inside a definition are located relative to it ("Task.owner")
        Deque<String> outerPath = new ArrayDeque<>(path);
        path.clear();
        path.push(definition.name);
        building.push(definition);
        try {
          filler.fill(definition);
        } finally {
          building.pop();
          path.clear();
          path.addAll(outerPath);
        }
      }
      if (building.isEmpty()) {
        rootReferences.add(key);
      } else {
        building.peek().references.add(key);
      }
      return nodes.objectNode().put("$ref", "#/$defs/" + definition.name);
    }

    /**
     * A definition name not used yet in this connector: {@code Task}, {@code PageOfTask}; on a
     * clash the enclosing types' names are prefixed ({@code OrderLine}), then a number appended.
     */
    private String allocateName(DeclaredType type) {
      String base = displayName(type);
      List<String> candidates = new ArrayList<>();
      candidates.add(base);
      String prefixed = base;
      for (String enclosing : reversed(enclosingNames((TypeElement) type.asElement()))) {
        prefixed = enclosing + prefixed;
        candidates.add(prefixed);
      }
      for (String candidate : candidates) {
        if (definitions.names.add(candidate)) {
          return candidate;
        }
      }
      for (int i = 2; ; i++) {
        if (definitions.names.add(base + i)) {
          return base + i;
        }
      }
    }

    private void fillEnum(Definition definition) {
      TypeElement element = (TypeElement) definition.type.asElement();
      ObjectNode schema = definition.schema;
      String type = "string";
      Optional<TypeMirror> valueType = enumValues.valueType(element);
      if (valueType.isPresent()) {
        JsonNode valueSchema = schema(valueType.get());
        if (valueSchema.has("type")) {
          type = valueSchema.get("type").asString();
        }
      }
      describe(schema, element);
      schema.put("type", type);
      ArrayNode values = schema.putArray("enum");
      enumConstants(element).forEach(values::add);
    }

    private List<JsonNode> enumConstants(TypeElement element) {
      try {
        return enumValues.of(element);
      } catch (EnumValues.UnknownValuesException e) {
        problem(Objects.requireNonNullElse(e.getMessage(), e.toString()));
        return List.of();
      }
    }

    private void fillPolymorphic(Definition definition, TypeElement base, Optional<TypeInfo> info) {
      ObjectNode schema = definition.schema;
      describe(schema, base);
      if (info.isPresent() && info.get().unsupported().isPresent()) {
        problem(info.get().unsupported().get());
        return;
      }
      if (info.isEmpty()) {
        definition.notCreatable =
            base.getSimpleName() + " is sealed but has no @JsonTypeInfo, so JSON cannot say"
                + " which subtype to create; add @JsonTypeInfo(use = JsonTypeInfo.Id.NAME)";
      }
      List<Subtype> subtypes =
          info.isPresent()
              ? polymorphism.subtypes(base, info.get())
              : polymorphism.subtypes(base, new TypeInfo(base, null, "NAME", "PROPERTY", ""));
      if (subtypes.isEmpty()) {
        problem(
            base.getQualifiedName() + " has no known subtypes; list them with @JsonSubTypes or"
                + " make it sealed");
        return;
      }
      ArrayNode oneOf = schema.putArray("oneOf");
      ObjectNode mapping = nodes.objectNode();
      for (Subtype subtype : subtypes) {
        JsonNode reference = schema(subtype.type());
        oneOf.add(reference);
        if (reference.has("$ref")) {
          mapping.put(subtype.id(), reference.get("$ref").asString());
        }
      }
      if (info.isPresent() && !info.get().deduction()) {
        ObjectNode discriminator = schema.putObject("discriminator");
        discriminator.put("propertyName", info.get().property());
        discriminator.set("mapping", mapping);
      }
    }

    private void fillBean(Definition definition, Optional<TypeInfo> info) {
      DeclaredType type = definition.type;
      TypeElement element = (TypeElement) type.asElement();
      ObjectNode schema = definition.schema;
      describe(schema, element);
      schema.put("type", "object");
      ObjectNode properties = schema.putObject("properties");
      ArrayNode required = nodes.arrayNode();
      String typeProperty = null;
      if (info.isPresent() && !info.get().deduction()) {
        if (info.get().unsupported().isPresent()) {
          problem(info.get().unsupported().get());
        } else {
          typeProperty = info.get().property();
          String id = typeIdOf(element, info.get());
          ObjectNode idSchema = nodes.objectNode().put("const", id);
          properties.set(typeProperty, idSchema);
          required.add(typeProperty);
        }
      }
      boolean anyGetter = false;
      for (Property property : beans.of(type)) {
        if (Annotations.has(property.sources(), Annotations.JSON_UNWRAPPED)) {
          path.push(property.name());
          problem("@JsonUnwrapped is not supported; use a nested object or copy the properties");
          path.pop();
          continue;
        }
        if (Annotations.has(property.sources(), Annotations.JSON_ANY_GETTER)
            || Annotations.has(property.sources(), Annotations.JSON_ANY_SETTER)) {
          anyGetter = true;
          continue;
        }
        if (property.name().equals(typeProperty)) {
          if (property.description() != null && !property.description().isEmpty()) {
            ((ObjectNode) properties.get(typeProperty)).put("description", property.description());
          }
          continue;
        }
        List<Element> sources = property.sources();
        boolean optionalType = isOptional(property.type());
        boolean nullable = optionalType || Constraints.nullable(annotatedWith(sources, property.type()));
        ObjectNode propertySchema =
            property(property.type(), sources, nullable, property.description(), property.name());
        if (!property.writable()) {
          propertySchema.put("readOnly", true);
        } else if (!property.readable()) {
          propertySchema.put("writeOnly", true);
        }
        properties.set(property.name(), propertySchema);
        boolean requiredByAnnotation =
            Annotations.find(sources, Annotations.JSON_PROPERTY)
                .map(mirror -> annotations.bool(mirror, "required"))
                .orElse(false);
        if ((requiredByAnnotation || !nullable) && property.writable() && property.readable()) {
          required.add(property.name());
        }
      }
      if (!required.isEmpty()) {
        schema.set("required", required);
      }
      if (anyGetter) {
        schema.set("additionalProperties", nodes.objectNode());
      } else {
        schema.put("additionalProperties", false);
      }
      boolean polymorphicBase = info.isPresent() && polymorphism.isBase(element);
      if (!polymorphicBase) {
        definition.notCreatable = beans.whyNotCreatable(type).orElse(null);
      }
    }

    private String typeIdOf(TypeElement element, TypeInfo info) {
      for (Subtype subtype : polymorphism.subtypes(info.base(), info)) {
        if (subtype.type().asElement().equals(element)) {
          return subtype.id();
        }
      }
      return polymorphism.typeId(element, info);
    }

    private void describe(ObjectNode schema, TypeElement element) {
      String description =
          Annotations.find(element, Annotations.JSON_CLASS_DESCRIPTION)
              .map(mirror -> annotations.string(mirror, "value"))
              .orElseGet(() -> Javadoc.parse(elements.getDocComment(element)).description());
      if (!description.isEmpty()) {
        schema.put("description", description);
      }
    }
  }

  /** The elements and the type whose annotations count for a property. */
  static List<AnnotatedConstruct> annotatedWith(List<? extends Element> sources, TypeMirror type) {
    List<AnnotatedConstruct> all = new ArrayList<>(sources);
    all.add(type);
    for (Element source : sources) {
      if (source instanceof ExecutableElement method) {
        all.add(method.getReturnType());
      } else {
        all.add(source.asType());
      }
    }
    return all;
  }

  /** Whether {@code type} is {@code Optional}, {@code OptionalInt}, ... */
  boolean isOptional(TypeMirror type) {
    if (type.getKind() != TypeKind.DECLARED) {
      return false;
    }
    String name = ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().toString();
    return name.equals("java.util.Optional")
        || name.equals("java.util.OptionalInt")
        || name.equals("java.util.OptionalLong")
        || name.equals("java.util.OptionalDouble");
  }

  /** {@code T} for {@code Optional<T>}, the primitive's box for {@code OptionalInt} and kin. */
  private TypeMirror unwrapOptional(TypeMirror type) {
    if (!isOptional(type)) {
      return type;
    }
    DeclaredType declared = (DeclaredType) type;
    String name = ((TypeElement) declared.asElement()).getQualifiedName().toString();
    return switch (name) {
      case "java.util.OptionalInt" -> types.getPrimitiveType(TypeKind.INT);
      case "java.util.OptionalLong" -> types.getPrimitiveType(TypeKind.LONG);
      case "java.util.OptionalDouble" -> types.getPrimitiveType(TypeKind.DOUBLE);
      default ->
          declared.getTypeArguments().isEmpty()
              ? elements.getTypeElement("java.lang.Object").asType()
              : declared.getTypeArguments().get(0);
    };
  }

  private Optional<TypeMirror> jsonValueType(TypeElement element) {
    for (Element member : element.getEnclosedElements()) {
      Optional<AnnotationMirror> mirror = Annotations.find(member, Annotations.JSON_VALUE);
      if (mirror.isEmpty()) {
        continue;
      }
      if (member.getKind() == ElementKind.METHOD) {
        return Optional.of(((ExecutableElement) member).getReturnType());
      }
      if (member.getKind() == ElementKind.FIELD) {
        return Optional.of(member.asType());
      }
    }
    return Optional.empty();
  }

  private static boolean isPlatformType(String qualifiedName) {
    return qualifiedName.startsWith("java.")
        || qualifiedName.startsWith("javax.")
        || qualifiedName.startsWith("jdk.")
        || qualifiedName.startsWith("sun.")
        || qualifiedName.startsWith("com.sun.");
  }

  private boolean isSubtype(DeclaredType type, TypeElement supertype) {
    return supertype != null
        && types.isSubtype(types.erasure(type), types.erasure(supertype.asType()));
  }

  /** The type argument {@code index} of {@code owner} as a supertype of {@code type}. */
  private @Nullable TypeMirror typeArgument(DeclaredType type, TypeElement owner, int index) {
    Deque<TypeMirror> queue = new ArrayDeque<>();
    queue.add(type);
    Set<String> seen = new HashSet<>();
    while (!queue.isEmpty()) {
      TypeMirror current = queue.removeFirst();
      if (current.getKind() != TypeKind.DECLARED || !seen.add(current.toString())) {
        continue;
      }
      DeclaredType declared = (DeclaredType) current;
      if (declared.asElement().equals(owner)) {
        List<? extends TypeMirror> arguments = declared.getTypeArguments();
        return arguments.size() > index ? arguments.get(index) : null;
      }
      queue.addAll(types.directSupertypes(declared));
    }
    return null;
  }

  /** A stable key of a type with its arguments, without type annotations. */
  private String key(TypeMirror type) {
    switch (type.getKind()) {
      case DECLARED -> {
        DeclaredType declared = (DeclaredType) type;
        StringBuilder out =
            new StringBuilder(((TypeElement) declared.asElement()).getQualifiedName());
        if (!declared.getTypeArguments().isEmpty()) {
          out.append('<');
          for (int i = 0; i < declared.getTypeArguments().size(); i++) {
            out.append(i == 0 ? "" : ",").append(key(declared.getTypeArguments().get(i)));
          }
          out.append('>');
        }
        return out.toString();
      }
      case ARRAY -> {
        return key(((ArrayType) type).getComponentType()) + "[]";
      }
      case WILDCARD -> {
        WildcardType wildcard = (WildcardType) type;
        return wildcard.getExtendsBound() != null ? key(wildcard.getExtendsBound()) : "?";
      }
      default -> {
        return type.getKind().isPrimitive()
            ? types.getPrimitiveType(type.getKind()).toString()
            : type.toString();
      }
    }
  }

  /** The name of a type in definition names: simple name, type arguments as {@code OfXAndY}. */
  private String displayName(TypeMirror type) {
    switch (type.getKind()) {
      case DECLARED -> {
        DeclaredType declared = (DeclaredType) type;
        StringBuilder out = new StringBuilder(declared.asElement().getSimpleName());
        List<? extends TypeMirror> arguments = declared.getTypeArguments();
        if (!arguments.isEmpty()) {
          out.append("Of");
          for (int i = 0; i < arguments.size(); i++) {
            out.append(i == 0 ? "" : "And").append(displayName(arguments.get(i)));
          }
        }
        return out.toString();
      }
      case ARRAY -> {
        return displayName(((ArrayType) type).getComponentType()) + "Array";
      }
      case WILDCARD -> {
        WildcardType wildcard = (WildcardType) type;
        return wildcard.getExtendsBound() != null ? displayName(wildcard.getExtendsBound()) : "Any";
      }
      default -> {
        String primitive = type.getKind().name().toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(primitive.charAt(0)) + primitive.substring(1);
      }
    }
  }

  /** Names of the enclosing types of a nested type, outermost first. */
  private static List<String> enclosingNames(TypeElement element) {
    List<String> names = new ArrayList<>();
    Element current = element.getEnclosingElement();
    while (current != null && (current.getKind().isClass() || current.getKind().isInterface())) {
      names.add(0, current.getSimpleName().toString());
      current = current.getEnclosingElement();
    }
    return names;
  }

  private static List<String> reversed(List<String> names) {
    List<String> out = new ArrayList<>(names);
    java.util.Collections.reverse(out);
    return out;
  }
}
