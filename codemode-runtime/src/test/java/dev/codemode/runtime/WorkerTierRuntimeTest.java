package dev.codemode.runtime;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.codemode.runtime.fixtures.LedgerConnector;
import dev.codemode.runtime.fixtures.LedgerConnector_Codemode;
import dev.codemode.runtime.store.ExecutionRecord;
import dev.codemode.runtime.store.ExecutionStatus;
import dev.codemode.runtime.store.JdbcExecutionStore;
import dev.codemode.runtime.store.JournalEntry;
import dev.codemode.core.ToolDescriptor;
import dev.codemode.sandbox.GraalJsExecutor;
import dev.codemode.sandbox.ToolProvider;
import tools.jackson.databind.node.BooleanNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The durable runtime on the worker tier: model code runs in a worker JVM, the connector and the
 * journal stay here, approvals replay across workers, and a run whose worker had to be killed is
 * recorded as failed with everything it journaled before kept.
 */
class WorkerTierRuntimeTest {

  private static GraalJsExecutor executor;

  @TempDir Path directory;
  private LedgerConnector ledger;
  private CodemodeRuntime runtime;

  @BeforeAll
  static void startExecutor() {
    executor = GraalJsExecutor.builder()
        .timeout(Duration.ofSeconds(3))
        .isolation(GraalJsExecutor.Isolation.PROCESS)
        .workers(1)
        .build();
  }

  @AfterAll
  static void stopExecutor() {
    executor.close();
  }

  @BeforeEach
  void start() {
    ledger = new LedgerConnector();
    runtime = CodemodeRuntime.builder()
        .executor(executor)
        .store(JdbcExecutionStore.open(directory.resolve("codemode.db").toString()))
        .connector(new LedgerConnector_Codemode(), ledger)
        .build();
  }

  @AfterEach
  void stop() {
    runtime.close();
  }

  @Test
  void toolsRunInTheHostAndApprovalsReplayThroughWorkers() {
    Outcome paused = runtime.execute(
        "await ledger.deposit({account: 'a', amount: 5});\n"
            + "const [x, y] = await Promise.all([ledger.balance({account: 'a'}), ledger.balance({account: 'b'})]);\n"
            + "const payment = await ledger.pay({to: 'bob', amount: x + y});\n"
            + "return {id: payment.id}");
    assertThat(paused.toJson().get("status").asString()).isEqualTo("paused");
    assertThat(paused.pending().tool()).isEqualTo("pay");
    // the connector object of this JVM saw the calls: tools never ran in the worker
    assertThat(ledger.calls).containsExactly("deposit:a:5", "balance:a", "balance:b").inOrder();

    Outcome done = runtime.approve(paused.executionId());
    assertThat(done.toJson().toString()).contains("\"status\":\"completed\"");
    assertThat(done.result().get("id").asString()).isEqualTo("p-bob-5");
    assertThat(ledger.calls).contains("pay:bob:5");
  }

  @Test
  void aRunWhoseWorkerWasKilledIsRecordedAsATimeoutAndKeepsItsJournal() {
    long before = executor.workerStats().orElseThrow().retired();
    // The freeze tool stops the worker process (SIGSTOP), as a JVM stuck beyond any in-process
    // stop would be: only killing it from the host ends the run.
    ToolProvider freeze = ToolProvider.builder("freeze")
        .syncTool(ToolDescriptor.of("worker", "", TestJson.json("{'type':'object'}"), null), input -> {
          ProcessHandle.current().children()
              // this JVM's only child JVMs are its workers (a command line may be cut short, so not by it)
              .filter(child -> child.info().command().orElse("").endsWith("java"))
              .forEach(child -> signal("STOP", child.pid()));
          return BooleanNode.TRUE;
        })
        .build();
    try (CodemodeRuntime frozen = CodemodeRuntime.builder()
        .executor(executor)
        .store(JdbcExecutionStore.open(directory.resolve("frozen.db").toString()))
        .connector(new LedgerConnector_Codemode(), ledger)
        .connector(freeze)
        .build()) {
      Outcome outcome = frozen.execute(
          "await ledger.deposit({account: 'a', amount: 7}); await freeze.worker({}); return 1");
      assertWithMessage("%s", outcome.toJson()).that(outcome.toJson().path("error").path("name").asString(""))
          .isEqualTo("TimeoutError");
      assertThat(outcome.toJson().get("error").get("message").asString()).contains("its worker process was stopped");
      ExecutionRecord record = frozen.execution(outcome.executionId()).orElseThrow();
      assertThat(record.status()).isEqualTo(ExecutionStatus.ERROR);
      List<JournalEntry> journal = frozen.journal(outcome.executionId());
      assertThat(journal.stream().map(e -> e.connector() + "." + e.tool() + ":" + e.state()).toList())
          .containsExactly("ledger.deposit:APPLIED", "freeze.worker:APPLIED").inOrder();
      assertThat(ledger.calls).containsExactly("deposit:a:7");
      assertThat(executor.workerStats().orElseThrow().retired()).isGreaterThan(before);

      // a fresh worker takes the next run
      assertThat(frozen.execute("return ledger.balance({account: 'a'})").result().asInt()).isEqualTo(7);
    }
  }

  private static void signal(String signal, long pid) {
    try {
      new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
