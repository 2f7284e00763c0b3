package dev.codemode.openapi;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One parameter of an operation, as the connector serializes it into the HTTP request.
 *
 * @param property the property of the tool's input object that holds the value; usually {@code
 *     name}, but renamed when two parameters (or a parameter and the body) would share a property
 * @param name the parameter's name in the request (path template variable, query key, header or
 *     cookie name)
 * @param in where it goes
 * @param style how the value is serialized
 * @param explode whether arrays and objects are exploded
 * @param allowReserved whether reserved characters ({@code :/?#[]@!$&'()*+,;=}) stay unencoded in a
 *     query value
 * @param required whether the spec requires it
 * @param contentType for a parameter described with {@code content} instead of {@code schema}: the
 *     media type its value is serialized as (normally {@code application/json}); {@code null} for
 *     style-based serialization
 */
public record OperationParameter(
    String property,
    String name,
    ParameterLocation in,
    ParameterStyle style,
    boolean explode,
    boolean allowReserved,
    boolean required,
    @Nullable String contentType) {

  /** Checks that the names, location and style are given. */
  public OperationParameter {
    Objects.requireNonNull(property, "property");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(style, "style");
  }
}
