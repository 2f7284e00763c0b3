package dev.codemode.runtime.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteException;

/** What differs between the databases the store runs on: how transactions start and end, and locks. */
enum Dialect {

  /**
   * SQLite. The connections stay in auto-commit mode and transactions are started by hand, because
   * a write transaction must take the file's write lock up front ({@code BEGIN IMMEDIATE}): a
   * deferred one that upgrades from reading to writing can fail with SQLITE_BUSY at once instead of
   * waiting for the busy timeout.
   */
  SQLITE("sqlite") {
    @Override
    void begin(Connection connection, boolean schemaChange) throws SQLException {
      execute(connection, schemaChange ? "BEGIN EXCLUSIVE" : "BEGIN IMMEDIATE");
    }

    @Override
    void commit(Connection connection) throws SQLException {
      execute(connection, "COMMIT");
    }

    @Override
    void rollback(Connection connection) throws SQLException {
      execute(connection, "ROLLBACK");
    }

    @Override
    boolean isWorthRetrying(SQLException e) {
      return false; // a busy database was already waited for, for the whole busy timeout
    }

    @Override
    String hint(SQLException e) {
      return e instanceof SQLiteException sqlite && (sqlite.getResultCode().code & 0xff) == SQLITE_BUSY
          ? ". Another process held the file's write lock for longer than " + Database.SQLITE_BUSY_TIMEOUT_MILLIS / 1000
              + " s: look for a process stuck in a write, or give busy processes their own store files."
          : "";
    }
  },

  /**
   * PostgreSQL, at its default READ COMMITTED level: every conditional change is an {@code UPDATE
   * ... WHERE state = ?} whose row lock makes a racing transaction wait and then re-check the
   * condition on the committed row. A schema change takes a transaction-scoped advisory lock.
   */
  POSTGRES("postgres") {
    @Override
    void begin(Connection connection, boolean schemaChange) throws SQLException {
      connection.setAutoCommit(false);
      if (schemaChange) {
        try (Statement statement = connection.createStatement()) {
          statement.execute("SELECT pg_advisory_xact_lock(" + SCHEMA_LOCK_KEY + ")");
        }
      }
    }

    @Override
    void commit(Connection connection) throws SQLException {
      connection.commit();
      connection.setAutoCommit(true);
    }

    @Override
    void rollback(Connection connection) throws SQLException {
      connection.rollback();
      connection.setAutoCommit(true);
    }

    @Override
    boolean isWorthRetrying(SQLException e) {
      // deadlock_detected, serialization_failure: the server aborted one of two conflicting
      // transactions, which succeeds when run again.
      return "40P01".equals(e.getSQLState()) || "40001".equals(e.getSQLState());
    }

    @Override
    String hint(SQLException e) {
      String state = e.getSQLState();
      return state != null && state.startsWith("08")
          ? ". The connection to the server failed: check that it runs and is reachable."
          : "";
    }
  };

  private static final int SQLITE_BUSY = 5;

  /** The advisory lock key of schema migrations: "codemode" in ASCII. */
  static final long SCHEMA_LOCK_KEY = 0x636F64656D6F6465L;

  private final String folder;

  Dialect(String folder) {
    this.folder = folder;
  }

  /** The resource folder of this dialect's migration scripts. */
  String migrationFolder() {
    return "dev/codemode/runtime/store/" + folder + "/";
  }

  /**
   * Starts a write transaction; {@code schemaChange} also locks out other processes that migrate
   * the schema.
   */
  abstract void begin(Connection connection, boolean schemaChange) throws SQLException;

  abstract void commit(Connection connection) throws SQLException;

  abstract void rollback(Connection connection) throws SQLException;

  /** Whether a transaction that failed with {@code e} may succeed when run again. */
  abstract boolean isWorthRetrying(SQLException e);

  /** What to do about {@code e}, as a sentence to append to a message, or nothing. */
  abstract String hint(SQLException e);

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
