package dev.codemode.runtime;

import dev.codemode.sandbox.ExecutionError;


import dev.codemode.core.JsonCodec;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import org.jspecify.annotations.Nullable;

/**
 * What a durable run came to, as the model, the CLI and every front see it: completed with a
 * result, paused at a call that waits for approval, or failed with an error. Never thrown.
 *
 * @param status how the run stands
 * @param executionId the run's id ({@code ""} when none was created, as for code too large to store)
 * @param result the result when completed (a {@code MissingNode} for {@code undefined}), else null
 * @param error the error when failed, else null
 * @param logs console output of the last pass
 * @param pending the call waiting for approval when paused, else null
 */
public record Outcome(
    Status status, String executionId, @Nullable JsonNode result, @Nullable Error error, List<String> logs,
    @Nullable PendingCall pending) {

  /** How the run stands. */
  public enum Status {
    /** Finished with a result. */
    COMPLETED,
    /** Waiting for a person to approve {@link #pending()}. */
    PAUSED,
    /** Failed, or was rejected or stopped. */
    ERROR;

    /** The lower-case name used in the outcome JSON. */
    public String wireName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * Why a run failed.
   *
   * @param name the error's name ({@code TypeError}, {@code ToolError}, {@code ReplayDivergence}...)
   * @param message what happened and, where possible, what to do
   * @param line the line in the model's code, when known
   * @param column the column in the model's code, when known
   */
  @SuppressWarnings("JavaLangClash") // named after the "error" of the outcome JSON, always used as Outcome.Error
  public record Error(String name, String message, @Nullable Integer line, @Nullable Integer column) {
    public Error {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(message, "message");
    }

    static Error of(ExecutionError error) {
      return new Error(error.name(), error.message(), error.line(), error.column());
    }

    ObjectNode toJson() {
      ObjectNode json = JsonCodec.defaults().nodes().objectNode();
      json.put("name", name);
      json.put("message", message);
      if (line != null) {
        json.put("line", line);
      }
      if (column != null) {
        json.put("column", column);
      }
      return json;
    }

    static Error fromJson(JsonNode json) {
      return new Error(json.path("name").asString("Error"), json.path("message").asString(""),
          json.hasNonNull("line") ? json.get("line").asInt() : null,
          json.hasNonNull("column") ? json.get("column").asInt() : null);
    }
  }

  public Outcome {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(executionId, "executionId");
    logs = List.copyOf(logs);
  }

  static Outcome completed(String executionId, @Nullable JsonNode result, List<String> logs) {
    return new Outcome(Status.COMPLETED, executionId, result, null, logs, null);
  }

  static Outcome paused(String executionId, PendingCall pending, List<String> logs) {
    return new Outcome(Status.PAUSED, executionId, null, null, logs, pending);
  }

  static Outcome failed(String executionId, Error error, List<String> logs) {
    return new Outcome(Status.ERROR, executionId, null, error, logs, null);
  }

  static Outcome failed(String executionId, String name, String message) {
    return failed(executionId, new Error(name, message, null, null), List.of());
  }

  /**
   * The outcome JSON: {@code {"status", "executionId", "result", "error": {"name", "message",
   * "line", "column"}, "logs", "pending": {"seq", "connector", "tool", "input"}}}, with {@code
   * error} only on error and {@code pending} only when paused.
   */
  public ObjectNode toJson() {
    JsonCodec codec = JsonCodec.defaults();
    ObjectNode json = codec.nodes().objectNode();
    json.put("status", status.wireName());
    json.put("executionId", executionId);
    if (status == Status.COMPLETED) {
      json.set("result", result == null || result.isMissingNode() ? codec.nodes().nullNode() : result);
    }
    if (error != null) {
      json.set("error", error.toJson());
    }
    ArrayNode lines = json.putArray("logs");
    logs.forEach(lines::add);
    if (pending != null) {
      json.set("pending", pending.toJson());
    }
    return json;
  }
}
