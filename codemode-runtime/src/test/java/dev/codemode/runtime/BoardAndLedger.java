package dev.codemode.runtime;

import dev.codemode.runtime.fixtures.BoardConnector;
import dev.codemode.runtime.fixtures.BoardConnector_Codemode;
import dev.codemode.runtime.fixtures.LedgerConnector;
import dev.codemode.runtime.fixtures.LedgerConnector_Codemode;
import dev.codemode.runtime.store.JdbcExecutionStore;
import dev.codemode.sandbox.GraalJsExecutor;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tests of durable runs on a board and a ledger: a fresh SQLite file, fresh connectors and a
 * runtime per test, on one executor with a generous timeout for the class.
 */
abstract class BoardAndLedger {

  static final Duration TIMEOUT = Duration.ofSeconds(60);
  static GraalJsExecutor executor;

  @TempDir Path directory;
  BoardConnector board;
  LedgerConnector ledger;
  CodemodeRuntime runtime;

  @BeforeAll
  static void startExecutor() {
    executor = GraalJsExecutor.builder().timeout(TIMEOUT).build();
  }

  @AfterAll
  static void stopExecutor() {
    executor.close();
  }

  @BeforeEach
  void startRuntime() {
    board = new BoardConnector();
    ledger = new LedgerConnector();
    runtime = runtime(TIMEOUT);
  }

  @AfterEach
  void stopRuntime() {
    runtime.close();
  }

  /** A runtime on the test's store and connectors; another timeout gets an executor of its own. */
  CodemodeRuntime runtime(Duration timeout) {
    return CodemodeRuntime.builder()
        .executor(timeout.equals(TIMEOUT) ? executor : GraalJsExecutor.builder().timeout(timeout).build())
        .store(JdbcExecutionStore.open(directory.resolve("codemode.db").toString()))
        .connector(new BoardConnector_Codemode(), board)
        .connector(new LedgerConnector_Codemode(), ledger)
        .build();
  }
}
