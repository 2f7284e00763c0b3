package dev.codemode.benchmarks;

import dev.codemode.core.JsonCodec;
import dev.codemode.core.ToolDescriptor;
import dev.codemode.sandbox.ExecuteResult;
import dev.codemode.sandbox.GraalJsExecutor;
import dev.codemode.sandbox.ToolProvider;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.StringNode;

/**
 * Heap held by executions that wait for a slow tool: starts {@code N} executions (default 1,000)
 * with {@code executeAsync}, each awaiting a tool whose answer the benchmark holds back, measures
 * the used heap after garbage collection against the heap before, then answers them all. Five
 * rounds; prints each and the median in KB per execution.
 *
 * <p>Run: {@code java -Xmx2g -cp codemode-benchmarks/target/benchmarks.jar
 * dev.codemode.benchmarks.HeapPerExecution 1000}
 */
public final class HeapPerExecution {

  private HeapPerExecution() {}

  public static void main(String[] args) throws Exception {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    List<CompletableFuture<JsonNode>> held = new CopyOnWriteArrayList<>();
    ToolProvider slow = ToolProvider.builder("slow")
        .tool(ToolDescriptor.of("answer", "Answers when the benchmark lets it.",
            JsonCodec.defaults().parse("{\"type\":\"object\"}"), null), input -> {
              CompletableFuture<JsonNode> answer = new CompletableFuture<>();
              held.add(answer);
              return answer;
            })
        .build();
    String code = "async () => { const data = {rows: [1, 2, 3]}; const a = await slow.answer({}); return a + data.rows.length; }";
    double[] perExecution = new double[5];
    try (GraalJsExecutor executor = GraalJsExecutor.builder().warmUp(false).build()) {
      for (int round = -2; round < perExecution.length; round++) {
        held.clear();
        long before = usedAfterGc();
        List<CompletableFuture<ExecuteResult>> executions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
          executions.add(executor.executeAsync(code + " // " + round + "." + i, List.of(slow)).toCompletableFuture());
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (held.size() < count && System.nanoTime() < deadline) {
          Thread.sleep(5);
        }
        long during = usedAfterGc();
        for (CompletableFuture<JsonNode> answer : held) {
          answer.complete(StringNode.valueOf("ok"));
        }
        for (CompletableFuture<ExecuteResult> execution : executions) {
          ExecuteResult result = execution.get(60, TimeUnit.SECONDS);
          if (result.error() != null) {
            throw new IllegalStateException(result.error().summary());
          }
        }
        double kb = (during - before) / 1024.0 / count;
        if (round >= 0) {
          perExecution[round] = kb;
        }
        System.out.printf("round %d: %d executions waiting, %.1f KB each%n", round, held.size(), kb);
      }
    }
    double[] sorted = perExecution.clone();
    Arrays.sort(sorted);
    System.out.printf("heap per waiting execution: median %.1f KB (%d executions, JDK %s)%n",
        sorted[sorted.length / 2], count, System.getProperty("java.version"));
  }

  private static long usedAfterGc() throws InterruptedException {
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < 4; i++) {
      System.gc();
      Thread.sleep(50);
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
