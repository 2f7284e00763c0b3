package dev.codemode.sandbox;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The limits of one execution, enforced from the host.
 *
 * @param timeout wall-clock time from start to result, waiting for tools included; a watchdog
 *     closes the context when it passes
 * @param cpuTime CPU time of the JavaScript itself (GraalJS {@code sandbox.MaxCPUTime}), or {@code
 *     null} for no separate limit
 * @param maxStatements statements the JavaScript may execute (GraalJS {@code
 *     sandbox.MaxStatements}), or 0 for no limit; counting statements slows tight loops about 2×
 * @param maxToolCalls tool calls per execution; the call past the limit ends the execution
 * @param maxAllocatedBytes bytes the execution's JavaScript may allocate in all (garbage included),
 *     measured per thread by the watchdog; the execution is stopped when it passes
 * @param maxResultBytes UTF-8 bytes of the result's compact JSON; a larger result is cut to it and
 *     stays JSON of its shape, each cut marked and a notice with the original size at its top
 *     level (see {@link ExecuteResult#result()})
 * @param maxLogBytes UTF-8 bytes of console output kept; what comes later is counted, not kept, and
 *     a notice heads the logs
 * @param maxCodeBytes UTF-8 bytes of model code accepted
 * @param maxStackFrames JavaScript frames the code may nest (GraalJS {@code
 *     sandbox.MaxStackFrames}); deeper recursion ends the execution with a limit error. Model code
 *     runs on threads whose Java stack holds this many frames with room to spare, so the engine
 *     never overflows its own stack (an overflow inside a class's first initialisation would
 *     break that class for the whole JVM)
 */
public record ExecutionLimits(
    Duration timeout,
    @Nullable Duration cpuTime,
    long maxStatements,
    int maxToolCalls,
    long maxAllocatedBytes,
    int maxResultBytes,
    int maxLogBytes,
    int maxCodeBytes,
    int maxStackFrames) {

  /** The defaults: see {@link Builder}. */
  public static final ExecutionLimits DEFAULTS = builder().build();

  /** Checks that every limit is positive. */
  public ExecutionLimits {
    requirePositive(timeout, "timeout");
    if (cpuTime != null) {
      requirePositive(cpuTime, "cpuTime");
    }
    if (maxStatements < 0) {
      throw new IllegalArgumentException("maxStatements must be 0 (no limit) or positive");
    }
    requirePositive(maxToolCalls, "maxToolCalls");
    requirePositive(maxAllocatedBytes, "maxAllocatedBytes");
    requirePositive(maxResultBytes, "maxResultBytes");
    requirePositive(maxLogBytes, "maxLogBytes");
    requirePositive(maxCodeBytes, "maxCodeBytes");
    requirePositive(maxStackFrames, "maxStackFrames");
    if (maxStackFrames > MAX_STACK_FRAMES) {
      throw new IllegalArgumentException("maxStackFrames must be at most " + MAX_STACK_FRAMES + ", got " + maxStackFrames);
    }
  }

  /** The most {@link #maxStackFrames()} may be: the threads that run model code grow with it. */
  public static final int MAX_STACK_FRAMES = 50_000;

  /**
   * The Java stack a thread running model code gets: 32 KB per allowed JavaScript frame, 64 MB at
   * least. GraalJS's interpreter uses about 13 KB of Java stack per plain JavaScript call and more
   * for calls through getters, proxies and built-ins; the stack is reserved, not committed, so
   * unused depth costs address space only.
   */
  long threadStackBytes() {
    return Math.max(64L << 20, (long) maxStackFrames * (32L << 10));
  }

  private static void requirePositive(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, got " + value);
    }
  }

  private static void requirePositive(long value, String name) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive, got " + value);
    }
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from these limits. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.timeout = timeout;
    builder.cpuTime = cpuTime;
    builder.maxStatements = maxStatements;
    builder.maxToolCalls = maxToolCalls;
    builder.maxAllocatedBytes = maxAllocatedBytes;
    builder.maxResultBytes = maxResultBytes;
    builder.maxLogBytes = maxLogBytes;
    builder.maxCodeBytes = maxCodeBytes;
    builder.maxStackFrames = maxStackFrames;
    return builder;
  }

  /** Builds {@link ExecutionLimits}. */
  public static final class Builder {
    private Duration timeout = Duration.ofSeconds(30);
    private @Nullable Duration cpuTime;
    private long maxStatements;
    private int maxToolCalls = 1_000;
    private long maxAllocatedBytes = 4L << 30;
    private int maxResultBytes = 1 << 20;
    private int maxLogBytes = 64 << 10;
    private int maxCodeBytes = 1 << 20;
    private int maxStackFrames = 5_000;

    private Builder() {}

    /** Wall-clock limit; default 30 s. */
    public Builder timeout(Duration timeout) {
      this.timeout = timeout;
      return this;
    }

    /** CPU-time limit of the JavaScript; default none (the timeout bounds it). */
    public Builder cpuTime(@Nullable Duration cpuTime) {
      this.cpuTime = cpuTime;
      return this;
    }

    /** Statement limit; default 0, none. */
    public Builder maxStatements(long maxStatements) {
      this.maxStatements = maxStatements;
      return this;
    }

    /** Tool calls per execution; default 1,000. */
    public Builder maxToolCalls(int maxToolCalls) {
      this.maxToolCalls = maxToolCalls;
      return this;
    }

    /** Bytes the JavaScript may allocate in all; default 4 GiB. */
    public Builder maxAllocatedBytes(long maxAllocatedBytes) {
      this.maxAllocatedBytes = maxAllocatedBytes;
      return this;
    }

    /** Result size; default 1 MiB of JSON, past which the result is cut to it. */
    public Builder maxResultBytes(int maxResultBytes) {
      this.maxResultBytes = maxResultBytes;
      return this;
    }

    /** Console output kept; default 64 KiB. */
    public Builder maxLogBytes(int maxLogBytes) {
      this.maxLogBytes = maxLogBytes;
      return this;
    }

    /** Code size accepted; default 1 MiB. */
    public Builder maxCodeBytes(int maxCodeBytes) {
      this.maxCodeBytes = maxCodeBytes;
      return this;
    }

    /**
     * JavaScript frames the code may nest; default 5,000, at most {@link
     * ExecutionLimits#MAX_STACK_FRAMES}. Recursion deeper than this ends the execution (it is not a
     * catchable {@code RangeError}).
     */
    public Builder maxStackFrames(int maxStackFrames) {
      this.maxStackFrames = maxStackFrames;
      return this;
    }

    /** The limits. */
    public ExecutionLimits build() {
      return new ExecutionLimits(
          timeout, cpuTime, maxStatements, maxToolCalls, maxAllocatedBytes, maxResultBytes,
          maxLogBytes, maxCodeBytes, maxStackFrames);
    }
  }
}
