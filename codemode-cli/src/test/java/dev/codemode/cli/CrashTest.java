package dev.codemode.cli;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.codemode.runtime.store.ExecutionStore;
import dev.codemode.runtime.store.JdbcExecutionStore;
import java.io.IOException;
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
 * A JVM killed with SIGKILL while its run is paused for approval and another call of the same run
 * is still executing. After the kill nothing is lost: the paused run is listed, and approving it
 * completes it when the interrupted call is idempotent, or fails with a clear message when it is
 * not, without running that call twice.
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

  /** Starts a run in a new JVM, waits until it is paused while {@code blocked} runs, and kills it. */
  private void killWhilePausedAndExecuting(String code, String blocked) throws Exception {
    Files.writeString(directory.resolve("block-" + blocked), "");
    Path script = directory.resolve("script.js");
    Files.writeString(script, code, StandardCharsets.UTF_8);
    Process process = Cli.newJvm(directory, Map.of("codemode.test.vault", directory.toString()),
        "run", script.toString(), "--store", store.toString()).redirectErrorStream(true).start();
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    try (ExecutionStore reader = JdbcExecutionStore.open(store.toString())) {
      while (true) {
        boolean paused = Files.exists(store) && !reader.pending("default").isEmpty();
        if (paused && calls().contains("blocking:block-" + blocked)) {
          break;
        }
        assertWithMessage("the run did not pause while %s ran; calls: %s", blocked, calls())
            .that(System.nanoTime() < deadline && process.isAlive()).isTrue();
        Thread.sleep(50);
      }
    }
    process.destroyForcibly(); // SIGKILL
    process.waitFor();
    Files.delete(directory.resolve("block-" + blocked));
  }

  @Test
  void idempotentCallRunsAgainAndTheRunCompletes() throws Exception {
    killWhilePausedAndExecuting(
        "const [read, sent] = await Promise.all([vault.peek({label: 'balance'}), vault.send({to: 'bob'})]);\n"
            + "return [read, sent]", "peek");
    JsonNode pending = Cli.inProcess("", "pending", "--store", store.toString()).expectExit(Main.OK).json();
    assertThat(pending.size()).isEqualTo(1);
    assertThat(pending.get(0).get("tool").asString()).isEqualTo("send");
    String id = pending.get(0).get("executionId").asString();

    JsonNode outcome = Cli.inProcess("", "approve", id, "--store", store.toString()).expectExit(Main.OK).json();
    assertThat(outcome.get("result").toString()).isEqualTo("[\"balance\",\"sent to bob\"]");
    assertThat(calls().stream().filter(call -> call.equals("peek:balance")).count()).isEqualTo(2);
    assertThat(calls().stream().filter(call -> call.equals("send:bob")).count()).isEqualTo(1);
  }

  @Test
  void nonIdempotentCallIsNotRunTwice() throws Exception {
    killWhilePausedAndExecuting(
        "const [written, sent] = await Promise.all([vault.hang({label: 'ledger'}), vault.send({to: 'carol'})]);\n"
            + "return [written, sent]", "hang");
    JsonNode pending = Cli.inProcess("", "pending", "--store", store.toString()).expectExit(Main.OK).json();
    assertThat(pending.size()).isEqualTo(1);
    String id = pending.get(0).get("executionId").asString();

    Cli.Result approve = Cli.inProcess("", "approve", id, "--store", store.toString()).expectExit(Main.ERROR);
    JsonNode error = approve.json().get("error");
    assertThat(error.get("name").asString()).isEqualTo("InterruptedCall");
    assertThat(error.get("message").asString()).contains("vault.hang");
    assertThat(error.get("message").asString()).contains("not run again");
    assertThat(calls().stream().filter(call -> call.equals("hang:ledger")).count()).isEqualTo(1);
    assertThat(calls()).doesNotContain("send:carol");
  }
}
