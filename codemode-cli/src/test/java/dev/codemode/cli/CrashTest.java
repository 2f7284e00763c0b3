package dev.codemode.cli;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.codemode.runtime.CodemodeRuntime;
import dev.codemode.runtime.RunStateException;
import dev.codemode.runtime.store.ExecutionStatus;
import dev.codemode.runtime.store.JdbcExecutionStore;
import dev.codemode.runtime.store.JournalEntry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * JVMs killed with SIGKILL: one holding a run paused for approval, one in the middle of a tool
 * call. After the kill nothing is lost, the paused run is approved and completes from another
 * process, and no non-idempotent tool runs twice.
 */
class CrashTest {

  @TempDir Path directory;
  private Path store;

  @BeforeEach
  void files() {
    store = directory.resolve("codemode.db");
    System.setProperty("codemode.test.vault", directory.toString());
  }

  private List<String> calls() throws IOException {
    Path log = directory.resolve("calls.log");
    return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
  }

  private long count(String call) throws IOException {
    return calls().stream().filter(call::equals).count();
  }

  @Test
  void killedWhilePausedThenApprovedFromAnotherProcess() throws Exception {
    Process holder = Cli.newJvm(directory, Map.of("codemode.test.vault", directory.toString()), HoldingProcess.class,
        store.toString(), "const written = await vault.hang({label: 'ledger'});\n"
            + "const sent = await vault.send({to: 'bob'});\nreturn [written, sent]").start();
    String line;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
      line = out.readLine();
    }
    assertWithMessage("the holding process printed no outcome").that(line).isNotNull();
    assertThat(line).contains("\"status\":\"paused\"");
    assertThat(holder.isAlive()).isTrue();
    holder.destroyForcibly(); // SIGKILL while the run is paused and its runtime open
    holder.waitFor();

    JsonNode pending = Cli.inProcess("", "pending", "--store", store.toString()).expectExit(Main.OK).json();
    assertThat(pending.size()).isEqualTo(1);
    assertThat(pending.get(0).get("tool").asString()).isEqualTo("send");
    String id = pending.get(0).get("executionId").asString();

    JsonNode outcome = Cli.inProcess("", "approve", id, "--store", store.toString()).expectExit(Main.OK).json();
    assertThat(outcome.get("result").toString()).isEqualTo("[\"ledger\",\"sent to bob\"]");
    assertThat(count("hang:ledger")).isEqualTo(1);
    assertThat(count("send:bob")).isEqualTo(1);
  }

  @Test
  void killedDuringAToolCallLosesNothingAndRunsNothingTwice() throws Exception {
    Files.writeString(directory.resolve("block-hang"), "");
    Path script = directory.resolve("script.js");
    Files.writeString(script, "await vault.peek({label: 'before'});\nreturn vault.hang({label: 'ledger'})",
        StandardCharsets.UTF_8);
    Process process = Cli.newJvm(directory, Map.of("codemode.test.vault", directory.toString()),
        "run", script.toString(), "--store", store.toString()).redirectErrorStream(true).start();
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (!calls().contains("blocking:block-hang")) {
      assertWithMessage("the tool call never started; calls: %s", calls())
          .that(System.nanoTime() < deadline && process.isAlive()).isTrue();
      Thread.sleep(50);
    }
    process.destroyForcibly(); // SIGKILL while vault.hang runs
    process.waitFor();
    Files.delete(directory.resolve("block-hang"));

    CodemodeRuntime.Builder restarted = CodemodeRuntime.builder().store(JdbcExecutionStore.open(store.toString()));
    restarted.discoverConnectors(CrashTest.class.getClassLoader());
    try (CodemodeRuntime runtime = restarted.build()) {
      String id = runtime.executions(10, 0).get(0).id();
      assertThat(runtime.execution(id).orElseThrow().status()).isEqualTo(ExecutionStatus.RUNNING);
      List<JournalEntry> journal = runtime.journal(id);
      assertThat(journal.stream().map(e -> e.tool() + ":" + e.state()).toList())
          .containsExactly("peek:APPLIED", "hang:EXECUTING").inOrder();
      assertThat(runtime.pending()).isEmpty();
      // The process is gone for good: expiry ends the run; its journal says what may have happened.
      assertThat(runtime.expirePaused(Duration.ZERO)).containsExactly(id);
      assertThat(runtime.outcome(id).error().message()).contains("Expired while running");
      RunStateException refused = assertThrows(RunStateException.class, () -> runtime.approve(id));
      assertThat(refused.errorName()).isEqualTo("NotPaused");
    }
    assertThat(count("hang:ledger")).isEqualTo(1);
  }
}
