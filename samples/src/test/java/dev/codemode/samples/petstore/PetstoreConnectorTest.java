package dev.codemode.samples.petstore;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.codemode.core.testing.TypeScriptCompiler;
import dev.codemode.sandbox.ExecuteResult;
import dev.codemode.sandbox.GraalJsExecutor;
import dev.codemode.sandbox.ToolProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The Petstore connector end to end: model code in the real GraalJS sandbox calls the tools the
 * processor derived from {@code petstore.yaml}, which send real HTTP requests to a local {@link
 * PetstoreServer}.
 */
class PetstoreConnectorTest {

  private static GraalJsExecutor executor;

  private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
  private PetstoreServer server;
  private ToolProvider petstore;

  @BeforeAll
  static void startExecutor() {
    executor = GraalJsExecutor.create();
  }

  @AfterAll
  static void closeExecutor() {
    executor.close();
  }

  @BeforeEach
  void startServer() {
    server = PetstoreServer.builder().port(0).onRequest(requests::add).start();
    petstore =
        ToolProvider.of(
            new PetstoreConnector_Codemode(),
            new PetstoreConnector(server.uri(), PetstoreServer.DEFAULT_API_KEY));
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  private ExecuteResult run(String code) {
    return executor.execute(code, List.of(petstore));
  }

  private static JsonNode completed(ExecuteResult result) {
    assertThat(result.error()).isNull();
    return result.result();
  }

  @Test
  void theSampleScriptRestocksThroughTheRealServer() throws IOException {
    String script = Files.readString(sampleScript(), StandardCharsets.UTF_8);
    ExecuteResult result = run(script);
    JsonNode inventory = completed(result);
    assertThat(inventory.path("sold").asInt()).isEqualTo(3);
    assertThat(result.logs()).hasSize(6);
    assertThat(result.logs().get(0)).contains("3 pet(s) available");
    List<RecordedRequest> forms =
        requests.stream().filter(request -> request.method().equals("POST")
            && request.path().matches("/v2/pet/\\d+")).toList();
    assertThat(forms).hasSize(2);
    assertThat(forms.get(0).header("Content-Type"))
        .startsWith("application/x-www-form-urlencoded");
    assertThat(forms.get(0).bodyText()).contains("status=sold");
    assertThat(requests.stream().filter(request -> request.path().equals("/v2/store/order")))
        .hasSize(2);
  }

  @Test
  void theApiKeyIsAddedOnTheHostAndNeverSeenByModelCode() {
    JsonNode result =
        completed(
            run("const created = await petstore.addPet({body: {name: 'Rex', photoUrls: []}});\n"
                + "const deleted = await petstore.deletePet({petId: created.id});\n"
                + "return {created, deleted};"));
    assertThat(result.path("created").path("name").asString()).isEqualTo("Rex");
    RecordedRequest delete = requests.get(requests.size() - 1);
    assertThat(delete.method()).isEqualTo("DELETE");
    assertThat(delete.header("api_key")).isEqualTo(PetstoreServer.DEFAULT_API_KEY);
  }

  @Test
  void aWrongKeyIsAToolErrorModelCodeCanCatchWithoutTheKeyInIt() {
    petstore =
        ToolProvider.of(
            new PetstoreConnector_Codemode(), new PetstoreConnector(server.uri(), "wrong-key-42"));
    JsonNode result =
        completed(
            run("try { await petstore.deletePet({petId: 1}); return 'deleted'; }\n"
                + "catch (e) { return {name: e.name, message: e.message}; }"));
    assertThat(result.path("message").asString()).contains("DELETE /v2/pet/1 answered 401");
    assertThat(result.toString()).doesNotContain("wrong-key-42");
  }

  @Test
  void aFileFromModelCodeIsUploadedAsAMultipartPart() {
    JsonNode result =
        completed(
            run("const bytes = new Uint8Array([0, 1, 2, 253, 254, 255, 13, 10]);\n"
                + "return await petstore.uploadFile({petId: 1,"
                + " body: {additionalMetadata: 'front view', file: bytes}});"));
    assertThat(result.path("message").asString()).contains("additionalMetadata: front view");
    assertThat(result.path("message").asString()).contains("8 bytes");
    RecordedRequest upload = requests.get(requests.size() - 1);
    assertThat(upload.header("Content-Type")).startsWith("multipart/form-data; boundary=");
  }

  @Test
  void notFoundComesBackWithStatusAndBody() {
    ExecuteResult result = run("return await petstore.getPetById({petId: 9999});");
    assertThat(result.error()).isNotNull();
    assertThat(result.error().tool()).isEqualTo("petstore.getPetById");
    assertThat(result.error().message()).contains("GET /v2/pet/9999 answered 404");
  }

  @Test
  void wrongInputIsRefusedBeforeAnyRequest() {
    ExecuteResult result = run("return await petstore.getPetById({petId: 'seven'});");
    assertThat(result.error()).isNotNull();
    assertThat(result.error().message()).contains("petId");
    assertThat(requests).isEmpty();
  }

  @Test
  void theRequestToolStaysOnTheApi() {
    JsonNode result =
        completed(
            run("const inventory = await petstore.request({path: '/store/inventory'});\n"
                + "let escaped;\n"
                + "try { await petstore.request({path: 'http://example.com/'}); escaped = true; }\n"
                + "catch (e) { escaped = e.message; }\n"
                + "return {inventory, escaped};"));
    assertThat(result.path("inventory").has("available")).isTrue();
    assertThat(result.path("escaped").isString()).isTrue();
  }

  @Test
  void theSampleScriptTypeChecksAgainstTheGeneratedDeclarations() throws IOException {
    String script = Files.readString(sampleScript(), StandardCharsets.UTF_8);
    String wrapped = "export async function restock() {\n" + script + "\n}\n";
    TypeScriptCompiler.Result result =
        TypeScriptCompiler.create()
            .check(Map.of("petstore.d.ts", resource("META-INF/codemode/petstore.d.ts"),
                "petstore-restock.ts", wrapped));
    assertThat(result.output()).isEmpty();
    assertThat(result.succeeded()).isTrue();
  }

  /**
   * swagger-parser is build time only: an application that depends on codemode-openapi (as this
   * module does) has neither it nor its Jackson 2 on the class path.
   */
  @Test
  void theRunTimeClassPathCarriesNoSwaggerParser() {
    for (String buildTimeClass :
        List.of(
            "io.swagger.parser.OpenAPIParser",
            "io.swagger.v3.oas.models.OpenAPI",
            "dev.codemode.processor.CodemodeProcessor")) {
      assertThrows(ClassNotFoundException.class, () -> Class.forName(buildTimeClass));
    }
  }

  private static Path sampleScript() {
    return TypeScriptCompiler.repositoryRoot().resolve("samples/scripts/petstore-restock.ts");
  }

  private static String resource(String path) {
    try (InputStream in =
        PetstoreConnectorTest.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new AssertionError(path + " was not generated");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
