package dev.codemode.runtime.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** The stored rows as records: the columns each query selects, and how each row is read. */
final class Rows {

  static final String EXECUTION_COLUMNS =
      "id, runtime, code, status, result, error, logs, connectors, seed, clock, created_at, updated_at";
  static final String ENTRY_COLUMNS =
      "execution_id, seq, connector, tool, input, result, requires_approval, state, error, updated_at";
  static final String SNIPPET_COLUMNS = "runtime, name, description, code, connectors, execution_id, saved_at";

  /** A row reader. */
  @FunctionalInterface
  interface Reader<T> {
    T read(ResultSet row) throws SQLException;
  }

  private final JsonColumns json;

  Rows(JsonColumns json) {
    this.json = json;
  }

  ExecutionRecord execution(ResultSet row) throws SQLException {
    return new ExecutionRecord(
        row.getString("id"),
        row.getString("runtime"),
        row.getString("code"),
        ExecutionStatus.fromWireName(row.getString("status")),
        json.value(row.getString("result")),
        json.value(row.getString("error")),
        json.logLines(row.getString("logs")),
        json.connectorMap(row.getString("connectors")),
        row.getLong("seed"),
        row.getLong("clock"),
        Instant.ofEpochMilli(row.getLong("created_at")),
        Instant.ofEpochMilli(row.getLong("updated_at")));
  }

  JournalEntry entry(ResultSet row) throws SQLException {
    return new JournalEntry(
        row.getString("execution_id"),
        row.getInt("seq"),
        row.getString("connector"),
        row.getString("tool"),
        Objects.requireNonNull(json.value(row.getString("input")), "the input column is NOT NULL"),
        json.value(row.getString("result")),
        row.getBoolean("requires_approval"),
        EntryState.fromWireName(row.getString("state")),
        row.getString("error"),
        Instant.ofEpochMilli(row.getLong("updated_at")));
  }

  Snippet snippet(ResultSet row) throws SQLException {
    return new Snippet(
        row.getString("runtime"),
        row.getString("name"),
        row.getString("description"),
        row.getString("code"),
        json.connectorMap(row.getString("connectors")),
        row.getString("execution_id"),
        Instant.ofEpochMilli(row.getLong("saved_at")));
  }

  /** Runs the prepared query and reads every row. */
  static <T> List<T> list(PreparedStatement query, Reader<T> reader) throws SQLException {
    List<T> list = new ArrayList<>();
    try (ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        list.add(reader.read(rows));
      }
    }
    return list;
  }

  /** Runs a query with {@code values} bound and reads every row. */
  static <T> List<T> query(java.sql.Connection connection, String sql, Reader<T> reader, @Nullable Object... values)
      throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(sql)) {
      return list(bind(query, values), reader);
    }
  }

  /** Runs a change with {@code values} bound; the number of rows it changed. */
  static int change(java.sql.Connection connection, String sql, @Nullable Object... values) throws SQLException {
    try (PreparedStatement change = connection.prepareStatement(sql)) {
      return bind(change, values).executeUpdate();
    }
  }

  /** Binds {@code values} to the statement's parameters, in order. */
  static PreparedStatement bind(PreparedStatement statement, @Nullable Object... values) throws SQLException {
    for (int i = 0; i < values.length; i++) {
      Object value = values[i];
      if (value instanceof Instant instant) {
        statement.setLong(i + 1, instant.toEpochMilli());
      } else if (value instanceof String text) {
        statement.setString(i + 1, text);
      } else if (value instanceof Integer number) {
        statement.setInt(i + 1, number);
      } else if (value instanceof Long number) {
        statement.setLong(i + 1, number);
      } else if (value instanceof Boolean flag) {
        statement.setBoolean(i + 1, flag);
      } else if (value == null) {
        statement.setNull(i + 1, java.sql.Types.VARCHAR);
      } else {
        throw new IllegalArgumentException("cannot bind a " + value.getClass().getName());
      }
    }
    return statement;
  }
}
