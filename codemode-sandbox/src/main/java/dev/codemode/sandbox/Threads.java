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
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, prefix + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /** A pool that grows as needed and lets idle threads go after 30 s. */
  static ExecutorService cachedPool(String prefix) {
    return new ThreadPoolExecutor(
        0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), daemonFactory(prefix));
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
