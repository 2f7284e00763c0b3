package dev.codemode.openapi;

/**
 * How a parameter value is serialized: OpenAPI's {@code style}. The defaults are {@link #SIMPLE}
 * for path and header parameters and {@link #FORM} for query and cookie parameters.
 */
public enum ParameterStyle {
  /** {@code a,b,c}; objects as {@code k,v,k,v} or, exploded, {@code k=v,k=v}. */
  SIMPLE,
  /** A dot before each value: {@code .a.b.c} (path only). */
  LABEL,
  /** Semicolon prefixed: {@code ;id=a,b} or exploded {@code ;id=a;id=b} (path only). */
  MATRIX,
  /** {@code id=a&id=b} (exploded) or {@code id=a,b}. */
  FORM,
  /** {@code id=a%20b} for arrays (query only). */
  SPACE_DELIMITED,
  /** {@code id=a|b} for arrays (query only). */
  PIPE_DELIMITED,
  /** {@code id[k]=v} for objects (query only). */
  DEEP_OBJECT
}
