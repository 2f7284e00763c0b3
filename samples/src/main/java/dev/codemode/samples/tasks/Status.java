package dev.codemode.samples.tasks;

/** Where a task stands. */
public enum Status {
  OPEN,
  IN_PROGRESS,
  DONE
}
