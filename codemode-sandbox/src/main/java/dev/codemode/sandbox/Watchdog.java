package dev.codemode.sandbox;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import org.jspecify.annotations.Nullable;

/**
 * The host side of every limit that model code cannot be trusted to respect: wall-clock deadlines,
 * timers, the allocation budget of each execution, and the heap of the whole JVM.
 *
 * <ul>
 *   <li>One scheduler thread runs deadlines and timers; it never blocks, because stopping a
 *       context (which waits for the context's thread to leave) runs on a separate reaper thread.
 *   <li>Every 10 ms it samples the bytes allocated by the thread that is running each execution's
 *       JavaScript ({@code ThreadMXBean#getThreadAllocatedBytes}) and stops an execution whose
 *       total passes {@link ExecutionLimits#maxAllocatedBytes()}. This bounds allocation storms.
 *   <li>After every garbage collection it reads the heap in use; when more than {@code
 *       heapFraction} of the maximum heap is still in use, the live execution that allocated most
 *       is stopped, so a memory bomb that keeps what it allocates is stopped before the JVM runs
 *       out of memory. Only an execution that allocated at least a tenth of the heap (32 MB at
 *       least) is stopped this way, so garbage left by an earlier execution does not get innocent
 *       ones stopped.
 * </ul>
 */
final class Watchdog implements AutoCloseable {

  /** What the watchdog needs of an execution. */
  interface Watched {
    /** Bytes allocated so far, the running task's included. */
    long allocatedBytes(com.sun.management.ThreadMXBean threads);

    /** The execution's allocation limit. */
    long maxAllocatedBytes();

    /** Stops the execution with {@code error}; must not block. */
    void kill(ExecutionError error);
  }

  private static final long SAMPLE_MILLIS = 10;
  /** The least an execution must have allocated to be stopped when the heap runs low. */
  private static final long MIN_SUSPECT_BYTES = 32L << 20;

  private final ScheduledThreadPoolExecutor scheduler;
  private final ExecutorService reaper;
  private final com.sun.management.ThreadMXBean threads;
  private final Set<Watched> live = ConcurrentHashMap.newKeySet();
  private final double heapFraction;
  private final List<NotificationEmitter> emitters = new ArrayList<>();
  private final NotificationListener gcListener = this::afterGarbageCollection;
  private volatile @Nullable ScheduledFuture<?> sampler;

  Watchdog(double heapFraction) {
    this.heapFraction = heapFraction;
    this.scheduler = new ScheduledThreadPoolExecutor(1, Threads.daemonFactory("codemode-watchdog"));
    this.scheduler.setRemoveOnCancelPolicy(true);
    this.reaper = Executors.newCachedThreadPool(Threads.daemonFactory("codemode-reaper"));
    this.threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    if (threads.isThreadAllocatedMemorySupported() && !threads.isThreadAllocatedMemoryEnabled()) {
      threads.setThreadAllocatedMemoryEnabled(true);
    }
    for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (collector instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener(gcListener, null, null);
        emitters.add(emitter);
      }
    }
  }

  com.sun.management.ThreadMXBean threads() {
    return threads;
  }

  /** Runs {@code task} on the scheduler thread after {@code delayMillis}; it must not block. */
  ScheduledFuture<?> schedule(Runnable task, long delayMillis) {
    return scheduler.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
  }

  /** Runs {@code task}, which may block (stopping a context), off the scheduler thread. */
  void reap(Runnable task) {
    try {
      reaper.execute(task);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // the executor is closing: closing its engine stops every context anyway
    }
  }

  void watch(Watched execution) {
    live.add(execution);
    if (sampler == null) {
      synchronized (this) {
        if (sampler == null) {
          sampler = scheduler.scheduleWithFixedDelay(
              this::sampleAllocations, SAMPLE_MILLIS, SAMPLE_MILLIS, TimeUnit.MILLISECONDS);
        }
      }
    }
  }

  void forget(Watched execution) {
    live.remove(execution);
  }

  private void sampleAllocations() {
    for (Watched execution : live) {
      long allocated = execution.allocatedBytes(threads);
      if (allocated > execution.maxAllocatedBytes()) {
        execution.kill(ExecutionError.of(
            ExecutionError.Kind.LIMIT,
            ErrorNames.MEMORY_LIMIT,
            String.format(
                "The code allocated more than %,d MB and was stopped. Work on less data at a time,"
                    + " or ask the tools for less.",
                execution.maxAllocatedBytes() >> 20)));
      }
    }
  }

  private void afterGarbageCollection(Notification notification, Object handback) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
      return;
    }
    GarbageCollectionNotificationInfo info =
        GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
    long used = 0;
    for (MemoryUsage usage : info.getGcInfo().getMemoryUsageAfterGc().values()) {
      used += usage.getUsed();
    }
    long max = Runtime.getRuntime().maxMemory();
    if (max == Long.MAX_VALUE || used <= heapFraction * max) {
      return;
    }
    // The heap in use after a young collection still holds old garbage, such as what a stopped
    // memory bomb left behind. So only an execution that allocated a real share of the heap is a
    // suspect; executions that allocated little are not stopped for someone else's garbage.
    Watched largest = null;
    long largestBytes = Math.max(MIN_SUSPECT_BYTES, max / 10) - 1;
    for (Watched execution : live) {
      long allocated = execution.allocatedBytes(threads);
      if (allocated > largestBytes) {
        largest = execution;
        largestBytes = allocated;
      }
    }
    if (largest != null) {
      largest.kill(ExecutionError.of(
          ExecutionError.Kind.LIMIT,
          ErrorNames.MEMORY_LIMIT,
          String.format(
              "The JVM ran low on memory (%,d of %,d MB in use after garbage collection) and this"
                  + " execution, which allocated the most (%,d MB), was stopped. Keep less data in"
                  + " memory at once.",
              used >> 20, max >> 20, largestBytes >> 20)));
    }
  }

  @Override
  public void close() {
    for (NotificationEmitter emitter : emitters) {
      try {
        emitter.removeNotificationListener(gcListener);
      } catch (ListenerNotFoundException e) {
        // already gone
      }
    }
    scheduler.shutdownNow();
    reaper.shutdown();
  }
}
