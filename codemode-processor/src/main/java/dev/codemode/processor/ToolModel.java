package dev.codemode.processor;

import dev.codemode.annotations.Replay;
import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.type.TypeMirror;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A validated {@code @Tool} method.
 *
 * @param method the method
 * @param name the tool's name
 * @param description what the tool does
 * @param parameters one per method parameter, in order
 * @param output what the method returns
 * @param requiresApproval whether calls wait for approval
 * @param replay how replays treat calls
 * @param revert the {@code @Revert} method, or {@code null} (also while the revert methods are
 *     not read yet)
 * @param inputSchema JSON Schema of the input object
 * @param outputSchema JSON Schema of the output, or JSON {@code null} for none
 */
record ToolModel(
    ExecutableElement method,
    String name,
    String description,
    List<ParameterModel> parameters,
    Output output,
    boolean requiresApproval,
    Replay replay,
    @Nullable RevertModel revert,
    ObjectNode inputSchema,
    @Nullable JsonNode outputSchema) {

  ToolModel {
    parameters = List.copyOf(parameters);
  }

  /** This tool with its revert method. */
  ToolModel withRevert(@Nullable RevertModel method) {
    return new ToolModel(
        this.method, name, description, parameters, output, requiresApproval, replay, method,
        inputSchema, outputSchema);
  }

  /**
   * What a tool method returns.
   *
   * @param async whether it returns a {@code CompletionStage}/{@code CompletableFuture}
   * @param valueType the value type ({@code T} of {@code CompletionStage<T>}), or {@code null} when
   *     the tool returns nothing ({@code void}, {@code Void}, {@code CompletionStage<Void>})
   */
  record Output(boolean async, @Nullable TypeMirror valueType) {

    boolean returnsNothing() {
      return valueType == null;
    }
  }

  /**
   * One method parameter, a property of the input object.
   *
   * @param name the property name
   * @param type the parameter type
   * @param required whether it must be present
   * @param expected what it must be, for error messages
   */
  record ParameterModel(String name, TypeMirror type, boolean required, String expected) {}

  /**
   * A {@code @Revert} method and where each of its arguments comes from.
   *
   * @param method the method
   * @param sources per revert parameter: the index of the tool parameter it receives, or {@link
   *     #RESULT} for the tool's result
   * @param async whether it returns a {@code CompletionStage}
   */
  record RevertModel(ExecutableElement method, List<Integer> sources, boolean async) {

    static final int RESULT = -1;

    RevertModel {
      sources = List.copyOf(sources);
    }
  }
}
