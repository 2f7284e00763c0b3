package dev.codemode.runtime;

import dev.codemode.sandbox.ToolProvider;


import dev.codemode.core.ConnectorDefinition;
import dev.codemode.core.ConnectorDescriptor;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import tools.jackson.databind.JsonNode;

/**
 * A connector as the durable runtime uses it: its tools, and the way to undo a call of one of them
 * for a rollback.
 */
public interface RuntimeConnector {

  /** The tools. */
  ToolProvider provider();

  /**
   * Undoes an applied call; fails (exceptionally completed stage) when the tool cannot be undone.
   */
  CompletionStage<Void> revert(String tool, JsonNode input, JsonNode result);

  /** The connector's name, its namespace in the sandbox. */
  default String name() {
    return provider().name();
  }

  /** The connector's descriptor. */
  default ConnectorDescriptor descriptor() {
    return provider().descriptor();
  }

  /** The TypeScript declarations of the connector ({@code declare const <name>: {...}}). */
  default String typeScript() {
    return dev.codemode.core.typescript.TypeScriptRenderer.declarations(descriptor());
  }

  /** A generated connector definition with the instance its tools run on. */
  static <T> RuntimeConnector of(ConnectorDefinition<T> definition, T instance) {
    ToolProvider provider = ToolProvider.of(definition, instance);
    return new RuntimeConnector() {
      @Override
      public ToolProvider provider() {
        return provider;
      }

      @Override
      public CompletionStage<Void> revert(String tool, JsonNode input, JsonNode result) {
        return definition.revert(instance, tool, input, result);
      }

      @Override
      public String typeScript() {
        return definition.typeScript();
      }

      @Override
      public String toString() {
        return "RuntimeConnector(" + provider.name() + ", " + definition.connectorClass().getName() + ")";
      }
    };
  }

  /** Tools built at run time (an MCP server's, say); their calls cannot be undone. */
  static RuntimeConnector of(ToolProvider provider) {
    Objects.requireNonNull(provider, "provider");
    return new RuntimeConnector() {
      @Override
      public ToolProvider provider() {
        return provider;
      }

      @Override
      public CompletionStage<Void> revert(String tool, JsonNode input, JsonNode result) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException(
            provider.name() + "." + tool + " has no revert method"));
      }

      @Override
      public String toString() {
        return "RuntimeConnector(" + provider.name() + ")";
      }
    };
  }
}
