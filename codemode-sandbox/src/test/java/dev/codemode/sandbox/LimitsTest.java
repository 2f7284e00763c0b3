package dev.codemode.sandbox;

import static com.google.common.truth.Truth.assertThat;
import static dev.codemode.sandbox.Sandboxes.errorOf;
import static dev.codemode.sandbox.Sandboxes.math;
import static dev.codemode.sandbox.Sandboxes.resultOf;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each configurable limit stops the code with an error that says which limit and what to do. */
class LimitsTest {

  private static ExecuteResult runWith(ExecutionLimits limits, String code) {
    try (GraalJsExecutor executor = GraalJsExecutor.builder().limits(limits).warmUp(false).build()) {
      return executor.execute(code, List.of(math()));
    }
  }

  @Test
  void wallClockTimeout() {
    ExecuteResult result = runWith(ExecutionLimits.builder().timeout(Duration.ofSeconds(2)).build(), "while (true) {}");
    ExecutionError error = errorOf(result);
    assertThat(error.kind()).isEqualTo(ExecutionError.Kind.TIMEOUT);
    assertThat(error.message()).startsWith("The code ran longer than 2 s and was stopped.");
    // Stopped, not merely reported: it ended soon after its deadline, however busy the machine.
    assertThat(result.stats().wallTime()).isLessThan(Duration.ofSeconds(30));
  }

  @Test
  void cpuTime() {
    ExecutionError error = errorOf(runWith(
        ExecutionLimits.builder().cpuTime(Duration.ofMillis(300)).timeout(Duration.ofSeconds(20)).build(),
        "let i = 0; while (true) { i++ }"));
    assertThat(error.kind()).isEqualTo(ExecutionError.Kind.LIMIT);
    assertThat(error.name()).isEqualTo("ResourceLimitError");
    assertThat(error.message()).contains("Maximum CPU time limit of 300ms exceeded");
  }

  @Test
  void statements() {
    ExecutionLimits limits = ExecutionLimits.builder().maxStatements(10_000).build();
    assertThat(resultOf(runWith(limits, "let s = 0; for (let i = 0; i < 100; i++) { s += i } s")).asInt()).isEqualTo(4950);
    ExecutionError error = errorOf(runWith(limits, "let s = 0; for (let i = 0; i < 1e6; i++) { s += i } s"));
    assertThat(error.kind()).isEqualTo(ExecutionError.Kind.LIMIT);
    assertThat(error.message()).contains("Maximum statement limit of 10000 exceeded");
  }

  @Test
  void toolCalls() {
    ExecutionLimits limits = ExecutionLimits.builder().maxToolCalls(5).build();
    assertThat(resultOf(runWith(limits, "for (let i = 0; i < 5; i++) await math.add({a: i, b: 1}); 'ok'")).asString())
        .isEqualTo("ok");
    ExecuteResult result = runWith(limits,
        "for (let i = 0; i < 10; i++) { try { await math.add({a: i, b: 1}) } catch (e) {} } 'ignored the limit'");
    ExecutionError error = errorOf(result);
    assertThat(error.kind()).isEqualTo(ExecutionError.Kind.LIMIT);
    assertThat(error.name()).isEqualTo("ToolCallLimitError");
    assertThat(error.message()).isEqualTo(
        "The code made more than 5 tool calls and was stopped. Ask the tools for more per call, or do the work"
            + " in fewer calls.");
  }

  @Test
  void codeSize() {
    ExecutionError error = errorOf(runWith(ExecutionLimits.builder().maxCodeBytes(100).build(), "1 + ".repeat(50) + "1"));
    assertThat(error.kind()).isEqualTo(ExecutionError.Kind.LIMIT);
    assertThat(error.message()).isEqualTo("The code is 201 bytes; at most 100 are accepted. Send shorter code.");
  }

  @Test
  void allocation() {
    ExecutionError error = errorOf(runWith(
        ExecutionLimits.builder().maxAllocatedBytes(64L << 20).timeout(Duration.ofSeconds(20)).build(),
        "let total = 0; for (;;) { total += new Array(100000).fill(1).length }"));
    assertThat(error.kind()).isEqualTo(ExecutionError.Kind.LIMIT);
    assertThat(error.name()).isEqualTo("MemoryLimitError");
    assertThat(error.message()).startsWith("The code allocated more than 64 MB and was stopped.");
  }

  @Test
  void limitsMustBePositive() {
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> ExecutionLimits.builder().maxToolCalls(0).build());
    assertThat(e).hasMessageThat().isEqualTo("maxToolCalls must be positive, got 0");
  }
}
