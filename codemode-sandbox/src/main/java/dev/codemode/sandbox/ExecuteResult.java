package dev.codemode.sandbox;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * What one execution of model code gave: its result as JSON or an error, the lines it logged, and
 * what it cost.
 *
 * @param result the value the code's function returned, as JSON; a {@link MissingNode} when it
 *     returned {@code undefined} or when the execution failed. A result larger than {@link
 *     ExecutionLimits#maxResultBytes()} is a string that announces the truncation and the original
 *     size, followed by the start of the JSON text.
 * @param error why the execution failed, or {@code null} when it completed
 * @param logs what the code wrote to {@code console}, one entry per call; {@code warn}, {@code
 *     error}, {@code info} and {@code debug} lines start with {@code [warn] } and so on. When the
 *     log budget ran out, the first entry says so and how much was written.
 * @param stats what the execution cost
 */
public record ExecuteResult(JsonNode result, ExecutionError error, List<String> logs, Stats stats) {

  /** Checks the invariants; see the record description. */
  public ExecuteResult {
    Objects.requireNonNull(result, "result");
    logs = List.copyOf(logs);
    Objects.requireNonNull(stats, "stats");
    if (error != null && !result.isMissingNode()) {
      throw new IllegalArgumentException("a failed execution has no result");
    }
  }

  /** Whether the code completed without an uncaught error. */
  public boolean completed() {
    return error == null;
  }

  /**
   * What an execution cost.
   *
   * @param wallTime from the call to {@code execute} to the result, normalization included
   * @param toolCalls the number of tool calls the code made
   * @param allocatedBytes bytes the execution's JavaScript allocated on the JVM heap (0 where the
   *     JVM cannot measure it)
   */
  public record Stats(Duration wallTime, int toolCalls, long allocatedBytes) {

    /** Checks that the wall time is present. */
    public Stats {
      Objects.requireNonNull(wallTime, "wallTime");
    }
  }
}
