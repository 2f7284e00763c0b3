package dev.codemode.openapi;

/** Where an operation parameter goes in the HTTP request: OpenAPI's {@code in}. */
public enum ParameterLocation {
  /** Replaces {@code {name}} in the path template. */
  PATH,
  /** A query string parameter. */
  QUERY,
  /** A request header. */
  HEADER,
  /** A cookie in the {@code Cookie} header. */
  COOKIE
}
