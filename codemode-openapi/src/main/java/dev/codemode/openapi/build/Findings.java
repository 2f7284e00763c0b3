package dev.codemode.openapi.build;

import java.util.ArrayList;
import java.util.List;

/**
 * What one derivation finds besides its result: the problems that make the spec unusable and the
 * warnings about what was renamed, guessed or ignored. Problems are collected, not thrown, so that
 * one {@link SpecException} reports all of them.
 */
final class Findings {

  private final List<SpecProblem> problems = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();
  private final String locationNote;

  /**
   * @param locationNote appended to every problem's reason; says which document pointers refer
   *     to when it is not the user's text (a converted Swagger 2.0 spec)
   */
  Findings(String locationNote) {
    this.locationNote = locationNote;
  }

  void problem(Pointer at, String reason, String fix) {
    problems.add(new SpecProblem(at.toString(), reason + locationNote, fix));
  }

  void warn(Pointer at, String message) {
    String where = at.toString();
    warnings.add((where.isEmpty() ? "" : where + ": ") + message);
  }

  void warn(String message) {
    warnings.add(message);
  }

  List<SpecProblem> problems() {
    return problems;
  }

  List<String> warnings() {
    return warnings;
  }
}
