package dev.codemode.openapi;

import dev.codemode.core.JsonCodec;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/** Small builders for operation models, and synchronous calls, for tests. */
final class Specs {

  private Specs() {}

  static OperationParameter path(String name) {
    return new OperationParameter(
        name, name, ParameterLocation.PATH, ParameterStyle.SIMPLE, false, false, true, null);
  }

  static OperationParameter parameter(
      String name, ParameterLocation in, ParameterStyle style, boolean explode) {
    return new OperationParameter(name, name, in, style, explode, false, false, null);
  }

  static OperationParameter query(String name, ParameterStyle style, boolean explode) {
    return parameter(name, ParameterLocation.QUERY, style, explode);
  }

  static OperationSpec operation(
      String tool, String method, String path, RequestBodySpec body,
      OperationParameter... parameters) {
    return new OperationSpec(tool, method, path, List.of(parameters), body, "application/json");
  }

  static RequestBodySpec body(BodyEncoding encoding, String mediaType) {
    return new RequestBodySpec("body", mediaType, encoding, false, Map.of());
  }

  static ApiSpec api(String server, OperationSpec... operations) {
    return new ApiSpec("pets", server == null ? List.of() : List.of(server), List.of(operations));
  }

  static JsonNode json(String text) {
    return JsonCodec.defaults().parse(text);
  }

  static JsonNode await(CompletionStage<JsonNode> stage) throws Exception {
    return stage.toCompletableFuture().get(20, TimeUnit.SECONDS);
  }

  /** The exception a stage failed with; fails the test when it succeeded. */
  static Throwable failure(CompletionStage<JsonNode> stage) throws Exception {
    try {
      JsonNode result = stage.toCompletableFuture().get(20, TimeUnit.SECONDS);
      throw new AssertionError("expected a failure, got " + result);
    } catch (ExecutionException e) {
      return e.getCause();
    }
  }
}
