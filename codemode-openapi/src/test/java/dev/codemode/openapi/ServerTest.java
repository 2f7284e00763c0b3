package dev.codemode.openapi;

import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;

/** Tests against a {@link RecordingServer} whose base path is {@code /api}. */
abstract class ServerTest {

  RecordingServer server;
  OpenApiConnector connector = new OpenApiConnector();

  @BeforeEach
  void startServer() throws Exception {
    server = new RecordingServer();
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  ApiSpec api(OperationSpec... operations) {
    return Specs.api(server.uri("/api").toString(), operations);
  }

  CompletionStage<JsonNode> call(OperationSpec operation, String input) {
    return connector.call(api(operation), operation, Specs.json(input));
  }

  /** Calls the operation, expects success, and returns the request the server received. */
  RecordingServer.Recorded sent(OperationSpec operation, String input) throws Exception {
    Specs.await(call(operation, input));
    return server.last();
  }
}
