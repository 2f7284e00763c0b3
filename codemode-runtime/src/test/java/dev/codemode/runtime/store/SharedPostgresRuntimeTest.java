package dev.codemode.runtime.store;

import static com.google.common.truth.Truth.assertThat;

import dev.codemode.runtime.CodemodeRuntime;
import dev.codemode.sandbox.GraalJsExecutor;
import dev.codemode.runtime.Outcome;
import dev.codemode.runtime.RunStateException;
import dev.codemode.runtime.fixtures.LedgerConnector;
import dev.codemode.runtime.fixtures.LedgerConnector_Codemode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two runtimes, as on two machines, sharing one journal on a real PostgreSQL server: a run paused
 * on one is approved on the other, and two nodes racing to approve the same run run it once.
 */
class SharedPostgresRuntimeTest {

  private static PostgresServer server;
  private static GraalJsExecutor executor;

  @BeforeAll
  static void start() throws Exception {
    server = PostgresServer.start(false);
    executor = GraalJsExecutor.builder().timeout(Duration.ofSeconds(20)).build();
  }

  @AfterAll
  static void stop() throws Exception {
    executor.close();
    server.close();
  }

  private static CodemodeRuntime node(String url, LedgerConnector ledger) {
    return CodemodeRuntime.builder()
        .executor(executor)
        .store(JdbcExecutionStore.open(url))
        .connector(new LedgerConnector_Codemode(), ledger)
        .build();
  }

  @Test
  void aRunPausedOnOneNodeIsApprovedOnAnother() throws Exception {
    String url = server.createDatabase();
    LedgerConnector ledgerA = new LedgerConnector();
    LedgerConnector ledgerB = new LedgerConnector();
    try (CodemodeRuntime a = node(url, ledgerA); CodemodeRuntime b = node(url, ledgerB)) {
      Outcome paused = a.execute("await ledger.deposit({account: 'shared', amount: 3});\n"
          + "const p = await ledger.pay({to: 'dora', amount: 3}); return p.id");
      assertThat(paused.status()).isEqualTo(Outcome.Status.PAUSED);
      assertThat(b.pending()).containsExactly(paused.pending());

      Outcome completed = b.approve(paused.executionId());
      assertThat(completed.status()).isEqualTo(Outcome.Status.COMPLETED);
      assertThat(completed.result().asString()).isEqualTo("p-dora-3");
      assertThat(ledgerA.calls).containsExactly("deposit:shared:3");
      assertThat(ledgerB.calls).containsExactly("pay:dora:3");
      assertThat(a.outcome(paused.executionId()).status()).isEqualTo(Outcome.Status.COMPLETED);
    }
  }

  @Test
  void twoNodesApprovingAtOnceRunTheCallOnce() throws Exception {
    String url = server.createDatabase();
    LedgerConnector ledgerA = new LedgerConnector();
    LedgerConnector ledgerB = new LedgerConnector();
    try (CodemodeRuntime a = node(url, ledgerA); CodemodeRuntime b = node(url, ledgerB)) {
      Outcome paused = a.execute("const p = await ledger.pay({to: 'eve', amount: 1}); return p.id");
      // The loser's refusal, as fronts print it.
      CompletableFuture<Outcome> onA = CompletableFuture.supplyAsync(() -> approveOrRefusal(a, paused.executionId()));
      CompletableFuture<Outcome> onB = CompletableFuture.supplyAsync(() -> approveOrRefusal(b, paused.executionId()));
      List<Outcome> outcomes = List.of(onA.get(), onB.get());
      assertThat(outcomes.stream().filter(o -> o.status() == Outcome.Status.COMPLETED).count()).isEqualTo(1);
      assertThat(outcomes.stream().filter(o -> o.status() == Outcome.Status.ERROR).map(o -> o.error().name()).toList())
          .containsExactly("NotPaused");
      assertThat(ledgerA.count("pay") + ledgerB.count("pay")).isEqualTo(1);
    }
  }

  private static Outcome approveOrRefusal(CodemodeRuntime runtime, String executionId) {
    try {
      return runtime.approve(executionId);
    } catch (RunStateException e) {
      return e.toOutcome();
    }
  }
}
