package dev.codemode.openapi.build;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A spec that cannot be turned into tools: unreadable, unparseable, of an unsupported version,
 * without operations, or with references that lead nowhere. It lists every problem found, so that
 * one round of fixes is enough; {@link #location()} and {@link #reason()} are those of the first.
 */
public final class SpecException extends Exception {

  private static final long serialVersionUID = 1L;
  private static final int LISTED = 20;

  private final String spec;
  // Not serialized: the exception lives inside one compilation (the processor reports it there);
  // its message, which is serialized, lists the problems too.
  private final transient List<SpecProblem> problems;

  /**
   * @param spec the spec's name as the user wrote it
   * @param problems what is wrong, at least one
   */
  public SpecException(String spec, List<SpecProblem> problems) {
    this(spec, problems, null);
  }

  /**
   * @param spec the spec's name as the user wrote it
   * @param problems what is wrong, at least one
   * @param cause the parser's exception, or {@code null}
   */
  public SpecException(String spec, List<SpecProblem> problems, @Nullable Throwable cause) {
    super(message(spec, problems), cause);
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("A SpecException needs a problem");
    }
    this.spec = Objects.requireNonNull(spec, "spec");
    this.problems = List.copyOf(problems);
  }

  /** The spec's name as the user wrote it. */
  public String spec() {
    return spec;
  }

  /** Where the first problem is (see {@link SpecProblem#location()}). */
  public String location() {
    return problems.get(0).location();
  }

  /** What the first problem is. */
  public String reason() {
    return problems.get(0).reason();
  }

  /** Every problem, in the order found. */
  public List<SpecProblem> problems() {
    return problems;
  }

  private static String message(String spec, List<SpecProblem> problems) {
    if (problems.size() == 1) {
      return "OpenAPI spec " + spec + " " + problems.get(0);
    }
    StringBuilder out =
        new StringBuilder("OpenAPI spec " + spec + " has " + problems.size() + " problems:");
    for (int i = 0; i < Math.min(LISTED, problems.size()); i++) {
      out.append("\n  ").append(problems.get(i));
    }
    if (problems.size() > LISTED) {
      out.append("\n  ... and ").append(problems.size() - LISTED).append(" more");
    }
    return out.toString();
  }
}
