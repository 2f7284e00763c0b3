package dev.codemode.runtime.store;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A store in memory, for tests: every value goes through the same column texts as the JDBC store
 * (so sizes, placeholders and exact round trips behave alike), and {@link #apply} works on copies
 * that replace the maps only when every change held. It passes {@link ExecutionStoreContract},
 * which shows the contract asks nothing of a store but the SPI.
 */
final class InMemoryExecutionStore implements ExecutionStore {

  /** One in-memory database; stores opened on it share it, and its lock orders their changes. */
  static final class Data {
    private Map<String, ExecutionRecord> executions = new HashMap<>();
    private Map<String, TreeMap<Integer, JournalEntry>> journals = new HashMap<>();
    private final Map<String, Snippet> snippets = new TreeMap<>();
  }

  /** The in-memory databases of a test, by name. */
  static final class Databases {
    private final Map<String, Data> byName = new HashMap<>();

    synchronized InMemoryExecutionStore open(String name, Clock clock, int maxValueBytes) {
      return new InMemoryExecutionStore(byName.computeIfAbsent(name, key -> new Data()), clock, maxValueBytes);
    }
  }

  private final Data data;
  private final JsonColumns json;
  private final Clock clock;

  InMemoryExecutionStore(Data data, Clock clock, int maxValueBytes) {
    this.data = data;
    this.json = new JsonColumns(maxValueBytes);
    this.clock = clock;
  }

  private Instant now() {
    return Instant.ofEpochMilli(clock.millis());
  }

  private static Instant millis(Instant instant) {
    return Instant.ofEpochMilli(instant.toEpochMilli());
  }

  /** The value as the store would read it back from its column text. */
  private tools.jackson.databind.JsonNode stored(String text) {
    return json.value(text);
  }

  @Override
  public int maxValueBytes() {
    return json.limit();
  }

  @Override
  public void createExecution(ExecutionRecord execution) {
    String result = json.checked(execution.result(), () -> "the result of execution " + execution.id());
    String error = json.checked(execution.error(), () -> "the error of execution " + execution.id());
    synchronized (data) {
      if (data.executions.containsKey(execution.id())) {
        throw new IllegalStateException("An execution with id " + execution.id() + " already exists in memory");
      }
      data.executions.put(execution.id(), new ExecutionRecord(execution.id(), execution.runtime(), execution.code(),
          execution.status(), stored(result), stored(error), json.logLines(json.logs(execution.logs())),
          execution.connectors(), execution.seed(), execution.clock(), millis(execution.createdAt()),
          millis(execution.updatedAt())));
      data.journals.put(execution.id(), new TreeMap<>());
    }
  }

  @Override
  public Optional<ExecutionRecord> execution(String id) {
    synchronized (data) {
      return Optional.ofNullable(data.executions.get(id));
    }
  }

  @Override
  public List<ExecutionRecord> executions(String runtime, int limit, int offset) {
    if (limit < 0 || offset < 0) {
      throw new IllegalArgumentException("limit and offset must not be negative: " + limit + ", " + offset);
    }
    return newestFirst(runtime).stream().skip(offset).limit(limit).toList();
  }

  private List<ExecutionRecord> newestFirst(String runtime) {
    synchronized (data) {
      return data.executions.values().stream().filter(execution -> execution.runtime().equals(runtime))
          .sorted(Comparator.comparing(ExecutionRecord::createdAt).thenComparing(ExecutionRecord::id).reversed())
          .toList();
    }
  }

  @Override
  public List<ExecutionRecord> untouchedSince(String runtime, Set<ExecutionStatus> statuses, Instant cutoff) {
    List<ExecutionRecord> idle = new ArrayList<>(newestFirst(runtime).stream()
        .filter(execution -> statuses.contains(execution.status()) && execution.updatedAt().isBefore(millis(cutoff)))
        .toList());
    java.util.Collections.reverse(idle);
    return idle;
  }

  @Override
  public int prune(String runtime, int keep) {
    if (keep < 0) {
      throw new IllegalArgumentException("keep must not be negative: " + keep);
    }
    List<String> doomed = newestFirst(runtime).stream().filter(execution -> execution.status().isTerminal())
        .skip(keep).map(ExecutionRecord::id).toList();
    synchronized (data) {
      doomed.forEach(id -> {
        data.executions.remove(id);
        data.journals.remove(id);
      });
    }
    return doomed.size();
  }

  @Override
  public Optional<JournalEntry> entry(String executionId, int seq) {
    synchronized (data) {
      return Optional.ofNullable(data.journals.getOrDefault(executionId, new TreeMap<>()).get(seq));
    }
  }

  @Override
  public List<JournalEntry> journal(String executionId) {
    synchronized (data) {
      return List.copyOf(data.journals.getOrDefault(executionId, new TreeMap<>()).values());
    }
  }

  @Override
  public List<JournalEntry> pending(String runtime) {
    List<JournalEntry> pending = new ArrayList<>();
    for (ExecutionRecord execution : newestFirst(runtime)) {
      if (execution.status() == ExecutionStatus.PAUSED) {
        journal(execution.id()).stream().filter(entry -> entry.state() == EntryState.PENDING).forEach(pending::add);
      }
    }
    return pending;
  }

  @Override
  public boolean apply(List<StoreChange> changes) {
    // Column texts first: a value too large throws before anything changes.
    List<Object> prepared = new ArrayList<>();
    for (StoreChange change : changes) {
      prepared.add(prepare(change));
    }
    synchronized (data) {
      Map<String, ExecutionRecord> nextExecutions = new HashMap<>(data.executions);
      Map<String, TreeMap<Integer, JournalEntry>> nextJournals = new HashMap<>();
      data.journals.forEach((id, journal) -> nextJournals.put(id, new TreeMap<>(journal)));
      Instant now = now();
      for (String id : changes.stream().map(StoreChange::executionId).collect(Collectors.toCollection(java.util.TreeSet::new))) {
        ExecutionRecord execution = nextExecutions.get(id);
        Instant untouchedSince = changes.stream()
            .filter(change -> change instanceof StoreChange.MoveExecution move && move.executionId().equals(id)
                && move.untouchedSince() != null)
            .map(change -> millis(((StoreChange.MoveExecution) change).untouchedSince()))
            .min(Comparator.naturalOrder()).orElse(null);
        if (execution == null || (untouchedSince != null && !execution.updatedAt().isBefore(untouchedSince))) {
          return false;
        }
        nextExecutions.put(id, with(execution, execution.status(), execution.result(), execution.error(),
            execution.logs(), now));
      }
      for (int i = 0; i < changes.size(); i++) {
        if (!applyOne(changes.get(i), prepared.get(i), nextExecutions, nextJournals, now)) {
          return false;
        }
      }
      data.executions = nextExecutions;
      data.journals = nextJournals;
      return true;
    }
  }

  /** The column texts of a change, checked: result and error for entries, the ending's for executions. */
  private Object prepare(StoreChange change) {
    if (change instanceof StoreChange.AddEntry add) {
      JournalEntry entry = add.entry();
      String call = entry.connector() + "." + entry.tool() + " (seq " + entry.seq() + ")";
      return List.of(json.checked(entry.input(), () -> "the input of " + call),
          Objects.toString(json.checked(entry.result(), () -> "the result of " + call), "\u0000none"));
    }
    if (change instanceof StoreChange.MoveEntry move) {
      String call = entry(move.executionId(), move.seq())
          .map(entry -> entry.connector() + "." + entry.tool() + " (seq " + move.seq() + ")")
          .orElse("entry " + move.seq() + " of execution " + move.executionId());
      return Objects.toString(json.checked(move.result(), () -> "the result of " + call), "\u0000none");
    }
    StoreChange.Ending ending = ((StoreChange.MoveExecution) change).ending();
    if (ending == null) {
      return "";
    }
    return new String[] {json.resultOrPlaceholder(ending.result()), json.errorOrPlaceholder(ending.error()),
        ending.logs() == null ? null : json.logs(ending.logs())};
  }

  private tools.jackson.databind.JsonNode storedOrNone(String text) {
    return text.equals("\u0000none") ? null : stored(text);
  }

  private boolean applyOne(StoreChange change, Object prepared, Map<String, ExecutionRecord> executions,
      Map<String, TreeMap<Integer, JournalEntry>> journals, Instant now) {
    if (change instanceof StoreChange.AddEntry add) {
      JournalEntry entry = add.entry();
      TreeMap<Integer, JournalEntry> journal = journals.get(entry.executionId());
      if (journal == null || journal.containsKey(entry.seq())) {
        return false;
      }
      List<?> texts = (List<?>) prepared;
      journal.put(entry.seq(), new JournalEntry(entry.executionId(), entry.seq(), entry.connector(), entry.tool(),
          stored((String) texts.get(0)), storedOrNone((String) texts.get(1)), entry.requiresApproval(), entry.state(),
          json.boundedText(entry.error()), millis(entry.updatedAt())));
      return true;
    }
    if (change instanceof StoreChange.MoveEntry move) {
      TreeMap<Integer, JournalEntry> journal = journals.get(move.executionId());
      JournalEntry entry = journal == null ? null : journal.get(move.seq());
      if (entry == null || entry.state() != move.from()) {
        return false;
      }
      journal.put(move.seq(), entry.with(move.to(), storedOrNone((String) prepared), json.boundedText(move.error()), now));
      return true;
    }
    StoreChange.MoveExecution move = (StoreChange.MoveExecution) change;
    ExecutionRecord execution = executions.get(move.executionId());
    if (execution == null || !move.from().contains(execution.status())) {
      return false;
    }
    if (move.ending() == null) {
      executions.put(execution.id(), with(execution, move.to(), execution.result(), execution.error(), execution.logs(), now));
    } else {
      String[] texts = (String[]) prepared;
      executions.put(execution.id(), with(execution, move.to(), stored(texts[0]), stored(texts[1]),
          texts[2] == null ? execution.logs() : json.logLines(texts[2]), now));
    }
    return true;
  }

  private static ExecutionRecord with(ExecutionRecord execution, ExecutionStatus status,
      tools.jackson.databind.JsonNode result, tools.jackson.databind.JsonNode error, List<String> logs, Instant now) {
    return new ExecutionRecord(execution.id(), execution.runtime(), execution.code(), status, result, error, logs,
        execution.connectors(), execution.seed(), execution.clock(), execution.createdAt(), now);
  }

  @Override
  public void saveSnippet(Snippet snippet) {
    synchronized (data) {
      data.snippets.put(snippet.runtime() + "\u0000" + snippet.name(), new Snippet(snippet.runtime(), snippet.name(),
          snippet.description(), snippet.code(), snippet.connectors(), snippet.executionId(), millis(snippet.savedAt())));
    }
  }

  @Override
  public Optional<Snippet> snippet(String runtime, String name) {
    synchronized (data) {
      return Optional.ofNullable(data.snippets.get(runtime + "\u0000" + name));
    }
  }

  @Override
  public List<Snippet> snippets(String runtime) {
    synchronized (data) {
      return data.snippets.values().stream().filter(snippet -> snippet.runtime().equals(runtime)).toList();
    }
  }

  @Override
  public boolean deleteSnippet(String runtime, String name) {
    synchronized (data) {
      return data.snippets.remove(runtime + "\u0000" + name) != null;
    }
  }

  @Override
  public void close() {
    // nothing to release
  }
}
