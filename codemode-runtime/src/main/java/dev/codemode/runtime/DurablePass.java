package dev.codemode.runtime;

import dev.codemode.sandbox.AbortExecutionException;
import dev.codemode.sandbox.ExecuteResult;
import dev.codemode.sandbox.ExecutionError;
import dev.codemode.sandbox.ToolProvider;


import dev.codemode.annotations.Replay;
import dev.codemode.core.JsonCodec;
import dev.codemode.core.ToolDescriptor;
import dev.codemode.runtime.store.EntryState;
import dev.codemode.runtime.store.ExecutionRecord;
import dev.codemode.runtime.store.ExecutionStatus;
import dev.codemode.runtime.store.ExecutionStore;
import dev.codemode.runtime.store.JournalEntry;
import dev.codemode.runtime.store.ValueTooLargeException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.NullNode;

/**
 * One pass of a durable run: the run's code executed once against journaling versions of the
 * connectors. The first pass records every call; a pass after an approval replays the recorded
 * results, runs the approved call, and records what is new.
 *
 * <p>A call is matched to its journal entry by its content (connector, tool, and input with keys
 * sorted), not by its position, so {@code Promise.all} over calls whose order of arrival changes
 * between passes replays the same way. The Nth identical call matches the Nth identical entry.
 * Divergence is caught when the pass ends: a pass that did not make every recorded call again
 * fails the run. It cannot be caught at the call: tool calls are decided on the threads that run
 * them, so a new call may be decided before a recorded one that the code made earlier.
 */
final class DurablePass {

  /** The name of the error the sandbox ends with when the run pauses. */
  static final String PAUSED = "PausedForApproval";
  private static final String STOPPED = "RunStopped";
  private static final String STEP = "step";
  private static final String NOW = "now";

  private record CallKey(String connector, String tool, String input) {}

  private final CodemodeRuntime runtime;
  private final ExecutionStore store;
  private final ExecutionRecord execution;
  private final Map<CallKey, ArrayDeque<JournalEntry>> unclaimed = new HashMap<>();
  /** Tries of a journal write that an interrupt cut short. */
  private static final int WRITE_ATTEMPTS = 3;

  private final AtomicInteger nextSeq;
  private final Set<CompletableFuture<?>> inFlight = ConcurrentHashMap.newKeySet();
  /** Calls between their start and their decision, gated calls waiting to pause included. */
  private final AtomicInteger activeCalls = new AtomicInteger();
  /** Gated calls waiting for the other calls before they store the pause. */
  private final AtomicInteger pausingCalls = new AtomicInteger();
  private final List<String> newCalls = new ArrayList<>();
  private volatile boolean stopped;
  private volatile PendingCall pausedAt;
  private volatile Outcome.Error failure;

  DurablePass(CodemodeRuntime runtime, ExecutionRecord execution, List<JournalEntry> journal) {
    this.runtime = runtime;
    this.store = runtime.store();
    this.execution = execution;
    int max = -1;
    for (JournalEntry entry : journal) {
      max = Math.max(max, entry.seq());
      if (entry.state() != EntryState.REVERTED) {
        unclaimed.computeIfAbsent(key(entry.connector(), entry.tool(), entry.input()), k -> new ArrayDeque<>())
            .add(entry);
      }
    }
    this.nextSeq = new AtomicInteger(max + 1);
  }

  private static CallKey key(String connector, String tool, JsonNode input) {
    return new CallKey(connector, tool, CanonicalJson.of(input));
  }

  /** Runs the pass and says what the run came to. */
  Outcome run() {
    List<ToolProvider> providers = new ArrayList<>();
    for (RuntimeConnector connector : runtime.connectors().values()) {
      providers.add(journaling(connector));
    }
    providers.add(runtime.sdk(this, execution));
    ExecuteResult result = runtime.executor().execute(execution.code(), providers);
    return conclude(result);
  }

  // ---- the connectors as the sandbox sees them ------------------------------------------------

  /** The connector with every call going through this pass's journal; same descriptor instance. */
  private ToolProvider journaling(RuntimeConnector connector) {
    var descriptor = connector.descriptor();
    return new ToolProvider() {
      @Override
      public dev.codemode.core.ConnectorDescriptor descriptor() {
        return descriptor;
      }

      @Override
      public CompletionStage<JsonNode> call(String tool, JsonNode input) {
        ToolDescriptor found = runtime.tool(connector.name(), tool);
        if (found == null) {
          return CompletableFuture.failedFuture(
              new dev.codemode.core.NoSuchToolException(connector.name(), tool, descriptor.toolNames()));
        }
        return DurablePass.this.call(connector, found, input);
      }
    };
  }

  private CompletionStage<JsonNode> call(RuntimeConnector connector, ToolDescriptor tool, JsonNode input) {
    // Counted before the stopped check, so that a pause either sees this call or this call sees
    // the pause: nothing of a paused pass writes to the journal after the pause is stored.
    activeCalls.incrementAndGet();
    try {
      return decideAndCall(connector, tool, input);
    } finally {
      activeCalls.decrementAndGet();
    }
  }

  private CompletionStage<JsonNode> decideAndCall(RuntimeConnector connector, ToolDescriptor tool, JsonNode input) {
    refuseWhenStopped();
    JournalEntry entry = claim(key(connector.name(), tool.name(), input));
    if (entry == null) {
      return fresh(connector, tool, input);
    }
    return switch (entry.state()) {
      case APPLIED -> tool.replay() == Replay.REEXECUTE
          ? runTool(connector, tool, entry.input()) // idempotent: run again, its entry stays as it is
          : CompletableFuture.completedFuture(entry.result() == null ? NullNode.getInstance() : entry.result());
      case ERROR -> CompletableFuture.failedFuture(new ReplayedToolFailure(String.valueOf(entry.error())));
      case PENDING -> approved(connector, tool, entry);
      case EXECUTING -> afterCrash(connector, tool, entry);
      case REVERTED -> fresh(connector, tool, input);
    };
  }

  private synchronized JournalEntry claim(CallKey key) {
    ArrayDeque<JournalEntry> entries = unclaimed.get(key);
    if (entries == null) {
      return null;
    }
    JournalEntry entry = entries.poll();
    if (entries.isEmpty()) {
      unclaimed.remove(key);
    }
    return entry;
  }

  private CompletionStage<JsonNode> fresh(RuntimeConnector connector, ToolDescriptor tool, JsonNode input) {
    String qualified = connector.name() + "." + tool.name();
    int seq = nextSeq.getAndIncrement();
    boolean gated = tool.requiresApproval();
    JournalEntry entry = new JournalEntry(execution.id(), seq, connector.name(), tool.name(), input, null, gated,
        gated ? EntryState.PENDING : EntryState.EXECUTING, null, runtime.now());
    if (gated) {
      // Before the pause is stored: no new call of this pass starts, and the calls already under
      // way record what they did. After it, nothing of this pass writes to the journal, so a pass
      // that resumes the run (here or in another process) never races with this one.
      stopped = true;
      pausingCalls.incrementAndGet();
      try {
        awaitCallsUnderWay();
      } finally {
        pausingCalls.decrementAndGet();
      }
    }
    boolean recorded;
    try {
      recorded = uninterrupted(() -> store.record(entry));
    } catch (ValueTooLargeException e) {
      throw fail("JournalError", e.getMessage());
    }
    if (!recorded) {
      throw stop();
    }
    synchronized (this) {
      newCalls.add(qualified + "(" + brief(input) + ")");
    }
    if (gated) {
      pausedAt = new PendingCall(execution.id(), seq, connector.name(), tool.name(), input);
      throw new AbortExecutionException(PAUSED, qualified + " needs a person's approval; the run is paused.");
    }
    return execute(connector, tool, entry);
  }

  /** A call approved since the last pass: it runs now, and the move is stored before it runs. */
  private CompletionStage<JsonNode> approved(RuntimeConnector connector, ToolDescriptor tool, JournalEntry entry) {
    if (!uninterrupted(() -> store.update(execution.id(), entry.seq(), EntryState.PENDING, EntryState.EXECUTING, null, null))) {
      throw stop();
    }
    return execute(connector, tool, entry);
  }

  /** An entry left EXECUTING: the process that ran the call stopped before recording its result. */
  private CompletionStage<JsonNode> afterCrash(RuntimeConnector connector, ToolDescriptor tool, JournalEntry entry) {
    if (tool.replay() == Replay.REEXECUTE) {
      return execute(connector, tool, entry);
    }
    throw fail("InterruptedCall", String.format(
        "%s.%s (call #%d, input %s) was running when the process running this run stopped, and its result"
            + " was never recorded. It may or may not have taken effect, and the tool is not idempotent"
            + " (replay = RECORD), so it is not run again. Check its effect, then start a new run.",
        entry.connector(), entry.tool(), entry.seq(), brief(entry.input())));
  }

  /** Calls the connector's tool, with no journaling; a throw becomes a failed stage. */
  private static CompletableFuture<JsonNode> runTool(RuntimeConnector connector, ToolDescriptor tool, JsonNode input) {
    try {
      return connector.provider().call(tool.name(), input).toCompletableFuture();
    } catch (Exception e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /** Runs the call of an EXECUTING entry and records its result or failure in the entry. */
  private CompletionStage<JsonNode> execute(RuntimeConnector connector, ToolDescriptor tool, JournalEntry entry) {
    CompletableFuture<JsonNode> call = runTool(connector, tool, entry.input());
    boolean keepResult = tool.replay() != Replay.REEXECUTE;
    // The journal is written by `recorded`, which nothing outside this pass can cancel: the
    // executor cancels the stage it was given (a copy) when the execution ends, and the result of
    // a call that ran must still be recorded.
    CompletableFuture<JsonNode> recorded = call.handle((value, error) -> {
      if (error != null) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        uninterrupted(() -> store.update(execution.id(), entry.seq(), EntryState.EXECUTING, EntryState.ERROR, null, message));
        throw error instanceof CompletionException completion ? completion : new CompletionException(error);
      }
      try {
        uninterrupted(() -> store.update(execution.id(), entry.seq(), EntryState.EXECUTING, EntryState.APPLIED,
            keepResult ? value : null, null));
      } catch (ValueTooLargeException e) {
        uninterrupted(() -> store.update(execution.id(), entry.seq(), EntryState.EXECUTING, EntryState.ERROR, null,
            e.getMessage()));
        throw fail("JournalError", e.getMessage());
      }
      return value;
    });
    inFlight.add(recorded);
    recorded.whenComplete((value, error) -> inFlight.remove(recorded));
    return recorded.thenApply(value -> value);
  }

  // ---- codemode.step and codemode.now ---------------------------------------------------------

  /** Runs one of the SDK's journal operations, counted like a tool call (see {@link #call}). */
  JsonNode counted(java.util.function.Supplier<JsonNode> operation) {
    activeCalls.incrementAndGet();
    try {
      return operation.get();
    } finally {
      activeCalls.decrementAndGet();
    }
  }

  /** Starts a step: its recorded value on replay, else the seq to record its value under. */
  JsonNode stepBegin(JsonNode input) {
    refuseWhenStopped();
    JsonCodec codec = JsonCodec.defaults();
    String name = input.path("name").asString("");
    JsonNode stepInput = codec.nodes().objectNode().put("name", name);
    JournalEntry entry = claim(key(CodemodeRuntime.SDK_NAMESPACE, STEP, stepInput));
    var decision = codec.nodes().objectNode();
    if (entry != null && entry.state() == EntryState.APPLIED) {
      decision.put("replay", true);
      boolean undefined = entry.result() == null || entry.result().isMissingNode();
      decision.put("undefined", undefined);
      decision.set("value", undefined ? NullNode.getInstance() : entry.result());
      return decision;
    }
    int seq;
    if (entry != null && entry.state() == EntryState.EXECUTING) {
      seq = entry.seq(); // the step did not finish last time: it runs again
    } else {
      seq = nextSeq.getAndIncrement();
      JournalEntry fresh = new JournalEntry(execution.id(), seq, CodemodeRuntime.SDK_NAMESPACE, STEP, stepInput,
          null, false, EntryState.EXECUTING, null, runtime.now());
      if (!uninterrupted(() -> store.record(fresh))) {
        throw stop();
      }
    }
    decision.put("replay", false);
    decision.put("seq", seq);
    return decision;
  }

  /** Records a step's value. */
  JsonNode stepEnd(JsonNode input) {
    refuseWhenStopped();
    JsonNode value = input.path("undefined").asBoolean(false) ? MissingNode.getInstance() : input.path("value");
    try {
      uninterrupted(() -> store.update(execution.id(), input.path("seq").asInt(), EntryState.EXECUTING, EntryState.APPLIED,
          value, null));
    } catch (ValueTooLargeException e) {
      throw fail("JournalError", e.getMessage());
    }
    return NullNode.getInstance();
  }

  /** The host's time, recorded once and replayed. */
  JsonNode now() {
    refuseWhenStopped();
    JsonNode none = JsonCodec.defaults().nodes().objectNode();
    JournalEntry entry = claim(key(CodemodeRuntime.SDK_NAMESPACE, NOW, none));
    if (entry != null && entry.state() == EntryState.APPLIED) {
      return entry.result();
    }
    JsonNode time = JsonCodec.defaults().nodes().numberNode(runtime.now().toEpochMilli());
    int seq = entry != null ? entry.seq() : nextSeq.getAndIncrement();
    if (entry == null && !uninterrupted(() -> store.record(new JournalEntry(execution.id(), seq,
        CodemodeRuntime.SDK_NAMESPACE, NOW, none, null, false, EntryState.EXECUTING, null, runtime.now())))) {
      throw stop();
    }
    uninterrupted(() -> store.update(execution.id(), seq, EntryState.EXECUTING, EntryState.APPLIED, time, null));
    return time;
  }

  // ---- ending the pass ------------------------------------------------------------------------

  private void refuseWhenStopped() {
    if (stopped) {
      throw stop();
    }
  }

  /** The run is not RUNNING in the store any more (paused by another call, rejected, expired). */
  private AbortExecutionException stop() {
    stopped = true;
    return new AbortExecutionException(STOPPED, "The run is no longer running; no further calls are made.");
  }

  /** Fails the run with a journal error, recorded when the pass ends. */
  private AbortExecutionException fail(String name, String message) {
    stopped = true;
    if (failure == null) {
      failure = new Outcome.Error(name, message, null, null);
    }
    return new AbortExecutionException(name, message);
  }

  /**
   * Waits (at most 30 s) until no other call of this pass is deciding, and every call that runs
   * has recorded its result. A call still running after that is left EXECUTING and handled like
   * a crash on the next pass.
   */
  private void awaitCallsUnderWay() {
    // The execution interrupts the threads of unfinished calls when its sandbox ends (a refused
    // call ends it), this one included: the wait, and the pause stored after it, must not stop
    // early, or the run would be left RUNNING with no pass owning it.
    boolean interrupted = Thread.interrupted();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (activeCalls.get() > pausingCalls.get() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(1);
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    for (CompletableFuture<?> call : List.copyOf(inFlight)) {
      while (!call.isDone() && System.nanoTime() < deadline) {
        try {
          call.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (Exception e) {
          break; // failures are recorded by the call's own handler
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Runs a journal write with the thread's interrupt flag cleared, and sets it again after. The
   * execution interrupts the threads of unfinished calls when its sandbox ends (a refused call
   * ends it); a write that records a pause or a result must still happen, or the journal would not
   * say what the tools did. An interrupt that arrives during the write makes the connection pool
   * give up before anything is written ("interrupted during connection acquisition"), so the write
   * is tried again, at most {@value #WRITE_ATTEMPTS} times.
   */
  private static <T> T uninterrupted(Supplier<T> write) {
    boolean interrupted = Thread.interrupted();
    try {
      for (int attempt = 1; ; attempt++) {
        try {
          return write.get();
        } catch (RuntimeException e) {
          if (!Thread.interrupted() || attempt == WRITE_ATTEMPTS) {
            throw e;
          }
          interrupted = true;
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Waits until no call of this pass is between its start and its decision. */
  private void awaitActiveCalls(long deadlineNanos) {
    while (activeCalls.get() > 0 && System.nanoTime() < deadlineNanos) {
      try {
        Thread.sleep(1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private Outcome conclude(ExecuteResult result) {
    // The sandbox may have ended (a refused call aborts it) while a call of this pass was still
    // deciding, such as a gated call about to store the pause: the outcome is read after it.
    awaitActiveCalls(System.nanoTime() + Duration.ofSeconds(10).toNanos());
    String id = execution.id();
    List<String> logs = result.logs();
    if (failure != null) {
      return finishWithError(failure, logs);
    }
    if (pausedAt != null) {
      return Outcome.paused(id, pausedAt, logs);
    }
    ExecutionError error = result.error();
    if (error != null && error.kind() == ExecutionError.Kind.ABORTED && STOPPED.equals(error.name())) {
      return runtime.outcomeOf(id, logs);
    }
    if (error == null) {
      List<JournalEntry> missed = missedCalls();
      if (!missed.isEmpty()) {
        return finishWithError(divergence(missed), logs);
      }
      if (!store.finish(id, ExecutionStatus.RUNNING, ExecutionStatus.COMPLETED, result.result(), null, logs)) {
        return runtime.outcomeOf(id, logs);
      }
      return Outcome.completed(id, result.result(), logs);
    }
    return finishWithError(Outcome.Error.of(error), logs);
  }

  private Outcome finishWithError(Outcome.Error error, List<String> logs) {
    if (!store.finish(execution.id(), ExecutionStatus.RUNNING, ExecutionStatus.ERROR, null, error.toJson(), logs)) {
      return runtime.outcomeOf(execution.id(), logs);
    }
    return Outcome.failed(execution.id(), error, logs);
  }

  private synchronized List<JournalEntry> missedCalls() {
    List<JournalEntry> missed = new ArrayList<>();
    for (ArrayDeque<JournalEntry> entries : unclaimed.values()) {
      for (JournalEntry entry : entries) {
        if (entry.state() != EntryState.ERROR) {
          missed.add(entry);
        }
      }
    }
    missed.sort((a, b) -> Integer.compare(a.seq(), b.seq()));
    return missed;
  }

  private synchronized Outcome.Error divergence(List<JournalEntry> missed) {
    JournalEntry first = missed.get(0);
    String instead = newCalls.isEmpty() ? "no new calls" : "new calls: " + String.join(", ", newCalls);
    return new Outcome.Error("ReplayDivergence", String.format(
        "The replay diverged from the recorded run: the recorded run called %s.%s(%s) (call #%d)%s, and this"
            + " pass did not make that call again (it made %s). A replay must make the same calls with the same"
            + " inputs: keep the code deterministic, and wrap anything that changes between runs in"
            + " codemode.step(name, fn).",
        first.connector(), first.tool(), brief(first.input()), first.seq(),
        missed.size() > 1 ? " and " + (missed.size() - 1) + " more" : "", instead), null, null);
  }

  private static String brief(JsonNode input) {
    String text = JsonCodec.defaults().toJson(input);
    return text.length() <= 200 ? text : text.substring(0, 200) + "…";
  }

  /** A tool failure recorded by an earlier pass, thrown again on replay with the same message. */
  static final class ReplayedToolFailure extends RuntimeException {
    ReplayedToolFailure(String message) {
      super(message, null, false, false);
    }
  }
}
