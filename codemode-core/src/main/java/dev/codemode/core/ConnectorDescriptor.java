package dev.codemode.core;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A connector as model code sees it: one global namespace with tools.
 *
 * @param name the global's name, a JavaScript identifier that is not a reserved word or a sandbox
 *     global
 * @param description what the connector is for; may be empty
 * @param tools the tools, in declaration order, with distinct names
 */
public record ConnectorDescriptor(String name, String description, List<ToolDescriptor> tools) {

  /** Checks the invariants; see the record description. */
  public ConnectorDescriptor {
    String problem = ToolNames.connectorNameProblem(name);
    if (problem != null) {
      throw new IllegalArgumentException("Invalid connector name: " + problem);
    }
    Objects.requireNonNull(description, "description");
    tools = List.copyOf(tools);
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < tools.size(); i++) {
      Integer earlier = seen.putIfAbsent(tools.get(i).name(), i);
      if (earlier != null) {
        throw new IllegalArgumentException(
            "Connector " + name + ": tools " + earlier + " and " + i + " are both named "
                + tools.get(i).name());
      }
    }
  }

  /** The tool named {@code toolName}, if there is one. */
  public Optional<ToolDescriptor> tool(String toolName) {
    for (ToolDescriptor tool : tools) {
      if (tool.name().equals(toolName)) {
        return Optional.of(tool);
      }
    }
    return Optional.empty();
  }

  /** The names of the tools, in declaration order. */
  public List<String> toolNames() {
    return tools.stream().map(ToolDescriptor::name).toList();
  }
}
