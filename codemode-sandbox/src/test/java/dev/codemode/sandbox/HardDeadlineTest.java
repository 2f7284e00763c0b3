package dev.codemode.sandbox;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static dev.codemode.sandbox.Sandboxes.resultOf;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * No execution outlives its deadline, whatever the code does, in this JVM and in worker processes,
 * and the next execution on the same executor works.
 *
 * <p>Each attack below once ran far past its limit: built-ins that loop inside the engine's Java
 * code without ever checking whether they should stop (up to forever, with the run left
 * "running" and a core pinned), recursion that catches its own stack overflow, and the bombs of
 * {@link SandboxSecurityTest}. The bound asserted is the deadline, the documented grace, and slack
 * for a machine busy with other work: it is what holds under load, not a measurement.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HardDeadlineTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(2);
  /** Deadline, grace (the worker tier's is the larger), and slack for a loaded machine. */
  private static final Duration BOUND = TIMEOUT.plus(WorkerPool.GRACE).plusSeconds(6);
  private static final Pattern JAVA_NAME = Pattern.compile("\\b(?:java|javax|jdk|sun|com|org)\\.[a-z0-9_]+\\.[A-Za-z]");

  private GraalJsExecutor inProcess;
  private GraalJsExecutor workers;
  private final List<Long> workerPidsSeen = new ArrayList<>();

  @BeforeAll
  void start() {
    inProcess = GraalJsExecutor.builder().timeout(TIMEOUT).build();
    workers = GraalJsExecutor.builder()
        .timeout(TIMEOUT)
        .isolation(GraalJsExecutor.Isolation.PROCESS)
        .workers(2)
        .workerHeapMegabytes(512)
        .build();
  }

  @AfterAll
  void stop() throws InterruptedException {
    // In this JVM: every execution that had to be given up on has stopped since (the guards make
    // the built-ins refuse before they start, so none should have had to be).
    long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (inProcess.health().stuckExecutions() > 0 && System.nanoTime() < until) {
      Thread.sleep(100);
    }
    assertWithMessage("in-process executions still running: %s", inProcess.health().summary())
        .that(inProcess.health().stuckExecutions()).isEqualTo(0);
    inProcess.close();
    workerPidsSeen.addAll(workers.workerPids());
    workers.close();
    for (long pid : workerPidsSeen) {
      ProcessHandle.of(pid).ifPresent(process -> {
        process.onExit().join();
      });
      assertWithMessage("worker process %s is still running after close", pid)
          .that(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }
    // this JVM starts no other JVM than workers
    assertThat(ProcessHandle.current().children()
        .filter(process -> process.isAlive() && process.info().command().orElse("").endsWith("java"))
        .toList()).isEmpty();
  }

  static Stream<Arguments> attacks() {
    List<String[]> attacks = List.of(
        new String[] {"indexOf on a huge array-like", "Array.prototype.indexOf.call({length: 2**53 - 1}, 1)"},
        new String[] {"lastIndexOf on a huge array-like", "Array.prototype.lastIndexOf.call({length: 2**53 - 1}, 1)"},
        new String[] {"forEach on a huge array-like", "Array.prototype.forEach.call({length: 2**53 - 1}, () => {})"},
        new String[] {"filter on a huge array-like", "Array.prototype.filter.call({length: 2**53 - 1}, () => true)"},
        new String[] {"every on a huge array-like", "Array.prototype.every.call({length: 2**53 - 1}, () => true)"},
        new String[] {"reduce on a huge array-like", "Array.prototype.reduce.call({length: 2**53 - 1}, (a) => a, 0)"},
        new String[] {"sort on a huge array-like", "Array.prototype.sort.call({length: 2**53 - 1})"},
        new String[] {"shift on a huge array-like", "Array.prototype.shift.call({length: 2**53 - 1})"},
        new String[] {"indexOf on a 2^27 array-like", "Array.prototype.indexOf.call({length: 2**27}, 1)"},
        new String[] {"recursion that catches its own overflow",
            "const r = (n) => { try { return r(n + 1); } catch (e) { return r(0); } }; return r(0);"},
        new String[] {"a product of huge BigInts", "const a = 1n << 67108864n; return (a * a) > 0n"},
        new String[] {"stringify of a huge sparse array", "JSON.stringify(new Array(2**28)).length"},
        new String[] {"Array.from a huge length", "Array.from({length: 1e9}).length"},
        new String[] {"replaceAll on a huge string", "'x'.repeat(1e8).replaceAll('', 'y').length"},
        new String[] {"the keys of a huge typed array", "Object.keys(new Uint8Array(2**28)).length"},
        new String[] {"an infinite loop", "while (true) {}"},
        new String[] {"an await loop", "for (;;) { await null }"},
        new String[] {"a microtask loop", "const f = () => Promise.resolve().then(f); f(); await new Promise(() => {})"},
        new String[] {"a catastrophic regex", "/^(a|aa)+\\1$/.test('a'.repeat(40) + 'b')"},
        new String[] {"a huge default sort", "Array.from({length: 6e5}, () => Math.random()).sort()"},
        new String[] {"a huge fill", "new Array(1e9).fill(0)"},
        new String[] {"string doubling", "let s = 'x'; for (;;) s += s;"},
        new String[] {"arrays of arrays", "const a = []; for (;;) a.push(new Array(1e6).fill(1))"},
        new String[] {"millions of small objects", "const o = []; for (;;) o.push({a: 1, b: [1, 2, 3]})"},
        new String[] {"a console flood", "for (;;) console.log('x'.repeat(1000))"});
    List<Arguments> cases = new ArrayList<>();
    for (GraalJsExecutor.Isolation isolation : GraalJsExecutor.Isolation.values()) {
      for (String[] attack : attacks) {
        cases.add(Arguments.of(isolation, attack[0], attack[1]));
      }
    }
    // A BigInt power is one Java call that GraalJS never interrupts and no guard can refuse (an
    // operator, not a function): in this JVM its outcome comes by the deadline but its thread runs
    // on for a minute or more, so it runs only on the worker tier, which kills the worker.
    cases.add(Arguments.of(GraalJsExecutor.Isolation.PROCESS, "a huge BigInt power", "3n ** 100000000n"));
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("attacks")
  void endsByTheDeadlineAndTheNextExecutionWorks(GraalJsExecutor.Isolation isolation, String attack, String code) {
    GraalJsExecutor executor = isolation == GraalJsExecutor.Isolation.PROCESS ? workers : inProcess;
    workerPidsSeen.addAll(executor.workerPids());
    long start = System.nanoTime();
    ExecuteResult result = executor.execute(code, List.of());
    Duration waited = Duration.ofNanos(System.nanoTime() - start);
    // The execution's own time: on the worker tier, from the moment a worker took it (waiting for a
    // worker, when an earlier attack retired one, is not the execution's time).
    Duration took = result.stats().wallTime();
    assertWithMessage("%s took %s, more than the deadline %s with grace and slack (%s)", attack, took, TIMEOUT, BOUND)
        .that(took.compareTo(BOUND) <= 0).isTrue();
    assertWithMessage("%s waited %s in all", attack, waited).that(waited.compareTo(Duration.ofMinutes(3)) <= 0).isTrue();
    ExecutionError error = result.error();
    if (error != null) {
      assertWithMessage("the message of %s names a Java class: %s", attack, error.message())
          .that(JAVA_NAME.matcher(error.message()).find()).isFalse();
    }
    workerPidsSeen.addAll(executor.workerPids());
    assertThat(resultOf(executor.execute("const a = [1, 2, 3]; return a[1] * 21", List.of())).asInt()).isEqualTo(42);
  }

  /**
   * A recursion that reaches the frame limit with first uses of engine features and a tool call at
   * its bottom, again
   * and again on one executor that skipped its warm-up: the engine never overflows its own stack
   * there, so no class of it is left broken for later executions (this once broke property reads
   * and date formatting for the whole JVM in 6 of 16 fresh JVMs).
   */
  @Test
  void recursionAtTheLimitNeverBreaksLaterExecutions() {
    try (GraalJsExecutor cold = GraalJsExecutor.builder().timeout(Duration.ofSeconds(20)).warmUp(false).build()) {
      ToolProvider tools = Sandboxes.math();
      for (int round = 0; round < 8; round++) {
        ExecuteResult attack = cold.execute(
            // near the limit (frames are counted from the bottom of the prelude), first uses of
            // many features; then one frame further, and the limit ends the execution
            "const deep = (n) => { if (n > 4900) { const a = [n, n + 1]; void (a[1]"
                + " + new Intl.DateTimeFormat('en-GB').format(0) + new Map([[n, 1]]).get(n)"
                + " + JSON.stringify({n}) + 'x'.padStart(3) + [3, 1, 2].sort() + /a(b)/.exec('ab')[1]);"
                + " math.add({a: 1, b: 2}) } return deep(n + 1) };"
                + " return deep(0)", List.of(tools));
        assertThat(attack.error()).isNotNull();
        assertThat(attack.error().name()).isEqualTo(ErrorNames.RESOURCE_LIMIT);
        assertThat(resultOf(cold.execute(
            "const a = [1, 2]; return a[1] + ' ' + new Intl.DateTimeFormat('en-GB', {timeZone: 'UTC'}).format(0)"
                + " + ' ' + await math.add({a: 1, b: 2})",
            List.of(tools))).asString()).isEqualTo("2 01/01/1970 3");
      }
      assertThat(cold.health().healthy()).isTrue();
    }
  }
}
