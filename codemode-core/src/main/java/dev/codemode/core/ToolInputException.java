package dev.codemode.core;

import org.jspecify.annotations.Nullable;

/**
 * The input of a tool call does not fit the tool: not an object, a required property missing, an
 * unknown property, or a value of the wrong type. The message names the tool, the property, what
 * was expected and what came, in words a model can act on.
 */
public final class ToolInputException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String connector;
  private final String tool;
  private final @Nullable String property;

  /**
   * @param connector the connector's name
   * @param tool the tool's name
   * @param property the path of the offending property ({@code task.tags[2]}), or {@code null} when
   *     the problem is the input as a whole
   * @param problem what is wrong, without the tool's name (it is prefixed)
   */
  public ToolInputException(
      String connector, String tool, @Nullable String property, String problem) {
    super(connector + "." + tool + ": " + problem);
    this.connector = connector;
    this.tool = tool;
    this.property = property;
  }

  /** The connector's name. */
  public String connector() {
    return connector;
  }

  /** The tool's name. */
  public String tool() {
    return tool;
  }

  /** The path of the offending property, or {@code null} for the input as a whole. */
  public @Nullable String property() {
    return property;
  }
}
