package dev.codemode.sandbox;

import dev.codemode.core.ConnectorDescriptor;
import dev.codemode.core.JsonCodec;
import dev.codemode.core.Suggestions;
import dev.codemode.core.ToolDescriptor;
import dev.codemode.core.ToolInputException;
import java.lang.reflect.UndeclaredThrowableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.SourceSection;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.ObjectNode;

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
 */
final class Execution implements Watchdog.Watched, JsTooling.Interruptions {

  private static final String SOURCE_NAME = "code.js";
  private static final Pattern FRAME = Pattern.compile("code\\.js:(\\d{1,9}):(\\d{1,9})\\b");
  private static final Pattern READER_LIMIT_SOURCE = Pattern.compile(", from `[^`]*`\\)");
  private static final Pattern NOT_DEFINED = Pattern.compile("^(\\S+) is not defined$");
  private static final Pattern SYNTAX_PREFIX = Pattern.compile("^code\\.js:\\d+:\\d+ ");
  private static final int MAX_TIMERS = 10_000;
  private static final int MAX_NAMES_LISTED = 40;
  private static final int MAX_NAME_SHOWN = 100;
  /** The bounds prelude.js puts on thrown errors, applied again on the host. */
  private static final int MAX_ERROR_NAME_CHARS = 200;
  private static final int MAX_ERROR_MESSAGE_CHARS = 16384 + 100;

  /** A tool call not finished yet: the task that runs it (to interrupt) and its stage (to cancel). */
  private record PendingCall(Future<?> task, CompletionStage<?> stage) {}

  private final GraalJsExecutor.Shared shared;
  private final String code;
  private final Map<String, ToolProvider> providers;
  private final ExecutionLimits limits;
  private final long startNanos = System.nanoTime();
  private final CompletableFuture<ExecuteResult> outcome = new CompletableFuture<>();
  private final LinkedBlockingQueue<Runnable> mailbox = new LinkedBlockingQueue<>();
  private final AtomicBoolean drainScheduled = new AtomicBoolean();
  private final Map<Integer, PendingCall> pendingCalls = new HashMap<>();
  private final Map<Integer, ScheduledFuture<?>> timers = new HashMap<>();
  private final ConsoleLog log;

  private boolean blocking;
  private volatile Context context;
  private Value api;
  private NormalizedCode prepared;
  private SourceText evaluated;
  private int toolCalls;
  private int nextCallId;
  private boolean resultReady;
  private int resultKind;
  private String resultPayload;
  private volatile ExecutionError terminal;
  private volatile boolean finished;
  private ScheduledFuture<?> deadline;
  /** Interrupts the normalizer while it works for this execution; null otherwise. */
  private volatile Runnable interruptNormalizer;

  private volatile long allocatedBytes;
  private volatile long runningThread = -1;
  private volatile long runningThreadStart;

  Execution(GraalJsExecutor.Shared shared, String code, List<? extends ToolProvider> providers) {
    this.shared = shared;
    this.code = code;
    this.limits = shared.limits();
    this.log = new ConsoleLog(limits.maxLogBytes());
    Map<String, ToolProvider> byName = new LinkedHashMap<>();
    for (ToolProvider provider : providers) {
      if (byName.putIfAbsent(provider.name(), provider) != null) {
        throw new IllegalArgumentException("two tool providers are named " + provider.name()
            + "; each provider is one sandbox global and needs its own name");
      }
    }
    this.providers = byName;
  }

  // ---- driving ----------------------------------------------------------------------------------

  /** Runs the execution on the calling thread and returns its outcome. */
  ExecuteResult runBlocking() {
    if (shared.watchdog().threads().getCurrentThreadAllocatedBytes() < 0) {
      // A virtual thread: its allocations cannot be measured, so platform threads run the code.
      return runAsync().join();
    }
    blocking = true;
    begin();
    mailbox.add(this::start);
    while (!outcome.isDone()) {
      Runnable task;
      try {
        task = mailbox.take();
      } catch (InterruptedException e) {
        kill(ExecutionError.of(ExecutionError.Kind.INTERNAL, "InterruptedError",
            "The thread waiting for the execution was interrupted."));
        Thread.currentThread().interrupt();
        finish();
        break;
      }
      runTask(task);
    }
    return outcome.join();
  }

  /** Starts the execution on the driver pool. */
  CompletableFuture<ExecuteResult> runAsync() {
    blocking = false;
    begin();
    post(this::start);
    return outcome;
  }

  private void begin() {
    shared.watchdog().watch(this);
    deadline = shared.watchdog().schedule(
        () -> kill(ExecutionError.of(
            ExecutionError.Kind.TIMEOUT,
            "TimeoutError",
            "The code ran longer than " + describe(limits.timeout()) + " and was stopped."
                + " Do less per execution, or call fewer or faster tools.")),
        limits.timeout().toMillis());
  }

  private void post(Runnable task) {
    mailbox.add(task);
    if (!blocking && drainScheduled.compareAndSet(false, true)) {
      try {
        shared.driverPool().execute(this::drain);
      } catch (RejectedExecutionException e) {
        drainScheduled.set(false);
        outcome.complete(failedResult(ExecutionError.of(ExecutionError.Kind.INTERNAL, "InternalError",
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
      kill(ExecutionError.of(ExecutionError.Kind.LIMIT, "MemoryLimitError",
          "The JVM ran out of memory while the code ran, and the code was stopped. Keep less data"
              + " in memory at once."));
    } catch (StackOverflowError e) {
      kill(ExecutionError.of(ExecutionError.Kind.RUNTIME, "RangeError", "Maximum call stack size exceeded"));
    } catch (CodeSyntaxException e) {
      kill(e.toError());
    } catch (RuntimeException e) {
      if (terminal == null) {
        kill(ExecutionError.of(ExecutionError.Kind.INTERNAL, "InternalError",
            "The executor failed: " + e));
      }
    } finally {
      runningThread = -1;
      if (before >= 0) {
        allocatedBytes += threads.getCurrentThreadAllocatedBytes() - before;
      }
    }
    if (!finished && (resultReady || terminal != null || isStuck())) {
      finish();
    }
  }

  /** No result, and nothing left that could produce one: no tool call, no timer. */
  private boolean isStuck() {
    if (api == null || !pendingCalls.isEmpty() || !timers.isEmpty() || !mailbox.isEmpty()) {
      return false;
    }
    terminal = ExecutionError.of(ExecutionError.Kind.RUNTIME, "Error",
        "The code's function never finished: it awaits a promise that nothing resolves (no tool call"
            + " or timer is pending). Resolve or await only promises of tools, timers or async"
            + " functions.");
    return true;
  }

  // ---- start: normalize, create the context, run ----------------------------------------------

  private void start() {
    if (ConsoleLog.utf8Length(code) > limits.maxCodeBytes()) {
      kill(ExecutionError.of(ExecutionError.Kind.LIMIT, "CodeSizeError", String.format(
          "The code is %,d bytes; at most %,d are accepted. Send shorter code.",
          ConsoleLog.utf8Length(code), limits.maxCodeBytes())));
      return;
    }
    CodeExtraction.Extracted extracted = CodeExtraction.extract(code);
    boolean fast = FunctionShape.isSingleFunction(extracted.code());
    prepared = fast
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
    context = builder.build();
    if (terminal != null) {
      return;
    }
    Value preludeFunction = context.eval(shared.prelude());
    api = preludeFunction.execute(
        (ProxyExecutable) this::callTool,
        (ProxyExecutable) arguments -> takePayload(),
        (ProxyExecutable) this::bindTool,
        (ProxyExecutable) this::toolNames,
        (ProxyExecutable) this::log,
        (ProxyExecutable) this::timer,
        (ProxyExecutable) this::done,
        JsonCodec.defaults().toJson(JsonCodec.defaults().encode(List.copyOf(providers.keySet()))));
    for (ToolProvider provider : providers.values()) {
      Optional<SandboxSetup> setup = provider.sandboxSetup();
      if (setup.isPresent()) {
        Value script = context.eval(Source.newBuilder("js", setup.get().script(), "setup-" + provider.name() + ".js")
            .cached(true).buildLiteral());
        api.invokeMember("extend", provider.name(), script, JsonCodec.defaults().toJson(setup.get().config()));
      }
    }
    Value function;
    try {
      function = evaluate(prepared);
    } catch (PolyglotException e) {
      if (!e.isSyntaxError() || !fast) {
        throw e;
      }
      // The quick shape check was wrong about this code (TypeScript, usually): normalize it.
      prepared = shared.normalizer().normalize(code, extracted, this);
      function = evaluate(prepared);
    }
    api.invokeMember("run", function);
  }

  private static int leadingSpace(String text) {
    int i = 0;
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  private Value evaluate(NormalizedCode normalized) {
    String text = "(\n" + normalized.code() + "\n)";
    evaluated = new SourceText(text);
    return context.eval(Source.newBuilder("js", text, SOURCE_NAME).cached(false).buildLiteral());
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

  /**
   * A tool as this execution calls it, looked up once: its handle in the prelude, provider,
   * descriptor, fast-call counter and, once the first call has compiled it, its input schema.
   */
  private static final class BoundTool {
    final int handle;
    final String namespace;
    final String name;
    final String qualified;
    final ToolProvider provider;
    final ToolDescriptor descriptor;
    final java.util.concurrent.atomic.AtomicInteger streak;
    /** Compiled at the first call that checks its input, so that a schema error is that call's. */
    InputValidation.Compiled schema;

    BoundTool(int handle, String namespace, String name, ToolProvider provider, ToolDescriptor descriptor,
        java.util.concurrent.atomic.AtomicInteger streak) {
      this.handle = handle;
      this.namespace = namespace;
      this.name = name;
      this.qualified = namespace + "." + name;
      this.provider = provider;
      this.descriptor = descriptor;
      this.streak = streak;
    }
  }

  /** The tools bound so far, by namespace and name. */
  private final Map<String, Map<String, BoundTool>> boundTools = new HashMap<>();
  /** The tools bound so far, by handle: the prelude calls a tool by its handle. */
  private final List<BoundTool> handles = new ArrayList<>();

  /** The tool {@code namespace.tool}, or null when there is no such tool. */
  private BoundTool bind(String namespace, String tool) {
    Map<String, BoundTool> tools = boundTools.get(namespace);
    BoundTool bound = tools == null ? null : tools.get(tool);
    if (bound != null) {
      return bound;
    }
    ToolProvider provider = providers.get(namespace);
    ToolDescriptor descriptor = provider == null ? null : shared.tools(provider.descriptor()).get(tool);
    if (descriptor == null) {
      return null;
    }
    bound = new BoundTool(handles.size(), namespace, tool, provider, descriptor,
        shared.timings().streak(namespace + "." + tool));
    boundTools.computeIfAbsent(namespace, name -> new HashMap<>()).put(tool, bound);
    handles.add(bound);
    return bound;
  }

  /** The text behind the last -1 or -2 that {@link #callTool} returned, until the prelude takes it. */
  private String payload;

  /**
   * A tool call from the prelude: {@code (handle, inputJson)}. Returns the result's JSON text, or a
   * number as prelude.js describes ({@code 0} undefined, {@code n > 0} pending call {@code n},
   * {@code -1} tagged JSON and {@code -2} an error, both in {@link #takePayload()}).
   */
  private Object callTool(Value... arguments) {
    String reply = callReply(arguments);
    switch (reply.charAt(0)) {
      case 'R':
        return reply.substring(1);
      case 'U':
        return 0;
      case 'P':
        return Integer.parseInt(reply, 1, reply.length(), 10);
      case 'T':
        payload = reply.substring(1);
        return -1;
      default:
        payload = reply.substring(1);
        return -2;
    }
  }

  private String takePayload() {
    String text = payload;
    payload = null;
    return text;
  }

  /** {@link #callTool}'s reply in the encoding {@link #settle} uses, plus {@code P} + id. */
  private String callReply(Value... arguments) {
    int handle = arguments[0].asInt();
    if (handle < 0 || handle >= handles.size()) {
      return "E" + errorJson("ToolError", "no tool has the handle " + handle, null);
    }
    BoundTool bound = handles.get(handle);
    String qualified = bound.qualified;
    if (terminal != null) {
      // The execution is being stopped: nothing more reaches a tool.
      return "E" + errorJson(terminal.name(), "The execution has ended: " + terminal.message(), qualified);
    }
    try {
      if (++toolCalls > limits.maxToolCalls()) {
        kill(ExecutionError.of(ExecutionError.Kind.LIMIT, "ToolCallLimitError", String.format(
            "The code made more than %,d tool calls and was stopped. Ask the tools for more per call,"
                + " or do the work in fewer calls.", limits.maxToolCalls())));
        return "E" + errorJson("ToolCallLimitError", "too many tool calls", qualified);
      }
      JsonNode input = arguments[1].isNull()
          ? JsonCodec.defaults().nodes().objectNode()
          : shared.bridge().fromSandbox(arguments[1].asString());
      if (input.isNull()) {
        input = JsonCodec.defaults().nodes().objectNode();
      }
      if (shared.validateInputs()) {
        if (bound.schema == null) {
          bound.schema = shared.validation().compiled(bound.descriptor);
        }
        String problem = shared.validation().problems(bound.namespace, bound.descriptor, bound.schema, input);
        if (problem != null) {
          return "E" + errorJson("ToolInputError", problem, qualified);
        }
      }
      return dispatch(bound, input);
    } catch (StreamConstraintsException e) {
      return "E" + errorJson("ToolInputError",
          qualified + ": the input is too large to read: " + readerLimit(e) + ". Send smaller values.", qualified);
    } catch (RuntimeException e) {
      return "E" + errorJson("ToolError", qualified + " could not be called: " + e.getMessage(), qualified);
    }
  }

  private String dispatch(BoundTool bound, JsonNode input) {
    String qualified = bound.qualified;
    boolean inline = switch (shared.dispatch()) {
      case CALLING_THREAD -> true;
      case TOOL_EXECUTOR -> false;
      case ADAPTIVE -> ToolTimings.isFast(bound.streak);
    };
    int id = ++nextCallId;
    if (!inline) {
      Future<?> task = shared.toolExecutor().submit(() -> {
        CompletionStage<JsonNode> stage = timedCall(bound, input);
        stage.whenComplete((value, error) -> post(() -> settle(id, qualified, value, error)));
      });
      pendingCalls.put(id, new PendingCall(task, null));
      return "P" + id;
    }
    CompletionStage<JsonNode> stage = timedCall(bound, input);
    CompletableFuture<JsonNode> future;
    try {
      future = stage.toCompletableFuture();
    } catch (UnsupportedOperationException e) {
      future = null;
    }
    if (future != null && future.isDone()) {
      try {
        return reply(qualified, future.join(), null);
      } catch (CompletionException | CancellationException e) {
        return reply(qualified, null, e);
      }
    }
    pendingCalls.put(id, new PendingCall(null, stage));
    stage.whenComplete((value, error) -> post(() -> settle(id, qualified, value, error)));
    return "P" + id;
  }

  private CompletionStage<JsonNode> timedCall(BoundTool bound, JsonNode input) {
    long start = System.nanoTime();
    CompletionStage<JsonNode> stage;
    try {
      stage = bound.provider.call(bound.name, input);
      if (stage == null) {
        stage = CompletableFuture.failedFuture(new IllegalStateException(bound.qualified + " returned no result stage"));
      }
    } catch (Throwable e) {
      stage = CompletableFuture.failedFuture(e);
    }
    ToolTimings.record(bound.streak, System.nanoTime() - start);
    return stage;
  }

  private void settle(int id, String qualified, JsonNode value, Throwable error) {
    if (pendingCalls.remove(id) == null || api == null) {
      return;
    }
    String reply = reply(qualified, value, error);
    api.invokeMember("settle", id, reply.substring(0, 1), reply.substring(1));
  }

  /** The prelude's encoding of a finished call: {@code R} + JSON, {@code U}, or {@code E} + error JSON. */
  private String reply(String qualified, JsonNode value, Throwable error) {
    if (error != null) {
      Throwable cause = unwrap(error);
      if (cause instanceof AbortExecutionException abort) {
        kill(ExecutionError.of(ExecutionError.Kind.ABORTED, abort.errorName(), String.valueOf(abort.getMessage())));
        return "E" + errorJson(abort.errorName(), String.valueOf(abort.getMessage()), qualified);
      }
      if (cause instanceof ToolInputException) {
        return "E" + errorJson("ToolInputError", cause.getMessage(), qualified);
      }
      if (cause instanceof CancellationException) {
        return "E" + errorJson("ToolError", qualified + " was cancelled", qualified);
      }
      String message = cause.getMessage();
      if (message == null || message.isBlank()) {
        message = cause.getClass().getSimpleName() + " (the tool gave no message)";
      }
      return "E" + errorJson("ToolError", message, qualified);
    }
    if (value == null) {
      return "Rnull";
    }
    if (value.isMissingNode()) {
      return "U";
    }
    String reply = shared.bridge().toSandbox(value, "R");
    // 'T' asks the prelude to look for tagged binary data and big integers, as it always did when
    // the text mentions a tag; plain JSON skips that look.
    return reply.indexOf(JsonBridge.TAG_PREFIX, 1) < 0 ? reply : "T" + reply.substring(1);
  }

  private static Throwable unwrap(Throwable error) {
    Throwable cause = error;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException
            || cause instanceof UndeclaredThrowableException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  private static String errorJson(String name, String message, String tool) {
    ObjectNode error = JsonCodec.defaults().nodes().objectNode();
    error.put("name", name);
    error.put("message", bounded(message, MAX_ERROR_MESSAGE_CHARS));
    if (tool != null) {
      error.put("tool", tool);
    }
    return JsonCodec.defaults().toJson(error);
  }

  /** The handle of {@code namespace.tool} for the prelude, or why there is no such tool. */
  private Object bindTool(Value... arguments) {
    String namespace = arguments[0].asString();
    String tool = arguments[1].asString();
    try {
      BoundTool bound = bind(namespace, tool);
      if (bound != null) {
        return bound.handle;
      }
    } catch (RuntimeException e) {
      return shown(namespace + "." + tool) + " cannot be called: " + e.getMessage();
    }
    return shown(namespace + "." + tool) + " is not a function: " + unknownTool(namespace, tool);
  }

  /** A name from model code as a message quotes it: cut when it is longer than any real name. */
  static String shown(String name) {
    return bounded(name, MAX_NAME_SHOWN);
  }

  private String unknownTool(String namespace, String tool) {
    List<String> names = providers.get(namespace).descriptor().toolNames();
    StringBuilder message = new StringBuilder(namespace).append(" has no tool named \"").append(shown(tool)).append('"');
    Suggestions.closest(tool, names).ifPresent(match -> message.append("; did you mean \"").append(match).append("\"?"));
    message.append(names.isEmpty() ? " It has no tools." : " Its tools: ").append(listed(names)).append('.');
    return message.toString();
  }

  private static String listed(List<String> names) {
    if (names.size() <= MAX_NAMES_LISTED) {
      return String.join(", ", names);
    }
    return String.join(", ", names.subList(0, MAX_NAMES_LISTED)) + " and " + (names.size() - MAX_NAMES_LISTED) + " more";
  }

  private Object toolNames(Value... arguments) {
    ToolProvider provider = providers.get(arguments[0].asString());
    List<String> names = provider == null ? List.of() : provider.descriptor().toolNames();
    return JsonCodec.defaults().toJson(JsonCodec.defaults().encode(names));
  }

  private Object log(Value... arguments) {
    log.append(arguments[0].asString(), arguments[1].asString());
    return null;
  }

  private Object timer(Value... arguments) {
    int id = arguments[0].asInt();
    long delay = (long) arguments[1].asDouble();
    if (delay < 0) {
      ScheduledFuture<?> scheduled = timers.remove(id);
      if (scheduled != null) {
        scheduled.cancel(false);
      }
      return null;
    }
    if (timers.size() >= MAX_TIMERS) {
      return "more than " + MAX_TIMERS + " timers are pending; clear timers you no longer need";
    }
    Runnable fire = () -> post(() -> {
      if (timers.remove(id) != null) {
        api.invokeMember("fire", id);
      }
    });
    timers.put(id, shared.watchdog().schedule(fire, delay));
    return null;
  }

  private Object done(Value... arguments) {
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
    long total = allocatedBytes;
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
      terminal = syntaxError(e);
    } else if (e.isResourceExhausted()) {
      terminal = ExecutionError.of(ExecutionError.Kind.LIMIT, "ResourceLimitError",
          e.getMessage() + ". The code was stopped; do less work per execution.");
    } else if (e.isCancelled() || e.isInterrupted()) {
      terminal = ExecutionError.of(ExecutionError.Kind.INTERNAL, "CancelledError", "The execution was cancelled.");
    } else if (e.isGuestException()) {
      terminal = runtimeError(e.getMessage(), null, null, null);
    } else {
      terminal = ExecutionError.of(ExecutionError.Kind.INTERNAL, "InternalError", "The sandbox failed: " + e.getMessage());
    }
  }

  private ExecutionError syntaxError(PolyglotException e) {
    String message = SYNTAX_PREFIX.matcher(String.valueOf(e.getMessage())).replaceFirst("");
    ExecutionError error = ExecutionError.of(ExecutionError.Kind.SYNTAX, "SyntaxError", message);
    SourceSection location = e.getSourceLocation();
    if (location != null && location.getSource().getName().equals(SOURCE_NAME) && evaluated != null) {
      return locate(error, location.getStartLine(), location.getStartColumn());
    }
    return error;
  }

  /** The error at a position in the evaluated source, mapped to the model's text. */
  private ExecutionError locate(ExecutionError error, int line, int column) {
    int offset = Math.max(0, evaluated.offset(line, column) - 2);
    int original = prepared.originalOffset(offset);
    SourceText text = prepared.originalText();
    int originalLine = text.line(original);
    int originalColumn = text.column(original);
    return error.at(originalLine, originalColumn, text.excerpt(originalLine, originalColumn));
  }

  private void finish() {
    if (finished) {
      return;
    }
    finished = true;
    if (deadline != null) {
      deadline.cancel(false);
    }
    for (ScheduledFuture<?> scheduled : timers.values()) {
      scheduled.cancel(false);
    }
    timers.clear();
    for (PendingCall call : pendingCalls.values()) {
      if (call.task() != null) {
        call.task().cancel(true);
      }
      if (call.stage() != null) {
        try {
          call.stage().toCompletableFuture().cancel(true);
        } catch (UnsupportedOperationException e) {
          // a stage that cannot be cancelled finishes on its own; its result is ignored
        }
      }
    }
    pendingCalls.clear();
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
      result = failedResult(ExecutionError.of(ExecutionError.Kind.LIMIT, "ResultLimitError",
          "The result is too large to read: " + readerLimit(e) + ". Return smaller values."));
    } catch (OutOfMemoryError e) {
      // the tree of a result is about ten times its JSON text
      result = failedResult(ExecutionError.of(ExecutionError.Kind.LIMIT, "ResultLimitError",
          "The result is too large to read: it does not fit in memory. Return smaller values."));
    } catch (RuntimeException e) {
      result = failedResult(ExecutionError.of(ExecutionError.Kind.INTERNAL, "InternalError",
          "The result could not be read: " + e.getMessage()));
    }
    outcome.complete(result);
  }

  private ExecuteResult resultFromPrelude() {
    if (resultKind == 1) {
      return failedResult(errorFromPrelude(JsonCodec.defaults().parse(resultPayload)));
    }
    if (resultPayload == null) {
      return new ExecuteResult(MissingNode.getInstance(), null, log.lines(), stats());
    }
    JsonNode result = shared.bridge().fromSandbox(resultPayload);
    if (ConsoleLog.utf8Length(resultPayload) > limits.maxResultBytes()) {
      result = ResultShrinker.shrink(result, limits.maxResultBytes());
    }
    return new ExecuteResult(result, null, log.lines(), stats());
  }

  private ExecutionError errorFromPrelude(JsonNode thrown) {
    String name = thrown.path("name").asString("Error");
    String message = thrown.path("message").asString("");
    String stack = thrown.path("stack").asString("");
    String tool = thrown.path("tool").isString() ? thrown.path("tool").asString() : null;
    return runtimeError(message, name, stack, tool);
  }

  private ExecutionError runtimeError(String message, String name, String stack, String tool) {
    String errorName = name == null || name.isBlank() ? "Error" : bounded(name, MAX_ERROR_NAME_CHARS);
    String text = bounded(message, MAX_ERROR_MESSAGE_CHARS);
    tool = tool == null ? null : bounded(tool, MAX_ERROR_NAME_CHARS);
    if ("ReferenceError".equals(errorName)) {
      Matcher notDefined = NOT_DEFINED.matcher(text);
      if (notDefined.matches()) {
        text = text + ". " + globalsHint(notDefined.group(1));
      }
    }
    ExecutionError error = new ExecutionError(
        tool != null ? ExecutionError.Kind.TOOL : ExecutionError.Kind.RUNTIME, errorName, text, null, null, tool, null);
    if (stack != null && evaluated != null) {
      Matcher frame = FRAME.matcher(stack);
      if (frame.find()) {
        return locate(error, Integer.parseInt(frame.group(1)), Integer.parseInt(frame.group(2)));
      }
    }
    return error;
  }

  /** Which limit of the JSON reader a value broke, without Jackson's method names. */
  private static String readerLimit(StreamConstraintsException e) {
    return READER_LIMIT_SOURCE.matcher(String.valueOf(e.getOriginalMessage())).replaceAll(")");
  }

  /** Text from model code, cut like the prelude cuts it. */
  private static String bounded(String text, int max) {
    return text.length() <= max
        ? text
        : text.substring(0, max) + "… [cut: the text has " + text.length() + " characters]";
  }

  /** What exists, for a model that named a global that does not. */
  private String globalsHint(String missing) {
    StringBuilder hint = new StringBuilder();
    List<String> qualifiedTools = new ArrayList<>();
    for (ToolProvider provider : providers.values()) {
      for (String tool : provider.descriptor().toolNames()) {
        if (tool.equals(missing)) {
          hint.append("Tools are called on their namespace: did you mean ")
              .append(provider.name()).append('.').append(tool).append("? ");
        }
        qualifiedTools.add(provider.name() + "." + tool);
      }
    }
    Suggestions.closest(missing, providers.keySet())
        .ifPresent(match -> hint.append("Did you mean \"").append(match).append("\"? "));
    hint.append(providers.isEmpty()
        ? "No tool namespaces are available"
        : "The tool namespaces are " + String.join(", ", providers.keySet()));
    hint.append(" (tools: ").append(listed(qualifiedTools)).append(")");
    hint.append("; the other globals are console, setTimeout, clearTimeout, setInterval, clearInterval,"
        + " queueMicrotask, structuredClone and the JavaScript built-ins.");
    return hint.toString();
  }

  private ExecuteResult failedResult(ExecutionError error) {
    return new ExecuteResult(MissingNode.getInstance(), error, log.lines(), stats());
  }

  private ExecuteResult.Stats stats() {
    return new ExecuteResult.Stats(Duration.ofNanos(System.nanoTime() - startNanos), toolCalls, allocatedBytes);
  }

  private static String describe(Duration duration) {
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
