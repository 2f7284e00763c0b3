package dev.codemode.sandbox;

import dev.codemode.core.ConnectorDefinition;
import dev.codemode.core.ConnectorDescriptor;
import dev.codemode.core.ToolDescriptor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

/**
 * Tools that model code can call, under one global namespace: {@code tasks.create({title})}.
 *
 * <p>Two kinds come with the runtime: a generated {@link ConnectorDefinition} with an instance of
 * its connector class ({@link #of(ConnectorDefinition, Object)}), and tools built at run time from
 * JSON Schemas and Java functions ({@link #builder(String)}). Implementations are thread-safe.
 */
public interface ToolProvider {

  /** The namespace's name (a sandbox global), description and tools. */
  ConnectorDescriptor descriptor();

  /**
   * Calls a tool. The input has been checked against the tool's input schema. Failures may be
   * thrown or returned as an exceptionally completed stage; both reach model code as a JavaScript
   * {@code Error} with the exception's message.
   *
   * @param tool the tool's name, one of {@link ConnectorDescriptor#toolNames()}
   * @param input the input object
   */
  CompletionStage<JsonNode> call(String tool, JsonNode input) throws Exception;

  /** The namespace's name. */
  default String name() {
    return descriptor().name();
  }

  /**
   * JavaScript to run in each sandbox before the model's code, for this namespace; none by default.
   */
  default java.util.Optional<SandboxSetup> sandboxSetup() {
    return java.util.Optional.empty();
  }

  /** The tools of a generated connector definition, called on {@code instance}. */
  static <T> ToolProvider of(ConnectorDefinition<T> definition, T instance) {
    Objects.requireNonNull(definition, "definition");
    Objects.requireNonNull(instance, "instance");
    ConnectorDescriptor descriptor = definition.descriptor();
    return new ToolProvider() {
      @Override
      public ConnectorDescriptor descriptor() {
        return descriptor;
      }

      @Override
      public CompletionStage<JsonNode> call(String tool, JsonNode input) {
        return definition.invoke(instance, tool, input);
      }

      @Override
      public String toString() {
        return "ToolProvider(" + descriptor.name() + ", " + definition.connectorClass().getName() + ")";
      }
    };
  }

  /**
   * The tools of a generated connector definition, called on a new instance of its class.
   *
   * @throws IllegalArgumentException when the class has no public no-arg constructor
   */
  static <T> ToolProvider of(ConnectorDefinition<T> definition) {
    T instance =
        definition
            .newInstance()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        definition.connectorClass().getName()
                            + " has no public no-arg constructor: pass an instance with"
                            + " ToolProvider.of(definition, instance)"));
    return of(definition, instance);
  }

  /** A builder for a namespace of tools made from Java functions. */
  static Builder builder(String name) {
    return new Builder(name);
  }

  /** Builds a {@link ToolProvider} from tool descriptors and functions. */
  final class Builder {
    private final String name;
    private String description = "";
    private final Map<String, ToolDescriptor> descriptors = new LinkedHashMap<>();
    private final Map<String, ToolFunction> functions = new LinkedHashMap<>();
    private @Nullable SandboxSetup setup;

    private Builder(String name) {
      this.name = Objects.requireNonNull(name, "name");
    }

    /** What the namespace is for, shown to the model. */
    public Builder description(String description) {
      this.description = Objects.requireNonNull(description, "description");
      return this;
    }

    /**
     * Adds a tool that may finish later.
     *
     * @throws IllegalArgumentException when a tool of that name was added already
     */
    public Builder tool(ToolDescriptor descriptor, ToolFunction function) {
      Objects.requireNonNull(function, "function");
      if (descriptors.putIfAbsent(descriptor.name(), descriptor) != null) {
        throw new IllegalArgumentException(
            "namespace " + name + " already has a tool named " + descriptor.name());
      }
      functions.put(descriptor.name(), function);
      return this;
    }

    /** Adds a tool that computes its result on the calling thread. */
    public Builder syncTool(ToolDescriptor descriptor, Function<JsonNode, JsonNode> function) {
      Objects.requireNonNull(function, "function");
      return tool(descriptor, input -> CompletableFuture.completedFuture(function.apply(input)));
    }

    /** JavaScript run in each sandbox before the model's code; see {@link SandboxSetup}. */
    public Builder sandboxSetup(SandboxSetup setup) {
      this.setup = Objects.requireNonNull(setup, "setup");
      return this;
    }

    /**
     * The provider.
     *
     * @throws IllegalArgumentException when the name is not a valid namespace name
     */
    public ToolProvider build() {
      ConnectorDescriptor descriptor =
          new ConnectorDescriptor(name, description, new ArrayList<>(descriptors.values()));
      Map<String, ToolFunction> calls = Map.copyOf(functions);
      List<String> names = descriptor.toolNames();
      java.util.Optional<SandboxSetup> sandboxSetup = java.util.Optional.ofNullable(setup);
      return new ToolProvider() {
        @Override
        public ConnectorDescriptor descriptor() {
          return descriptor;
        }

        @Override
        public java.util.Optional<SandboxSetup> sandboxSetup() {
          return sandboxSetup;
        }

        @Override
        public CompletionStage<JsonNode> call(String tool, JsonNode input) throws Exception {
          ToolFunction function = calls.get(tool);
          if (function == null) {
            throw new dev.codemode.core.NoSuchToolException(name, tool, names);
          }
          return function.call(input);
        }

        @Override
        public String toString() {
          return "ToolProvider(" + name + ", " + names + ")";
        }
      };
    }
  }
}
