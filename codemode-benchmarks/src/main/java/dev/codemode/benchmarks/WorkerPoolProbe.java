package dev.codemode.benchmarks;

import dev.codemode.sandbox.GraalJsExecutor;
import dev.codemode.sandbox.ToolProvider;
import dev.codemode.sandbox.WorkerPoolStats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the worker tier costs to start and to keep: the time from building a pool of N workers to
 * all of them warm and idle, and the resident memory of each worker after 200 executions (Linux
 * {@code VmRSS}). Prints one line per round and the medians.
 *
 * <p>{@code java -cp codemode-benchmarks/target/benchmarks.jar dev.codemode.benchmarks.WorkerPoolProbe 2 3}
 * (workers, rounds).
 */
public final class WorkerPoolProbe {

  private WorkerPoolProbe() {}

  /**
   * Runs the probe.
   *
   * @param args the number of workers (default 2) and of rounds (default 3)
   */
  public static void main(String[] args) throws Exception {
    int workers = args.length > 0 ? Integer.parseInt(args[0]) : 2;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    List<Long> startMillis = new ArrayList<>();
    List<Long> rssMegabytes = new ArrayList<>();
    List<ToolProvider> providers = List.of(BenchmarkTools.tools());
    for (int round = 0; round < rounds; round++) {
      long start = System.nanoTime();
      try (GraalJsExecutor executor = GraalJsExecutor.builder()
          .isolation(GraalJsExecutor.Isolation.PROCESS).workers(workers).workerHeapMegabytes(512).build()) {
        while (executor.workerStats().map(WorkerPoolStats::idle).orElse(0) < workers) {
          Thread.sleep(5);
        }
        long started = (System.nanoTime() - start) / 1_000_000;
        AtomicLong unique = new AtomicLong();
        for (int i = 0; i < 200; i++) {
          BenchmarkTools.runUnique(executor, BenchmarkTools.CALLS_100, providers, unique);
        }
        List<Long> rss = new ArrayList<>();
        for (ProcessHandle child : ProcessHandle.current().children().toList()) {
          rss.add(residentMegabytes(child.pid()));
        }
        startMillis.add(started);
        rssMegabytes.addAll(rss);
        System.out.printf("round %d: %d workers warm after %d ms; resident memory per worker %s MB%n",
            round + 1, workers, started, rss);
      }
    }
    System.out.printf("median: pool start %d ms, resident memory per worker %d MB%n",
        median(startMillis), median(rssMegabytes));
  }

  private static long residentMegabytes(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
      }
    }
    return -1;
  }

  private static long median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    sorted.sort(null);
    return sorted.isEmpty() ? -1 : sorted.get(sorted.size() / 2);
  }
}
