package dev.codemode.openapi.build;

import static com.google.common.truth.Truth.assertThat;

import dev.codemode.core.JsonCodec;
import dev.codemode.core.ToolDescriptor;
import dev.codemode.core.testing.GoldenFiles;
import dev.codemode.core.typescript.TypeScriptRenderer;
import dev.codemode.openapi.BodyEncoding;
import dev.codemode.openapi.OperationParameter;
import dev.codemode.openapi.OperationSpec;
import dev.codemode.openapi.ParameterLocation;
import dev.codemode.openapi.ParameterStyle;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The Petstore in Swagger 2.0, OpenAPI 3.0 and OpenAPI 3.1 gives the same tools. */
class PetstoreTest {

  private static final List<String> TOOLS =
      List.of(
          "updatePet", "addPet", "findPetsByStatus", "findPetsByTags", "getPetById",
          "updatePetWithForm", "deletePet", "uploadFile", "getInventory", "placeOrder",
          "getOrderById", "deleteOrder", "createUser", "createUsersWithArrayInput",
          "createUsersWithListInput", "loginUser", "logoutUser", "getUserByName", "updateUser",
          "deleteUser");

  private static JsonNode json(String text) {
    return JsonCodec.defaults().parse(text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2.0/json/petstore.json", "3.0/json/petstore.json",
      "3.0/yaml/petstore.yaml", "3.1/json/petstore.json"})
  void toolsServersAndOperations(String spec) throws Exception {
    DerivedApi derived = Specs.derive(spec);

    assertThat(derived.descriptor().toolNames()).containsExactlyElementsIn(TOOLS).inOrder();
    assertThat(derived.api().servers()).containsExactly("http://petstore.swagger.io/v2");

    ToolDescriptor getPetById = derived.descriptor().tool("getPetById").orElseThrow();
    assertThat(getPetById.inputSchema())
        .isEqualTo(json("""
            {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object",
             "properties": {"petId": {"type": "integer", "format": "int64",
                                      "description": "ID of pet to return"}},
             "required": ["petId"], "additionalProperties": false}"""));
    assertThat(getPetById.outputSchema().get("$ref").asString()).isEqualTo("#/$defs/Pet");
    assertThat(getPetById.outputSchema().get("$defs").propertyNames())
        .containsExactly("Pet", "Category", "Tag");
    assertThat(getPetById.description()).contains("Find pet by ID");

    OperationSpec operation = derived.api().operation("getPetById").orElseThrow();
    assertThat(operation.method()).isEqualTo("GET");
    assertThat(operation.path()).isEqualTo("/pet/{petId}");
    assertThat(operation.responseMediaType()).isEqualTo("application/json");
    assertThat(operation.parameters())
        .containsExactly(
            new OperationParameter(
                "petId", "petId", ParameterLocation.PATH, ParameterStyle.SIMPLE, false, false,
                true, null));

    OperationSpec upload = derived.api().operation("uploadFile").orElseThrow();
    JsonNode uploadInput = derived.descriptor().tool("uploadFile").orElseThrow().inputSchema();
    JsonNode file;
    if (spec.startsWith("3.1")) {
      // the 3.1 Petstore uploads the image as the whole body
      assertThat(upload.body().encoding()).isEqualTo(BodyEncoding.BINARY);
      assertThat(upload.body().mediaType()).isEqualTo("application/octet-stream");
      file = uploadInput.at("/properties/body");
    } else {
      assertThat(upload.body().encoding()).isEqualTo(BodyEncoding.MULTIPART);
      assertThat(upload.body().partContentTypes())
          .containsExactly("file", "application/octet-stream");
      file = uploadInput.at("/properties/body/properties/file");
    }
    assertThat(file.get("contentEncoding").asString()).isEqualTo("base64");
    assertThat(file.get("contentMediaType").asString()).isEqualTo("application/octet-stream");

    OperationSpec findByStatus = derived.api().operation("findPetsByStatus").orElseThrow();
    assertThat(findByStatus.parameters().get(0).style()).isEqualTo(ParameterStyle.FORM);
    assertThat(findByStatus.parameters().get(0).explode()).isTrue();

    // a success response without content: the connector returns null
    assertThat(derived.descriptor().tool("logoutUser").orElseThrow().outputSchema())
        .isEqualTo(json("""
            {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "null"}"""));
    // no success response at all: unknown
    assertThat(derived.descriptor().tool("updatePet").orElseThrow().outputSchema()).isNull();
  }

  @Test
  void readOnlyPropertiesAreLeftOutOfInputs() throws Exception {
    DerivedApi derived = Specs.derive("3.0/json/petstore.json");
    JsonNode addPet = derived.descriptor().tool("addPet").orElseThrow().inputSchema();
    assertThat(addPet.at("/properties/body/$ref").asString()).isEqualTo("#/$defs/PetWritable");
    assertThat(addPet.at("/$defs/PetWritable/properties").has("id")).isFalse();
    JsonNode getPet = derived.descriptor().tool("getPetById").orElseThrow().outputSchema();
    assertThat(getPet.at("/$defs/Pet/properties").has("id")).isTrue();
  }

  @Test
  void declarationsOfThe30PetstoreMatchTheGoldenFile() throws Exception {
    DerivedApi derived = Specs.derive("3.0/json/petstore.json");
    String declarations = TypeScriptRenderer.declarations(derived.descriptor());
    GoldenFiles.assertMatches("golden/petstore-3.0.d.ts", declarations);
    // deterministic: a second derivation renders the same text
    assertThat(TypeScriptRenderer.declarations(Specs.derive("3.0/json/petstore.json").descriptor()))
        .isEqualTo(declarations);
  }
}
