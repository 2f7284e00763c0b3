package dev.codemode.sandbox;

import java.util.Objects;

/**
 * Thrown by a tool (or completing its stage exceptionally) to end the whole execution, not only the
 * call: the model code cannot catch it past the call. The execution ends at once with an error of
 * kind {@link ExecutionError.Kind#ABORTED} carrying this name and message. The durable runtime uses
 * it to pause a run at a call that needs approval.
 */
public final class AbortExecutionException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String errorName;

  /**
   * @param errorName the name of the error the execution ends with ({@code "PausedForApproval"})
   * @param message what happened, for the host
   */
  public AbortExecutionException(String errorName, String message) {
    super(message, null, false, false);
    this.errorName = Objects.requireNonNull(errorName, "errorName");
  }

  /** The name of the error the execution ends with. */
  public String errorName() {
    return errorName;
  }
}
