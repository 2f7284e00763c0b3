package dev.codemode.core.dispatch;

import java.util.List;
import java.util.Objects;

/**
 * The properties of one tool's input object, in parameter order, as the dispatch code checks them.
 *
 * @param connector the connector's name
 * @param tool the tool's name
 * @param parameters the input properties, one per Java parameter, in order
 */
public record ToolSignature(String connector, String tool, List<ParameterSignature> parameters) {

  /** Copies the parameter list. */
  public ToolSignature {
    Objects.requireNonNull(connector, "connector");
    Objects.requireNonNull(tool, "tool");
    parameters = List.copyOf(parameters);
  }

  /** A signature from parameters in order. */
  public static ToolSignature of(String connector, String tool, ParameterSignature... parameters) {
    return new ToolSignature(connector, tool, List.of(parameters));
  }

  /** The property names, in order. */
  public List<String> names() {
    return parameters.stream().map(ParameterSignature::name).toList();
  }
}
