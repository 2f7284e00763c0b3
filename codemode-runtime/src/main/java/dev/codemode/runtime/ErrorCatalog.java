package dev.codemode.runtime;

import dev.codemode.sandbox.ErrorNames;

/**
 * Every error name the host gives in the outcome JSON ({@code error.name}). Part of the contract:
 * fronts, applications and models match on these. Errors that the model's code throws keep their
 * own names ({@code TypeError}, a custom class's name); these are the ones the host makes.
 *
 * <p>The sandbox's names ({@link ErrorNames}) appear here under the same values.
 */
public final class ErrorCatalog {

  private ErrorCatalog() {}

  // ---- the run itself -----------------------------------------------------------------------

  /** The run paused at a call that needs a person's approval (the sandbox's end, not an outcome). */
  public static final String PAUSED_FOR_APPROVAL = "PausedForApproval";
  /** The run stopped because it is no longer running in the store (rejected, expired, another pass). */
  public static final String RUN_STOPPED = "RunStopped";
  /** A person rejected the pending call; the run ended there. */
  public static final String REJECTED = "Rejected";
  /** The run waited for approval too long, or its process died while it ran. */
  public static final String EXPIRED = "ExpiredError";
  /** The run's applied calls were rolled back. */
  public static final String ROLLED_BACK = "RolledBack";
  /** A replay made a call that does not match the journal, or missed one; the call was not run. */
  public static final String REPLAY_DIVERGENCE = "ReplayDivergence";
  /** A call was running when its process stopped; it is not idempotent, so it is not run again. */
  public static final String INTERRUPTED_CALL = "InterruptedCall";
  /** A value could not be recorded: too large for the store, or not JSON. */
  public static final String JOURNAL_ERROR = "JournalError";
  /** A journal write found the journal changed by someone else; the run stopped. */
  public static final String JOURNAL_CONFLICT = "JournalConflict";
  /** The code cannot be kept: too large for the store, or not valid Unicode text. */
  public static final String CODE_REFUSED = "CodeRefused";
  /** A run in the store is in a state no outcome describes (a bug, or a store changed by hand). */
  public static final String INCONSISTENT_RUN = "InconsistentRun";

  // ---- lifecycle verbs on a run that cannot take them (RunStateException) ---------------------

  /** No run with that id in this runtime. */
  public static final String UNKNOWN_EXECUTION = "UnknownExecution";
  /** The run is not paused, so there is nothing to approve or reject. */
  public static final String NOT_PAUSED = "NotPaused";
  /** The call named is not the one the run waits for. */
  public static final String NOT_PENDING = "NotPending";
  /** The run is running: roll it back after it pauses or ends. */
  public static final String STILL_RUNNING = "StillRunning";
  /** The run needs connectors this runtime does not have. */
  public static final String MISSING_CONNECTOR = "MissingConnector";

  // ---- from the sandbox ---------------------------------------------------------------------

  /** {@link ErrorNames#SYNTAX}. */
  public static final String SYNTAX = ErrorNames.SYNTAX;
  /** {@link ErrorNames#ERROR}. */
  public static final String ERROR = ErrorNames.ERROR;
  /** {@link ErrorNames#TYPE}. */
  public static final String TYPE = ErrorNames.TYPE;
  /** {@link ErrorNames#RANGE}. */
  public static final String RANGE = ErrorNames.RANGE;
  /** {@link ErrorNames#TOOL}. */
  public static final String TOOL = ErrorNames.TOOL;
  /** {@link ErrorNames#TOOL_INPUT}. */
  public static final String TOOL_INPUT = ErrorNames.TOOL_INPUT;
  /** {@link ErrorNames#TIMEOUT}. */
  public static final String TIMEOUT = ErrorNames.TIMEOUT;
  /** {@link ErrorNames#MEMORY_LIMIT}. */
  public static final String MEMORY_LIMIT = ErrorNames.MEMORY_LIMIT;
  /** {@link ErrorNames#RESOURCE_LIMIT}. */
  public static final String RESOURCE_LIMIT = ErrorNames.RESOURCE_LIMIT;
  /** {@link ErrorNames#CODE_SIZE}. */
  public static final String CODE_SIZE = ErrorNames.CODE_SIZE;
  /** {@link ErrorNames#TOOL_CALL_LIMIT}. */
  public static final String TOOL_CALL_LIMIT = ErrorNames.TOOL_CALL_LIMIT;
  /** {@link ErrorNames#RESULT_LIMIT}. */
  public static final String RESULT_LIMIT = ErrorNames.RESULT_LIMIT;
  /** {@link ErrorNames#CANCELLED}. */
  public static final String CANCELLED = ErrorNames.CANCELLED;
  /** {@link ErrorNames#INTERRUPTED}. */
  public static final String INTERRUPTED = ErrorNames.INTERRUPTED;
  /** {@link ErrorNames#INTERNAL}. */
  public static final String INTERNAL = ErrorNames.INTERNAL;
}
