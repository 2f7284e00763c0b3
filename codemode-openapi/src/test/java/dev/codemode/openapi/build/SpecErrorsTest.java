package dev.codemode.openapi.build;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Specs that cannot become tools give a SpecException naming the spec, the place and the fix. */
class SpecErrorsTest {

  private static SpecSource resource(String name) throws URISyntaxException {
    Path file = Path.of(SpecErrorsTest.class.getResource("/specs/" + name).toURI());
    return new SpecSource("specs/" + name, file.toUri(), null);
  }

  private static SpecException refused(String name) throws URISyntaxException {
    SpecSource source = resource(name);
    return assertThrows(SpecException.class, () -> OpenApiDerivation.derive(source, "api", ""));
  }

  @Test
  void missingReferenceTarget() throws Exception {
    SpecException e = refused("missing-ref.yaml");
    assertThat(e.spec()).isEqualTo("specs/missing-ref.yaml");
    assertThat(e.location())
        .isEqualTo("/paths/~1a/get/responses/200/content/application~1json/schema/$ref");
    assertThat(e.reason()).contains("components/schemas has no Nope");
    assertThat(e).hasMessageThat().contains("specs/missing-ref.yaml");
    assertThat(e).hasMessageThat().contains("Define Nope under components/schemas");
  }

  @Test
  void brokenYamlNamesLineAndColumn() throws Exception {
    SpecException e = refused("broken.yaml");
    assertThat(e.location()).matches("\\d+:\\d+");
    assertThat(e.reason()).contains("not valid YAML or JSON");
    assertThat(e).hasMessageThat().contains("specs/broken.yaml at " + e.location());
  }

  @Test
  void emptySpec() throws Exception {
    SpecException e = refused("empty.yaml");
    assertThat(e.reason()).isEqualTo("is empty");
    assertThat(e).hasMessageThat().contains("OpenAPI 3.0, OpenAPI 3.1 and Swagger 2.0");
  }

  @Test
  void unsupportedVersion() throws Exception {
    SpecException e = refused("unsupported-version.yaml");
    assertThat(e.location()).isEqualTo("/openapi");
    assertThat(e.reason()).contains("4.0.0");
    assertThat(e).hasMessageThat().contains("convert the spec");
  }

  @Test
  void noPaths() throws Exception {
    SpecException e = refused("no-paths.yaml");
    assertThat(e.location()).isEqualTo("/paths");
    assertThat(e).hasMessageThat().contains("Add at least one path");
  }

  @Test
  void textWithoutLocationCannotFollowRelativeFiles() {
    SpecSource source =
        SpecSource.ofText("inline.yaml", """
            openapi: 3.0.3
            info: {title: x, version: "1"}
            paths:
              /a:
                get:
                  responses:
                    "200":
                      description: ok
                      content:
                        application/json:
                          schema: {$ref: "./elsewhere.yaml#/Thing"}
            """);
    SpecException e =
        assertThrows(SpecException.class, () -> OpenApiDerivation.derive(source, "api", ""));
    assertThat(e.reason()).contains("points outside the spec");
    assertThat(e.location()).endsWith("/schema/$ref");
  }

  @Test
  void relativeFileReferencesResolveAgainstTheSpecsFolderAndCyclesBecomeNamedTypes()
      throws Exception {
    DerivedApi derived = OpenApiDerivation.derive(resource("relative-ref.yaml"), "nodes", "");
    var output = derived.descriptor().tool("getNode").orElseThrow().outputSchema();
    assertThat(output.get("$ref").asString()).isEqualTo("#/$defs/Node");
    assertThat(output.at("/$defs/Node/properties/children/items/$ref").asString())
        .isEqualTo("#/$defs/Node");
    assertThat(derived.api().operation("getNode").orElseThrow().parameters().get(0).name())
        .isEqualTo("id");
  }
}
