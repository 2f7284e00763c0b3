package dev.codemode.cli;

import dev.codemode.runtime.CodemodeRuntime;
import dev.codemode.runtime.RunStateException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code codemode approve ID}. */
@Command(name = "approve", mixinStandardHelpOptions = true,
    description = "Approves the call a paused run waits for and resumes the run; prints its outcome JSON."
        + " Exit 0 completed, 2 paused again, 1 error.")
final class ApproveCommand extends CliCommand {

  @Parameters(index = "0", paramLabel = "ID", description = "The execution id (see codemode pending).")
  String executionId;

  @Override
  public Integer call() {
    try (CodemodeRuntime runtime = runtime()) {
      return printOutcome(runtime.approve(executionId));
    } catch (RunStateException e) {
      return refused(e, "nothing was approved");
    }
  }
}
