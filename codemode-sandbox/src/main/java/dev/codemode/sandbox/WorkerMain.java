package dev.codemode.sandbox;

import dev.codemode.core.ConnectorDescriptor;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import org.jspecify.annotations.Nullable;

/**
 * The main class of a worker process of the isolated tier ({@link GraalJsExecutor.Isolation#PROCESS}):
 * it runs model code for the host that started it and nothing else.
 *
 * <p>The host starts it with the sandbox on the class path and talks to it over standard input and
 * output ({@link WorkerProtocol}); standard output carries nothing else, so whatever else would
 * print there goes to standard error. The worker has no connector and no credential: each tool
 * call of the code goes back to the host, which runs it and sends the answer. The worker ends when
 * its input ends (the host is gone), when the host asks it to, and after it returned the outcome of
 * an execution that left it unfit for the next one (code it could not stop, a damaged engine, an
 * exhausted resource).
 *
 * <p>Not an API: the host starts it; running it by hand does nothing useful.
 */
public final class WorkerMain {

  private final DataInputStream in;
  private final DataOutputStream out;
  private final Map<Long, ToolReply> pendingCalls = new ConcurrentHashMap<>();
  private final AtomicLong callIds = new AtomicLong();
  private @Nullable GraalJsExecutor executor;

  private WorkerMain(DataInputStream in, DataOutputStream out) {
    this.in = in;
    this.out = out;
  }

  /**
   * Runs the worker on standard input and output until the host is done with it.
   *
   * @param args none
   */
  public static void main(String[] args) {
    DataOutputStream protocol = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)));
    System.setOut(System.err);
    int status = new WorkerMain(new DataInputStream(new BufferedInputStream(System.in)), protocol).serve();
    // halt, not exit: a thread stuck in code that could not be stopped must not hold the process
    System.err.flush();
    Runtime.getRuntime().halt(status);
  }

  private int serve() {
    try {
      JsonNode message;
      while ((message = WorkerProtocol.read(in, Integer.MAX_VALUE)) != null) {
        String type = message.path("type").asString("");
        switch (type) {
          case WorkerProtocol.CONFIGURE -> configure(message);
          case WorkerProtocol.EXECUTE -> execute(message);
          case WorkerProtocol.REPLY -> reply(message);
          case WorkerProtocol.SHUTDOWN -> {
            return 0;
          }
          default -> throw new IOException("unknown message type " + type);
        }
      }
      return 0;
    } catch (IOException | RuntimeException e) {
      System.err.println("codemode worker: " + e);
      return 1;
    }
  }

  private void configure(JsonNode message) throws IOException {
    GraalJsExecutor started = GraalJsExecutor.builder()
        .limits(WorkerProtocol.limits(message))
        .validateToolInputs(message.path("validateInputs").asBoolean(true))
        .warmUp(false)
        .build();
    started.warmUpNow();
    executor = started;
    WorkerProtocol.write(out, WorkerProtocol.message(WorkerProtocol.READY));
  }

  private void execute(JsonNode message) {
    GraalJsExecutor running = executor;
    if (running == null) {
      throw new IllegalStateException("the host sent code before configuring the worker");
    }
    long id = message.get("id").asLong();
    List<ToolProvider> providers = new ArrayList<>();
    for (JsonNode provider : message.get("providers")) {
      providers.add(new HostProvider(id, provider.get("name").asString(), WorkerProtocol.descriptor(provider),
          WorkerProtocol.setup(provider)));
    }
    running.executeAsync(message.get("code").asString(), providers).whenComplete((result, failure) -> {
      ExecuteResult outcome = result != null ? result : WorkerProtocol.failed(
          ExecutionError.of(ExecutionError.Kind.INTERNAL, ErrorNames.INTERNAL, "The worker failed to run the code."),
          java.time.Duration.ZERO);
      pendingCalls.clear(); // one execution at a time: what it left open will not be answered
      String retire = unfitness(running, outcome);
      try {
        WorkerProtocol.write(out, WorkerProtocol.outcome(id, outcome, retire));
      } catch (IOException e) {
        retire = "the host is gone";
      }
      if (retire != null) {
        System.err.flush();
        Runtime.getRuntime().halt(0);
      }
    });
  }

  /** Why this worker should not run another execution after {@code outcome}, or null. */
  private static @Nullable String unfitness(GraalJsExecutor executor, ExecuteResult outcome) {
    ExecutorHealth health = executor.health();
    if (!health.healthy()) {
      return health.summary();
    }
    ExecutionError error = outcome.error();
    if (error == null) {
      return null;
    }
    if (error.kind() == ExecutionError.Kind.INTERNAL && !error.name().equals(ErrorNames.CANCELLED)) {
      return "an internal error: " + error.message();
    }
    // The frame limit stops recursion before the engine's own stack runs low: nothing is left
    // damaged, unlike a stack overflow (of the parser) or memory that ran out.
    boolean frameLimit = error.message().startsWith(Execution.FRAME_LIMIT_MESSAGE_START);
    if ((error.name().equals(ErrorNames.RESOURCE_LIMIT) && !frameLimit) || error.name().equals(ErrorNames.MEMORY_LIMIT)) {
      return "a resource ran out: " + error.message();
    }
    return null;
  }

  private void reply(JsonNode message) {
    ToolReply reply = pendingCalls.remove(message.get("call").asLong());
    if (reply == null) {
      return;
    }
    JsonNode failure = message.get("failure");
    if (failure == null) {
      reply.result(WorkerProtocol.value(message, "value"));
      return;
    }
    String text = failure.path("message").asString("");
    reply.failure(switch (WorkerProtocol.Failure.valueOf(failure.get("kind").asString())) {
      case ABORT -> new AbortExecutionException(failure.get("name").asString(), text);
      case CANCELLED -> new CancellationException(text);
      case WORDED -> new ToolFailures.Decided(new ToolFailures.Failure(failure.get("name").asString(), text));
    });
  }

  /** A namespace whose tools run in the host: each call is sent there and answered from there. */
  private final class HostProvider implements OrderedToolProvider {
    private final long execution;
    private final String name;
    private final ConnectorDescriptor descriptor;
    private final Optional<SandboxSetup> setup;

    HostProvider(long execution, String name, ConnectorDescriptor descriptor, @Nullable SandboxSetup setup) {
      this.execution = execution;
      this.name = name;
      this.descriptor = descriptor;
      this.setup = Optional.ofNullable(setup);
    }

    @Override
    public ConnectorDescriptor descriptor() {
      return descriptor;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public Optional<SandboxSetup> sandboxSetup() {
      return setup;
    }

    @Override
    public @Nullable JsonNode start(String tool, JsonNode input, ToolReply reply) throws IOException {
      long call = callIds.incrementAndGet();
      pendingCalls.put(call, reply);
      ObjectNode message = WorkerProtocol.message(WorkerProtocol.CALL)
          .put("id", execution).put("call", call).put("provider", name).put("tool", tool);
      message.set("input", input);
      WorkerProtocol.write(out, message);
      return null;
    }
  }
}
