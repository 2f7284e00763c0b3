package dev.codemode.sandbox;

import dev.codemode.core.JsonCodec;
import dev.codemode.core.ToolDescriptor;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.graalvm.polyglot.Value;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import org.jspecify.annotations.Nullable;

/**
 * The tool calls of one execution: binding tools to handles, checking inputs, dispatching calls to
 * their providers, and settling them in the sandbox when they finish.
 *
 * <p>Everything here runs on the thread that runs the execution's JavaScript, except the
 * completions of calls, which only post a task to the execution's mailbox ({@link Loop#post}).
 */
final class ToolCalls {

  /** What the tool calls need of the execution that makes them. */
  interface Loop {
    /** Queues a task for the execution's thread; any thread. */
    void post(Runnable task);

    /** Ends the execution with {@code error}; any thread. */
    void kill(ExecutionError error);

    /** The error the execution is ending with, or null while it runs. */
    @Nullable ExecutionError terminal();

    /** Settles call {@code id} in the sandbox; the execution's thread. */
    void settle(int id, String kind, String payload);
  }

  /** A tool call not finished yet: the task that runs it (to interrupt) and its stage (to cancel). */
  private record Running(@Nullable Future<?> task, @Nullable CompletionStage<?> stage) {}

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
    /** The provider when it takes its calls in order, else null. */
    final @Nullable OrderedToolProvider ordered;
    /** The tool's descriptor; null for a host function, whose input is not checked. */
    final @Nullable ToolDescriptor descriptor;
    final AtomicInteger streak;
    /** Compiled at the first call that checks its input, so that a schema error is that call's. */
    InputValidation.@Nullable Compiled schema;

    BoundTool(int handle, String namespace, String name, ToolProvider provider, @Nullable ToolDescriptor descriptor,
        AtomicInteger streak) {
      this.handle = handle;
      this.namespace = namespace;
      this.name = name;
      this.qualified = namespace + "." + name;
      this.provider = provider;
      this.ordered = provider instanceof OrderedToolProvider orderedProvider ? orderedProvider : null;
      this.descriptor = descriptor;
      this.streak = streak;
    }
  }

  private final Loop loop;
  private final GraalJsExecutor.Shared shared;
  private final Map<String, ToolProvider> providers;
  private final ErrorTranslation errors;
  /** The tools bound so far, by namespace and name. */
  private final Map<String, Map<String, BoundTool>> boundTools = new HashMap<>();
  /** The tools bound so far, by handle: the prelude calls a tool by its handle. */
  private final List<BoundTool> handles = new ArrayList<>();
  private final Map<Integer, Running> running = new HashMap<>();
  /** Whether the execution is ending: host work for a call gives up then, so none outlives the deadline. */
  private final BooleanSupplier ending;
  private int calls;
  private int nextCallId;
  /** The text behind the last tagged or error reply that {@link #callTool} returned, until the prelude takes it. */
  private @Nullable String payload;

  ToolCalls(Loop loop, GraalJsExecutor.Shared shared, Map<String, ToolProvider> providers, ErrorTranslation errors) {
    this.loop = loop;
    this.shared = shared;
    this.providers = providers;
    this.errors = errors;
    this.ending = () -> loop.terminal() != null;
  }

  /** How many calls the code made. */
  int count() {
    return calls;
  }

  /** Whether a call is still running. */
  boolean anyRunning() {
    return !running.isEmpty();
  }

  // ---- binding --------------------------------------------------------------------------------

  /** The handle of {@code namespace.tool} for the prelude, or why there is no such tool. */
  Object bindTool(Value... arguments) {
    String namespace = arguments[0].asString();
    String tool = arguments[1].asString();
    try {
      BoundTool bound = bind(namespace, tool);
      if (bound != null) {
        return bound.handle;
      }
    } catch (RuntimeException e) {
      return ErrorTranslation.shown(namespace + "." + tool) + " cannot be called: the host could not look it up ("
          + ErrorTranslation.hostMessage(e) + ")";
    }
    return ErrorTranslation.shown(namespace + "." + tool) + " is not a function: " + errors.unknownTool(namespace, tool);
  }

  /** The tool {@code namespace.tool}, or null when there is no such tool. */
  private @Nullable BoundTool bind(String namespace, String tool) {
    Map<String, BoundTool> tools = boundTools.get(namespace);
    BoundTool bound = tools == null ? null : tools.get(tool);
    if (bound != null) {
      return bound;
    }
    ToolProvider provider = providers.get(namespace);
    if (provider == null) {
      return null;
    }
    ToolDescriptor descriptor = shared.tools(provider.descriptor()).get(tool);
    if (descriptor == null) {
      return null;
    }
    bound = new BoundTool(handles.size(), namespace, tool, provider, descriptor,
        shared.timings().streak(namespace + "." + tool));
    boundTools.computeIfAbsent(namespace, name -> new HashMap<>()).put(tool, bound);
    handles.add(bound);
    return bound;
  }

  /**
   * The handles of a provider's host functions, as JSON {@code {"name": handle}}, for its setup
   * script only: they are never bound through {@link #bindTool}, so model code cannot reach them.
   */
  String hostHandles(ToolProvider provider, SandboxSetup setup) {
    ObjectNode handlesByName = JsonCodec.defaults().nodes().objectNode();
    for (String name : setup.hostFunctions()) {
      BoundTool bound = new BoundTool(handles.size(), provider.name(), name, provider, null, new AtomicInteger());
      handles.add(bound);
      handlesByName.put(name, bound.handle);
    }
    return JsonCodec.defaults().toJson(handlesByName);
  }

  /**
   * The tool names of a namespace as a JSON array, for the prelude; none when the provider cannot
   * say. Model code could catch what a host function throws, Java's words and all: it throws nothing.
   */
  Object toolNames(Value... arguments) {
    ToolProvider provider = providers.get(arguments[0].asString());
    List<String> names;
    try {
      names = provider == null ? List.of() : provider.descriptor().toolNames();
    } catch (RuntimeException e) {
      names = List.of();
    }
    return JsonCodec.defaults().toJson(JsonCodec.defaults().encode(names));
  }

  // ---- calling --------------------------------------------------------------------------------

  /**
   * A tool call from the prelude: {@code (handle, inputJson)}. Returns the result's JSON text, or a
   * number as {@link PreludeProtocol} describes.
   */
  Object callTool(Value... arguments) {
    String reply;
    try {
      reply = callReply(arguments);
    } catch (StackOverflowError e) {
      // The code called the tool from so deep a recursion that the host ran out of stack: the code's
      // error, said as JavaScript says it. What a host function throws, model code could catch.
      reply = PreludeProtocol.SETTLE_ERROR + errorJson(ErrorNames.RANGE, "Maximum call stack size exceeded", null);
    } catch (LinkageError e) {
      reply = PreludeProtocol.SETTLE_ERROR + errorJson(ErrorNames.TOOL,
          "The tool could not be called: " + ErrorTranslation.engineMessage(e.toString()), null);
    }
    return switch (reply.charAt(0)) {
      case 'R' -> reply.substring(1);
      case 'U' -> PreludeProtocol.UNDEFINED_REPLY;
      case 'P' -> Integer.parseInt(reply, 1, reply.length(), 10);
      case 'T' -> {
        payload = reply.substring(1);
        yield PreludeProtocol.TAGGED_REPLY;
      }
      default -> {
        payload = reply.substring(1);
        yield PreludeProtocol.ERROR_REPLY;
      }
    };
  }

  /** The text behind the last tagged or error reply, once. */
  @Nullable Object takePayload(Value... arguments) {
    String text = payload;
    payload = null;
    return text;
  }

  /**
   * {@link #callTool}'s reply in the encoding {@link #settle} uses ({@code R}, {@code T}, {@code U}
   * or {@code E} and the text), plus {@code P} and the id of a call that finishes later.
   */
  private String callReply(Value... arguments) {
    int handle = arguments[0].asInt();
    if (handle < 0 || handle >= handles.size()) {
      return PreludeProtocol.SETTLE_ERROR + errorJson(ErrorNames.TOOL, "no tool has the handle " + handle, null);
    }
    BoundTool bound = handles.get(handle);
    String qualified = bound.qualified;
    ExecutionError terminal = loop.terminal();
    if (terminal != null) {
      // The execution is being stopped: nothing more reaches a tool.
      return ended(terminal, qualified);
    }
    try {
      if (++calls > shared.limits().maxToolCalls()) {
        loop.kill(ExecutionError.of(ExecutionError.Kind.LIMIT, ErrorNames.TOOL_CALL_LIMIT, String.format(
            "The code made more than %,d tool calls and was stopped. Ask the tools for more per call,"
                + " or do the work in fewer calls.", shared.limits().maxToolCalls())));
        return PreludeProtocol.SETTLE_ERROR + errorJson(ErrorNames.TOOL_CALL_LIMIT, "too many tool calls", qualified);
      }
      JsonNode input = arguments[1].isNull()
          ? JsonCodec.defaults().nodes().objectNode()
          : shared.bridge().fromSandbox(arguments[1].asString());
      if (input.isNull()) {
        input = JsonCodec.defaults().nodes().objectNode();
      }
      if (shared.validateInputs() && bound.descriptor != null) {
        if (bound.schema == null) {
          bound.schema = shared.validation().compiled(bound.descriptor);
        }
        String problem = shared.validation().problems(bound.namespace, bound.descriptor, bound.schema, input, ending);
        if (problem != null) {
          return PreludeProtocol.SETTLE_ERROR + errorJson(ErrorNames.TOOL_INPUT, problem, qualified);
        }
      }
      OrderedToolProvider ordered = bound.ordered;
      return ordered != null ? startOrdered(bound, ordered, input) : dispatch(bound, input);
    } catch (InputValidation.Stopped e) {
      ExecutionError stopping = loop.terminal();
      return ended(stopping != null ? stopping : ExecutionError.of(ExecutionError.Kind.INTERNAL, ErrorNames.CANCELLED,
          "The execution was stopped."), qualified);
    } catch (StreamConstraintsException e) {
      return PreludeProtocol.SETTLE_ERROR + errorJson(ErrorNames.TOOL_INPUT, qualified
          + ": the input is too large to read: " + ErrorTranslation.readerLimit(e) + ". Send smaller values.", qualified);
    } catch (RuntimeException e) {
      // Not the tool's failure (dispatch catches those) but the host's: its words are not the model's.
      return PreludeProtocol.SETTLE_ERROR + errorJson(ErrorNames.TOOL,
          qualified + " could not be called: " + ErrorTranslation.hostMessage(e), qualified);
    }
  }

  /** The reply to a call made while the execution ends with {@code terminal}: nothing more reaches a tool. */
  private static String ended(ExecutionError terminal, String qualified) {
    return PreludeProtocol.SETTLE_ERROR
        + errorJson(terminal.name(), "The execution has ended: " + terminal.message(), qualified);
  }

  /** A call of an {@link OrderedToolProvider}: taken here, on this thread, answered now or later. */
  private String startOrdered(BoundTool bound, OrderedToolProvider ordered, JsonNode input) {
    int id = ++nextCallId;
    Answer answer = new Answer(id, bound.qualified, input);
    JsonNode now;
    try {
      now = ordered.start(bound.name, input, answer);
    } catch (Throwable e) {
      answer.disown();
      return reply(bound.qualified, input, null, e);
    }
    if (now != null) {
      answer.disown();
      return reply(bound.qualified, input, now, null);
    }
    // An answer given from start itself was posted, and settles after this task, once this is put.
    running.put(id, new Running(null, null));
    return "P" + id;
  }

  /** The later answer to an ordered call: posted, so it reaches the code as its own event. */
  private final class Answer implements ToolReply {
    private final int id;
    private final String qualified;
    private final JsonNode input;
    private final AtomicBoolean given = new AtomicBoolean();

    Answer(int id, String qualified, JsonNode input) {
      this.id = id;
      this.qualified = qualified;
      this.input = input;
    }

    @Override
    public void result(JsonNode value) {
      if (given.compareAndSet(false, true)) {
        loop.post(() -> settle(id, qualified, input, value, null));
      }
    }

    @Override
    public void failure(Throwable error) {
      if (given.compareAndSet(false, true)) {
        loop.post(() -> settle(id, qualified, input, null, error));
      }
    }

    /** The call was answered when it was made: later answers are ignored. */
    void disown() {
      given.set(true);
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
        stage.whenComplete((value, error) -> loop.post(() -> settle(id, qualified, input, value, error)));
      });
      running.put(id, new Running(task, null));
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
        return reply(qualified, input, future.join(), null);
      } catch (CompletionException | CancellationException e) {
        return reply(qualified, input, null, e);
      }
    }
    running.put(id, new Running(null, stage));
    stage.whenComplete((value, error) -> loop.post(() -> settle(id, qualified, input, value, error)));
    return "P" + id;
  }

  private CompletionStage<JsonNode> timedCall(BoundTool bound, JsonNode input) {
    long start = System.nanoTime();
    CompletionStage<JsonNode> stage;
    try {
      stage = bound.provider.call(bound.name, input);
      if (stage == null) {
        stage = CompletableFuture.failedFuture(new IllegalStateException(bound.qualified
            + " gave no result: it returned null instead of a result to wait for; the fault is in the tool, not in the call"));
      }
    } catch (Throwable e) {
      stage = CompletableFuture.failedFuture(e);
    }
    ToolTimings.record(bound.streak, System.nanoTime() - start);
    return stage;
  }

  /** Settles call {@code id} in the sandbox with what it came to; a call settled already is ignored. */
  private void settle(int id, String qualified, JsonNode input, @Nullable JsonNode value, @Nullable Throwable error) {
    if (running.remove(id) == null) {
      return;
    }
    String reply = reply(qualified, input, value, error);
    loop.settle(id, reply.substring(0, 1), reply.substring(1));
  }

  /**
   * The prelude's encoding of a finished call: {@code R} + JSON, {@code T} + tagged JSON, {@code U},
   * or {@code E} + error JSON. {@code input} is the call's, to say which of its values a failure
   * is about.
   */
  private String reply(String qualified, JsonNode input, @Nullable JsonNode value, @Nullable Throwable error) {
    if (error != null) {
      Throwable cause = unwrap(error);
      if (cause instanceof AbortExecutionException abort) {
        loop.kill(ExecutionError.of(ExecutionError.Kind.ABORTED, abort.errorName(), String.valueOf(abort.getMessage())));
        return PreludeProtocol.SETTLE_ERROR + errorJson(abort.errorName(), String.valueOf(abort.getMessage()), qualified);
      }
      if (cause instanceof CancellationException) {
        return PreludeProtocol.SETTLE_ERROR + errorJson(ErrorNames.TOOL, qualified + " was cancelled", qualified);
      }
      ToolFailures.Failure failure = ToolFailures.of(qualified, cause, input);
      return PreludeProtocol.SETTLE_ERROR + errorJson(failure.name(), failure.message(), qualified);
    }
    if (value == null) {
      return PreludeProtocol.SETTLE_RESULT + "null";
    }
    if (value.isMissingNode()) {
      return PreludeProtocol.SETTLE_UNDEFINED;
    }
    String reply;
    try {
      reply = shared.bridge().toSandbox(value, PreludeProtocol.SETTLE_RESULT);
    } catch (StreamConstraintsException e) {
      return PreludeProtocol.SETTLE_ERROR + errorJson(ErrorNames.TOOL, qualified + " returned a value too large to send"
          + " to the code: " + ErrorTranslation.readerLimit(e) + "; ask it for less", qualified);
    } catch (RuntimeException e) {
      // A tree that holds what JSON cannot (a Java object in a POJO node): Jackson's words name its class.
      return PreludeProtocol.SETTLE_ERROR + errorJson(ErrorNames.TOOL, qualified + " returned a value that cannot be"
          + " converted to JSON; the fault is in the tool, not in the call", qualified);
    }
    // A tagged reply asks the prelude to look for tagged binary data and big integers, as it always
    // did when the text mentions a tag; plain JSON skips that look.
    return reply.indexOf(JsonBridge.TAG_PREFIX, 1) < 0 ? reply : PreludeProtocol.SETTLE_TAGGED + reply.substring(1);
  }

  /** The failure inside the completion, execution and proxy exceptions that carry it. */
  static Throwable unwrap(Throwable error) {
    Throwable cause = error;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException
            || cause instanceof UndeclaredThrowableException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  private static String errorJson(String name, String message, @Nullable String tool) {
    ObjectNode error = JsonCodec.defaults().nodes().objectNode();
    error.put("name", name);
    // Every message model code gets from a call comes here: none starts with a Java exception's name.
    error.put("message", ErrorTranslation.bounded(JavaNames.withoutLeadingExceptionNames(message),
        ErrorTranslation.MAX_ERROR_MESSAGE_CHARS));
    if (tool != null) {
      error.put("tool", tool);
    }
    return JsonCodec.defaults().toJson(error);
  }

  /**
   * Stops the calls still running when the execution ends: interrupts their tasks and cancels their
   * stages. Ordered calls are their provider's to end.
   */
  void cancelRunning() {
    for (Running call : running.values()) {
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
    running.clear();
  }
}
