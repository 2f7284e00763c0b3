package dev.codemode.runtime.store;

import dev.codemode.core.JsonCodec;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Two racers on one store: each moves the same PENDING entries to EXECUTING and records the same
 * seqs, and reports what it won. Run in-process by the tests, and as the main class of a second JVM
 * for the race between processes on one SQLite file.
 */
final class JournalRace {

  /** The execution whose PENDING entries both racers move to EXECUTING. */
  static final String APPROVED = "exec_race_approved";
  /** The RUNNING execution in which both racers record the same seqs. */
  static final String RECORDED = "exec_race_recorded";

  private JournalRace() {}

  /** Creates both executions: {@link #APPROVED} with {@code calls} PENDING entries, {@link #RECORDED} empty. */
  static void prepare(ExecutionStore store, int calls, TestClock clock) {
    store.createExecution(execution(APPROVED, clock));
    for (int seq = 0; seq < calls; seq++) {
      if (!store.apply(running(APPROVED, ExecutionStatus.PAUSED), new StoreChange.AddEntry(
              entry(APPROVED, seq, EntryState.PENDING, "setup", clock)))
          || !store.apply(new StoreChange.MoveExecution(APPROVED, Set.of(ExecutionStatus.PAUSED), ExecutionStatus.RUNNING))) {
        throw new IllegalStateException("could not prepare pending entry " + seq);
      }
    }
    store.createExecution(execution(RECORDED, clock));
  }

  /**
   * Races through every seq once, in an order of its own, so that both racers win some and meet on
   * others at any moment; the lines {@code update <seq>} and {@code record <seq>} it won.
   *
   * <p>Each step is followed by a pause of a millisecond, as a tool call runs between two journal
   * writes. Without it, two processes writing back to back let one starve the other for a while:
   * SQLite's busy handler polls instead of queueing, so the waiter seldom finds the lock free.
   */
  static List<String> race(ExecutionStore store, int calls, String racer) throws InterruptedException {
    List<Integer> order = new ArrayList<>(IntStream.range(0, calls).boxed().toList());
    Collections.shuffle(order, new Random(racer.hashCode()));
    List<String> won = new ArrayList<>();
    for (int seq : order) {
      if (store.apply(new StoreChange.MoveEntry(APPROVED, seq, EntryState.PENDING, EntryState.EXECUTING, null, null))) {
        won.add("update " + seq);
      }
      Thread.sleep(1);
      if (record(store, entry(RECORDED, seq, EntryState.EXECUTING, racer, java.time.Clock.systemUTC()))) {
        won.add("record " + seq);
      }
      Thread.sleep(1);
    }
    return won;
  }

  /** Runs the store's read and write paths on an execution of its own, so a new JVM races at full speed. */
  static void warmUp(ExecutionStore store, String racer) {
    String id = "exec_warm_up_" + racer;
    store.createExecution(execution(id, java.time.Clock.systemUTC()));
    for (int seq = 0; seq < 100; seq++) {
      record(store, entry(id, seq, EntryState.EXECUTING, racer, java.time.Clock.systemUTC()));
      store.apply(new StoreChange.MoveEntry(id, seq, EntryState.EXECUTING, EntryState.APPLIED, null, null));
      store.entry(id, seq);
    }
  }

  /** A move from RUNNING to {@code to}: the condition every recorded entry goes with. */
  private static StoreChange running(String id, ExecutionStatus to) {
    return new StoreChange.MoveExecution(id, Set.of(ExecutionStatus.RUNNING), to);
  }

  /** Records an entry while its execution runs, as the runtime's journal does. */
  static boolean record(ExecutionStore store, JournalEntry entry) {
    return store.apply(running(entry.executionId(), ExecutionStatus.RUNNING), new StoreChange.AddEntry(entry));
  }

  static ExecutionRecord execution(String id, java.time.Clock clock) {
    return new ExecutionRecord(id, "race", "code", ExecutionStatus.RUNNING, null, null, List.of(), Map.of(), 1, 2,
        clock.instant(), clock.instant());
  }

  static JournalEntry entry(String executionId, int seq, EntryState state, String racer, java.time.Clock clock) {
    return new JournalEntry(executionId, seq, "tasks", "create",
        JsonCodec.defaults().encode(Map.of("by", racer)), null, state == EntryState.PENDING, state, null,
        clock.instant());
  }

  /**
   * The second process: {@code JournalRace <location> <calls> <racer>}. Opens the store, prints
   * {@code ready}, waits for a line on standard input, races, and prints what it won and {@code
   * done}. Any error escapes and ends the process with a non-zero exit code.
   */
  public static void main(String[] args) throws Exception {
    try (ExecutionStore store = JdbcExecutionStore.open(args[0])) {
      warmUp(store, args[2]);
      System.out.println("ready");
      System.out.flush();
      new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
      List<String> won = race(store, Integer.parseInt(args[1]), args[2]);
      won.forEach(System.out::println);
      System.out.println("done");
    }
  }
}
