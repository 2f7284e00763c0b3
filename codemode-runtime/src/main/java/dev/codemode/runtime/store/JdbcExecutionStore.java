package dev.codemode.runtime.store;

import static dev.codemode.runtime.store.Rows.change;
import static dev.codemode.runtime.store.Rows.query;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

/**
 * The {@link ExecutionStore} on a SQLite file (the embedded default) or a PostgreSQL database.
 *
 * <p>Open one with {@link #open(String)} or {@link #builder()}; opening creates the tables, or
 * migrates them from an older version, and refuses a database written by a newer version. A store
 * is thread-safe and holds a small pool of connections until {@link #close()}.
 *
 * <p>Several processes may share one SQLite file on one machine, and several machines one
 * PostgreSQL database: every {@link #apply} runs in one transaction, SQLite write transactions take
 * the file's write lock up front ({@code BEGIN IMMEDIATE}, waiting up to 10 s for another process),
 * and every change is an {@code UPDATE ... WHERE state = ?} (or an insert of a new key) whose row
 * count says who won.
 *
 * <p>Values are compact JSON text measured in UTF-8 bytes against {@link #maxValueBytes()}. A
 * journal entry's error text over the limit is cut to it, with a note. Times are milliseconds: a
 * stored record keeps the times it was created with, and every change stamps the builder's clock.
 */
public final class JdbcExecutionStore implements ExecutionStore {

  /** The default {@link #maxValueBytes()}: one million bytes. */
  public static final int DEFAULT_MAX_VALUE_BYTES = 1_000_000;

  /** The smallest limit a store accepts: placeholders and notes about cut values must fit. */
  public static final int MIN_MAX_VALUE_BYTES = 256;

  private static final String TERMINAL = Arrays.stream(ExecutionStatus.values())
      .filter(ExecutionStatus::isTerminal)
      .map(status -> "'" + status.wireName() + "'")
      .collect(Collectors.joining(", ", "(", ")"));

  private final Database database;
  private final JsonColumns json;
  private final Rows rows;
  private final Clock clock;

  private JdbcExecutionStore(Database database, int maxValueBytes, Clock clock) {
    this.database = database;
    this.json = new JsonColumns(maxValueBytes);
    this.rows = new Rows(json);
    this.clock = clock;
  }

  /**
   * Opens the store at {@code location} with the default settings.
   *
   * @param location a file path (a SQLite file, created with its folders when missing), a {@code
   *     jdbc:sqlite:} URL, or a {@code jdbc:postgresql:} URL, which may carry {@code user} and {@code
   *     password} in its query
   * @throws IllegalArgumentException when the location is of an unknown kind
   * @throws ExecutionStoreException when the database cannot be reached, is not a SQLite file, or
   *     has a newer schema than this code knows; the message says how to fix it
   */
  public static JdbcExecutionStore open(String location) {
    return builder().location(location).build();
  }

  /** A builder of a store; only the location is required. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public int maxValueBytes() {
    return json.limit();
  }

  private Instant now() {
    return Instant.ofEpochMilli(clock.millis());
  }

  private static Instant millis(Instant instant) {
    return Instant.ofEpochMilli(instant.toEpochMilli());
  }

  // ---- executions ---------------------------------------------------------------------------

  @Override
  public void createExecution(ExecutionRecord execution) {
    String result = json.checked(execution.result(), () -> "the result of execution " + execution.id());
    String error = json.checked(execution.error(), () -> "the error of execution " + execution.id());
    String logs = json.logs(execution.logs());
    boolean created = database.write("create execution " + execution.id(), connection -> change(connection,
        "INSERT INTO codemode_executions (" + Rows.EXECUTION_COLUMNS + ")"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
        execution.id(), execution.runtime(), execution.code(), execution.status().wireName(), result, error, logs,
        json.connectors(execution.connectors()), execution.seed(), execution.clock(),
        millis(execution.createdAt()), millis(execution.updatedAt())) == 1);
    if (!created) {
      throw new IllegalStateException("An execution with id " + execution.id() + " already exists in the store at "
          + database.location().display() + "; give each execution a new id.");
    }
  }

  @Override
  public Optional<ExecutionRecord> execution(String id) {
    return database.read("read execution " + id, connection -> query(connection,
        "SELECT " + Rows.EXECUTION_COLUMNS + " FROM codemode_executions WHERE id = ?", rows::execution, id))
        .stream().findFirst();
  }

  @Override
  public List<ExecutionRecord> executions(String runtime, int limit, int offset) {
    if (limit < 0 || offset < 0) {
      throw new IllegalArgumentException("limit and offset must not be negative: " + limit + ", " + offset);
    }
    return database.read("list the executions of " + runtime, connection -> query(connection,
        "SELECT " + Rows.EXECUTION_COLUMNS + " FROM codemode_executions WHERE runtime = ?"
            + " ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?",
        rows::execution, runtime, limit, offset));
  }

  /** {@inheritDoc} The newest {@code keep} terminal executions are kept, by creation time. */
  @Override
  public int prune(String runtime, int keep) {
    if (keep < 0) {
      throw new IllegalArgumentException("keep must not be negative: " + keep);
    }
    return database.write("prune the executions of " + runtime, connection -> change(connection,
        "DELETE FROM codemode_executions WHERE runtime = ? AND status IN " + TERMINAL + " AND id IN ("
            + "SELECT id FROM codemode_executions WHERE runtime = ? AND status IN " + TERMINAL
            + " ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?)",
        runtime, runtime, Long.MAX_VALUE, keep));
  }

  @Override
  public List<ExecutionRecord> untouchedSince(String runtime, Set<ExecutionStatus> statuses, Instant cutoff) {
    if (statuses.isEmpty()) {
      return List.of();
    }
    return database.read("list the idle executions of " + runtime, connection -> query(connection,
        "SELECT " + Rows.EXECUTION_COLUMNS + " FROM codemode_executions"
            + " WHERE runtime = ? AND status IN " + statusList(statuses) + " AND updated_at < ? ORDER BY created_at, id",
        rows::execution, runtime, millis(cutoff)));
  }

  private static String statusList(Set<ExecutionStatus> statuses) {
    return statuses.stream().sorted().map(status -> "'" + status.wireName() + "'")
        .collect(Collectors.joining(", ", "(", ")"));
  }

  // ---- journal --------------------------------------------------------------------------------

  @Override
  public Optional<JournalEntry> entry(String executionId, int seq) {
    return database.read("read entry " + seq + " of execution " + executionId, connection -> query(connection,
        "SELECT " + Rows.ENTRY_COLUMNS + " FROM codemode_journal WHERE execution_id = ? AND seq = ?",
        rows::entry, executionId, seq)).stream().findFirst();
  }

  @Override
  public List<JournalEntry> journal(String executionId) {
    return database.read("read the journal of execution " + executionId, connection -> query(connection,
        "SELECT " + Rows.ENTRY_COLUMNS + " FROM codemode_journal WHERE execution_id = ? ORDER BY seq",
        rows::entry, executionId));
  }

  private static String describe(String connector, String tool, int seq) {
    return connector + "." + tool + " (seq " + seq + ")";
  }

  @Override
  public List<JournalEntry> pending(String runtime) {
    return database.read("list the pending calls of " + runtime, connection -> query(connection,
        "SELECT " + prefixed("j.", Rows.ENTRY_COLUMNS) + " FROM codemode_journal j"
            + " JOIN codemode_executions e ON e.id = j.execution_id"
            + " WHERE e.runtime = ? AND e.status = ? AND j.state = ?"
            + " ORDER BY e.created_at DESC, e.id DESC, j.seq",
        rows::entry, runtime, ExecutionStatus.PAUSED.wireName(), EntryState.PENDING.wireName()));
  }

  private static String prefixed(String prefix, String columns) {
    return Arrays.stream(columns.split(", ")).map(column -> prefix + column).collect(Collectors.joining(", "));
  }

  // ---- changes --------------------------------------------------------------------------------

  /** A change with its column texts computed, sizes checked, ready to run in a transaction. */
  @FunctionalInterface
  private interface Statement {
    /** Runs the change; false when its condition does not hold. */
    boolean run(Connection connection, Instant now) throws SQLException;
  }

  @Override
  public boolean apply(List<StoreChange> changes) {
    if (changes.isEmpty()) {
      return true;
    }
    // Every value is measured and written to text before the transaction: a value too large
    // throws here, and nothing is written.
    List<Statement> statements = new ArrayList<>();
    Map<String, Instant> executions = new TreeMap<>();
    for (StoreChange change : changes) {
      statements.add(statement(change));
      Instant untouchedSince = change instanceof StoreChange.MoveExecution move ? move.untouchedSince() : null;
      executions.merge(change.executionId(), untouchedSince == null ? Instant.MAX : millis(untouchedSince),
          (a, b) -> a.isBefore(b) ? a : b);
    }
    String action = changes.size() == 1 ? "change execution " + changes.get(0).executionId()
        : "make " + changes.size() + " changes to " + String.join(", ", executions.keySet());
    return database.writeIf(action, connection -> {
      Instant now = now();
      // Each execution's row first, in id order: every transaction on an execution takes its lock
      // before any of its entries', so two of them cannot deadlock. The stamp is also the check that
      // it exists and, for an expiry, that nothing touched it since the cutoff.
      for (Map.Entry<String, Instant> execution : executions.entrySet()) {
        boolean touched = execution.getValue().equals(Instant.MAX)
            ? change(connection, "UPDATE codemode_executions SET updated_at = ? WHERE id = ?",
                now, execution.getKey()) == 1
            : change(connection, "UPDATE codemode_executions SET updated_at = ? WHERE id = ? AND updated_at < ?",
                now, execution.getKey(), execution.getValue()) == 1;
        if (!touched) {
          return false;
        }
      }
      for (Statement statement : statements) {
        if (!statement.run(connection, now)) {
          return false;
        }
      }
      return true;
    });
  }

  private Statement statement(StoreChange change) {
    if (change instanceof StoreChange.AddEntry add) {
      return addEntry(add.entry());
    }
    if (change instanceof StoreChange.MoveEntry move) {
      return moveEntry(move);
    }
    return moveExecution((StoreChange.MoveExecution) change);
  }

  private Statement addEntry(JournalEntry entry) {
    String call = describe(entry.connector(), entry.tool(), entry.seq());
    String input = json.checked(entry.input(), () -> "the input of " + call);
    String result = json.checked(entry.result(), () -> "the result of " + call);
    String error = json.boundedText(entry.error());
    return (connection, now) -> change(connection,
        "INSERT INTO codemode_journal (" + Rows.ENTRY_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (execution_id, seq) DO NOTHING",
        entry.executionId(), entry.seq(), entry.connector(), entry.tool(), input, result, entry.requiresApproval(),
        entry.state().wireName(), error, millis(entry.updatedAt())) == 1;
  }

  private Statement moveEntry(StoreChange.MoveEntry move) {
    String result = json.checked(move.result(), () -> "the result of " + entry(move.executionId(), move.seq())
        .map(entry -> describe(entry.connector(), entry.tool(), move.seq()))
        .orElse("entry " + move.seq() + " of execution " + move.executionId()));
    String error = json.boundedText(move.error());
    return (connection, now) -> change(connection,
        "UPDATE codemode_journal SET state = ?, result = ?, error = ?, updated_at = ?"
            + " WHERE execution_id = ? AND seq = ? AND state = ?",
        move.to().wireName(), result, error, now, move.executionId(), move.seq(), move.from().wireName()) == 1;
  }

  private Statement moveExecution(StoreChange.MoveExecution move) {
    String where = " WHERE id = ? AND status IN " + statusList(move.from());
    StoreChange.Ending ending = move.ending();
    if (ending == null) {
      return (connection, now) -> change(connection, "UPDATE codemode_executions SET status = ?" + where,
          move.to().wireName(), move.executionId()) == 1;
    }
    String result = json.resultOrPlaceholder(ending.result());
    String error = json.errorOrPlaceholder(ending.error());
    if (ending.logs() == null) {
      return (connection, now) -> change(connection,
          "UPDATE codemode_executions SET status = ?, result = ?, error = ?" + where,
          move.to().wireName(), result, error, move.executionId()) == 1;
    }
    String logs = json.logs(ending.logs());
    return (connection, now) -> change(connection,
        "UPDATE codemode_executions SET status = ?, result = ?, error = ?, logs = ?" + where,
        move.to().wireName(), result, error, logs, move.executionId()) == 1;
  }

  // ---- snippets -------------------------------------------------------------------------------

  @Override
  public void saveSnippet(Snippet snippet) {
    database.write("save snippet " + snippet.name(), connection -> change(connection,
        "INSERT INTO codemode_snippets (" + Rows.SNIPPET_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (runtime, name) DO UPDATE SET description = excluded.description, code = excluded.code,"
            + " connectors = excluded.connectors, execution_id = excluded.execution_id, saved_at = excluded.saved_at",
        snippet.runtime(), snippet.name(), snippet.description(), snippet.code(),
        json.connectors(snippet.connectors()), snippet.executionId(), millis(snippet.savedAt())));
  }

  @Override
  public Optional<Snippet> snippet(String runtime, String name) {
    return database.read("read snippet " + name, connection -> query(connection,
        "SELECT " + Rows.SNIPPET_COLUMNS + " FROM codemode_snippets WHERE runtime = ? AND name = ?",
        rows::snippet, runtime, name)).stream().findFirst();
  }

  @Override
  public List<Snippet> snippets(String runtime) {
    return database.read("list the snippets of " + runtime, connection -> query(connection,
        "SELECT " + Rows.SNIPPET_COLUMNS + " FROM codemode_snippets WHERE runtime = ? ORDER BY name",
        rows::snippet, runtime));
  }

  @Override
  public boolean deleteSnippet(String runtime, String name) {
    return database.writeIf("delete snippet " + name, connection -> change(connection,
        "DELETE FROM codemode_snippets WHERE runtime = ? AND name = ?", runtime, name) == 1);
  }

  @Override
  public void close() {
    database.close();
  }

  @Override
  public String toString() {
    return "JdbcExecutionStore[" + database.location().display() + "]";
  }

  /** Settings of a store; {@link #location(String)} is required. */
  public static final class Builder {

    private @Nullable String location;
    private @Nullable String user;
    private @Nullable String password;
    private int maxValueBytes = DEFAULT_MAX_VALUE_BYTES;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * Where the store lives: a file path (a SQLite file, created with its folders when missing), a
     * {@code jdbc:sqlite:} URL, or a {@code jdbc:postgresql:} URL.
     */
    public Builder location(String location) {
      this.location = Objects.requireNonNull(location, "location");
      return this;
    }

    /** The database user (PostgreSQL); overrides one in the URL. */
    public Builder user(String user) {
      this.user = user;
      return this;
    }

    /** The database password (PostgreSQL); overrides one in the URL. */
    public Builder password(String password) {
      this.password = password;
      return this;
    }

    /**
     * The largest value, in UTF-8 bytes of its JSON text, the store accepts; default {@value
     * #DEFAULT_MAX_VALUE_BYTES}, at least {@value #MIN_MAX_VALUE_BYTES}.
     */
    public Builder maxValueBytes(int maxValueBytes) {
      if (maxValueBytes < MIN_MAX_VALUE_BYTES) {
        throw new IllegalArgumentException(
            "maxValueBytes must be at least " + MIN_MAX_VALUE_BYTES + ", not " + maxValueBytes);
      }
      this.maxValueBytes = maxValueBytes;
      return this;
    }

    /** The clock that stamps changes (milliseconds are kept); default the system clock in UTC. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Opens the store: connects, creates or migrates the schema.
     *
     * @throws IllegalArgumentException when no location was given or it is of an unknown kind
     * @throws ExecutionStoreException when the database cannot be reached, is not a SQLite file, or
     *     has a newer schema than this code knows; the message says how to fix it
     */
    public JdbcExecutionStore build() {
      StoreLocation parsed = StoreLocation.parse(location);
      Database database = Database.open(parsed, user, password);
      try {
        SchemaMigrations.apply(database, clock);
      } catch (RuntimeException e) {
        database.close();
        throw e;
      }
      return new JdbcExecutionStore(database, maxValueBytes, clock);
    }
  }
}
