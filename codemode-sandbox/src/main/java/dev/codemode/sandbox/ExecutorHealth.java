package dev.codemode.sandbox;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Whether an executor can still be trusted with the next execution, as far as it can tell.
 *
 * <p>An in-process executor cannot stop every piece of code: a few engine built-ins run in Java
 * without ever checking whether they should stop. An execution caught in one gets its outcome at
 * its deadline anyway (plus {@link GraalJsExecutor#STOP_GRACE}), but its thread goes on using a
 * core until the built-in ends; it counts as stuck until then. And a failure inside the engine
 * itself (a class that could not be initialised) may affect every later execution in the same
 * JVM; the first one is kept as the damage. A process that sees either should be replaced when it
 * can be: the worker tier ({@link GraalJsExecutor.Isolation#PROCESS}) does so by itself, and the
 * {@code codemode run} command ends its process hard.
 *
 * @param stuckExecutions executions whose outcome was given at their deadline while their code was
 *     still running, and whose code has not stopped since
 * @param damage what failed inside the engine, for the host's log (it may name Java classes), or
 *     {@code null} when nothing did
 */
public record ExecutorHealth(int stuckExecutions, @Nullable String damage) {

  /** An executor with nothing stuck and no damage. */
  public static final ExecutorHealth HEALTHY = new ExecutorHealth(0, null);

  /** Checks that the count is not negative. */
  public ExecutorHealth {
    if (stuckExecutions < 0) {
      throw new IllegalArgumentException("stuckExecutions must not be negative, got " + stuckExecutions);
    }
  }

  /** Whether nothing is stuck and nothing is damaged. */
  public boolean healthy() {
    return stuckExecutions == 0 && damage == null;
  }

  /** One line for a log: healthy, or what is wrong. */
  public String summary() {
    if (healthy()) {
      return "healthy";
    }
    StringBuilder text = new StringBuilder();
    if (stuckExecutions > 0) {
      text.append(stuckExecutions).append(stuckExecutions == 1 ? " execution" : " executions")
          .append(" could not be stopped and still run");
    }
    if (damage != null) {
      text.append(text.length() > 0 ? "; " : "").append("the engine is damaged: ").append(Objects.toString(damage));
    }
    return text.toString();
  }
}
