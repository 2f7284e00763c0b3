package dev.codemode.sandbox;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/** The mutable side of {@link ExecutorHealth}, one per executor, written by its executions. */
final class EngineHealth {

  private final AtomicInteger stuck = new AtomicInteger();
  private final AtomicReference<@Nullable String> damage = new AtomicReference<>();

  /** An execution's outcome was given while its code still runs. */
  void stuck() {
    stuck.incrementAndGet();
  }

  /** A stuck execution's code stopped after all. */
  void unstuck() {
    stuck.decrementAndGet();
  }

  /** Something failed inside the engine; the first failure is kept. */
  void damaged(String what) {
    damage.compareAndSet(null, what);
  }

  ExecutorHealth snapshot() {
    return new ExecutorHealth(Math.max(0, stuck.get()), damage.get());
  }
}
