package dev.codemode.annotations;

/** How a tool call is treated when a run is replayed after a pause (for example an approval). */
public enum Replay {

  /**
   * The call's result is recorded in the journal; a replay serves the recorded result and does not
   * call the tool again. Right for anything with side effects. The default.
   */
  RECORD,

  /**
   * The call is run again on every replay and its result is not stored. Right for cheap reads whose
   * results should be fresh or are too large to store. Not allowed together with {@code
   * requiresApproval}.
   */
  REEXECUTE
}
