package dev.codemode.runtime.store;

/** Where one journaled tool call stands. */
public enum EntryState {
  /** Decided to run; the result is not recorded yet (or the process died while it ran). */
  EXECUTING,
  /** Ran; its result is recorded and is replayed on later passes. */
  APPLIED,
  /** Waiting for approval; the tool has not run. */
  PENDING,
  /** Rejected before it ran, or undone by a rollback. */
  REVERTED,
  /** Failed, or the run failed at this call (divergence, a value too large to record). */
  ERROR;

  /** The lower-case name used in stored rows. */
  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The state with {@code wireName}. */
  public static EntryState fromWireName(String wireName) {
    return valueOf(wireName.toUpperCase(java.util.Locale.ROOT));
  }
}
