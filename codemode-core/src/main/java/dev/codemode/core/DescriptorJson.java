package dev.codemode.core;

import dev.codemode.annotations.Replay;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The descriptor file format, {@code META-INF/codemode/<name>.json}:
 *
 * <pre>{@code
 * {"name": "tasks", "description": "...",
 *  "tools": [{"name": "create", "description": "...", "inputSchema": {...}, "outputSchema": {...},
 *             "requiresApproval": false, "replay": "record", "revertible": true}]}
 * }</pre>
 *
 * <p>{@code outputSchema} is JSON {@code null} for a tool that returns nothing and absent when the
 * output is unknown. {@code replay} is {@code "record"} or {@code "reexecute"}. Schemas are JSON
 * Schema draft 2020-12.
 */
public final class DescriptorJson {

  private DescriptorJson() {}

  /** The descriptor as a JSON tree, properties in the documented order. */
  public static ObjectNode toJson(ConnectorDescriptor connector) {
    JsonCodec codec = JsonCodec.defaults();
    ObjectNode root = codec.nodes().objectNode();
    root.put("name", connector.name());
    root.put("description", connector.description());
    ArrayNode tools = root.putArray("tools");
    for (ToolDescriptor tool : connector.tools()) {
      ObjectNode node = tools.addObject();
      node.put("name", tool.name());
      node.put("description", tool.description());
      node.set("inputSchema", tool.inputSchema());
      if (tool.outputSchema() != null) {
        node.set("outputSchema", tool.outputSchema());
      }
      node.put("requiresApproval", tool.requiresApproval());
      node.put("replay", tool.replay().name().toLowerCase(Locale.ROOT));
      node.put("revertible", tool.revertible());
    }
    return root;
  }

  /** The descriptor file's text: indented, {@code \n} line ends, deterministic. */
  public static String write(ConnectorDescriptor connector) {
    return JsonCodec.defaults().toPrettyJson(toJson(connector));
  }

  /**
   * Reads a descriptor file's text.
   *
   * @param source where the text came from, named in error messages
   * @throws IllegalArgumentException naming the source, the JSON path and what is wrong
   */
  public static ConnectorDescriptor read(String text, String source) {
    JsonNode json;
    try {
      json = JsonCodec.defaults().parse(text);
    } catch (JacksonException e) {
      throw new IllegalArgumentException(
          source + ": not JSON: " + e.getOriginalMessage().lines().findFirst().orElse(""), e);
    }
    return read(json, source);
  }

  /**
   * Reads a descriptor from its JSON tree.
   *
   * @param source where the tree came from, named in error messages
   * @throws IllegalArgumentException naming the source, the JSON path and what is wrong
   */
  public static ConnectorDescriptor read(JsonNode json, String source) {
    Reader reader = new Reader(source);
    ObjectNode root = reader.object(json, "$");
    String name = reader.string(root, "name", "$", true);
    String description = reader.string(root, "description", "$", false);
    JsonNode toolsNode = root.get("tools");
    if (toolsNode == null || !toolsNode.isArray()) {
      throw reader.error("$.tools", "expected an array of tools, got " + kind(toolsNode));
    }
    List<ToolDescriptor> tools = new ArrayList<>();
    for (int i = 0; i < toolsNode.size(); i++) {
      tools.add(reader.tool(toolsNode.get(i), "$.tools[" + i + "]"));
    }
    try {
      return new ConnectorDescriptor(name, description, tools);
    } catch (IllegalArgumentException e) {
      throw reader.error("$", e.getMessage());
    }
  }

  private static String kind(JsonNode node) {
    return node == null || node.isMissingNode()
        ? "nothing"
        : node.getNodeType().name().toLowerCase(Locale.ROOT);
  }

  private record Reader(String source) {

    IllegalArgumentException error(String path, @Nullable String problem) {
      return new IllegalArgumentException(source + ": " + path + ": " + problem);
    }

    ObjectNode object(JsonNode node, String path) {
      if (node instanceof ObjectNode object) {
        return object;
      }
      throw error(path, "expected an object, got " + kind(node));
    }

    String string(ObjectNode object, String field, String path, boolean required) {
      JsonNode value = object.get(field);
      if (value == null && !required) {
        return "";
      }
      if (value == null || !value.isString()) {
        throw error(path + "." + field, "expected a string, got " + kind(value));
      }
      return value.stringValue();
    }

    boolean bool(ObjectNode object, String field, String path) {
      JsonNode value = object.get(field);
      if (value == null) {
        return false;
      }
      if (!value.isBoolean()) {
        throw error(path + "." + field, "expected true or false, got " + kind(value));
      }
      return value.booleanValue();
    }

    ToolDescriptor tool(JsonNode node, String path) {
      ObjectNode tool = object(node, path);
      String name = string(tool, "name", path, true);
      String description = string(tool, "description", path, false);
      JsonNode input = tool.get("inputSchema");
      if (input == null || !(input.isObject() || input.isBoolean())) {
        throw error(path + ".inputSchema", "expected a JSON Schema object, got " + kind(input));
      }
      JsonNode output = tool.get("outputSchema");
      if (output != null && !(output.isObject() || output.isBoolean() || output.isNull())) {
        throw error(
            path + ".outputSchema", "expected a JSON Schema object or null, got " + kind(output));
      }
      Replay replay = Replay.RECORD;
      JsonNode replayNode = tool.get("replay");
      if (replayNode != null) {
        replay = replay(replayNode, path + ".replay");
      }
      try {
        return new ToolDescriptor(
            name,
            description,
            input,
            output,
            bool(tool, "requiresApproval", path),
            replay,
            bool(tool, "revertible", path));
      } catch (IllegalArgumentException e) {
        throw error(path, e.getMessage());
      }
    }

    Replay replay(JsonNode node, String path) {
      if (node.isString()) {
        for (Replay value : Replay.values()) {
          if (value.name().equalsIgnoreCase(node.stringValue())) {
            return value;
          }
        }
      }
      throw error(path, "expected \"record\" or \"reexecute\", got " + node);
    }
  }
}
