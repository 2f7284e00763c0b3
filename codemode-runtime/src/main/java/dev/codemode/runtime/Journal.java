package dev.codemode.runtime;

import static dev.codemode.runtime.store.EntryState.APPLIED;
import static dev.codemode.runtime.store.EntryState.ERROR;
import static dev.codemode.runtime.store.EntryState.EXECUTING;
import static dev.codemode.runtime.store.EntryState.PENDING;
import static dev.codemode.runtime.store.EntryState.REVERTED;
import static dev.codemode.runtime.store.ExecutionStatus.COMPLETED;
import static dev.codemode.runtime.store.ExecutionStatus.PAUSED;
import static dev.codemode.runtime.store.ExecutionStatus.REJECTED;
import static dev.codemode.runtime.store.ExecutionStatus.ROLLED_BACK;
import static dev.codemode.runtime.store.ExecutionStatus.RUNNING;

import dev.codemode.runtime.store.EntryState;
import dev.codemode.runtime.store.ExecutionRecord;
import dev.codemode.runtime.store.ExecutionStatus;
import dev.codemode.runtime.store.ExecutionStore;
import dev.codemode.runtime.store.JournalEntry;
import dev.codemode.runtime.store.StoreChange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

/**
 * The journal state machine: the only code that moves runs and their journal entries from state to
 * state. The legal moves are the tables below; every move is checked against them before the store
 * is asked, and made as one compare-and-set on the state the caller saw, so that a move that lost a
 * race changes nothing and says so.
 *
 * <p>Runs: a run starts RUNNING; a pass pauses it (with its pending entry, in one change), completes
 * it or fails it; an approval resumes a paused run; a rejection or expiry ends a paused one; an
 * expiry fails one whose process died; a rollback ends any run that is not running.
 *
 * <p>Entries: a call starts EXECUTING (it is about to run), PENDING (it waits for approval, and the
 * run pauses) or APPLIED (a value known when it is recorded: {@code codemode.now}). An executing call
 * becomes APPLIED or ERROR; an approved one EXECUTING; a rejected or expired one REVERTED; a rollback
 * makes an applied one REVERTED.
 */
final class Journal {

  /** The status every run starts in. */
  static final ExecutionStatus RUN_START = RUNNING;
  /** The legal moves of a run. */
  static final Map<ExecutionStatus, Set<ExecutionStatus>> RUN_MOVES = runMoves();
  /** The states an entry may start in. */
  static final Set<EntryState> ENTRY_STARTS = EnumSet.of(EXECUTING, PENDING, APPLIED);
  /** The legal moves of an entry. */
  static final Map<EntryState, Set<EntryState>> ENTRY_MOVES = entryMoves();

  static final String EXPIRED_PAUSED = "Expired awaiting approval";
  static final String EXPIRED_RUNNING = "Expired while running: the process never finished the pass";

  private static Map<ExecutionStatus, Set<ExecutionStatus>> runMoves() {
    Map<ExecutionStatus, Set<ExecutionStatus>> moves = new EnumMap<>(ExecutionStatus.class);
    moves.put(RUNNING, EnumSet.of(PAUSED, COMPLETED, ExecutionStatus.ERROR));
    moves.put(PAUSED, EnumSet.of(RUNNING, REJECTED, ROLLED_BACK));
    moves.put(COMPLETED, EnumSet.of(ROLLED_BACK));
    moves.put(ExecutionStatus.ERROR, EnumSet.of(ROLLED_BACK));
    moves.put(REJECTED, EnumSet.of(ROLLED_BACK));
    moves.put(ROLLED_BACK, EnumSet.of(ROLLED_BACK)); // a second rollback, of what failed to revert before
    return moves;
  }

  private static Map<EntryState, Set<EntryState>> entryMoves() {
    Map<EntryState, Set<EntryState>> moves = new EnumMap<>(EntryState.class);
    moves.put(EXECUTING, EnumSet.of(APPLIED, ERROR));
    moves.put(PENDING, EnumSet.of(EXECUTING, REVERTED));
    moves.put(APPLIED, EnumSet.of(REVERTED));
    moves.put(ERROR, EnumSet.noneOf(EntryState.class));
    moves.put(REVERTED, EnumSet.noneOf(EntryState.class));
    return moves;
  }

  /** Whether a run may move from {@code from} to {@code to}. */
  static boolean canMove(ExecutionStatus from, ExecutionStatus to) {
    return RUN_MOVES.getOrDefault(from, Set.of()).contains(to);
  }

  /** Whether an entry may move from {@code from} to {@code to}. */
  static boolean canMove(EntryState from, EntryState to) {
    return ENTRY_MOVES.getOrDefault(from, Set.of()).contains(to);
  }

  private final ExecutionStore store;

  Journal(ExecutionStore store) {
    this.store = store;
  }

  ExecutionStore store() {
    return store;
  }

  // ---- runs ---------------------------------------------------------------------------------

  /** Stores a new run, which starts RUNNING. */
  void begin(ExecutionRecord execution) {
    if (execution.status() != RUN_START) {
      throw illegal("a run starts " + RUN_START + ", not " + execution.status());
    }
    store.createExecution(execution);
  }

  /** An approval: a paused run runs again. */
  boolean resume(String executionId) {
    return store.apply(move(executionId, PAUSED, RUNNING));
  }

  /** A pass completed the run. */
  boolean complete(String executionId, @Nullable JsonNode result, List<String> logs) {
    return store.apply(end(executionId, RUNNING, COMPLETED, new StoreChange.Ending(result, null, logs), null));
  }

  /** A pass failed the run. */
  boolean fail(String executionId, Outcome.Error error, List<String> logs) {
    return store.apply(end(executionId, RUNNING, ExecutionStatus.ERROR,
        new StoreChange.Ending(null, error.toJson(), logs), null));
  }

  /**
   * A person rejected the call a paused run waits for: the entry is REVERTED and the run REJECTED,
   * in one change, so neither can happen without the other.
   */
  boolean reject(JournalEntry pending, Outcome.Error error) {
    return store.apply(
        end(pending.executionId(), PAUSED, REJECTED, new StoreChange.Ending(null, error.toJson(), null), null),
        entryMove(pending, REVERTED, null, "rejected by a person"));
  }

  /** A rollback undid some of the run's calls: the run ends ROLLED_BACK. */
  boolean rolledBack(String executionId, ExecutionStatus from) {
    return store.apply(move(executionId, from, ROLLED_BACK));
  }

  /**
   * Ends the runs of {@code runtime} left untouched since {@code cutoff}: a paused one as REJECTED
   * ({@value #EXPIRED_PAUSED}, its pending call REVERTED), a running one as ERROR ({@value
   * #EXPIRED_RUNNING}: its process died). Each end holds only for a run still untouched, so a
   * second sweep, or a run that an approval just resumed, changes nothing.
   *
   * @return the ids of the runs that ended
   */
  List<String> expire(String runtime, Instant cutoff) {
    List<String> expired = new ArrayList<>();
    for (ExecutionRecord execution : store.untouchedSince(runtime, EnumSet.of(PAUSED, RUNNING), cutoff)) {
      boolean paused = execution.status() == PAUSED;
      Outcome.Error error = new Outcome.Error(ErrorCatalog.EXPIRED, paused ? EXPIRED_PAUSED : EXPIRED_RUNNING,
          null, null);
      List<StoreChange> changes = new ArrayList<>();
      changes.add(end(execution.id(), execution.status(), paused ? REJECTED : ExecutionStatus.ERROR,
          new StoreChange.Ending(null, error.toJson(), null), cutoff));
      if (paused) {
        for (JournalEntry entry : store.journal(execution.id())) {
          if (entry.state() == PENDING) {
            changes.add(entryMove(entry, REVERTED, null, EXPIRED_PAUSED));
          }
        }
      }
      if (store.apply(changes)) {
        expired.add(execution.id());
      }
    }
    return expired;
  }

  // ---- entries ------------------------------------------------------------------------------

  /** Records a new call of a running run: EXECUTING (about to run) or APPLIED (a value known now). */
  boolean add(JournalEntry entry) {
    if (entry.state() != EXECUTING && entry.state() != APPLIED) {
      throw illegal("a call is recorded EXECUTING or APPLIED, not " + entry.state()
          + " (a PENDING one pauses the run: pause)");
    }
    return store.apply(move(entry.executionId(), RUNNING, RUNNING), new StoreChange.AddEntry(entry));
  }

  /** Records a call that waits for approval, and pauses its run, in one change. */
  boolean pause(JournalEntry pending) {
    if (pending.state() != PENDING) {
      throw illegal("a run pauses at a PENDING call, not " + pending.state());
    }
    return store.apply(move(pending.executionId(), RUNNING, PAUSED), new StoreChange.AddEntry(pending));
  }

  /** An approved call is about to run; only while its run runs. */
  boolean approved(JournalEntry pending) {
    return store.apply(move(pending.executionId(), RUNNING, RUNNING), entryMove(pending, EXECUTING, null, null));
  }

  /** A call that ran: APPLIED with its result, or ERROR with why it failed. */
  boolean settled(JournalEntry executing, @Nullable JsonNode result, @Nullable String error) {
    return store.apply(entryMove(executing, error == null ? APPLIED : ERROR, result, error));
  }

  /** A rollback undid an applied call; the entry keeps its result. */
  boolean revert(JournalEntry applied) {
    return store.apply(entryMove(applied, REVERTED, applied.result(), applied.error()));
  }

  // ---- the checked changes ------------------------------------------------------------------

  private static StoreChange move(String executionId, ExecutionStatus from, ExecutionStatus to) {
    if (from != to || from != RUNNING) {
      check(from, to);
    }
    return new StoreChange.MoveExecution(executionId, Set.of(from), to);
  }

  private static StoreChange end(
      String executionId, ExecutionStatus from, ExecutionStatus to, StoreChange.Ending ending,
      @Nullable Instant untouchedSince) {
    check(from, to);
    return new StoreChange.MoveExecution(executionId, Set.of(from), to, ending, untouchedSince);
  }

  private static StoreChange entryMove(JournalEntry entry, EntryState to, @Nullable JsonNode result,
      @Nullable String error) {
    if (!canMove(entry.state(), to)) {
      throw illegal("a call moves from " + entry.state() + " to " + ENTRY_MOVES.get(entry.state()) + ", not to " + to);
    }
    return new StoreChange.MoveEntry(entry.executionId(), entry.seq(), entry.state(), to, result, error);
  }

  private static void check(ExecutionStatus from, ExecutionStatus to) {
    if (!canMove(from, to)) {
      throw illegal("a run moves from " + from + " to " + RUN_MOVES.get(from) + ", not to " + to);
    }
  }

  private static IllegalStateException illegal(String move) {
    return new IllegalStateException("Illegal journal move: " + move + ". This is a bug in codemode-runtime.");
  }
}
