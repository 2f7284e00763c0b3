package dev.codemode.runtime.store;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A saved script: the code of a past execution, runnable by name with an input.
 *
 * @param runtime the runtime that owns it
 * @param name its name, unique in the runtime
 * @param description what it does
 * @param code the code exactly as the model sent it
 * @param connectors for each connector of the runtime when it was saved, the hash of its
 *     descriptor; a snippet refuses to run when one of them changed
 * @param executionId the execution it was saved from
 * @param savedAt when it was saved
 */
public record Snippet(
    String runtime,
    String name,
    String description,
    String code,
    Map<String, String> connectors,
    @Nullable String executionId,
    Instant savedAt) {

  public Snippet {
    Objects.requireNonNull(runtime, "runtime");
    Objects.requireNonNull(name, "name");
    description = description == null ? "" : description;
    Objects.requireNonNull(code, "code");
    connectors = Map.copyOf(connectors);
    Objects.requireNonNull(savedAt, "savedAt");
  }
}
