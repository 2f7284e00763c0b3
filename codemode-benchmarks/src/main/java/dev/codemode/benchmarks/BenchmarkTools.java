package dev.codemode.benchmarks;

import dev.codemode.core.JsonCodec;
import dev.codemode.core.ToolDescriptor;
import dev.codemode.sandbox.ExecuteResult;
import dev.codemode.sandbox.Executor;
import dev.codemode.sandbox.ToolProvider;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.StringNode;

/**
 * The tools and scripts the executor benchmarks and the Node peer script ({@code
 * scripts/node-vm-peer.mjs}) share: keep the scripts here and there the same.
 */
public final class BenchmarkTools {

  /** A trivial execution: one await, one small object back. */
  public static final String TRIVIAL =
      "async () => { const a = await Promise.resolve(20); return {answer: a + 22}; }";
  /** 100 sequential calls of a tool that returns at once. */
  public static final String CALLS_100 =
      "async () => { let s = 0; for (let i = 0; i < 100; i++) { s += (await t.echo({i})).i; } return s; }";
  /** The same loop with no tool call: each iteration awaits a value that is already there. */
  public static final String CALLS_0 =
      "async () => { let s = 0; for (let i = 0; i < 100; i++) { s += (await Promise.resolve({i})).i; } return s; }";
  /** Ten calls of a tool that blocks for 100 ms, all at once. */
  public static final String PROMISE_ALL =
      "async () => (await Promise.all(Array.from({length: 10}, (_, i) => t.sleep({ms: 100})))).length";

  private BenchmarkTools() {}

  /**
   * Runs {@code code} with a unique trailing comment (so no parse is cached between executions)
   * and fails the benchmark when the execution fails.
   */
  public static ExecuteResult runUnique(
      Executor executor, String code, List<ToolProvider> providers, AtomicLong unique) {
    ExecuteResult result = executor.execute(code + " // " + unique.incrementAndGet(), providers);
    if (result.error() != null) {
      throw new IllegalStateException(result.error().summary());
    }
    return result;
  }

  /** Namespace {@code t}: {@code echo} returns its input, {@code sleep} blocks for {@code ms}. */
  public static ToolProvider tools() {
    JsonCodec codec = JsonCodec.defaults();
    JsonNode echoSchema = codec.parse(
        "{\"type\":\"object\",\"properties\":{\"i\":{\"type\":\"number\"}},\"additionalProperties\":false}");
    JsonNode sleepSchema = codec.parse(
        "{\"type\":\"object\",\"properties\":{\"ms\":{\"type\":\"integer\"}},\"required\":[\"ms\"]}");
    return ToolProvider.builder("t")
        .syncTool(ToolDescriptor.of("echo", "Returns its input.", echoSchema, echoSchema), input -> input)
        .tool(ToolDescriptor.of("sleep", "Blocks for ms milliseconds.", sleepSchema, null), input -> {
          Thread.sleep(input.get("ms").asLong());
          return CompletableFuture.completedFuture(StringNode.valueOf("slept"));
        })
        .build();
  }
}
