package dev.codemode.sandbox;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Learns which tools return at once, so that their calls can run on the execution's own thread
 * instead of hopping to a tool thread and back (a hop costs about 100 µs; a fast call, a few). A
 * tool counts as fast after {@value #STREAK} calls in a row that each returned within {@value
 * #FAST_NANOS} ns. A fast tool stays fast until one call blocks for more than {@value #SLOW_NANOS}
 * ns, so a tool that starts blocking holds up its execution once, while the odd call that is a
 * little slow (a garbage collection, a cold JIT) does not send a fast tool back to hopping.
 */
final class ToolTimings {

  static final long FAST_NANOS = 100_000;
  static final long SLOW_NANOS = 1_000_000;
  static final int STREAK = 3;
  private static final int MAX_TOOLS = 50_000;

  private final Map<String, AtomicInteger> fastStreaks = new ConcurrentHashMap<>();

  /** Whether calls of {@code tool} may run on the calling thread. */
  boolean isFast(String tool) {
    AtomicInteger streak = fastStreaks.get(tool);
    return streak != null && isFast(streak);
  }

  /** Records that a call of {@code tool} took {@code nanos} before it returned its stage. */
  void record(String tool, long nanos) {
    record(streak(tool), nanos);
  }

  /**
   * The counter of {@code tool}'s fast calls, for an execution to look up once and use with
   * {@link #isFast(AtomicInteger)} and {@link #record(AtomicInteger, long)} on every call.
   */
  AtomicInteger streak(String tool) {
    AtomicInteger streak = fastStreaks.get(tool);
    if (streak == null) {
      if (fastStreaks.size() > MAX_TOOLS) {
        fastStreaks.clear();
      }
      streak = fastStreaks.computeIfAbsent(tool, key -> new AtomicInteger());
    }
    return streak;
  }

  /** Whether the tool of {@code streak} may run on the calling thread. */
  static boolean isFast(AtomicInteger streak) {
    return streak.get() >= STREAK;
  }

  /** Records that a call of the tool of {@code streak} took {@code nanos} before it returned. */
  static void record(AtomicInteger streak, long nanos) {
    if (nanos <= FAST_NANOS) {
      if (streak.get() < STREAK) {
        streak.incrementAndGet();
      }
    } else if (nanos > SLOW_NANOS || streak.get() < STREAK) {
      streak.set(0);
    }
  }
}
