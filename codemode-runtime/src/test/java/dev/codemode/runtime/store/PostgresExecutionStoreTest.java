package dev.codemode.runtime.store;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The store contract on a real PostgreSQL server that the test starts (see {@link
 * PostgresServer}), a fresh database per test, and what only a server has: connection errors and
 * credentials.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresExecutionStoreTest extends JdbcStoreContract {

  private PostgresServer server;

  @BeforeAll
  void startServer() throws Exception {
    server = PostgresServer.start(false);
  }

  @AfterAll
  void stopServer() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  @Override
  protected String newDatabase() throws SQLException {
    return server.createDatabase();
  }

  @Override
  Connection connect(String location) throws SQLException {
    return DriverManager.getConnection(location);
  }

  @Test
  void refusesAnUnreachableServerAndSaysWhere() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    String unreachable = "jdbc:postgresql://127.0.0.1:" + closedPort + "/codemode?user=codemode&password=secret";
    ExecutionStoreException e = assertThrows(ExecutionStoreException.class, () -> open(unreachable, 1_000_000));
    assertThat(e).hasMessageThat().startsWith("Could not open the execution store at jdbc:postgresql://127.0.0.1:"
        + closedPort + "/codemode?user=codemode&password=***: ");
    assertThat(e).hasMessageThat().contains("Check that the server runs and accepts connections");
    assertThat(e).hasMessageThat().doesNotContain("secret");
  }

  /** codemode-runtime carries only SQLite's driver: without PostgreSQL's, the message names the artifact. */
  @Test
  void aMissingDriverIsNamedWithTheArtifactToAdd() {
    StoreLocation location = StoreLocation.parse(database);
    ClassLoader withoutDriver = new ClassLoader(null) {};
    ExecutionStoreException e = assertThrows(ExecutionStoreException.class,
        () -> Database.requirePostgresDriver(location, withoutDriver));
    assertThat(e).hasMessageThat().contains("the PostgreSQL JDBC driver (org.postgresql.Driver) is not on the class path");
    assertThat(e).hasMessageThat().contains("org.postgresql:postgresql");
    assertThat(e).hasMessageThat().doesNotContain("password=trust");
    Database.requirePostgresDriver(location, PostgresExecutionStoreTest.class.getClassLoader());
  }

  @Test
  void refusesAMissingDatabase() {
    String missing = server.url("no_such_database");
    ExecutionStoreException e = assertThrows(ExecutionStoreException.class, () -> open(missing, 1_000_000));
    assertThat(e).hasMessageThat().contains("no_such_database");
  }

  @Test
  void takesTheUserFromTheBuilder() throws Exception {
    String withoutUser = database.substring(0, database.indexOf('?'));
    try (JdbcExecutionStore byBuilder = JdbcExecutionStore.builder()
        .location(withoutUser).user("postgres").password("unused with trust").clock(clock).build()) {
      assertThat(byBuilder.executions(RUNTIME, 1, 0)).isEmpty();
    }
  }
}
