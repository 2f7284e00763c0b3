package dev.codemode.runtime;

import java.util.Objects;

/**
 * A lifecycle verb ({@code approve}, {@code reject}, {@code rollback}, {@code saveSnippet}) was
 * asked of a run that cannot take it: the id is unknown to this runtime, or the run is in another
 * state. Nothing changed. {@link #errorName()} is one of the {@link ErrorCatalog} names (such as
 * {@link ErrorCatalog#NOT_PAUSED} for an approval that lost a race with another), and the message
 * says what to do.
 */
public final class RunStateException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String executionId;
  private final String errorName;

  /**
   * @param executionId the run the verb was asked of
   * @param errorName why it could not take the verb, from {@link ErrorCatalog}
   * @param message what is the matter and what to do
   */
  public RunStateException(String executionId, String errorName, String message) {
    super(message);
    this.executionId = Objects.requireNonNull(executionId, "executionId");
    this.errorName = Objects.requireNonNull(errorName, "errorName");
  }

  /** The run the verb was asked of. */
  public String executionId() {
    return executionId;
  }

  /** Why the run could not take the verb: a name from {@link ErrorCatalog}. */
  public String errorName() {
    return errorName;
  }

  /** The refusal as a failed outcome, for fronts that print every answer as outcome JSON. */
  public Outcome toOutcome() {
    return Outcome.failed(executionId, errorName, String.valueOf(getMessage()));
  }
}
