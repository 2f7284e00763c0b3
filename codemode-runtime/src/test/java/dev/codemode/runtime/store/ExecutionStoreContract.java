package dev.codemode.runtime.store;

import static com.google.common.truth.Truth.assertThat;
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
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.codemode.core.JsonCodec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.NullNode;

/**
 * The {@link ExecutionStore} contract: what every store must do for the durable runtime to be
 * correct. It runs against each store of codemode-runtime (SQLite, PostgreSQL, an in-memory store)
 * and ships in the module's test jar for other stores:
 *
 * <pre>{@code
 * class MyStoreTest extends ExecutionStoreContract {
 *   protected String newDatabase() { return ...a fresh, empty database... }
 *   protected ExecutionStore open(String database, Clock clock, int maxValueBytes) { return ... }
 * }
 * }</pre>
 *
 * with {@code dev.codemode:codemode-runtime:<version>:test-jar}, JUnit Jupiter and Truth on the test
 * class path. The store must stamp changes with the clock it is given (milliseconds kept).
 */
public abstract class ExecutionStoreContract {

  protected static final String RUNTIME = "shop";
  protected static final String OTHER_RUNTIME = "travel";
  protected static final JsonCodec JSON = JsonCodec.defaults();

  /** The clock every store of a test stamps with; the tests move it. */
  protected final TestClock clock = new TestClock();
  private final List<ExecutionStore> opened = new CopyOnWriteArrayList<>();
  /** The database of the test. */
  protected String database;
  /** A store on {@link #database} with the default size limit. */
  protected ExecutionStore store;

  /** Where a new, empty database is: a file path, a URL, a name; whatever {@link #open} takes. */
  protected abstract String newDatabase() throws Exception;

  /**
   * A store on {@code database} that stamps changes with {@code clock} and keeps values of at most
   * {@code maxValueBytes} (at least 256).
   */
  protected abstract ExecutionStore open(String database, Clock clock, int maxValueBytes);

  @BeforeEach
  void openStore() throws Exception {
    database = newDatabase();
    store = open(database, 1_000_000);
  }

  @AfterEach
  void closeStores() {
    opened.forEach(ExecutionStore::close);
    opened.clear();
  }

  /** A store on {@code database}, closed after the test. */
  protected ExecutionStore open(String database, int maxValueBytes) {
    ExecutionStore store = open(database, clock, maxValueBytes);
    opened.add(store);
    return store;
  }

  protected static JsonNode json(String text) {
    return JSON.parse(text);
  }

  protected ExecutionRecord execution(String id, String runtime, ExecutionStatus status) {
    return new ExecutionRecord(id, runtime, "await tasks.create({title: 'a'})", status, null, null, List.of(),
        Map.of("tasks", "sha256:1"), 7, 1_700_000_000_000L, clock.instant(), clock.instant());
  }

  protected ExecutionRecord running(String id) {
    ExecutionRecord execution = execution(id, RUNTIME, RUNNING);
    store.createExecution(execution);
    return execution;
  }

  protected JournalEntry entry(String executionId, int seq, EntryState state) {
    return new JournalEntry(executionId, seq, "tasks", "create", json("{\"title\":\"t" + seq + "\"}"), null,
        state == PENDING, state, null, clock.instant());
  }

  protected static StoreChange.AddEntry add(JournalEntry entry) {
    return new StoreChange.AddEntry(entry);
  }

  protected static StoreChange.MoveEntry moveEntry(String id, int seq, EntryState from, EntryState to, JsonNode result,
      String error) {
    return new StoreChange.MoveEntry(id, seq, from, to, result, error);
  }

  protected static StoreChange.MoveExecution move(String id, ExecutionStatus from, ExecutionStatus to) {
    return new StoreChange.MoveExecution(id, Set.of(from), to);
  }

  protected static StoreChange.MoveExecution end(String id, ExecutionStatus from, ExecutionStatus to, JsonNode result,
      JsonNode error, List<String> logs) {
    return new StoreChange.MoveExecution(id, Set.of(from), to, new StoreChange.Ending(result, error, logs), null);
  }

  /** Records an entry while the execution runs, as the runtime's journal does. */
  protected boolean record(ExecutionStore on, JournalEntry entry) {
    return on.apply(move(entry.executionId(), RUNNING, RUNNING), add(entry));
  }

  protected static Instant millis(Instant instant) {
    return Instant.ofEpochMilli(instant.toEpochMilli());
  }

  protected Instant updatedAt(String id) {
    return store.execution(id).orElseThrow().updatedAt();
  }

  protected ExecutionStatus status(String id) {
    return store.execution(id).orElseThrow().status();
  }

  protected EntryState state(String id, int seq) {
    return store.entry(id, seq).orElseThrow().state();
  }

  // ---- executions ---------------------------------------------------------------------------

  @Test
  void createsAndReadsAnExecution() {
    ExecutionRecord execution = new ExecutionRecord("exec_1_a", RUNTIME, "return 'ünïcødé ✓ 🚀'", COMPLETED,
        json("{\"a\":[1,2.5,\"x\"],\"b\":{\"c\":null}}"), json("{\"name\":\"Error\",\"message\":\"m\"}"),
        List.of("line 1", "line ✓ 2"), Map.of("tasks", "sha256:1", "mail", "sha256:2"), -5, 1_700_000_000_000L,
        clock.instant(), clock.instant().plusSeconds(1));
    store.createExecution(execution);
    assertThat(store.execution("exec_1_a")).hasValue(new ExecutionRecord("exec_1_a", RUNTIME, execution.code(),
        COMPLETED, execution.result(), execution.error(), execution.logs(), execution.connectors(), -5,
        1_700_000_000_000L, millis(execution.createdAt()), millis(execution.updatedAt())));
  }

  @Test
  void refusesASecondExecutionWithTheSameId() {
    running("exec_1_a");
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> store.createExecution(execution("exec_1_a", OTHER_RUNTIME, PAUSED)));
    assertThat(e).hasMessageThat().contains("exec_1_a already exists");
    assertThat(store.execution("exec_1_a").orElseThrow().runtime()).isEqualTo(RUNTIME);
  }

  @Test
  void unknownIdsChangeNothing() {
    assertThat(store.execution("nope")).isEmpty();
    assertThat(store.apply(move("nope", RUNNING, PAUSED))).isFalse();
    assertThat(store.apply(end("nope", RUNNING, COMPLETED, null, null, List.of()))).isFalse();
    assertThat(store.apply(add(entry("nope", 0, EXECUTING)))).isFalse();
    assertThat(store.apply(moveEntry("nope", 0, EXECUTING, APPLIED, null, null))).isFalse();
    assertThat(store.entry("nope", 0)).isEmpty();
    assertThat(store.journal("nope")).isEmpty();
    assertThat(store.executions("nope", 10, 0)).isEmpty();
    assertThat(store.pending("nope")).isEmpty();
    assertThat(store.untouchedSince("nope", Set.of(RUNNING, PAUSED), clock.instant().plusSeconds(1))).isEmpty();
    assertThat(store.prune("nope", 0)).isEqualTo(0);
    assertThat(store.snippet(RUNTIME, "nope")).isEmpty();
    assertThat(store.deleteSnippet(RUNTIME, "nope")).isFalse();
    assertThat(store.apply(List.of())).isTrue();
  }

  @Test
  void aMoveIsConditionalOnTheStatusAndStamps() {
    running("exec_1");
    Instant later = clock.advance(Duration.ofSeconds(5));
    assertThat(store.apply(move("exec_1", PAUSED, COMPLETED))).isFalse();
    assertThat(updatedAt("exec_1")).isEqualTo(millis(clock.instant().minusSeconds(5)));

    assertThat(store.apply(move("exec_1", RUNNING, PAUSED))).isTrue();
    assertThat(status("exec_1")).isEqualTo(PAUSED);
    assertThat(updatedAt("exec_1")).isEqualTo(millis(later));
    assertThat(store.apply(move("exec_1", RUNNING, PAUSED))).isFalse();
    assertThat(store.apply(new StoreChange.MoveExecution("exec_1", Set.of(RUNNING, PAUSED), RUNNING))).isTrue();
    assertThat(status("exec_1")).isEqualTo(RUNNING);
    // A move to the same status is a check that stamps.
    clock.advance(Duration.ofSeconds(1));
    assertThat(store.apply(move("exec_1", RUNNING, RUNNING))).isTrue();
    assertThat(updatedAt("exec_1")).isEqualTo(clock.storedNow());
  }

  @Test
  void anEndingStoresTheOutcome() {
    running("exec_1");
    clock.advance(Duration.ofSeconds(1));
    assertThat(store.apply(end("exec_1", PAUSED, COMPLETED, json("1"), null, List.of("x")))).isFalse();
    assertThat(store.apply(end("exec_1", RUNNING, COMPLETED, json("{\"ok\":true}"), null, List.of("one", "two"))))
        .isTrue();
    assertThat(store.apply(end("exec_1", RUNNING, ExecutionStatus.ERROR, null, json("{}"), List.of()))).isFalse();
    ExecutionRecord finished = store.execution("exec_1").orElseThrow();
    assertThat(finished.status()).isEqualTo(COMPLETED);
    assertThat(finished.result()).isEqualTo(json("{\"ok\":true}"));
    assertThat(finished.error()).isNull();
    assertThat(finished.logs()).containsExactly("one", "two").inOrder();
    assertThat(finished.updatedAt()).isEqualTo(clock.storedNow());
    assertThrows(IllegalArgumentException.class,
        () -> new StoreChange.MoveExecution("exec_1", Set.of(COMPLETED), PAUSED, new StoreChange.Ending(null, null, null), null));
    assertThrows(IllegalArgumentException.class, () -> new StoreChange.MoveExecution("exec_1", Set.of(), PAUSED));
  }

  @Test
  void anEndingWithoutLogsKeepsTheStoredLogs() {
    running("exec_1");
    store.apply(end("exec_1", RUNNING, COMPLETED, json("1"), null, List.of("kept")));
    assertThat(store.apply(new StoreChange.MoveExecution("exec_1", Set.of(COMPLETED), ROLLED_BACK,
        new StoreChange.Ending(null, json("{\"name\":\"RolledBack\",\"message\":\"m\"}"), null), null))).isTrue();
    ExecutionRecord execution = store.execution("exec_1").orElseThrow();
    assertThat(execution.logs()).containsExactly("kept");
    assertThat(execution.result()).isNull();
    assertThat(execution.error().get("name").asString()).isEqualTo("RolledBack");
  }

  @Test
  void listsTheExecutionsOfARuntimeNewestFirst() {
    for (int i = 0; i < 5; i++) {
      store.createExecution(execution("exec_" + i, RUNTIME, RUNNING));
      store.createExecution(execution("other_" + i, OTHER_RUNTIME, RUNNING));
      clock.advance(Duration.ofSeconds(1));
    }
    assertThat(ids(store.executions(RUNTIME, 10, 0))).containsExactly("exec_4", "exec_3", "exec_2", "exec_1", "exec_0")
        .inOrder();
    assertThat(ids(store.executions(RUNTIME, 2, 1))).containsExactly("exec_3", "exec_2").inOrder();
    assertThat(ids(store.executions(RUNTIME, 10, 5))).isEmpty();
    assertThat(ids(store.executions(OTHER_RUNTIME, 1, 0))).containsExactly("other_4");
    assertThrows(IllegalArgumentException.class, () -> store.executions(RUNTIME, -1, 0));
  }

  protected static List<String> ids(List<ExecutionRecord> executions) {
    return executions.stream().map(ExecutionRecord::id).toList();
  }

  @Test
  void pruneKeepsTheNewestTerminalExecutionsAndNeverRunningOrPausedOnes() {
    List<ExecutionStatus> statuses = List.of(COMPLETED, RUNNING, ExecutionStatus.ERROR, PAUSED, REJECTED, ROLLED_BACK,
        COMPLETED);
    for (int i = 0; i < statuses.size(); i++) {
      store.createExecution(execution("exec_" + i, RUNTIME, RUNNING));
      assertThat(record(store, entry("exec_" + i, 0, EXECUTING))).isTrue();
      store.apply(move("exec_" + i, RUNNING, statuses.get(i)));
      clock.advance(Duration.ofSeconds(1));
    }
    store.createExecution(execution("other_0", OTHER_RUNTIME, COMPLETED));

    assertThat(store.prune(RUNTIME, 2)).isEqualTo(3);
    // Terminal, newest first: 6, 5, 4, 2, 0; the newest two are kept.
    assertThat(ids(store.executions(RUNTIME, 10, 0))).containsExactly("exec_6", "exec_5", "exec_3", "exec_1").inOrder();
    assertThat(store.journal("exec_4")).isEmpty();
    assertThat(store.journal("exec_0")).isEmpty();
    assertThat(store.journal("exec_1")).hasSize(1);
    assertThat(store.prune(RUNTIME, 2)).isEqualTo(0);
    assertThat(store.prune(RUNTIME, 0)).isEqualTo(2);
    assertThat(ids(store.executions(RUNTIME, 10, 0))).containsExactly("exec_3", "exec_1").inOrder();
    assertThat(store.execution("other_0")).isPresent();
    assertThrows(IllegalArgumentException.class, () -> store.prune(RUNTIME, -1));
  }

  @Test
  void untouchedSinceFindsIdleExecutionsAndAMoveCanRequireThatNothingTouchedThem() {
    running("exec_paused");
    store.apply(move("exec_paused", RUNNING, PAUSED));
    running("exec_running");
    running("exec_done");
    store.apply(end("exec_done", RUNNING, COMPLETED, json("1"), null, List.of()));
    store.createExecution(execution("other_running", OTHER_RUNTIME, RUNNING));
    Instant cutoff = clock.advance(Duration.ofMinutes(10));
    running("exec_fresh");

    assertThat(ids(store.untouchedSince(RUNTIME, Set.of(PAUSED, RUNNING), cutoff)))
        .containsExactly("exec_paused", "exec_running").inOrder();
    assertThat(ids(store.untouchedSince(RUNTIME, Set.of(PAUSED), cutoff))).containsExactly("exec_paused");
    assertThat(store.untouchedSince(RUNTIME, Set.of(), cutoff)).isEmpty();

    // Touched after the cutoff: the conditional move does not hold any more.
    clock.advance(Duration.ofSeconds(1));
    assertThat(record(store, entry("exec_running", 0, EXECUTING))).isTrue();
    assertThat(store.apply(new StoreChange.MoveExecution("exec_running", Set.of(RUNNING), ExecutionStatus.ERROR,
        new StoreChange.Ending(null, json("{\"name\":\"ExpiredError\",\"message\":\"m\"}"), null), cutoff))).isFalse();
    assertThat(status("exec_running")).isEqualTo(RUNNING);
    assertThat(store.apply(new StoreChange.MoveExecution("exec_paused", Set.of(PAUSED), REJECTED,
        new StoreChange.Ending(null, json("{\"name\":\"ExpiredError\",\"message\":\"m\"}"), null), cutoff))).isTrue();
    assertThat(status("exec_paused")).isEqualTo(REJECTED);
    assertThat(store.untouchedSince(RUNTIME, Set.of(PAUSED, RUNNING), cutoff)).isEmpty();
  }

  // ---- journal --------------------------------------------------------------------------------

  @Test
  void addsAnEntryAndStamps() {
    running("exec_1");
    clock.advance(Duration.ofSeconds(1));
    JournalEntry first = entry("exec_1", 0, EXECUTING);
    assertThat(record(store, first)).isTrue();
    assertThat(store.entry("exec_1", 0)).hasValue(first.with(EXECUTING, null, null, millis(first.updatedAt())));
    assertThat(updatedAt("exec_1")).isEqualTo(clock.storedNow());
    assertThat(status("exec_1")).isEqualTo(RUNNING);

    JournalEntry taken = new JournalEntry("exec_1", 0, "mail", "send", json("{}"), null, false, EXECUTING, null,
        clock.instant());
    clock.advance(Duration.ofSeconds(1));
    assertThat(store.apply(add(taken))).isFalse();
    assertThat(store.entry("exec_1", 0).orElseThrow().tool()).isEqualTo("create");
    assertThat(updatedAt("exec_1")).isEqualTo(millis(clock.instant().minusSeconds(1)));

    // With the run's status as a condition, as the journal adds every entry: not while paused or ended.
    store.apply(move("exec_1", RUNNING, PAUSED));
    assertThat(record(store, entry("exec_1", 1, EXECUTING))).isFalse();
    store.apply(move("exec_1", PAUSED, COMPLETED));
    assertThat(record(store, entry("exec_1", 1, EXECUTING))).isFalse();
    assertThat(store.journal("exec_1")).hasSize(1);

    // An entry may start APPLIED, with its result (a value known when it is recorded).
    running("exec_2");
    JournalEntry known = new JournalEntry("exec_2", 0, "codemode", "now", json("{}"), json("1700000000000"), false,
        APPLIED, null, clock.instant());
    assertThat(record(store, known)).isTrue();
    assertThat(store.entry("exec_2", 0).orElseThrow().result()).isEqualTo(json("1700000000000"));
  }

  @Test
  void anEntryAndAPauseAreAddedTogetherOrNotAtAll() {
    running("exec_1");
    assertThat(store.apply(move("exec_1", RUNNING, PAUSED), add(entry("exec_1", 0, PENDING)))).isTrue();
    assertThat(status("exec_1")).isEqualTo(PAUSED);
    assertThat(store.entry("exec_1", 0).orElseThrow().requiresApproval()).isTrue();

    // A pending entry whose seq is taken pauses nothing.
    running("exec_2");
    assertThat(record(store, entry("exec_2", 0, EXECUTING))).isTrue();
    assertThat(store.apply(move("exec_2", RUNNING, PAUSED), add(entry("exec_2", 0, PENDING)))).isFalse();
    assertThat(status("exec_2")).isEqualTo(RUNNING);
    assertThat(state("exec_2", 0)).isEqualTo(EXECUTING);
  }

  @Test
  void applyIsAllOrNothing() {
    running("exec_1");
    record(store, entry("exec_1", 0, EXECUTING));
    running("exec_2");
    Instant before = updatedAt("exec_1");
    clock.advance(Duration.ofSeconds(1));

    // The last change does not hold: neither the entry nor the other move happened, nothing was stamped.
    assertThat(store.apply(add(entry("exec_1", 1, EXECUTING)), moveEntry("exec_1", 0, EXECUTING, APPLIED, json("1"), null),
        move("exec_2", PAUSED, COMPLETED))).isFalse();
    assertThat(store.journal("exec_1")).hasSize(1);
    assertThat(state("exec_1", 0)).isEqualTo(EXECUTING);
    assertThat(store.entry("exec_1", 0).orElseThrow().result()).isNull();
    assertThat(updatedAt("exec_1")).isEqualTo(before);
    assertThat(status("exec_2")).isEqualTo(RUNNING);

    // An execution that does not exist fails the whole change.
    assertThat(store.apply(moveEntry("exec_1", 0, EXECUTING, APPLIED, json("1"), null), move("exec_gone", RUNNING, RUNNING)))
        .isFalse();
    assertThat(state("exec_1", 0)).isEqualTo(EXECUTING);

    // Two moves of one entry in one change: the second sees the first.
    assertThat(store.apply(moveEntry("exec_1", 0, EXECUTING, APPLIED, json("1"), null),
        moveEntry("exec_1", 0, APPLIED, REVERTED, json("1"), null))).isTrue();
    assertThat(state("exec_1", 0)).isEqualTo(REVERTED);
  }

  @Test
  void aValueTooLargeInAnyChangeRefusesThemAllBeforeAnythingIsWritten() {
    ExecutionStore small = open(database, 300);
    small.createExecution(execution("exec_1", RUNTIME, RUNNING));
    record(small, entry("exec_1", 0, EXECUTING));
    JournalEntry tooLarge = new JournalEntry("exec_1", 1, "tasks", "create", stringOfBytes(301), null, false,
        EXECUTING, null, clock.instant());
    assertThrows(ValueTooLargeException.class, () -> small.apply(
        moveEntry("exec_1", 0, EXECUTING, APPLIED, json("1"), null), add(tooLarge)));
    assertThat(small.entry("exec_1", 0).orElseThrow().state()).isEqualTo(EXECUTING);
    assertThat(small.journal("exec_1")).hasSize(1);
  }

  @Test
  void journalIsInSeqOrder() {
    running("exec_1");
    for (int seq : new int[] {2, 0, 1}) {
      assertThat(record(store, entry("exec_1", seq, EXECUTING))).isTrue();
    }
    assertThat(store.journal("exec_1").stream().map(JournalEntry::seq).toList()).containsExactly(0, 1, 2).inOrder();
  }

  @Test
  void anEntryMoveIsConditionalAndStamps() {
    running("exec_1");
    record(store, entry("exec_1", 0, EXECUTING));
    clock.advance(Duration.ofSeconds(3));
    assertThat(store.apply(moveEntry("exec_1", 0, PENDING, APPLIED, json("1"), null))).isFalse();
    assertThat(store.apply(moveEntry("exec_1", 1, EXECUTING, APPLIED, json("1"), null))).isFalse();
    assertThat(updatedAt("exec_1")).isEqualTo(millis(clock.instant().minusSeconds(3)));

    assertThat(store.apply(moveEntry("exec_1", 0, EXECUTING, APPLIED, json("{\"id\":7}"), null))).isTrue();
    JournalEntry applied = store.entry("exec_1", 0).orElseThrow();
    assertThat(applied.state()).isEqualTo(APPLIED);
    assertThat(applied.result()).isEqualTo(json("{\"id\":7}"));
    assertThat(applied.updatedAt()).isEqualTo(clock.storedNow());
    assertThat(updatedAt("exec_1")).isEqualTo(clock.storedNow());
    assertThat(store.apply(moveEntry("exec_1", 0, EXECUTING, APPLIED, json("2"), null))).isFalse();
    assertThat(store.entry("exec_1", 0).orElseThrow().result()).isEqualTo(json("{\"id\":7}"));

    assertThat(store.apply(moveEntry("exec_1", 0, APPLIED, ERROR, null, "diverged"))).isTrue();
    JournalEntry failed = store.entry("exec_1", 0).orElseThrow();
    assertThat(failed.result()).isNull();
    assertThat(failed.error()).isEqualTo("diverged");
  }

  @Test
  void pendingListsThePendingEntriesOfPausedExecutionsNewestFirst() {
    for (int i = 0; i < 3; i++) {
      running("exec_" + i);
      record(store, entry("exec_" + i, 0, EXECUTING));
      store.apply(move("exec_" + i, RUNNING, PAUSED), add(entry("exec_" + i, 1, PENDING)));
      clock.advance(Duration.ofSeconds(1));
    }
    // Approved but not yet run: the execution runs again, the entry is still PENDING.
    store.apply(move("exec_1", PAUSED, RUNNING));
    store.createExecution(execution("other_0", OTHER_RUNTIME, RUNNING));
    store.apply(move("other_0", RUNNING, PAUSED), add(entry("other_0", 0, PENDING)));

    List<JournalEntry> pending = store.pending(RUNTIME);
    assertThat(pending.stream().map(entry -> entry.executionId() + "#" + entry.seq()).toList())
        .containsExactly("exec_2#1", "exec_0#1").inOrder();
    assertThat(pending.get(0).input()).isEqualTo(json("{\"title\":\"t1\"}"));
    assertThat(store.pending(OTHER_RUNTIME)).hasSize(1);
  }

  // ---- values ---------------------------------------------------------------------------------

  @Test
  void undefinedNullAndNoResultStayDistinct() {
    running("exec_1");
    for (int seq = 0; seq < 3; seq++) {
      record(store, entry("exec_1", seq, EXECUTING));
    }
    store.apply(moveEntry("exec_1", 0, EXECUTING, APPLIED, MissingNode.getInstance(), null));
    store.apply(moveEntry("exec_1", 1, EXECUTING, APPLIED, NullNode.getInstance(), null));
    store.apply(moveEntry("exec_1", 2, EXECUTING, APPLIED, json("\"undefined\""), null));
    assertThat(store.entry("exec_1", 0).orElseThrow().result().isMissingNode()).isTrue();
    assertThat(store.entry("exec_1", 1).orElseThrow().result().isNull()).isTrue();
    assertThat(store.entry("exec_1", 2).orElseThrow().result().asString()).isEqualTo("undefined");

    store.apply(end("exec_1", RUNNING, COMPLETED, MissingNode.getInstance(), null, List.of()));
    assertThat(store.execution("exec_1").orElseThrow().result().isMissingNode()).isTrue();
    running("exec_2");
    store.apply(end("exec_2", RUNNING, COMPLETED, NullNode.getInstance(), null, List.of()));
    assertThat(store.execution("exec_2").orElseThrow().result().isNull()).isTrue();
    running("exec_3");
    store.apply(end("exec_3", RUNNING, COMPLETED, null, null, List.of()));
    assertThat(store.execution("exec_3").orElseThrow().result()).isNull();
  }

  /**
   * JavaScript strings may hold what UTF-8 cannot (a lone surrogate) and what some databases refuse
   * in text (NUL): both read back exactly, in inputs, results, final results and logs. (Property
   * names with lone surrogates never reach a store: the sandbox refuses them as tool input.)
   */
  @Test
  void valuesReadBackExactlyEvenWhereUtf8CannotHoldThem() {
    String hostile = "a\ud800b\udc00c\u0000d\ud83d\ude80e\uffff\\\"\ud83d";
    JsonNode value = JSON.nodes().objectNode().put("text", hostile).put("k\u0000\ud83d\ude80", 1)
        .set("list", JSON.nodes().arrayNode().add(hostile).add("\udfff"));
    running("exec_1");
    JournalEntry entry = new JournalEntry("exec_1", 0, "tasks", "create", value, null, false, EXECUTING, null,
        clock.instant());
    assertThat(record(store, entry)).isTrue();
    assertThat(store.apply(moveEntry("exec_1", 0, EXECUTING, APPLIED, value, null))).isTrue();
    JournalEntry read = store.entry("exec_1", 0).orElseThrow();
    assertThat(read.input()).isEqualTo(value);
    assertThat(read.result()).isEqualTo(value);
    assertThat(read.input().get("text").asString()).isEqualTo(hostile);

    assertThat(store.apply(end("exec_1", RUNNING, COMPLETED, value, json("{\"name\":\"E\"}").deepCopy(),
        List.of(hostile, "plain")))).isTrue();
    ExecutionRecord ended = store.execution("exec_1").orElseThrow();
    assertThat(ended.result()).isEqualTo(value);
    assertThat(ended.logs()).containsExactly(hostile, "plain").inOrder();

    JournalEntry pending = new JournalEntry("exec_2", 0, "tasks", "remove", value, null, true, PENDING, null,
        clock.instant());
    running("exec_2");
    store.apply(move("exec_2", RUNNING, PAUSED), add(pending));
    assertThat(store.pending(RUNTIME).get(0).input()).isEqualTo(value);
  }

  /** A JSON string of {@code bytes} UTF-8 bytes: two quotes, an ASCII letter when odd, then 'é's. */
  protected static JsonNode stringOfBytes(int bytes) {
    int content = bytes - 2;
    return JSON.nodes().stringNode((content % 2 == 1 ? "a" : "") + "é".repeat(content / 2));
  }

  @Test
  void inputsAreCappedAtExactlyTheLimitInUtf8Bytes() {
    ExecutionStore small = open(database, 300);
    assertThat(small.maxValueBytes()).isEqualTo(300);
    small.createExecution(execution("exec_1", RUNTIME, RUNNING));
    JournalEntry atLimit = new JournalEntry("exec_1", 2, "tasks", "create", stringOfBytes(300), null, false,
        EXECUTING, null, clock.instant());
    assertThat(JSON.toJson(atLimit.input()).getBytes(UTF_8)).hasLength(300);
    assertThat(record(small, atLimit)).isTrue();
    assertThat(small.entry("exec_1", 2).orElseThrow().input()).isEqualTo(stringOfBytes(300));

    clock.advance(Duration.ofSeconds(1));
    JournalEntry overLimit = new JournalEntry("exec_1", 3, "tasks", "create", stringOfBytes(301), null, false,
        EXECUTING, null, clock.instant());
    ValueTooLargeException e = assertThrows(ValueTooLargeException.class, () -> record(small, overLimit));
    assertThat(e.bytes()).isEqualTo(301);
    assertThat(e.limit()).isEqualTo(300);
    assertThat(e).hasMessageThat().startsWith("the input of tasks.create (seq 3) is too large");
    assertThat(e).hasMessageThat().contains("301 bytes of JSON; the limit is 300");
    assertThat(small.entry("exec_1", 3)).isEmpty();
    assertThat(small.execution("exec_1").orElseThrow().updatedAt()).isEqualTo(millis(clock.instant().minusSeconds(1)));
  }

  @Test
  void resultsAreCappedAtExactlyTheLimit() {
    ExecutionStore small = open(database, 300);
    small.createExecution(execution("exec_1", RUNTIME, RUNNING));
    record(small, entry("exec_1", 0, EXECUTING));
    record(small, entry("exec_1", 1, EXECUTING));
    // Four-byte characters: "🚀" is two UTF-16 chars and four UTF-8 bytes.
    JsonNode over = JSON.nodes().stringNode("ab" + "🚀".repeat(74) + "c"); // 2 + 3 + 296 = 301 bytes
    ValueTooLargeException e = assertThrows(ValueTooLargeException.class,
        () -> small.apply(moveEntry("exec_1", 0, EXECUTING, APPLIED, over, null)));
    assertThat(e).hasMessageThat().startsWith("the result of tasks.create (seq 0) is too large");
    assertThat(e.bytes()).isEqualTo(301);
    assertThat(small.entry("exec_1", 0).orElseThrow().state()).isEqualTo(EXECUTING);
    assertThat(small.apply(moveEntry("exec_1", 1, EXECUTING, APPLIED, stringOfBytes(300), null))).isTrue();

    ExecutionRecord tooLarge = new ExecutionRecord("exec_2", RUNTIME, "code", COMPLETED, stringOfBytes(301), null,
        List.of(), Map.of(), 0, 0, clock.instant(), clock.instant());
    assertThrows(ValueTooLargeException.class, () -> small.createExecution(tooLarge));
    assertThat(small.execution("exec_2")).isEmpty();
  }

  @Test
  void anEndingReplacesOversizedValuesWithPlaceholdersAndDropsTheOldestLogLines() {
    ExecutionStore small = open(database, 300);
    small.createExecution(execution("exec_1", RUNTIME, RUNNING));
    List<String> logs = IntStream.range(0, 40).mapToObj(i -> "log line ✓ " + i).toList();
    JsonNode error = json("{\"name\":\"RangeError\",\"message\":\"" + "x".repeat(400) + "\",\"line\":3}");
    assertThat(small.apply(end("exec_1", RUNNING, ExecutionStatus.ERROR, stringOfBytes(301), error, logs))).isTrue();

    ExecutionRecord finished = small.execution("exec_1").orElseThrow();
    assertThat(finished.result().asString())
        .isEqualTo("[The result was not stored: 301 bytes of JSON, over the store's limit of 300.]");
    assertThat(finished.error().get("name").asString()).isEqualTo("RangeError");
    assertThat(finished.error().get("message").asString()).startsWith("[The error was not stored: ");
    List<String> kept = finished.logs();
    assertThat(kept.get(0)).contains("earlier log lines were not stored");
    assertThat(kept.get(kept.size() - 1)).isEqualTo("log line ✓ 39");
    assertThat(kept.subList(1, kept.size())).isEqualTo(logs.subList(logs.size() - kept.size() + 1, logs.size()));
    int bytes = JSON.toJson(JSON.encode(kept)).getBytes(UTF_8).length;
    assertThat(bytes).isAtMost(300);
    // One more line would not have fitted.
    List<String> oneMore = new ArrayList<>(kept);
    oneMore.add(1, logs.get(logs.size() - kept.size()));
    assertThat(JSON.toJson(JSON.encode(oneMore)).getBytes(UTF_8).length).isGreaterThan(300);

    small.createExecution(execution("exec_2", RUNTIME, RUNNING));
    small.apply(end("exec_2", RUNNING, COMPLETED, stringOfBytes(300), null, logs.subList(0, 2)));
    assertThat(small.execution("exec_2").orElseThrow().result()).isEqualTo(stringOfBytes(300));
    assertThat(small.execution("exec_2").orElseThrow().logs()).isEqualTo(logs.subList(0, 2));
  }

  @Test
  void longErrorTextsAreCutToTheLimit() {
    ExecutionStore small = open(database, 300);
    small.createExecution(execution("exec_1", RUNTIME, RUNNING));
    record(small, entry("exec_1", 0, EXECUTING));
    assertThat(small.apply(moveEntry("exec_1", 0, EXECUTING, ERROR, null, "é".repeat(400)))).isTrue();
    String error = small.entry("exec_1", 0).orElseThrow().error();
    assertThat(error).startsWith("ééé");
    assertThat(error).endsWith("[cut: 800 bytes, over the store's limit of 300]");
    assertThat(error.getBytes(UTF_8).length).isAtMost(300);
  }

  @Test
  void timesKeepMilliseconds() {
    ExecutionRecord execution = running("exec_1");
    assertThat(execution.createdAt().getNano() % 1_000_000).isNotEqualTo(0);
    assertThat(store.execution("exec_1").orElseThrow().createdAt()).isEqualTo(millis(execution.createdAt()));
    clock.advance(Duration.ofNanos(1_500_000));
    store.apply(move("exec_1", RUNNING, RUNNING));
    assertThat(updatedAt("exec_1")).isEqualTo(clock.storedNow());
  }

  // ---- snippets -------------------------------------------------------------------------------

  @Test
  void savesReplacesListsAndDeletesSnippets() {
    Snippet weekly = new Snippet(RUNTIME, "weekly", "Weekly report", "return 1", Map.of("tasks", "sha256:1"),
        "exec_1", clock.instant());
    Snippet alpha = new Snippet(RUNTIME, "alpha", null, "return 2", Map.of(), null, clock.instant());
    store.saveSnippet(weekly);
    store.saveSnippet(alpha);
    store.saveSnippet(new Snippet(OTHER_RUNTIME, "weekly", "", "other", Map.of(), null, clock.instant()));
    assertThat(store.snippet(RUNTIME, "weekly")).hasValue(new Snippet(RUNTIME, "weekly", "Weekly report", "return 1",
        Map.of("tasks", "sha256:1"), "exec_1", millis(weekly.savedAt())));
    assertThat(store.snippet(RUNTIME, "alpha").orElseThrow().description()).isEmpty();

    clock.advance(Duration.ofSeconds(1));
    Snippet replaced = new Snippet(RUNTIME, "weekly", "v2", "return 3", Map.of("mail", "sha256:9"), "exec_2",
        clock.instant());
    store.saveSnippet(replaced);
    assertThat(store.snippet(RUNTIME, "weekly")).hasValue(new Snippet(RUNTIME, "weekly", "v2", "return 3",
        Map.of("mail", "sha256:9"), "exec_2", clock.storedNow()));
    assertThat(store.snippets(RUNTIME).stream().map(Snippet::name).toList()).containsExactly("alpha", "weekly")
        .inOrder();

    assertThat(store.deleteSnippet(RUNTIME, "weekly")).isTrue();
    assertThat(store.deleteSnippet(RUNTIME, "weekly")).isFalse();
    assertThat(store.snippet(RUNTIME, "weekly")).isEmpty();
    assertThat(store.snippet(OTHER_RUNTIME, "weekly").orElseThrow().code()).isEqualTo("other");
  }

  // ---- races ----------------------------------------------------------------------------------

  @Test
  void twoStoresOnOneDatabaseNeverBothWin() throws Exception {
    int calls = 60;
    JournalRace.prepare(store, calls, clock);
    ExecutionStore second = open(database, 1_000_000);
    CyclicBarrier start = new CyclicBarrier(2);
    CompletableFuture<List<String>> first = CompletableFuture.supplyAsync(() -> raceAfter(start, store, calls, "first"));
    CompletableFuture<List<String>> other = CompletableFuture.supplyAsync(() -> raceAfter(start, second, calls, "second"));
    assertEachWonOnce(Map.of("first", first.get(), "second", other.get()), calls);
  }

  private static List<String> raceAfter(CyclicBarrier start, ExecutionStore store, int calls, String racer) {
    try {
      start.await();
      return JournalRace.race(store, calls, racer);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Each entry was moved once and each seq recorded once, by the racer whose input it holds. */
  protected void assertEachWonOnce(Map<String, List<String>> wonByRacer, int calls) {
    Set<String> all = new HashSet<>();
    int total = 0;
    for (Map.Entry<String, List<String>> racer : wonByRacer.entrySet()) {
      all.addAll(racer.getValue());
      total += racer.getValue().size();
      for (String line : racer.getValue()) {
        if (line.startsWith("record ")) {
          int seq = Integer.parseInt(line.substring("record ".length()));
          assertThat(store.entry(JournalRace.RECORDED, seq).orElseThrow().input().get("by").asString())
              .isEqualTo(racer.getKey());
        }
      }
    }
    Set<String> expected = IntStream.range(0, calls).boxed()
        .flatMap(seq -> java.util.stream.Stream.of("update " + seq, "record " + seq)).collect(Collectors.toSet());
    assertThat(all).isEqualTo(expected);
    assertThat(total).isEqualTo(2 * calls);
    assertThat(store.journal(JournalRace.APPROVED).stream().map(JournalEntry::state).distinct().toList())
        .containsExactly(EXECUTING);
    assertThat(store.journal(JournalRace.RECORDED)).hasSize(calls);
  }

  /** The clock the contract's stores stamp with, for subclasses that build stores themselves. */
  protected Clock clock() {
    return clock;
  }
}
