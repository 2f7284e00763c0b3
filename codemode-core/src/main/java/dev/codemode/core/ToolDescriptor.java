package dev.codemode.core;

import dev.codemode.annotations.Replay;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;

/**
 * What model code and the runtime know about one tool: its name, what it does, the JSON Schemas
 * (draft 2020-12) of its single input object and of its output, and how the runtime treats its
 * calls.
 *
 * <p>The output has three forms: a schema ({@link #hasOutputSchema()}); {@link #NO_OUTPUT}, for a
 * tool that returns nothing ({@code void} in Java, {@code undefined} in TypeScript); or {@code
 * null}, for a tool whose output is not described (TypeScript {@code unknown}).
 *
 * <p>Schema nodes are shared, not copied: treat them as read-only.
 *
 * @param name the tool's name, a JavaScript identifier that is not a reserved word
 * @param description what the tool does, for the model; may be empty
 * @param inputSchema JSON Schema of the input object
 * @param outputSchema JSON Schema of the output, {@link #NO_OUTPUT}, or {@code null} when unknown
 * @param requiresApproval whether each call waits for a person's approval
 * @param replay how a replay after a pause treats the call
 * @param revertible whether the connector can undo a call of this tool
 */
public record ToolDescriptor(
    String name,
    String description,
    JsonNode inputSchema,
    @Nullable JsonNode outputSchema,
    boolean requiresApproval,
    Replay replay,
    boolean revertible) {

  /** The output of a tool that returns nothing: JSON {@code null} in the descriptor file. */
  public static final JsonNode NO_OUTPUT = NullNode.getInstance();

  /** Checks the invariants; see the record description. */
  public ToolDescriptor {
    String problem = ToolNames.toolNameProblem(name);
    if (problem != null) {
      throw new IllegalArgumentException("Invalid tool name: " + problem);
    }
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(inputSchema, "inputSchema");
    Objects.requireNonNull(replay, "replay");
    if (!inputSchema.isObject() && !inputSchema.isBoolean()) {
      throw new IllegalArgumentException(
          "Tool " + name + ": the input schema must be a JSON object, got " + inputSchema);
    }
    if (outputSchema != null
        && !outputSchema.isObject()
        && !outputSchema.isBoolean()
        && !outputSchema.isNull()) {
      throw new IllegalArgumentException(
          "Tool " + name + ": the output schema must be a JSON object, null or absent, got "
              + outputSchema);
    }
    if (requiresApproval && replay == Replay.REEXECUTE) {
      throw new IllegalArgumentException(
          "Tool " + name + ": requiresApproval cannot be combined with replay REEXECUTE");
    }
  }

  /** A tool that returns a value described by {@code outputSchema}, with the default options. */
  public static ToolDescriptor of(
      String name, String description, JsonNode inputSchema, @Nullable JsonNode outputSchema) {
    return new ToolDescriptor(
        name, description, inputSchema, outputSchema, false, Replay.RECORD, false);
  }

  /** Whether the output is described by a schema. */
  public boolean hasOutputSchema() {
    return outputSchema != null && !outputSchema.isNull();
  }

  /** Whether the tool returns nothing ({@code void}). */
  public boolean returnsNothing() {
    return outputSchema != null && outputSchema.isNull();
  }
}
