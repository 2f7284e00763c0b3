package dev.codemode.benchmarks;

import dev.codemode.sandbox.ExecuteResult;
import dev.codemode.sandbox.GraalJsExecutor;
import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * Cold start: from the JVM's start to the result of its first execution (the trivial script). Run
 * it as a fresh process each time ({@code scripts/compare.sh} runs it seven times); it prints one
 * line: {@code cold-start-ms <jvm start to result> <executor build> <first execution>}.
 */
public final class ColdStart {

  private ColdStart() {}

  public static void main(String[] args) {
    long start = ManagementFactory.getRuntimeMXBean().getStartTime();
    long t0 = System.nanoTime();
    try (GraalJsExecutor executor = GraalJsExecutor.builder().warmUp(false).build()) {
      long built = System.nanoTime();
      ExecuteResult result = executor.execute(BenchmarkTools.TRIVIAL, List.of(BenchmarkTools.tools()));
      long done = System.nanoTime();
      long total = System.currentTimeMillis() - start;
      if (result.error() != null) {
        throw new IllegalStateException(result.error().summary());
      }
      System.out.printf("cold-start-ms %d %d %d%n", total, (built - t0) / 1_000_000, (done - built) / 1_000_000);
    }
  }
}
