package dev.codemode.openapi;

import static com.google.common.truth.Truth.assertThat;
import static dev.codemode.openapi.Specs.operation;

import dev.codemode.openapi.RecordingServer.Answer;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Redirects are followed on the request's own origin only, so credentials and the {@code request}
 * tool never reach another host; response bodies are read up to a limit.
 */
class RedirectsTest extends ServerTest {

  private static final OperationSpec LIST = operation("list", "GET", "/things", null);
  private static final OperationSpec CREATE =
      new OperationSpec(
          "create",
          "POST",
          "/things",
          List.of(),
          new RequestBodySpec("body", "application/json", BodyEncoding.JSON, true, Map.of()),
          "application/json");

  /** Adds a secret header, to see where it goes. */
  static final class Keyed extends OpenApiConnector {
    @Override
    protected HttpRequest.Builder authenticate(
        HttpRequest.Builder request, OperationSpec operation) {
      return request.setHeader("X-Api-Key", "secret-key-123");
    }
  }

  @Test
  void aRedirectOnTheSameHostIsFollowed() throws Exception {
    connector = new Keyed();
    server.answer(
        request ->
            request.rawPath().equals("/api/things")
                ? Answer.redirect(302, "/api/v2/things")
                : Answer.json(200, "[1]"));
    assertThat(Specs.await(call(LIST, "{}"))).isEqualTo(Specs.json("[1]"));
    assertThat(server.requests()).hasSize(2);
    assertThat(server.last().rawPath()).isEqualTo("/api/v2/things");
    assertThat(server.last().header("X-Api-Key")).isEqualTo("secret-key-123");
  }

  @Test
  void seeOtherAfterPostBecomesAGetWithoutBody() throws Exception {
    server.answer(
        request ->
            request.method().equals("POST")
                ? Answer.redirect(303, "/api/things/7")
                : Answer.json(200, "{\"id\":7}"));
    assertThat(Specs.await(call(CREATE, "{\"body\":{\"name\":\"x\"}}")))
        .isEqualTo(Specs.json("{\"id\":7}"));
    RecordingServer.Recorded followed = server.last();
    assertThat(followed.method()).isEqualTo("GET");
    assertThat(followed.body()).isEmpty();
    assertThat(followed.header("Content-Type")).isNull();
  }

  @Test
  void temporaryRedirectRepeatsMethodAndBody() throws Exception {
    server.answer(
        request ->
            request.rawPath().equals("/api/things")
                ? Answer.redirect(307, "/api/other")
                : Answer.json(201, "{}"));
    Specs.await(call(CREATE, "{\"body\":{\"name\":\"x\"}}"));
    assertThat(server.last().method()).isEqualTo("POST");
    assertThat(server.last().rawPath()).isEqualTo("/api/other");
    assertThat(server.last().bodyText()).isEqualTo("{\"name\":\"x\"}");
  }

  @Test
  void aRedirectToAnotherHostIsNotFollowedAndCarriesNoCredentials() throws Exception {
    connector = new Keyed();
    try (RecordingServer elsewhere = new RecordingServer()) {
      String target = elsewhere.uri("/steal?token=abc").toString();
      server.answer(Answer.redirect(302, target));
      Throwable failure = Specs.failure(call(LIST, "{}"));
      assertThat(failure).isInstanceOf(HttpStatusException.class);
      assertThat(((HttpStatusException) failure).status()).isEqualTo(302);
      assertThat(failure).hasMessageThat().contains("does not follow");
      assertThat(failure).hasMessageThat().contains(elsewhere.uri("/steal").toString());
      assertThat(failure).hasMessageThat().doesNotContain("token=abc");
      assertThat(elsewhere.requests()).isEmpty();
    }
  }

  @Test
  void theRequestToolCannotLeaveTheHostThroughARedirect() throws Exception {
    try (RecordingServer elsewhere = new RecordingServer()) {
      server.answer(Answer.redirect(301, elsewhere.uri("/").toString()));
      Throwable failure =
          Specs.failure(
              connector.request(api(LIST), Specs.json("{\"method\":\"GET\",\"path\":\"/x\"}")));
      assertThat(failure).isInstanceOf(HttpStatusException.class);
      assertThat(elsewhere.requests()).isEmpty();
    }
  }

  @Test
  void aRedirectLoopEndsAfterFiveHops() throws Exception {
    server.answer(Answer.redirect(302, "/api/things"));
    Throwable failure = Specs.failure(call(LIST, "{}"));
    assertThat(((HttpStatusException) failure).status()).isEqualTo(302);
    assertThat(server.requests()).hasSize(6);
  }

  @Test
  void aResponseOverTheLimitFailsAndSaysSo() throws Exception {
    connector =
        new OpenApiConnector() {
          @Override
          protected long maxResponseBytes() {
            return 1000;
          }
        };
    server.answer(Answer.of(200, "application/json", "[" + "1,".repeat(2000) + "1]"));
    Throwable failure = Specs.failure(call(LIST, "{}"));
    assertThat(failure).hasMessageThat().contains("larger than 1000 bytes");
    assertThat(failure).hasMessageThat().contains("maxResponseBytes()");
    server.answer(Answer.json(200, "[1,2,3]"));
    assertThat(Specs.await(call(LIST, "{}"))).isEqualTo(Specs.json("[1,2,3]"));
  }
}
