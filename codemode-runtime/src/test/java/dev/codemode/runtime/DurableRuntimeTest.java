package dev.codemode.runtime;

import dev.codemode.sandbox.GraalJsExecutor;
import dev.codemode.sandbox.ToolProvider;


import static com.google.common.truth.Truth.assertThat;
import static dev.codemode.runtime.TestJson.json;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.codemode.core.ToolDescriptor;
import dev.codemode.runtime.fixtures.LedgerConnector;
import dev.codemode.runtime.fixtures.LedgerConnector_Codemode;
import dev.codemode.runtime.store.EntryState;
import dev.codemode.runtime.store.ExecutionRecord;
import dev.codemode.runtime.store.ExecutionStatus;
import dev.codemode.runtime.store.ExecutionStore;
import dev.codemode.runtime.store.JdbcExecutionStore;
import dev.codemode.runtime.store.JournalEntry;
import dev.codemode.runtime.store.StoreChange;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The durable runtime on a real SQLite file: journal, approvals, replay, reject, rollback, expiry, snippets. */
class DurableRuntimeTest {

  private static GraalJsExecutor executor;

  @TempDir Path directory;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T10:00:00Z"));
  private LedgerConnector ledger;
  private CodemodeRuntime runtime;

  @BeforeAll
  static void startExecutor() {
    executor = GraalJsExecutor.builder().timeout(Duration.ofSeconds(20)).build();
  }

  @AfterAll
  static void stopExecutor() {
    executor.close();
  }

  @BeforeEach
  void start() {
    ledger = new LedgerConnector();
    runtime = runtime(ledger);
  }

  @AfterEach
  void stop() {
    runtime.close();
  }

  private CodemodeRuntime runtime(LedgerConnector instance, ToolProvider... more) {
    CodemodeRuntime.Builder builder = CodemodeRuntime.builder()
        .executor(executor)
        .store(store())
        .clock(clock)
        .connector(new LedgerConnector_Codemode(), instance);
    for (ToolProvider provider : more) {
      builder.connector(provider);
    }
    return builder.build();
  }

  /** The store stamps times with the test's clock too, so expiry does not depend on the time of day. */
  private ExecutionStore store() {
    return JdbcExecutionStore.builder().location(directory.resolve("codemode.db").toString()).clock(clock).build();
  }

  private static Outcome completed(Outcome outcome) {
    assertThat(outcome.toJson().toString()).contains("\"status\":\"completed\"");
    return outcome;
  }

  private static Outcome paused(Outcome outcome) {
    assertThat(outcome.toJson().toString()).contains("\"status\":\"paused\"");
    return outcome;
  }

  @Test
  void completedRunJournalsEveryCall() {
    Outcome outcome = completed(runtime.execute(
        "await ledger.deposit({account: 'a', amount: 5}); console.log('deposited'); return ledger.balance({account: 'a'})"));
    assertThat(outcome.result().asInt()).isEqualTo(5);
    assertThat(outcome.logs()).containsExactly("deposited");
    List<JournalEntry> journal = runtime.journal(outcome.executionId());
    assertThat(journal.stream().map(e -> e.connector() + "." + e.tool() + ":" + e.state()).toList())
        .containsExactly("ledger.deposit:APPLIED", "ledger.balance:APPLIED").inOrder();
    ExecutionRecord record = runtime.execution(outcome.executionId()).orElseThrow();
    assertThat(record.status()).isEqualTo(ExecutionStatus.COMPLETED);
    assertThat(record.result().asInt()).isEqualTo(5);
    assertThat(outcome.toJson().has("error")).isFalse();
    assertThat(outcome.toJson().has("pending")).isFalse();
  }

  @Test
  void approvalPausesAndApproveReplaysThenRunsTheApprovedCall() {
    Outcome first = paused(runtime.execute(
        "await ledger.deposit({account: 'a', amount: 5});\n"
            + "const payment = await ledger.pay({to: 'bob', amount: 5});\n"
            + "return payment.id"));
    assertThat(first.pending().connector()).isEqualTo("ledger");
    assertThat(first.pending().tool()).isEqualTo("pay");
    assertThat(first.pending().input()).isEqualTo(json("{'to': 'bob', 'amount': 5}"));
    assertThat(first.toJson().get("pending").get("seq").asInt()).isEqualTo(1);
    assertThat(runtime.pending()).containsExactly(first.pending());
    assertThat(ledger.calls).containsExactly("deposit:a:5");

    Outcome second = completed(runtime.approve(first.executionId()));
    assertThat(second.executionId()).isEqualTo(first.executionId());
    assertThat(second.result().asString()).isEqualTo("p-bob-5");
    assertThat(ledger.calls).containsExactly("deposit:a:5", "pay:bob:5").inOrder();
    assertThat(runtime.pending()).isEmpty();

    RunStateException again = assertThrows(RunStateException.class, () -> runtime.approve(first.executionId()));
    assertThat(again.errorName()).isEqualTo(ErrorCatalog.NOT_PAUSED);
    assertThat(again).hasMessageThat().contains("is not paused (it is completed)");
    assertThat(ledger.calls).hasSize(2);
  }

  /**
   * Which gated call of a {@code Promise.all} pauses first is the order the code made them in, not
   * timing: the first pays x, the second pays y, the deposit between them runs after the first
   * approval.
   */
  @Test
  void promiseAllOverGatedToolsReplaysTheSameWay() {
    String code = "const [a, b, c] = await Promise.all([\n"
        + "  ledger.pay({to: 'x', amount: 1}), ledger.deposit({account: 'k', amount: 3}), ledger.pay({to: 'y', amount: 2})]);\n"
        + "return [a.id, b, c.id]";
    Outcome first = paused(runtime.execute(code));
    assertThat(first.pending().input().get("to").asString()).isEqualTo("x");
    assertThat(first.pending().seq()).isEqualTo(0);
    assertThat(ledger.calls).isEmpty();
    Outcome second = paused(runtime.approve(first.executionId()));
    assertThat(second.pending().input().get("to").asString()).isEqualTo("y");
    assertThat(second.pending().seq()).isEqualTo(2);
    Outcome third = completed(runtime.approve(first.executionId()));
    assertThat(third.result()).isEqualTo(json("['p-x-1', 3, 'p-y-2']"));
    assertThat(ledger.count("pay:x")).isEqualTo(1);
    assertThat(ledger.count("pay:y")).isEqualTo(1);
    assertThat(ledger.count("deposit:k")).isEqualTo(1);
  }

  /** Calls racing a pause on other threads either record before it or never run; none runs twice. */
  @Test
  void callsRacingAPauseRunExactlyOnce() {
    for (int round = 0; round < Integer.getInteger("rounds", 8); round++) {
      String code = "return Promise.all([ledger.pay({to: 'r" + round + "', amount: 1}),\n"
          + "  ...Array.from({length: 12}, (_, i) => ledger.deposit({account: 'a" + round + "-' + i, amount: 1}))])";
      Outcome outcome = runtime.execute(code);
      while (outcome.status() == Outcome.Status.PAUSED) {
        outcome = runtime.approve(outcome.executionId());
      }
      completed(outcome);
      for (int i = 0; i < 12; i++) {
        assertThat(ledger.count("deposit:a" + round + "-" + i + ":")).isEqualTo(1);
      }
      assertThat(ledger.count("pay:r" + round + ":")).isEqualTo(1);
    }
  }

  /** Calls the code did not wait for end recorded: they ran, or they are marked as never made. */
  @Test
  void callsTheCodeDidNotWaitForEndRecorded() {
    Outcome outcome = completed(runtime.execute(
        "for (let i = 0; i < 5; i++) ledger.deposit({account: 'loose' + i, amount: 1}); return 'left'"));
    List<JournalEntry> journal = runtime.journal(outcome.executionId());
    assertThat(journal).hasSize(5);
    for (JournalEntry entry : journal) {
      assertThat(entry.state()).isAnyOf(EntryState.APPLIED, EntryState.ERROR);
      if (entry.state() == EntryState.ERROR) {
        assertThat(entry.error()).contains("the call was not made");
        assertThat(ledger.count("deposit:" + entry.input().get("account").asString() + ":")).isEqualTo(0);
      }
    }
  }

  @Test
  void callsAfterThePauseAreRefusedEvenWhenTheCodeCatches() {
    Outcome outcome = paused(runtime.execute(
        "try { await ledger.pay({to: 'x', amount: 1}) } catch (e) { }\n"
            + "await ledger.deposit({account: 'after', amount: 1}); return 'went on'"));
    assertThat(outcome.pending().tool()).isEqualTo("pay");
    assertThat(ledger.calls).isEmpty();
    assertThat(runtime.journal(outcome.executionId())).hasSize(1);
  }

  @Test
  void rejectEndsTheRunAndTheCallNeverRuns() {
    Outcome first = paused(runtime.execute("await ledger.deposit({account: 'a', amount: 1});"
        + " await ledger.pay({to: 'x', amount: 9}); return 'paid'"));
    Outcome rejected = runtime.reject(first.executionId(), first.pending().seq());
    assertThat(rejected.error().name()).isEqualTo(ErrorCatalog.REJECTED);
    assertThat(assertThrows(RunStateException.class, () -> runtime.reject(first.executionId(), first.pending().seq()))
        .errorName()).isEqualTo(ErrorCatalog.NOT_PAUSED);
    Outcome outcome = runtime.outcome(first.executionId());
    assertThat(outcome.status()).isEqualTo(Outcome.Status.ERROR);
    assertThat(outcome.error().name()).isEqualTo("Rejected");
    assertThat(outcome.error().message()).contains("ledger.pay (call #1) was rejected by a person");
    assertThat(runtime.execution(first.executionId()).orElseThrow().status()).isEqualTo(ExecutionStatus.REJECTED);
    assertThat(assertThrows(RunStateException.class, () -> runtime.approve(first.executionId())).errorName())
        .isEqualTo("NotPaused");
    assertThat(ledger.count("pay")).isEqualTo(0);
    assertThat(runtime.pending()).isEmpty();
  }

  /**
   * A replay that calls a tool with other arguments fails the run at that call, before it runs,
   * naming the recorded call and the new one; the approved call never runs.
   */
  @Test
  void divergentReplayFailsTheRun() {
    String code = "const before = await ledger.balance({account: 'c'});\n"
        + "await ledger.deposit({account: 'c', amount: before + 1});\n"
        + "await ledger.pay({to: 'x', amount: 1}); return 'done'";
    Outcome first = paused(runtime.execute(code));
    ledger.deposit("c", 10); // the world changed, and balance is re-executed on replay
    Outcome second = runtime.approve(first.executionId());
    assertThat(second.status()).isEqualTo(Outcome.Status.ERROR);
    assertThat(second.error().name()).isEqualTo("ReplayDivergence");
    assertThat(second.error().message()).contains("at call #1: the recorded run called"
        + " ledger.deposit({\"account\":\"c\",\"amount\":1}) there, and this pass called"
        + " ledger.deposit({\"account\":\"c\",\"amount\":12}) instead, which was not run");
    assertThat(second.error().message()).contains("codemode.step");
    assertThat(ledger.count("deposit:c:12")).isEqualTo(0);
    assertThat(ledger.count("pay")).isEqualTo(0);
    assertThat(runtime.execution(first.executionId()).orElseThrow().status()).isEqualTo(ExecutionStatus.ERROR);
  }

  @Test
  void replayThatSkipsARecordedCallFails() {
    ToolProvider flags = ToolProvider.builder("flags")
        .syncTool(ToolDescriptor.of("flip", "Flips.", json("{'type':'object'}"), null), input -> json("true"))
        .build();
    runtime.close();
    runtime = runtime(ledger, flags);
    // The code's path depends on a counter the test changes between passes, not on the journal.
    String code = "const n = (await ledger.balance({account: 'switch'}));\n"
        + "if (n === 0) await ledger.deposit({account: 'once', amount: 1});\n"
        + "await ledger.pay({to: 'x', amount: 1}); return 'done'";
    Outcome first = paused(runtime.execute(code));
    ledger.deposit("switch", 1);
    Outcome second = runtime.approve(first.executionId());
    assertThat(second.status()).isEqualTo(Outcome.Status.ERROR);
    assertThat(second.error().name()).isEqualTo("ReplayDivergence");
    assertThat(second.error().message()).contains("the recorded run called ledger.deposit(");
    assertThat(second.error().message()).contains("this pass called ledger.pay(");
    assertThat(ledger.count("pay")).isEqualTo(0);
  }

  @Test
  void toolFailuresAreJournaledAndReplayedAsTheSameError() {
    String code = "let message; try { await ledger.broken({reason: 'no funds'}) } catch (e) { message = e.message }\n"
        + "await ledger.pay({to: 'x', amount: 1}); return message";
    Outcome first = paused(runtime.execute(code));
    Outcome second = completed(runtime.approve(first.executionId()));
    assertThat(second.result().asString()).isEqualTo("no funds");
    assertThat(ledger.count("broken")).isEqualTo(1);
    assertThat(runtime.journal(first.executionId()).get(0).state()).isEqualTo(EntryState.ERROR);
  }

  @Test
  void rollbackRevertsNewestFirstAndGoesOnPastFailures() {
    Outcome first = paused(runtime.execute("await ledger.deposit({account: 'r', amount: 4});\n"
        + "await ledger.pay({to: 'z', amount: 4}); await ledger.balance({account: 'r'}); return 'ok'"));
    completed(runtime.approve(first.executionId()));
    ledger.failDepositReverts = true;
    RollbackReport report = runtime.rollback(first.executionId());
    assertThat(report.reverted()).containsExactly("ledger.pay #1");
    assertThat(report.failed()).hasSize(1);
    assertThat(report.failed().get(0)).contains("ledger.deposit #0: the bank refused to take back 4 from r");
    assertThat(report.skipped()).hasSize(1); // balance has no revert
    assertThat(report.complete()).isFalse();
    assertThat(ledger.calls.subList(3, ledger.calls.size()))
        .containsExactly("cancelPayment:p-z-4", "undoDeposit:r:4").inOrder();
    assertThat(runtime.execution(first.executionId()).orElseThrow().status()).isEqualTo(ExecutionStatus.ROLLED_BACK);
  }

  @Test
  void pausedRunsExpire() {
    Outcome first = paused(runtime.execute("await ledger.pay({to: 'late', amount: 1})"));
    clock.advance(Duration.ofHours(23));
    assertThat(runtime.expirePaused(Duration.ofHours(24))).isEmpty();
    clock.advance(Duration.ofHours(2));
    assertThat(runtime.expirePaused(Duration.ofHours(24))).containsExactly(first.executionId());
    assertThat(runtime.expirePaused(Duration.ofHours(24))).isEmpty();
    assertThat(runtime.pending()).isEmpty();
    assertThat(runtime.outcome(first.executionId()).error().message()).contains("Expired");
    assertThat(assertThrows(RunStateException.class, () -> runtime.approve(first.executionId())).errorName())
        .isEqualTo("NotPaused");
  }

  @Test
  void randomnessTimeAndStepsAreTheSameOnEveryPass() {
    String code = "const values = [Math.random(), Math.random(), Date.now(), new Date().toISOString(),\n"
        + "  await codemode.step('token', () => { console.log('step ran'); return 'tok-' + Math.random() }),\n"
        + "  await codemode.now()];\n"
        + "console.log(JSON.stringify(values));\n"
        + "await ledger.pay({to: 'x', amount: 1}); return values";
    Outcome first = paused(runtime.execute(code));
    clock.advance(Duration.ofMinutes(5));
    Outcome second = completed(runtime.approve(first.executionId()));
    assertThat(first.logs()).containsExactly("step ran", second.logs().get(0)).inOrder();
    JsonNode values = second.result();
    // Compared as JSON: JavaScript writes 0.00045 where Jackson writes 4.5E-4.
    assertThat(dev.codemode.core.JsonCodec.defaults().parse(first.logs().get(1))).isEqualTo(values);
    assertThat(values.get(0).asDouble()).isNotEqualTo(values.get(1).asDouble());
    assertThat(values.get(2).asLong()).isEqualTo(Instant.parse("2026-11-29T10:00:00Z").toEpochMilli());
    assertThat(values.get(3).asString()).isEqualTo("2026-11-29T10:00:00.000Z");
    assertThat(values.get(5).asLong()).isEqualTo(Instant.parse("2026-11-29T10:00:00Z").toEpochMilli());
  }

  @Test
  void differentRunsDrawDifferentRandomNumbers() {
    JsonNode a = completed(runtime.execute("Math.random()")).result();
    JsonNode b = completed(runtime.execute("Math.random()")).result();
    assertThat(a).isNotEqualTo(b);
  }

  @Test
  void snippetsRunByNameWithInput() {
    Outcome source = completed(runtime.execute(
        "async (input) => { const amount = input?.amount ?? 1; return ledger.deposit({account: 's', amount}) }"));
    runtime.saveSnippet("top_up", source.executionId(), "Puts money in account s");
    Outcome run = completed(runtime.execute("return [await codemode.run('top_up', {amount: 7}), await codemode.run('top_up', {amount: 2})]"));
    assertThat(run.result()).isEqualTo(json("[8, 10]"));
    Outcome missing = runtime.execute("await codemode.run('nope', {})");
    assertThat(missing.error().message()).contains("There is no snippet named \"nope\". Saved snippets: [top_up]");
  }

  @Test
  void snippetRefusesToRunAfterAToolSignatureChanged() {
    ToolProvider calc = ToolProvider.builder("calc")
        .syncTool(ToolDescriptor.of("add", "Adds.", json("{'type':'object','properties':{'a':{'type':'number'}}}"), null),
            input -> json("" + (input.path("a").asInt() + 1)))
        .build();
    runtime.close();
    runtime = runtime(ledger, calc);
    Outcome source = completed(runtime.execute("await calc.add({a: 1})"));
    runtime.saveSnippet("plus_one", source.executionId(), "");
    assertThat(completed(runtime.execute("await codemode.run('plus_one')")).result().asInt()).isEqualTo(2);

    ToolProvider changed = ToolProvider.builder("calc")
        .syncTool(ToolDescriptor.of("add", "Adds.", json("{'type':'object','properties':{'a':{'type':'string'}}}"), null),
            input -> json("0"))
        .build();
    runtime.close();
    runtime = runtime(ledger, changed);
    Outcome refused = runtime.execute("await codemode.run('plus_one')");
    assertThat(refused.status()).isEqualTo(Outcome.Status.ERROR);
    assertThat(refused.error().message()).contains("calc.add (its types changed)");
  }

  @Test
  void aCallLeftExecutingByACrashRunsAgainOnlyWhenIdempotent() {
    Outcome first = paused(runtime.execute("await ledger.deposit({account: 'd', amount: 1});"
        + " await ledger.pay({to: 'x', amount: 1}); return 'done'"));
    // What a process killed during the deposit leaves behind: the entry decided, no result recorded.
    try (ExecutionStore store = store()) {
      assertThat(store.apply(new StoreChange.MoveEntry(first.executionId(), 0, EntryState.APPLIED, EntryState.EXECUTING,
          null, null))).isTrue();
    }
    Outcome second = runtime.approve(first.executionId());
    assertThat(second.error().name()).isEqualTo("InterruptedCall");
    assertThat(second.error().message()).contains("ledger.deposit (call #0");
    assertThat(second.error().message()).contains("not idempotent");
    assertThat(ledger.count("deposit")).isEqualTo(1);
    assertThat(ledger.count("pay")).isEqualTo(0);
  }

  @Test
  void modelCodeDiscoversToolsAndSnippetsWithSearchAndDescribe() {
    Outcome source = completed(runtime.execute("async (input) => ledger.balance({account: input?.account ?? 'x'})"));
    runtime.saveSnippet("read_balance", source.executionId(), "Reads the balance of an account");
    Outcome outcome = completed(runtime.execute(
        "const found = await codemode.search('pay someone');\n"
            + "const tool = await codemode.describe(found.results[0].path);\n"
            + "const snippets = await codemode.search('balance of an account', {limit: 5});\n"
            + "const missing = await codemode.describe('ledger.payy');\n"
            + "return {first: found.results[0].path, approval: found.results[0].requiresApproval, kind: tool.kind,\n"
            + "  types: tool.types, snippet: snippets.results.map(r => r.path), missing: missing.kind}"));
    JsonNode result = outcome.result();
    assertThat(result.get("first").asString()).isEqualTo("ledger.pay");
    assertThat(result.get("approval").asBoolean()).isTrue();
    assertThat(result.get("kind").asString()).isEqualTo("tool");
    assertThat(result.get("types").asString()).contains("type PayInput = {");
    assertThat(result.get("snippet").toString()).contains("read_balance");
    assertThat(result.get("missing").asString()).isEqualTo("not_found");
    // Discovery is not journaled: it changes nothing and replays need not repeat it.
    assertThat(runtime.journal(outcome.executionId())).isEmpty();
  }

  @Test
  void theModelFacingToolDescribesTheWorkflowAndEveryConnector() {
    String description = runtime.toolDescription();
    assertThat(description).contains("codemode.search");
    assertThat(description).contains("- ledger: Accounts and payments");
    assertThat(description).doesNotContain("type PayInput");
    assertThat(runtime.toolDescription(dev.codemode.runtime.discovery.ToolDescription.Mode.FULL_TYPES))
        .contains("type PayInput");
    assertThat(CodemodeRuntime.toolInputSchema().get("required").toString()).isEqualTo("[\"code\"]");
    assertThat(runtime.typeScript()).contains("declare const ledger: {");
  }

  @Test
  void unknownRunsAndConnectorNamesGetClearErrors() {
    RunStateException unknown = assertThrows(RunStateException.class, () -> runtime.approve("exec_missing"));
    assertThat(unknown.errorName()).isEqualTo(ErrorCatalog.UNKNOWN_EXECUTION);
    assertThat(unknown).hasMessageThat().contains("No execution \"exec_missing\"");
    for (org.junit.jupiter.api.function.Executable verb : List.<org.junit.jupiter.api.function.Executable>of(
        () -> runtime.reject("exec_missing"), () -> runtime.reject("exec_missing", 0),
        () -> runtime.rollback("exec_missing"), () -> runtime.saveSnippet("name", "exec_missing", ""))) {
      assertThat(assertThrows(RunStateException.class, verb).errorName()).isEqualTo(ErrorCatalog.UNKNOWN_EXECUTION);
    }
    IllegalArgumentException reserved = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> CodemodeRuntime.builder().connector(new ToolProvider() {
          @Override
          public dev.codemode.core.ConnectorDescriptor descriptor() {
            return new dev.codemode.core.ConnectorDescriptor("other", "", List.of());
          }

          @Override
          public String name() {
            return "codemode";
          }

          @Override
          public java.util.concurrent.CompletionStage<JsonNode> call(String tool, JsonNode input) {
            throw new UnsupportedOperationException();
          }
        }));
    assertThat(reserved).hasMessageThat().contains("reserved");
    IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
        () -> CodemodeRuntime.builder().connector(new LedgerConnector_Codemode(), new LedgerConnector())
            .connector(new LedgerConnector_Codemode(), new LedgerConnector()));
    assertThat(twice).hasMessageThat().contains("Two connectors are named \"ledger\"");
  }

  /** A clock the test moves. */
  static final class MutableClock extends Clock {
    private volatile Instant now;

    MutableClock(Instant start) {
      this.now = start;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
