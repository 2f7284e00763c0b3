package dev.codemode.core.typescript;

import dev.codemode.core.ConnectorDescriptor;
import dev.codemode.core.JsonCodec;
import dev.codemode.core.ToolDescriptor;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Schemas and descriptors for the renderer tests. */
final class Fixtures {

  private Fixtures() {}

  /** Parses JSON text. */
  static JsonNode json(String text) {
    return JsonCodec.defaults().parse(text);
  }

  /** A tool with an input schema and an output schema (JSON text, or null for unknown). */
  static ToolDescriptor tool(String name, String description, String input, String output) {
    return ToolDescriptor.of(name, description, json(input), output == null ? null : json(output));
  }

  /** A connector with the given tools. */
  static ConnectorDescriptor connector(String name, String description, ToolDescriptor... tools) {
    return new ConnectorDescriptor(name, description, List.of(tools));
  }

  /**
   * The type declarations (the text before the {@code declare const}) of a connector {@code c}
   * with one tool {@code t} whose input schema is {@code input}.
   */
  static String inputTypes(String input) {
    String text = TypeScriptRenderer.declarations(connector("c", "", tool("t", "", input, null)));
    return text.substring(0, text.indexOf("\ndeclare const"));
  }

  /** {@link TypeScriptRenderer#typeExpression} of a schema that is its own root. */
  static String expression(String schema) {
    return TypeScriptRenderer.typeExpression(json(schema), null);
  }
}
