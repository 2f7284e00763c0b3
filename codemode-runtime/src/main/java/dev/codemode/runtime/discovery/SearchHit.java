package dev.codemode.runtime.discovery;

import java.util.Objects;

/**
 * One result of {@link SearchIndex#search}: a tool or a saved snippet, with its score.
 *
 * @param path what to pass to {@code codemode.describe}: {@code <connector>.<tool>} for a tool,
 *     the name for a snippet
 * @param kind {@value #TOOL} or {@value #SNIPPET}
 * @param connector the connector's name; {@value #SNIPPET} for a snippet
 * @param tool the tool's name; the snippet's name for a snippet
 * @param description what it does; may be empty
 * @param requiresApproval whether calling the tool waits for a person's approval (false for a
 *     snippet)
 * @param score how well it matched; higher is better, comparable only within one search
 */
public record SearchHit(
    String path,
    String kind,
    String connector,
    String tool,
    String description,
    boolean requiresApproval,
    int score) {

  /** The kind of a tool. */
  public static final String TOOL = "tool";

  /** The kind of a saved snippet, also its {@code connector}. */
  public static final String SNIPPET = "snippet";

  /** Checks that no component is null. */
  public SearchHit {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(connector, "connector");
    Objects.requireNonNull(tool, "tool");
    Objects.requireNonNull(description, "description");
  }
}
