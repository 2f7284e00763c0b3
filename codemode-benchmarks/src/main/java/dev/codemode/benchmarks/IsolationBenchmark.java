package dev.codemode.benchmarks;

import dev.codemode.sandbox.ExecuteResult;
import dev.codemode.sandbox.GraalJsExecutor;
import dev.codemode.sandbox.ToolProvider;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The same executions in this JVM and on the worker tier: a trivial execution, 100 tool calls and
 * their baseline loop (the difference over 100 is the per-call cost, which on the worker tier
 * includes the round trip to the host), and trivial executions per second from two threads (two
 * workers). The pool starts before the first iteration, so JVM start is not measured here; {@link
 * WorkerPoolProbe} measures it and the memory of a worker.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "-Dpolyglotimpl.AttachLibraryFailureAction=ignore"})
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
public class IsolationBenchmark {

  @Param({"IN_PROCESS", "PROCESS"})
  public String isolation;

  private GraalJsExecutor executor;
  private List<ToolProvider> providers;
  private final AtomicLong unique = new AtomicLong();

  @Setup(Level.Trial)
  public void setUp() {
    executor = GraalJsExecutor.builder()
        .isolation(GraalJsExecutor.Isolation.valueOf(isolation))
        .workers(2)
        .workerHeapMegabytes(512)
        .build();
    providers = List.of(BenchmarkTools.tools());
    BenchmarkTools.runUnique(executor, BenchmarkTools.TRIVIAL, providers, unique);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    executor.close();
  }

  private ExecuteResult run(String code) {
    return BenchmarkTools.runUnique(executor, code, providers, unique);
  }

  /** One trivial execution. */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public ExecuteResult trivial() {
    return run(BenchmarkTools.TRIVIAL);
  }

  /** 100 sequential calls of a tool that returns at once. */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public ExecuteResult calls100() {
    return run(BenchmarkTools.CALLS_100);
  }

  /** The loop of {@link #calls100()} without the call. */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public ExecuteResult calls0() {
    return run(BenchmarkTools.CALLS_0);
  }

  /** Trivial executions per second from two threads. */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Threads(2)
  public ExecuteResult throughput2() {
    return run(BenchmarkTools.TRIVIAL);
  }
}
