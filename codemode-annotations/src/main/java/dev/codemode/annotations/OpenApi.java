package dev.codemode.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class extending {@code dev.codemode.openapi.OpenApiConnector}: at compile time every
 * operation of the OpenAPI or Swagger spec becomes a typed tool of the connector.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface OpenApi {

  /** Resource path of the spec (YAML or JSON) on the compile class path or source path. */
  String spec();

  /**
   * The connector's name, a JavaScript identifier. Empty means the simple class name without a
   * trailing {@code Connector}, first letter lower-case.
   */
  String name() default "";
}
