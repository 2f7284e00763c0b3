package dev.codemode.cli;

import dev.codemode.runtime.CodemodeRuntime;
import dev.codemode.runtime.RunStateException;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code codemode reject ID}. */
@Command(name = "reject", mixinStandardHelpOptions = true,
    description = "Rejects the call a paused run waits for; the run ends as rejected and the call never runs."
        + " Prints the run's outcome JSON.")
final class RejectCommand extends CliCommand {

  @Parameters(index = "0", paramLabel = "ID", description = "The execution id (see codemode pending).")
  String executionId;

  @Option(names = "--seq", paramLabel = "N", description = "The pending call's number; by default the one the run waits for.")
  @Nullable Integer seq;

  /** Prints the rejected run's outcome JSON (status error, error Rejected); exit 0 when it was rejected. */
  @Override
  public Integer call() {
    try (CodemodeRuntime runtime = runtime()) {
      print((seq == null ? runtime.reject(executionId) : runtime.reject(executionId, seq)).toJson());
      return Main.OK;
    } catch (RunStateException e) {
      return refused(e, "nothing was rejected");
    }
  }
}
