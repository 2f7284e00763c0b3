package dev.codemode.sandbox;

import dev.codemode.core.ConnectorDescriptor;
import dev.codemode.core.JsonCodec;
import dev.codemode.core.ToolDescriptor;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.SourceSection;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;
import org.jspecify.annotations.Nullable;

/**
 * One run of model code: a fresh context, an event loop fed by a mailbox, and the host side of the
 * prelude's bridge.
 *
 * <p>All JavaScript of an execution runs as tasks taken from its mailbox, one at a time: starting,
 * settling a tool call, firing a timer. Tool completions, timers and the watchdog only post tasks.
 * Who runs the tasks depends on the caller: {@link #runBlocking()} runs them on the calling thread;
 * {@link #runAsync()} schedules them on the driver pool whenever some are waiting, so an execution
 * that waits for tools holds no thread. The watchdog stops an execution from outside by closing its
 * context, which cancels whatever JavaScript is running.
 *
 * <p>The tool calls are {@link ToolCalls}' to make and settle; what went wrong becomes an {@link
 * ExecutionError} in {@link ErrorTranslation}. Threads: the tasks run one at a time on the thread
 * that drives the execution; tool completions and timers post tasks from their own threads; the
 * watchdog reads the allocation counters and calls {@link #kill} from its thread.
 */
final class Execution implements Watchdog.Watched, JsTooling.Interruptions, ToolCalls.Loop {

  private static final int MAX_TIMERS = 10_000;

  /** How the message of an execution stopped at {@link ExecutionLimits#maxStackFrames()} starts. */
  static final String FRAME_LIMIT_MESSAGE_START = "The code nested function calls more than";

  private final GraalJsExecutor.Shared shared;
  private final String code;
  private final Map<String, ToolProvider> providers;
  private final ExecutionLimits limits;
  private final long startNanos = System.nanoTime();
  private final CompletableFuture<ExecuteResult> outcome = new CompletableFuture<>();
  private final LinkedBlockingQueue<Runnable> mailbox = new LinkedBlockingQueue<>();
  private final AtomicBoolean drainScheduled = new AtomicBoolean();
  private final Map<Integer, ScheduledFuture<?>> timers = new HashMap<>();
  private final ConsoleLog log;
  private final ErrorTranslation errors;
  private final ToolCalls calls;

  /** The execution's context, once it is created. */
  private volatile @Nullable Context context;
  /** The prelude's API, once the prelude has run. */
  private @Nullable Value api;
  private ErrorTranslation.@Nullable Source evaluated;
  private boolean resultReady;
  private int resultKind;
  private @Nullable String resultPayload;
  private volatile @Nullable ExecutionError terminal;
  private volatile boolean finished;
  private @Nullable ScheduledFuture<?> deadline;
  private @Nullable ScheduledFuture<?> hardDeadline;
  /** {@link #RUNNING}, then {@link #ABANDONED} (outcome given at the hard deadline) and/or {@link #FINISHED}. */
  private final java.util.concurrent.atomic.AtomicInteger stopState = new java.util.concurrent.atomic.AtomicInteger(RUNNING);
  private static final int RUNNING = 0;
  private static final int ABANDONED = 1;
  private static final int FINISHED = 2;
  /** Interrupts the normalizer while it works for this execution; null otherwise. */
  private volatile @Nullable Runnable interruptNormalizer;

  /** Bytes allocated by the tasks that ended; only the thread running a task adds to it. */
  private final AtomicLong allocatedBytes = new AtomicLong();
  private volatile long runningThread = -1;
  private volatile long runningThreadStart;

  Execution(GraalJsExecutor.Shared shared, String code, List<? extends ToolProvider> providers) {
    this(shared, code, providers, shared.limits());
  }

  /** An execution under limits of its own (the warm-up's, which must not be cut short by a short timeout). */
  Execution(GraalJsExecutor.Shared shared, String code, List<? extends ToolProvider> providers, ExecutionLimits limits) {
    this.shared = shared;
    this.code = code;
    this.limits = limits;
    this.log = new ConsoleLog(limits.maxLogBytes());
    Map<String, ToolProvider> byName = byName(providers);
    this.providers = byName;
    this.errors = new ErrorTranslation(() -> toolNames(byName));
    this.calls = new ToolCalls(this, shared, byName, errors);
  }

  /**
   * The providers by name, in the order given.
   *
   * @throws IllegalArgumentException when two have the same name
   */
  static Map<String, ToolProvider> byName(List<? extends ToolProvider> providers) {
    Map<String, ToolProvider> byName = new LinkedHashMap<>();
    for (ToolProvider provider : providers) {
      if (byName.putIfAbsent(provider.name(), provider) != null) {
        throw new IllegalArgumentException("two tool providers are named " + provider.name()
            + "; each provider is one sandbox global and needs its own name");
      }
    }
    return byName;
  }

  /** The names a namespace offers: its tools, then what its setup script adds. */
  private static Map<String, List<String>> toolNames(Map<String, ToolProvider> providers) {
    Map<String, List<String>> toolNames = new LinkedHashMap<>();
    providers.forEach((name, provider) -> {
      List<String> names = new java.util.ArrayList<>(provider.descriptor().toolNames());
      provider.sandboxSetup().ifPresent(setup -> setup.members().stream().filter(m -> !names.contains(m)).forEach(names::add));
      toolNames.put(name, List.copyOf(names));
    });
    return toolNames;
  }

  // ---- what the tool calls need (ToolCalls.Loop) ------------------------------------------------

  @Override
  public @Nullable ExecutionError terminal() {
    return terminal;
  }

  @Override
  public void settle(int id, String kind, String payload) {
    if (api != null) {
      api.invokeMember(PreludeProtocol.SETTLE, id, kind, payload);
    }
  }

  // ---- driving ----------------------------------------------------------------------------------

  /**
   * Runs the execution and waits for its outcome. The code runs on the driver pool, never on the
   * calling thread: its threads have the stack model code needs, and a caller is never held past
   * the deadline by code that cannot be stopped.
   */
  ExecuteResult runBlocking() {
    CompletableFuture<ExecuteResult> running = runAsync();
    try {
      return running.get();
    } catch (InterruptedException e) {
      ExecutionError interrupted = ExecutionError.of(ExecutionError.Kind.INTERNAL, ErrorNames.INTERRUPTED,
          "The thread waiting for the execution was interrupted.");
      kill(interrupted);
      Thread.currentThread().interrupt();
      running.complete(failedResult(interrupted));
      return running.join();
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("an execution's outcome failed", e.getCause());
    }
  }

  /** Starts the execution on the driver pool. */
  CompletableFuture<ExecuteResult> runAsync() {
    begin();
    post(this::start);
    return outcome;
  }

  private void begin() {
    shared.watchdog().watch(this);
    deadline = shared.watchdog().schedule(
        () -> kill(ExecutionError.of(
            ExecutionError.Kind.TIMEOUT,
            ErrorNames.TIMEOUT,
            "The code ran longer than " + describe(limits.timeout()) + " and was stopped."
                + " Do less per execution, or call fewer or faster tools.")),
        limits.timeout().toMillis());
    hardDeadline = shared.watchdog().schedule(this::giveUpWaiting,
        limits.timeout().toMillis() + GraalJsExecutor.STOP_GRACE.toMillis());
  }

  /**
   * The deadline has passed by the grace and the code has still not stopped: it is inside an engine
   * built-in that never checks whether it should (they run in Java). The outcome is given now; the
   * thread goes on until the built-in ends, and counts as stuck until then.
   */
  private void giveUpWaiting() {
    if (outcome.isDone()) {
      return;
    }
    ExecutionError error = terminal;
    if (error == null) {
      error = ExecutionError.of(ExecutionError.Kind.TIMEOUT, ErrorNames.TIMEOUT,
          "The code ran longer than " + describe(limits.timeout()) + " and was stopped.");
    }
    ExecutionError given = ExecutionError.of(error.kind(), error.name(), error.message()
        + " It was inside a built-in function that cannot be interrupted (an operation on a huge"
        + " array-like, string or number); avoid such operations.");
    // Counted as stuck before the outcome is given, so whoever waits for it sees the count; taken
    // back when the code finished first, or finishes while this runs.
    shared.health().stuck();
    if (outcome.complete(failedResult(given))) {
      shared.watchdog().forget(this);
      if (!stopState.compareAndSet(RUNNING, ABANDONED)) {
        shared.health().unstuck();
      }
    } else {
      shared.health().unstuck();
    }
  }

  @Override
  public void post(Runnable task) {
    mailbox.add(task);
    if (drainScheduled.compareAndSet(false, true)) {
      try {
        shared.driverPool().execute(this::drain);
      } catch (RejectedExecutionException e) {
        drainScheduled.set(false);
        outcome.complete(failedResult(ExecutionError.of(ExecutionError.Kind.INTERNAL, ErrorNames.INTERNAL,
            "The executor is closed.")));
      }
    }
  }

  private void drain() {
    while (true) {
      Runnable task;
      while ((task = mailbox.poll()) != null) {
        runTask(task);
      }
      drainScheduled.set(false);
      if (mailbox.isEmpty() || !drainScheduled.compareAndSet(false, true)) {
        return;
      }
    }
  }

  private void runTask(Runnable task) {
    if (finished) {
      return;
    }
    com.sun.management.ThreadMXBean threads = shared.watchdog().threads();
    long before = threads.getCurrentThreadAllocatedBytes();
    if (before >= 0) {
      runningThreadStart = before;
      runningThread = Thread.currentThread().getId();
    }
    try {
      if (terminal == null) {
        task.run();
      }
    } catch (PolyglotException e) {
      failFromEngine(e);
    } catch (OutOfMemoryError e) {
      kill(ExecutionError.of(ExecutionError.Kind.LIMIT, ErrorNames.MEMORY_LIMIT,
          "The JVM ran out of memory while the code ran, and the code was stopped. Keep less data"
              + " in memory at once."));
    } catch (StackOverflowError e) {
      kill(ExecutionError.of(ExecutionError.Kind.RUNTIME, ErrorNames.RANGE, "Maximum call stack size exceeded"));
    } catch (LinkageError e) {
      // A class of the engine could not be loaded or initialised: the engine is damaged.
      shared.health().damaged(e.toString());
      kill(damagedEngine());
    } catch (VirtualMachineError e) {
      shared.health().damaged(e.toString());
      kill(damagedEngine());
    } catch (CodeSyntaxException e) {
      kill(e.toError());
    } catch (RuntimeException e) {
      if (terminal == null) {
        kill(ExecutionError.of(ExecutionError.Kind.INTERNAL, ErrorNames.INTERNAL,
            "The executor failed: " + ErrorTranslation.hostMessage(e)));
      }
    } finally {
      runningThread = -1;
      if (before >= 0) {
        allocatedBytes.addAndGet(threads.getCurrentThreadAllocatedBytes() - before);
      }
    }
    if (!finished && (resultReady || terminal != null || isStuck())) {
      finish();
    }
  }

  /** No result, and nothing left that could produce one: no tool call, no timer. */
  private boolean isStuck() {
    if (api == null || calls.anyRunning() || !timers.isEmpty() || !mailbox.isEmpty()) {
      return false;
    }
    terminal = ExecutionError.of(ExecutionError.Kind.RUNTIME, ErrorNames.ERROR,
        "The code's function never finished: it awaits a promise that nothing resolves (no tool call"
            + " or timer is pending). Resolve or await only promises of tools, timers or async"
            + " functions.");
    return true;
  }

  // ---- start: normalize, create the context, run ----------------------------------------------

  private void start() {
    if (ConsoleLog.utf8Length(code) > limits.maxCodeBytes()) {
      kill(ExecutionError.of(ExecutionError.Kind.LIMIT, ErrorNames.CODE_SIZE, String.format(
          "The code is %,d bytes; at most %,d are accepted. Send shorter code.",
          ConsoleLog.utf8Length(code), limits.maxCodeBytes())));
      return;
    }
    CodeExtraction.Extracted extracted = CodeExtraction.extract(code);
    boolean fast = FunctionShape.isSingleFunction(extracted.code());
    NormalizedCode normalized = fast
        ? new NormalizedCode(extracted.code().strip(), NormalizedCode.Form.FUNCTION, false, code,
            PositionMap.shifted(extracted.start() + leadingSpace(extracted.code())))
        : shared.normalizer().normalize(code, extracted, this);
    Context.Builder builder = Sandbox.contextBuilder(shared.engine());
    if (limits.cpuTime() != null) {
      builder.option("sandbox.MaxCPUTime", limits.cpuTime().toMillis() + "ms");
    }
    if (limits.maxStatements() > 0) {
      builder.option("sandbox.MaxStatements", Long.toString(limits.maxStatements()));
    }
    builder.option("sandbox.MaxStackFrames", Integer.toString(limits.maxStackFrames()));
    Context running = builder.build();
    context = running;
    if (terminal != null) {
      return;
    }
    Value preludeFunction = running.eval(shared.prelude());
    // In the order of PreludeProtocol.BRIDGE.
    Value prelude = preludeFunction.execute(
        (ProxyExecutable) calls::callTool,
        (ProxyExecutable) calls::takePayload,
        (ProxyExecutable) calls::bindTool,
        (ProxyExecutable) calls::toolNames,
        (ProxyExecutable) this::log,
        (ProxyExecutable) this::timer,
        (ProxyExecutable) this::done,
        JsonCodec.defaults().toJson(JsonCodec.defaults().encode(List.copyOf(providers.keySet()))));
    api = prelude;
    for (ToolProvider provider : providers.values()) {
      Optional<SandboxSetup> setup = provider.sandboxSetup();
      if (setup.isPresent()) {
        Value script = running.eval(Source.newBuilder("js", setup.get().script(), "setup-" + provider.name() + ".js")
            .cached(true).buildLiteral());
        prelude.invokeMember(PreludeProtocol.EXTEND, provider.name(), script,
            JsonCodec.defaults().toJson(setup.get().config()), calls.hostHandles(provider, setup.get()));
      }
    }
    Value function;
    try {
      function = evaluate(running, normalized);
    } catch (PolyglotException e) {
      if (!e.isSyntaxError() || !fast) {
        throw e;
      }
      // The quick shape check was wrong about this code (TypeScript, usually): normalize it.
      NormalizedCode again = shared.normalizer().normalize(code, extracted, this);
      function = evaluate(running, again);
    }
    prelude.invokeMember(PreludeProtocol.RUN, function);
  }

  private static int leadingSpace(String text) {
    int i = 0;
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  private Value evaluate(Context running, NormalizedCode normalized) {
    ErrorTranslation.Source source = ErrorTranslation.Source.of(normalized);
    evaluated = source;
    return running.eval(Source.newBuilder("js", source.evaluated().text(), ErrorTranslation.SOURCE_NAME)
        .cached(false).buildLiteral());
  }

  @Override
  public void enter(Runnable interrupt) {
    interruptNormalizer = interrupt;
  }

  @Override
  public void leave() {
    interruptNormalizer = null;
  }

  // ---- host calls from the prelude ----------------------------------------------------------

  private @Nullable Object log(Value... arguments) {
    log.append(arguments[0].asString(), arguments[1].asString());
    return null;
  }

  private @Nullable Object timer(Value... arguments) {
    int id = arguments[0].asInt();
    long delay = (long) arguments[1].asDouble();
    if (delay == PreludeProtocol.CANCEL_TIMER) {
      ScheduledFuture<?> scheduled = timers.remove(id);
      if (scheduled != null) {
        scheduled.cancel(false);
      }
      return null;
    }
    if (timers.size() >= MAX_TIMERS) {
      return "more than " + MAX_TIMERS + " timers are pending; clear timers you no longer need";
    }
    Value prelude = api; // set: only the prelude's timers get here
    Runnable fire = () -> post(() -> {
      if (timers.remove(id) != null && prelude != null) {
        prelude.invokeMember(PreludeProtocol.FIRE, id);
      }
    });
    timers.put(id, shared.watchdog().schedule(fire, delay));
    return null;
  }

  private @Nullable Object done(Value... arguments) {
    resultReady = true;
    resultKind = arguments[0].asInt();
    resultPayload = arguments[1].isNull() ? null : arguments[1].asString();
    return null;
  }

  // ---- stopping ---------------------------------------------------------------------------------

  @Override
  public void kill(ExecutionError error) {
    if (finished || terminal != null) {
      return;
    }
    terminal = error;
    Runnable normalizing = interruptNormalizer;
    if (normalizing != null) {
      shared.watchdog().reap(normalizing);
    }
    Context running = context;
    if (running != null) {
      // Cancels JavaScript that is running now; waits for it to stop, so not on the watchdog thread.
      shared.watchdog().reap(() -> {
        try {
          running.close(true);
        } catch (RuntimeException e) {
          // closed already, or closing failed because it was cancelled: either way it is stopped
        }
      });
    }
    post(() -> { });
  }

  @Override
  public long allocatedBytes(com.sun.management.ThreadMXBean threads) {
    long thread = runningThread;
    long total = allocatedBytes.get();
    if (thread >= 0) {
      long now = threads.getThreadAllocatedBytes(thread);
      if (now > 0) {
        total += Math.max(0, now - runningThreadStart);
      }
    }
    return total;
  }

  @Override
  public long maxAllocatedBytes() {
    return limits.maxAllocatedBytes();
  }

  private void failFromEngine(PolyglotException e) {
    if (terminal != null) {
      return;
    }
    if (e.isSyntaxError()) {
      SourceSection location = e.getSourceLocation();
      boolean ours = location != null && location.getSource().getName().equals(ErrorTranslation.SOURCE_NAME);
      terminal = errors.syntaxError(e.getMessage(), evaluated,
          ours ? location.getStartLine() : null, ours ? location.getStartColumn() : null);
    } else if (isEngineDamage(e)) {
      shared.health().damaged(String.valueOf(e.getMessage()));
      terminal = damagedEngine();
    } else if (e.isResourceExhausted()) {
      terminal = resourceLimit(String.valueOf(e.getMessage()));
    } else if (e.isCancelled() || e.isInterrupted()) {
      terminal = ExecutionError.of(ExecutionError.Kind.INTERNAL, ErrorNames.CANCELLED, "The execution was cancelled.");
    } else if (e.isGuestException()) {
      terminal = errors.thrown(ErrorTranslation.engineMessage(e.getMessage()), null, null, null, evaluated);
    } else {
      terminal = ExecutionError.of(ExecutionError.Kind.INTERNAL, ErrorNames.INTERNAL, "The sandbox failed: " + ErrorTranslation.engineMessage(e.getMessage()));
    }
  }

  /** A failure of the engine's own classes, which may affect every later execution in the JVM. */
  private static boolean isEngineDamage(PolyglotException e) {
    if (e.isGuestException() && !e.isInternalError()) {
      return false;
    }
    String message = String.valueOf(e.getMessage());
    return message.contains("Could not initialize class") || message.contains("NoClassDefFoundError")
        || message.contains("ExceptionInInitializerError");
  }

  private static ExecutionError damagedEngine() {
    return ExecutionError.of(ExecutionError.Kind.INTERNAL, ErrorNames.INTERNAL,
        "The JavaScript engine failed internally (a part of it could not be initialised) and the"
            + " code was stopped. This is not a mistake in the code; run it again.");
  }

  /** The engine stopped the code at one of its own limits. */
  private ExecutionError resourceLimit(String message) {
    if (message.startsWith("Maximum frame limit")) {
      return ExecutionError.of(ExecutionError.Kind.LIMIT, ErrorNames.RESOURCE_LIMIT, String.format(
          FRAME_LIMIT_MESSAGE_START + " %,d deep (runaway recursion?) and was stopped."
              + " Recurse less deeply, or use a loop.", limits.maxStackFrames()));
    }
    if (message.contains("Stack overflow")) {
      return ExecutionError.of(ExecutionError.Kind.LIMIT, ErrorNames.RESOURCE_LIMIT,
          "The code is nested too deeply to run (brackets or expressions inside each other thousands"
              + " of levels deep). Write flatter code.");
    }
    return ExecutionError.of(ExecutionError.Kind.LIMIT, ErrorNames.RESOURCE_LIMIT,
        ErrorTranslation.engineMessage(message) + ". The code was stopped; do less work per execution.");
  }

  private void finish() {
    if (finished) {
      return;
    }
    finished = true;
    if (deadline != null) {
      deadline.cancel(false);
    }
    if (hardDeadline != null) {
      hardDeadline.cancel(false);
    }
    if (stopState.getAndSet(FINISHED) == ABANDONED) {
      // the outcome was given at the hard deadline; the code has stopped since
      shared.health().unstuck();
    }
    for (ScheduledFuture<?> scheduled : timers.values()) {
      scheduled.cancel(false);
    }
    timers.clear();
    calls.cancelRunning();
    Context current = context;
    if (current != null) {
      try {
        current.close(terminal != null);
      } catch (RuntimeException e) {
        // cancelled contexts rethrow the cancellation on close
      }
    }
    shared.watchdog().forget(this);
    mailbox.clear();
    ExecuteResult result;
    try {
      result = terminal != null ? failedResult(terminal) : resultFromPrelude();
    } catch (StreamConstraintsException e) {
      result = failedResult(ExecutionError.of(ExecutionError.Kind.LIMIT, ErrorNames.RESULT_LIMIT,
          "The result is too large to read: " + ErrorTranslation.readerLimit(e) + ". Return smaller values."));
    } catch (OutOfMemoryError e) {
      // the tree of a result is about ten times its JSON text
      result = failedResult(ExecutionError.of(ExecutionError.Kind.LIMIT, ErrorNames.RESULT_LIMIT,
          "The result is too large to read: it does not fit in memory. Return smaller values."));
    } catch (RuntimeException e) {
      result = failedResult(ExecutionError.of(ExecutionError.Kind.INTERNAL, ErrorNames.INTERNAL,
          "The result could not be read: " + ErrorTranslation.hostMessage(e)));
    }
    outcome.complete(result);
  }

  private ExecuteResult resultFromPrelude() {
    if (resultKind == PreludeProtocol.DONE_ERROR) {
      return failedResult(errors.fromPrelude(JsonCodec.defaults().parse(
          Objects.requireNonNull(resultPayload, "the prelude reports an error with its JSON")), evaluated));
    }
    if (resultPayload == null) {
      return new ExecuteResult(MissingNode.getInstance(), null, log.lines(), stats());
    }
    String payload = resultPayload;
    JsonNode result = shared.bridge().fromSandbox(payload);
    if (ConsoleLog.utf8Length(payload) > limits.maxResultBytes()) {
      result = ResultShrinker.shrink(result, limits.maxResultBytes());
    }
    return new ExecuteResult(result, null, log.lines(), stats());
  }

  private ExecuteResult failedResult(ExecutionError error) {
    return new ExecuteResult(MissingNode.getInstance(), error, log.lines(), stats());
  }

  private ExecuteResult.Stats stats() {
    return new ExecuteResult.Stats(Duration.ofNanos(System.nanoTime() - startNanos), calls.count(), allocatedBytes.get());
  }

  static String describe(Duration duration) {
    long millis = duration.toMillis();
    return millis % 1000 == 0 ? (millis / 1000) + " s" : millis + " ms";
  }

  static Map<String, ToolDescriptor> index(ConnectorDescriptor descriptor) {
    Map<String, ToolDescriptor> tools = new HashMap<>();
    for (ToolDescriptor tool : descriptor.tools()) {
      tools.put(tool.name(), tool);
    }
    return Map.copyOf(tools);
  }
}
