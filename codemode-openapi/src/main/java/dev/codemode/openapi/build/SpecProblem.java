package dev.codemode.openapi.build;

import java.util.Objects;

/**
 * One thing wrong with a spec.
 *
 * @param location where: a JSON pointer into the spec ({@code /paths/~1pets/get/parameters/0}),
 *     {@code line:column} when the parser gave a position, or empty when it concerns the whole
 *     spec
 * @param reason what is wrong
 * @param fix how to fix it
 */
public record SpecProblem(String location, String reason, String fix) {

  /** Checks that the parts are given. */
  public SpecProblem {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(fix, "fix");
  }

  /** {@code at <location>: <reason>. <fix>}. */
  @Override
  public String toString() {
    String where = location.isEmpty() ? "" : "at " + location + ": ";
    return where + reason + (fix.isEmpty() ? "" : ". " + fix);
  }
}
