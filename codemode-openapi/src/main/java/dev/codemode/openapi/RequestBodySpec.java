package dev.codemode.openapi;

import java.util.Map;
import java.util.Objects;

/**
 * The request body of an operation: what the tool's {@code body} input property becomes.
 *
 * @param property the input property that holds the body, normally {@code body}
 * @param mediaType the media type sent as {@code Content-Type} (for multipart, the boundary is
 *     added at run time)
 * @param encoding how the body value is encoded
 * @param required whether the spec requires a body
 * @param partContentTypes for {@link BodyEncoding#MULTIPART} and {@link BodyEncoding#FORM}: the
 *     content type of each property whose type the spec sets or that is binary (OpenAPI's {@code
 *     encoding.contentType}, or {@code application/octet-stream} for binary properties); properties
 *     not listed are sent as text, or as JSON when they are objects or arrays of objects
 */
public record RequestBodySpec(
    String property,
    String mediaType,
    BodyEncoding encoding,
    boolean required,
    Map<String, String> partContentTypes) {

  /** Checks that the names are given and copies the map. */
  public RequestBodySpec {
    Objects.requireNonNull(property, "property");
    Objects.requireNonNull(mediaType, "mediaType");
    Objects.requireNonNull(encoding, "encoding");
    partContentTypes = Map.copyOf(partContentTypes);
  }
}
