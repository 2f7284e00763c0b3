package dev.codemode.sandbox;

import dev.codemode.core.ConnectorDescriptor;
import dev.codemode.core.DescriptorJson;
import dev.codemode.core.JsonCodec;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.ObjectNode;
import org.jspecify.annotations.Nullable;

/**
 * The messages between a host and its worker processes ({@link WorkerPool}, {@link WorkerMain}),
 * over the worker's standard input and output.
 *
 * <p>Each message is one frame: a 4-byte big-endian length, then that many bytes of UTF-8 JSON,
 * an object whose {@code type} says what it is. Host to worker: {@code configure} (first, once),
 * {@code execute}, {@code reply} (a tool call's answer), {@code shutdown}. Worker to host: {@code
 * ready}, {@code call} (a tool call of the code), {@code outcome}. The host reads frames of at most
 * {@link #MAX_WORKER_FRAME} bytes, so a worker that misbehaves cannot make it allocate without
 * bound.
 */
final class WorkerProtocol {

  /** The largest frame a host accepts from a worker: results and logs are bounded far below it. */
  static final int MAX_WORKER_FRAME = 64 << 20;

  static final String CONFIGURE = "configure";
  static final String READY = "ready";
  static final String EXECUTE = "execute";
  static final String CALL = "call";
  static final String REPLY = "reply";
  static final String OUTCOME = "outcome";
  static final String SHUTDOWN = "shutdown";

  /** How a tool call failed, as the worker rebuilds it for the code. */
  enum Failure {
    /** A failure worded in the host as model code sees it: an error name and a message. */
    WORDED,
    /** The call was cancelled. */
    CANCELLED,
    /** The tool ended the whole execution ({@link AbortExecutionException}). */
    ABORT
  }

  private static final JsonNodeFactory NODES = JsonCodec.defaults().nodes();

  private WorkerProtocol() {}

  // ---- frames -----------------------------------------------------------------------------------

  static void write(DataOutputStream out, JsonNode message) throws IOException {
    byte[] bytes = JsonCodec.defaults().mapper().writeValueAsBytes(message);
    synchronized (out) {
      out.writeInt(bytes.length);
      out.write(bytes);
      out.flush();
    }
  }

  /**
   * The next message, or null at the end of the stream.
   *
   * @throws IOException when the stream breaks or a frame is larger than {@code maxBytes}
   */
  static @Nullable JsonNode read(DataInputStream in, int maxBytes) throws IOException {
    int length;
    try {
      length = in.readInt();
    } catch (EOFException e) {
      return null;
    }
    if (length < 0 || length > maxBytes) {
      throw new IOException("a frame of " + length + " bytes is outside 0.." + maxBytes);
    }
    byte[] bytes = new byte[length];
    in.readFully(bytes);
    return JsonCodec.defaults().mapper().readTree(bytes);
  }

  static ObjectNode message(String type) {
    return NODES.objectNode().put("type", type);
  }

  // ---- limits -----------------------------------------------------------------------------------

  static ObjectNode configure(ExecutionLimits limits, boolean validateInputs) {
    ObjectNode message = message(CONFIGURE);
    message.put("timeoutMillis", limits.timeout().toMillis());
    if (limits.cpuTime() != null) {
      message.put("cpuTimeMillis", limits.cpuTime().toMillis());
    }
    message.put("maxStatements", limits.maxStatements());
    message.put("maxToolCalls", limits.maxToolCalls());
    message.put("maxAllocatedBytes", limits.maxAllocatedBytes());
    message.put("maxResultBytes", limits.maxResultBytes());
    message.put("maxLogBytes", limits.maxLogBytes());
    message.put("maxCodeBytes", limits.maxCodeBytes());
    message.put("maxStackFrames", limits.maxStackFrames());
    message.put("validateInputs", validateInputs);
    return message;
  }

  static ExecutionLimits limits(JsonNode configure) {
    ExecutionLimits.Builder limits = ExecutionLimits.builder()
        .timeout(Duration.ofMillis(configure.get("timeoutMillis").asLong()))
        .maxStatements(configure.get("maxStatements").asLong())
        .maxToolCalls(configure.get("maxToolCalls").asInt())
        .maxAllocatedBytes(configure.get("maxAllocatedBytes").asLong())
        .maxResultBytes(configure.get("maxResultBytes").asInt())
        .maxLogBytes(configure.get("maxLogBytes").asInt())
        .maxCodeBytes(configure.get("maxCodeBytes").asInt())
        .maxStackFrames(configure.get("maxStackFrames").asInt());
    if (configure.has("cpuTimeMillis")) {
      limits.cpuTime(Duration.ofMillis(configure.get("cpuTimeMillis").asLong()));
    }
    return limits.build();
  }

  // ---- providers --------------------------------------------------------------------------------

  static ObjectNode provider(ToolProvider provider) {
    ObjectNode json = NODES.objectNode();
    json.put("name", provider.name());
    json.set("descriptor", DescriptorJson.toJson(provider.descriptor()));
    provider.sandboxSetup().ifPresent(setup -> {
      ObjectNode node = json.putObject("setup");
      node.put("script", setup.script());
      node.set("config", setup.config());
      setup.hostFunctions().forEach(node.putArray("hostFunctions")::add);
      setup.members().forEach(node.putArray("members")::add);
    });
    return json;
  }

  static ConnectorDescriptor descriptor(JsonNode provider) {
    return DescriptorJson.read(provider.get("descriptor"), "the host");
  }

  static @Nullable SandboxSetup setup(JsonNode provider) {
    JsonNode setup = provider.get("setup");
    if (setup == null) {
      return null;
    }
    return new SandboxSetup(setup.get("script").asString(), setup.get("config"),
        strings(setup.get("hostFunctions")), strings(setup.get("members")));
  }

  private static List<String> strings(@Nullable JsonNode array) {
    List<String> strings = new ArrayList<>();
    if (array != null) {
      array.forEach(item -> strings.add(item.asString()));
    }
    return strings;
  }

  // ---- values -----------------------------------------------------------------------------------

  /** Puts {@code value} under {@code field}, or nothing for {@code undefined} (a missing node). */
  static void putValue(ObjectNode message, String field, JsonNode value) {
    if (!value.isMissingNode()) {
      message.set(field, value);
    }
  }

  /** The value under {@code field}: a missing node when it is absent ({@code undefined}). */
  static JsonNode value(JsonNode message, String field) {
    JsonNode value = message.get(field);
    return value == null ? MissingNode.getInstance() : value;
  }

  // ---- outcomes ---------------------------------------------------------------------------------

  static ObjectNode outcome(long id, ExecuteResult result, @Nullable String retire) {
    ObjectNode message = message(OUTCOME).put("id", id);
    putValue(message, "result", result.result());
    ExecutionError error = result.error();
    if (error != null) {
      message.set("error", error(error));
    }
    result.logs().forEach(message.putArray("logs")::add);
    message.put("toolCalls", result.stats().toolCalls());
    message.put("allocatedBytes", result.stats().allocatedBytes());
    if (retire != null) {
      message.put("retire", retire);
    }
    return message;
  }

  static ObjectNode error(ExecutionError error) {
    ObjectNode json = NODES.objectNode();
    json.put("kind", error.kind().name());
    json.put("name", error.name());
    json.put("message", error.message());
    if (error.line() != null) {
      json.put("line", error.line().intValue());
    }
    if (error.column() != null) {
      json.put("column", error.column().intValue());
    }
    if (error.tool() != null) {
      json.put("tool", error.tool());
    }
    if (error.excerpt() != null) {
      json.put("excerpt", error.excerpt());
    }
    return json;
  }

  static ExecutionError error(JsonNode json) {
    return new ExecutionError(
        ExecutionError.Kind.valueOf(json.get("kind").asString()),
        json.get("name").asString(),
        json.get("message").asString(),
        json.has("line") ? json.get("line").asInt() : null,
        json.has("column") ? json.get("column").asInt() : null,
        json.has("tool") ? json.get("tool").asString() : null,
        json.has("excerpt") ? json.get("excerpt").asString() : null);
  }

  /** A failed outcome with no logs and no calls: what the host says when the worker could not. */
  static ExecuteResult failed(ExecutionError error, Duration wallTime) {
    return new ExecuteResult(MissingNode.getInstance(), error, List.of(), new ExecuteResult.Stats(wallTime, 0, 0));
  }

  /** The outcome a worker sent, with the wall time the host measured. */
  static ExecuteResult result(JsonNode outcome, Duration wallTime) {
    JsonNode error = outcome.get("error");
    List<String> logs = strings(outcome.get("logs"));
    ExecuteResult.Stats stats = new ExecuteResult.Stats(
        wallTime, outcome.path("toolCalls").asInt(0), outcome.path("allocatedBytes").asLong(0));
    if (error != null) {
      return new ExecuteResult(MissingNode.getInstance(), error(error), logs, stats);
    }
    return new ExecuteResult(value(outcome, "result"), null, logs, stats);
  }
}
