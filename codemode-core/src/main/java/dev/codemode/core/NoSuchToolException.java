package dev.codemode.core;

import java.util.List;

/** A call named a tool the connector does not have. The message lists the tools it has. */
public final class NoSuchToolException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String connector;
  private final String tool;

  /**
   * @param connector the connector's name
   * @param tool the unknown tool name
   * @param knownTools the connector's tool names
   */
  public NoSuchToolException(String connector, String tool, List<String> knownTools) {
    super(message(connector, tool, knownTools));
    this.connector = connector;
    this.tool = tool;
  }

  private static String message(String connector, String tool, List<String> knownTools) {
    StringBuilder message =
        new StringBuilder(connector).append(" has no tool named \"").append(tool).append('"');
    Suggestions.closest(tool, knownTools)
        .ifPresent(match -> message.append("; did you mean \"").append(match).append("\"?"));
    message
        .append(knownTools.isEmpty() ? " It has no tools." : " Its tools: ")
        .append(String.join(", ", knownTools));
    return message.toString();
  }

  /** The connector's name. */
  public String connector() {
    return connector;
  }

  /** The unknown tool name. */
  public String tool() {
    return tool;
  }
}
