package dev.codemode.runtime;

import java.util.Objects;
import tools.jackson.databind.JsonNode;

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
}
