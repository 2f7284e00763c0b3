package dev.codemode.openapi;

import static com.google.common.truth.Truth.assertThat;
import static dev.codemode.openapi.Specs.operation;
import static dev.codemode.openapi.Specs.path;

import dev.codemode.openapi.RecordingServer.Answer;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.BinaryNode;

/** How responses become tool results and errors. */
class ResponsesTest extends ServerTest {

  private static final OperationSpec GET_PET =
      operation("getPet", "GET", "/pets/{petId}", null, path("petId"));

  @Test
  void jsonResponseIsParsed() throws Exception {
    server.answer(Answer.json(200, "{\"id\": 42, \"name\": \"Rex\"}"));
    JsonNode result = Specs.await(call(GET_PET, "{\"petId\": 42}"));
    assertThat(result).isEqualTo(Specs.json("{\"id\": 42, \"name\": \"Rex\"}"));
    assertThat(server.last().header("Accept")).isEqualTo("application/json");
  }

  @Test
  void vendorJsonIsParsedAndTextIsAString() throws Exception {
    server.answer(Answer.of(200, "application/problem+json", "[1, 2]"));
    assertThat(Specs.await(call(GET_PET, "{\"petId\": 1}"))).isEqualTo(Specs.json("[1, 2]"));
    server.answer(Answer.of(200, "text/plain; charset=utf-8", "{not json} é"));
    JsonNode text = Specs.await(call(GET_PET, "{\"petId\": 1}"));
    assertThat(text.isString()).isTrue();
    assertThat(text.stringValue()).isEqualTo("{not json} é");
  }

  @Test
  void withoutContentTypeTheOperationsMediaTypeDecides() throws Exception {
    server.answer(new Answer(200, null, "{\"a\": 1}".getBytes(), 0));
    assertThat(Specs.await(call(GET_PET, "{\"petId\": 1}"))).isEqualTo(Specs.json("{\"a\": 1}"));
    OperationSpec textOp = new OperationSpec("t", "GET", "/t", List.of(), null, "text/plain");
    assertThat(Specs.await(call(textOp, "{}")).stringValue()).isEqualTo("{\"a\": 1}");
  }

  @Test
  void binaryResponseIsABinaryNode() throws Exception {
    byte[] bytes = {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xFF};
    server.answer(new Answer(200, "image/png", bytes, 0));
    JsonNode result = Specs.await(call(GET_PET, "{\"petId\": 1}"));
    assertThat(result).isInstanceOf(BinaryNode.class);
    assertThat(result.binaryValue()).isEqualTo(bytes);
  }

  @Test
  void emptyResponseIsNull() throws Exception {
    server.answer(new Answer(204, null, new byte[0], 0));
    assertThat(Specs.await(call(GET_PET, "{\"petId\": 1}")).isNull()).isTrue();
  }

  @Test
  void notFoundIsAnErrorThatReadsWell() throws Exception {
    server.answer(Answer.json(404, "{\"message\":\"no such pet\"}"));
    Throwable failure = Specs.failure(call(GET_PET, "{\"petId\": 42}"));
    assertThat(failure).isInstanceOf(HttpStatusException.class);
    assertThat(failure).hasMessageThat()
        .isEqualTo("GET /api/pets/42 answered 404 Not Found: {\"message\":\"no such pet\"}");
    HttpStatusException status = (HttpStatusException) failure;
    assertThat(status.status()).isEqualTo(404);
    assertThat(status.method()).isEqualTo("GET");
    assertThat(status.url()).isEqualTo(server.uri("/api/pets/42").toString());
    assertThat(status.body()).isEqualTo("{\"message\":\"no such pet\"}");
  }

  @Test
  void longErrorBodyIsCutAndSaysSo() throws Exception {
    String html = "<html><body>" + "x".repeat(5000) + "</body></html>";
    server.answer(Answer.of(500, "text/html", html));
    Throwable failure = Specs.failure(call(GET_PET, "{\"petId\": 1}"));
    HttpStatusException status = (HttpStatusException) failure;
    assertThat(status.body()).hasLength(HttpStatusException.MAX_BODY_CHARACTERS);
    assertThat(status.getMessage()).startsWith("GET /api/pets/1 answered 500 Internal Server Error:"
        + " <html><body>xxx");
    assertThat(status.getMessage())
        .endsWith("... (cut: the first 1000 of " + html.length() + " characters)");
    assertThat(status.getMessage()).doesNotContain("</html>");
  }

  @Test
  void errorUrlHasNoQueryString() throws Exception {
    OperationSpec op = operation("q", "GET", "/p", null,
        Specs.query("token", ParameterStyle.FORM, true));
    server.answer(Answer.of(400, "text/plain", "bad"));
    HttpStatusException failure =
        (HttpStatusException) Specs.failure(call(op, "{\"token\": \"s3cret\"}"));
    assertThat(failure.url()).isEqualTo(server.uri("/api/p").toString());
    assertThat(failure.getMessage()).isEqualTo("GET /api/p answered 400 Bad Request: bad");
    assertThat(failure.getMessage()).doesNotContain("s3cret");
  }

  @Test
  void binaryErrorBodyIsDescribedAndEmptyOneSaid() throws Exception {
    server.answer(new Answer(503, "application/octet-stream", new byte[] {1, 2, 3}, 0));
    assertThat(Specs.failure(call(GET_PET, "{\"petId\": 1}"))).hasMessageThat()
        .isEqualTo("GET /api/pets/1 answered 503 Service Unavailable: (3 bytes of"
            + " application/octet-stream)");
    server.answer(new Answer(401, null, new byte[0], 0));
    assertThat(Specs.failure(call(GET_PET, "{\"petId\": 1}"))).hasMessageThat()
        .isEqualTo("GET /api/pets/1 answered 401 Unauthorized with an empty body");
  }

  @Test
  void invalidJsonWithJsonContentTypeIsAnError() throws Exception {
    server.answer(Answer.of(200, "application/json", "{oops"));
    assertThat(Specs.failure(call(GET_PET, "{\"petId\": 1}"))).hasMessageThat()
        .contains("GET /api/pets/1 answered 200 with application/json, but the body is not JSON");
  }

  @Test
  void slowServerTimesOutWithAClearMessage() throws Exception {
    connector = new OpenApiConnector() {
      @Override
      protected Duration requestTimeout(OperationSpec operation) {
        return Duration.ofMillis(300);
      }
    };
    server.answer(new Answer(200, "application/json", "{}".getBytes(), 3000));
    Throwable failure = Specs.failure(call(GET_PET, "{\"petId\": 1}"));
    assertThat(failure).isInstanceOf(HttpTimeoutException.class);
    assertThat(failure).hasMessageThat().startsWith(
        "GET /api/pets/1 got no response within 300 ms (the connector's request timeout)");
  }

  @Test
  void refusedConnectionSaysTheServerIsDown() throws Exception {
    java.net.URI gone = server.uri("/api");
    server.close();
    OpenApiConnector down = new OpenApiConnector(gone);
    Throwable failure = Specs.failure(down.call(api(GET_PET), GET_PET, Specs.json("{\"petId\": 1}")));
    assertThat(failure).isInstanceOf(java.net.ConnectException.class);
    assertThat(failure).hasMessageThat().contains("GET /api/pets/1: cannot connect to http://127.0.0.1:");
    assertThat(failure).hasMessageThat().contains("The server is down or the connector's base URL is wrong");
  }
}
