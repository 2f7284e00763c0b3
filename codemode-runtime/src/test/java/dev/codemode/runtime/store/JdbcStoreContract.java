package dev.codemode.runtime.store;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The store contract on {@link JdbcExecutionStore}, and what the JDBC store adds: its schema and its builder. */
abstract class JdbcStoreContract extends ExecutionStoreContract {

  /** A plain JDBC connection to the database at {@code location}. */
  abstract Connection connect(String location) throws SQLException;

  @Override
  protected ExecutionStore open(String database, Clock clock, int maxValueBytes) {
    return JdbcExecutionStore.builder().location(database).maxValueBytes(maxValueBytes).clock(clock).build();
  }

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
  void theLimitHasADefaultAndAFloor() {
    assertThat(store.maxValueBytes()).isEqualTo(JdbcExecutionStore.DEFAULT_MAX_VALUE_BYTES);
    assertThrows(IllegalArgumentException.class, () -> JdbcExecutionStore.builder().maxValueBytes(255));
  }

  @Test
  void migratesAFreshDatabaseAndReopensAnExistingOne() throws Exception {
    assertThat(schemaVersions(database)).containsExactly(1);
    running("exec_1");
    store.close();
    ExecutionStore reopened = open(database, 1_000_000);
    assertThat(reopened.execution("exec_1")).isPresent();
    assertThat(schemaVersions(database)).containsExactly(1);
  }

  @Test
  void twoStoresOpeningAFreshDatabaseAtOnceMigrateItOnce() throws Exception {
    String fresh = newDatabase();
    CyclicBarrier start = new CyclicBarrier(3);
    ExecutorService threads = Executors.newFixedThreadPool(3);
    try {
      List<Future<ExecutionStore>> stores = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        stores.add(threads.submit(() -> {
          start.await();
          return open(fresh, 1_000_000);
        }));
      }
      for (Future<ExecutionStore> opening : stores) {
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
    try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
      statement.execute("INSERT INTO codemode_schema_version (version, description, applied_at) VALUES (99, 'future', 0)");
    }
    ExecutionStoreException e = assertThrows(ExecutionStoreException.class, () -> open(database, 1_000_000));
    assertThat(e).hasMessageThat().contains("has schema version 99, newer than version 1 that this Codemode knows");
    assertThat(e).hasMessageThat().contains("upgrade codemode-runtime");
    assertThat(schemaVersions(database)).containsExactly(1, 99);
    try (Connection connection = connect(database);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT id FROM codemode_executions")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getString(1)).isEqualTo("exec_1");
    }
  }
}
