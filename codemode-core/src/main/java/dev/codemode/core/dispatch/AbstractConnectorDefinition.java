package dev.codemode.core.dispatch;

import dev.codemode.core.ConnectorDefinition;
import dev.codemode.core.ConnectorDescriptor;
import dev.codemode.core.JsonCodec;
import dev.codemode.core.NoSuchToolException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * Base class of the definitions the annotation processor generates: it turns every failure into an
 * exceptionally completed stage, answers unknown tools with the list of known ones, and encodes
 * results. Subclasses supply the dispatch switch.
 *
 * @param <T> the connector class
 */
public abstract class AbstractConnectorDefinition<T> implements ConnectorDefinition<T> {

  private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

  private final Class<T> connectorClass;
  private final ConnectorDescriptor descriptor;
  private final Supplier<String> typeScript;
  private final JsonCodec codec;
  private volatile @Nullable String cachedTypeScript;

  /**
   * @param connectorClass the connector class
   * @param descriptor the connector's descriptor
   * @param typeScript gives the TypeScript declarations on first use
   * @param codec converts arguments and results
   */
  protected AbstractConnectorDefinition(
      Class<T> connectorClass,
      ConnectorDescriptor descriptor,
      Supplier<String> typeScript,
      JsonCodec codec) {
    this.connectorClass = Objects.requireNonNull(connectorClass, "connectorClass");
    this.descriptor = Objects.requireNonNull(descriptor, "descriptor");
    this.typeScript = Objects.requireNonNull(typeScript, "typeScript");
    this.codec = Objects.requireNonNull(codec, "codec");
  }

  /** The codec arguments and results go through. */
  protected final JsonCodec codec() {
    return codec;
  }

  @Override
  public final Class<T> connectorClass() {
    return connectorClass;
  }

  @Override
  public final ConnectorDescriptor descriptor() {
    return descriptor;
  }

  @Override
  public final String typeScript() {
    String text = cachedTypeScript;
    if (text == null) {
      text = typeScript.get();
      cachedTypeScript = text;
    }
    return text;
  }

  @Override
  public Optional<T> newInstance() {
    return Optional.empty();
  }

  @Override
  public final CompletionStage<JsonNode> invoke(T target, String toolName, JsonNode input) {
    try {
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(toolName, "toolName");
      CompletionStage<JsonNode> result = dispatch(target, toolName, input);
      if (result == null) {
        throw new NoSuchToolException(descriptor.name(), toolName, descriptor.toolNames());
      }
      return result;
    } catch (ResultNotJson e) {
      return CompletableFuture.failedFuture(notJson(toolName, e.getCause()));
    } catch (Exception e) {
      return CompletableFuture.failedFuture(unwrap(e));
    }
  }

  /**
   * A result that the codec cannot encode, on its way from {@link #encoded} to {@link #invoke},
   * which knows the tool's name.
   */
  private static final class ResultNotJson extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ResultNotJson(JacksonException cause) {
      super(null, cause, false, false);
    }
  }

  /**
   * The failure of a tool whose result cannot be encoded. Jackson's words name the result's Java
   * classes, which mean nothing to the model that called the tool; they stay in the cause.
   */
  private IllegalStateException notJson(String toolName, @Nullable Throwable cause) {
    return new IllegalStateException(
        descriptor.name() + "." + toolName + " returned a value that cannot be converted to JSON;"
            + " the fault is in the tool, not in the call",
        cause);
  }

  @Override
  public final CompletionStage<Void> revert(
      T target, String toolName, JsonNode input, JsonNode result) {
    try {
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(toolName, "toolName");
      CompletionStage<Void> done = dispatchRevert(target, toolName, input, result);
      if (done == null) {
        if (descriptor.tool(toolName).isEmpty()) {
          throw new NoSuchToolException(descriptor.name(), toolName, descriptor.toolNames());
        }
        throw new UnsupportedOperationException(
            descriptor.name() + "." + toolName + " cannot be reverted: the connector has no"
                + " @Revert(\"" + toolName + "\") method");
      }
      return done;
    } catch (Exception e) {
      return CompletableFuture.failedFuture(unwrap(e));
    }
  }

  /**
   * Calls the tool named {@code toolName}.
   *
   * @return the result, or {@code null} when there is no such tool
   */
  protected abstract @Nullable CompletionStage<JsonNode> dispatch(
      T target, String toolName, JsonNode input)
      throws Exception;

  /**
   * Calls the revert method of the tool named {@code toolName}.
   *
   * @return completion, or {@code null} when the tool has no revert method
   */
  protected @Nullable CompletionStage<Void> dispatchRevert(
      T target, String toolName, JsonNode input, JsonNode result) throws Exception {
    return null;
  }

  /**
   * Decodes a tool's recorded result for its revert method.
   *
   * @throws IllegalArgumentException when the stored result does not fit the tool's output type
   */
  // Generated code builds type from the declaration of the variable it assigns the value to.
  @SuppressWarnings("TypeParameterUnusedInFormals")
  protected final <V> V decodeResult(String toolName, JsonNode result, JavaType type) {
    try {
      return codec.decode(result, type);
    } catch (JacksonException e) {
      throw new IllegalArgumentException(
          descriptor.name() + "." + toolName + ": the recorded result does not fit the tool's"
              + " output type " + type.toCanonical() + ": " + e.getOriginalMessage(),
          e);
    }
  }

  /** Decodes a tool's recorded result of a plain class for its revert method. */
  protected final <V> V decodeResult(String toolName, JsonNode result, Class<V> type) {
    return decodeResult(toolName, result, codec.type(type));
  }

  /** A completed stage holding the encoded value. */
  protected final CompletionStage<JsonNode> encoded(Object value) {
    try {
      return CompletableFuture.completedFuture(codec.encode(value));
    } catch (JacksonException e) {
      throw new ResultNotJson(e);
    }
  }

  /** A completed stage for a tool that returns nothing. */
  protected static CompletionStage<JsonNode> nothing() {
    return CompletableFuture.completedFuture(MissingNode.getInstance());
  }

  /** A completed stage for a revert method that returned normally. */
  protected static CompletionStage<Void> reverted() {
    return DONE;
  }

  /**
   * The encoded result of an asynchronous tool.
   *
   * @param toolName named in the error when the tool returned {@code null} instead of a stage
   * @param returnsNothing whether the tool's output type is {@code Void}
   */
  protected final CompletionStage<JsonNode> encodedLater(
      CompletionStage<?> stage, String toolName, boolean returnsNothing) {
    if (stage == null) {
      // The model sees this message: it names the tool, not the connector's class.
      throw new IllegalStateException(
          descriptor.name() + "." + toolName + " gave no result: its method returned null instead"
              + " of a result to wait for; the fault is in the tool, not in the call");
    }
    CompletableFuture<JsonNode> encoded = new CompletableFuture<>();
    stage.whenComplete(
        (value, failure) -> {
          if (failure != null) {
            encoded.completeExceptionally(unwrap(failure));
            return;
          }
          try {
            encoded.complete(returnsNothing ? MissingNode.getInstance() : codec.encode(value));
          } catch (JacksonException e) {
            encoded.completeExceptionally(notJson(toolName, e));
          } catch (RuntimeException e) {
            encoded.completeExceptionally(e);
          }
        });
    return encoded;
  }

  /** Completion of an asynchronous revert method. */
  protected final CompletionStage<Void> revertedLater(CompletionStage<?> stage, String toolName) {
    if (stage == null) {
      throw new NullPointerException(
          connectorClass.getName() + ": the revert method of " + toolName + " returned null"
              + " instead of a CompletionStage");
    }
    CompletableFuture<Void> done = new CompletableFuture<>();
    stage.whenComplete(
        (value, failure) -> {
          if (failure != null) {
            done.completeExceptionally(unwrap(failure));
          } else {
            done.complete(null);
          }
        });
    return done;
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable current = failure;
    while (current instanceof CompletionException && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }
}
