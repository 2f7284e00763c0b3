package dev.codemode.openapi.build;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.codemode.core.DescriptorJson;
import dev.codemode.core.ToolDescriptor;
import dev.codemode.openapi.BodyEncoding;
import dev.codemode.openapi.OperationParameter;
import dev.codemode.openapi.OperationSpec;
import dev.codemode.openapi.ParameterLocation;
import dev.codemode.openapi.ParameterStyle;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Specific results for the one-feature specs that exercise one rule each. */
class KeySpecsTest {

  @Test
  void noOpenApiDialectIsLeftInAnySchema() throws Exception {
    for (Path spec : Specs.allExamples()) {
      if (spec.endsWith("3.1/json/webhooks.json")) {
        continue;
      }
      DerivedApi derived = OpenApiDerivation.derive(SpecSource.of(spec), "api", "");
      Deque<JsonNode> work = new ArrayDeque<>();
      for (ToolDescriptor tool : derived.descriptor().tools()) {
        work.push(tool.inputSchema());
        if (tool.outputSchema() != null) {
          work.push(tool.outputSchema());
        }
      }
      while (!work.isEmpty()) {
        JsonNode node = work.pop();
        if (node.isObject()) {
          for (String keyword : new String[] {"nullable", "discriminator", "example", "xml"}) {
            assertWithMessage(spec + ": " + node).that(node.has(keyword)).isFalse();
          }
          assertWithMessage(spec + ": " + node)
              .that(node.path("exclusiveMinimum").isBoolean()).isFalse();
          if (node.path("type").isString() && node.get("type").stringValue().equals("array")) {
            assertWithMessage(spec + ": " + node)
                .that(node.has("items") || node.has("prefixItems")).isTrue();
          }
          JsonNode ref = node.get("$ref");
          if (ref != null && ref.isString()) {
            assertWithMessage(spec + ": " + ref).that(ref.stringValue()).startsWith("#/$defs/");
          }
        }
        if (node.isArray()) {
          node.values().forEach(work::push);
        } else if (node.isObject()) {
          for (Map.Entry<String, JsonNode> entry : node.properties()) {
            switch (entry.getKey()) {
              // maps of names to schemas: their keys are names, not keywords
              case "properties", "$defs", "patternProperties" ->
                  entry.getValue().values().forEach(work::push);
              case "default", "enum", "const", "description", "name" -> { }
              default -> work.push(entry.getValue());
            }
          }
        }
      }
    }
  }

  @Test
  void cyclesBecomeNamedTypes() throws Exception {
    JsonNode input =
        Specs.derive("3.0/json/schema-types.json").descriptor().tool("circular_handling")
            .orElseThrow().inputSchema();
    assertThat(input.at("/properties/body/properties/circular/$ref").asString())
        .isEqualTo("#/$defs/Circular");
    assertThat(input.at("/$defs/Circular/properties/children/items/$ref").asString())
        .isEqualTo("#/$defs/Circular");
  }

  @Test
  void nullableAndExclusiveBoundsAndTypeArrays() throws Exception {
    String schemas30 = DescriptorJson.write(Specs.derive("3.0/json/schema-types.json").descriptor());
    assertThat(schemas30).contains("\"null\"");
    String validation =
        DescriptorJson.write(Specs.derive("3.0/json/schema-validation.json").descriptor());
    assertThat(validation).contains("\"exclusiveMinimum\": 10");
    assertThat(validation).contains("\"exclusiveMaximum\": 20");
    String schemas31 = DescriptorJson.write(Specs.derive("3.1/json/schema-types.json").descriptor());
    assertThat(schemas31).contains("\"string\",\n");
    assertThat(schemas31.replaceAll("\\s+", "")).contains("\"type\":[\"string\",\"null\"]");
  }

  @Test
  void pathLevelParametersAreMergedAndOverridden() throws Exception {
    DerivedApi derived = Specs.derive("3.0/json/parameters-common.json");
    for (OperationSpec operation : derived.api().operations()) {
      assertWithMessage(operation.tool())
          .that(operation.parameters().stream().map(OperationParameter::name).toList())
          .contains("id");
    }
    OperationSpec override =
        derived.api().operations().stream()
            .filter(o -> o.path().equals("/anything/{id}/override")).findFirst().orElseThrow();
    ToolDescriptor tool = derived.descriptor().tool(override.tool()).orElseThrow();
    // the operation's own id (a string) wins over the path item's (a number)
    assertThat(tool.inputSchema().at("/properties/id/type").asString()).isEqualTo("string");
  }

  @Test
  void cookiesStylesFormsAndFiles() throws Exception {
    OperationSpec cookies = Specs.derive("3.0/json/parameters-cookies.json").api().operations().get(0);
    assertThat(cookies.parameters().stream().map(OperationParameter::in).distinct().toList())
        .containsExactly(ParameterLocation.COOKIE);

    DerivedApi styles = Specs.derive("3.0/json/parameters-style.json");
    assertThat(styles.api().operations().stream()
            .flatMap(o -> o.parameters().stream()).map(OperationParameter::style).distinct()
            .toList())
        .containsAtLeast(ParameterStyle.MATRIX, ParameterStyle.LABEL, ParameterStyle.FORM,
            ParameterStyle.SIMPLE, ParameterStyle.SPACE_DELIMITED, ParameterStyle.PIPE_DELIMITED,
            ParameterStyle.DEEP_OBJECT);

    OperationSpec form = Specs.derive("3.0/json/form-data.json").api().operations().get(0);
    assertThat(form.body().encoding()).isEqualTo(BodyEncoding.FORM);
    assertThat(form.body().mediaType()).isEqualTo("application/x-www-form-urlencoded");

    DerivedApi files = Specs.derive("3.0/json/file-uploads.json");
    assertThat(files.descriptor().toolNames())
        .containsExactly("post_anything_image_png", "put_anything_multipart_formdata",
            "post_anything_multipart_formdata");
    OperationSpec png = files.api().operation("post_anything_image_png").orElseThrow();
    assertThat(png.body().encoding()).isEqualTo(BodyEncoding.BINARY);
    OperationSpec multi = files.api().operation("put_anything_multipart_formdata").orElseThrow();
    assertThat(multi.body().partContentTypes())
        .isEqualTo(Map.of("filename", "application/octet-stream"));
  }

  @Test
  void discriminatorsNarrowTheUnion() throws Exception {
    DerivedApi derived = Specs.derive("3.0/json/discriminators.json");
    JsonNode body =
        derived.descriptor().tool("oneOfWithTopLevelDiscriminatorAndMapping").orElseThrow()
            .inputSchema().at("/properties/body");
    assertThat(body.at("/oneOf/0/allOf/0/$ref").asString()).isEqualTo("#/$defs/OptionOneNoDisc");
    assertThat(body.at("/oneOf/0/allOf/1/properties/discrim/const").asString())
        .isEqualTo("Option One");
    assertThat(body.get("description").asString())
        .contains("The discrim property tells which schema applies");
  }

  @Test
  void pathAndOperationServersGoToTheirOperations() throws Exception {
    DerivedApi derived = Specs.derive("3.0/json/server-path-level.json");
    java.util.Map<String, java.util.List<String>> byPath = new java.util.LinkedHashMap<>();
    for (OperationSpec operation : derived.api().operations()) {
      byPath.put(operation.path(), operation.servers());
    }
    assertThat(byPath).containsAtLeast(
        "/relative-path-server", java.util.List.of("/v2"),
        "/relative-operation-server", java.util.List.of("/v3"),
        "/operation-server-variables", java.util.List.of("https://operation.example.com/v3"),
        "/path-item-server-source", java.util.List.of("https://path-item-ref.example.com"),
        "/empty-operation-servers", java.util.List.of("https://empty-operation-path.example.com"),
        "/empty-path-item-servers", java.util.List.of());
    assertThat(String.join("\n", derived.warnings())).doesNotContain("servers are ignored");
  }

  @Test
  void serverVariablesTakeTheirDefaults() throws Exception {
    assertThat(Specs.derive("3.0/json/server-variables.json").api().servers())
        .containsExactly(
            "https://demo.example.com:443/v2", "http://demo.local/v1",
            "https://demo.readme.io:3000/v1")
        .inOrder();
  }
}
