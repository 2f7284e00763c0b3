package dev.codemode.runtime;

import dev.codemode.core.JsonCodec;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A tool call waiting for a person's approval; its run is paused.
 *
 * @param executionId the paused run
 * @param seq the call's number in the run's journal
 * @param connector the connector's name
 * @param tool the tool's name
 * @param input what the tool would be called with
 */
public record PendingCall(String executionId, int seq, String connector, String tool, JsonNode input) {

  public PendingCall {
    Objects.requireNonNull(executionId, "executionId");
    Objects.requireNonNull(connector, "connector");
    Objects.requireNonNull(tool, "tool");
    Objects.requireNonNull(input, "input");
  }

  /** The call a PENDING journal entry waits to make. */
  static PendingCall of(dev.codemode.runtime.store.JournalEntry entry) {
    return new PendingCall(entry.executionId(), entry.seq(), entry.connector(), entry.tool(), entry.input());
  }

  /** {@code {"seq", "connector", "tool", "input"}}: the {@code pending} of the outcome JSON. */
  public ObjectNode toJson() {
    ObjectNode json = JsonCodec.defaults().nodes().objectNode();
    json.put("seq", seq);
    json.put("connector", connector);
    json.put("tool", tool);
    json.set("input", input);
    return json;
  }
}
