package dev.codemode.openapi;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/** A local HTTP server on an ephemeral port that records every request and answers as told. */
final class RecordingServer implements AutoCloseable {

  /** One request as the server received it. */
  record Recorded(
      String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
      byte[] body) {

    String header(String name) {
      List<String> values = headers.get(name);
      return values == null ? null : String.join(", ", values);
    }

    String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  /** What the server answers. */
  record Answer(
      int status, String contentType, byte[] body, long delayMillis, Map<String, String> headers) {

    Answer(int status, String contentType, byte[] body, long delayMillis) {
      this(status, contentType, body, delayMillis, Map.of());
    }

    static Answer redirect(int status, String location) {
      return new Answer(status, null, new byte[0], 0, Map.of("Location", location));
    }

    static Answer json(int status, String json) {
      return new Answer(status, "application/json", json.getBytes(StandardCharsets.UTF_8), 0);
    }

    static Answer of(int status, String contentType, String body) {
      return new Answer(status, contentType, body.getBytes(StandardCharsets.UTF_8), 0);
    }
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final List<Recorded> requests = new CopyOnWriteArrayList<>();
  private volatile Function<Recorded, Answer> answers = request -> Answer.json(200, "{\"ok\":true}");

  RecordingServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    server.createContext("/", exchange -> {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
      URI uri = exchange.getRequestURI();
      Recorded recorded =
          new Recorded(exchange.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(), headers,
              body);
      requests.add(recorded);
      Answer answer = answers.apply(recorded);
      if (answer.delayMillis() > 0) {
        try {
          Thread.sleep(answer.delayMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      Headers responseHeaders = exchange.getResponseHeaders();
      if (answer.contentType() != null) {
        responseHeaders.set("Content-Type", answer.contentType());
      }
      answer.headers().forEach(responseHeaders::set);
      boolean empty = answer.body().length == 0;
      exchange.sendResponseHeaders(answer.status(), empty ? -1 : answer.body().length);
      if (!empty) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(answer.body());
        }
      }
      exchange.close();
    });
    server.start();
  }

  /** The base URL, with {@code path} appended: {@code http://127.0.0.1:port/path}. */
  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  void answer(Function<Recorded, Answer> answers) {
    this.answers = answers;
  }

  void answer(Answer answer) {
    this.answers = request -> answer;
  }

  List<Recorded> requests() {
    return requests;
  }

  /** The only request received so far. */
  Recorded last() {
    if (requests.isEmpty()) {
      throw new AssertionError("the server received no request");
    }
    return requests.get(requests.size() - 1);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
