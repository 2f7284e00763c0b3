package dev.codemode.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a public class whose {@link Tool} methods model code can call.
 *
 * <p>At compile time the Codemode annotation processor writes, for a class {@code com.acme.Tasks}
 * named {@code tasks}: a dispatch class {@code com.acme.Tasks_Codemode}, a {@code ServiceLoader}
 * registration, and {@code META-INF/codemode/tasks.d.ts}, {@code tasks.json} and {@code tasks.md}.
 * In the sandbox the connector is one global, {@code tasks}, whose methods take one object and
 * return a Promise.
 *
 * <pre>{@code
 * @Connector
 * public class TasksConnector {
 *   @Tool public Task create(String title) { ... }
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Connector {

  /**
   * The connector's name: the global the sandbox exposes. It must be a JavaScript identifier that
   * is not a reserved word. Empty means the simple class name without a trailing {@code Connector},
   * first letter lower-case ({@code TasksConnector} becomes {@code tasks}).
   */
  String name() default "";

  /** What the connector is for, shown to the model. Empty means the class Javadoc. */
  String description() default "";
}
