package dev.codemode.openapi;

import static com.google.common.truth.Truth.assertThat;
import static dev.codemode.openapi.Specs.body;
import static dev.codemode.openapi.Specs.operation;

import dev.codemode.core.ToolInputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.BinaryNode;

/** Request bodies of each encoding as the server receives them. */
class BodiesTest extends ServerTest {

  @Test
  void jsonBody() throws Exception {
    OperationSpec op = operation("add", "POST", "/pets", body(BodyEncoding.JSON, "application/json"));
    RecordingServer.Recorded request =
        sent(op, "{\"body\": {\"name\": \"Rex\", \"tags\": [\"a\"], \"age\": 3}}");
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.header("Content-Type")).isEqualTo("application/json");
    assertThat(request.bodyText()).isEqualTo("{\"name\":\"Rex\",\"tags\":[\"a\"],\"age\":3}");
  }

  @Test
  void requiredBodyMissingIsAnErrorAndOptionalBodyMissingSendsNone() throws Exception {
    OperationSpec required = operation("add", "POST", "/pets",
        new RequestBodySpec("body", "application/json", BodyEncoding.JSON, true, Map.of()));
    assertThat(Specs.failure(call(required, "{}")))
        .hasMessageThat().contains("missing required property \"body\" (the application/json"
            + " request body of POST /pets)");
    assertThat(server.requests()).isEmpty();

    OperationSpec optional = operation("add", "POST", "/pets", body(BodyEncoding.JSON,
        "application/json"));
    RecordingServer.Recorded request = sent(optional, "{}");
    assertThat(request.body()).isEmpty();
    assertThat(request.header("Content-Type")).isNull();
  }

  @Test
  void formBodyExplodesArraysAndSendsObjectsAsJson() throws Exception {
    OperationSpec op = operation("login", "POST", "/login",
        body(BodyEncoding.FORM, "application/x-www-form-urlencoded"));
    RecordingServer.Recorded request = sent(op,
        "{\"body\": {\"user\": \"a b&c\", \"ids\": [1, 2], \"meta\": {\"k\": \"v\"}, \"skip\": null,"
            + " \"ok\": true}}");
    assertThat(request.header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
    assertThat(request.bodyText())
        .isEqualTo("user=a+b%26c&ids=1&ids=2&meta=%7B%22k%22%3A%22v%22%7D&ok=true");
  }

  @Test
  void formBodyMustBeAnObject() throws Exception {
    OperationSpec op = operation("login", "POST", "/login",
        body(BodyEncoding.FORM, "application/x-www-form-urlencoded"));
    Throwable failure = Specs.failure(call(op, "{\"body\": \"user=a\"}"));
    assertThat(failure).isInstanceOf(ToolInputException.class);
    assertThat(failure).hasMessageThat().contains("property \"body\" must be an object");
  }

  @Test
  void multipartBodyHasAPartPerProperty() throws Exception {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, (byte) 0xFF};
    byte[] other = {9, 8, 7};
    OperationSpec op = operation("upload", "POST", "/upload",
        new RequestBodySpec("body", "multipart/form-data", BodyEncoding.MULTIPART, true,
            Map.of("photo", "image/png", "file", "application/octet-stream",
                "note", "text/plain; charset=utf-8", "ids", "application/json")));
    String input = "{\"body\": {"
        + "\"photo\": \"" + Base64.getEncoder().encodeToString(png) + "\","
        + "\"file\": \"" + Base64.getEncoder().encodeToString(other) + "\","
        + "\"meta\": {\"a\": 1},"
        + "\"name\": \"Rex \\\"the\\\" dog\","
        + "\"age\": 3,"
        + "\"tags\": [\"x\", \"y\"],"
        + "\"ids\": [1, 2],"
        + "\"note\": \"héllo\","
        + "\"gone\": null}}";
    RecordingServer.Recorded request = sent(op, input);

    String contentType = request.header("Content-Type");
    assertThat(contentType).startsWith("multipart/form-data; boundary=");
    List<Part> parts = Part.parse(request.body(), contentType.substring(contentType.indexOf('=') + 1));
    assertThat(parts.stream().map(Part::name).toList())
        .containsExactly("photo", "file", "meta", "name", "age", "tags", "tags", "ids", "note")
        .inOrder();

    Part photo = parts.get(0);
    assertThat(photo.filename()).isEqualTo("photo");
    assertThat(photo.contentType()).isEqualTo("image/png");
    assertThat(photo.bytes()).isEqualTo(png);
    Part file = parts.get(1);
    assertThat(file.filename()).isEqualTo("file");
    assertThat(file.contentType()).isEqualTo("application/octet-stream");
    assertThat(file.bytes()).isEqualTo(other);
    Part meta = parts.get(2);
    assertThat(meta.filename()).isNull();
    assertThat(meta.contentType()).isEqualTo("application/json");
    assertThat(meta.text()).isEqualTo("{\"a\":1}");
    assertThat(parts.get(3).text()).isEqualTo("Rex \"the\" dog");
    assertThat(parts.get(3).contentType()).isNull();
    assertThat(parts.get(4).text()).isEqualTo("3");
    assertThat(parts.get(5).text()).isEqualTo("x");
    assertThat(parts.get(6).text()).isEqualTo("y");
    assertThat(parts.get(7).contentType()).isEqualTo("application/json");
    assertThat(parts.get(7).text()).isEqualTo("[1,2]");
    assertThat(parts.get(8).contentType()).isEqualTo("text/plain; charset=utf-8");
    assertThat(parts.get(8).text()).isEqualTo("héllo");
  }

  @Test
  void multipartNameWithQuoteIsEscaped() throws Exception {
    OperationSpec op = operation("upload", "POST", "/upload",
        body(BodyEncoding.MULTIPART, "multipart/form-data"));
    RecordingServer.Recorded request = sent(op, "{\"body\": {\"a\\\"b\": \"v\"}}");
    assertThat(request.bodyText()).contains("Content-Disposition: form-data; name=\"a%22b\"\r\n");
  }

  @Test
  void multipartBinaryPartThatIsNotBase64IsAnError() throws Exception {
    OperationSpec op = operation("upload", "POST", "/upload",
        new RequestBodySpec("body", "multipart/form-data", BodyEncoding.MULTIPART, true,
            Map.of("file", "application/octet-stream")));
    Throwable failure = Specs.failure(call(op, "{\"body\": {\"file\": \"not base64!\"}}"));
    assertThat(failure).isInstanceOf(ToolInputException.class);
    assertThat(failure).hasMessageThat().contains("property \"body.file\" must be bytes");
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void textBody() throws Exception {
    OperationSpec op = operation("note", "PUT", "/note", body(BodyEncoding.TEXT, "text/plain"));
    RecordingServer.Recorded request = sent(op, "{\"body\": \"ça va\\n\"}");
    assertThat(request.header("Content-Type")).isEqualTo("text/plain");
    assertThat(request.body()).isEqualTo("ça va\n".getBytes(StandardCharsets.UTF_8));
    assertThat(Specs.failure(call(op, "{\"body\": 3}")))
        .hasMessageThat().contains("property \"body\" must be a string");
  }

  @Test
  void binaryBodyFromBase64OrBinaryNode() throws Exception {
    byte[] bytes = {0, 1, 2, (byte) 0xFE, (byte) 0xFF};
    OperationSpec op = operation("put", "PUT", "/blob",
        body(BodyEncoding.BINARY, "application/octet-stream"));
    RecordingServer.Recorded request =
        sent(op, "{\"body\": \"" + Base64.getEncoder().encodeToString(bytes) + "\"}");
    assertThat(request.header("Content-Type")).isEqualTo("application/octet-stream");
    assertThat(request.body()).isEqualTo(bytes);

    ApiSpec api = api(op);
    var input = dev.codemode.core.JsonCodec.defaults().nodes().objectNode();
    input.set("body", BinaryNode.valueOf(bytes));
    Specs.await(connector.call(api, op, input));
    assertThat(server.last().body()).isEqualTo(bytes);
  }

  /** One part of a multipart body, parsed the long way for the test. */
  record Part(String name, String filename, String contentType, byte[] bytes) {

    String text() {
      return new String(bytes, StandardCharsets.UTF_8);
    }

    private static final Pattern NAME = Pattern.compile("; name=\"([^\"]*)\"");
    private static final Pattern FILENAME = Pattern.compile("; filename=\"([^\"]*)\"");

    static List<Part> parse(byte[] body, String boundary) {
      byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
      List<Part> parts = new ArrayList<>();
      int at = indexOf(body, delimiter, 0);
      assertThat(at).isEqualTo(0);
      while (true) {
        int start = at + delimiter.length;
        if (body[start] == '-' && body[start + 1] == '-') {
          assertThat(start + 4).isEqualTo(body.length); // "--\r\n" ends the body
          return parts;
        }
        start += 2; // \r\n
        int next = indexOf(body, ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1), start);
        assertThat(next).isAtLeast(0);
        int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), start);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line : new String(body, start, headersEnd - start, StandardCharsets.UTF_8)
            .split("\r\n")) {
          int colon = line.indexOf(':');
          headers.put(line.substring(0, colon).toLowerCase(Locale.ROOT),
              line.substring(colon + 1).trim());
        }
        String disposition = headers.get("content-disposition");
        assertThat(disposition).startsWith("form-data");
        Matcher name = NAME.matcher(disposition);
        assertThat(name.find()).isTrue();
        Matcher filename = FILENAME.matcher(disposition);
        parts.add(new Part(
            name.group(1).replace("%22", "\""),
            filename.find() ? filename.group(1) : null,
            headers.get("content-type"),
            Arrays.copyOfRange(body, headersEnd + 4, next)));
        at = next + 2;
      }
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
      outer:
      for (int i = from; i <= data.length - pattern.length; i++) {
        for (int j = 0; j < pattern.length; j++) {
          if (data[i + j] != pattern[j]) {
            continue outer;
          }
        }
        return i;
      }
      return -1;
    }
  }
}
