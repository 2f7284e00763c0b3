package dev.codemode.sandbox;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The threads codemode-sandbox starts: all daemons, all named. */
final class Threads {

  private Threads() {}

  /** A factory of daemon threads named {@code prefix-1}, {@code prefix-2}, ... */
  static ThreadFactory daemonFactory(String prefix) {
    return daemonFactory(prefix, 0);
  }

  /**
   * A factory of daemon threads named {@code prefix-1}, ... with {@code stackBytes} of Java stack (0
   * for the JVM's default).
   */
  static ThreadFactory daemonFactory(String prefix, long stackBytes) {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      String name = prefix + "-" + count.incrementAndGet();
      Thread thread = stackBytes > 0 ? new DeepStackThread(task, name, stackBytes) : new Thread(task, name);
      thread.setDaemon(true);
      return thread;
    };
  }

  /** A thread started with a stack of a chosen size, so code can tell how deep it may go. */
  static final class DeepStackThread extends Thread {
    private final long stackBytes;

    DeepStackThread(Runnable task, String name, long stackBytes) {
      super(null, task, name, stackBytes);
      this.stackBytes = stackBytes;
    }

    /** Whether the current thread is one with at least {@code bytes} of stack. */
    static boolean current(long bytes) {
      return Thread.currentThread() instanceof DeepStackThread deep && deep.stackBytes >= bytes;
    }
  }

  /** A pool that grows as needed and lets idle threads go after 30 s. */
  static ExecutorService cachedPool(String prefix) {
    return cachedPool(prefix, 0);
  }

  /** A cached pool whose threads have {@code stackBytes} of Java stack (0 for the default). */
  static ExecutorService cachedPool(String prefix, long stackBytes) {
    return new ThreadPoolExecutor(
        0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), daemonFactory(prefix, stackBytes));
  }

  /**
   * The default executor for tool calls: a virtual thread per call on JDK 21 and later, where
   * blocking tools cost next to nothing; a cached pool of daemon threads on JDK 17.
   */
  static ExecutorService toolExecutor(String prefix) {
    try {
      return (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return cachedPool(prefix);
    }
  }
}
