package dev.codemode.runtime.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Predicate;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.jspecify.annotations.Nullable;

/**
 * A pool of connections to one store database, and the transactions the store runs on them.
 *
 * <p>The pool is HikariCP for both dialects: it validates and replaces broken connections, which a
 * server database needs, and costs nothing on SQLite, where every connection is set up with WAL, a
 * busy timeout and foreign keys.
 */
final class Database implements AutoCloseable {

  /** Work on a connection. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  /** How long a SQLite connection waits for another process's write lock before giving up. */
  static final int SQLITE_BUSY_TIMEOUT_MILLIS = 10_000;

  /** How often a transaction is tried when the database aborted it for a conflict (deadlock). */
  private static final int ATTEMPTS = 3;

  private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

  private final StoreLocation location;
  private final HikariDataSource pool;

  private Database(StoreLocation location, HikariDataSource pool) {
    this.location = location;
    this.pool = pool;
  }

  /**
   * Opens a pool on {@code location}, creating a SQLite file's missing parent folders.
   *
   * @throws ExecutionStoreException when the database cannot be reached or is not a SQLite file
   */
  static Database open(StoreLocation location, @Nullable String user, @Nullable String password) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("codemode-store");
    config.setMinimumIdle(1);
    config.setConnectionTimeout(30_000);
    if (location.dialect() == Dialect.SQLITE) {
      prepareSqliteFile(Objects.requireNonNull(location.file(), "a SQLite location has a file"));
      config.setDataSource(sqliteDataSource(location));
      config.setMaximumPoolSize(4);
    } else {
      requirePostgresDriver(location, Database.class.getClassLoader());
      config.setJdbcUrl(location.jdbcUrl());
      config.setDriverClassName(POSTGRES_DRIVER);
      if (user != null) {
        config.setUsername(user);
      }
      if (password != null) {
        config.setPassword(password);
      }
      config.setMaximumPoolSize(8);
    }
    try {
      return new Database(location, new HikariDataSource(config));
    } catch (RuntimeException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new ExecutionStoreException(
          "Could not open the execution store at " + location.display() + ": "
              + withoutFinalStop(cause.getMessage()) + ". "
              + (location.dialect() == Dialect.SQLITE
                  ? "Check that the file can be read and written by this process."
                  : "Check that the server runs and accepts connections, and that the URL, user and password are"
                      + " right."),
          cause);
    }
  }

  /** The PostgreSQL JDBC driver's class; codemode-runtime leaves the driver to the application. */
  static final String POSTGRES_DRIVER = "org.postgresql.Driver";

  /**
   * Fails with a message that names the artifact to add when the PostgreSQL driver is not on the
   * class path: the runtime carries only SQLite's.
   */
  static void requirePostgresDriver(StoreLocation location, ClassLoader classLoader) {
    try {
      Class.forName(POSTGRES_DRIVER, false, classLoader);
    } catch (ClassNotFoundException e) {
      throw new ExecutionStoreException("The execution store at " + location.display() + " is a PostgreSQL"
          + " database, but the PostgreSQL JDBC driver (" + POSTGRES_DRIVER + ") is not on the class path:"
          + " codemode-runtime carries only SQLite's. Add the dependency org.postgresql:postgresql (42.7 or"
          + " later) to the application, or use a SQLite file as the store.", e);
    }
  }

  private static SQLiteDataSource sqliteDataSource(StoreLocation location) {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setBusyTimeout(SQLITE_BUSY_TIMEOUT_MILLIS);
    config.enforceForeignKeys(true);
    // A recorded tool call must survive a power cut as well as a crash: the result may not be
    // repeatable, so every commit is synced.
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    SQLiteDataSource dataSource = new SQLiteDataSource(config);
    dataSource.setUrl(location.jdbcUrl());
    return dataSource;
  }

  /** Creates the parent folders, and refuses a file that exists but is not a SQLite database. */
  private static void prepareSqliteFile(Path file) {
    try {
      if (Files.isDirectory(file)) {
        throw new ExecutionStoreException("The execution store location " + file + " is a folder, not a file."
            + " Give the path of a database file in it, for example " + file.resolve("codemode.db") + ".");
      }
      if (Files.exists(file)) {
        byte[] header = new byte[SQLITE_HEADER.length];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
          read = in.readNBytes(header, 0, header.length);
        }
        if (read > 0 && !Arrays.equals(header, SQLITE_HEADER)) {
          throw new ExecutionStoreException("The execution store file " + file + " exists but is not a SQLite"
              + " database, so it was left untouched. Point the store at the database file it created, or at a"
              + " path where it may create a new one.");
        }
        return;
      }
      Path parent = file.getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
    } catch (IOException e) {
      throw new ExecutionStoreException("Could not prepare the execution store file " + file + ": " + e
          + ". Check that its folder exists or can be created, and that this process may write there.", e);
    }
  }

  StoreLocation location() {
    return location;
  }

  /** Runs {@code work} on a connection outside of any transaction (a single consistent read). */
  <T> T read(String action, Work<T> work) {
    try (Connection connection = pool.getConnection()) {
      return work.run(connection);
    } catch (SQLException e) {
      throw failure(action, e);
    }
  }

  /** Runs {@code work} in a write transaction and commits it. */
  <T> T write(String action, Work<T> work) {
    return transaction(action, false, work, result -> true);
  }

  /**
   * Runs a conditional change in a write transaction: commits it when {@code work} returns true,
   * rolls it back when it returns false.
   */
  boolean writeIf(String action, Work<Boolean> work) {
    return transaction(action, false, work, changed -> changed);
  }

  /** Runs {@code work} in a transaction that excludes other schema changes, and commits it. */
  <T> T changeSchema(String action, Work<T> work) {
    return transaction(action, true, work, result -> true);
  }

  private <T> T transaction(String action, boolean schemaChange, Work<T> work, Predicate<T> commit) {
    for (int attempt = 1; ; attempt++) {
      try {
        return transactionOnce(schemaChange, work, commit);
      } catch (SQLException e) {
        if (attempt == ATTEMPTS || !location.dialect().isWorthRetrying(e)) {
          throw failure(action, e);
        }
      }
    }
  }

  private <T> T transactionOnce(boolean schemaChange, Work<T> work, Predicate<T> commit) throws SQLException {
    Dialect dialect = location.dialect();
    try (Connection connection = pool.getConnection()) {
      dialect.begin(connection, schemaChange);
      T result;
      try {
        result = work.run(connection);
      } catch (SQLException | RuntimeException | Error e) {
        rollbackAfter(connection, e);
        throw e;
      }
      if (commit.test(result)) {
        try {
          dialect.commit(connection);
        } catch (SQLException e) {
          rollbackAfter(connection, e);
          throw e;
        }
      } else {
        dialect.rollback(connection);
      }
      return result;
    }
  }

  /** Rolls back after {@code failure}; a connection that cannot even roll back is evicted. */
  private void rollbackAfter(Connection connection, Throwable failure) {
    try {
      location.dialect().rollback(connection);
    } catch (SQLException | RuntimeException e) {
      failure.addSuppressed(e);
      pool.evictConnection(connection);
    }
  }

  private static @Nullable String withoutFinalStop(@Nullable String message) {
    return message != null && message.endsWith(".") ? message.substring(0, message.length() - 1) : message;
  }

  private ExecutionStoreException failure(String action, SQLException e) {
    return new ExecutionStoreException("Could not " + action + " in the execution store at " + location.display()
        + ": " + withoutFinalStop(e.getMessage()) + location.dialect().hint(e), e);
  }

  @Override
  public void close() {
    pool.close();
  }
}
