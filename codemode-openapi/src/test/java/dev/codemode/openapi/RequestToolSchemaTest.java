package dev.codemode.openapi;

import static com.google.common.truth.Truth.assertThat;

import dev.codemode.core.ConnectorDescriptor;
import dev.codemode.core.testing.JsonSchemaAssertions;
import dev.codemode.core.typescript.TypeScriptRenderer;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The request tool's input schema: valid draft 2020-12 that fits what the tool takes. */
class RequestToolSchemaTest {

  private final JsonNode schema = OpenApiConnector.requestTool().inputSchema();

  @Test
  void acceptsWhatTheToolTakes() {
    JsonSchemaAssertions.assertValid(schema, Specs.json("{\"path\": \"/pets\"}"));
    JsonSchemaAssertions.assertValid(schema, Specs.json(
        "{\"method\": \"POST\", \"path\": \"/pets\", \"query\": {\"tag\": [\"a\", 1], \"n\": 2,"
            + " \"ok\": true}, \"headers\": {\"X-A\": \"1\"}, \"body\": {\"name\": \"Rex\"}}"));
  }

  @Test
  void refusesWhatTheToolRefuses() {
    assertThat(JsonSchemaAssertions.errors(schema, Specs.json("{}"))).isNotEmpty();
    assertThat(JsonSchemaAssertions.errors(schema, Specs.json("{\"path\": 1}"))).isNotEmpty();
    assertThat(JsonSchemaAssertions.errors(schema, Specs.json("{\"path\": \"/\", \"url\": \"x\"}")))
        .isNotEmpty();
    assertThat(JsonSchemaAssertions.errors(schema,
        Specs.json("{\"path\": \"/\", \"method\": \"TRACE\"}"))).isNotEmpty();
    assertThat(JsonSchemaAssertions.errors(schema,
        Specs.json("{\"path\": \"/\", \"headers\": {\"X\": 1}}"))).isNotEmpty();
  }

  @Test
  void rendersAsTypeScript() {
    String declarations = TypeScriptRenderer.declarations(
        new ConnectorDescriptor("pets", "", List.of(OpenApiConnector.requestTool())));
    assertThat(declarations).contains("request: (input: RequestInput) => Promise<RequestOutput>;");
    assertThat(declarations).contains("type RequestOutput = unknown;");
    assertThat(declarations).contains("path: string");
    assertThat(declarations).contains("\"GET\" | \"POST\"");
  }
}
