package dev.codemode.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Exposes a public instance method of a {@link Connector} class as a tool.
 *
 * <p>Every method parameter becomes one property of the tool's single input object, named as in
 * source (or by {@link Param#name()}); {@code @param} Javadoc tags become property descriptions. A
 * parameter of type {@code Optional<T>} or annotated {@code @Nullable} is optional, the others are
 * required. The return type is the output type: {@code CompletionStage<T>} or {@code
 * CompletableFuture<T>} makes an asynchronous tool with output {@code T}; {@code void} has output
 * {@code undefined}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Tool {

  /**
   * The tool's name, a JavaScript identifier that is not a reserved word. Empty means the method
   * name.
   */
  String name() default "";

  /** What the tool does, shown to the model. Empty means the method Javadoc. */
  String description() default "";

  /**
   * Whether a person must approve each call before it runs. An approval-gated call pauses the run
   * until it is approved or rejected.
   */
  boolean requiresApproval() default false;

  /** How the tool's result is treated when a paused run is replayed. */
  Replay replay() default Replay.RECORD;
}
