package dev.codemode.sandbox;

import dev.codemode.core.ConnectorDescriptor;
import dev.codemode.core.JsonCodec;
import dev.codemode.core.ToolDescriptor;
import java.nio.file.Path;
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

  /**
   * How long after its deadline an execution's outcome is given at the latest. The deadline stops
   * the code at once; the grace covers code inside an engine built-in that cannot be interrupted
   * (see {@link ExecutorHealth}).
   */
  public static final Duration STOP_GRACE = Duration.ofMillis(500);

  /** Where model code runs. */
  public enum Isolation {
    /**
     * In this JVM, on a shared engine: the fastest. The deadline holds for the caller (the outcome
     * comes at the latest {@link #STOP_GRACE} after it), but code inside one of the few built-ins
     * that cannot be interrupted keeps its thread busy until the built-in ends, and all executions
     * share this JVM's heap. See {@link #health()}. The default.
     */
    IN_PROCESS,
    /**
     * In a pool of worker JVMs, one execution at a time per worker: model code runs there, tool calls
     * come back to this JVM and run here, so connectors and credentials never enter a worker. Each
     * worker has its own heap cap; a worker that misses a deadline by a second is killed, one that
     * saw its engine fail or a resource run out is retired after giving its outcome, and every one
     * gone is replaced by a warm one.
     */
    PROCESS
  }

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
      IdentityCache<ConnectorDescriptor, Map<String, ToolDescriptor>> toolIndexes,
      EngineHealth health) {

    /** The tools of a namespace by name, computed once per descriptor instance. */
    Map<String, ToolDescriptor> tools(ConnectorDescriptor descriptor) {
      return toolIndexes.get(descriptor, Execution::index);
    }
  }

  /** The in-process side, or null when code runs in worker processes. */
  private final @Nullable Shared shared;
  /** The worker tier, or null when code runs in this JVM. */
  private final @Nullable WorkerPool workers;
  private final ExecutionLimits limits;
  private final boolean ownsToolExecutor;
  /** Parses code for {@link #normalize} in this JVM when code runs in workers; made when first needed. */
  private volatile @Nullable CodeNormalizer hostNormalizer;

  private GraalJsExecutor(Builder builder) {
    this.limits = builder.limits;
    ExecutorService tools = builder.toolExecutor != null ? builder.toolExecutor : Threads.toolExecutor("codemode-tool");
    this.ownsToolExecutor = builder.toolExecutor == null;
    if (builder.isolation == Isolation.PROCESS) {
      this.shared = null;
      Path java = builder.javaCommand != null ? builder.javaCommand : Path.of(System.getProperty("java.home"), "bin", "java");
      String classPath = builder.workerClassPath != null ? builder.workerClassPath : System.getProperty("java.class.path");
      WorkerPool.Settings settings = new WorkerPool.Settings(
          WorkerPool.command(java, builder.workerHeapMegabytes, builder.workerJvmOptions, classPath),
          builder.limits, builder.validateInputs, builder.workerHeapMegabytes, WorkerPool.newScheduler(), tools,
          new InputValidation());
      this.workers = new WorkerPool(settings, builder.workers, ownsToolExecutor);
      return;
    }
    this.workers = null;
    Engine engine = Sandbox.newEngine();
    Shared inProcess = new Shared(
        engine,
        Sandbox.resource("prelude.js"),
        builder.limits,
        CodeNormalizer.on(engine, Runtime.getRuntime().availableProcessors()),
        new Watchdog(builder.heapFraction),
        Threads.cachedPool("codemode-execution", builder.limits.threadStackBytes()),
        tools,
        builder.dispatch,
        new ToolTimings(),
        builder.validateInputs,
        new InputValidation(),
        new JsonBridge(JsonCodec.defaults()),
        new IdentityCache<>(10_000),
        new EngineHealth());
    this.shared = inProcess;
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
      warmUpNow();
    } catch (RuntimeException e) {
      // closed while warming up: nothing to warm any more
    }
  }

  /** Warms the engine and the parser up on the calling thread; see {@link #warmUp()}. */
  void warmUpNow() {
    Shared inProcess = shared;
    if (inProcess != null) {
      // Engine classes load and initialise the first time code needs them. Doing that for most of
      // them here, at a shallow depth, keeps a first use at the bottom of a deep recursion (where
      // an initialiser could overflow the stack and break its class for the whole JVM) rare.
      // Under the executor's limits but a minute of time: a cold engine on a busy machine can take
      // longer than a short timeout, and a warm-up cut short leaves most of the engine cold.
      new Execution(inProcess, Sandbox.resource("warm-up.js").getCharacters().toString(), List.of(),
          inProcess.limits().toBuilder().timeout(Duration.ofMinutes(1)).build()).runBlocking();
      inProcess.normalizer().warmUp();
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
    return limits;
  }

  /** Where this executor runs model code. */
  public Isolation isolation() {
    return workers != null ? Isolation.PROCESS : Isolation.IN_PROCESS;
  }

  @Override
  public ExecuteResult execute(String code, List<? extends ToolProvider> providers) {
    Objects.requireNonNull(code, "code");
    WorkerPool pool = workers;
    if (pool != null) {
      return pool.execute(code, providers).join();
    }
    return new Execution(inProcess(), code, providers).runBlocking();
  }

  @Override
  public CompletionStage<ExecuteResult> executeAsync(String code, List<? extends ToolProvider> providers) {
    Objects.requireNonNull(code, "code");
    WorkerPool pool = workers;
    CompletableFuture<ExecuteResult> outcome = pool != null
        ? pool.execute(code, providers)
        : new Execution(inProcess(), code, providers).runAsync();
    return outcome.minimalCompletionStage();
  }

  /**
   * Whether this executor can still be trusted with the next execution; see {@link ExecutorHealth}.
   * An executor with worker processes is always healthy: it replaces a worker that is not.
   */
  public ExecutorHealth health() {
    Shared inProcess = shared;
    return inProcess == null ? ExecutorHealth.HEALTHY : inProcess.health().snapshot();
  }

  /** What the worker tier holds and did, or empty when code runs in this JVM. */
  public java.util.Optional<WorkerPoolStats> workerStats() {
    WorkerPool pool = workers;
    return pool == null ? java.util.Optional.empty() : java.util.Optional.of(pool.stats());
  }

  /** The process ids of the live workers (none in process): for checks that nothing is left. */
  List<Long> workerPids() {
    WorkerPool pool = workers;
    return pool == null ? List.of() : pool.pids();
  }

  @Override
  public NormalizedCode normalize(String code) {
    return normalizer().normalize(Objects.requireNonNull(code, "code"));
  }

  /** The normalizer this executor uses: the engine's, or one of this JVM's beside worker processes. */
  CodeNormalizer normalizer() {
    Shared inProcess = shared;
    if (inProcess != null) {
      return inProcess.normalizer();
    }
    CodeNormalizer local = hostNormalizer;
    if (local == null) {
      synchronized (this) {
        local = hostNormalizer;
        if (local == null) {
          local = CodeNormalizer.create();
          hostNormalizer = local;
        }
      }
    }
    return local;
  }

  private Shared inProcess() {
    return Objects.requireNonNull(shared, "an in-process executor");
  }

  @Override
  public void close() {
    WorkerPool pool = workers;
    if (pool != null) {
      pool.close();
      CodeNormalizer local = hostNormalizer;
      if (local != null) {
        local.close();
      }
      return;
    }
    Shared inProcess = inProcess();
    inProcess.watchdog().close();
    inProcess.driverPool().shutdownNow();
    if (ownsToolExecutor) {
      inProcess.toolExecutor().shutdownNow();
    }
    inProcess.normalizer().close();
    inProcess.engine().close(true);
  }

  /** Builds a {@link GraalJsExecutor}. With {@link Isolation#PROCESS} the workers start in the background. */
  public static final class Builder {
    private ExecutionLimits limits = ExecutionLimits.DEFAULTS;
    private @Nullable ExecutorService toolExecutor;
    private ToolDispatch dispatch = ToolDispatch.ADAPTIVE;
    private boolean validateInputs = true;
    private double heapFraction = 0.85;
    private boolean warmUp = true;
    private Isolation isolation = Isolation.IN_PROCESS;
    private int workers = Math.max(1, Runtime.getRuntime().availableProcessors());
    private int workerHeapMegabytes = 512;
    private List<String> workerJvmOptions = List.of();
    private @Nullable String workerClassPath;
    private @Nullable Path javaCommand;

    private Builder() {}

    /** Where model code runs; default {@link Isolation#IN_PROCESS}. */
    public Builder isolation(Isolation isolation) {
      this.isolation = Objects.requireNonNull(isolation, "isolation");
      return this;
    }

    /**
     * With {@link Isolation#PROCESS}: how many worker processes run code at once; default the
     * number of processors. Executions beyond it wait for a worker.
     */
    public Builder workers(int workers) {
      if (workers < 1 || workers > 256) {
        throw new IllegalArgumentException("workers must be between 1 and 256, got " + workers);
      }
      this.workers = workers;
      return this;
    }

    /**
     * With {@link Isolation#PROCESS}: the heap of each worker ({@code -Xmx}) in MB; default 512.
     * Code that needs more ends with a memory limit error and its worker is replaced.
     */
    public Builder workerHeapMegabytes(int megabytes) {
      if (megabytes < 64) {
        throw new IllegalArgumentException("workerHeapMegabytes must be at least 64, got " + megabytes);
      }
      this.workerHeapMegabytes = megabytes;
      return this;
    }

    /** With {@link Isolation#PROCESS}: more options for each worker's JVM; default none. */
    public Builder workerJvmOptions(List<String> options) {
      this.workerJvmOptions = List.copyOf(options);
      return this;
    }

    /**
     * With {@link Isolation#PROCESS}: the class path of the workers, which must hold
     * codemode-sandbox and its dependencies; default this JVM's ({@code java.class.path}). Set it
     * where that is not a plain class path (an application server, a Spring Boot fat jar).
     */
    public Builder workerClassPath(String classPath) {
      this.workerClassPath = Objects.requireNonNull(classPath, "classPath");
      return this;
    }

    /** With {@link Isolation#PROCESS}: the {@code java} the workers run on; default this JVM's. */
    public Builder javaCommand(Path java) {
      this.javaCommand = Objects.requireNonNull(java, "java");
      return this;
    }

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
