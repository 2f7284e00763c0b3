package dev.codemode.sandbox;

import java.util.concurrent.CompletionStage;
import tools.jackson.databind.JsonNode;

/**
 * A tool built at run time: takes the input object as JSON and returns the result as JSON, now or
 * later. Used with {@link ToolProvider#builder(String)} for tools that have no Java class (tools
 * discovered at run time, adapters).
 */
@FunctionalInterface
public interface ToolFunction {

  /**
   * Runs the tool.
   *
   * @param input the input object, already checked against the tool's input schema
   * @return the result: JSON {@code null} for null, a {@link tools.jackson.databind.node.MissingNode}
   *     for {@code undefined}
   * @throws Exception for a failure the model should see; its message becomes the JavaScript error's
   *     message
   */
  CompletionStage<JsonNode> call(JsonNode input) throws Exception;
}
