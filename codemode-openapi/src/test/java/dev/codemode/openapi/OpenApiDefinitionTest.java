package dev.codemode.openapi;

import static com.google.common.truth.Truth.assertThat;
import static dev.codemode.openapi.Specs.operation;
import static dev.codemode.openapi.Specs.path;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.codemode.core.ConnectorDescriptor;
import dev.codemode.core.NoSuchToolException;
import dev.codemode.core.ToolDescriptor;
import dev.codemode.core.dispatch.GeneratedResources;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OpenApiDefinitionTest extends ServerTest {

  private static final OperationSpec GET_PET =
      operation("getPet", "GET", "/pets/{petId}", null, path("petId"));

  /** A connector as a user writes it: the spec's server is relative, so it names its own. */
  public static class Petstore extends OpenApiConnector {
    public Petstore(URI base) {
      super(base);
    }
  }

  /** What the annotation processor would generate for {@link Petstore}. */
  static final class Petstore_Codemode extends OpenApiDefinition<Petstore> {
    Petstore_Codemode(String openApiSha256) {
      super(Petstore.class, resources(), openApiSha256);
    }

    static GeneratedResources resources() {
      return new GeneratedResources(Petstore_Codemode.class, "petstore",
          sha("petstore.json"), sha("petstore.d.ts"));
    }
  }

  static String sha(String fileName) {
    try (InputStream in = OpenApiDefinitionTest.class.getClassLoader()
        .getResourceAsStream(GeneratedResources.FOLDER + fileName)) {
      return GeneratedResources.sha256(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static ToolDescriptor tool(String name) {
    return ToolDescriptor.of(name, "", Specs.json("{\"type\": \"object\"}"), null);
  }

  @Test
  void generatedStyleDefinitionReadsItsFilesAndDispatches() throws Exception {
    Petstore_Codemode definition = new Petstore_Codemode(sha("petstore.openapi.json"));
    assertThat(definition.descriptor().toolNames()).containsExactly("getPet", "request");
    assertThat(definition.typeScript()).contains("declare const petstore");
    assertThat(definition.api().operation("getPet").orElseThrow().path())
        .isEqualTo("/pets/{petId}");
    assertThat(definition.newInstance()).isEmpty();

    Petstore petstore = new Petstore(server.uri("/v3"));
    server.answer(RecordingServer.Answer.json(200, "{\"id\": 5}"));
    assertThat(Specs.await(definition.invoke(petstore, "getPet", Specs.json("{\"petId\": 5}"))))
        .isEqualTo(Specs.json("{\"id\": 5}"));
    assertThat(server.last().rawPath()).isEqualTo("/v3/pets/5");

    Specs.await(definition.invoke(petstore, "request", Specs.json("{\"path\": \"/store\"}")));
    assertThat(server.last().rawPath()).isEqualTo("/v3/store");

    Throwable unknown = Specs.failure(definition.invoke(petstore, "getPets", Specs.json("{}")));
    assertThat(unknown).isInstanceOf(NoSuchToolException.class);
  }

  @Test
  void staleSpecFileIsAnError() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> new Petstore_Codemode("0".repeat(64)));
    assertThat(e).hasMessageThat().contains("was generated with a different"
        + " META-INF/codemode/petstore.openapi.json");
  }

  @Test
  void runTimeDefinitionDispatchesOperationsAndRequest() throws Exception {
    ApiSpec api = api(GET_PET);
    ConnectorDescriptor descriptor = new ConnectorDescriptor("pets", "",
        List.of(tool("getPet"), OpenApiConnector.requestTool()));
    OpenApiDefinition<OpenApiConnector> definition = OpenApiDefinition.of(
        OpenApiConnector.class, descriptor, "declare const pets: {};", api, OpenApiConnector::new);
    OpenApiConnector instance = definition.newInstance().orElseThrow();
    Specs.await(definition.invoke(instance, "getPet", Specs.json("{\"petId\": \"x y\"}")));
    assertThat(server.last().rawPath()).isEqualTo("/api/pets/x%20y");
    Specs.await(definition.invoke(instance, "request",
        Specs.json("{\"path\": \"/other\", \"method\": \"DELETE\"}")));
    assertThat(server.last().method()).isEqualTo("DELETE");
    assertThat(definition.typeScript()).isEqualTo("declare const pets: {};");
  }

  @Test
  void withoutTheRequestToolInTheDescriptorRequestIsUnknown() throws Exception {
    ConnectorDescriptor descriptor = new ConnectorDescriptor("pets", "", List.of(tool("getPet")));
    OpenApiDefinition<OpenApiConnector> definition =
        OpenApiDefinition.of(OpenApiConnector.class, descriptor, "", api(GET_PET));
    assertThat(definition.newInstance()).isEqualTo(Optional.empty());
    assertThat(Specs.failure(definition.invoke(new OpenApiConnector(), "request",
        Specs.json("{\"path\": \"/x\"}")))).isInstanceOf(NoSuchToolException.class);
  }

  @Test
  void descriptorAndSpecMustAgree() {
    ConnectorDescriptor extraTool =
        new ConnectorDescriptor("pets", "", List.of(tool("getPet"), tool("listPets")));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> OpenApiDefinition.of(OpenApiConnector.class, extraTool, "", api(GET_PET)));
    assertThat(e).hasMessageThat().contains("tools without an operation: listPets");

    ConnectorDescriptor missingTool = new ConnectorDescriptor("pets", "", List.of());
    e = assertThrows(IllegalArgumentException.class,
        () -> OpenApiDefinition.of(OpenApiConnector.class, missingTool, "", api(GET_PET)));
    assertThat(e).hasMessageThat()
        .contains("operations without a tool: getPet (GET /pets/{petId})");

    ConnectorDescriptor otherName = new ConnectorDescriptor("shop", "", List.of(tool("getPet")));
    e = assertThrows(IllegalArgumentException.class,
        () -> OpenApiDefinition.of(OpenApiConnector.class, otherName, "", api(GET_PET)));
    assertThat(e).hasMessageThat().contains("connector shop but the spec of connector pets");

    OperationSpec named = operation("request", "GET", "/r", null);
    ConnectorDescriptor reserved = new ConnectorDescriptor("pets", "", List.of(tool("request")));
    e = assertThrows(IllegalArgumentException.class,
        () -> OpenApiDefinition.of(OpenApiConnector.class, reserved, "", api(named)));
    assertThat(e).hasMessageThat().contains("an operation is named request");
  }
}
