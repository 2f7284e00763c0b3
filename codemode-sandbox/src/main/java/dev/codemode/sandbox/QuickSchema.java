package dev.codemode.sandbox;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

/**
 * A check that accepts, in a fraction of a microsecond, the inputs that a simple JSON Schema
 * accepts, so that the full validator runs only for inputs that may not fit. It is one-sided: when
 * it says yes, the full validator would have said yes; when it says no, or the schema uses anything
 * it does not understand, the full validator decides (and words the problems).
 *
 * <p>It understands {@code type} (one type or a list), {@code properties}, {@code required}, {@code
 * additionalProperties} ({@code true}, {@code false} or a schema), {@code items} (one schema), and
 * the annotations that validate nothing ({@code title}, {@code description}, {@code default},
 * {@code examples}, {@code deprecated}, {@code readOnly}, {@code writeOnly}, {@code $comment},
 * {@code $schema} at the root). A schema with any other keyword ({@code $ref}, {@code format},
 * {@code enum}, {@code minimum}, ...) gets no quick check.
 */
final class QuickSchema {

  private static final Set<String> ANNOTATIONS = Set.of(
      "title", "description", "default", "examples", "deprecated", "readOnly", "writeOnly", "$comment");
  private static final Set<String> TYPES = Set.of("object", "array", "string", "number", "integer", "boolean", "null");
  /** Deeper schemas get no quick check: their inputs are not the small ones this is for. */
  private static final int MAX_DEPTH = 8;

  /** Bits of {@link #types}: one per JSON Schema type. */
  private static final int OBJECT = 1;
  private static final int ARRAY = 2;
  private static final int STRING = 4;
  private static final int NUMBER = 8;
  private static final int INTEGER = 16;
  private static final int BOOLEAN = 32;
  private static final int NULL = 64;
  private static final int ANY = 127;

  private final int types;
  private final Map<String, QuickSchema> properties;
  private final List<String> required;
  /** Properties not listed: {@code null} forbids them, else their schema. */
  private final @Nullable QuickSchema additional;
  private final @Nullable QuickSchema items;
  /** No constraint at all: {@code true} or a schema of annotations only. */
  private final boolean acceptsAll;

  private QuickSchema(int types, Map<String, QuickSchema> properties, List<String> required,
      @Nullable QuickSchema additional, @Nullable QuickSchema items) {
    this.acceptsAll = types == ANY && properties.isEmpty() && required.isEmpty()
        && (additional == null ? items == null : additional.acceptsAll && items != null && items.acceptsAll);
    this.types = types;
    this.properties = properties;
    this.required = required;
    this.additional = additional;
    this.items = items;
  }

  /** {@code true}; the only instance whose {@link #additional} and {@link #items} are null. */
  private static final QuickSchema ACCEPT_ALL = new QuickSchema(ANY, Map.of(), List.of(), null, null);

  /** The quick check of {@code schema}, or {@code null} when the schema is not simple enough. */
  static @Nullable QuickSchema of(JsonNode schema) {
    return compile(schema, 0, true);
  }

  private static @Nullable QuickSchema compile(@Nullable JsonNode schema, int depth, boolean root) {
    if (schema == null || depth > MAX_DEPTH) {
      return null;
    }
    if (schema.isBoolean()) {
      return schema.booleanValue() ? ACCEPT_ALL : null;
    }
    if (!schema.isObject()) {
      return null;
    }
    int types = ANY;
    Map<String, QuickSchema> properties = Map.of();
    List<String> required = List.of();
    @Nullable QuickSchema additional = ACCEPT_ALL;
    QuickSchema items = ACCEPT_ALL;
    for (Map.Entry<String, JsonNode> entry : schema.properties()) {
      String keyword = entry.getKey();
      JsonNode value = entry.getValue();
      switch (keyword) {
        case "type" -> {
          types = types(value);
          if (types == 0) {
            return null;
          }
        }
        case "properties" -> {
          if (!value.isObject()) {
            return null;
          }
          properties = new HashMap<>();
          for (Map.Entry<String, JsonNode> property : value.properties()) {
            QuickSchema check = compile(property.getValue(), depth + 1, false);
            if (check == null) {
              return null;
            }
            properties.put(property.getKey(), check);
          }
        }
        case "required" -> {
          if (!value.isArray()) {
            return null;
          }
          Set<String> names = new HashSet<>();
          for (JsonNode name : value) {
            if (!name.isString()) {
              return null;
            }
            names.add(name.asString());
          }
          required = List.copyOf(names);
        }
        case "additionalProperties" -> {
          if (value.isBoolean() && !value.booleanValue()) {
            additional = null;
          } else {
            additional = compile(value, depth + 1, false);
            if (additional == null) {
              return null;
            }
          }
        }
        case "items" -> {
          items = compile(value, depth + 1, false);
          if (items == null) {
            return null;
          }
        }
        case "$schema" -> {
          if (!root) {
            return null;
          }
        }
        default -> {
          if (!ANNOTATIONS.contains(keyword)) {
            return null;
          }
        }
      }
    }
    return new QuickSchema(types, properties, required, additional, items);
  }

  private static int types(JsonNode type) {
    if (type.isString()) {
      return bit(type.asString());
    }
    if (!type.isArray() || type.isEmpty()) {
      return 0;
    }
    int bits = 0;
    for (JsonNode name : type) {
      if (!name.isString() || bit(name.asString()) == 0) {
        return 0;
      }
      bits |= bit(name.asString());
    }
    return bits;
  }

  private static int bit(String type) {
    if (!TYPES.contains(type)) {
      return 0;
    }
    return switch (type) {
      case "object" -> OBJECT;
      case "array" -> ARRAY;
      case "string" -> STRING;
      case "number" -> NUMBER | INTEGER;
      case "integer" -> INTEGER;
      case "boolean" -> BOOLEAN;
      default -> NULL;
    };
  }

  /** True when {@code value} certainly fits; false when the full validator must decide. */
  boolean accepts(JsonNode value) {
    if (acceptsAll) {
      return true;
    }
    switch (value.getNodeType()) {
      case OBJECT -> {
        if ((types & OBJECT) == 0) {
          return false;
        }
        for (String name : required) {
          if (!value.has(name)) {
            return false;
          }
        }
        for (Map.Entry<String, JsonNode> property : value.properties()) {
          QuickSchema check = properties.get(property.getKey());
          if (check == null) {
            check = additional;
          }
          if (check == null || !check.accepts(property.getValue())) {
            return false;
          }
        }
        return true;
      }
      case ARRAY -> {
        if ((types & ARRAY) == 0) {
          return false;
        }
        QuickSchema each = items;
        if (each != null) {
          for (JsonNode element : value) {
            if (!each.accepts(element)) {
              return false;
            }
          }
        }
        return true;
      }
      case STRING -> {
        return (types & STRING) != 0;
      }
      case NUMBER -> {
        // An integer type takes only integral nodes here: whether 2.0 counts is the validator's call.
        return (types & NUMBER) != 0 || ((types & INTEGER) != 0 && value.isIntegralNumber());
      }
      case BOOLEAN -> {
        return (types & BOOLEAN) != 0;
      }
      case NULL -> {
        return (types & NULL) != 0;
      }
      default -> {
        return false;
      }
    }
  }
}
