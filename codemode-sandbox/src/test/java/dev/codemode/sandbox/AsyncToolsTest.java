package dev.codemode.sandbox;

import static com.google.common.truth.Truth.assertThat;
import static dev.codemode.sandbox.Sandboxes.errorOf;
import static dev.codemode.sandbox.Sandboxes.json;
import static dev.codemode.sandbox.Sandboxes.library;
import static dev.codemode.sandbox.Sandboxes.resultOf;

import dev.codemode.core.ToolDescriptor;
import dev.codemode.sandbox.fixtures.LibraryConnector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.StringNode;

/** Tool calls return promises at once; slow tools overlap, fast tools skip the thread hop. */
class AsyncToolsTest {

  private static GraalJsExecutor executor;

  @BeforeAll
  static void start() {
    executor = GraalJsExecutor.builder().timeout(Duration.ofSeconds(20)).build();
  }

  @AfterAll
  static void stop() {
    executor.close();
  }

  @Test
  void blockingToolsCalledTogetherRunTogether() {
    LibraryConnector books = new LibraryConnector();
    ExecuteResult result = Sandboxes.run(executor,
        "await Promise.all(Array.from({length: 10}, () => library.slow({millis: 300})))", library(books));
    assertThat(resultOf(result)).isEqualTo(json("['slept 300','slept 300','slept 300','slept 300','slept 300',"
        + "'slept 300','slept 300','slept 300','slept 300','slept 300']"));
    // Had the calls run one after the other, no two would have overlapped.
    assertThat(books.maxConcurrent.get()).isAtLeast(5);
  }

  @Test
  void asynchronousToolsNeedNoThreadWhileTheyWait() {
    LibraryConnector books = new LibraryConnector();
    ExecuteResult result = Sandboxes.run(executor,
        "const [a, b] = await Promise.all([library.later({millis: 200}), library.later({millis: 100})]);\n[a, b]",
        library(books));
    assertThat(resultOf(result)).isEqualTo(json("['later 200','later 100']"));
  }

  @Test
  void aToolThatProvesFastRunsOnTheExecutionsOwnThread() {
    LibraryConnector books = new LibraryConnector();
    ToolProvider library = library(books);
    // Code runs on the executor's driver threads, never on the caller's.
    // Three quick calls in a row make the tool fast. On a cold JVM the first calls of a tool are
    // slow (classes load, Jackson builds its serializers), so it may take more calls than three.
    for (int round = 0; round < 40; round++) {
      resultOf(Sandboxes.run(executor,
          "for (let i = 0; i < 50; i++) { await library.add({title: 't' + i, year: i}) }", library));
      if (onExecutionThread(books.threads.get(books.threads.size() - 1))) {
        break;
      }
    }
    assertThat(onExecutionThread(books.threads.get(0))).isFalse();
    int before = books.threads.size();
    resultOf(Sandboxes.run(executor,
        "for (let i = 0; i < 5; i++) { await library.add({title: 't' + i, year: i}) }", library));
    // The next call runs inline. (Later ones may be sent back to a tool thread when one is slowed
    // past the 1 ms demotion mark by a loaded machine, so only the first is asserted.)
    assertThat(onExecutionThread(books.threads.get(before))).isTrue();
  }

  @Test
  void aFastToolThatTurnsSlowGoesBackToAToolThread() {
    List<String> threads = new CopyOnWriteArrayList<>();
    long[] sleep = {0};
    ToolProvider changing = ToolProvider.builder("changing")
        .syncTool(ToolDescriptor.of("work", "", json("{'type':'object'}"), null), input -> {
          threads.add(Thread.currentThread().getName());
          if (sleep[0] > 0) {
            try {
              Thread.sleep(sleep[0]);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          return StringNode.valueOf("done");
        })
        .build();
    // Three calls under 100 µs in a row make the tool run inline; a busy machine can stretch one
    // past that and start the count again, so give it many calls to get there.
    resultOf(Sandboxes.run(executor, "for (let i = 0; i < 1000; i++) await changing.work({})", changing));
    assertThat(threads.stream().anyMatch(AsyncToolsTest::onExecutionThread)).isTrue();
    int fastCalls = threads.size();
    sleep[0] = 50;
    resultOf(Sandboxes.run(executor, "for (let i = 0; i < 3; i++) await changing.work({})", changing));
    // A call slower than 1 ms, inline or not, sends the next one back to a tool thread.
    assertThat(onExecutionThread(threads.get(fastCalls + 1))).isFalse();
    assertThat(onExecutionThread(threads.get(fastCalls + 2))).isFalse();
  }

  @Test
  void manyExecutionsWaitingForToolsHoldNoExecutionThreads() throws Exception {
    List<CompletableFuture<JsonNode>> answers = new CopyOnWriteArrayList<>();
    ToolProvider waiting = ToolProvider.builder("waiting")
        .tool(ToolDescriptor.of("answer", "", json("{'type':'object'}"), null), input -> {
          CompletableFuture<JsonNode> answer = new CompletableFuture<>();
          answers.add(answer);
          return answer;
        })
        .build();
    List<CompletableFuture<ExecuteResult>> executions = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      executions.add(executor.executeAsync("(await waiting.answer({})) + '!'", List.of(waiting)).toCompletableFuture());
    }
    // Generous bounds: 200 executions start slowly on a busy machine; what is checked is that,
    // once all of them wait for their tools, none holds a thread.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (answers.size() < 200 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(answers).hasSize(200);
    int inside = executionsOnThreads();
    while (inside > 0 && System.nanoTime() < deadline) {
      Thread.sleep(20);
      inside = executionsOnThreads();
    }
    assertThat(inside).isEqualTo(0);
    for (CompletableFuture<JsonNode> answer : answers) {
      answer.complete(StringNode.valueOf("yes"));
    }
    for (CompletableFuture<ExecuteResult> execution : executions) {
      assertThat(resultOf(execution.get(10, TimeUnit.SECONDS)).asString()).isEqualTo("yes!");
    }
  }

  /**
   * How many execution threads wait inside an execution now: a thread held by an execution that
   * waits for its tools would be parked there. (Runnable ones are not counted: code another test
   * left stuck in a built-in that cannot be interrupted runs on until the built-in ends.)
   */
  private static int executionsOnThreads() {
    int inside = 0;
    for (Map.Entry<Thread, StackTraceElement[]> thread : Thread.getAllStackTraces().entrySet()) {
      if (thread.getKey().getName().startsWith("codemode-execution")
          && thread.getKey().getState() != Thread.State.RUNNABLE) {
        for (StackTraceElement frame : thread.getValue()) {
          if (frame.getClassName().equals(Execution.class.getName())) {
            inside++;
            break;
          }
        }
      }
    }
    return inside;
  }

  @Test
  void aTimeoutStopsTheWaitAndInterruptsTheBlockedTool() throws Exception {
    LibraryConnector books = new LibraryConnector();
    try (GraalJsExecutor quick = GraalJsExecutor.builder().timeout(Duration.ofSeconds(2)).warmUp(false).build()) {
      // The first execution of a fresh engine can take longer than the timeout: warm it up first.
      for (int i = 0; i < 3; i++) {
        Sandboxes.run(quick, "const x = 1;\nx", library(books));
      }
      ExecuteResult result = Sandboxes.run(quick, "await library.slow({millis: 60000})", library(books));
      ExecutionError error = errorOf(result);
      assertThat(error.kind()).isEqualTo(ExecutionError.Kind.TIMEOUT);
      assertThat(error.name()).isEqualTo("TimeoutError");
      assertThat(error.message()).startsWith("The code ran longer than 2 s and was stopped.");
      // Stopped soon after the deadline, not when the tool would have returned.
      assertThat(result.stats().wallTime()).isLessThan(Duration.ofSeconds(30));
      assertThat(result.stats().toolCalls()).isEqualTo(1);
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (books.interrupted.get() == 0 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(books.interrupted.get()).isEqualTo(1);
  }

  @Test
  void aToolWithoutAThreadOfItsOwnAlsoOverlaps() {
    ExecuteResult result = Sandboxes.run(executor,
        "const start = Date.now();\n"
            + "const all = await Promise.all([1, 2, 3, 4, 5].map(i => library.later({millis: 300})));\n"
            + "all.length",
        library(new LibraryConnector()));
    assertThat(resultOf(result).asInt()).isEqualTo(5);
  }

  /** Whether a tool ran on a thread that runs model code (inline), not on a tool thread. */
  private static boolean onExecutionThread(String thread) {
    return thread.startsWith("codemode-execution-");
  }
}
