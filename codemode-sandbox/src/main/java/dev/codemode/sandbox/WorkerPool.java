package dev.codemode.sandbox;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The isolated tier: executions run in a pool of worker JVMs ({@link WorkerMain}), one at a time
 * per worker; tools run here, in the host.
 *
 * <p>Each worker has its own heap cap and exits on running out of memory, so code cannot take the
 * host's memory. An execution that has not given its outcome {@link #GRACE} after its deadline has
 * its worker killed (a built-in stuck in Java cannot hold a core for long); a worker that reports
 * itself unfit after an execution (see {@link WorkerMain}) is retired. Each one gone is replaced at
 * once, and the pool starts warm: its workers are started and warmed up when it is built, so an
 * execution does not pay for a JVM start. Executions beyond the number of workers wait for one;
 * the wait does not count towards their time limit.
 */
final class WorkerPool implements WorkerProcess.Owner {

  /** How long past its deadline a worker has to give an outcome before it is killed. */
  static final Duration GRACE = Duration.ofSeconds(1);

  /** The exit status of a JVM that ran out of memory with {@code -XX:+ExitOnOutOfMemoryError}. */
  static final int OUT_OF_MEMORY_EXIT = 3;

  /** How long a worker may take to start and warm up before it counts as failed. */
  private static final Duration START_LIMIT = Duration.ofMinutes(2);

  /** What every worker of a pool shares. */
  record Settings(
      List<String> command,
      ExecutionLimits limits,
      boolean validateInputs,
      int heapMegabytes,
      ScheduledExecutorService scheduler,
      ExecutorService toolExecutor,
      InputValidation validation) {}

  /** An execution waiting for a worker. */
  private record Waiting(long id, String code, Map<String, ToolProvider> providers, CompletableFuture<ExecuteResult> outcome) {}

  private final Settings settings;
  private final int size;
  private final Object lock = new Object();
  private final Deque<WorkerProcess> idle = new ArrayDeque<>();
  private final Deque<Waiting> waiting = new ArrayDeque<>();
  private final Set<WorkerProcess> all = ConcurrentHashMap.newKeySet();
  private final AtomicLong ids = new AtomicLong();
  private final AtomicLong started = new AtomicLong();
  private final AtomicLong retirements = new AtomicLong();
  private final ExecutorService starter;
  private final boolean ownsToolExecutor;
  private int starting;
  private @Nullable String lastStartFailure;
  private @Nullable String lastRetirement;
  private volatile boolean closed;

  WorkerPool(Settings settings, int size, boolean ownsToolExecutor) {
    this.settings = settings;
    this.size = size;
    this.ownsToolExecutor = ownsToolExecutor;
    this.starter = Threads.cachedPool("codemode-worker-start");
    synchronized (lock) {
      for (int i = 0; i < size; i++) {
        startWorker();
      }
    }
  }

  /** The command that starts a worker: the JVM, its options, the class path and the main class. */
  static List<String> command(Path java, int heapMegabytes, List<String> jvmOptions, String classPath) {
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.add("-Xmx" + heapMegabytes + "m");
    command.add("-XX:+UseSerialGC");
    command.add("-XX:+ExitOnOutOfMemoryError");
    command.add("-Dpolyglotimpl.AttachLibraryFailureAction=ignore");
    command.add("-Dpolyglot.engine.WarnInterpreterOnly=false");
    if (Runtime.version().feature() >= 24) {
      command.add("--enable-native-access=ALL-UNNAMED");
      command.add("--sun-misc-unsafe-memory-access=allow");
    }
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(classPath);
    command.add(WorkerMain.class.getName());
    return List.copyOf(command);
  }

  ExecutionLimits limits() {
    return settings.limits();
  }

  CompletableFuture<ExecuteResult> execute(String code, List<? extends ToolProvider> providers) {
    // in the order given, as in process: the namespaces are listed in that order in messages
    Map<String, ToolProvider> byName = java.util.Collections.unmodifiableMap(Execution.byName(providers));
    CompletableFuture<ExecuteResult> outcome = new CompletableFuture<>();
    Waiting request = new Waiting(ids.incrementAndGet(), code, byName, outcome);
    WorkerProcess worker;
    synchronized (lock) {
      if (closed) {
        outcome.complete(failure("The executor is closed."));
        return outcome;
      }
      worker = idle.pollFirst();
      if (worker == null) {
        waiting.addLast(request);
        if (all.size() + starting < size) {
          startWorker();
        }
        return outcome;
      }
    }
    worker.run(request.id(), request.code(), request.providers(), request.outcome());
    return outcome;
  }

  /** Starts one worker in the background; call with the lock held. */
  private void startWorker() {
    starting++;
    starter.execute(() -> {
      WorkerProcess worker = null;
      String failure = null;
      try {
        worker = WorkerProcess.start(settings, this);
        worker.ready().get(START_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (IOException e) {
        failure = "it could not be started (" + settings.command().get(0) + "): " + e.getMessage();
      } catch (java.util.concurrent.ExecutionException e) {
        failure = String.valueOf(e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
      } catch (java.util.concurrent.TimeoutException e) {
        failure = "it was not ready after " + Execution.describe(START_LIMIT);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failure = "the pool was closed while it started";
      }
      if (failure != null && worker != null) {
        worker.retire(failure);
      }
      started(failure == null ? worker : null, failure);
    });
  }

  private void started(@Nullable WorkerProcess worker, @Nullable String failure) {
    List<Waiting> failed = new ArrayList<>();
    synchronized (lock) {
      starting--;
      if (worker == null) {
        lastStartFailure = failure;
        if (all.isEmpty() && starting == 0) {
          // nothing can run the waiting executions: tell them why instead of letting them wait
          failed.addAll(waiting);
          waiting.clear();
        }
      } else if (closed) {
        worker.shutdown();
        return;
      } else {
        started.incrementAndGet();
        all.add(worker);
      }
    }
    for (Waiting request : failed) {
      request.outcome().complete(failure("No worker process could be started for the code: " + failure
          + ". Check the worker's Java command and class path."));
    }
    if (worker != null) {
      idle(worker);
    }
  }

  @Override
  public void idle(WorkerProcess worker) {
    Waiting next;
    synchronized (lock) {
      if (closed) {
        return;
      }
      next = waiting.pollFirst();
      if (next == null) {
        idle.addLast(worker);
        return;
      }
    }
    worker.run(next.id(), next.code(), next.providers(), next.outcome());
  }

  @Override
  public void retired(WorkerProcess worker, String why) {
    retirements.incrementAndGet();
    synchronized (lock) {
      lastRetirement = why;
      all.remove(worker);
      idle.remove(worker);
      if (!closed && all.size() + starting < size) {
        startWorker();
      }
    }
  }

  /** What the pool did so far: workers started, retired, and the last failure to start one. */
  WorkerPoolStats stats() {
    synchronized (lock) {
      return new WorkerPoolStats(size, all.size(), idle.size(), waiting.size(), started.get(), retirements.get(),
          lastRetirement, lastStartFailure);
    }
  }

  /** The process ids of the live workers. */
  List<Long> pids() {
    return all.stream().map(WorkerProcess::pid).toList();
  }

  void close() {
    List<Waiting> dropped;
    List<WorkerProcess> workers;
    synchronized (lock) {
      closed = true;
      dropped = new ArrayList<>(waiting);
      waiting.clear();
      idle.clear();
      workers = new ArrayList<>(all);
      all.clear();
    }
    for (Waiting request : dropped) {
      request.outcome().complete(failure("The executor was closed."));
    }
    workers.parallelStream().forEach(WorkerProcess::shutdown);
    starter.shutdownNow();
    try {
      // a worker still starting is stopped by its starter (interrupted above): wait for that, so
      // that no worker outlives close()
      starter.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    settings.scheduler().shutdownNow();
    if (ownsToolExecutor) {
      settings.toolExecutor().shutdownNow();
    }
  }

  private static ExecuteResult failure(String message) {
    return WorkerProtocol.failed(ExecutionError.of(ExecutionError.Kind.INTERNAL, ErrorNames.INTERNAL, message),
        Duration.ZERO);
  }

  static ScheduledExecutorService newScheduler() {
    ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, Threads.daemonFactory("codemode-worker-deadline"));
    scheduler.setRemoveOnCancelPolicy(true);
    return scheduler;
  }
}
