package dev.codemode.cli;

import dev.codemode.core.JsonCodec;
import dev.codemode.runtime.CodemodeRuntime;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code codemode reject ID}. */
@Command(name = "reject", mixinStandardHelpOptions = true,
    description = "Rejects the call a paused run waits for; the run ends as rejected and the call never runs.")
final class RejectCommand extends CliCommand {

  @Parameters(index = "0", paramLabel = "ID", description = "The execution id (see codemode pending).")
  String executionId;

  @Option(names = "--seq", paramLabel = "N", description = "The pending call's number; by default the one the run waits for.")
  @Nullable Integer seq;

  @Override
  public Integer call() {
    try (CodemodeRuntime runtime = runtime()) {
      boolean rejected = seq == null ? runtime.reject(executionId) : runtime.reject(executionId, seq);
      var json = JsonCodec.defaults().nodes().objectNode();
      json.put("executionId", executionId);
      json.put("rejected", rejected);
      print(json);
      if (!rejected) {
        terminal.err().println("codemode: nothing was rejected: execution " + executionId + " has no pending call"
            + (seq == null ? "" : " #" + seq) + " (it may be approved already, ended, or unknown; see codemode pending).");
        return Main.ERROR;
      }
      return Main.OK;
    }
  }
}
