package dev.codemode.runtime.discovery;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What {@link Describer#describe} tells about a connector, a tool or a snippet: what model code
 * gets from {@code codemode.describe(target)}.
 *
 * @param path the connector's name, the tool's {@code <connector>.<tool>}, the snippet's name, or
 *     for {@value #NOT_FOUND} the target as given
 * @param kind {@value #CONNECTOR}, {@value #TOOL}, {@value #SNIPPET} or {@value #NOT_FOUND}
 * @param description what it does (may be empty); for {@value #NOT_FOUND}, a message with the
 *     closest names and the connectors
 * @param types for a connector, its TypeScript declarations; for a tool, its signature and the
 *     declarations of its input and output types; for a snippet, its code in a fenced block; null
 *     for {@value #NOT_FOUND}
 * @param requiresApproval for a tool, whether each call waits for a person's approval; null
 *     otherwise
 */
public record Description(
    String path, String kind, @Nullable String description, @Nullable String types, @Nullable Boolean requiresApproval) {

  /** The kind of a connector. */
  public static final String CONNECTOR = "connector";

  /** The kind of a tool. */
  public static final String TOOL = "tool";

  /** The kind of a saved snippet. */
  public static final String SNIPPET = "snippet";

  /** The kind when nothing has the name asked for. */
  public static final String NOT_FOUND = "not_found";

  /** Checks that path, kind and description are present. */
  public Description {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(description, "description");
  }
}
