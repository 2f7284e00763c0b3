package dev.codemode.benchmarks;

import dev.codemode.sandbox.ExecuteResult;
import dev.codemode.sandbox.GraalJsExecutor;
import dev.codemode.sandbox.ToolProvider;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;

/**
 * The overhead of one synchronous tool call in one JVM, with the baseline taken right beside it:
 * executions of {@link ToolCallBenchmark#CALLS_CODE} and {@link ToolCallBenchmark#LOOP_CODE}
 * alternate, and the probe prints the median difference per call in wall time and in the CPU time
 * of the executing thread. CPU time is the steadier figure on a shared machine, since time the
 * thread spends waiting for a core does not count; JMH ({@link ToolCallBenchmark}) gives the wall
 * time figure.
 *
 * <p>{@code java -cp benchmarks.jar dev.codemode.benchmarks.ToolCallProbe [seconds, default 60]
 * [validate: true|false, default true] [calls]}; with {@code calls}, only the executions with
 * tool calls run (for a profiler) and nothing is measured. The first half of the time warms up.
 */
public final class ToolCallProbe {

  private ToolCallProbe() {}

  public static void main(String[] args) {
    long seconds = args.length > 0 ? Long.parseLong(args[0]) : 60;
    boolean validate = args.length <= 1 || Boolean.parseBoolean(args[1]);
    // "calls": run only the executions with tool calls, for a profiler to look at.
    boolean callsOnly = args.length > 2 && args[2].equals("calls");
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    List<ToolProvider> providers = List.of(BenchmarkTools.tools());
    try (GraalJsExecutor executor =
        GraalJsExecutor.builder().warmUp(false).validateToolInputs(validate).build()) {
      long unique = 0;
      long end = System.nanoTime() + seconds * 1_000_000_000L;
      long warm = System.nanoTime() + seconds * 500_000_000L;
      int capacity = 100_000;
      double[] wall = new double[capacity];
      double[] cpu = new double[capacity];
      int n = 0;
      while (System.nanoTime() < end && n < capacity) {
        long[] calls = time(executor, ToolCallBenchmark.CALLS_CODE + " // " + ++unique, providers, threads);
        if (callsOnly) {
          continue;
        }
        long[] loop = time(executor, ToolCallBenchmark.LOOP_CODE + " // " + ++unique, providers, threads);
        if (System.nanoTime() > warm) {
          wall[n] = (calls[0] - loop[0]) / 1000.0 / ToolCallBenchmark.CALLS;
          cpu[n] = (calls[1] - loop[1]) / 1000.0 / ToolCallBenchmark.CALLS;
          n++;
        }
      }
      System.out.printf("tool-call-us validate=%s wall %.2f cpu %.2f (p25-p75 wall %.2f-%.2f, cpu %.2f-%.2f) pairs=%d jdk=%s%n",
          validate, median(wall, n), median(cpu, n), quantile(wall, n, 0.25), quantile(wall, n, 0.75),
          quantile(cpu, n, 0.25), quantile(cpu, n, 0.75), n, System.getProperty("java.version"));
    }
  }

  private static long[] time(GraalJsExecutor executor, String code, List<ToolProvider> providers, ThreadMXBean threads) {
    long cpu = threads.getCurrentThreadCpuTime();
    long wall = System.nanoTime();
    ExecuteResult result = executor.execute(code, providers);
    long[] spent = {System.nanoTime() - wall, threads.getCurrentThreadCpuTime() - cpu};
    if (result.error() != null) {
      throw new IllegalStateException(result.error().summary());
    }
    return spent;
  }

  private static double median(double[] values, int n) {
    return quantile(values, n, 0.5);
  }

  private static double quantile(double[] values, int n, double q) {
    double[] sorted = Arrays.copyOf(values, n);
    Arrays.sort(sorted);
    return n == 0 ? Double.NaN : sorted[(int) Math.round(q * (n - 1))];
  }
}
