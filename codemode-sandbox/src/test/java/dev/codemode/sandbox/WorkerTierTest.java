package dev.codemode.sandbox;

import static com.google.common.truth.Truth.assertThat;
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
            return StringNode.valueOf("frozen");
          })
          .build();
      long start = System.nanoTime();
      ExecutionError error = errorOf(short_.execute("await freeze.worker({}); return 1", List.of(freeze)));
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      assertThat(error.kind()).isEqualTo(ExecutionError.Kind.TIMEOUT);
      assertThat(error.message()).contains("its worker process was stopped");
      assertThat(took.compareTo(Duration.ofSeconds(2).plus(WorkerPool.GRACE))).isAtLeast(0);
      ProcessHandle.of(pid).ifPresent(process -> process.onExit().join());
      assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
      assertThat(resultOf(short_.execute("2", List.of())).asInt()).isEqualTo(2);
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
