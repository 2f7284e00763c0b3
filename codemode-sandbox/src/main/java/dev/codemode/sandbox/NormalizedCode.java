package dev.codemode.sandbox;

import java.util.Objects;

/**
 * Model code turned into one function expression, and the way back from positions in it to
 * positions in what the model wrote.
 */
public final class NormalizedCode {

  /** How the model's code became a function. */
  public enum Form {
    /** The code is a function expression (arrow or {@code function}); it is called with no arguments. */
    FUNCTION,
    /** Statements wrapped in {@code async () => {...}}, the last expression returned. */
    RETURN,
    /** Statements wrapped in {@code async () => {...}} as they are. */
    BODY
  }

  private final String code;
  private final Form form;
  private final boolean typeScript;
  private final SourceText original;
  private final PositionMap positions;

  NormalizedCode(String code, Form form, boolean typeScript, String original, PositionMap positions) {
    this.code = Objects.requireNonNull(code, "code");
    this.form = Objects.requireNonNull(form, "form");
    this.typeScript = typeScript;
    this.original = new SourceText(original);
    this.positions = positions;
  }

  /** The function expression, JavaScript only. Normalizing it again gives it back unchanged. */
  public String code() {
    return code;
  }

  /** How the model's code became a function. */
  public Form form() {
    return form;
  }

  /** Whether TypeScript types were stripped from the model's code. */
  public boolean typeScript() {
    return typeScript;
  }

  /** What the model wrote. */
  public String original() {
    return original.text();
  }

  /**
   * The 1-based line and column in the model's text of a 1-based line and column in {@link
   * #code()}.
   */
  public int[] originalPosition(int line, int column) {
    int offset = originalOffset(new SourceText(code).offset(line, column));
    return new int[] {original.line(offset), original.column(offset)};
  }

  /** The offset in the model's text of an offset in {@link #code()}. */
  int originalOffset(int offset) {
    return positions.toSource(offset);
  }

  SourceText originalText() {
    return original;
  }
}
