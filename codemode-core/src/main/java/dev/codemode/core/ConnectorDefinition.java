package dev.codemode.core;

import java.util.Optional;
import java.util.concurrent.CompletionStage;
import tools.jackson.databind.JsonNode;

/**
 * A connector as the runtime uses it: its descriptor, its TypeScript declarations, and a dispatch
 * table that calls its tools on an instance. The Codemode annotation processor writes one
 * implementation per {@code @Connector} or {@code @OpenApi} class ({@code com.acme.Tasks_Codemode})
 * and registers it for {@link java.util.ServiceLoader}. Write one by hand only for a connector whose
 * tools are known when it is compiled; tools found at run time (an MCP server's, a plugin's) are a
 * {@code dev.codemode.sandbox.ToolProvider} instead, given to the runtime with its builder's {@code
 * connector(ToolProvider)}.
 *
 * <p>Implementations are immutable and thread-safe; {@link #invoke} may be called concurrently.
 *
 * @param <T> the connector class whose instances the tools run on
 */
public interface ConnectorDefinition<T> {

  /** The connector class. */
  Class<T> connectorClass();

  /** The connector's name, description and tools. */
  ConnectorDescriptor descriptor();

  /**
   * The TypeScript declarations of the connector: {@code declare const <name>: {...}} and the
   * types it uses, the text of {@code META-INF/codemode/<name>.d.ts}.
   */
  String typeScript();

  /**
   * Calls a tool.
   *
   * <p>Never throws: every failure comes back as an exceptionally completed stage. A {@link
   * ToolInputException} when {@code input} does not fit the tool's input (it names the tool, the
   * property, what was expected and what came), a {@link NoSuchToolException} for an unknown tool,
   * and otherwise whatever the tool threw.
   *
   * @param target the instance to call the tool on
   * @param toolName the tool's name as in the descriptor
   * @param input the input object; {@code null} or JSON {@code null} counts as {@code {}}
   * @return the tool's result as JSON: JSON {@code null} for a {@code null} result, a {@link
   *     tools.jackson.databind.node.MissingNode} for a tool that returns nothing
   */
  CompletionStage<JsonNode> invoke(T target, String toolName, JsonNode input);

  /**
   * Undoes an applied call of a tool, for a rollback, by calling the connector's {@code @Revert}
   * method for that tool. Fails (exceptionally completed stage) when the tool has none: see {@link
   * ToolDescriptor#revertible()}.
   *
   * @param target the instance to call the revert method on
   * @param toolName the tool whose call is undone
   * @param input the input the tool was called with
   * @param result the result the tool returned
   */
  CompletionStage<Void> revert(T target, String toolName, JsonNode input, JsonNode result);

  /**
   * A new instance of the connector class, when it has a public no-arg constructor; empty when
   * instances must be provided by the application.
   */
  Optional<T> newInstance();
}
