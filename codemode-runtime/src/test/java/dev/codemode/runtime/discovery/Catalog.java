package dev.codemode.runtime.discovery;

import dev.codemode.annotations.Replay;
import dev.codemode.core.ConnectorDescriptor;
import dev.codemode.core.JsonCodec;
import dev.codemode.core.ToolDescriptor;
import dev.codemode.runtime.store.Snippet;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Connectors, tools and snippets for the discovery tests, built in a line each. */
final class Catalog {

  private static final JsonCodec JSON = JsonCodec.defaults();

  private Catalog() {}

  static ConnectorDescriptor connector(String name, String description, ToolDescriptor... tools) {
    return new ConnectorDescriptor(name, description, List.of(tools));
  }

  /** A tool whose input object has the given properties (strings), none of them described. */
  static ToolDescriptor tool(String name, String description, String... properties) {
    return ToolDescriptor.of(name, description, input(properties), null);
  }

  /** Like {@link #tool} but each call waits for approval. */
  static ToolDescriptor approvalTool(String name, String description, String... properties) {
    return new ToolDescriptor(name, description, input(properties), null, true, Replay.RECORD, false);
  }

  static Snippet snippet(String name, String description, String code) {
    return new Snippet(
        "default", name, description, code, Map.of(), "exec_1", Instant.parse("2025-01-01T00:00:00Z"));
  }

  private static JsonNode input(String... properties) {
    ObjectNode schema = JSON.nodes().objectNode().put("type", "object");
    if (properties.length > 0) {
      ObjectNode props = schema.putObject("properties");
      for (String property : properties) {
        props.putObject(property).put("type", "string");
      }
    }
    return schema;
  }
}
