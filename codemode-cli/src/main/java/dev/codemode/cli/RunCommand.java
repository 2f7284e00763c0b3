package dev.codemode.cli;

import dev.codemode.runtime.CodemodeRuntime;
import dev.codemode.sandbox.GraalJsExecutor;
import dev.codemode.runtime.Outcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code codemode run FILE|-}. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Runs model code (a file, or - for stdin) against every connector found, and prints the outcome"
        + " JSON. Exit 0 completed, 2 paused for approval, 1 error.")
final class RunCommand extends CliCommand {

  /** Runs longer than this get a note on stderr. */
  static final long PROGRESS_AFTER_MILLIS = 2000;

  @Parameters(index = "0", paramLabel = "FILE|-", description = "The code: a .js/.ts/.md file, or - to read stdin.")
  String file;

  @Override
  public Integer call() throws IOException {
    String code = readCode();
    ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "codemode-progress");
      thread.setDaemon(true);
      return thread;
    });
    long started = System.nanoTime();
    ScheduledFuture<?> notice = progress.schedule(() -> terminal.err().println("codemode: still running after "
            + TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started) + " s (timeout " + timeout + ")..."),
        PROGRESS_AFTER_MILLIS, TimeUnit.MILLISECONDS);
    CodemodeRuntime runtime = runtime();
    boolean stuck = false;
    try {
      Outcome outcome = runtime.execute(code);
      notice.cancel(false); // no progress line after the outcome
      int status = printOutcome(outcome);
      GraalJsExecutor used = executor;
      stuck = used != null && used.health().stuckExecutions() > 0;
      if (stuck) {
        terminal.err().println("codemode: the code could not be stopped inside a built-in function; its outcome is"
            + " stored and printed, and the process ends now. Run untrusted code with --isolation process.");
        terminal.endHard().set(true);
      }
      return status;
    } finally {
      progress.shutdownNow();
      if (!stuck) {
        runtime.close();
        GraalJsExecutor used = executor;
        if (used != null) {
          used.close();
        }
      }
    }
  }

  private String readCode() throws IOException {
    if (file.equals("-")) {
      return new String(terminal.in().readAllBytes(), StandardCharsets.UTF_8);
    }
    try {
      return Files.readString(Path.of(file), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new UserError("There is no file " + file + " to run. Give the path of a .js or .ts file, or - to read"
          + " the code from stdin.");
    } catch (java.nio.charset.MalformedInputException e) {
      throw new UserError(file + " is not UTF-8 text; save the code as UTF-8.");
    }
  }
}
