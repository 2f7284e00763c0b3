package dev.codemode.openapi;

import static com.google.common.truth.Truth.assertThat;
import static dev.codemode.openapi.Specs.operation;
import static dev.codemode.openapi.Specs.path;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.codemode.core.ToolInputException;
import dev.codemode.openapi.RecordingServer.Answer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletionStage;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Base URL, authentication, sending and the request tool. */
class ConnectorTest extends ServerTest {

  private static final OperationSpec GET_PET =
      operation("getPet", "GET", "/pets/{petId}", null, path("petId"));

  /** A connector that authenticates with a bearer token. */
  static final class Authenticated extends OpenApiConnector {
    final AtomicReference<OperationSpec> seen = new AtomicReference<>();

    Authenticated(URI base) {
      super(base);
    }

    @Override
    protected HttpRequest.Builder authenticate(HttpRequest.Builder request, OperationSpec operation) {
      seen.set(operation);
      return request.setHeader("Authorization", "Bearer tok-SECRET-123");
    }
  }

  @Test
  void baseUriFromConstructorOverridesTheSpec() throws Exception {
    OpenApiConnector other = new OpenApiConnector(server.uri("/other/v2/"));
    ApiSpec api = Specs.api("https://example.invalid/v1", GET_PET);
    Specs.await(other.call(api, GET_PET, Specs.json("{\"petId\": 7}")));
    assertThat(server.last().rawPath()).isEqualTo("/other/v2/pets/7");
  }

  @Test
  void anOperationWithItsOwnServerGoesThereWhileTheConnectorUsesTheSpecsServers() throws Exception {
    try (RecordingServer uploads = new RecordingServer()) {
      OperationSpec upload =
          new OperationSpec("upload", "POST", "/assets", List.of(), null, "application/json",
              List.of(uploads.uri("/files").toString()));
      OperationSpec relative =
          new OperationSpec("relative", "GET", "/things", List.of(), null, "application/json",
              List.of("/v3"));
      ApiSpec api = Specs.api(server.uri("/api").toString(), GET_PET, upload, relative);
      Specs.await(connector.call(api, upload, Specs.json("{}")));
      assertThat(uploads.last().rawPath()).isEqualTo("/files/assets");
      Specs.await(connector.call(api, relative, Specs.json("{}")));
      assertThat(server.last().rawPath()).isEqualTo("/v3/things");
      Specs.await(connector.call(api, GET_PET, Specs.json("{\"petId\": 1}")));
      assertThat(server.last().rawPath()).isEqualTo("/api/pets/1");

      // A connector given its own base URL sends every operation there.
      OpenApiConnector gateway = new OpenApiConnector(server.uri("/gateway"));
      Specs.await(gateway.call(api, upload, Specs.json("{}")));
      assertThat(server.last().rawPath()).isEqualTo("/gateway/assets");
      assertThat(uploads.requests()).hasSize(1);
    }
  }

  @Test
  void baseUriOverride() throws Exception {
    OpenApiConnector overriding = new OpenApiConnector() {
      @Override
      protected URI baseUri(ApiSpec api) {
        return server.uri("/x");
      }
    };
    ApiSpec api = Specs.api("/api/v3", GET_PET);
    Specs.await(overriding.call(api, GET_PET, Specs.json("{\"petId\": 7}")));
    assertThat(server.last().rawPath()).isEqualTo("/x/pets/7");
  }

  @Test
  void relativeOrMissingServerSaysToOverrideBaseUri() throws Exception {
    Throwable relative = Specs.failure(connector.call(Specs.api("/api/v3", GET_PET), GET_PET,
        Specs.json("{\"petId\": 1}")));
    assertThat(relative).isInstanceOf(IllegalStateException.class);
    assertThat(relative).hasMessageThat().contains("the spec's server URL /api/v3 is relative");
    assertThat(relative).hasMessageThat().contains("Override baseUri(ApiSpec) in");
    assertThat(relative).hasMessageThat().contains("OpenApiConnector(URI)");

    Throwable none = Specs.failure(connector.call(Specs.api(null, GET_PET), GET_PET,
        Specs.json("{\"petId\": 1}")));
    assertThat(none).hasMessageThat().contains("the spec names no server");
    assertThat(none).hasMessageThat().contains("Override baseUri(ApiSpec)");
  }

  @Test
  void constructorRefusesARelativeOrNonHttpUrl() {
    IllegalArgumentException relative =
        assertThrows(IllegalArgumentException.class, () -> new OpenApiConnector(URI.create("/v1")));
    assertThat(relative).hasMessageThat().contains("not an absolute URL with a host");
    IllegalArgumentException ftp = assertThrows(IllegalArgumentException.class,
        () -> new OpenApiConnector(URI.create("ftp://example.com/")));
    assertThat(ftp).hasMessageThat().contains("is not http or https");
  }

  @Test
  void authenticationReachesTheServerButNotTheErrors() throws Exception {
    Authenticated authenticated = new Authenticated(server.uri("/api"));
    server.answer(request ->
        Answer.of(401, "text/plain", "bad token: " + request.header("Authorization")));
    Throwable failure =
        Specs.failure(authenticated.call(api(GET_PET), GET_PET, Specs.json("{\"petId\": 1}")));
    assertThat(server.last().header("Authorization")).isEqualTo("Bearer tok-SECRET-123");
    assertThat(authenticated.seen.get()).isEqualTo(GET_PET);
    assertThat(failure).hasMessageThat().doesNotContain("tok-SECRET-123");
    assertThat(failure).hasMessageThat()
        .isEqualTo("GET /api/pets/1 answered 401 Unauthorized: bad token: [redacted]");
  }

  @Test
  void sendCanBeRoutedElsewhere() throws Exception {
    AtomicReference<HttpRequest> routed = new AtomicReference<>();
    OpenApiConnector gateway = new OpenApiConnector() {
      @Override
      protected CompletionStage<HttpResponse<byte[]>> send(HttpRequest request) {
        routed.set(request);
        HttpRequest rewritten = HttpRequest.newBuilder(request, (name, value) -> true)
            .header("X-Gateway", "1").build();
        return httpClient().sendAsync(rewritten, HttpResponse.BodyHandlers.ofByteArray());
      }
    };
    Specs.await(gateway.call(api(GET_PET), GET_PET, Specs.json("{\"petId\": 3}")));
    assertThat(routed.get().uri().getRawPath()).isEqualTo("/api/pets/3");
    assertThat(server.last().header("X-Gateway")).isEqualTo("1");
  }

  @Test
  void requestToolSendsMethodPathQueryHeadersAndJsonBody() throws Exception {
    Authenticated authenticated = new Authenticated(server.uri("/api/"));
    server.answer(Answer.json(201, "{\"created\": true}"));
    JsonNode result = Specs.await(authenticated.request(api(), Specs.json(
        "{\"method\": \"post\", \"path\": \"pets/a b/./x\", \"query\": {\"tag\": [\"a\", \"b&c\"],"
            + " \"n\": 1, \"skip\": null}, \"headers\": {\"X-Trace\": \"t1\"},"
            + " \"body\": {\"name\": \"Rex\"}}")));
    assertThat(result).isEqualTo(Specs.json("{\"created\": true}"));
    RecordingServer.Recorded request = server.last();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.rawPath()).isEqualTo("/api/pets/a%20b/x");
    assertThat(request.rawQuery()).isEqualTo("tag=a&tag=b%26c&n=1");
    assertThat(request.header("X-Trace")).isEqualTo("t1");
    assertThat(request.header("Content-Type")).isEqualTo("application/json");
    assertThat(request.header("Authorization")).isEqualTo("Bearer tok-SECRET-123");
    assertThat(request.bodyText()).isEqualTo("{\"name\":\"Rex\"}");
    assertThat(authenticated.seen.get().tool()).isEqualTo("request");
    assertThat(authenticated.seen.get().method()).isEqualTo("POST");
  }

  @Test
  void requestToolAuthenticationReplacesAHeaderFromTheModel() throws Exception {
    Authenticated authenticated = new Authenticated(server.uri("/api"));
    Specs.await(authenticated.request(api(), Specs.json(
        "{\"path\": \"/me\", \"headers\": {\"Authorization\": \"Bearer stolen\"}}")));
    assertThat(server.last().headers().get("Authorization"))
        .containsExactly("Bearer tok-SECRET-123");
    assertThat(server.last().method()).isEqualTo("GET");
  }

  @Test
  void requestToolResolvesDotsThatStayUnderTheBasePath() throws Exception {
    Specs.await(connector.request(api(), Specs.json("{\"path\": \"/pets/1/../2\"}")));
    assertThat(server.last().rawPath()).isEqualTo("/api/pets/2");
  }

  @Test
  void requestToolRefusesOtherHostsAndEscapes() throws Exception {
    for (String path : new String[] {
        "http://evil.example/x", "//evil.example/x", "https:evil", "/../admin", "/a/../../admin",
        "/%2e%2e/admin", "..", "\\\\\\\\evil"}) {
      Throwable failure =
          Specs.failure(connector.request(api(), Specs.json("{\"path\": \"" + path + "\"}")));
      assertThat(failure).isInstanceOf(ToolInputException.class);
      assertThat(failure).hasMessageThat().contains("pets.request: property \"path\"");
    }
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void requestToolRefusesQueryInPathUnknownPropertiesAndRestrictedHeaders() throws Exception {
    assertThat(Specs.failure(connector.request(api(), Specs.json("{\"path\": \"/p?a=1\"}"))))
        .hasMessageThat().contains("Pass query parameters as the \"query\" object");
    assertThat(Specs.failure(connector.request(api(), Specs.json("{\"path\": \"/p\", \"url\": 1}"))))
        .hasMessageThat().contains("unknown property \"url\"; known properties: method, path,"
            + " query, headers, body");
    assertThat(Specs.failure(connector.request(api(),
        Specs.json("{\"path\": \"/p\", \"headers\": {\"Host\": \"evil\"}}"))))
        .hasMessageThat().contains("the Host header cannot be given: it names the server");
    assertThat(Specs.failure(connector.request(api(),
        Specs.json("{\"path\": \"/p\", \"method\": \"TRACE\"}"))))
        .hasMessageThat().contains("property \"method\" must be one of GET");
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void requestToolSendsTextBodyAsText() throws Exception {
    Specs.await(connector.request(api(), Specs.json(
        "{\"method\": \"PUT\", \"path\": \"/note\", \"body\": \"hello\"}")));
    assertThat(server.last().header("Content-Type")).isEqualTo("text/plain; charset=UTF-8");
    assertThat(server.last().bodyText()).isEqualTo("hello");
  }

  @Test
  void requestToolDescriptor() {
    var tool = OpenApiConnector.requestTool();
    assertThat(tool.name()).isEqualTo("request");
    assertThat(tool.outputSchema()).isNull();
    assertThat(tool.description()).isNotEmpty();
    JsonNode schema = tool.inputSchema();
    assertThat(schema.get("required")).isEqualTo(Specs.json("[\"path\"]"));
    assertThat(schema.get("properties").propertyNames())
        .containsExactly("method", "path", "query", "headers", "body").inOrder();
    for (String property : schema.get("properties").propertyNames()) {
      assertThat(schema.get("properties").get(property).get("description").stringValue())
          .isNotEmpty();
    }
  }
}
