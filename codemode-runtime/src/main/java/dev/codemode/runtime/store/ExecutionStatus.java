package dev.codemode.runtime.store;

/** Where a durable execution stands. */
public enum ExecutionStatus {
  /** A pass is running (or a process died while it ran). */
  RUNNING,
  /** Waiting for a person to approve the pending call. */
  PAUSED,
  /** Finished with a result. */
  COMPLETED,
  /** Finished with an error. */
  ERROR,
  /** A person rejected a pending call, or the approval expired. */
  REJECTED,
  /** The applied calls were reverted. */
  ROLLED_BACK;

  /** Whether no further pass can run. */
  public boolean isTerminal() {
    return this != RUNNING && this != PAUSED;
  }

  /** The lower-case name used in stored rows and in the outcome JSON. */
  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The status with {@code wireName}. */
  public static ExecutionStatus fromWireName(String wireName) {
    return valueOf(wireName.toUpperCase(java.util.Locale.ROOT));
  }
}
