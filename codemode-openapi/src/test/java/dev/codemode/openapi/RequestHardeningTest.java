package dev.codemode.openapi;

import static com.google.common.truth.Truth.assertThat;
import static dev.codemode.openapi.Specs.operation;
import static dev.codemode.openapi.Specs.path;

import dev.codemode.core.ToolInputException;
import dev.codemode.openapi.RecordingServer.Answer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Attacks from model code on the connector, each tried against a real server: the model gets a
 * clear error or a redacted value, and the server never sees a request that leaves the base path
 * {@code /v2}.
 */
class RequestHardeningTest extends ServerTest {

  private static final String KEY = "secret-key-123";
  private static final String TOKEN = "tok-SECRET-456";
  private static final String PASSWORD = "hunter2-password";

  private static final OperationSpec GET_PET =
      operation("getPet", "GET", "/pets/{petId}", null, path("petId"));
  private static final OperationSpec LIST = operation("list", "GET", "/things", null);

  /** Sends to {@code /v2} with a key, a bearer token, Basic credentials and a short header. */
  final class Keyed extends OpenApiConnector {
    Keyed() {
      super(server.uri("/v2"));
    }

    @Override
    protected HttpRequest.Builder authenticate(
        HttpRequest.Builder request, OperationSpec operation) {
      String basic = Base64.getEncoder()
          .encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
      return request
          .setHeader("X-Api-Key", KEY)
          .setHeader("Authorization", "Bearer " + TOKEN)
          .setHeader("X-Basic", "Basic " + basic)
          .setHeader("X-Version", "2");
    }
  }

  private ApiSpec v2(OperationSpec... operations) {
    return Specs.api(server.uri("/v2").toString(), operations);
  }

  private CompletionStage<JsonNode> request(OpenApiConnector on, String path) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    return on.request(v2(), nodes.objectNode().put("path", path));
  }

  private static ToolInputException inputFailure(CompletionStage<JsonNode> stage)
      throws Exception {
    Throwable failure = Specs.failure(stage);
    assertThat(failure).isInstanceOf(ToolInputException.class);
    return (ToolInputException) failure;
  }

  // 1. Paths

  @Test
  void pathsThatLeaveTheBasePathAreRefusedAndNeverSent() throws Exception {
    connector = new Keyed();
    for (String path : List.of(
        "/..;/admin", "/..%2f..%2fadmin", "/%2e%2e%2Fadmin", "/%2e%2e/admin", "/..%5cadmin",
        "/..\\admin", "/%252e%252e/admin", "/%252e%252e%252fadmin", "/%u002e%u002e/admin",
        "/\uff0e\uff0e/admin", "/pets/..%2F..%2F..%2Fadmin", "/x/..;/..;/admin", "/../v2x/admin",
        "..")) {
      ToolInputException failure = inputFailure(request(connector, path));
      assertThat(failure.property()).isEqualTo("path");
      assertThat(failure).hasMessageThat().startsWith("pets.request: property \"path\": ");
      assertThat(failure).hasMessageThat().contains("outside the API's base path /v2");
      assertThat(failure).hasMessageThat().contains("Use a path under /v2");
    }
    assertThat(Specs.failure(request(connector, "/..;/admin"))).hasMessageThat().isEqualTo(
        "pets.request: property \"path\": \"/..;/admin\" resolves to /admin ("
            + RequestPaths.LENIENT + "), outside the API's base path /v2. Use a path under /v2:"
            + " give it relative to the base URL, without \"..\" segments, such as /pets/42 for"
            + " /v2/pets/42");
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void overlongAndInvalidUtf8EscapesAreRefusedAndNeverSent() throws Exception {
    for (String path : List.of("/%c0%ae%c0%ae/admin", "/%c0%2e/x", "/pets/%e0%80%ae",
        "/pets/%25c0%25ae", "/pets/%ff")) {
      ToolInputException failure = inputFailure(request(connector, path));
      assertThat(failure).hasMessageThat().contains("holds percent-escapes that are not valid"
          + " UTF-8");
      assertThat(failure).hasMessageThat().contains("Percent-encode text as UTF-8");
    }
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void dotSegmentsOnlySomeServersSeeAreRefused() throws Exception {
    ToolInputException failure = inputFailure(request(connector, "/pets/x%2F..;/7"));
    assertThat(failure).hasMessageThat().contains("the segment \"x%2F..;\" of \"/pets/x%2F..;/7\""
        + " reads as a dot segment");
    assertThat(failure).hasMessageThat().contains("Write the path without it, such as /pets/7");
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void legitPathsAreSentInTheirCheckedNormalizedForm() throws Exception {
    connector = new Keyed();
    Map<String, String> sent = Map.of(
        "/pets/a%20b", "/v2/pets/a%20b",
        "pets/a b", "/v2/pets/a%20b",
        "/pets/%7ejo%2fx%3b", "/v2/pets/~jo%2Fx%3B",
        "/pets\\1", "/v2/pets/1",
        "/pets/1/../2", "/v2/pets/2",
        "/pets/%2e/3", "/v2/pets/3",
        "/pets;color=red/%C3%A9", "/v2/pets;color=red/%C3%A9",
        "/../v2/pets", "/v2/pets");
    for (Map.Entry<String, String> entry : sent.entrySet()) {
      Specs.await(request(connector, entry.getKey()));
      assertThat(server.last().rawPath()).isEqualTo(entry.getValue());
    }
  }

  @Test
  void pathParameterValuesCannotMoveInThePath() throws Exception {
    connector = new Keyed();
    for (String value : List.of("../admin", "..", "%2e%2e", "%252e%252e", "..;", "..\\..\\admin",
        "a/../../admin", "\uff0e\uff0e")) {
      JsonNode input = JsonNodeFactory.instance.objectNode().put("petId", value);
      ToolInputException failure =
          inputFailure(connector.call(v2(GET_PET), GET_PET, input));
      assertThat(failure.property()).isEqualTo("petId");
      assertThat(failure).hasMessageThat().contains("pets.getPet: property \"petId\" must not be");
      assertThat(failure).hasMessageThat().contains("it fills {petId} in /pets/{petId}");
    }
    OperationSpec labelled = operation("labelled", "GET", "/pets/{id}", null,
        new OperationParameter("id", "id", ParameterLocation.PATH, ParameterStyle.LABEL, false,
            false, true, null));
    ToolInputException label = inputFailure(connector.call(v2(labelled), labelled,
        Specs.json("{\"id\": \".\"}")));
    assertThat(label).hasMessageThat().contains("as \"..\", which reads as a dot segment");
    assertThat(server.requests()).isEmpty();

    // A slash in a value stays in its segment, encoded.
    Specs.await(connector.call(v2(GET_PET), GET_PET, Specs.json("{\"petId\": \"group/a b\"}")));
    assertThat(server.last().rawPath()).isEqualTo("/v2/pets/group%2Fa%20b");
  }

  // 2. Redirects

  @Test
  void aSameOriginRedirectOutsideTheBasePathIsNotFollowed() throws Exception {
    connector = new Keyed();
    for (String location : List.of("/admin", "/v2/../admin", "/v2/..;/admin", "/v2/%2e%2e/admin",
        "/v2x", server.uri("/admin").toString())) {
      server.requests().clear();
      server.answer(request ->
          request.rawPath().equals("/v2/things")
              ? Answer.redirect(302, location)
              : Answer.json(200, "{\"admin\": true}"));
      Throwable failure = Specs.failure(connector.call(v2(LIST), LIST, Specs.json("{}")));
      assertThat(failure).isInstanceOf(HttpStatusException.class);
      assertThat(((HttpStatusException) failure).status()).isEqualTo(302);
      assertThat(failure).hasMessageThat().contains("which the connector does not follow: it"
          + " follows redirects under the API's base path /v2 only");
      assertThat(server.requests()).hasSize(1);
      assertThat(server.last().rawPath()).isEqualTo("/v2/things");
    }
    // The request tool too.
    server.requests().clear();
    server.answer(request ->
        request.rawPath().equals("/v2/x") ? Answer.redirect(307, "/admin") : Answer.json(200, "1"));
    assertThat(Specs.failure(request(connector, "/x"))).isInstanceOf(HttpStatusException.class);
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void aRedirectUnderTheBasePathIsFollowedToItsNormalizedPath() throws Exception {
    connector = new Keyed();
    server.answer(request ->
        request.rawPath().equals("/v2/things")
            ? Answer.redirect(302, "/v2/old/%2e%2e/new?cursor=c-123456789")
            : Answer.json(200, "[\"" + request.rawQuery() + "\"]"));
    // The redirect's own query is the server's, not a secret of the connector's.
    assertThat(Specs.await(connector.call(v2(LIST), LIST, Specs.json("{}"))))
        .isEqualTo(Specs.json("[\"cursor=c-123456789\"]"));
    assertThat(server.last().rawPath()).isEqualTo("/v2/new");
    assertThat(server.last().rawQuery()).isEqualTo("cursor=c-123456789");
  }

  // 3. Headers

  @Test
  void framingHopByHopAndForwardingHeadersAreRefusedAndNeverSent() throws Exception {
    Map<String, String> why = Map.ofEntries(
        Map.entry("Transfer-Encoding", "frames the request body"),
        Map.entry("tRaNsFeR-eNcOdInG", "frames the request body"),
        Map.entry("content-length", "frames the request body"),
        Map.entry("TE", "frames the request body"),
        Map.entry("Trailer", "frames the request body"),
        Map.entry("Connection", "hop-by-hop"),
        Map.entry("Keep-Alive", "hop-by-hop"),
        Map.entry("Upgrade", "hop-by-hop"),
        Map.entry("Proxy-Authorization", "hop-by-hop"),
        Map.entry("HOST", "names the server"),
        Map.entry("X-Forwarded-For", "proxies and frameworks read it"),
        Map.entry("x-forwarded-host", "proxies and frameworks read it"),
        Map.entry("Forwarded", "proxies and frameworks read it"),
        Map.entry("X-Original-URL", "proxies and frameworks read it"),
        Map.entry("X-Rewrite-URL", "proxies and frameworks read it"),
        Map.entry("X-Real-IP", "proxies and frameworks read it"),
        Map.entry("X-Host", "proxies and frameworks read it"),
        Map.entry("X-HTTP-Method-Override", "proxies and frameworks read it"));
    for (Map.Entry<String, String> entry : why.entrySet()) {
      JsonNode input = Specs.json("{\"method\": \"POST\", \"path\": \"/pets\", \"body\": \"x\","
          + " \"headers\": {\"Content-Type\": \"text/plain\", \"" + entry.getKey()
          + "\": \"chunked\"}}");
      ToolInputException failure = inputFailure(connector.request(v2(), input));
      assertThat(failure.property()).isEqualTo("headers." + entry.getKey());
      assertThat(failure).hasMessageThat().contains("the " + entry.getKey() + " header cannot be"
          + " given: ");
      assertThat(failure).hasMessageThat().contains(entry.getValue());
      assertThat(failure).hasMessageThat().endsWith("; leave it out");
    }
    ToolInputException smuggled = inputFailure(connector.request(v2(), Specs.json(
        "{\"path\": \"/pets\", \"headers\": {\"X-A\": \"1\\r\\nTransfer-Encoding: chunked\"}}")));
    assertThat(smuggled).hasMessageThat().contains("header X-A must not hold line breaks");
    ToolInputException badName = inputFailure(connector.request(v2(), Specs.json(
        "{\"path\": \"/pets\", \"headers\": {\"X-A\\r\\nHost\": \"evil\"}}")));
    assertThat(badName).hasMessageThat().contains("is not a valid header name");
    assertThat(server.requests()).isEmpty();

    Specs.await(connector.request(v2(), Specs.json(
        "{\"path\": \"/pets\", \"headers\": {\"X-Request-Id\": \"r1\"}}")));
    assertThat(server.last().header("X-Request-Id")).isEqualTo("r1");
  }

  // 4. Secrets

  @Test
  void secretsEchoedInA2xxJsonBodyAreRedacted() throws Exception {
    connector = new Keyed();
    server.answer(request -> Answer.json(200, "{\"key\": \"" + request.header("X-Api-Key")
        + "\", \"auth\": \"" + request.header("Authorization") + "\", \"token\": \"" + TOKEN
        + "\", \"" + KEY + "\": [\"x" + KEY + "y\"], \"escaped\": \"\\u0073ecret-key-123\","
        + " \"password\": \"" + PASSWORD + "\", \"version\": \"2\", \"n\": 2}"));
    JsonNode result = Specs.await(request(connector, "/me"));
    assertThat(server.last().header("X-Api-Key")).isEqualTo(KEY);
    assertThat(result).isEqualTo(Specs.json("{\"key\": \"[redacted]\", \"auth\": \"[redacted]\","
        + " \"token\": \"[redacted]\", \"[redacted]\": [\"x[redacted]y\"], \"escaped\":"
        + " \"[redacted]\", \"password\": \"[redacted]\", \"version\": \"2\", \"n\": 2}"));
  }

  @Test
  void secretsEchoedInTextBinaryAndErrorBodiesAreRedacted() throws Exception {
    connector = new Keyed();
    server.answer(Answer.of(200, "text/plain", "your key is " + KEY + ", version 2"));
    assertThat(Specs.await(call(LIST, "{}")).stringValue())
        .isEqualTo("your key is [redacted], version 2");

    server.answer(new Answer(200, "application/octet-stream",
        ("\u0000\u0001" + TOKEN + "\u0002").getBytes(StandardCharsets.UTF_8), 0));
    assertThat(Specs.await(call(LIST, "{}")).binaryValue())
        .isEqualTo("\u0000\u0001[redacted]\u0002".getBytes(StandardCharsets.UTF_8));

    server.answer(Answer.json(500, "{\"error\": \"bad key " + KEY + "\"}"));
    Throwable failure = Specs.failure(call(LIST, "{}"));
    assertThat(failure).hasMessageThat().doesNotContain(KEY);
    assertThat(failure).hasMessageThat().contains("bad key [redacted]");
    assertThat(((HttpStatusException) failure).body()).doesNotContain(KEY);
  }

  @Test
  void secretsInARedirectLocationAreRedacted() throws Exception {
    connector = new Keyed();
    try (RecordingServer elsewhere = new RecordingServer()) {
      server.answer(Answer.redirect(302, elsewhere.uri("/steal/" + KEY + "?t=" + TOKEN).toString()));
      Throwable failure = Specs.failure(call(LIST, "{}"));
      assertThat(failure).hasMessageThat().contains("/steal/[redacted]");
      assertThat(failure).hasMessageThat().doesNotContain(KEY);
      assertThat(failure).hasMessageThat().doesNotContain(TOKEN);
      assertThat(elsewhere.requests()).isEmpty();
    }
  }

  @Test
  void aKeyThatSendAddsToTheQueryIsRedactedToo() throws Exception {
    String queryKey = "query-key-789";
    connector = new OpenApiConnector(server.uri("/v2")) {
      @Override
      protected CompletionStage<HttpResponse<byte[]>> send(HttpRequest request) {
        URI uri = request.uri();
        URI keyed = URI.create(uri + (uri.getRawQuery() == null ? "?" : "&") + "api_key="
            + queryKey);
        return httpClient().sendAsync(
            HttpRequest.newBuilder(request, (name, value) -> true).uri(keyed).build(),
            HttpResponse.BodyHandlers.ofByteArray());
      }
    };
    server.answer(request -> Answer.of(200, "text/plain", "query: " + request.rawQuery()));
    JsonNode result = Specs.await(connector.request(v2(), Specs.json(
        "{\"path\": \"/echo\", \"query\": {\"q\": \"visible-value\"}}")));
    assertThat(server.last().rawQuery()).isEqualTo("q=visible-value&api_key=" + queryKey);
    assertThat(result.stringValue()).isEqualTo("query: q=visible-value&api_key=[redacted]");
  }
}
