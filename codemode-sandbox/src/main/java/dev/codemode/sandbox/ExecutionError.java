package dev.codemode.sandbox;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Why an execution did not complete, in a form a model can act on.
 *
 * @param kind what class of failure this is
 * @param name the JavaScript error name ({@code SyntaxError}, {@code TypeError}, {@code ToolError},
 *     {@code TimeoutError}, ...)
 * @param message what went wrong and, where it helps, what to do instead
 * @param line the 1-based line in the code the model wrote, or {@code null} when unknown
 * @param column the 1-based column in that line, or {@code null} when unknown
 * @param tool the failing tool as {@code connector.tool}, or {@code null} when no tool failed
 * @param excerpt the offending line of the model's code with a caret under the column, or {@code
 *     null}
 */
public record ExecutionError(
    Kind kind, String name, String message, @Nullable Integer line, @Nullable Integer column, @Nullable String tool,
    @Nullable String excerpt) {

  /** The classes of failure. */
  public enum Kind {
    /** The code does not parse, as JavaScript or as TypeScript. */
    SYNTAX,
    /** The code threw, or returned a rejected promise, and nothing caught it. */
    RUNTIME,
    /** A tool call failed and the code did not catch the error. */
    TOOL,
    /** The execution ran past its wall-clock time limit and was stopped. */
    TIMEOUT,
    /**
     * The execution exceeded another limit (CPU time, statements, memory, tool calls) and was
     * stopped.
     */
    LIMIT,
    /**
     * A tool ended the execution on purpose with {@link AbortExecutionException} (the durable
     * runtime does this to pause a run for approval).
     */
    ABORTED,
    /** Something failed in the executor itself; the message says what. */
    INTERNAL
  }

  /** Checks that kind, name and message are present. */
  public ExecutionError {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(message, "message");
  }

  /** An error of {@code kind} with no position, tool or excerpt. */
  public static ExecutionError of(Kind kind, String name, String message) {
    return new ExecutionError(kind, name, message, null, null, null, null);
  }

  /** This error with a position in the model's code and the excerpt that shows it. */
  public ExecutionError at(@Nullable Integer line, @Nullable Integer column, @Nullable String excerpt) {
    return new ExecutionError(kind, name, message, line, column, tool, excerpt);
  }

  /** One line for logs and exception messages: {@code name: message (line L, column C)}. */
  public String summary() {
    StringBuilder out = new StringBuilder(name).append(": ").append(message);
    if (line != null) {
      out.append(" (line ").append(line);
      if (column != null) {
        out.append(", column ").append(column);
      }
      out.append(')');
    }
    return out.toString();
  }
}
