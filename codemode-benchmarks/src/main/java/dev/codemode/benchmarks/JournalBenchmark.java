package dev.codemode.benchmarks;

import dev.codemode.core.JsonCodec;
import dev.codemode.runtime.store.EntryState;
import dev.codemode.runtime.store.ExecutionRecord;
import dev.codemode.runtime.store.ExecutionStatus;
import dev.codemode.runtime.store.JdbcExecutionStore;
import dev.codemode.runtime.store.PostgresServer;
import dev.codemode.runtime.store.JournalEntry;
import dev.codemode.runtime.store.StoreChange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * What the durable journal adds to one tool call: record the call as EXECUTING, then mark it
 * APPLIED with a small result, two committed transactions, on a SQLite file (WAL, synchronous=FULL)
 * and on a local PostgreSQL server (fsync on, started by the benchmark from the machine's
 * binaries). Both sync every commit to disk, so the figure is mostly the disk's sync time.
 *
 * <p>{@code java -jar codemode-benchmarks/target/benchmarks.jar JournalBenchmark -rf json -rff
 * journal.json}; the p50 of the samples is the per-call overhead.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class JournalBenchmark {

  /** Calls per execution before the benchmark starts a new one, as a long run would. */
  private static final int CALLS_PER_EXECUTION = 1_000;

  @Param({"sqlite", "postgres"})
  public String dialect;

  private final JsonNode input = JsonCodec.defaults().parse("{\"title\":\"Write the report\",\"priority\":2}");
  private final JsonNode result = JsonCodec.defaults().parse("{\"id\":\"task-1234\",\"created\":true}");
  private Path folder;
  private @Nullable PostgresServer server;
  private JdbcExecutionStore store;
  private String executionId;
  private int executions;
  private int seq;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    folder = Files.createTempDirectory("codemode-journal-benchmark-");
    String location;
    if (dialect.equals("sqlite")) {
      location = folder.resolve("journal.db").toString();
    } else {
      server = PostgresServer.start(true);
      location = server.createDatabase();
    }
    store = JdbcExecutionStore.open(location);
    newExecution();
  }

  private void newExecution() {
    executionId = "exec_" + System.currentTimeMillis() + "_" + executions++;
    Instant now = Instant.now();
    store.createExecution(new ExecutionRecord(executionId, "benchmark", "await tasks.create(...)",
        ExecutionStatus.RUNNING, null, null, List.of(), Map.of("tasks", "sha256:0"), 1, now.toEpochMilli(), now, now));
    seq = 0;
  }

  /** One journaled tool call: record it EXECUTING, then APPLIED with its result. */
  @Benchmark
  public boolean recordAndApply() {
    if (seq == CALLS_PER_EXECUTION) {
      newExecution();
    }
    int call = seq++;
    JournalEntry entry = new JournalEntry(executionId, call, "tasks", "create", input, null, false,
        EntryState.EXECUTING, null, Instant.now());
    // The runtime's journal makes these two changes for a call: record it while the run runs, then
    // settle it.
    boolean recorded = store.apply(
        new StoreChange.MoveExecution(executionId, Set.of(ExecutionStatus.RUNNING), ExecutionStatus.RUNNING),
        new StoreChange.AddEntry(entry));
    if (!recorded || !store.apply(new StoreChange.MoveEntry(executionId, call, EntryState.EXECUTING,
        EntryState.APPLIED, result, null))) {
      throw new IllegalStateException("call " + call + " of " + executionId + " was not journaled");
    }
    return true;
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    store.close();
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
