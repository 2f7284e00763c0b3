package dev.codemode.samples;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.codemode.core.ConnectorDefinition;
import dev.codemode.core.JsonCodec;
import dev.codemode.core.ToolDescriptor;
import dev.codemode.core.testing.JsonSchemaAssertions;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/**
 * Calls the tools of one sample connector as the runtime will: JSON in, JSON out, through the
 * generated definition. Every input is first checked against the tool's input schema and every
 * result against its output schema, so the schemas are proven to tell the truth.
 */
final class ToolCalls<T> {

  private final ConnectorDefinition<T> definition;
  private final T connector;

  ToolCalls(ConnectorDefinition<T> definition, T connector) {
    this.definition = definition;
    this.connector = connector;
  }

  /** JSON written with single quotes, for readable tests. */
  static JsonNode json(String text) {
    return JsonCodec.defaults().parse(text.replace('\'', '"'));
  }

  private ToolDescriptor tool(String name) {
    return definition.descriptor().tool(name).orElseThrow();
  }

  /** Calls a tool with valid input and returns its checked result. */
  JsonNode call(String toolName, String input) {
    JsonNode in = json(input);
    JsonSchemaAssertions.assertValid(tool(toolName).inputSchema(), in);
    JsonNode result;
    try {
      result =
          definition.invoke(connector, toolName, in).toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(toolName + " failed: " + e, e);
    }
    if (tool(toolName).returnsNothing()) {
      assertThat(result.isMissingNode()).isTrue();
    } else {
      JsonSchemaAssertions.assertValid(tool(toolName).outputSchema(), result);
    }
    return result;
  }

  /** Calls a tool expecting it to fail, and returns the failure. */
  Throwable fail(String toolName, String input) {
    CompletionException thrown =
        assertThrows(
            CompletionException.class,
            () -> definition.invoke(connector, toolName, json(input)).toCompletableFuture().join());
    return thrown.getCause();
  }

  /** Undoes a call through the connector's revert method. */
  void revert(String toolName, String input, JsonNode result) {
    try {
      definition.revert(connector, toolName, json(input), result).toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("revert of " + toolName + " failed: " + e, e);
    }
  }
}
