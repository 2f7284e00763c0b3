package dev.codemode.cli;

import dev.codemode.core.JsonCodec;
import dev.codemode.runtime.CodemodeRuntime;
import dev.codemode.runtime.RollbackReport;
import dev.codemode.runtime.RunStateException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code codemode rollback ID}. */
@Command(name = "rollback", mixinStandardHelpOptions = true,
    description = "Undoes the applied calls of a run, newest first, and prints what was reverted, skipped and failed."
        + " Exit 1 when a revert failed.")
final class RollbackCommand extends CliCommand {

  @Parameters(index = "0", paramLabel = "ID", description = "The execution id (see codemode executions).")
  String executionId;

  @Override
  public Integer call() {
    try (CodemodeRuntime runtime = runtime()) {
      RollbackReport report = runtime.rollback(executionId);
      var json = JsonCodec.defaults().nodes().objectNode();
      json.put("executionId", executionId);
      report.reverted().forEach(json.putArray("reverted")::add);
      report.skipped().forEach(json.putArray("skipped")::add);
      report.failed().forEach(json.putArray("failed")::add);
      print(json);
      return report.complete() ? Main.OK : Main.ERROR;
    } catch (RunStateException e) {
      return refused(e, "nothing was rolled back");
    }
  }
}
