package dev.codemode.runtime.store;

import java.time.Instant;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

/**
 * One tool call (or {@code codemode.step}) of a durable execution, numbered in call order.
 *
 * @param executionId the execution it belongs to
 * @param seq its number in the execution, from 0, in the order calls arrived
 * @param connector the connector's name ({@code codemode} for steps)
 * @param tool the tool's name (the step's name for steps)
 * @param input the input the call was made with
 * @param result the recorded result, or null while none is recorded (a {@code MissingNode} for
 *     {@code undefined})
 * @param requiresApproval whether the call waited for approval
 * @param state where the call stands
 * @param error why the call failed, or null
 * @param updatedAt when it last changed
 */
public record JournalEntry(
    String executionId,
    int seq,
    String connector,
    String tool,
    JsonNode input,
    @Nullable JsonNode result,
    boolean requiresApproval,
    EntryState state,
    @Nullable String error,
    Instant updatedAt) {

  public JournalEntry {
    Objects.requireNonNull(executionId, "executionId");
    Objects.requireNonNull(connector, "connector");
    Objects.requireNonNull(tool, "tool");
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  /** This entry in {@code next} state, with {@code result} and {@code error}. */
  public JournalEntry with(EntryState next, @Nullable JsonNode newResult, @Nullable String newError, Instant at) {
    return new JournalEntry(executionId, seq, connector, tool, input, newResult, requiresApproval, next, newError, at);
  }
}
