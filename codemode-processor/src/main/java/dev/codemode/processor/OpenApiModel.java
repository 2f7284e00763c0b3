package dev.codemode.processor;

import com.palantir.javapoet.ClassName;
import dev.codemode.openapi.build.DerivedApi;
import javax.lang.model.element.TypeElement;

/**
 * A validated {@code @OpenApi} class with the tools derived from its spec, ready for generation.
 *
 * @param type the connector class
 * @param spec the spec's resource path as the annotation gives it
 * @param definitionClass the class to generate, {@code Outer_Inner_Codemode} next to the connector
 * @param derived the descriptor, the operations and the derivation's warnings
 * @param instantiable whether the class has a public no-arg constructor and is not abstract
 */
record OpenApiModel(
    TypeElement type,
    String spec,
    ClassName definitionClass,
    DerivedApi derived,
    boolean instantiable)
    implements DefinitionModel {

  /** The connector's name, from the derived descriptor. */
  @Override
  public String name() {
    return derived.descriptor().name();
  }
}
