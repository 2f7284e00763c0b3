package dev.codemode.runtime.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

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
  };

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

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
