package dev.codemode.runtime.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Brings a store database to the schema this code knows, one versioned script at a time, each
 * recorded in {@code codemode_schema_version}. All of it runs in one transaction that excludes
 * other processes doing the same, so two processes opening a fresh database at once migrate it
 * once; a database of a newer schema is refused untouched.
 */
final class SchemaMigrations {

  /** One script: {@code V<version>__<name>.sql} in the dialect's folder. */
  record Migration(int version, String name) {
    String resource(Dialect dialect) {
      return dialect.migrationFolder() + "V" + version + "__" + name + ".sql";
    }
  }

  /** Every migration, in order. Add new ones at the end; never edit a released one. */
  static final List<Migration> ALL = List.of(new Migration(1, "journal"));

  /** The schema version this code writes. */
  static final int LATEST = ALL.get(ALL.size() - 1).version();

  private SchemaMigrations() {}

  /**
   * Applies the migrations {@code database} lacks.
   *
   * @throws ExecutionStoreException when the database has a newer schema than this code knows
   */
  static void apply(Database database, Clock clock) {
    database.changeSchema("migrate the schema", connection -> {
      try (Statement statement = connection.createStatement()) {
        statement.execute("CREATE TABLE IF NOT EXISTS codemode_schema_version ("
            + "version INTEGER NOT NULL PRIMARY KEY, description TEXT NOT NULL, applied_at BIGINT NOT NULL)");
      }
      int current = currentVersion(connection);
      if (current > LATEST) {
        throw new ExecutionStoreException("The execution store at " + database.location().display()
            + " has schema version " + current + ", newer than version " + LATEST + " that this Codemode knows,"
            + " so it was left untouched. A newer Codemode wrote it: upgrade codemode-runtime to that version,"
            + " or point this one at another database.");
      }
      for (Migration migration : ALL) {
        if (migration.version() > current) {
          run(connection, migration, database.location().dialect(), clock.millis());
        }
      }
      return current;
    });
  }

  private static int currentVersion(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT MAX(version) FROM codemode_schema_version")) {
      rows.next();
      return rows.getInt(1);
    }
  }

  private static void run(Connection connection, Migration migration, Dialect dialect, long now) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String sql : statements(script(migration.resource(dialect)))) {
        statement.execute(sql);
      }
    }
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO codemode_schema_version (version, description, applied_at) VALUES (?, ?, ?)")) {
      insert.setInt(1, migration.version());
      insert.setString(2, migration.name());
      insert.setLong(3, now);
      insert.executeUpdate();
    }
  }

  /** The script's statements: comment lines dropped, split at semicolons that end a line. */
  static List<String> statements(String script) {
    StringBuilder text = new StringBuilder();
    for (String line : script.split("\n", -1)) {
      if (!line.strip().startsWith("--")) {
        text.append(line).append('\n');
      }
    }
    List<String> statements = new ArrayList<>();
    for (String statement : text.toString().split(";\\s*\n", -1)) {
      if (!statement.isBlank()) {
        statements.add(statement.strip());
      }
    }
    return statements;
  }

  private static String script(String resource) {
    try (InputStream in = SchemaMigrations.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("The migration script " + resource + " is missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the migration script " + resource, e);
    }
  }
}
