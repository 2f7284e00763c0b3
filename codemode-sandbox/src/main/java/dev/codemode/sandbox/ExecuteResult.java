package dev.codemode.sandbox;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;
import org.jspecify.annotations.Nullable;

/**
 * What one execution of model code gave: its result as JSON or an error, the lines it logged, and
 * what it cost.
 *
 * @param result the value the code's function returned, as JSON; a {@link MissingNode} when it
 *     returned {@code undefined} or when the execution failed. A result whose JSON is larger than
 *     {@link ExecutionLimits#maxResultBytes()} is cut to it and stays JSON of the same shape: objects
 *     keep their keys, arrays their first items, strings their start; each cut is marked with a
 *     string that starts with {@code "… "} ({@code "… 1,234 more items"} as an array's last item,
 *     {@code "… 56,789 more characters"} at a string's end), and the top level carries a notice
 *     with the original size (a top-level object as its first property {@code "[codemode]"}, an
 *     array as its last item, a string after its marker). Should not even that fit, the result is
 *     the notice alone, as a string.
 * @param error why the execution failed, or {@code null} when it completed
 * @param logs what the code wrote to {@code console}, one entry per call; {@code warn}, {@code
 *     error}, {@code info} and {@code debug} lines start with {@code [warn] } and so on. When the
 *     log budget ({@link ExecutionLimits#maxLogBytes()}) ran out, the first entry is a notice of
 *     how much was written and how much is kept, and the line cut short ends with "…".
 * @param stats what the execution cost
 */
public record ExecuteResult(JsonNode result, @Nullable ExecutionError error, List<String> logs, Stats stats) {

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
