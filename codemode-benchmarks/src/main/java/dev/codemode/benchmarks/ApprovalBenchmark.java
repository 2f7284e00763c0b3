package dev.codemode.benchmarks;

import dev.codemode.annotations.Replay;
import dev.codemode.core.JsonCodec;
import dev.codemode.core.ToolDescriptor;
import dev.codemode.runtime.CodemodeRuntime;
import dev.codemode.sandbox.GraalJsExecutor;
import dev.codemode.runtime.Outcome;
import dev.codemode.sandbox.ToolProvider;
import dev.codemode.runtime.store.JdbcExecutionStore;
import dev.codemode.runtime.store.PostgresServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.JsonNode;

/**
 * Approve-to-completion latency of a durable run: a run made {@code calls} journaled tool calls and
 * paused at an approval-gated one; {@code approve} runs the code again in a fresh sandbox, replays
 * the recorded calls from the store, runs the approved call and completes the run. On a SQLite file
 * and on a local PostgreSQL server (fsync on).
 *
 * <p>{@code java -jar codemode-benchmarks/target/benchmarks.jar ApprovalBenchmark}
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "-Dpolyglotimpl.AttachLibraryFailureAction=ignore"})
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ApprovalBenchmark {

  @Param({"sqlite", "postgres"})
  public String dialect;

  /** Journaled calls the run made before the approval. */
  @Param({"0", "20"})
  public int calls;

  private Path folder;
  private @Nullable PostgresServer server;
  private CodemodeRuntime runtime;
  private String code;
  private String paused;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    folder = Files.createTempDirectory("codemode-approval-benchmark-");
    String location;
    if (dialect.equals("sqlite")) {
      location = folder.resolve("codemode.db").toString();
    } else {
      server = PostgresServer.start(true);
      location = server.createDatabase();
    }
    JsonNode anyObject = JsonCodec.defaults().parse("{\"type\":\"object\"}");
    ToolProvider tasks = ToolProvider.builder("tasks")
        .syncTool(ToolDescriptor.of("get", "Finds a task.", anyObject, anyObject),
            input -> JsonCodec.defaults().nodes().objectNode().put("id", input.path("id").asInt()).put("open", true))
        .syncTool(new ToolDescriptor("remove", "Deletes a task.", anyObject, anyObject, true, Replay.RECORD, false),
            input -> JsonCodec.defaults().nodes().objectNode().put("removed", input.path("id").asInt()))
        .build();
    runtime = CodemodeRuntime.builder()
        .executor(GraalJsExecutor.create())
        .store(JdbcExecutionStore.open(location))
        .connector(tasks)
        .maxExecutions(100)
        .build();
    code = "let open = 0;\n"
        + "for (let i = 0; i < " + calls + "; i++) { if ((await tasks.get({id: i})).open) open++; }\n"
        + "await tasks.remove({id: 1});\n"
        + "return open";
  }

  @Setup(Level.Invocation)
  public void pause() {
    Outcome outcome = runtime.execute(code);
    if (outcome.status() != Outcome.Status.PAUSED) {
      throw new IllegalStateException("the run did not pause: " + outcome.toJson());
    }
    paused = outcome.executionId();
  }

  /** Approve, replay, run the approved call, complete. */
  @Benchmark
  public Outcome approveToCompletion() {
    Outcome outcome = runtime.approve(paused);
    if (outcome.status() != Outcome.Status.COMPLETED) {
      throw new IllegalStateException("the run did not complete: " + outcome.toJson());
    }
    return outcome;
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    runtime.close();
    if (server != null) {
      server.close();
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
