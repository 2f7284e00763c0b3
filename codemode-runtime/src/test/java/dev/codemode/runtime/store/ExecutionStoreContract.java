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
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.NullNode;

/**
 * The {@link ExecutionStore} contract, run against every database the store supports: each method,
 * and each rule that keeps racing processes from both winning.
 */
abstract class ExecutionStoreContract {

  static final String RUNTIME = "shop";
  static final String OTHER_RUNTIME = "travel";
  static final JsonCodec JSON = JsonCodec.defaults();

  final TestClock clock = new TestClock();
  private final List<JdbcExecutionStore> opened = new java.util.concurrent.CopyOnWriteArrayList<>();
  String location;
  JdbcExecutionStore store;

  /** The location of a new, empty database. */
  abstract String newLocation() throws Exception;

  /** A plain JDBC connection to the database at {@code location}. */
  abstract Connection connect(String location) throws SQLException;

  @BeforeEach
  void openStore() throws Exception {
    location = newLocation();
    store = open(location, JdbcExecutionStore.DEFAULT_MAX_VALUE_BYTES);
  }

  @AfterEach
  void closeStores() {
    opened.forEach(JdbcExecutionStore::close);
    opened.clear();
  }

  JdbcExecutionStore open(String location, int maxValueBytes) {
    JdbcExecutionStore opened = JdbcExecutionStore.builder()
        .location(location).maxValueBytes(maxValueBytes).clock(clock).build();
    this.opened.add(opened);
    return opened;
  }

  static JsonNode json(String text) {
    return JSON.parse(text);
  }

  ExecutionRecord execution(String id, String runtime, ExecutionStatus status) {
    return new ExecutionRecord(id, runtime, "await tasks.create({title: 'a'})", status, null, null, List.of(),
        Map.of("tasks", "sha256:1"), 7, 1_700_000_000_000L, clock.instant(), clock.instant());
  }

  ExecutionRecord running(String id) {
    ExecutionRecord execution = execution(id, RUNTIME, RUNNING);
    store.createExecution(execution);
    return execution;
  }

  JournalEntry entry(String executionId, int seq, EntryState state) {
    return new JournalEntry(executionId, seq, "tasks", "create", json("{\"title\":\"t" + seq + "\"}"), null,
        state == PENDING, state, null, clock.instant());
  }

  static Instant millis(Instant instant) {
    return Instant.ofEpochMilli(instant.toEpochMilli());
  }

  Instant updatedAt(String id) {
    return store.execution(id).orElseThrow().updatedAt();
  }

  ExecutionStatus status(String id) {
    return store.execution(id).orElseThrow().status();
  }

  EntryState state(String id, int seq) {
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
    assertThat(store.transition("nope", Set.of(RUNNING), PAUSED)).isFalse();
    assertThat(store.finish("nope", RUNNING, COMPLETED, null, null, List.of())).isFalse();
    assertThat(store.touch("nope")).isFalse();
    assertThat(store.entry("nope", 0)).isEmpty();
    assertThat(store.journal("nope")).isEmpty();
    assertThat(store.record(entry("nope", 0, EXECUTING))).isFalse();
    assertThat(store.replace(entry("nope", 0, EXECUTING))).isFalse();
    assertThat(store.update("nope", 0, EXECUTING, APPLIED, null, null)).isFalse();
    assertThat(store.executions("nope", 10, 0)).isEmpty();
    assertThat(store.pending("nope")).isEmpty();
    assertThat(store.prune("nope", 0)).isEqualTo(0);
    assertThat(store.expire("nope", clock.instant().plusSeconds(1))).isEmpty();
    assertThat(store.snippet(RUNTIME, "nope")).isEmpty();
    assertThat(store.deleteSnippet(RUNTIME, "nope")).isFalse();
  }

  @Test
  void transitionIsConditionalAndTouches() {
    running("exec_1");
    Instant later = clock.advance(Duration.ofSeconds(5));
    assertThat(store.transition("exec_1", Set.of(PAUSED), COMPLETED)).isFalse();
    assertThat(store.transition("exec_1", Set.of(), COMPLETED)).isFalse();
    assertThat(updatedAt("exec_1")).isEqualTo(millis(clock.instant().minusSeconds(5)));

    assertThat(store.transition("exec_1", Set.of(RUNNING), PAUSED)).isTrue();
    assertThat(status("exec_1")).isEqualTo(PAUSED);
    assertThat(updatedAt("exec_1")).isEqualTo(millis(later));
    assertThat(store.transition("exec_1", Set.of(RUNNING), PAUSED)).isFalse();
    assertThat(store.transition("exec_1", Set.of(RUNNING, PAUSED), RUNNING)).isTrue();
    assertThat(status("exec_1")).isEqualTo(RUNNING);
  }

  @Test
  void finishIsConditionalAndStoresTheOutcome() {
    running("exec_1");
    clock.advance(Duration.ofSeconds(1));
    assertThat(store.finish("exec_1", PAUSED, COMPLETED, json("1"), null, List.of("x"))).isFalse();
    assertThat(store.finish("exec_1", RUNNING, COMPLETED, json("{\"ok\":true}"), null, List.of("one", "two")))
        .isTrue();
    assertThat(store.finish("exec_1", RUNNING, ExecutionStatus.ERROR, null, json("{}"), List.of())).isFalse();
    ExecutionRecord finished = store.execution("exec_1").orElseThrow();
    assertThat(finished.status()).isEqualTo(COMPLETED);
    assertThat(finished.result()).isEqualTo(json("{\"ok\":true}"));
    assertThat(finished.error()).isNull();
    assertThat(finished.logs()).containsExactly("one", "two").inOrder();
    assertThat(finished.updatedAt()).isEqualTo(clock.storedNow());
    assertThrows(IllegalArgumentException.class, () -> store.finish("exec_1", COMPLETED, PAUSED, null, null, List.of()));
  }

  @Test
  void touchSetsUpdatedAtToNow() {
    running("exec_1");
    clock.advance(Duration.ofMillis(1500));
    assertThat(store.touch("exec_1")).isTrue();
    assertThat(updatedAt("exec_1")).isEqualTo(clock.storedNow());
    assertThat(store.execution("exec_1").orElseThrow().createdAt()).isEqualTo(millis(clock.instant().minusMillis(1500)));
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
  }

  static List<String> ids(List<ExecutionRecord> executions) {
    return executions.stream().map(ExecutionRecord::id).toList();
  }

  @Test
  void pruneKeepsTheNewestTerminalExecutionsAndNeverRunningOrPausedOnes() {
    List<ExecutionStatus> statuses = List.of(COMPLETED, RUNNING, ExecutionStatus.ERROR, PAUSED, REJECTED, ROLLED_BACK,
        COMPLETED);
    for (int i = 0; i < statuses.size(); i++) {
      store.createExecution(execution("exec_" + i, RUNTIME, RUNNING));
      assertThat(store.record(entry("exec_" + i, 0, EXECUTING))).isTrue();
      store.transition("exec_" + i, Set.of(RUNNING), statuses.get(i));
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
  void expireRejectsPausedAndFailsRunningExecutionsOnce() {
    running("exec_paused");
    assertThat(store.record(entry("exec_paused", 0, EXECUTING))).isTrue();
    store.update("exec_paused", 0, EXECUTING, APPLIED, json("1"), null);
    assertThat(store.record(entry("exec_paused", 1, PENDING))).isTrue();
    running("exec_running");
    running("exec_done");
    store.finish("exec_done", RUNNING, COMPLETED, json("1"), null, List.of());
    store.createExecution(execution("other_running", OTHER_RUNTIME, RUNNING));
    Instant cutoff = clock.advance(Duration.ofMinutes(10));
    running("exec_fresh");

    assertThat(store.expire(RUNTIME, cutoff)).containsExactly("exec_paused", "exec_running");
    ExecutionRecord paused = store.execution("exec_paused").orElseThrow();
    assertThat(paused.status()).isEqualTo(REJECTED);
    assertThat(paused.error().get("message").asString()).isEqualTo("Expired awaiting approval");
    assertThat(paused.updatedAt()).isEqualTo(clock.storedNow());
    assertThat(store.entry("exec_paused", 1).orElseThrow().state()).isEqualTo(REVERTED);
    assertThat(store.entry("exec_paused", 1).orElseThrow().error()).isEqualTo("Expired awaiting approval");
    assertThat(state("exec_paused", 0)).isEqualTo(APPLIED);
    ExecutionRecord running = store.execution("exec_running").orElseThrow();
    assertThat(running.status()).isEqualTo(ExecutionStatus.ERROR);
    assertThat(running.error().get("message").asString())
        .isEqualTo("Expired while running: the process never finished the pass");
    assertThat(status("exec_done")).isEqualTo(COMPLETED);
    assertThat(status("exec_fresh")).isEqualTo(RUNNING);
    assertThat(status("other_running")).isEqualTo(RUNNING);

    assertThat(store.expire(RUNTIME, cutoff)).isEmpty();
    assertThat(store.expire(RUNTIME, clock.advance(Duration.ofSeconds(1)))).containsExactly("exec_fresh");
  }

  // ---- journal --------------------------------------------------------------------------------

  @Test
  void recordsAnEntryOnlyWhileRunningAndTouches() {
    running("exec_1");
    clock.advance(Duration.ofSeconds(1));
    JournalEntry first = entry("exec_1", 0, EXECUTING);
    assertThat(store.record(first)).isTrue();
    assertThat(store.entry("exec_1", 0)).hasValue(first.with(EXECUTING, null, null, millis(first.updatedAt())));
    assertThat(updatedAt("exec_1")).isEqualTo(clock.storedNow());
    assertThat(status("exec_1")).isEqualTo(RUNNING);

    JournalEntry taken = new JournalEntry("exec_1", 0, "mail", "send", json("{}"), null, false, EXECUTING, null,
        clock.instant());
    clock.advance(Duration.ofSeconds(1));
    assertThat(store.record(taken)).isFalse();
    assertThat(store.entry("exec_1", 0).orElseThrow().tool()).isEqualTo("create");
    assertThat(updatedAt("exec_1")).isEqualTo(millis(clock.instant().minusSeconds(1)));

    store.transition("exec_1", Set.of(RUNNING), PAUSED);
    assertThat(store.record(entry("exec_1", 1, EXECUTING))).isFalse();
    store.transition("exec_1", Set.of(PAUSED), COMPLETED);
    assertThat(store.record(entry("exec_1", 1, EXECUTING))).isFalse();
    assertThat(store.journal("exec_1")).hasSize(1);
    assertThrows(IllegalArgumentException.class, () -> store.record(entry("exec_1", 2, APPLIED)));
  }

  @Test
  void aPendingEntryPausesTheExecutionInTheSameTransaction() {
    running("exec_1");
    assertThat(store.record(entry("exec_1", 0, PENDING))).isTrue();
    assertThat(status("exec_1")).isEqualTo(PAUSED);
    assertThat(store.entry("exec_1", 0).orElseThrow().requiresApproval()).isTrue();
    assertThat(store.record(entry("exec_1", 1, EXECUTING))).isFalse();

    // A pending entry whose seq is taken pauses nothing.
    running("exec_2");
    assertThat(store.record(entry("exec_2", 0, EXECUTING))).isTrue();
    assertThat(store.record(entry("exec_2", 0, PENDING))).isFalse();
    assertThat(status("exec_2")).isEqualTo(RUNNING);
  }

  @Test
  void journalIsInSeqOrder() {
    running("exec_1");
    for (int seq : new int[] {2, 0, 1}) {
      assertThat(store.record(entry("exec_1", seq, EXECUTING))).isTrue();
    }
    assertThat(store.journal("exec_1").stream().map(JournalEntry::seq).toList()).containsExactly(0, 1, 2).inOrder();
  }

  @Test
  void updateIsConditionalAndTouches() {
    running("exec_1");
    store.record(entry("exec_1", 0, EXECUTING));
    clock.advance(Duration.ofSeconds(3));
    assertThat(store.update("exec_1", 0, PENDING, APPLIED, json("1"), null)).isFalse();
    assertThat(store.update("exec_1", 1, EXECUTING, APPLIED, json("1"), null)).isFalse();
    assertThat(updatedAt("exec_1")).isEqualTo(millis(clock.instant().minusSeconds(3)));

    assertThat(store.update("exec_1", 0, EXECUTING, APPLIED, json("{\"id\":7}"), null)).isTrue();
    JournalEntry applied = store.entry("exec_1", 0).orElseThrow();
    assertThat(applied.state()).isEqualTo(APPLIED);
    assertThat(applied.result()).isEqualTo(json("{\"id\":7}"));
    assertThat(applied.updatedAt()).isEqualTo(clock.storedNow());
    assertThat(updatedAt("exec_1")).isEqualTo(clock.storedNow());
    assertThat(store.update("exec_1", 0, EXECUTING, APPLIED, json("2"), null)).isFalse();

    assertThat(store.update("exec_1", 0, APPLIED, ERROR, null, "diverged")).isTrue();
    JournalEntry failed = store.entry("exec_1", 0).orElseThrow();
    assertThat(failed.result()).isNull();
    assertThat(failed.error()).isEqualTo("diverged");
  }

  @Test
  void replaceSwapsOnlyARevertedEntryWhileRunning() {
    running("exec_1");
    store.record(entry("exec_1", 0, PENDING));
    assertThat(store.replace(entry("exec_1", 0, EXECUTING))).isFalse(); // paused, and not reverted
    store.update("exec_1", 0, PENDING, REVERTED, null, "rejected by a person");
    assertThat(store.replace(entry("exec_1", 0, EXECUTING))).isFalse(); // still paused
    store.transition("exec_1", Set.of(PAUSED), RUNNING);

    JournalEntry again = new JournalEntry("exec_1", 0, "tasks", "create", json("{\"title\":\"again\"}"), null, true,
        PENDING, null, clock.instant());
    assertThat(store.replace(again)).isTrue();
    assertThat(store.entry("exec_1", 0)).hasValue(again.with(PENDING, null, null, millis(again.updatedAt())));
    assertThat(status("exec_1")).isEqualTo(PAUSED);

    store.transition("exec_1", Set.of(PAUSED), RUNNING);
    assertThat(store.replace(entry("exec_1", 0, EXECUTING))).isFalse(); // pending, not reverted
    assertThat(store.replace(entry("exec_1", 1, EXECUTING))).isFalse(); // no such entry
    assertThat(status("exec_1")).isEqualTo(RUNNING);
  }

  @Test
  void pendingListsThePendingEntriesOfPausedExecutionsNewestFirst() {
    for (int i = 0; i < 3; i++) {
      running("exec_" + i);
      store.record(entry("exec_" + i, 0, EXECUTING));
      store.record(entry("exec_" + i, 1, PENDING));
      clock.advance(Duration.ofSeconds(1));
    }
    // Approved but not yet run: the execution runs again, the entry is still PENDING.
    store.transition("exec_1", Set.of(PAUSED), RUNNING);
    store.createExecution(execution("other_0", OTHER_RUNTIME, RUNNING));
    store.record(entry("other_0", 0, PENDING));

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
    store.record(entry("exec_1", 0, EXECUTING));
    store.record(entry("exec_1", 1, EXECUTING));
    store.record(entry("exec_1", 2, EXECUTING));
    store.update("exec_1", 0, EXECUTING, APPLIED, MissingNode.getInstance(), null);
    store.update("exec_1", 1, EXECUTING, APPLIED, NullNode.getInstance(), null);
    store.update("exec_1", 2, EXECUTING, APPLIED, json("\"undefined\""), null);
    assertThat(store.entry("exec_1", 0).orElseThrow().result().isMissingNode()).isTrue();
    assertThat(store.entry("exec_1", 1).orElseThrow().result().isNull()).isTrue();
    assertThat(store.entry("exec_1", 2).orElseThrow().result().asString()).isEqualTo("undefined");

    store.finish("exec_1", RUNNING, COMPLETED, MissingNode.getInstance(), null, List.of());
    assertThat(store.execution("exec_1").orElseThrow().result().isMissingNode()).isTrue();
    running("exec_2");
    store.finish("exec_2", RUNNING, COMPLETED, NullNode.getInstance(), null, List.of());
    assertThat(store.execution("exec_2").orElseThrow().result().isNull()).isTrue();
    running("exec_3");
    store.finish("exec_3", RUNNING, COMPLETED, null, null, List.of());
    assertThat(store.execution("exec_3").orElseThrow().result()).isNull();
  }

  /** A JSON string of {@code bytes} UTF-8 bytes: two quotes, an ASCII letter when odd, then 'é's. */
  static JsonNode stringOfBytes(int bytes) {
    int content = bytes - 2;
    return JSON.nodes().stringNode((content % 2 == 1 ? "a" : "") + "é".repeat(content / 2));
  }

  @Test
  void inputsAreCappedAtExactlyTheLimitInUtf8Bytes() {
    JdbcExecutionStore small = open(location, 300);
    assertThat(small.maxValueBytes()).isEqualTo(300);
    small.createExecution(execution("exec_1", RUNTIME, RUNNING));
    JournalEntry atLimit = new JournalEntry("exec_1", 2, "tasks", "create", stringOfBytes(300), null, false,
        EXECUTING, null, clock.instant());
    assertThat(JSON.toJson(atLimit.input()).getBytes(UTF_8)).hasLength(300);
    assertThat(small.record(atLimit)).isTrue();
    assertThat(small.entry("exec_1", 2).orElseThrow().input()).isEqualTo(stringOfBytes(300));

    clock.advance(Duration.ofSeconds(1));
    JournalEntry overLimit = new JournalEntry("exec_1", 3, "tasks", "create", stringOfBytes(301), null, false,
        EXECUTING, null, clock.instant());
    ValueTooLargeException e = assertThrows(ValueTooLargeException.class, () -> small.record(overLimit));
    assertThat(e.bytes()).isEqualTo(301);
    assertThat(e.limit()).isEqualTo(300);
    assertThat(e).hasMessageThat().startsWith("the input of tasks.create (seq 3) is too large");
    assertThat(e).hasMessageThat().contains("301 bytes of JSON; the limit is 300");
    assertThat(small.entry("exec_1", 3)).isEmpty();
    assertThat(updatedAt("exec_1")).isEqualTo(millis(clock.instant().minusSeconds(1)));
    assertThrows(ValueTooLargeException.class, () -> small.replace(overLimit));
  }

  @Test
  void resultsAreCappedAtExactlyTheLimit() {
    JdbcExecutionStore small = open(location, 300);
    small.createExecution(execution("exec_1", RUNTIME, RUNNING));
    small.record(entry("exec_1", 0, EXECUTING));
    small.record(entry("exec_1", 1, EXECUTING));
    // Four-byte characters: "🚀" is two UTF-16 chars and four UTF-8 bytes.
    JsonNode over = JSON.nodes().stringNode("ab" + "🚀".repeat(74) + "c"); // 2 + 3 + 296 = 301 bytes
    ValueTooLargeException e = assertThrows(ValueTooLargeException.class,
        () -> small.update("exec_1", 0, EXECUTING, APPLIED, over, null));
    assertThat(e).hasMessageThat().startsWith("the result of tasks.create (seq 0) is too large");
    assertThat(e.bytes()).isEqualTo(301);
    assertThat(state("exec_1", 0)).isEqualTo(EXECUTING);
    assertThat(small.update("exec_1", 1, EXECUTING, APPLIED, stringOfBytes(300), null)).isTrue();

    ExecutionRecord tooLarge = new ExecutionRecord("exec_2", RUNTIME, "code", COMPLETED, stringOfBytes(301), null,
        List.of(), Map.of(), 0, 0, clock.instant(), clock.instant());
    assertThrows(ValueTooLargeException.class, () -> small.createExecution(tooLarge));
    assertThat(small.execution("exec_2")).isEmpty();
  }

  @Test
  void finishReplacesOversizedValuesWithPlaceholdersAndDropsTheOldestLogLines() {
    JdbcExecutionStore small = open(location, 300);
    small.createExecution(execution("exec_1", RUNTIME, RUNNING));
    List<String> logs = IntStream.range(0, 40).mapToObj(i -> "log line ✓ " + i).toList();
    JsonNode error = json("{\"name\":\"RangeError\",\"message\":\"" + "x".repeat(400) + "\",\"line\":3}");
    assertThat(small.finish("exec_1", RUNNING, ExecutionStatus.ERROR, stringOfBytes(301), error, logs)).isTrue();

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
    assertThat(JSON.toJson(JSON.encode(oneMore)).getBytes(UTF_8).length)
        .isGreaterThan(300);

    small.createExecution(execution("exec_2", RUNTIME, RUNNING));
    small.finish("exec_2", RUNNING, COMPLETED, stringOfBytes(300), null, logs.subList(0, 2));
    assertThat(small.execution("exec_2").orElseThrow().result()).isEqualTo(stringOfBytes(300));
    assertThat(small.execution("exec_2").orElseThrow().logs()).isEqualTo(logs.subList(0, 2));
  }

  @Test
  void longErrorTextsAreCutToTheLimit() {
    JdbcExecutionStore small = open(location, 300);
    small.createExecution(execution("exec_1", RUNTIME, RUNNING));
    small.record(entry("exec_1", 0, EXECUTING));
    assertThat(small.update("exec_1", 0, EXECUTING, ERROR, null, "é".repeat(400))).isTrue();
    String error = small.entry("exec_1", 0).orElseThrow().error();
    assertThat(error).startsWith("ééé");
    assertThat(error).endsWith("[cut: 800 bytes, over the store's limit of 300]");
    assertThat(error.getBytes(UTF_8).length).isAtMost(300);
  }

  @Test
  void theLimitHasADefaultAndAFloor() {
    assertThat(store.maxValueBytes()).isEqualTo(1_000_000);
    assertThrows(IllegalArgumentException.class, () -> JdbcExecutionStore.builder().maxValueBytes(255));
  }

  @Test
  void timesKeepMilliseconds() {
    ExecutionRecord execution = running("exec_1");
    assertThat(execution.createdAt().getNano() % 1_000_000).isNotEqualTo(0);
    assertThat(store.execution("exec_1").orElseThrow().createdAt()).isEqualTo(millis(execution.createdAt()));
    clock.advance(Duration.ofNanos(1_500_000));
    store.touch("exec_1");
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

  // ---- schema ---------------------------------------------------------------------------------

  List<Integer> schemaVersions(String location) throws SQLException {
    try (Connection connection = connect(location);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT version FROM codemode_schema_version ORDER BY version")) {
      List<Integer> versions = new ArrayList<>();
      while (rows.next()) {
        versions.add(rows.getInt(1));
      }
      return versions;
    }
  }

  @Test
  void migratesAFreshDatabaseAndReopensAnExistingOne() throws Exception {
    assertThat(schemaVersions(location)).containsExactly(1);
    running("exec_1");
    store.close();
    JdbcExecutionStore reopened = open(location, 1_000_000);
    assertThat(reopened.execution("exec_1")).isPresent();
    assertThat(schemaVersions(location)).containsExactly(1);
  }

  @Test
  void twoStoresOpeningAFreshDatabaseAtOnceMigrateItOnce() throws Exception {
    String fresh = newLocation();
    CyclicBarrier start = new CyclicBarrier(3);
    ExecutorService threads = Executors.newFixedThreadPool(3);
    try {
      List<Future<JdbcExecutionStore>> stores = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        stores.add(threads.submit(() -> {
          start.await();
          return open(fresh, 1_000_000);
        }));
      }
      for (Future<JdbcExecutionStore> opening : stores) {
        assertThat(opening.get().maxValueBytes()).isEqualTo(1_000_000);
      }
    } finally {
      threads.shutdown();
    }
    assertThat(schemaVersions(fresh)).containsExactly(1);
  }

  @Test
  void refusesADatabaseWithANewerSchemaAndLeavesItUntouched() throws Exception {
    running("exec_1");
    store.close();
    try (Connection connection = connect(location); Statement statement = connection.createStatement()) {
      statement.execute("INSERT INTO codemode_schema_version (version, description, applied_at) VALUES (99, 'future', 0)");
    }
    ExecutionStoreException e = assertThrows(ExecutionStoreException.class, () -> open(location, 1_000_000));
    assertThat(e).hasMessageThat().contains("has schema version 99, newer than version 1 that this Codemode knows");
    assertThat(e).hasMessageThat().contains("upgrade codemode-runtime");
    assertThat(schemaVersions(location)).containsExactly(1, 99);
    try (Connection connection = connect(location);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT id FROM codemode_executions")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getString(1)).isEqualTo("exec_1");
    }
  }

  // ---- races ----------------------------------------------------------------------------------

  @Test
  void twoStoresOnOneDatabaseNeverBothWin() throws Exception {
    int calls = 60;
    JournalRace.prepare(store, calls, clock);
    JdbcExecutionStore second = open(location, 1_000_000);
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
  void assertEachWonOnce(Map<String, List<String>> wonByRacer, int calls) {
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
}
