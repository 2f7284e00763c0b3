package dev.codemode.runtime.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

/**
 * One durable execution as stored.
 *
 * @param id unique across runtimes, sortable by creation time ({@code exec_<epoch ms>_<uuid>})
 * @param runtime the name of the runtime that owns it
 * @param code the code exactly as the model sent it
 * @param status where it stands
 * @param result the final result, or null
 * @param error the final error as JSON ({@code name}, {@code message}, {@code line}, {@code column}), or null
 * @param logs console output of the last pass
 * @param connectors for each connector the run could use, the hash of its descriptor at the time
 * @param seed the seed of the run's {@code Math.random}, the same on every pass
 * @param clock the run's {@code Date.now()} in epoch milliseconds, the same on every pass
 * @param createdAt when it was created
 * @param updatedAt when it last changed (every decision and result touches it)
 */
public record ExecutionRecord(
    String id,
    String runtime,
    String code,
    ExecutionStatus status,
    @Nullable JsonNode result,
    @Nullable JsonNode error,
    List<String> logs,
    Map<String, String> connectors,
    long seed,
    long clock,
    Instant createdAt,
    Instant updatedAt) {

  public ExecutionRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(runtime, "runtime");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(status, "status");
    logs = List.copyOf(logs);
    connectors = Map.copyOf(connectors);
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }
}
