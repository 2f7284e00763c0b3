package dev.codemode.runtime;

import dev.codemode.annotations.Replay;
import dev.codemode.core.JsonCodec;
import dev.codemode.core.ToolDescriptor;
import dev.codemode.runtime.store.EntryState;
import dev.codemode.runtime.store.ExecutionRecord;
import dev.codemode.runtime.store.JournalEntry;
import dev.codemode.runtime.store.StoredText;
import dev.codemode.runtime.store.ValueTooLargeException;
import dev.codemode.sandbox.AbortExecutionException;
import dev.codemode.sandbox.ExecuteResult;
import dev.codemode.sandbox.ExecutionError;
import dev.codemode.sandbox.ToolProvider;
import dev.codemode.sandbox.ToolReply;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;
import org.jspecify.annotations.Nullable;

/**
 * One pass of a durable run: the run's code executed once, every call decided by the journal before
 * anything runs.
 *
 * <p>Every call the code makes is taken on the code's own thread, in the order the code made it
 * ({@link dev.codemode.sandbox.OrderedToolProvider}), and numbered: call {@code n} of every pass is
 * entry {@code n} of the journal. On a replay, call {@code n} must be the recorded call {@code n}
 * (same connector, tool and input): it is then answered from the journal (or, for an approved call,
 * run now), and any other call is refused before it runs ({@link ErrorCatalog#REPLAY_DIVERGENCE}).
 * Beyond the journal, calls are new: recorded, then run, then their result recorded. Results reach
 * the code in the order the calls were made ({@link DeliveryOrder}), so that a replay sees them in
 * the same order as the first pass, and journal writes are made one at a time in that order ({@link
 * JournalWriter}).
 *
 * <p>A new call of a tool that needs approval stops the pass: no later call is made, the calls under
 * way record their results, then the pending call and the pause are stored in one change, and the
 * sandbox ends. Nothing of a paused pass writes to the journal afterwards.
 *
 * <p>Threads: the call methods ({@link #toolCall}, {@link #stepBegin}, {@link #stepEnd}, {@link
 * #now}) run on the code's thread, one at a time; tools and journal writes run on the runtime's
 * workers; {@link #run} waits on the caller's thread.
 */
final class DurablePass {

  private static final String STEP = "step";
  private static final String NOW = "now";
  /** Tool failure messages are recorded and replayed cut to this many characters. */
  private static final int MAX_FAILURE_CHARS = 16_384;

  /** Why the pass makes no further calls. */
  private record Stop(String name, String message) {
    AbortExecutionException abort() {
      return new AbortExecutionException(name, message);
    }
  }

  private final PassContext context;
  private final ExecutionRecord execution;
  /** The journal as it stood when the pass started, by seq; null where nothing was recorded. */
  private final List<JournalEntry> recorded;
  private final JournalWriter writer;
  private final DeliveryOrder order = new DeliveryOrder();
  /** Tool calls under way: each completes once its outcome is recorded (or could not be). */
  private final Map<Long, CompletableFuture<?>> inFlight = new ConcurrentHashMap<>();
  private final AtomicLong inFlightIds = new AtomicLong();
  /** Steps begun and not ended, by seq: their EXECUTING entries. */
  private final Map<Integer, JournalEntry> openSteps = new ConcurrentHashMap<>();
  private final AtomicReference<Outcome.@Nullable Error> failure = new AtomicReference<>();
  /** The number of the next call; the code's thread only. */
  private int nextSeq;
  private volatile @Nullable Stop stop;
  /** The sandbox has ended: a call whose tool has not started by now is not started. */
  private volatile boolean ended;
  private volatile @Nullable PendingCall pausedAt;
  private volatile @Nullable CompletableFuture<Void> pausing;

  DurablePass(PassContext context, ExecutionRecord execution, List<JournalEntry> journal) {
    this.context = context;
    this.execution = execution;
    List<JournalEntry> bySeq = new ArrayList<>();
    for (JournalEntry entry : journal) {
      while (bySeq.size() <= entry.seq()) {
        bySeq.add(null);
      }
      bySeq.set(entry.seq(), entry);
    }
    this.recorded = bySeq;
    this.writer = new JournalWriter(context.workers());
  }

  /** Runs the pass and says what the run came to. */
  Outcome run() {
    List<ToolProvider> providers = new ArrayList<>();
    for (RuntimeConnector connector : context.connectors()) {
      providers.add(new JournalingConnector(this, connector, context.discovery()));
    }
    providers.add(new SdkNamespace(this, context.discovery(), execution.seed(), execution.clock()));
    ExecuteResult result = context.executor().execute(execution.code(), providers);
    return conclude(result);
  }

  // ---- tool calls -----------------------------------------------------------------------------

  /** Decides call number {@link #nextSeq} of the code: replayed, run, paused at, or refused. */
  @Nullable JsonNode toolCall(RuntimeConnector connector, ToolDescriptor tool, JsonNode input, ToolReply reply) {
    refuseWhenStopped();
    int seq = nextSeq++;
    JournalEntry entry = recorded(seq);
    if (entry != null) {
      requireMatch(entry, connector.name(), tool.name(), input);
      return replay(seq, entry, connector, tool, reply);
    }
    JournalEntry fresh = new JournalEntry(execution.id(), seq, connector.name(), tool.name(), input, null,
        tool.requiresApproval(), tool.requiresApproval() ? EntryState.PENDING : EntryState.EXECUTING, null, clockNow());
    if (tool.requiresApproval()) {
      pause(fresh, reply);
      return null;
    }
    order.expect(seq, reply);
    track(write(() -> context.journal().add(fresh), fresh, "record", true)
        .thenCompose(added -> run(seq, connector, tool, fresh)));
    return null;
  }

  /** A call the journal has: its recorded outcome in its turn, or (approved, idempotent) a run now. */
  private @Nullable JsonNode replay(int seq, JournalEntry entry, RuntimeConnector connector, ToolDescriptor tool,
      ToolReply reply) {
    switch (entry.state()) {
      case APPLIED -> {
        order.expect(seq, reply);
        if (tool.replay() == Replay.REEXECUTE) {
          // Idempotent: it runs again; its entry stays as it is.
          track(call(connector, tool, entry.input()).handle((value, error) -> {
            order.ready(seq, value, error == null ? null : new ToolFailure(failureMessage(error)));
            return null;
          }));
        } else {
          order.ready(seq, entry.result() == null ? NullNode.getInstance() : entry.result(), null);
        }
        return null;
      }
      case ERROR -> {
        order.expect(seq, reply);
        order.ready(seq, null, new ToolFailure(String.valueOf(entry.error())));
        return null;
      }
      case PENDING -> {
        // Approved since the last pass: the move is stored before the call runs.
        order.expect(seq, reply);
        JournalEntry executing = entry.with(EntryState.EXECUTING, null, null, clockNow());
        track(write(() -> context.journal().approved(entry), entry, "start the approved call", true)
            .thenCompose(started -> run(seq, connector, tool, executing)));
        return null;
      }
      case EXECUTING -> {
        if (tool.replay() != Replay.REEXECUTE) {
          throw fail(ErrorCatalog.INTERRUPTED_CALL, String.format(
              "%s.%s (call #%d, input %s) was running when the process running this run stopped (or the"
                  + " run paused before it finished), and its result was never recorded. It may or may not"
                  + " have taken effect, and the tool is not idempotent (replay = RECORD), so it is not run"
                  + " again. Check its effect, then start a new run.",
              entry.connector(), entry.tool(), seq, brief(entry.input())));
        }
        order.expect(seq, reply);
        track(run(seq, connector, tool, entry));
        return null;
      }
      default -> throw fail(ErrorCatalog.INCONSISTENT_RUN, "Call #" + seq + " (" + entry.connector() + "."
          + entry.tool() + ") is " + entry.state().wireName() + " in the journal of a run that runs: the journal"
          + " was changed by hand or by another program. The run stops here.");
    }
  }

  /**
   * Runs an EXECUTING entry's call and records its result (or failure) in the entry, then hands it
   * to the code in its turn.
   */
  private CompletableFuture<Void> run(int seq, RuntimeConnector connector, ToolDescriptor tool, JournalEntry executing) {
    boolean keepResult = tool.replay() != Replay.REEXECUTE;
    CompletableFuture<JsonNode> outcome = ended
        // Nobody waits for it any more (the code ended, or failed, before it could start), and the
        // sandbox would have stopped it too: it is recorded as not made.
        ? CompletableFuture.failedFuture(new ToolFailure("the call was not made: the code had ended before it"
            + " could start"))
        : call(connector, tool, executing.input());
    return outcome.handle((value, error) -> {
      if (error != null) {
        return new Settled(null, failureMessage(error));
      }
      return new Settled(value == null ? NullNode.getInstance() : value, null);
    }).thenCompose(settled -> write(() -> context.journal().settled(executing,
        settled.error() == null && keepResult ? settled.value() : null, settled.error()), executing, "record the result of", false)
        .thenAccept(written -> {
          String failed = settled.error();
          order.ready(seq, settled.value(), failed == null ? null : new ToolFailure(failed));
        }));
  }

  /** What a call came to, before it is recorded. */
  private record Settled(@Nullable JsonNode value, @Nullable String error) {}

  /** Calls the connector's tool on a worker; a throw becomes a failed stage. */
  private CompletableFuture<JsonNode> call(RuntimeConnector connector, ToolDescriptor tool, JsonNode input) {
    CompletableFuture<JsonNode> outcome = new CompletableFuture<>();
    try {
      context.workers().execute(() -> {
        try {
          connector.provider().call(tool.name(), input).whenComplete((value, error) -> {
            if (error != null) {
              outcome.completeExceptionally(error);
            } else {
              outcome.complete(value);
            }
          });
        } catch (Exception | Error e) {
          outcome.completeExceptionally(e);
        }
      });
    } catch (RuntimeException e) {
      outcome.completeExceptionally(e); // the workers were shut down
    }
    return outcome;
  }

  /**
   * Keeps {@code call} among the calls under way until it has completed. The stage that removes it
   * is not waited for: what the call fails with was handled where it failed.
   */
  @SuppressWarnings("FutureReturnValueIgnored")
  private void track(CompletableFuture<?> call) {
    long id = inFlightIds.incrementAndGet();
    inFlight.put(id, call);
    call.whenComplete((value, error) -> inFlight.remove(id));
  }

  // ---- pausing --------------------------------------------------------------------------------

  /**
   * A new call that needs approval: no later call is made, the calls under way record their results
   * (waiting at most the settle timeout), then the pending call and the pause are stored in one
   * change, and the call's answer ends the sandbox.
   */
  private void pause(JournalEntry pending, ToolReply reply) {
    String qualified = pending.connector() + "." + pending.tool();
    stopWith(new Stop(ErrorCatalog.PAUSED_FOR_APPROVAL, qualified + " needs a person's approval; the run is paused."));
    order.close();
    CompletableFuture<?>[] underWay = inFlight.values().toArray(CompletableFuture<?>[]::new);
    pausing = CompletableFuture.allOf(underWay)
        .handle((done, error) -> null)
        .completeOnTimeout(null, context.settleTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .thenCompose(settled -> write(() -> context.journal().pause(pending), pending, "pause the run at", true))
        .handle((paused, error) -> {
          writer.close();
          if (error == null) {
            pausedAt = new PendingCall(execution.id(), pending.seq(), pending.connector(), pending.tool(), pending.input());
          }
          Stop reason = stop;
          reply.failure(reason != null ? reason.abort()
              : new AbortExecutionException(ErrorCatalog.PAUSED_FOR_APPROVAL, "the run is paused"));
          return null;
        });
  }

  // ---- codemode.step and codemode.now ---------------------------------------------------------

  /**
   * Starts a step: its recorded outcome on replay ({@code {replay: true, value, undefined,
   * failed}}), else the seq to record it under ({@code {replay: false, seq}}). Every key is always
   * there, so nothing of Object.prototype can stand in for one.
   */
  JsonNode stepBegin(String name) {
    refuseWhenStopped();
    int seq = nextSeq++;
    ObjectNode stepInput = JsonCodec.defaults().nodes().objectNode().put("name", name);
    ObjectNode decision = JsonCodec.defaults().nodes().objectNode();
    decision.put("replay", false).put("seq", seq).put("undefined", false).putNull("value").putNull("failed");
    JournalEntry entry = recorded(seq);
    if (entry != null) {
      requireMatch(entry, SdkNamespace.NAMESPACE, STEP, stepInput);
      switch (entry.state()) {
        case APPLIED -> {
          boolean undefined = entry.result() == null || entry.result().isMissingNode();
          decision.put("replay", true).put("undefined", undefined);
          decision.set("value", undefined ? NullNode.getInstance() : entry.result());
          return decision;
        }
        case ERROR -> {
          decision.put("replay", true);
          decision.set("failed", stepFailure(entry.error()));
          return decision;
        }
        case EXECUTING -> {
          // Begun and never ended by an earlier pass: the step runs again.
          openSteps.put(seq, entry);
          return decision;
        }
        default -> throw fail(ErrorCatalog.INCONSISTENT_RUN, "Step #" + seq + " (" + name + ") is "
            + entry.state().wireName() + " in the journal of a run that runs. The run stops here.");
      }
    }
    JournalEntry fresh = new JournalEntry(execution.id(), seq, SdkNamespace.NAMESPACE, STEP, stepInput, null, false,
        EntryState.EXECUTING, null, clockNow());
    openSteps.put(seq, fresh);
    writeLater(() -> context.journal().add(fresh), fresh, "record", true);
    return decision;
  }

  /**
   * Ends step {@code seq}: records its value ({@code {seq, value, undefined}}) or its failure
   * ({@code {seq, error: {name, message}}}), and gives back the value as recorded. Only a step this
   * pass began and has not ended can end, once.
   */
  JsonNode stepEnd(JsonNode input) {
    refuseWhenStopped();
    int seq = input.path("seq").isInt() ? input.path("seq").asInt() : -1;
    JournalEntry executing = openSteps.remove(seq);
    if (executing == null) {
      throw new IllegalArgumentException("codemode.step: no step #" + seq + " is running in this pass; a step"
          + " ends once, by the codemode.step call that began it.");
    }
    String name = executing.input().path("name").asString();
    if (input.has("error")) {
      String failed = JsonCodec.defaults().toJson(stepFailure(JsonCodec.defaults().toJson(input.get("error"))));
      writeLater(() -> context.journal().settled(executing, null, failed), executing, "record the failure of", false);
      return NullNode.getInstance();
    }
    boolean undefined = input.path("undefined").asBoolean(false);
    JsonNode value = undefined ? MissingNode.getInstance() : input.path("value");
    long bytes = jsonBytes(value);
    if (bytes > context.maxValueBytes()) {
      throw fail(ErrorCatalog.JOURNAL_ERROR, String.format("The value of codemode.step(\"%s\") is %,d bytes of JSON;"
          + " the store keeps at most %,d. Return less from the step (a summary, or an id to look the data up by).",
          name, bytes, context.maxValueBytes()));
    }
    writeLater(() -> context.journal().settled(executing, value, null), executing, "record the value of", false);
    ObjectNode recordedValue = JsonCodec.defaults().nodes().objectNode().put("undefined", undefined);
    recordedValue.set("value", undefined ? NullNode.getInstance() : value);
    return recordedValue;
  }

  /** A recorded step failure as {@code {name, message}}, whatever text the entry holds. */
  private static ObjectNode stepFailure(@Nullable String text) {
    ObjectNode failed = JsonCodec.defaults().nodes().objectNode();
    JsonNode parsed;
    try {
      parsed = text == null ? null : JsonCodec.defaults().parse(text);
    } catch (RuntimeException e) {
      parsed = null;
    }
    String name = parsed != null && parsed.path("name").isString() ? parsed.path("name").asString() : ErrorCatalog.ERROR;
    String message = parsed != null && parsed.path("message").isString() ? parsed.path("message").asString()
        : String.valueOf(text);
    failed.put("name", cut(name, 200));
    failed.put("message", cut(message, MAX_FAILURE_CHARS));
    return failed;
  }

  /** The host's time, recorded once and replayed. */
  JsonNode now() {
    refuseWhenStopped();
    int seq = nextSeq++;
    JsonNode none = JsonCodec.defaults().nodes().objectNode();
    JournalEntry entry = recorded(seq);
    if (entry != null) {
      requireMatch(entry, SdkNamespace.NAMESPACE, NOW, none);
      if (entry.state() == EntryState.APPLIED && entry.result() != null) {
        return entry.result();
      }
      throw fail(ErrorCatalog.INCONSISTENT_RUN, "codemode.now (call #" + seq + ") is " + entry.state().wireName()
          + " in the journal, without a recorded time. The run stops here.");
    }
    java.time.Instant at = clockNow();
    JsonNode time = JsonCodec.defaults().nodes().numberNode(at.toEpochMilli());
    JournalEntry fresh = new JournalEntry(execution.id(), seq, SdkNamespace.NAMESPACE, NOW, none, time, false,
        EntryState.APPLIED, null, at);
    writeLater(() -> context.journal().add(fresh), fresh, "record", true);
    return time;
  }

  // ---- journal writes -------------------------------------------------------------------------

  /**
   * Queues a journal write; a write whose condition did not hold, or that failed, fails the run with
   * an error that says which call and why. Never silent: the stage fails too, so that nothing
   * queued on it runs. A value the store cannot keep fails the run too: before the call, the call
   * is not made; after it, {@code entry} (the call's EXECUTING entry) is recorded as failed with why.
   *
   * <p>The verdict is part of the write: the run has failed before the write's turn ends, so a pass
   * that waits for the writer to drain sees every failure.
   */
  private CompletableFuture<Boolean> write(Supplier<Boolean> change, JournalEntry entry, String what,
      boolean beforeTheCall) {
    return writer.submit(() -> {
      boolean done;
      try {
        done = change.get();
      } catch (ValueTooLargeException tooLarge) {
        String why = String.valueOf(tooLarge.getMessage());
        if (beforeTheCall) {
          failAndEnd(ErrorCatalog.JOURNAL_ERROR, why + ". The call was not made.");
        } else {
          // The call ran (a tool, a step), but its value cannot be kept: the run fails, and the entry says why.
          failAndEnd(ErrorCatalog.JOURNAL_ERROR, why);
          recordFailure(entry, why);
        }
        throw tooLarge;
      } catch (RuntimeException | Error e) {
        failAndEnd(ErrorCatalog.JOURNAL_ERROR, "Could not " + what + " call #" + entry.seq() + " (" + entry.connector()
            + "." + entry.tool() + ") in the journal: " + e.getMessage());
        throw e;
      }
      if (!done) {
        failAndEnd(lostWrite(entry, what, beforeTheCall));
        throw new IllegalStateException("lost journal write");
      }
      return true;
    });
  }

  /** Records why an executing call failed, in the writer's turn that found out; the run fails already. */
  private void recordFailure(JournalEntry executing, String why) {
    try {
      context.journal().settled(executing, null, why);
    } catch (RuntimeException e) {
      // the entry stays EXECUTING: the next pass treats it like a call cut short by a crash
    }
  }

  /**
   * {@link #write}, when nothing waits for the write: its failure fails the run all the same, and
   * later writes of the pass are queued behind it.
   */
  @SuppressWarnings("FutureReturnValueIgnored")
  private void writeLater(Supplier<Boolean> change, JournalEntry entry, String what, boolean beforeTheCall) {
    write(change, entry, what, beforeTheCall);
  }

  /** Why a write whose condition did not hold lost: the run stopped, or someone else changed the entry. */
  private Outcome.Error lostWrite(JournalEntry entry, String what, boolean beforeTheCall) {
    String call = "call #" + entry.seq() + " (" + entry.connector() + "." + entry.tool() + ")";
    boolean running = context.journal().store().execution(execution.id())
        .map(record -> record.status() == dev.codemode.runtime.store.ExecutionStatus.RUNNING).orElse(false);
    if (!running) {
      return new Outcome.Error(ErrorCatalog.RUN_STOPPED, "The run is no longer running (it was rejected, expired"
          + " or ended elsewhere), so " + call + " was not " + (beforeTheCall ? "made" : "recorded")
          + ". No further calls are made.", null, null);
    }
    return new Outcome.Error(ErrorCatalog.JOURNAL_CONFLICT, "Could not " + what + " " + call + ": the journal"
        + " entry was not in the state this pass left it in, so another writer changed it. The run stops, and the"
        + " journal keeps what the other writer wrote; check the call's effect before running it again.", null, null);
  }

  // ---- stopping -------------------------------------------------------------------------------

  private void refuseWhenStopped() {
    Stop current = stop;
    if (current != null) {
      throw current.abort();
    }
  }

  private void stopWith(Stop reason) {
    if (stop == null) {
      stop = reason;
    }
  }

  /** Fails the run with {@code name}: no further call is made; the error is recorded when the pass ends. */
  private AbortExecutionException fail(String name, String message) {
    Outcome.Error error = new Outcome.Error(name, message, null, null);
    failure.compareAndSet(null, error);
    Stop reason = new Stop(name, message);
    stopWith(reason);
    order.close();
    Stop current = stop;
    return (current != null ? current : reason).abort();
  }

  /** Fails the run from a worker thread, and ends the sandbox through the calls that wait. */
  private void failAndEnd(String name, String message) {
    failAndEnd(new Outcome.Error(name, message, null, null));
  }

  private void failAndEnd(Outcome.Error error) {
    AbortExecutionException abort = fail(error.name(), error.message());
    order.abortWaiting(abort);
  }

  // ---- ending the pass ------------------------------------------------------------------------

  private Outcome conclude(ExecuteResult result) {
    String id = execution.id();
    List<String> logs = result.logs();
    CompletableFuture<Void> paused = pausing;
    // A pause lets the calls made before it run and record; any other end starts nothing more.
    ended = paused == null;
    long settle = context.settleTimeout().toMillis();
    if (paused != null) {
      // The pause waits for the calls under way (at most the settle timeout), then is written.
      await(paused, 2 * settle);
    } else {
      // Calls the code did not wait for (or left when it failed) still record what they did.
      await(CompletableFuture.allOf(inFlight.values().toArray(CompletableFuture<?>[]::new)), settle);
    }
    await(writer.drained(), settle);
    Outcome.Error failed = failure.get();
    if (failed != null) {
      return finishWithError(failed, logs);
    }
    PendingCall pendingCall = pausedAt;
    if (pendingCall != null) {
      return Outcome.paused(id, pendingCall, logs);
    }
    if (paused != null) {
      // The pause could not be stored: the run is no longer ours.
      return context.outcomes().of(id, logs);
    }
    ExecutionError error = result.error();
    if (error != null) {
      return finishWithError(Outcome.Error.of(error), logs);
    }
    List<JournalEntry> missed = new ArrayList<>();
    for (int seq = nextSeq; seq < recorded.size(); seq++) {
      JournalEntry entry = recorded.get(seq);
      if (entry != null && entry.state() != EntryState.REVERTED) {
        missed.add(entry);
      }
    }
    if (!missed.isEmpty()) {
      JournalEntry first = missed.get(0);
      return finishWithError(new Outcome.Error(ErrorCatalog.REPLAY_DIVERGENCE, String.format(
          "The replay diverged from the recorded run: the recorded run made call #%d, %s.%s(%s)%s, and this pass"
              + " ended after %d calls without making it. A replay must make the same calls with the same inputs in"
              + " the same order: keep the code deterministic, and wrap anything that changes between runs in"
              + " codemode.step(name, fn).",
          first.seq(), first.connector(), first.tool(), brief(first.input()),
          missed.size() > 1 ? " and " + (missed.size() - 1) + " more" : "", nextSeq), null, null), logs);
    }
    if (!context.journal().complete(id, result.result(), logs)) {
      return context.outcomes().of(id, logs);
    }
    return Outcome.completed(id, result.result(), logs);
  }

  private Outcome finishWithError(Outcome.Error error, List<String> logs) {
    if (!context.journal().fail(execution.id(), error, logs)) {
      return context.outcomes().of(execution.id(), logs);
    }
    return Outcome.failed(execution.id(), error, logs);
  }

  /** Waits for {@code stage} at most {@code millis}; what it failed with was handled where it failed. */
  private static void await(CompletableFuture<?> stage, long millis) {
    try {
      stage.get(millis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
      // a call still running after the wait is left EXECUTING: the next pass treats it like a crash
    }
  }

  // ---- helpers --------------------------------------------------------------------------------

  private @Nullable JournalEntry recorded(int seq) {
    return seq < recorded.size() ? recorded.get(seq) : null;
  }

  /** Refuses, before it runs, a call that is not the recorded call {@code seq}. */
  private void requireMatch(JournalEntry entry, String connector, String tool, JsonNode input) {
    if (entry.connector().equals(connector) && entry.tool().equals(tool)
        && CanonicalJson.of(entry.input()).equals(CanonicalJson.of(input))) {
      return;
    }
    throw fail(ErrorCatalog.REPLAY_DIVERGENCE, String.format(
        "The replay diverged from the recorded run at call #%d: the recorded run called %s.%s(%s) there, and this"
            + " pass called %s.%s(%s) instead, which was not run. A replay must make the same calls with the same"
            + " inputs in the same order: keep the code deterministic, wrap anything that changes between runs in"
            + " codemode.step(name, fn), and call tools outside step functions.",
        entry.seq(), entry.connector(), entry.tool(), brief(entry.input()), connector, tool, brief(input)));
  }

  private java.time.Instant clockNow() {
    return context.clock().get();
  }

  /** The message a tool failure is recorded and replayed with: the same text on every pass. */
  static String failureMessage(Throwable error) {
    Throwable cause = unwrap(error);
    if (cause instanceof java.util.concurrent.CancellationException) {
      return "the call was cancelled";
    }
    String message = cause.getMessage();
    if (message == null || message.isBlank()) {
      // The words of the sandbox for a tool that gave no message: model code never sees Java class names.
      message = "the tool failed and gave no reason";
    }
    return cut(StoredText.clean(message), MAX_FAILURE_CHARS);
  }

  private static Throwable unwrap(Throwable error) {
    Throwable cause = error;
    while ((cause instanceof CompletionException || cause instanceof java.util.concurrent.ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  private static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max) + "… [cut: the text has " + text.length() + " characters]";
  }

  private static long jsonBytes(JsonNode value) {
    return value.isMissingNode() ? 9 : JsonCodec.defaults().toJson(value).getBytes(StandardCharsets.UTF_8).length;
  }

  static String brief(JsonNode input) {
    String text = JsonCodec.defaults().toJson(input);
    return text.length() <= 200 ? text : text.substring(0, 200) + "…";
  }

  /** A tool failure as the code sees it, on the first pass and on every replay alike. */
  static final class ToolFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ToolFailure(String message) {
      super(message, null, false, false);
    }
  }
}
