package dev.codemode.runtime;

import dev.codemode.core.ConnectorDefinition;
import dev.codemode.core.ConnectorDescriptor;
import dev.codemode.core.DescriptorJson;
import dev.codemode.core.JsonCodec;
import dev.codemode.core.ToolDescriptor;
import dev.codemode.core.ToolNames;
import dev.codemode.runtime.discovery.Description;
import dev.codemode.runtime.discovery.SearchResults;
import dev.codemode.runtime.discovery.ToolDescription;
import dev.codemode.runtime.store.EntryState;
import dev.codemode.runtime.store.ExecutionRecord;
import dev.codemode.runtime.store.ExecutionStatus;
import dev.codemode.runtime.store.ExecutionStore;
import dev.codemode.runtime.store.JournalEntry;
import dev.codemode.runtime.store.Snippet;
import dev.codemode.runtime.store.StoredText;
import dev.codemode.sandbox.Executor;
import dev.codemode.sandbox.GraalJsExecutor;
import dev.codemode.sandbox.ToolExecutors;
import dev.codemode.sandbox.ToolProvider;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;
import org.jspecify.annotations.Nullable;

/**
 * Durable Code Mode: runs model code against connectors with every tool call journaled, pauses at
 * calls that need a person's approval, and resumes by replaying the run against its journal.
 *
 * <p>A run ({@link #execute}) creates an execution in the {@link ExecutionStore} and runs one
 * pass. A call of a tool with {@code requiresApproval} is recorded as pending and pauses the run;
 * {@link #approve} runs the code again, serves every recorded result from the journal, runs the
 * approved call and goes on, to the end or the next approval. {@link #reject} ends a paused run,
 * {@link #rollback} undoes its applied calls with the connectors' {@code @Revert} methods. Any
 * process (and, on PostgreSQL, any machine) with the same connectors and store can approve a run
 * that paused in another.
 *
 * <p>Inside the sandbox, the {@code codemode} namespace has exactly {@code search}, {@code
 * describe}, {@code step(name, fn)} (work that must not change between passes, run once and
 * replayed), {@code run(snippet, input)} and {@code now()} (the host's time, recorded); {@code
 * Math.random()} and {@code Date.now()} are recorded per run.
 *
 * <p><b>Lifecycle verbs</b> ({@link #approve}, {@link #reject}, {@link #rollback}, {@link
 * #saveSnippet}) follow one rule: asked of an id this runtime does not know, or of a run in a state
 * that cannot take the verb, they change nothing and throw {@link RunStateException}, whose {@link
 * RunStateException#errorName() errorName()} says why ({@link ErrorCatalog#UNKNOWN_EXECUTION},
 * {@link ErrorCatalog#NOT_PAUSED}, {@link ErrorCatalog#NOT_PENDING}, {@link
 * ErrorCatalog#STILL_RUNNING}, {@link ErrorCatalog#MISSING_CONNECTOR}). Two approvers racing on one
 * run: one resumes it, the other gets {@code NotPaused}. What happens to the run itself (a tool
 * failure, a divergence) is never thrown: it is the {@link Outcome}.
 *
 * <p>Thread-safe; one instance per application.
 */
public final class CodemodeRuntime implements AutoCloseable {

  private static final Pattern RUNTIME_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,100}");

  private final String name;
  private final Executor executor;
  private final boolean ownsExecutor;
  private final ExecutionStore store;
  private final ExecutorService workers;
  private final boolean ownsWorkers;
  private final Clock clock;
  private final int maxExecutions;
  private final Duration revertTimeout;
  private final Map<String, RuntimeConnector> connectors;
  private final Map<String, String> connectorHashes;
  /** The connectors' descriptors by name, for discovery and the tool description. */
  private final List<ConnectorDescriptor> descriptors;
  private final Journal journal;
  private final Outcomes outcomes;
  private final Discovery discovery;
  private final PassContext passContext;
  private final SecureRandom seeds = new SecureRandom();

  private CodemodeRuntime(Builder builder) {
    this.name = builder.name;
    this.store = Objects.requireNonNull(builder.store, "store: pass an ExecutionStore (JdbcExecutionStore.open(...))");
    this.executor = builder.executor != null ? builder.executor : GraalJsExecutor.create();
    this.ownsExecutor = builder.executor == null;
    this.workers = builder.workers != null ? builder.workers : ToolExecutors.create("codemode-runtime");
    this.ownsWorkers = builder.workers == null;
    this.clock = builder.clock;
    this.maxExecutions = builder.maxExecutions;
    this.revertTimeout = builder.revertTimeout;
    this.connectors = Map.copyOf(builder.connectors);
    Map<String, Map<String, ToolDescriptor>> tools = new TreeMap<>();
    Map<String, String> hashes = new TreeMap<>();
    for (RuntimeConnector connector : builder.connectors.values()) {
      Map<String, ToolDescriptor> byName = new LinkedHashMap<>();
      connector.descriptor().tools().forEach(tool -> byName.put(tool.name(), tool));
      tools.put(connector.name(), Map.copyOf(byName));
      hashes.put(connector.name(), CanonicalJson.hash(CanonicalJson.of(DescriptorJson.toJson(connector.descriptor()))));
    }
    this.connectorHashes = Map.copyOf(hashes);
    this.descriptors = new TreeMap<>(connectors).values().stream().map(RuntimeConnector::descriptor).toList();
    this.journal = new Journal(store);
    this.outcomes = new Outcomes(store, name);
    this.discovery = new Discovery(name, store, executor, descriptors, Map.copyOf(tools));
    this.passContext = new PassContext(journal, executor, List.copyOf(new TreeMap<>(connectors).values()), discovery,
        outcomes, workers, builder.settleTimeout, this::now, store.maxValueBytes());
  }

  /** A builder; {@code store} is required, everything else has a default. */
  public static Builder builder() {
    return new Builder();
  }

  // ---- running ------------------------------------------------------------------------------

  /**
   * Runs model code as a new durable run: to its end, or to the first call that needs approval.
   * Never throws for anything the code does; the outcome says what happened. Code the store cannot
   * keep exactly (too large, or text that is not valid Unicode) is refused before a run is created.
   */
  public Outcome execute(String code) {
    Objects.requireNonNull(code, "code");
    Optional<String> refused = refusal(code);
    if (refused.isPresent()) {
      return Outcome.failed("", ErrorCatalog.CODE_REFUSED, refused.get());
    }
    Instant now = now();
    String id = String.format("exec_%016d_%s", now.toEpochMilli(), UUID.randomUUID());
    ExecutionRecord execution = new ExecutionRecord(id, name, code, ExecutionStatus.RUNNING, null, null, List.of(),
        connectorHashes, seeds.nextInt(), now.toEpochMilli(), now, now);
    journal.begin(execution);
    store.prune(name, maxExecutions);
    return new DurablePass(passContext, execution, List.of()).run();
  }

  /** Why the store cannot keep {@code code} exactly, if it cannot. */
  private Optional<String> refusal(String code) {
    long bytes = code.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > store.maxValueBytes()) {
      return Optional.of(String.format("The code is %,d bytes; a durable run keeps at most %,d. Send shorter code.",
          bytes, store.maxValueBytes()));
    }
    int bad = StoredText.firstUnstorable(code, 0);
    if (bad >= 0) {
      int line = 1;
      int lineStart = 0;
      for (int i = 0; i < bad; i++) {
        if (code.charAt(i) == '\n') {
          line++;
          lineStart = i + 1;
        }
      }
      return Optional.of(String.format("The code has the character U+%04X at line %d, column %d, which is not"
          + " valid Unicode text (%s), so a durable run cannot keep it exactly. Write it as an escape in a string"
          + " literal (\"\\u%04x\") instead.", (int) code.charAt(bad), line, bad - lineStart + 1,
          code.charAt(bad) == '\0' ? "a NUL character" : "an unpaired surrogate", (int) code.charAt(bad)));
    }
    return Optional.empty();
  }

  /**
   * Approves the call a paused run waits for, and resumes the run: the code runs again, recorded
   * results are replayed, the approved call runs, and the run goes on to its end or the next
   * approval.
   *
   * @throws RunStateException when the run is unknown ({@code UnknownExecution}), not paused ({@code
   *     NotPaused}: already approved, rejected or ended), or needs connectors this runtime does not
   *     have ({@code MissingConnector}: it stays paused)
   */
  public Outcome approve(String executionId) {
    ExecutionRecord execution = known(executionId);
    List<String> missing = new ArrayList<>();
    for (String connector : execution.connectors().keySet()) {
      if (!connectors.containsKey(connector)) {
        missing.add(connector);
      }
    }
    if (!missing.isEmpty()) {
      throw new RunStateException(executionId, ErrorCatalog.MISSING_CONNECTOR, "Execution \"" + executionId
          + "\" needs connector(s) " + missing + " that this runtime does not have; it stays paused. Approve it"
          + " where they are configured.");
    }
    if (execution.status() != ExecutionStatus.PAUSED || !journal.resume(executionId)) {
      throw notPaused(executionId, "approved");
    }
    return new DurablePass(passContext, execution, store.journal(executionId)).run();
  }

  /**
   * Rejects the call a paused run waits for: the run ends as rejected and the call never runs.
   * Earlier applied calls stay applied (see {@link #rollback}).
   *
   * @return the run's outcome: failed, {@link ErrorCatalog#REJECTED}
   * @throws RunStateException when the run is unknown or not paused
   */
  public Outcome reject(String executionId) {
    known(executionId);
    PendingCall call = outcomes.pending(executionId).orElseThrow(() -> notPaused(executionId, "rejected"));
    return rejectCall(executionId, call.seq());
  }

  /**
   * Rejects call {@code seq} of a paused run, which must be the call it waits for.
   *
   * @throws RunStateException when the run is unknown or not paused, or {@code seq} is not the call
   *     it waits for ({@code NotPending})
   */
  public Outcome reject(String executionId, int seq) {
    known(executionId);
    return rejectCall(executionId, seq);
  }

  /** Rejects call {@code seq} of a run this runtime knows. */
  private Outcome rejectCall(String executionId, int seq) {
    Optional<JournalEntry> entry = store.entry(executionId, seq);
    if (entry.isEmpty() || entry.get().state() != EntryState.PENDING) {
      PendingCall waiting = outcomes.pending(executionId).orElseThrow(() -> notPaused(executionId, "rejected"));
      throw new RunStateException(executionId, ErrorCatalog.NOT_PENDING, "Call #" + seq + " of execution \""
          + executionId + "\" is not the call it waits for; that is call #" + waiting.seq() + " ("
          + waiting.connector() + "." + waiting.tool() + "). Nothing changed.");
    }
    Outcome.Error error = new Outcome.Error(ErrorCatalog.REJECTED, entry.get().connector() + "." + entry.get().tool()
        + " (call #" + seq + ") was rejected by a person; the run ended there.", null, null);
    // A pass starting for an approval at the same moment wins or loses this as one change.
    if (!journal.reject(entry.get(), error)) {
      throw notPaused(executionId, "rejected");
    }
    return outcomes.of(executionId, null);
  }

  /**
   * Undoes the applied calls of a run, newest first, with the connectors' {@code @Revert} methods;
   * goes on past failures and reports each call. The run becomes ROLLED_BACK when anything was
   * undone. Rolling back a run again retries what failed before.
   *
   * @throws RunStateException when the run is unknown, or running ({@code StillRunning}: roll it
   *     back after it pauses or ends)
   */
  public RollbackReport rollback(String executionId) {
    ExecutionRecord execution = known(executionId);
    if (execution.status() == ExecutionStatus.RUNNING) {
      throw new RunStateException(executionId, ErrorCatalog.STILL_RUNNING, "Execution \"" + executionId
          + "\" is running; roll it back after it pauses or ends.");
    }
    List<JournalEntry> applied = new ArrayList<>();
    for (JournalEntry entry : store.journal(executionId)) {
      if (entry.state() == EntryState.APPLIED && !entry.connector().equals(SdkNamespace.NAMESPACE)) {
        applied.add(entry);
      }
    }
    applied.sort((a, b) -> Integer.compare(b.seq(), a.seq()));
    List<String> reverted = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (JournalEntry entry : applied) {
      String call = entry.connector() + "." + entry.tool() + " #" + entry.seq();
      RuntimeConnector connector = connectors.get(entry.connector());
      ToolDescriptor tool = discovery.tool(entry.connector(), entry.tool());
      if (connector == null || tool == null) {
        failed.add(call + ": the connector or tool is not configured on this runtime");
        continue;
      }
      if (!tool.revertible()) {
        skipped.add(call + ": the tool has no @Revert method");
        continue;
      }
      try {
        JsonNode result = entry.result() == null ? NullNode.getInstance() : entry.result();
        connector.revert(entry.tool(), entry.input(), result).toCompletableFuture()
            .get(revertTimeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failed.add(call + ": interrupted while it was reverted");
        break;
      } catch (Exception e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        failed.add(call + ": " + (cause instanceof java.util.concurrent.TimeoutException
            ? "the revert did not finish within " + revertTimeout
            : cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()));
        continue;
      }
      if (journal.revert(entry)) {
        reverted.add(call);
      } else {
        failed.add(call + ": reverted, but its journal entry changed meanwhile, so it is not marked reverted");
      }
    }
    if (!reverted.isEmpty()) {
      ExecutionStatus now = store.execution(executionId).map(ExecutionRecord::status).orElse(execution.status());
      if (now != ExecutionStatus.RUNNING) {
        journal.rolledBack(executionId, now);
      }
    }
    return new RollbackReport(executionId, reverted, failed, skipped);
  }

  /** The calls paused runs of this runtime wait for, newest run first. */
  public List<PendingCall> pending() {
    return outcomes.pending();
  }

  /** The call the paused run {@code executionId} waits for (empty when it is not paused). */
  public List<PendingCall> pending(String executionId) {
    return outcomes.pending(executionId).stream().toList();
  }

  /**
   * Ends runs untouched for longer than {@code maxAge}: paused ones as rejected ("Expired awaiting
   * approval"), running ones as failed (their process died). Meant for a scheduled job.
   *
   * @return the ids of the runs that ended
   */
  public List<String> expirePaused(Duration maxAge) {
    return journal.expire(name, now().minus(maxAge));
  }

  /** Runs of this runtime, newest first. */
  public List<ExecutionRecord> executions(int limit, int offset) {
    return store.executions(name, limit, offset);
  }

  /** One run, if it exists. */
  public Optional<ExecutionRecord> execution(String executionId) {
    return store.execution(executionId).filter(execution -> execution.runtime().equals(name));
  }

  /** Every call of a run, in order: the audit trail. */
  public List<JournalEntry> journal(String executionId) {
    return execution(executionId).isPresent() ? store.journal(executionId) : List.of();
  }

  /** What a run came to, read from the store. */
  public Outcome outcome(String executionId) {
    return outcomes.of(executionId, null);
  }

  private ExecutionRecord known(String executionId) {
    return execution(Objects.requireNonNull(executionId, "executionId")).orElseThrow(() -> new RunStateException(
        executionId, ErrorCatalog.UNKNOWN_EXECUTION, "No execution \"" + executionId + "\" in runtime \"" + name
            + "\". List runs with executions(), paused ones with pending()."));
  }

  private RunStateException notPaused(String executionId, String verb) {
    String status = store.execution(executionId).map(execution -> execution.status().wireName()).orElse("gone");
    return new RunStateException(executionId, ErrorCatalog.NOT_PAUSED, "Execution \"" + executionId
        + "\" is not paused (it is " + status + "); only a paused run can be " + verb + ". Nothing changed.");
  }

  // ---- snippets -----------------------------------------------------------------------------

  /**
   * Saves the code of a past run as a snippet, runnable with {@code codemode.run(name, input)}.
   * The snippet records the signature of every tool the run called; it refuses to run after one
   * of them changed.
   *
   * @throws IllegalArgumentException when the name is not usable
   * @throws RunStateException when the run is unknown
   */
  public Snippet saveSnippet(String snippetName, String executionId, String description) {
    if (snippetName == null || !ToolNames.isIdentifier(snippetName.replace('-', '_'))) {
      throw new IllegalArgumentException("Snippet name \"" + snippetName + "\" is not usable: use letters, digits,"
          + " '_' and '-', starting with a letter (such as weekly_report).");
    }
    ExecutionRecord execution = known(executionId);
    Map<String, String> used = new TreeMap<>();
    for (JournalEntry entry : store.journal(executionId)) {
      ToolDescriptor tool = discovery.tool(entry.connector(), entry.tool());
      if (tool != null) {
        used.put(entry.connector() + "." + entry.tool(), Discovery.toolHash(tool));
      }
    }
    Snippet snippet = new Snippet(name, snippetName, description, execution.code(), used, executionId, now());
    store.saveSnippet(snippet);
    return snippet;
  }

  /** The saved snippets, by name. */
  public List<Snippet> snippets() {
    return store.snippets(name);
  }

  /** Deletes a snippet; false when there was none. */
  public boolean deleteSnippet(String snippetName) {
    return store.deleteSnippet(name, snippetName);
  }

  // ---- discovery ----------------------------------------------------------------------------

  /**
   * Searches the connectors' tools and the saved snippets, best match first: what model code gets
   * from {@code codemode.search(query, {limit})}.
   */
  public SearchResults search(String query, int limit) {
    return discovery.search(query, limit);
  }

  /**
   * Describes a connector, a tool ({@code connector.tool}) or a snippet: what model code gets from
   * {@code codemode.describe(target)}. A name that matches nothing gives kind {@code not_found}
   * with the closest names, not an exception.
   */
  public Description describe(String target) {
    return discovery.describe(target);
  }

  /**
   * The description of the one tool a model gets: the workflow, the rules and one line per
   * connector, with no types ({@link ToolDescription.Mode#DISCOVERY}).
   */
  public String toolDescription() {
    return toolDescription(ToolDescription.Mode.DISCOVERY);
  }

  /** The tool's description; {@link ToolDescription.Mode#FULL_TYPES} adds every declaration. */
  public String toolDescription(ToolDescription.Mode mode) {
    return ToolDescription.write(descriptors, mode);
  }

  /** The input schema of the one tool: an object with the code as a string. */
  public static JsonNode toolInputSchema() {
    return JsonCodec.defaults().parse("{\"type\":\"object\",\"properties\":{\"code\":{\"type\":\"string\","
        + "\"description\":\"JavaScript or TypeScript: one async function, or statements with top-level await\"}},"
        + "\"required\":[\"code\"],\"additionalProperties\":false}");
  }

  /** The declarations of every connector, for a model that gets all types at once. */
  public String typeScript() {
    List<String> blocks = new ArrayList<>();
    new TreeMap<>(connectors).values().forEach(connector -> blocks.add(connector.typeScript().strip()));
    return String.join("\n\n", blocks) + "\n";
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  /** The runtime's name: runs and snippets of other names are not visible to it. */
  public String name() {
    return name;
  }

  /** Closes the executor and the worker threads when the runtime made them, and the store. */
  @Override
  public void close() {
    if (ownsExecutor) {
      executor.close();
    }
    if (ownsWorkers) {
      workers.shutdown();
    }
    store.close();
  }

  /** Configures a {@link CodemodeRuntime}. */
  public static final class Builder {
    private String name = "default";
    private @Nullable Executor executor;
    private @Nullable ExecutionStore store;
    private @Nullable ExecutorService workers;
    private Clock clock = Clock.systemUTC();
    private int maxExecutions = 1000;
    private Duration settleTimeout = Duration.ofSeconds(30);
    private Duration revertTimeout = Duration.ofMinutes(5);
    private final Map<String, RuntimeConnector> connectors = new LinkedHashMap<>();

    private Builder() {}

    /** The runtime's name (letters, digits, {@code _ . -}); runs and snippets are kept per name. */
    public Builder name(String name) {
      if (name == null || !RUNTIME_NAME.matcher(name).matches()) {
        throw new IllegalArgumentException("Runtime name \"" + name + "\" is not usable: use 1 to 100 letters,"
            + " digits, '_', '.' or '-'.");
      }
      this.name = name;
      return this;
    }

    /** The executor passes run on; by default a {@link GraalJsExecutor} the runtime owns. */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /** Where runs, journals and snippets are kept. Required. */
    public Builder store(ExecutionStore store) {
      this.store = Objects.requireNonNull(store, "store");
      return this;
    }

    /**
     * The threads connector tools and journal writes run on; by default virtual threads (JDK 21+)
     * or a cached pool (JDK 17) that the runtime owns. The caller keeps ownership of one it passes.
     */
    public Builder workers(ExecutorService workers) {
      this.workers = Objects.requireNonNull(workers, "workers");
      return this;
    }

    /** The clock for run times and expiry; the system's by default. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** How many finished runs are kept (1,000 by default); older ones are deleted. */
    public Builder maxExecutions(int maxExecutions) {
      if (maxExecutions < 1) {
        throw new IllegalArgumentException("maxExecutions must be at least 1, got " + maxExecutions);
      }
      this.maxExecutions = maxExecutions;
      return this;
    }

    /**
     * How long a pause waits for the calls under way to record their results, and a pass's end for
     * the calls the code left running (30 s by default). A call still running after that is left
     * EXECUTING in the journal, and the next pass treats it like one whose process died.
     */
    public Builder settleTimeout(Duration settleTimeout) {
      this.settleTimeout = positive(settleTimeout, "settleTimeout");
      return this;
    }

    /** How long a rollback waits for one {@code @Revert} method (5 minutes by default). */
    public Builder revertTimeout(Duration revertTimeout) {
      this.revertTimeout = positive(revertTimeout, "revertTimeout");
      return this;
    }

    private static Duration positive(Duration duration, String what) {
      Objects.requireNonNull(duration, what);
      if (duration.isNegative() || duration.isZero()) {
        throw new IllegalArgumentException(what + " must be longer than zero, got " + duration);
      }
      return duration;
    }

    /** A connector from a generated definition, on an instance of the application's (DI containers). */
    public <T> Builder connector(ConnectorDefinition<T> definition, T instance) {
      return connector(RuntimeConnector.of(definition, instance));
    }

    /** Tools built at run time (an MCP server's); their calls cannot be rolled back. */
    public Builder connector(ToolProvider provider) {
      return connector(RuntimeConnector.of(provider));
    }

    /** A connector. */
    public Builder connector(RuntimeConnector connector) {
      String connectorName = connector.name();
      if (connectorName.equals(SdkNamespace.NAMESPACE)) {
        throw new IllegalArgumentException("The connector name \"codemode\" is reserved for the runtime's own SDK;"
            + " rename the connector (" + connector + ").");
      }
      RuntimeConnector before = connectors.putIfAbsent(connectorName, connector);
      if (before != null) {
        throw new IllegalArgumentException("Two connectors are named \"" + connectorName + "\" (" + before + " and "
            + connector + "); each needs its own namespace. Rename one with @Connector(name = ...).");
      }
      return this;
    }

    /**
     * Adds every connector registered for {@link ServiceLoader} on {@code classLoader} that has a
     * public no-arg constructor and is not added already; the others need {@link #connector(
     * ConnectorDefinition, Object)} with an instance.
     *
     * @return the names of the connectors that were skipped because they need an instance
     */
    public List<String> discoverConnectors(ClassLoader classLoader) {
      List<String> needInstances = new ArrayList<>();
      @SuppressWarnings("rawtypes")
      ServiceLoader<ConnectorDefinition> loader = ServiceLoader.load(ConnectorDefinition.class, classLoader);
      for (ConnectorDefinition<?> definition : loader) {
        if (connectors.containsKey(definition.descriptor().name())) {
          continue;
        }
        if (!addWithNewInstance(definition)) {
          needInstances.add(definition.descriptor().name());
        }
      }
      return needInstances;
    }

    private <T> boolean addWithNewInstance(ConnectorDefinition<T> definition) {
      Optional<T> instance = definition.newInstance();
      instance.ifPresent(value -> connector(definition, value));
      return instance.isPresent();
    }

    /** The runtime. */
    public CodemodeRuntime build() {
      return new CodemodeRuntime(this);
    }
  }
}
