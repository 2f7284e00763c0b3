package dev.codemode.sandbox;

import dev.codemode.core.ToolDescriptor;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.ObjectNode;
import org.jspecify.annotations.Nullable;

/**
 * One worker JVM of a {@link WorkerPool}, seen from the host: it starts the process, hands it one
 * execution at a time, runs the execution's tool calls in the host, and stops the process when the
 * execution misses its deadline by {@link WorkerPool#GRACE}.
 *
 * <p>Threads: a reader thread takes every message of the worker; a tool of an {@link
 * OrderedToolProvider} is started on it (such a start never blocks), other tools run on the pool's
 * tool executor. The pool's scheduler runs the deadlines.
 */
final class WorkerProcess {

  /** What the pool learns of a worker. */
  interface Owner {
    /** The worker finished its execution and can take the next one. */
    void idle(WorkerProcess worker);

    /** The worker is gone or must go; the pool starts another. */
    void retired(WorkerProcess worker, String why);
  }

  /** An execution handed to this worker. */
  private static final class Job {
    final long id;
    final Map<String, ToolProvider> providers;
    final CompletableFuture<ExecuteResult> outcome;
    final long startNanos = System.nanoTime();
    /** Calls the worker asked for; only the reader thread counts. */
    int calls;
    volatile @Nullable ScheduledFuture<?> deadline;

    Job(long id, Map<String, ToolProvider> providers, CompletableFuture<ExecuteResult> outcome) {
      this.id = id;
      this.providers = providers;
      this.outcome = outcome;
    }

    Duration elapsed() {
      return Duration.ofNanos(System.nanoTime() - startNanos);
    }
  }

  private static final int STDERR_LINES = 40;

  private final WorkerPool.Settings settings;
  private final Owner owner;
  private final Process process;
  private final DataOutputStream toWorker;
  private final DataInputStream fromWorker;
  private final CompletableFuture<Void> ready = new CompletableFuture<>();
  private final Deque<String> stderrTail = new ArrayDeque<>();
  private final AtomicBoolean retired = new AtomicBoolean();
  private final long startNanos = System.nanoTime();
  private volatile @Nullable Job job;
  private long jobs;

  private WorkerProcess(WorkerPool.Settings settings, Owner owner, Process process) {
    this.settings = settings;
    this.owner = owner;
    this.process = process;
    this.toWorker = new DataOutputStream(new BufferedOutputStream(process.getOutputStream()));
    this.fromWorker = new DataInputStream(new BufferedInputStream(process.getInputStream()));
  }

  /**
   * Starts a worker process; the stage completes when it is warm and ready for code.
   *
   * @throws IOException when the process cannot be started
   */
  static WorkerProcess start(WorkerPool.Settings settings, Owner owner) throws IOException {
    Process process = new ProcessBuilder(settings.command()).redirectErrorStream(false).start();
    WorkerProcess worker = new WorkerProcess(settings, owner, process);
    worker.startThreads();
    try {
      WorkerProtocol.write(worker.toWorker, WorkerProtocol.configure(settings.limits(), settings.validateInputs()));
    } catch (IOException e) {
      worker.destroy();
      throw e;
    }
    return worker;
  }

  private void startThreads() {
    Thread reader = new Thread(this::read, "codemode-worker-" + process.pid());
    reader.setDaemon(true);
    reader.start();
    Thread errors = new Thread(this::drainErrors, "codemode-worker-" + process.pid() + "-stderr");
    errors.setDaemon(true);
    errors.start();
  }

  /** Completes when the worker is warm; fails when it ended first or did not get ready in time. */
  CompletableFuture<Void> ready() {
    return ready;
  }

  long pid() {
    return process.pid();
  }

  /** When the process started, for the time a pool took to start. */
  long startNanos() {
    return startNanos;
  }

  /** Hands the worker one execution; it must be idle. */
  void run(long id, String code, Map<String, ToolProvider> providers, CompletableFuture<ExecuteResult> outcome) {
    Job started = new Job(id, providers, outcome);
    job = started;
    jobs++;
    ObjectNode message = WorkerProtocol.message(WorkerProtocol.EXECUTE).put("id", id).put("code", code);
    tools.jackson.databind.node.ArrayNode list = message.putArray("providers");
    providers.values().forEach(provider -> list.add(WorkerProtocol.provider(provider)));
    long limitMillis = settings.limits().timeout().toMillis() + WorkerPool.GRACE.toMillis();
    started.deadline = settings.scheduler().schedule(() -> missedDeadline(started), limitMillis, TimeUnit.MILLISECONDS);
    try {
      WorkerProtocol.write(toWorker, message);
    } catch (IOException e) {
      fail(started, ExecutionError.of(ExecutionError.Kind.INTERNAL, ErrorNames.INTERNAL,
          "The worker process could not be reached; run the code again."), "its input broke: " + e.getMessage());
    }
  }

  /** The executions this worker ran. */
  long jobs() {
    return jobs;
  }

  private void missedDeadline(Job late) {
    fail(late, ExecutionError.of(ExecutionError.Kind.TIMEOUT, ErrorNames.TIMEOUT,
        "The code ran longer than " + Execution.describe(settings.limits().timeout())
            + " and did not stop; its worker process was stopped. Do less per execution, and avoid"
            + " operations on huge array-likes, strings or numbers."),
        "it missed a deadline");
  }

  /** Ends {@code failed} with {@code error}, stops the process and tells the pool. */
  private void fail(Job failed, ExecutionError error, String why) {
    if (failed.outcome.isDone()) {
      return;
    }
    // the worker goes before the outcome is given, so whoever waits for it sees the worker gone
    retire(why);
    failed.outcome.complete(WorkerProtocol.failed(error, failed.elapsed()));
  }

  /** Stops the process (at once: it holds nothing of the host's) and tells the pool, once. */
  void retire(String why) {
    job = null;
    destroy();
    if (retired.compareAndSet(false, true)) {
      owner.retired(this, why);
    }
  }

  /** Asks the worker to end, and makes sure it does. */
  void shutdown() {
    retired.set(true);
    try {
      WorkerProtocol.write(toWorker, WorkerProtocol.message(WorkerProtocol.SHUTDOWN));
    } catch (IOException e) {
      // gone already
    }
    try {
      if (!process.waitFor(2, TimeUnit.SECONDS)) {
        destroy();
      }
    } catch (InterruptedException e) {
      destroy();
      Thread.currentThread().interrupt();
    }
    Job running = job;
    if (running != null) {
      running.outcome.complete(WorkerProtocol.failed(
          ExecutionError.of(ExecutionError.Kind.INTERNAL, ErrorNames.INTERNAL, "The executor was closed."),
          running.elapsed()));
    }
  }

  /** Kills the process and waits (briefly) until it is gone. */
  private void destroy() {
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // ---- reading the worker -----------------------------------------------------------------------

  private void read() {
    String ended;
    try {
      JsonNode message;
      while ((message = WorkerProtocol.read(fromWorker, WorkerProtocol.MAX_WORKER_FRAME)) != null) {
        handle(message);
      }
      ended = "it ended";
    } catch (IOException | RuntimeException e) {
      ended = "its output broke: " + e.getMessage();
    }
    processEnded(ended);
  }

  private void handle(JsonNode message) {
    switch (message.path("type").asString("")) {
      case WorkerProtocol.READY -> ready.complete(null);
      case WorkerProtocol.CALL -> {
        Job current = job;
        if (current != null && current.id == message.path("id").asLong(-1)) {
          call(current, message);
        }
      }
      case WorkerProtocol.OUTCOME -> {
        Job current = job;
        if (current == null || current.id != message.path("id").asLong(-1)) {
          return;
        }
        ScheduledFuture<?> deadline = current.deadline;
        if (deadline != null) {
          deadline.cancel(false);
        }
        job = null;
        ExecuteResult result = WorkerProtocol.result(message, current.elapsed());
        JsonNode retire = message.get("retire");
        if (retire != null) {
          // before the outcome is given, so whoever waits for it sees the worker gone
          retire("it was unfit for more: " + retire.asString());
          current.outcome.complete(result);
        } else if (current.outcome.complete(result)) {
          owner.idle(this);
        }
      }
      default -> retire("it sent a message of unknown type " + message.path("type"));
    }
  }

  private void processEnded(String how) {
    int exit;
    try {
      process.waitFor(5, TimeUnit.SECONDS);
      exit = process.isAlive() ? -1 : process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      exit = -1;
    }
    String why = how + " (exit code " + exit + ")" + stderrSummary();
    ready.completeExceptionally(new IllegalStateException("the worker process ended before it was ready: " + why));
    Job running = job;
    if (running != null) {
      ExecutionError error = exit == WorkerPool.OUT_OF_MEMORY_EXIT
          ? ExecutionError.of(ExecutionError.Kind.LIMIT, ErrorNames.MEMORY_LIMIT, String.format(
              "The code used more memory than its worker process has (%,d MB) and was stopped. Keep"
                  + " less data in memory at once.", settings.heapMegabytes()))
          : ExecutionError.of(ExecutionError.Kind.INTERNAL, ErrorNames.INTERNAL,
              "The worker process running the code ended unexpectedly; run the code again.");
      fail(running, error, why);
    }
    if (retired.compareAndSet(false, true)) {
      owner.retired(this, why);
    }
  }

  private void drainErrors() {
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        synchronized (stderrTail) {
          if (stderrTail.size() == STDERR_LINES) {
            stderrTail.removeFirst();
          }
          stderrTail.addLast(line);
        }
      }
    } catch (IOException e) {
      // the process is gone
    }
  }

  private String stderrSummary() {
    synchronized (stderrTail) {
      return stderrTail.isEmpty() ? "" : "; its last output: " + String.join(" | ", stderrTail);
    }
  }

  // ---- tool calls -------------------------------------------------------------------------------

  private void call(Job current, JsonNode message) {
    long call = message.path("call").asLong();
    String name = message.path("provider").asString("");
    String tool = message.path("tool").asString("");
    JsonNode input = message.path("input");
    ToolReply reply = new WorkerReply(current, call, name + "." + tool, input);
    ToolProvider provider = current.providers.get(name);
    // The worker is not trusted to stay within what the code was given: the host checks the tool,
    // the number of calls and the input again (the worker checked them already, for the messages).
    ToolDescriptor descriptor = provider == null ? null : provider.descriptor().tools().stream()
        .filter(candidate -> candidate.name().equals(tool)).findFirst().orElse(null);
    if (provider == null || (descriptor == null
        && !provider.sandboxSetup().map(setup -> setup.hostFunctions().contains(tool)).orElse(false))) {
      reply.failure(new IllegalArgumentException("there is no tool " + name + "." + tool));
      return;
    }
    if (++current.calls > settings.limits().maxToolCalls()) {
      reply.failure(new ToolFailures.Decided(new ToolFailures.Failure(ErrorNames.TOOL_CALL_LIMIT, "too many tool calls")));
      return;
    }
    if (settings.validateInputs() && descriptor != null) {
      String problem;
      try {
        problem = settings.validation().problems(name, descriptor, settings.validation().compiled(descriptor), input,
            current.outcome::isDone);
      } catch (InputValidation.Stopped e) {
        return;
      }
      if (problem != null) {
        reply.failure(new ToolFailures.Decided(new ToolFailures.Failure(ErrorNames.TOOL_INPUT, problem)));
        return;
      }
    }
    if (provider instanceof OrderedToolProvider ordered) {
      try {
        JsonNode now = ordered.start(tool, input, reply);
        if (now != null) {
          reply.result(now);
        }
      } catch (Exception e) {
        reply.failure(e);
      }
      return;
    }
    try {
      settings.toolExecutor().execute(() -> {
        try {
          provider.call(tool, input).whenComplete((value, failure) -> {
            if (failure != null) {
              reply.failure(failure);
            } else {
              reply.result(value == null ? MissingNode.getInstance() : value);
            }
          });
        } catch (Exception e) {
          reply.failure(e);
        }
      });
    } catch (RejectedExecutionException e) {
      reply.failure(new CancellationException("the executor is closed"));
    }
  }

  /** The answer to one call, sent to the worker once, and only while its execution runs. */
  private final class WorkerReply implements ToolReply {
    private final Job owner;
    private final long call;
    private final String qualified;
    private final JsonNode input;
    private final AtomicBoolean given = new AtomicBoolean();

    WorkerReply(Job owner, long call, String qualified, JsonNode input) {
      this.owner = owner;
      this.call = call;
      this.qualified = qualified;
      this.input = input;
    }

    @Override
    public void result(JsonNode value) {
      ObjectNode message = answer();
      WorkerProtocol.putValue(message, "value", value);
      send(message);
    }

    @Override
    public void failure(Throwable error) {
      ObjectNode message = answer();
      message.set("failure", failureJson(qualified, input, error));
      send(message);
    }

    private ObjectNode answer() {
      return WorkerProtocol.message(WorkerProtocol.REPLY).put("id", owner.id).put("call", call);
    }

    private void send(ObjectNode message) {
      if (owner.outcome.isDone() || job != owner || !given.compareAndSet(false, true)) {
        return;
      }
      try {
        WorkerProtocol.write(toWorker, message);
      } catch (IOException e) {
        // the worker is gone; the reader reports it
      }
    }
  }

  /** How a tool failed, worded here as the code would see it in process, for the worker to pass on. */
  static ObjectNode failureJson(String qualified, JsonNode input, Throwable error) {
    Throwable cause = ToolCalls.unwrap(error);
    ObjectNode json = tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    if (cause instanceof AbortExecutionException abort) {
      return json.put("kind", WorkerProtocol.Failure.ABORT.name()).put("name", abort.errorName())
          .put("message", String.valueOf(abort.getMessage()));
    }
    if (cause instanceof CancellationException) {
      return json.put("kind", WorkerProtocol.Failure.CANCELLED.name()).put("message", String.valueOf(cause.getMessage()));
    }
    ToolFailures.Failure failure = ToolFailures.of(qualified, cause, input);
    return json.put("kind", WorkerProtocol.Failure.WORDED.name()).put("name", failure.name())
        .put("message", failure.message());
  }
}
