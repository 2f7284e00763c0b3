package dev.codemode.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a public instance method of a {@link Connector} class that undoes what one of its tools
 * did; a rollback calls it for every applied call of that tool, newest first.
 *
 * <p>The method receives the tool's input and its result: each parameter whose name is the name of
 * a parameter of the tool receives that argument (its type must be the same), and one last
 * parameter whose type is the tool's output type may receive the result. It returns {@code void}
 * or a {@code CompletionStage}.
 *
 * <pre>{@code
 * @Tool public Task create(String title) { ... }
 * @Revert("create") public void undoCreate(Task result) { delete(result.id()); }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Revert {

  /** The name of the tool this method undoes (its {@link Tool#name()}, or its method name). */
  String value();
}
