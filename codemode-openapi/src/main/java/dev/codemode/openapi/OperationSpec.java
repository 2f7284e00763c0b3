package dev.codemode.openapi;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One operation of an OpenAPI spec, as the connector turns a call of its tool into an HTTP
 * request. Derived at build time; read at run time from {@code META-INF/codemode/<name>.openapi.json}.
 *
 * @param tool the name of the tool that calls it
 * @param method the HTTP method, upper case ({@code GET}, {@code POST}, ...)
 * @param path the path template relative to the base URL, with {@code {name}} variables ({@code
 *     /pets/{petId}})
 * @param parameters the path, query, header and cookie parameters, operation-level and path-level
 *     ones merged, {@code $ref}s resolved
 * @param body the request body, or {@code null} when the operation takes none
 * @param responseMediaType the media type of the success response the tool returns (JSON is parsed,
 *     text becomes a string, anything else bytes); {@code null} when the spec gives none
 * @param servers the operation's own server URLs (OpenAPI's operation- or path-level {@code
 *     servers}, variables replaced by their defaults), in spec order; empty when it uses the API's
 */
public record OperationSpec(
    String tool,
    String method,
    String path,
    List<OperationParameter> parameters,
    @Nullable RequestBodySpec body,
    @Nullable String responseMediaType,
    List<String> servers) {

  /** Checks that the names are given and copies the lists; {@code null} servers are none. */
  public OperationSpec {
    Objects.requireNonNull(tool, "tool");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    parameters = List.copyOf(parameters);
    servers = servers == null ? List.of() : List.copyOf(servers);
  }

  /** An operation sent to the API's servers. */
  public OperationSpec(
      String tool,
      String method,
      String path,
      List<OperationParameter> parameters,
      @Nullable RequestBodySpec body,
      @Nullable String responseMediaType) {
    this(tool, method, path, parameters, body, responseMediaType, List.of());
  }
}
