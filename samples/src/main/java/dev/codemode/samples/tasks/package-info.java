/**
 * The task manager sample: {@link dev.codemode.samples.tasks.TasksConnector}, a hand-written
 * {@code @Connector} over an in-memory task list, with tools that need approval and can be
 * reverted.
 */
@NullMarked
package dev.codemode.samples.tasks;

import org.jspecify.annotations.NullMarked;
