package dev.codemode.cli;

import dev.codemode.core.JsonCodec;
import dev.codemode.runtime.CodemodeRuntime;
import dev.codemode.runtime.PendingCall;
import picocli.CommandLine.Command;
import tools.jackson.databind.node.ArrayNode;

/** {@code codemode pending}. */
@Command(name = "pending", mixinStandardHelpOptions = true,
    description = "Lists the calls paused runs wait for, newest run first, as JSON.")
final class PendingCommand extends CliCommand {

  @Override
  public Integer call() {
    try (CodemodeRuntime runtime = runtime()) {
      ArrayNode calls = JsonCodec.defaults().nodes().arrayNode();
      for (PendingCall call : runtime.pending()) {
        calls.addObject().put("executionId", call.executionId()).setAll(call.toJson());
      }
      print(calls);
      return Main.OK;
    }
  }
}
