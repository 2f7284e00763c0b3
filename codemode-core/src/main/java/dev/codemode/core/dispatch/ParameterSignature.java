package dev.codemode.core.dispatch;

import java.util.Objects;

/**
 * One property of a tool's input object, as the dispatch code checks it.
 *
 * @param name the property name
 * @param required whether the property must be present and not {@code null}
 * @param expected what the property must be, in words for error messages (a TypeScript type such
 *     as {@code string}, {@code Priority} or {@code "LOW" | "HIGH"})
 */
public record ParameterSignature(String name, boolean required, String expected) {

  /** Checks that no component is null. */
  public ParameterSignature {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(expected, "expected");
  }

  /** A property that must be present. */
  public static ParameterSignature required(String name, String expected) {
    return new ParameterSignature(name, true, expected);
  }

  /** A property that may be absent or {@code null}. */
  public static ParameterSignature optional(String name, String expected) {
    return new ParameterSignature(name, false, expected);
  }
}
