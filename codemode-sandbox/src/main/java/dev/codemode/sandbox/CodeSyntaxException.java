package dev.codemode.sandbox;

/**
 * The model's code cannot be run as written: it does not parse as JavaScript or TypeScript, or its
 * Markdown holds no code block or several candidates. Positions refer to the text the model sent.
 */
public final class CodeSyntaxException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int line;
  private final int column;
  private final String excerpt;

  /**
   * @param message what is wrong, without the position
   * @param line the 1-based line in the model's text
   * @param column the 1-based column
   * @param excerpt the line with a caret under the column
   */
  public CodeSyntaxException(String message, int line, int column, String excerpt) {
    super(message);
    this.line = line;
    this.column = column;
    this.excerpt = excerpt;
  }

  static CodeSyntaxException at(String message, SourceText original, int offset) {
    int line = original.line(offset);
    int column = original.column(offset);
    return new CodeSyntaxException(message, line, column, original.excerpt(line, column));
  }

  /** The 1-based line of the problem in the model's text. */
  public int line() {
    return line;
  }

  /** The 1-based column of the problem. */
  public int column() {
    return column;
  }

  /** The offending line with a caret under the column. */
  public String excerpt() {
    return excerpt;
  }

  /** The problem as an execution error of kind {@link ExecutionError.Kind#SYNTAX}. */
  public ExecutionError toError() {
    return new ExecutionError(
        ExecutionError.Kind.SYNTAX, ErrorNames.SYNTAX, String.valueOf(getMessage()), line, column, null, excerpt);
  }
}
