package dev.codemode.sandbox;

import dev.codemode.core.ConnectorDescriptor;
import dev.codemode.core.JsonCodec;
import dev.codemode.core.ToolDescriptor;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.Source;
import org.jspecify.annotations.Nullable;

/**
 * Runs model code on GraalJS, one fresh locked-down context per execution on a shared engine.
 *
 * <p>What model code can reach: one global per {@link ToolProvider}, {@code console}, timers, and
 * the JavaScript built-ins. No Java, no files, no network, no processes, no environment, no
 * threads; values cross to and from tools only as JSON copies. See {@link Sandbox} for the
 * configuration and {@link Watchdog} for the limits enforced from outside.
 *
 * <p>Tool calls return a Promise at once. A tool runs on the tool executor (virtual threads on JDK
 * 21+), so {@code Promise.all} over slow tools overlaps them; a tool that has proven fast runs on
 * the execution's own thread and skips the hop ({@link ToolDispatch#ADAPTIVE}).
 *
 * <p>Thread-safe; create one per process and close it at shutdown. JVM flags: on JDK 17 add
 * {@code -Dpolyglotimpl.AttachLibraryFailureAction=ignore} to silence a harmless warning; on JDK
 * 25 add {@code --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow}.
 */
public final class GraalJsExecutor implements Executor {

  /** Where tool calls run. */
  public enum ToolDispatch {
    /**
     * On the tool executor until a tool has returned quickly three times in a row, then on the
     * execution's thread until it is slow once. The default.
     */
    ADAPTIVE,
    /** Always on the execution's thread: calls never overlap, and never hop threads. */
    CALLING_THREAD,
    /** Always on the tool executor: calls always overlap, and always hop threads. */
    TOOL_EXECUTOR
  }

  /** What every execution of this executor shares. */
  record Shared(
      Engine engine,
      Source prelude,
      ExecutionLimits limits,
      CodeNormalizer normalizer,
      Watchdog watchdog,
      ExecutorService driverPool,
      ExecutorService toolExecutor,
      ToolDispatch dispatch,
      ToolTimings timings,
      boolean validateInputs,
      InputValidation validation,
      JsonBridge bridge,
      IdentityCache<ConnectorDescriptor, Map<String, ToolDescriptor>> toolIndexes) {

    /** The tools of a namespace by name, computed once per descriptor instance. */
    Map<String, ToolDescriptor> tools(ConnectorDescriptor descriptor) {
      return toolIndexes.get(descriptor, Execution::index);
    }
  }

  private final Shared shared;
  private final boolean ownsToolExecutor;

  private GraalJsExecutor(Builder builder) {
    Engine engine = Sandbox.newEngine();
    ExecutorService tools = builder.toolExecutor != null ? builder.toolExecutor : Threads.toolExecutor("codemode-tool");
    this.ownsToolExecutor = builder.toolExecutor == null;
    this.shared = new Shared(
        engine,
        Sandbox.resource("prelude.js"),
        builder.limits,
        CodeNormalizer.on(engine, Runtime.getRuntime().availableProcessors()),
        new Watchdog(builder.heapFraction),
        Threads.cachedPool("codemode-execution"),
        tools,
        builder.dispatch,
        new ToolTimings(),
        builder.validateInputs,
        new InputValidation(),
        new JsonBridge(JsonCodec.defaults()),
        new IdentityCache<>(10_000));
    if (builder.warmUp) {
      Thread warmUp = new Thread(this::warmUp, "codemode-warm-up");
      warmUp.setDaemon(true);
      warmUp.start();
    }
  }

  /**
   * Runs a trivial execution and loads the parser once, so that the first real execution does not
   * pay for the engine's first use (about a second on a fresh JVM).
   */
  private void warmUp() {
    try {
      execute("async () => 1", List.of());
      shared.normalizer().warmUp();
    } catch (RuntimeException e) {
      // closed while warming up: nothing to warm any more
    }
  }

  /** An executor with the default limits. */
  public static GraalJsExecutor create() {
    return builder().build();
  }

  /** A builder with the default limits. */
  public static Builder builder() {
    return new Builder();
  }

  /** The limits every execution runs under. */
  public ExecutionLimits limits() {
    return shared.limits();
  }

  @Override
  public ExecuteResult execute(String code, List<? extends ToolProvider> providers) {
    return new Execution(shared, Objects.requireNonNull(code, "code"), providers).runBlocking();
  }

  @Override
  public CompletionStage<ExecuteResult> executeAsync(String code, List<? extends ToolProvider> providers) {
    CompletableFuture<ExecuteResult> outcome =
        new Execution(shared, Objects.requireNonNull(code, "code"), providers).runAsync();
    return outcome.minimalCompletionStage();
  }

  @Override
  public NormalizedCode normalize(String code) {
    return shared.normalizer().normalize(code);
  }

  /** The normalizer this executor uses (shared tooling contexts). */
  CodeNormalizer normalizer() {
    return shared.normalizer();
  }

  @Override
  public void close() {
    shared.watchdog().close();
    shared.driverPool().shutdownNow();
    if (ownsToolExecutor) {
      shared.toolExecutor().shutdownNow();
    }
    shared.normalizer().close();
    shared.engine().close(true);
  }

  /** Builds a {@link GraalJsExecutor}. */
  public static final class Builder {
    private ExecutionLimits limits = ExecutionLimits.DEFAULTS;
    private @Nullable ExecutorService toolExecutor;
    private ToolDispatch dispatch = ToolDispatch.ADAPTIVE;
    private boolean validateInputs = true;
    private double heapFraction = 0.85;
    private boolean warmUp = true;

    private Builder() {}

    /** The limits of every execution; default {@link ExecutionLimits#DEFAULTS}. */
    public Builder limits(ExecutionLimits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /** Shorthand for the wall-clock limit of the current limits. */
    public Builder timeout(Duration timeout) {
      this.limits = limits.toBuilder().timeout(timeout).build();
      return this;
    }

    /**
     * The executor tool calls run on; default a virtual thread per call (JDK 21+) or a cached
     * pool (JDK 17). The caller keeps ownership: {@link #close()} does not shut it down.
     */
    public Builder toolExecutor(ExecutorService toolExecutor) {
      this.toolExecutor = Objects.requireNonNull(toolExecutor, "toolExecutor");
      return this;
    }

    /** Where tool calls run; default {@link ToolDispatch#ADAPTIVE}. */
    public Builder toolDispatch(ToolDispatch dispatch) {
      this.dispatch = Objects.requireNonNull(dispatch, "dispatch");
      return this;
    }

    /**
     * Whether each tool input is checked against the tool's input schema before the tool runs;
     * default true. Turn it off only for tools that validate themselves.
     */
    public Builder validateToolInputs(boolean validate) {
      this.validateInputs = validate;
      return this;
    }

    /**
     * The share of the maximum heap that may stay in use after a garbage collection before the
     * execution that allocated most is stopped; default 0.85.
     */
    public Builder heapFraction(double fraction) {
      if (!(fraction > 0.1 && fraction < 1.0)) {
        throw new IllegalArgumentException("heapFraction must be between 0.1 and 1, got " + fraction);
      }
      this.heapFraction = fraction;
      return this;
    }

    /**
     * Whether the executor warms itself up on a background thread after it is built (one trivial
     * execution, one parse); default true.
     */
    public Builder warmUp(boolean warmUp) {
      this.warmUp = warmUp;
      return this;
    }

    /** The executor. Building one starts a GraalJS engine, which takes about half a second. */
    public GraalJsExecutor build() {
      return new GraalJsExecutor(this);
    }
  }
}
