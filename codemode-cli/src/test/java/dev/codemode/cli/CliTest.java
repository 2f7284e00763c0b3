package dev.codemode.cli;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.codemode.samples.tasks.TasksConnector;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The codemode command: outcome JSON, exit codes, and the approval flow across two processes. */
class CliTest {

  @TempDir Path directory;
  private Path store;
  private Path tasks;

  @BeforeEach
  void files() {
    store = directory.resolve("store/codemode.db");
    tasks = directory.resolve("tasks.json");
    System.setProperty(TasksConnector.FILE_PROPERTY, tasks.toString());
    System.setProperty("codemode.test.vault", directory.toString());
  }

  @AfterEach
  void clear() {
    System.clearProperty(TasksConnector.FILE_PROPERTY);
  }

  private Cli.Result cli(String stdin, String... args) {
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--store";
    all[args.length + 1] = store.toString();
    return Cli.inProcess(stdin, all);
  }

  @Test
  void typesPrintsTheDeclarationsOfEveryConnectorFound() {
    Cli.Result result = Cli.inProcess("", "types").expectExit(Main.OK);
    assertThat(result.out()).contains("declare const tasks: {");
    assertThat(result.out()).contains("declare const travel: {");
    assertThat(result.out()).contains("create: (input: CreateInput) => Promise<CreateOutput>;");
  }

  @Test
  void runPrintsTheOutcomeAndExitsZeroWhenCompleted() {
    Cli.Result result = cli("const t = await tasks.create({title: 'Write the report'});\n"
        + "console.log('created', t.title);\nreturn t.title", "run", "-").expectExit(Main.OK);
    JsonNode outcome = result.json();
    assertThat(outcome.get("status").asString()).isEqualTo("completed");
    assertThat(outcome.get("executionId").asString()).startsWith("exec_");
    assertThat(outcome.get("result").asString()).isEqualTo("Write the report");
    assertThat(outcome.get("logs").get(0).asString()).isEqualTo("created Write the report");
    assertThat(outcome.has("error")).isFalse();
    assertThat(outcome.has("pending")).isFalse();
  }

  @Test
  void errorsExitOneWithTheErrorInTheOutcome() {
    Cli.Result result = cli("const x = 1;\nx.y.z", "run", "-").expectExit(Main.ERROR);
    JsonNode error = result.json().get("error");
    assertThat(error.get("name").asString()).isEqualTo("TypeError");
    assertThat(error.get("line").asInt()).isEqualTo(2);
  }

  @Test
  void badInputGetsAMessageThatSaysWhatToDo() {
    Cli.Result missing = cli("", "run", directory.resolve("nope.js").toString()).expectExit(Main.ERROR);
    assertThat(missing.err()).contains("There is no file");
    Cli.Result timeout = cli("1", "run", "-", "--timeout", "soon").expectExit(Main.ERROR);
    assertThat(timeout.err()).contains("--timeout soon is not a duration");
    Cli.Result unknown = Cli.inProcess("", "fly").expectExit(Main.ERROR);
    assertThat(unknown.err()).contains("Unmatched argument");
    Cli.Result reject = cli("", "reject", "exec_nothing").expectExit(Main.ERROR);
    assertThat(reject.err()).contains("nothing was rejected: No execution \"exec_nothing\"");
    assertThat(reject.json().get("error").get("name").asString()).isEqualTo("UnknownExecution");
    Cli.Result approve = cli("", "approve", "exec_nothing").expectExit(Main.ERROR);
    assertThat(approve.err()).contains("nothing was approved");
    Cli.Result rollback = cli("", "rollback", "exec_nothing").expectExit(Main.ERROR);
    assertThat(rollback.json().get("error").get("name").asString()).isEqualTo("UnknownExecution");
  }

  @Test
  void timeoutStopsTheRun() {
    Cli.Result result = cli("while (true) {}", "run", "-", "--timeout", "1s").expectExit(Main.ERROR);
    assertThat(result.json().get("error").get("name").asString()).isEqualTo("TimeoutError");
  }

  @Test
  void isolationProcessRunsTheCodeInAWorkerAndTheToolsHere() {
    Cli.Result result = cli("const t = await tasks.create({title: 'In a worker'});\nreturn [t.title, typeof Java]",
        "run", "-", "--isolation", "process").expectExit(Main.OK);
    assertThat(result.json().get("result").toString()).isEqualTo("[\"In a worker\",\"undefined\"]");
    Cli.Result bad = cli("1", "run", "-", "--isolation", "vm").expectExit(Main.ERROR);
    assertThat(bad.err()).contains("--isolation vm is not a mode: write in-process (the default) or process");
  }

  /**
   * Code stuck in a built-in that cannot be interrupted (a BigInt product of huge numbers runs for
   * seconds in one Java call) gets its outcome at the deadline, stored and printed, and the process ends then
   * instead of waiting for the stuck thread.
   */
  @Test
  void aRunThatCannotBeStoppedEndsTheProcessAfterItsOutcome() throws Exception {
    Path script = directory.resolve("power.js");
    // Multiplications of two 100-million-bit numbers, one after the other: each is a single Java
    // call of seconds, so the deadline falls inside one, however slow the machine is to get there.
    Files.writeString(script, "await tasks.create({title: 'before'});\n"
        + "let x = (1n << 100000000n) - 1n; for (;;) { x = (x * x) >> 100000000n }");
    long start = System.nanoTime();
    Cli.Result result = Cli.inNewJvm(directory, Map.of(TasksConnector.FILE_PROPERTY, tasks.toString()),
        "run", script.toString(), "--store", store.toString(), "--timeout", "10s").expectExit(Main.ERROR);
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertThat(result.json().get("error").get("name").asString()).isAnyOf("TimeoutError", "MemoryLimitError");
    assertWithMessage("stdout: %s", result.out()).that(result.err()).contains("could not be stopped");
    // a JVM start, the deadline, the grace and a loaded machine; the loop alone never ends
    assertThat(took.compareTo(Duration.ofSeconds(60))).isLessThan(0);
    Cli.Result executions = cli("", "executions").expectExit(Main.OK);
    assertThat(executions.out()).contains("error");
  }

  @Test
  void pausedRunIsApprovedByAnotherProcess() throws Exception {
    Path script = directory.resolve("cleanup.js");
    Files.writeString(script, "const t = await tasks.create({title: 'Old draft'});\n"
        + "const removed = await tasks.remove({id: t.id});\n"
        + "return {removed: removed.title, left: (await tasks.list({})).total};\n", StandardCharsets.UTF_8);
    Map<String, String> properties = Map.of(TasksConnector.FILE_PROPERTY, tasks.toString());

    Cli.Result run = Cli.inNewJvm(directory, properties, "run", script.toString(), "--store", store.toString())
        .expectExit(Main.PAUSED);
    JsonNode paused = run.json();
    assertThat(paused.get("status").asString()).isEqualTo("paused");
    assertThat(paused.get("pending").get("tool").asString()).isEqualTo("remove");
    String id = paused.get("executionId").asString();

    JsonNode pending = cli("", "pending").expectExit(Main.OK).json();
    assertThat(pending.size()).isEqualTo(1);
    assertThat(pending.get(0).get("executionId").asString()).isEqualTo(id);

    Cli.Result approve = Cli.inNewJvm(directory, properties, "approve", id, "--store", store.toString())
        .expectExit(Main.OK);
    JsonNode completed = approve.json();
    assertThat(completed.get("status").asString()).isEqualTo("completed");
    assertThat(completed.get("result").get("removed").asString()).isEqualTo("Old draft");
    assertThat(completed.get("result").get("left").asInt()).isEqualTo(0);

    JsonNode runs = cli("", "executions").expectExit(Main.OK).json();
    assertThat(runs.get(0).get("status").asString()).isEqualTo("completed");
    assertThat(runs.get(0).get("calls").asInt()).isEqualTo(3);
    assertThat(cli("", "pending").json().size()).isEqualTo(0);
  }

  @Test
  void rejectAndRollbackFromTheCommandLine() {
    JsonNode paused = cli("const t = await tasks.create({title: 'Keep me'}); await tasks.remove({id: t.id})",
        "run", "-").expectExit(Main.PAUSED).json();
    String id = paused.get("executionId").asString();
    JsonNode rejected = cli("", "reject", id).expectExit(Main.OK).json();
    assertThat(rejected.get("status").asString()).isEqualTo("error");
    assertThat(rejected.get("error").get("name").asString()).isEqualTo("Rejected");
    Cli.Result again = cli("", "reject", id).expectExit(Main.ERROR);
    assertThat(again.json().get("error").get("name").asString()).isEqualTo("NotPaused");
    JsonNode rollback = cli("", "rollback", id).expectExit(Main.OK).json();
    assertThat(rollback.get("reverted").get(0).asString()).isEqualTo("tasks.create #0");
    JsonNode runs = cli("", "executions").json();
    assertThat(runs.get(0).get("status").asString()).isEqualTo("rolled_back");
  }
}
