package dev.codemode.processor;

import com.palantir.javapoet.ClassName;
import javax.lang.model.element.TypeElement;

/**
 * What every validated connector, {@code @Connector} or {@code @OpenApi}, tells the {@link
 * DefinitionWriter} that writes its {@code X_Codemode} class.
 */
sealed interface DefinitionModel permits ConnectorModel, OpenApiModel {

  /** The connector class. */
  TypeElement type();

  /** The connector's name (a JavaScript identifier). */
  String name();

  /** The class to generate, {@code Outer_Inner_Codemode} next to the connector. */
  ClassName definitionClass();

  /** Whether the class has a public no-arg constructor and is not abstract. */
  boolean instantiable();
}
