package dev.codemode.sandbox;

import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.JsonNode;

/**
 * The answer to a call that an {@link OrderedToolProvider} left open. Give it once, from any thread;
 * later answers are ignored.
 *
 * <p>Every answer reaches the code as its own event, after the events already waiting, so answers
 * reach the code in the order they are given.
 */
public interface ToolReply {

  /**
   * The call's result: JSON {@code null} for null, a {@link tools.jackson.databind.node.MissingNode}
   * for {@code undefined}.
   */
  void result(JsonNode value);

  /**
   * The call's failure: the model code sees a JavaScript {@code Error} with the message; an {@link
   * AbortExecutionException} ends the whole execution.
   */
  void failure(Throwable error);

  /** A reply that completes {@code future}: for callers that want the answer as a stage. */
  static ToolReply completing(CompletableFuture<JsonNode> future) {
    return new ToolReply() {
      @Override
      public void result(JsonNode value) {
        future.complete(value);
      }

      @Override
      public void failure(Throwable error) {
        future.completeExceptionally(error);
      }
    };
  }
}
