package dev.codemode.samples.petstore;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A request as it reached the server, before it was handled: what a test looks at to check what a
 * client sent.
 *
 * @param method the HTTP method, such as {@code GET}
 * @param path the raw (still percent-encoded) path, base path included, such as {@code /v2/pet/1}
 * @param query the raw query string without the {@code ?}, empty when there is none
 * @param headers the request headers; names are matched without regard to case
 * @param body the request body as sent (empty when there is none); the accessor returns a copy
 */
public record RecordedRequest(
    String method, String path, String query, Map<String, List<String>> headers, byte[] body) {

  /** Copies the headers and the body, so that the record cannot change after it is made. */
  public RecordedRequest {
    Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    headers = Collections.unmodifiableMap(copy);
    body = body.clone();
  }

  @Override
  public byte[] body() {
    return body.clone();
  }

  /** The body decoded as UTF-8. */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The first value of a header, whatever the case of its name; null when it was not sent. */
  public @Nullable String header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** Every value of a query parameter, decoded, in the order sent; empty when it was not sent. */
  public List<String> queryParameter(String name) {
    return new ArrayList<>(FormData.parse(query).getOrDefault(name, List.of()));
  }

  /** Equal when every component is, the body compared by its bytes. */
  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof RecordedRequest request
        && method.equals(request.method)
        && path.equals(request.path)
        && query.equals(request.query)
        && headers.equals(request.headers)
        && Arrays.equals(body, request.body);
  }

  @Override
  public int hashCode() {
    return Objects.hash(method, path, query, headers, Arrays.hashCode(body));
  }

  @Override
  public String toString() {
    return method + " " + path + (query.isEmpty() ? "" : "?" + query);
  }
}
