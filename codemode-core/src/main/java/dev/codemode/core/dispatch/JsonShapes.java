package dev.codemode.core.dispatch;

import dev.codemode.core.JsonCodec;
import dev.codemode.core.JsonNumbers;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Describes JSON values and expected Java types in words, for input error messages. */
final class JsonShapes {

  private static final int MAX_EXCERPT = 60;

  private JsonShapes() {}

  /** What came: {@code string "abc"}, {@code number 5}, {@code an object}, {@code nothing}. */
  static String describeValue(@Nullable JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    if (node.isNull()) {
      return "null";
    }
    if (node.isString()) {
      return "string " + excerpt(JsonCodec.defaults().toJson(node));
    }
    if (node.isNumber()) {
      return "number " + excerpt(JsonNumbers.text(node));
    }
    if (node.isBoolean()) {
      return node.toString();
    }
    if (node.isArray() || node.isObject()) {
      String json = JsonCodec.defaults().toJson(node);
      if (json.length() <= MAX_EXCERPT) {
        return (node.isArray() ? "array " : "object ") + json;
      }
      return node.isArray()
          ? "an array of " + node.size() + " items"
          : "an object with " + propertyList(node);
    }
    return excerpt(node.toString());
  }

  private static String propertyList(JsonNode object) {
    List<String> names = new ArrayList<>(object.propertyNames());
    String joined = String.join(", ", names.subList(0, Math.min(names.size(), 5)));
    return (names.size() == 1 ? "property " : "properties ")
        + joined
        + (names.size() > 5 ? ", ..." : "");
  }

  private static String excerpt(String text) {
    return text.length() <= MAX_EXCERPT ? text : text.substring(0, MAX_EXCERPT) + "...";
  }

  /** What a Java type accepts, in JSON words: {@code an integer}, {@code one of "A", "B"}. */
  static String describeType(@Nullable Class<?> type, JsonCodec codec) {
    if (type == null) {
      return "a different value";
    }
    if (type.isEnum()) {
      List<String> names = new ArrayList<>();
      for (Object constant : type.getEnumConstants()) {
        names.add(codec.toJson(codec.encode(constant)));
      }
      return "one of " + String.join(", ", names);
    }
    if (type == String.class || CharSequence.class.isAssignableFrom(type)) {
      return "a string";
    }
    if (type == char.class || type == Character.class) {
      return "a string of one character";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    if (type == int.class || type == Integer.class) {
      return "an integer from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE;
    }
    if (type == long.class
        || type == Long.class
        || type == short.class
        || type == Short.class
        || type == byte.class
        || type == Byte.class
        || type == BigInteger.class) {
      return "an integer";
    }
    if (type == double.class
        || type == Double.class
        || type == float.class
        || type == Float.class
        || type == BigDecimal.class) {
      return "a number";
    }
    if (type == LocalDate.class) {
      return "a date string like \"2024-05-31\"";
    }
    if (type == LocalDateTime.class) {
      return "a date-time string like \"2024-05-31T14:30:00\"";
    }
    if (type == Instant.class || type == OffsetDateTime.class || type == ZonedDateTime.class) {
      return "a date-time string with offset like \"2024-05-31T14:30:00Z\"";
    }
    if (type == LocalTime.class) {
      return "a time string like \"14:30:00\"";
    }
    if (type == OffsetTime.class) {
      return "a time string with offset like \"14:30:00+01:00\"";
    }
    if (type == Duration.class) {
      return "an ISO-8601 duration string like \"PT15M\"";
    }
    if (type == Period.class) {
      return "an ISO-8601 period string like \"P1M2D\"";
    }
    if (type == UUID.class) {
      return "a UUID string";
    }
    if (type == URI.class || type == URL.class) {
      return "a URI string";
    }
    if (type == byte[].class) {
      return "a base64 string";
    }
    if (type.isArray() || Collection.class.isAssignableFrom(type)) {
      return "an array";
    }
    if (Map.class.isAssignableFrom(type)) {
      return "an object";
    }
    return "an object (" + type.getSimpleName() + ")";
  }
}
