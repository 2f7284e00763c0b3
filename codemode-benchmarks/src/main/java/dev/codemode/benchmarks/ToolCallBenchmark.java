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
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of one synchronous tool call, measured inside one long execution so that creating and
 * closing the context (about half a millisecond) is spread over {@value #CALLS} calls instead of
 * dominating the figure, as it does in {@link ExecutorBenchmark#calls100()}.
 *
 * <p>{@link #calls()} runs {@value #CALLS} awaited calls of a tool that returns its input at once;
 * {@link #loop()} runs the same loop awaiting a value that is already there. Both report time per
 * loop iteration, so the overhead of a tool call is {@code calls - loop}; {@code
 * scripts/tool-call.sh} runs both, each in its own JVM with the same warm-up, several times, and
 * prints that difference; {@link ToolCallProbe} alternates the two in one JVM.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-Dpolyglotimpl.AttachLibraryFailureAction=ignore"})
@Warmup(iterations = 15, time = 2)
@Measurement(iterations = 10, time = 2)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ToolCallBenchmark {

  /** Loop iterations per execution. */
  public static final int CALLS = 1000;

  /** {@value #CALLS} sequential calls of a tool that returns at once. */
  public static final String CALLS_CODE = "async () => { let s = 0; for (let i = 0; i < " + CALLS
      + "; i++) { s += (await t.echo({i})).i; } return s; }";
  /** The same loop with no tool call. */
  public static final String LOOP_CODE = "async () => { let s = 0; for (let i = 0; i < " + CALLS
      + "; i++) { s += (await Promise.resolve({i})).i; } return s; }";

  /** Whether tool inputs are checked against their schemas (the default) or not. */
  @Param({"true", "false"})
  public boolean validate;

  private GraalJsExecutor executor;
  private List<ToolProvider> providers;
  private final AtomicLong unique = new AtomicLong();

  @Setup(Level.Trial)
  public void setUp() {
    executor = GraalJsExecutor.builder()
        .warmUp(false)
        .validateToolInputs(validate)
        .build();
    providers = List.of(BenchmarkTools.tools());
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    executor.close();
  }

  private ExecuteResult run(String code) {
    return BenchmarkTools.runUnique(executor, code, providers, unique);
  }

  /** One execution of {@value #CALLS} awaited tool calls; the figure is per call. */
  @Benchmark
  @OperationsPerInvocation(CALLS)
  public ExecuteResult calls() {
    return run(CALLS_CODE);
  }

  /** The loop of {@link #calls()} without the tool call: the baseline. */
  @Benchmark
  @OperationsPerInvocation(CALLS)
  public ExecuteResult loop() {
    return run(LOOP_CODE);
  }
}
