package dev.codemode.core;

import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.type.LogicalType;

/**
 * Converts between Java values and JSON trees, the form in which values cross between model code
 * and tools.
 *
 * <p>The {@linkplain #defaults() default codec} reads strictly, so that what a tool accepts is
 * exactly what its generated JSON Schema says: unknown properties are rejected, strings are not
 * turned into numbers or booleans (nor the reverse), a fractional number is not truncated into an
 * integer, and enums are read by name only. Dates and times are ISO-8601 strings, {@code byte[]}
 * is a base64 string. A codec is immutable and thread-safe.
 */
public final class JsonCodec {

  private static final JsonCodec DEFAULTS = new JsonCodec(strictMapper());

  private final JsonMapper mapper;
  private final ObjectWriter prettyWriter;

  private JsonCodec(JsonMapper mapper) {
    this.mapper = Objects.requireNonNull(mapper, "mapper");
    Separators separators =
        Separators.createDefaultInstance()
            .withObjectNameValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator("");
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter(separators)
            .withObjectIndenter(indenter)
            .withArrayIndenter(indenter);
    this.prettyWriter = mapper.writer().with(printer);
  }

  /** The shared strict codec (see the class description). */
  public static JsonCodec defaults() {
    return DEFAULTS;
  }

  /**
   * A codec over a mapper configured elsewhere, for applications that have their own Jackson
   * setup. Tools then accept what that mapper accepts, which may be more than their schemas say.
   */
  public static JsonCodec of(JsonMapper mapper) {
    return new JsonCodec(mapper);
  }

  /** A builder preset with the strict settings of {@link #defaults()}, to add modules to. */
  public static JsonMapper.Builder strictMapperBuilder() {
    return JsonMapper.builder()
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .withCoercionConfig(
            LogicalType.Textual,
            config ->
                config
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
        .withCoercionConfig(
            LogicalType.DateTime,
            config ->
                config
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail));
  }

  private static JsonMapper strictMapper() {
    return strictMapperBuilder().build();
  }

  /** The underlying mapper. */
  public JsonMapper mapper() {
    return mapper;
  }

  /** The node factory for building trees. */
  public JsonNodeFactory nodes() {
    return mapper.getNodeFactory();
  }

  /** Converts a Java value to a JSON tree; {@code null} becomes JSON {@code null}. */
  public JsonNode encode(Object value) {
    if (value == null) {
      return NullNode.getInstance();
    }
    return mapper.valueToTree(value);
  }

  /**
   * Reads a Java value of {@code type} from a JSON tree.
   *
   * @throws JacksonException when the JSON does not fit the type
   */
  // The caller names T by the variable it assigns; Jackson checks the value against type at run
  // time, as in ObjectMapper.treeToValue(JsonNode, JavaType), whose signature this mirrors.
  @SuppressWarnings("TypeParameterUnusedInFormals")
  public <T> T decode(JsonNode json, JavaType type) {
    return mapper.treeToValue(json, type);
  }

  /** The Jackson type for a type reference, to decode generic types. */
  public JavaType type(TypeReference<?> reference) {
    return mapper.getTypeFactory().constructType(reference);
  }

  /** The Jackson type for a class. */
  public JavaType type(Class<?> type) {
    return mapper.getTypeFactory().constructType(type);
  }

  /**
   * Parses JSON text.
   *
   * @throws JacksonException when the text is not JSON
   */
  public JsonNode parse(String json) {
    return mapper.readTree(json);
  }

  /** Compact JSON text. */
  public String toJson(JsonNode json) {
    return mapper.writeValueAsString(json);
  }

  /**
   * Indented JSON text: two spaces, {@code "name": value}, {@code \n} line ends on every platform,
   * and a final line end. The same tree always gives the same text.
   */
  public String toPrettyJson(JsonNode json) {
    return prettyWriter.writeValueAsString(json) + "\n";
  }
}
