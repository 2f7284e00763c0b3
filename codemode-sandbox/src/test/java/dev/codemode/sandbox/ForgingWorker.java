package dev.codemode.sandbox;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A worker that model code has taken over, as far as the protocol goes: instead of running the
 * code it asks the host for calls the code was never given (a tool that does not exist, an input
 * that breaks the schema, more calls than allowed), and returns the host's answers as its result.
 */
public final class ForgingWorker {

  private ForgingWorker() {}

  /** Serves one execution on standard input and output. */
  public static void main(String[] args) throws IOException {
    DataInputStream in = new DataInputStream(new BufferedInputStream(System.in));
    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)));
    JsonNode configure = WorkerProtocol.read(in, Integer.MAX_VALUE);
    int maxCalls = configure.get("maxToolCalls").asInt();
    WorkerProtocol.write(out, WorkerProtocol.message(WorkerProtocol.READY));
    JsonNode execute = WorkerProtocol.read(in, Integer.MAX_VALUE);
    long id = execute.get("id").asLong();
    ArrayNode answers = tools.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
    List<String[]> calls = List.of(
        new String[] {"math", "shutdown", "{}"},
        new String[] {"nothing", "add", "{}"},
        new String[] {"math", "add", "{\"a\": \"one\", \"b\": 2, \"extra\": true}"},
        new String[] {"math", "add", "{\"a\": 1, \"b\": 2}"});
    long call = 0;
    for (String[] forged : calls) {
      answers.add(ask(in, out, id, ++call, forged[0], forged[1], forged[2]));
    }
    JsonNode last = null;
    for (int i = 0; i <= maxCalls; i++) {
      last = ask(in, out, id, ++call, "math", "add", "{\"a\": 1, \"b\": 2}");
    }
    answers.add(last);
    ObjectNode outcome = WorkerProtocol.message(WorkerProtocol.OUTCOME).put("id", id);
    outcome.set("result", answers);
    outcome.putArray("logs");
    WorkerProtocol.write(out, outcome);
    while (WorkerProtocol.read(in, Integer.MAX_VALUE) != null) {
      // until the host is done
    }
  }

  private static JsonNode ask(DataInputStream in, DataOutputStream out, long id, long call, String provider,
      String tool, String input) throws IOException {
    ObjectNode message = WorkerProtocol.message(WorkerProtocol.CALL)
        .put("id", id).put("call", call).put("provider", provider).put("tool", tool);
    message.set("input", dev.codemode.core.JsonCodec.defaults().parse(input));
    WorkerProtocol.write(out, message);
    JsonNode reply = WorkerProtocol.read(in, Integer.MAX_VALUE);
    return reply.has("failure") ? reply.get("failure") : reply.path("value");
  }
}
