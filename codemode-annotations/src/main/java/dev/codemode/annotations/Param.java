package dev.codemode.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Names or describes one parameter of a {@link Tool} method, a property of the tool's input. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Param {

  /** The property name in the tool's input object. Empty means the parameter name in source. */
  String name() default "";

  /** What the property means, shown to the model. Empty means the method's {@code @param} tag. */
  String description() default "";
}
