package dev.codemode.cli;

import dev.codemode.core.JsonCodec;
import dev.codemode.runtime.CodemodeRuntime;
import dev.codemode.runtime.store.ExecutionRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.node.ArrayNode;

/** {@code codemode executions}. */
@Command(name = "executions", mixinStandardHelpOptions = true,
    description = "Lists runs, newest first, as JSON.")
final class ExecutionsCommand extends CliCommand {

  @Option(names = "--limit", defaultValue = "20", description = "At most this many (default ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--offset", defaultValue = "0", description = "Skip this many of the newest first.")
  int offset;

  @Override
  public Integer call() {
    if (limit < 1 || offset < 0) {
      throw new UserError("--limit must be at least 1 and --offset at least 0.");
    }
    try (CodemodeRuntime runtime = runtime()) {
      ArrayNode runs = JsonCodec.defaults().nodes().arrayNode();
      for (ExecutionRecord execution : runtime.executions(limit, offset)) {
        var json = runs.addObject();
        json.put("executionId", execution.id());
        json.put("status", execution.status().wireName());
        json.put("createdAt", execution.createdAt().toString());
        json.put("updatedAt", execution.updatedAt().toString());
        if (execution.error() != null) {
          json.set("error", execution.error());
        }
        json.put("calls", runtime.journal(execution.id()).size());
      }
      print(runs);
      return Main.OK;
    }
  }
}
