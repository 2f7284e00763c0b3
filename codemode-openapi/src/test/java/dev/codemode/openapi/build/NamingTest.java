package dev.codemode.openapi.build;

import static com.google.common.truth.Truth.assertThat;

import dev.codemode.core.JsonCodec;
import dev.codemode.core.ToolDescriptor;
import dev.codemode.openapi.OperationParameter;
import dev.codemode.openapi.OperationSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tool and property names: sanitizing, collisions and the warnings that report them. */
class NamingTest {

  private static final String SPEC = """
      openapi: 3.0.3
      info: {title: Names, version: "1"}
      paths:
        /repos/{owner}/contents:
          get:
            operationId: repos/get-content
            parameters:
              - {name: owner, in: path, required: true, schema: {type: string}}
              - {name: owner, in: query, schema: {type: string}}
              - {name: body, in: header, schema: {type: string}}
            requestBody:
              content:
                application/json:
                  schema: {type: object}
            responses: {"204": {description: none}}
        /pets/{petId}:
          get:
            responses: {"200": {description: ok}}
          post:
            operationId: repos_get_content
            responses: {"200": {description: ok}}
        /request:
          get:
            operationId: request
            responses: {"200": {description: ok}}
        /class:
          delete:
            operationId: class
            responses: {"200": {description: ok}}
      components:
        schemas:
          simple-user: {type: object}
          simple_user: {type: string}
      """;

  @Test
  void namesAreReadableIdentifiersAndCollisionsAreWarned() throws Exception {
    ToolDescriptor request =
        ToolDescriptor.of(
            "request", "The escape hatch",
            JsonCodec.defaults().parse("{\"type\": \"object\"}"), null);
    DerivedApi derived =
        OpenApiDerivation.derive(
            SpecSource.ofText("names.yaml", SPEC), "names", "", List.of(request));

    assertThat(derived.descriptor().toolNames())
        .containsExactly(
            "request", "repos_get_content", "get_pets_petId", "repos_get_content_2",
            "request_2", "class_")
        .inOrder();
    assertThat(derived.api().operations()).hasSize(5);
    assertThat(derived.warnings())
        .contains(
            "/paths/~1pets~1{petId}/post: operation POST /pets/{petId} (operationId"
                + " repos_get_content) would be tool repos_get_content, which is operation GET"
                + " /repos/{owner}/contents (operationId repos/get-content); it is tool"
                + " repos_get_content_2 (give it a distinct operationId to choose the name)");
    assertThat(String.join("\n", derived.warnings()))
        .contains("would be tool request, which is the reserved tool request; it is tool request_2");

    OperationSpec contents = derived.api().operation("repos_get_content").orElseThrow();
    assertThat(contents.parameters().stream().map(OperationParameter::property).toList())
        .containsExactly("owner", "owner_query", "body_header").inOrder();
    assertThat(contents.body().property()).isEqualTo("body");
    assertThat(String.join("\n", derived.warnings()))
        .contains("query parameter owner is input property owner_query because the path"
            + " parameter owner is owner");
    assertThat(String.join("\n", derived.warnings()))
        .contains("header parameter body is input property body_header because the request body"
            + " is body");
    assertThat(
            derived.descriptor().tool("repos_get_content").orElseThrow()
                .inputSchema().get("properties").propertyNames())
        .containsExactly("owner", "owner_query", "body_header", "body").inOrder();
  }

  @Test
  void schemaNamesBecomeDistinctTypeNames() throws Exception {
    String spec = SPEC.replace("responses: {\"204\": {description: none}}", """
        responses:
                      "200":
                        description: ok
                        content:
                          application/json:
                            schema:
                              type: array
                              items:
                                anyOf:
                                  - {$ref: "#/components/schemas/simple-user"}
                                  - {$ref: "#/components/schemas/simple_user"}""");
    DerivedApi derived = OpenApiDerivation.derive(SpecSource.ofText("names.yaml", spec), "n", "");
    var output = derived.descriptor().tool("repos_get_content").orElseThrow().outputSchema();
    assertThat(output.get("$defs").propertyNames()).containsExactly("SimpleUser", "SimpleUser2");
    assertThat(String.join("\n", derived.warnings()))
        .contains("schema simple_user is named type SimpleUser2 because an earlier schema already"
            + " took SimpleUser");
  }

  @Test
  void identifiers() {
    assertThat(Names.toolName("repos/get-content", "get", "/x")).isEqualTo("repos_get_content");
    assertThat(Names.toolName(null, "get", "/pets/{petId}")).isEqualTo("get_pets_petId");
    assertThat(Names.toolName(" ", "delete", "/")).isEqualTo("delete_");
    assertThat(Names.toolName("2fa.enable", "post", "/")).isEqualTo("_2fa_enable");
    assertThat(Names.typeName("simple-user")).isEqualTo("SimpleUser");
    assertThat(Names.typeName("class")).isEqualTo("Class");
  }
}
