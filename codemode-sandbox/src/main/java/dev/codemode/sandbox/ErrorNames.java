package dev.codemode.sandbox;

/**
 * The names of the errors the sandbox itself gives an {@link ExecutionError} (besides the names of
 * errors the code throws, which it keeps). These are part of the contract: fronts and models match
 * on them.
 */
public final class ErrorNames {

  private ErrorNames() {}

  /** The code does not parse, as JavaScript or as TypeScript. */
  public static final String SYNTAX = "SyntaxError";
  /** The code threw something without a name, or a value that is not an Error. */
  public static final String ERROR = "Error";
  /** A value of the wrong kind: a result that is not JSON, an input that cannot be sent. */
  public static final String TYPE = "TypeError";
  /** The code recursed too deeply. */
  public static final String RANGE = "RangeError";
  /** A tool call failed; the message is the tool's. */
  public static final String TOOL = "ToolError";
  /** A tool's input does not match its schema; the message names each wrong property. */
  public static final String TOOL_INPUT = "ToolInputError";
  /** The code ran past its wall-clock limit. */
  public static final String TIMEOUT = "TimeoutError";
  /** The code allocated past its budget, or the JVM ran low on memory. */
  public static final String MEMORY_LIMIT = "MemoryLimitError";
  /** The engine stopped the code at a limit of its own (CPU time, statements, stack). */
  public static final String RESOURCE_LIMIT = "ResourceLimitError";
  /** The code is longer than accepted. */
  public static final String CODE_SIZE = "CodeSizeError";
  /** The code made more tool calls than allowed. */
  public static final String TOOL_CALL_LIMIT = "ToolCallLimitError";
  /** The result is too large to read. */
  public static final String RESULT_LIMIT = "ResultLimitError";
  /** The execution was cancelled from outside. */
  public static final String CANCELLED = "CancelledError";
  /** The thread waiting for the execution was interrupted. */
  public static final String INTERRUPTED = "InterruptedError";
  /** Something failed in the executor itself. */
  public static final String INTERNAL = "InternalError";
}
