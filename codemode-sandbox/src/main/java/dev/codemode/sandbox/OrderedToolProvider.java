package dev.codemode.sandbox;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import tools.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

/**
 * A tool provider that takes its calls on the thread that runs the code, in the order the code
 * makes them, and answers each one now or later, in an order it chooses.
 *
 * <p>This is how a layer above the sandbox sees and decides every call before anything runs: the
 * durable runtime numbers calls in the order the code made them, replays recorded results, refuses a
 * call that does not match its journal, and hands results back in the order the calls were made, so
 * that a replay of the same code sees the same order.
 *
 * <p>An {@link Executor} calls {@link #start} on the thread running the code, one call at a time, in
 * the order the code made the calls, and never calls {@link #call(String, JsonNode)}. A value
 * {@code start} returns settles the call's Promise when the call returns; an answer given later
 * through the {@link ToolReply} reaches the code as its own event, and answers reach the code in the
 * order they are given. {@code start} must not block: it decides, returns a value, or hands the work
 * to another thread that answers through the reply.
 *
 * <p>Inputs are checked against the tool's input schema before {@code start}, as for any provider;
 * a provider's {@linkplain SandboxSetup#hostFunctions() host functions} are not checked.
 */
public interface OrderedToolProvider extends ToolProvider {

  /**
   * Takes one call.
   *
   * @param tool the tool's name, one of {@link dev.codemode.core.ConnectorDescriptor#toolNames()},
   *     or one of the provider's host functions
   * @param input the input object
   * @param reply where to answer later, when this returns null
   * @return the call's value now (JSON {@code null} for null, a {@link
   *     tools.jackson.databind.node.MissingNode} for {@code undefined}), or null to answer later
   *     through {@code reply}
   * @throws Exception the call's failure, now; an {@link AbortExecutionException} ends the
   *     execution
   */
  @Nullable JsonNode start(String tool, JsonNode input, ToolReply reply) throws Exception;

  /**
   * The call through {@link #start}, for code that wants a stage (executors call {@link #start}
   * themselves). Nothing orders calls made this way.
   */
  @Override
  default CompletionStage<JsonNode> call(String tool, JsonNode input) throws Exception {
    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    JsonNode now = start(tool, input, ToolReply.completing(answer));
    if (now != null) {
      answer.complete(now);
    }
    return answer;
  }
}
