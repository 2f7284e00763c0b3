package dev.codemode.sandbox;

import java.util.concurrent.ExecutorService;

/** Executors for tool calls, for the layers that run tools themselves (the durable runtime). */
public final class ToolExecutors {

  private ToolExecutors() {}

  /**
   * A new executor for tool calls, the kind {@link GraalJsExecutor} uses by default: a virtual
   * thread per call on JDK 21 and later, where blocking tools cost next to nothing; a cached pool
   * of daemon threads named {@code prefix-N} on JDK 17. The caller shuts it down.
   */
  public static ExecutorService create(String prefix) {
    return Threads.toolExecutor(prefix);
  }
}
