package dev.codemode.samples.tasks;

/** How urgent a task is. */
public enum Priority {
  LOW,
  NORMAL,
  HIGH,
  URGENT
}
