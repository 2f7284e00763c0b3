package dev.codemode.runtime;

import dev.codemode.sandbox.Executor;
import dev.codemode.sandbox.GraalJsExecutor;
import dev.codemode.sandbox.SandboxSetup;
import dev.codemode.sandbox.ToolProvider;


import dev.codemode.core.ConnectorDefinition;
import dev.codemode.core.ConnectorDescriptor;
import dev.codemode.core.DescriptorJson;
import dev.codemode.core.JsonCodec;
import dev.codemode.core.ToolDescriptor;
import dev.codemode.core.ToolNames;
import dev.codemode.runtime.discovery.Describer;
import dev.codemode.runtime.discovery.Description;
import dev.codemode.runtime.discovery.SearchIndex;
import dev.codemode.runtime.discovery.SearchResults;
import dev.codemode.runtime.discovery.ToolDescription;
import dev.codemode.runtime.store.EntryState;
import dev.codemode.runtime.store.ExecutionRecord;
import dev.codemode.runtime.store.ExecutionStatus;
import dev.codemode.runtime.store.ExecutionStore;
import dev.codemode.runtime.store.JournalEntry;
import dev.codemode.runtime.store.Snippet;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

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
 * <p>Inside the sandbox, the {@code codemode} namespace offers {@code step(name, fn)} (work that
 * must not change between passes, run once and replayed), {@code now()} (the host's time, recorded),
 * {@code run(snippet, input)}; {@code Math.random()} and {@code Date.now()} are recorded per run.
 *
 * <p>Thread-safe; one instance per application.
 */
public final class CodemodeRuntime implements AutoCloseable {

  /** The sandbox namespace of the runtime's own SDK. */
  static final String SDK_NAMESPACE = "codemode";
  private static final Pattern RUNTIME_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,100}");
  private static final String SDK_SCRIPT = resource("codemode-sdk.js");

  private final String name;
  private final Executor executor;
  private final boolean ownsExecutor;
  private final ExecutionStore store;
  private final Clock clock;
  private final int maxExecutions;
  private final Map<String, RuntimeConnector> connectors;
  private final Map<String, Map<String, ToolDescriptor>> tools;
  private final Map<String, String> connectorHashes;
  /** The connectors' descriptors by name, for discovery and the tool description. */
  private final List<ConnectorDescriptor> descriptors;
  private final ConnectorDescriptor sdkDescriptor;
  private final SecureRandom seeds = new SecureRandom();
  private volatile Discovery discovery;

  private CodemodeRuntime(Builder builder) {
    this.name = builder.name;
    this.executor = builder.executor != null ? builder.executor : GraalJsExecutor.create();
    this.ownsExecutor = builder.executor == null;
    this.store = Objects.requireNonNull(builder.store, "store: pass an ExecutionStore (JdbcExecutionStore.open(...))");
    this.clock = builder.clock;
    this.maxExecutions = builder.maxExecutions;
    this.connectors = Map.copyOf(builder.connectors);
    Map<String, Map<String, ToolDescriptor>> index = new TreeMap<>();
    Map<String, String> hashes = new TreeMap<>();
    for (RuntimeConnector connector : builder.connectors.values()) {
      Map<String, ToolDescriptor> byName = new LinkedHashMap<>();
      connector.descriptor().tools().forEach(tool -> byName.put(tool.name(), tool));
      index.put(connector.name(), Map.copyOf(byName));
      hashes.put(connector.name(), CanonicalJson.hash(CanonicalJson.of(DescriptorJson.toJson(connector.descriptor()))));
    }
    this.tools = Map.copyOf(index);
    this.connectorHashes = Map.copyOf(hashes);
    this.descriptors = new TreeMap<>(connectors).values().stream().map(RuntimeConnector::descriptor).toList();
    this.sdkDescriptor = sdkDescriptor();
  }

  /** A builder; {@code store} is required, everything else has a default. */
  public static Builder builder() {
    return new Builder();
  }

  // ---- running ------------------------------------------------------------------------------

  /**
   * Runs model code as a new durable run: to its end, or to the first call that needs approval.
   * Never throws for anything the code does; the outcome says what happened.
   */
  public Outcome execute(String code) {
    Objects.requireNonNull(code, "code");
    long bytes = code.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > store.maxValueBytes()) {
      return Outcome.failed("", "CodeSizeError", String.format(
          "The code is %,d bytes; a durable run keeps at most %,d. Send shorter code.", bytes, store.maxValueBytes()));
    }
    Instant now = now();
    String id = String.format("exec_%016d_%s", now.toEpochMilli(), UUID.randomUUID());
    ExecutionRecord execution = new ExecutionRecord(id, name, code, ExecutionStatus.RUNNING, null, null, List.of(),
        connectorHashes, seeds.nextInt(), now.toEpochMilli(), now, now);
    store.createExecution(execution);
    store.prune(name, maxExecutions);
    return new DurablePass(this, execution, List.of()).run();
  }

  /**
   * Approves the call a paused run waits for, and resumes the run: the code runs again, recorded
   * results are replayed, the approved call runs, and the run goes on to its end or the next
   * approval. A run that is not paused is left alone (a safe no-op for racing approvers).
   */
  public Outcome approve(String executionId) {
    Optional<ExecutionRecord> found = store.execution(executionId);
    if (found.isEmpty() || !found.get().runtime().equals(name)) {
      return Outcome.failed(executionId, "UnknownExecution", "No execution \"" + executionId + "\" to approve in runtime \""
          + name + "\". List paused runs with pending().");
    }
    ExecutionRecord execution = found.get();
    List<String> missing = new ArrayList<>();
    for (String connector : execution.connectors().keySet()) {
      if (!connectors.containsKey(connector)) {
        missing.add(connector);
      }
    }
    if (!missing.isEmpty()) {
      return Outcome.failed(executionId, "MissingConnector", "Execution \"" + executionId + "\" needs connector(s) "
          + missing + " that this runtime does not have; it stays paused. Approve it where they are configured.");
    }
    if (!store.transition(executionId, EnumSet.of(ExecutionStatus.PAUSED), ExecutionStatus.RUNNING)) {
      ExecutionStatus status = store.execution(executionId).map(ExecutionRecord::status).orElse(null);
      return Outcome.failed(executionId, "NotPaused", "Execution \"" + executionId + "\" is not paused (it is "
          + (status == null ? "gone" : status.wireName()) + "); only a paused run can be approved.");
    }
    return new DurablePass(this, execution, store.journal(executionId)).run();
  }

  /**
   * Rejects the pending call {@code seq} of a paused run; the run ends as rejected and the call
   * never runs. Earlier applied calls stay applied (see {@link #rollback}).
   *
   * @return false, changing nothing, when that call is not pending (already approved, or stale)
   */
  public boolean reject(String executionId, int seq) {
    Optional<JournalEntry> entry = store.entry(executionId, seq);
    if (entry.isEmpty() || entry.get().state() != EntryState.PENDING) {
      return false;
    }
    if (!store.update(executionId, seq, EntryState.PENDING, EntryState.REVERTED, null, "rejected by a person")) {
      return false;
    }
    ObjectNode error = new Outcome.Error("Rejected", entry.get().connector() + "." + entry.get().tool()
        + " (call #" + seq + ") was rejected by a person; the run ended there.", null, null).toJson();
    // A pass that was starting for an approval at the same moment sees the entry reverted and ends the run.
    store.finish(executionId, ExecutionStatus.PAUSED, ExecutionStatus.REJECTED, null, error,
        store.execution(executionId).map(ExecutionRecord::logs).orElse(List.of()));
    return true;
  }

  /** Rejects whatever call the paused run waits for; false when it waits for none. */
  public boolean reject(String executionId) {
    return pending(executionId).stream().findFirst().map(call -> reject(executionId, call.seq())).orElse(false);
  }

  /**
   * Undoes the applied calls of a run, newest first, with the connectors' {@code @Revert}
   * methods; goes on past failures and reports each call. The run becomes ROLLED_BACK when
   * anything was undone. A running run is refused: roll back after it paused or ended.
   */
  public RollbackReport rollback(String executionId) {
    Optional<ExecutionRecord> execution = store.execution(executionId);
    if (execution.isEmpty()) {
      throw new IllegalArgumentException("No execution \"" + executionId + "\" to roll back.");
    }
    if (execution.get().status() == ExecutionStatus.RUNNING) {
      throw new IllegalStateException("Execution \"" + executionId + "\" is running; roll it back after it pauses or ends.");
    }
    List<JournalEntry> applied = new ArrayList<>();
    for (JournalEntry entry : store.journal(executionId)) {
      if (entry.state() == EntryState.APPLIED && !entry.connector().equals(SDK_NAMESPACE)) {
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
      ToolDescriptor tool = tool(entry.connector(), entry.tool());
      if (connector == null || tool == null) {
        failed.add(call + ": the connector or tool is not configured on this runtime");
        continue;
      }
      if (!tool.revertible()) {
        skipped.add(call + ": the tool has no @Revert method");
        continue;
      }
      try {
        connector.revert(entry.tool(), entry.input(), entry.result()).toCompletableFuture().get(5, TimeUnit.MINUTES);
        store.update(executionId, entry.seq(), EntryState.APPLIED, EntryState.REVERTED, entry.result(), null);
        reverted.add(call);
      } catch (Exception e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        failed.add(call + ": " + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()));
      }
    }
    if (!reverted.isEmpty()) {
      store.transition(executionId, EnumSet.complementOf(EnumSet.of(ExecutionStatus.RUNNING, ExecutionStatus.ROLLED_BACK)),
          ExecutionStatus.ROLLED_BACK);
    }
    return new RollbackReport(executionId, reverted, failed, skipped);
  }

  /** The calls paused runs of this runtime wait for, newest run first. */
  public List<PendingCall> pending() {
    List<PendingCall> calls = new ArrayList<>();
    for (JournalEntry entry : store.pending(name)) {
      calls.add(new PendingCall(entry.executionId(), entry.seq(), entry.connector(), entry.tool(), entry.input()));
    }
    return calls;
  }

  /** The call the paused run {@code executionId} waits for (empty when it is not paused). */
  public List<PendingCall> pending(String executionId) {
    return pending().stream().filter(call -> call.executionId().equals(executionId)).toList();
  }

  /**
   * Ends runs untouched for longer than {@code maxAge}: paused ones as rejected ("Expired awaiting
   * approval"), running ones as failed (their process died). Meant for a scheduled job.
   *
   * @return the ids of the runs that ended
   */
  public List<String> expirePaused(Duration maxAge) {
    return store.expire(name, now().minus(maxAge));
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
    return store.journal(executionId);
  }

  /** What a run came to, read from the store. */
  public Outcome outcome(String executionId) {
    return outcomeOf(executionId, null);
  }

  // ---- snippets -----------------------------------------------------------------------------

  /**
   * Saves the code of a past run as a snippet, runnable with {@code codemode.run(name, input)}.
   * The snippet records the signature of every tool the run called; it refuses to run after one
   * of them changed.
   */
  public Snippet saveSnippet(String snippetName, String executionId, String description) {
    if (snippetName == null || !ToolNames.isIdentifier(snippetName.replace('-', '_'))) {
      throw new IllegalArgumentException("Snippet name \"" + snippetName + "\" is not usable: use letters, digits,"
          + " '_' and '-', starting with a letter (such as weekly_report).");
    }
    ExecutionRecord execution = execution(executionId).orElseThrow(() -> new IllegalArgumentException(
        "No execution \"" + executionId + "\" in runtime \"" + name + "\" to save as a snippet."));
    Map<String, String> used = new TreeMap<>();
    for (JournalEntry entry : store.journal(executionId)) {
      ToolDescriptor tool = tool(entry.connector(), entry.tool());
      if (tool != null) {
        used.put(entry.connector() + "." + entry.tool(), toolHash(tool));
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
    return discovery().index().search(query, limit);
  }

  /**
   * Describes a connector, a tool ({@code connector.tool}) or a snippet: what model code gets from
   * {@code codemode.describe(target)}. A name that matches nothing gives kind {@code not_found}
   * with the closest names, not an exception.
   */
  public Description describe(String target) {
    return discovery().describer().describe(target);
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
    connectors.values().forEach(connector -> blocks.add(connector.typeScript().strip()));
    return String.join("\n\n", blocks) + "\n";
  }


  private record Discovery(List<Snippet> snippets, SearchIndex index, Describer describer) {}

  /** The search index and describer over the connectors and the snippets saved now. */
  private Discovery discovery() {
    List<Snippet> saved = store.snippets(name);
    Discovery current = discovery;
    if (current == null || !current.snippets().equals(saved)) {
      current = new Discovery(saved, new SearchIndex(descriptors, saved), new Describer(descriptors, saved));
      discovery = current;
    }
    return current;
  }

  private JsonNode searchJson(String query, int limit) {
    return JsonCodec.defaults().encode(search(query, limit));
  }

  // ---- for passes ---------------------------------------------------------------------------

  ExecutionStore store() {
    return store;
  }

  Executor executor() {
    return executor;
  }

  Map<String, RuntimeConnector> connectors() {
    return connectors;
  }

  Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  ToolDescriptor tool(String connector, String toolName) {
    Map<String, ToolDescriptor> byName = tools.get(connector);
    return byName == null ? null : byName.get(toolName);
  }

  private static String toolHash(ToolDescriptor tool) {
    return CanonicalJson.hash(CanonicalJson.of(tool.inputSchema()) + "|" + CanonicalJson.of(tool.outputSchema())
        + "|" + tool.requiresApproval());
  }

  /** What the run stands at, from the store (the source of truth), with this pass's logs. */
  Outcome outcomeOf(String executionId, List<String> passLogs) {
    Optional<ExecutionRecord> found = store.execution(executionId);
    if (found.isEmpty()) {
      return Outcome.failed(executionId, "UnknownExecution", "No execution \"" + executionId + "\".");
    }
    ExecutionRecord execution = found.get();
    List<String> logs = passLogs != null ? passLogs : execution.logs();
    return switch (execution.status()) {
      case COMPLETED -> Outcome.completed(executionId, execution.result(), logs);
      case PAUSED -> {
        List<PendingCall> calls = pending(executionId);
        yield calls.isEmpty()
            ? Outcome.failed(executionId, new Outcome.Error("InternalError", "The run is paused without a pending call.", null, null), logs)
            : Outcome.paused(executionId, calls.get(0), logs);
      }
      case RUNNING -> Outcome.failed(executionId,
          new Outcome.Error("StillRunning", "The run is still running in another pass.", null, null), logs);
      default -> Outcome.failed(executionId, execution.error() != null
          ? Outcome.Error.fromJson(execution.error())
          : new Outcome.Error(execution.status() == ExecutionStatus.ROLLED_BACK ? "RolledBack" : "Error",
              "The run ended as " + execution.status().wireName() + ".", null, null), logs);
    };
  }

  /** The {@code codemode} namespace for one pass. */
  ToolProvider sdk(DurablePass pass, ExecutionRecord execution) {
    ObjectNode config = JsonCodec.defaults().nodes().objectNode();
    config.put("seed", execution.seed());
    config.put("clock", execution.clock());
    SandboxSetup setup = new SandboxSetup(SDK_SCRIPT, config);
    ConnectorDescriptor descriptor = sdkDescriptor;
    return new ToolProvider() {
      @Override
      public ConnectorDescriptor descriptor() {
        return descriptor;
      }

      @Override
      public String name() {
        return SDK_NAMESPACE;
      }

      @Override
      public Optional<SandboxSetup> sandboxSetup() {
        return Optional.of(setup);
      }

      @Override
      public CompletionStage<JsonNode> call(String tool, JsonNode input) {
        try {
          return CompletableFuture.completedFuture(switch (tool) {
            case "now" -> pass.counted(pass::now);
            case "_step_begin" -> pass.counted(() -> pass.stepBegin(input));
            case "_step_end" -> pass.counted(() -> pass.stepEnd(input));
            case "_snippet" -> snippetCode(input.path("name").asString(""));
            case "_search" -> searchJson(input.path("query").asString(""),
                input.path("limit").asInt(SearchIndex.DEFAULT_LIMIT));
            case "_describe" -> JsonCodec.defaults().encode(describe(input.path("target").asString("")));
            default -> throw new dev.codemode.core.NoSuchToolException(SDK_NAMESPACE, tool, descriptor.toolNames());
          });
        } catch (RuntimeException e) {
          return CompletableFuture.failedFuture(e);
        }
      }
    };
  }

  private JsonNode snippetCode(String snippetName) {
    Snippet snippet = store.snippet(name, snippetName).orElseThrow(() -> new IllegalArgumentException(
        "There is no snippet named \"" + snippetName + "\". Saved snippets: "
            + snippets().stream().map(Snippet::name).toList() + "; codemode.search finds them too."));
    List<String> changed = new ArrayList<>();
    snippet.connectors().forEach((qualified, hash) -> {
      int dot = qualified.indexOf('.');
      ToolDescriptor tool = dot < 0 ? null : tool(qualified.substring(0, dot), qualified.substring(dot + 1));
      if (tool == null || !toolHash(tool).equals(hash)) {
        changed.add(qualified + (tool == null ? " (gone)" : " (its types changed)"));
      }
    });
    if (!changed.isEmpty()) {
      throw new IllegalStateException("The snippet \"" + snippetName + "\" was written against tools that changed"
          + " since it was saved: " + String.join(", ", changed) + ". It does not run against them; write the"
          + " code again for the current tools, and save it as the snippet anew.");
    }
    String function = executor.normalize(snippet.code()).code();
    if (function.startsWith("async () =>")) {
      // statements: make the input available to them as `input`
      function = "async (input) =>" + function.substring("async () =>".length());
    }
    return JsonCodec.defaults().nodes().objectNode().put("code", function);
  }

  private static ConnectorDescriptor sdkDescriptor() {
    JsonNode anyObject = JsonCodec.defaults().parse("{\"type\":\"object\"}");
    // A connector may not be named "codemode" (it is the SDK's global), so the descriptor has
    // another name and the provider answers name() with the namespace.
    return new ConnectorDescriptor("codemode_sdk", "The Code Mode SDK.", List.of(
        ToolDescriptor.of("now", "The host's current time in epoch milliseconds, recorded once per run and replayed.",
            anyObject, JsonCodec.defaults().parse("{\"type\":\"integer\"}")),
        ToolDescriptor.of("_step_begin", "Internal: starts codemode.step.", anyObject, anyObject),
        ToolDescriptor.of("_step_end", "Internal: records a step's value.", anyObject, anyObject),
        ToolDescriptor.of("_snippet", "Internal: the code of a saved snippet.", anyObject, anyObject),
        ToolDescriptor.of("_search", "Internal: codemode.search.", anyObject, anyObject),
        ToolDescriptor.of("_describe", "Internal: codemode.describe.", anyObject, anyObject)));
  }

  private static String resource(String resourceName) {
    try (InputStream in = CodemodeRuntime.class.getResourceAsStream(resourceName)) {
      if (in == null) {
        throw new IllegalStateException("codemode-runtime is missing its resource " + resourceName);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + resourceName, e);
    }
  }

  /** The runtime's name: runs and snippets of other names are not visible to it. */
  public String name() {
    return name;
  }

  /** Closes the executor when the runtime made it, and the store. */
  @Override
  public void close() {
    if (ownsExecutor) {
      executor.close();
    }
    store.close();
  }

  /** Configures a {@link CodemodeRuntime}. */
  public static final class Builder {
    private String name = "default";
    private Executor executor;
    private ExecutionStore store;
    private Clock clock = Clock.systemUTC();
    private int maxExecutions = 1000;
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
      if (connectorName.equals(SDK_NAMESPACE)) {
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
