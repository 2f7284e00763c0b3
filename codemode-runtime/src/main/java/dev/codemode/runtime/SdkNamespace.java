package dev.codemode.runtime;

import dev.codemode.core.ConnectorDescriptor;
import dev.codemode.core.JsonCodec;
import dev.codemode.core.NoSuchToolException;
import dev.codemode.core.ToolDescriptor;
import dev.codemode.runtime.discovery.SearchIndex;
import dev.codemode.sandbox.OrderedToolProvider;
import dev.codemode.sandbox.SandboxSetup;
import dev.codemode.sandbox.ToolReply;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code codemode} namespace of one pass: {@code now()} as its one tool, and {@code step},
 * {@code run}, {@code search} and {@code describe} written in JavaScript ({@code codemode-sdk.js})
 * on top of host functions that only that script can call.
 */
final class SdkNamespace implements OrderedToolProvider {

  /** The sandbox global of the runtime's SDK. */
  static final String NAMESPACE = "codemode";
  /** The members model code sees on {@code codemode}, and nothing else. */
  static final List<String> MEMBERS = List.of("search", "describe", "step", "run", "now");

  private static final String SCRIPT = resource("codemode-sdk.js");
  /**
   * The descriptor has another name: a connector may not be named {@code codemode} (it is the SDK's
   * global), and {@link #name()} answers with the namespace.
   */
  static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor("codemode_sdk", "The Code Mode SDK.",
      List.of(ToolDescriptor.of("now", "The host's current time in epoch milliseconds, recorded once per run and"
          + " replayed.", JsonCodec.defaults().parse("{\"type\":\"object\",\"additionalProperties\":false}"),
          JsonCodec.defaults().parse("{\"type\":\"integer\"}"))));

  /** What codemode-sdk.js calls on the host, by the names it calls them. */
  enum HostFunction {
    /** {@code {name}}: a step's recorded outcome on replay, else the seq to record it under. */
    STEP_BEGIN("stepBegin"),
    /** {@code {seq, value, undefined}} or {@code {seq, error: {name, message}}}: a step's outcome. */
    STEP_END("stepEnd"),
    /** {@code {name}}: a saved snippet's code as a function expression. */
    SNIPPET("snippet"),
    /** {@code {query, limit}}: {@code codemode.search}. */
    SEARCH("search"),
    /** {@code {target}}: {@code codemode.describe}. */
    DESCRIBE("describe");

    /** The name codemode-sdk.js calls it by. */
    final String scriptName;

    HostFunction(String scriptName) {
      this.scriptName = scriptName;
    }

    static List<String> scriptNames() {
      return Arrays.stream(values()).map(function -> function.scriptName).toList();
    }

    static Optional<HostFunction> named(String scriptName) {
      return Arrays.stream(values()).filter(function -> function.scriptName.equals(scriptName)).findFirst();
    }
  }

  private final DurablePass pass;
  private final Discovery discovery;
  private final SandboxSetup setup;

  SdkNamespace(DurablePass pass, Discovery discovery, long seed, long clock) {
    this.pass = pass;
    this.discovery = discovery;
    ObjectNode config = JsonCodec.defaults().nodes().objectNode();
    config.put("seed", seed);
    config.put("clock", clock);
    this.setup = new SandboxSetup(SCRIPT, config, HostFunction.scriptNames(), MEMBERS);
  }

  @Override
  public ConnectorDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public String name() {
    return NAMESPACE;
  }

  @Override
  public Optional<SandboxSetup> sandboxSetup() {
    return Optional.of(setup);
  }

  @Override
  public JsonNode start(String tool, JsonNode input, ToolReply reply) {
    if (tool.equals("now")) {
      return pass.now();
    }
    HostFunction function = HostFunction.named(tool)
        .orElseThrow(() -> new NoSuchToolException(NAMESPACE, tool, MEMBERS));
    return switch (function) {
      case STEP_BEGIN -> pass.stepBegin(input.path("name").asString(""));
      case STEP_END -> pass.stepEnd(input);
      case SNIPPET -> discovery.snippetCode(input.path("name").asString(""));
      case SEARCH -> JsonCodec.defaults().encode(discovery.search(input.path("query").asString(""),
          input.path("limit").asInt(SearchIndex.DEFAULT_LIMIT)));
      case DESCRIBE -> JsonCodec.defaults().encode(discovery.describe(input.path("target").asString("")));
    };
  }

  private static String resource(String name) {
    try (InputStream in = SdkNamespace.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("codemode-runtime is missing its resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + name, e);
    }
  }
}
