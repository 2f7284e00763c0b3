package dev.codemode.sandbox;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static dev.codemode.sandbox.Sandboxes.errorOf;
import static dev.codemode.sandbox.Sandboxes.library;
import static dev.codemode.sandbox.Sandboxes.resultOf;

import dev.codemode.core.ToolDescriptor;
import dev.codemode.sandbox.fixtures.LibraryConnector;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.node.StringNode;

/**
 * The worker tier: model code runs in worker JVMs, its tool calls come back and run in this one,
 * and the worker gives the same answers an in-process executor gives.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkerTierTest {

  private GraalJsExecutor workers;
  private GraalJsExecutor inProcess;

  @BeforeAll
  void start() {
    workers = GraalJsExecutor.builder()
        .timeout(Duration.ofSeconds(20))
        .isolation(GraalJsExecutor.Isolation.PROCESS)
        .workers(2)
        .workerHeapMegabytes(256)
        .build();
    inProcess = GraalJsExecutor.builder().timeout(Duration.ofSeconds(20)).build();
  }

  @AfterAll
  void stop() {
    List<Long> pids = workers.workerPids();
    workers.close();
    inProcess.close();
    for (long pid : pids) {
      ProcessHandle.of(pid).ifPresent(process -> process.onExit().join());
    }
  }

  @Test
  void toolsRunInTheHostProcess() {
    Set<Long> toolPids = ConcurrentHashMap.newKeySet();
    ToolProvider where = ToolProvider.builder("where")
        .syncTool(ToolDescriptor.of("pid", "", Sandboxes.json("{'type':'object'}"), null), input -> {
          toolPids.add(ProcessHandle.current().pid());
          return StringNode.valueOf("host");
        })
        .build();
    ExecuteResult result = workers.execute(
        "const [a, b] = await Promise.all([where.pid({}), where.pid({})]); return [a, b, typeof Java, typeof process]",
        List.of(where));
    assertThat(resultOf(result).toString()).isEqualTo("[\"host\",\"host\",\"undefined\",\"undefined\"]");
    assertThat(toolPids).containsExactly(ProcessHandle.current().pid());
    assertThat(result.stats().toolCalls()).isEqualTo(2);
  }

  @Test
  void answersMatchTheInProcessExecutor() {
    List<String> programs = List.of(
        "const b = await library.add({title: 'Dune', year: 1965}); return (await library.list({})).map(x => x.title)",
        "await Promise.all([library.slow({millis: 50}), library.later({millis: 20})])",
        "await library.fail({message: 'no such shelf'})",
        "try { await library.fail({message: 'x'}) } catch (e) { return [e.name, e.message] }",
        "await library.crash({})",
        "await library.add({title: 5})",
        "await library.nope({})",
        "console.log('a', {b: 1}); console.warn('w'); return undefined",
        "throw new TypeError('bad ' + 1)",
        "return library.size({data: new Uint8Array([1, 2, 3])})",
        "syntax error here(");
    for (String program : programs) {
      ExecuteResult there = workers.execute(program, List.of(library(new LibraryConnector())));
      ExecuteResult here = inProcess.execute(program, List.of(library(new LibraryConnector())));
      assertThat(there.error()).isEqualTo(here.error());
      assertThat(there.result()).isEqualTo(here.result());
      assertThat(there.logs()).isEqualTo(here.logs());
    }
  }

  @Test
  void anAbortFromAHostToolEndsTheExecution() {
    ToolProvider stopper = ToolProvider.builder("stopper")
        .tool(ToolDescriptor.of("halt", "", Sandboxes.json("{'type':'object'}"), null),
            input -> CompletableFuture.failedFuture(new AbortExecutionException("PausedForApproval", "needs a yes")))
        .build();
    ExecutionError error = errorOf(workers.execute(
        "try { await stopper.halt({}) } catch (e) { return 'swallowed' }", List.of(stopper)));
    assertThat(error.kind()).isEqualTo(ExecutionError.Kind.ABORTED);
    assertThat(error.name()).isEqualTo("PausedForApproval");
    assertThat(error.message()).isEqualTo("needs a yes");
  }

  @Test
  void aWorkerThatRunsOutOfHeapIsReplacedAndTheHostIsUntouched() {
    long retiredBefore = workers.workerStats().orElseThrow().retired();
    ExecutionError error = errorOf(workers.execute(
        "const keep = []; for (;;) keep.push(new Array(1e5).fill(keep.length))", List.of()));
    assertThat(error.kind()).isAnyOf(ExecutionError.Kind.LIMIT, ExecutionError.Kind.TIMEOUT);
    assertThat(resultOf(workers.execute("1 + 1", List.of())).asInt()).isEqualTo(2);
    assertThat(workers.workerStats().orElseThrow().retired()).isGreaterThan(retiredBefore);
  }

  @Test
  void aWorkerThatCannotStartGivesAClearError() {
    try (GraalJsExecutor broken = GraalJsExecutor.builder()
        .isolation(GraalJsExecutor.Isolation.PROCESS)
        .workers(1)
        .javaCommand(Path.of("/nonexistent/bin/java"))
        .build()) {
      ExecutionError error = errorOf(broken.execute("1", List.of()));
      assertThat(error.kind()).isEqualTo(ExecutionError.Kind.INTERNAL);
      assertThat(error.message()).contains("No worker process could be started");
      assertThat(error.message()).contains("/nonexistent/bin/java");
    }
  }

  @Test
  void executionsBeyondTheWorkersWaitForOne() {
    List<CompletableFuture<ExecuteResult>> runs = new java.util.ArrayList<>();
    for (int i = 0; i < 6; i++) {
      runs.add(workers.executeAsync("await new Promise(r => setTimeout(r, 100)); return " + i, List.of())
          .toCompletableFuture());
    }
    for (int i = 0; i < 6; i++) {
      assertThat(resultOf(runs.get(i).join()).asInt()).isEqualTo(i);
    }
    assertThat(workers.workerStats().orElseThrow().size()).isEqualTo(2);
  }

  /** A worker that cannot answer (stopped here with SIGSTOP) is killed a second past the deadline. */
  @Test
  void aWorkerThatDoesNotAnswerIsKilledAfterTheDeadline() throws Exception {
    try (GraalJsExecutor short_ = GraalJsExecutor.builder()
        .timeout(Duration.ofSeconds(2))
        .isolation(GraalJsExecutor.Isolation.PROCESS)
        .workers(1)
        .build()) {
      assertThat(resultOf(short_.execute("1", List.of())).asInt()).isEqualTo(1);
      long pid = short_.workerPids().get(0);
      ToolProvider freeze = ToolProvider.builder("freeze")
          .syncTool(ToolDescriptor.of("worker", "", Sandboxes.json("{'type':'object'}"), null), input -> {
            signal("STOP", pid);
            return StringNode.valueOf(state(pid));
          })
          .build();
      long start = System.nanoTime();
      ExecuteResult frozen = short_.execute("return await freeze.worker({})", List.of(freeze));
      assertWithMessage("worker %s: %s, %s", pid, frozen.result(), short_.workerStats()).that(frozen.error()).isNotNull();
      ExecutionError error = frozen.error();
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      assertThat(error.kind()).isEqualTo(ExecutionError.Kind.TIMEOUT);
      assertThat(error.message()).contains("its worker process was stopped");
      assertThat(took.compareTo(Duration.ofSeconds(2).plus(WorkerPool.GRACE))).isAtLeast(0);
      ProcessHandle.of(pid).ifPresent(process -> process.onExit().join());
      assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
      assertThat(resultOf(short_.execute("2", List.of())).asInt()).isEqualTo(2);
    }
  }

  /**
   * The host does not trust a worker: a worker taken over by model code that asks for a tool it
   * was not given, an input that breaks the schema, or more calls than allowed gets refusals, and
   * the tool never runs for them.
   */
  @Test
  void theHostChecksEveryCallAWorkerAsksFor() {
    java.util.concurrent.atomic.AtomicInteger adds = new java.util.concurrent.atomic.AtomicInteger();
    ToolProvider math = ToolProvider.builder("math")
        .syncTool(ToolDescriptor.of("add", "", Sandboxes.json("{'type':'object','properties':{'a':{'type':'number'},"
            + "'b':{'type':'number'}},'required':['a','b'],'additionalProperties':false}"), null), input -> {
              adds.incrementAndGet();
              return tools.jackson.databind.node.IntNode.valueOf(input.get("a").asInt() + input.get("b").asInt());
            })
        .build();
    ExecutionLimits limits = ExecutionLimits.builder().timeout(Duration.ofSeconds(60)).maxToolCalls(5).build();
    List<String> command = new java.util.ArrayList<>(WorkerPool.command(
        Path.of(System.getProperty("java.home"), "bin", "java"), 128, List.of(), System.getProperty("java.class.path")));
    command.set(command.size() - 1, ForgingWorker.class.getName());
    WorkerPool pool = new WorkerPool(new WorkerPool.Settings(command, limits, true, 128, WorkerPool.newScheduler(),
        java.util.concurrent.Executors.newCachedThreadPool(), new InputValidation()), 1, true);
    try {
      ExecuteResult result = pool.execute("ignored", List.of(math)).join();
      tools.jackson.databind.JsonNode answers = resultOf(result);
      assertThat(answers.get(0).get("message").asString()).contains("there is no tool math.shutdown");
      assertThat(answers.get(1).get("message").asString()).contains("there is no tool nothing.add");
      assertThat(answers.get(2).get("name").asString()).isEqualTo(ErrorNames.TOOL_INPUT);
      assertThat(answers.get(2).get("message").asString()).contains("math.add");
      assertThat(answers.get(3).asInt()).isEqualTo(3);
      assertThat(answers.get(4).get("name").asString()).isEqualTo(ErrorNames.TOOL_CALL_LIMIT);
      // Five calls count towards the limit, as in this JVM: the one with the bad input, the valid
      // one and three more; the tool ran for the four valid ones and for nothing else.
      assertThat(adds.get()).isEqualTo(4);
    } finally {
      pool.close();
    }
  }

  /** The state letter of a Linux process ({@code T} when stopped), after waiting for it to stop. */
  private static String state(long pid) {
    try {
      for (int i = 0; i < 100; i++) {
        String stat = java.nio.file.Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String state = stat.substring(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
        if (state.equals("T")) {
          return state;
        }
        Thread.sleep(20);
      }
      return "not stopped";
    } catch (java.io.IOException e) {
      return "gone: " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
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
