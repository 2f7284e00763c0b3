package dev.codemode.core.testing;

import static org.junit.jupiter.api.Assertions.fail;

import com.networknt.schema.Error;
import com.networknt.schema.ExecutionConfig;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.codemode.core.JsonCodec;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Checks JSON values against JSON Schema draft 2020-12 with the networknt validator, asserting
 * {@code format} too, so a test proves that a generated schema describes what the code accepts and
 * produces.
 */
public final class JsonSchemaAssertions {

  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
  private static final ExecutionConfig WITH_FORMATS =
      ExecutionConfig.builder().formatAssertionsEnabled(true).build();

  private JsonSchemaAssertions() {}

  /** The validation errors of {@code value} against {@code schema}; empty when it is valid. */
  public static List<String> errors(JsonNode schema, JsonNode value) {
    List<Error> errors =
        REGISTRY.getSchema(schema).validate(value, context -> context.setExecutionConfig(WITH_FORMATS));
    return errors.stream().map(Error::toString).toList();
  }

  /** Fails with every error and both documents when {@code value} does not fit {@code schema}. */
  public static void assertValid(JsonNode schema, JsonNode value) {
    List<String> errors = errors(schema, value);
    if (!errors.isEmpty()) {
      JsonCodec codec = JsonCodec.defaults();
      fail(
          "The value does not fit its schema:\n  " + String.join("\n  ", errors) + "\nvalue: "
              + codec.toJson(value) + "\nschema: " + codec.toJson(schema));
    }
  }
}
