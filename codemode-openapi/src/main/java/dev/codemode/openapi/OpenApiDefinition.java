package dev.codemode.openapi;

import dev.codemode.core.ConnectorDescriptor;
import dev.codemode.core.JsonCodec;
import dev.codemode.core.ToolDescriptor;
import dev.codemode.core.dispatch.AbstractConnectorDefinition;
import dev.codemode.core.dispatch.GeneratedResources;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The definition of an OpenAPI connector: its descriptor and TypeScript, and a dispatch that sends
 * each tool's operation through {@link OpenApiConnector#call} and the {@code request} tool through
 * {@link OpenApiConnector#request}.
 *
 * <p>The annotation processor generates one subclass per {@code @OpenApi} class, which reads the
 * files it wrote ({@code META-INF/codemode/<name>.json}, {@code .d.ts} and {@code .openapi.json})
 * through {@link GeneratedResources}, checked by their SHA-256, and overrides {@link #newInstance()}
 * when the connector class has a public no-arg constructor:
 *
 * <pre>{@code
 * public final class Petstore_Codemode extends OpenApiDefinition<Petstore> {
 *   private static final GeneratedResources RESOURCES =
 *       new GeneratedResources(Petstore_Codemode.class, "petstore", "<sha of .json>", "<sha of .d.ts>");
 *
 *   public Petstore_Codemode() {
 *     super(Petstore.class, RESOURCES, "<sha of .openapi.json>");
 *   }
 *
 *   public Optional<Petstore> newInstance() {
 *     return Optional.of(new Petstore());
 *   }
 * }
 * }</pre>
 *
 * <p>{@link #of} builds a definition without generated code, from a spec read or derived at run
 * time.
 *
 * @param <T> the connector class
 */
public abstract class OpenApiDefinition<T extends OpenApiConnector>
    extends AbstractConnectorDefinition<T> {

  private final ApiSpec api;

  /**
   * A definition over the files the annotation processor wrote.
   *
   * @param connectorClass the connector class
   * @param resources the descriptor and TypeScript files
   * @param apiSpecSha256 hex SHA-256 of {@code META-INF/codemode/<name>.openapi.json}
   * @throws IllegalStateException when a file is missing, stale, or does not match the others
   */
  protected OpenApiDefinition(
      Class<T> connectorClass, GeneratedResources resources, String apiSpecSha256) {
    this(
        connectorClass,
        resources.descriptor(),
        resources::typeScript,
        operations(resources, apiSpecSha256));
  }

  /** Reads {@code META-INF/codemode/<name>.openapi.json}, checking its hash. */
  private static ApiSpec operations(GeneratedResources resources, String apiSpecSha256) {
    String fileName = ApiSpecJson.fileName(resources.connectorName());
    return ApiSpecJson.read(
        resources.text(fileName, apiSpecSha256), GeneratedResources.FOLDER + fileName);
  }

  /**
   * A definition over a descriptor, TypeScript declarations and a spec given directly.
   *
   * @param connectorClass the connector class
   * @param descriptor the connector's descriptor: a tool per operation of {@code api}, and
   *     optionally the {@link OpenApiConnector#requestTool() request} tool
   * @param typeScript gives the TypeScript declarations on first use
   * @param api the operations behind the tools
   * @throws IllegalArgumentException when the descriptor and the spec do not match
   */
  protected OpenApiDefinition(
      Class<T> connectorClass,
      ConnectorDescriptor descriptor,
      Supplier<String> typeScript,
      ApiSpec api) {
    super(connectorClass, descriptor, typeScript, JsonCodec.defaults());
    this.api = checked(descriptor, Objects.requireNonNull(api, "api"));
  }

  /**
   * A definition built at run time, whose {@link #newInstance()} is empty: the application
   * provides connector instances.
   *
   * @param connectorClass the connector class
   * @param descriptor the connector's descriptor (see the constructor)
   * @param typeScript the TypeScript declarations
   * @param api the operations behind the tools
   * @throws IllegalArgumentException when the descriptor and the spec do not match
   */
  public static <T extends OpenApiConnector> OpenApiDefinition<T> of(
      Class<T> connectorClass, ConnectorDescriptor descriptor, String typeScript, ApiSpec api) {
    return of(connectorClass, descriptor, typeScript, api, null);
  }

  /**
   * A definition built at run time whose {@link #newInstance()} calls {@code factory}.
   *
   * @param connectorClass the connector class
   * @param descriptor the connector's descriptor (see the constructor)
   * @param typeScript the TypeScript declarations
   * @param api the operations behind the tools
   * @param factory makes connector instances, or {@code null} when the application provides them
   * @throws IllegalArgumentException when the descriptor and the spec do not match
   */
  public static <T extends OpenApiConnector> OpenApiDefinition<T> of(
      Class<T> connectorClass,
      ConnectorDescriptor descriptor,
      String typeScript,
      ApiSpec api,
      @Nullable Supplier<? extends T> factory) {
    Objects.requireNonNull(typeScript, "typeScript");
    return new RunTime<>(connectorClass, descriptor, () -> typeScript, api, factory);
  }

  /** The operations behind the tools. */
  public final ApiSpec api() {
    return api;
  }

  @Override
  protected final @Nullable CompletionStage<JsonNode> dispatch(
      T target, String toolName, JsonNode input) {
    Optional<OperationSpec> operation = api.operation(toolName);
    if (operation.isPresent()) {
      return target.call(api, operation.get(), input);
    }
    if (toolName.equals(RawRequests.TOOL) && descriptor().tool(toolName).isPresent()) {
      return target.request(api, input);
    }
    return null;
  }

  /** Checks that each operation has its tool and each tool but {@code request} its operation. */
  private static ApiSpec checked(ConnectorDescriptor descriptor, ApiSpec api) {
    String fix =
        " The descriptor and the .openapi.json file are written together by the annotation"
            + " processor: rebuild so both come from the same spec.";
    if (!descriptor.name().equals(api.connector())) {
      throw new IllegalArgumentException(
          "The descriptor is of connector " + descriptor.name() + " but the spec of connector "
              + api.connector() + "." + fix);
    }
    if (api.operation(RawRequests.TOOL).isPresent()) {
      throw new IllegalArgumentException(
          "Connector " + api.connector() + ": an operation is named " + RawRequests.TOOL + ", the"
              + " name of the tool every OpenAPI connector has for any request; give the operation"
              + " another operationId.");
    }
    List<String> withoutOperation = new ArrayList<>();
    for (ToolDescriptor tool : descriptor.tools()) {
      if (!tool.name().equals(RawRequests.TOOL) && api.operation(tool.name()).isEmpty()) {
        withoutOperation.add(tool.name());
      }
    }
    List<String> withoutTool = new ArrayList<>();
    for (OperationSpec operation : api.operations()) {
      if (descriptor.tool(operation.tool()).isEmpty()) {
        withoutTool.add(operation.tool() + " (" + operation.method() + " " + operation.path() + ")");
      }
    }
    if (!withoutOperation.isEmpty() || !withoutTool.isEmpty()) {
      throw new IllegalArgumentException(
          "Connector " + api.connector() + ": the descriptor and the spec disagree:"
              + (withoutOperation.isEmpty() ? ""
                  : " tools without an operation: " + String.join(", ", withoutOperation) + ";")
              + (withoutTool.isEmpty() ? ""
                  : " operations without a tool: " + String.join(", ", withoutTool) + ";")
              + fix);
    }
    return api;
  }

  /** The definition {@link #of} builds. */
  private static final class RunTime<T extends OpenApiConnector> extends OpenApiDefinition<T> {
    private final @Nullable Supplier<? extends T> factory;

    RunTime(
        Class<T> connectorClass,
        ConnectorDescriptor descriptor,
        Supplier<String> typeScript,
        ApiSpec api,
        @Nullable Supplier<? extends T> factory) {
      super(connectorClass, descriptor, typeScript, api);
      this.factory = factory;
    }

    @Override
    public Optional<T> newInstance() {
      return factory == null ? Optional.empty() : Optional.of(factory.get());
    }
  }
}
