package dev.codemode.openapi;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An HTTP request built from a tool call, before authentication.
 *
 * @param method the HTTP method, upper case
 * @param uri the absolute URL, query included
 * @param headers the headers from the tool's input, in order ({@code Cookie} and {@code
 *     Content-Type} included)
 * @param body the body bytes, or {@code null} for none
 */
record PreparedRequest(String method, URI uri, List<Header> headers, byte @Nullable [] body) {

  PreparedRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(uri, "uri");
    headers = List.copyOf(headers);
  }

  /** Equal when every component is, the body compared by content. */
  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof PreparedRequest request
        && method.equals(request.method)
        && uri.equals(request.uri)
        && headers.equals(request.headers)
        && Arrays.equals(body, request.body);
  }

  @Override
  public int hashCode() {
    return Objects.hash(method, uri, headers, Arrays.hashCode(body));
  }

  @Override
  public String toString() {
    return "PreparedRequest[" + display() + ", headers=" + headers
        + (body == null ? ", no body]" : ", " + body.length + " body bytes]");
  }

  /** {@code GET /v3/pets/42}: the method and the path as sent, without host or query. */
  String display() {
    return method + " " + uri.getRawPath();
  }

  /**
   * One request header.
   *
   * @param name the header name
   * @param value the header value
   */
  record Header(String name, String value) {
    Header {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
    }
  }
}
