package dev.codemode.processor;

import com.palantir.javapoet.ClassName;
import java.util.List;
import javax.lang.model.element.TypeElement;

/**
 * A validated {@code @Connector} class, ready for generation.
 *
 * @param type the connector class
 * @param name the connector's name (a JavaScript identifier)
 * @param description what the connector is for
 * @param definitionClass the class to generate, {@code Outer_Inner_Codemode} next to the connector
 * @param tools the tools, in source order
 * @param instantiable whether the class has a public no-arg constructor and is not abstract
 */
record ConnectorModel(
    TypeElement type,
    String name,
    String description,
    ClassName definitionClass,
    List<ToolModel> tools,
    boolean instantiable)
    implements DefinitionModel {

  ConnectorModel {
    tools = List.copyOf(tools);
  }
}
