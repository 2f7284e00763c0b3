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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The executor in a warm JVM: a trivial execution, 100 tool calls, {@code Promise.all} over slow
 * tools, and throughput on two threads. Every execution gets a unique comment, so no parse is
 * served from a cache: model code is new every time.
 *
 * <p>Run with {@code scripts/compare.sh}, which adds the JDK's GraalJS flags and runs the Node peer
 * on the same scripts.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-Dpolyglotimpl.AttachLibraryFailureAction=ignore"})
@Warmup(iterations = 20, time = 2)
@Measurement(iterations = 10, time = 2)
public class ExecutorBenchmark {

  private GraalJsExecutor executor;
  private List<ToolProvider> providers;
  private final AtomicLong unique = new AtomicLong();

  @Setup(Level.Trial)
  public void setUp() {
    executor = GraalJsExecutor.builder().warmUp(false).build();
    providers = List.of(BenchmarkTools.tools());
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    executor.close();
  }

  private ExecuteResult run(String code) {
    return BenchmarkTools.runUnique(executor, code, providers, unique);
  }

  /** New context, prelude, one await, a small object back, close. */
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

  /** The loop of {@link #calls100()} without the tool call, the baseline of the per-call figure. */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public ExecuteResult calls0() {
    return run(BenchmarkTools.CALLS_0);
  }

  /** Ten tools that each block for 100 ms, awaited together. */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 3, time = 2)
  @Measurement(iterations = 5, time = 2)
  public ExecuteResult promiseAll() {
    return run(BenchmarkTools.PROMISE_ALL);
  }

  /** Trivial executions per second, from two threads at once. */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Threads(2)
  // Two threads keep the JIT busy longer than one; the rate still climbs after 40 s.
  @Warmup(iterations = 25, time = 2)
  public ExecuteResult throughput2() {
    return run(BenchmarkTools.TRIVIAL);
  }
}
