package dev.codemode.core.typescript;

import dev.codemode.core.ConnectorDescriptor;
import dev.codemode.core.JsonCodec;
import dev.codemode.core.ToolDescriptor;
import dev.codemode.core.ToolNames;
import dev.codemode.core.testing.GoldenFiles;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Reads connector descriptors from test resources. */
final class ConnectorFiles {

  private ConnectorFiles() {}

  /**
   * A connector from the descriptor JSON shape ({@code name}, {@code description}, {@code tools}
   * with {@code name}, {@code description}, {@code inputSchema}, {@code outputSchema}): a missing
   * {@code outputSchema} is an unknown output, JSON {@code null} a tool that returns nothing.
   */
  static ConnectorDescriptor fromDescriptor(String resource) {
    JsonNode json = JsonCodec.defaults().parse(GoldenFiles.read(resource));
    List<ToolDescriptor> tools = new ArrayList<>();
    for (JsonNode tool : json.get("tools").values()) {
      tools.add(
          ToolDescriptor.of(
              tool.get("name").stringValue(),
              tool.get("description").stringValue(),
              tool.get("inputSchema"),
              tool.get("outputSchema")));
    }
    return new ConnectorDescriptor(
        json.get("name").stringValue(), json.get("description").stringValue(), tools);
  }

  /**
   * A connector from a captured MCP {@code tools/list} result: tool names through {@link
   * ToolNames#sanitize}, a missing description or output schema as empty and unknown.
   */
  static ConnectorDescriptor fromMcpToolsList(String resource, String name, String description) {
    JsonNode json = JsonCodec.defaults().parse(GoldenFiles.read(resource));
    List<ToolDescriptor> tools = new ArrayList<>();
    for (JsonNode tool : json.get("tools").values()) {
      JsonNode toolDescription = tool.get("description");
      tools.add(
          ToolDescriptor.of(
              ToolNames.sanitize(tool.get("name").stringValue()),
              toolDescription == null ? "" : toolDescription.stringValue(),
              tool.get("inputSchema"),
              tool.get("outputSchema")));
    }
    return new ConnectorDescriptor(name, description, tools);
  }
}
