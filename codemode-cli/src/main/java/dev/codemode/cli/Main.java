package dev.codemode.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code codemode} command: runs model code durably against the connectors on the class path,
 * and drives the approval flow across processes through a shared store.
 *
 * <p>Exit codes: 0 completed (or the command did what was asked), 2 paused for approval, 1 error
 * (with a message on stderr that says what to do).
 */
@Command(
    name = "codemode",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Runs model-written JavaScript or TypeScript durably against the connectors on the class path.",
    subcommands = {
      RunCommand.class,
      TypesCommand.class,
      PendingCommand.class,
      ApproveCommand.class,
      RejectCommand.class,
      RollbackCommand.class,
      ExecutionsCommand.class
    })
public final class Main implements Runnable {

  /** Exit code of a completed run or a command that did what was asked. */
  public static final int OK = 0;
  /** Exit code of anything that failed. */
  public static final int ERROR = 1;
  /** Exit code of a run that paused for approval. */
  public static final int PAUSED = 2;

  @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    Terminal terminal = new Terminal(System.in, System.out, System.err);
    int status = run(args, terminal);
    if (terminal.endHard().get()) {
      // The outcome is printed and stored; a thread of code that could not be stopped still runs,
      // and an orderly exit would wait for it.
      System.out.flush();
      System.err.flush();
      Runtime.getRuntime().halt(status);
    }
    System.exit(status);
  }

  /** Runs the command line with the given streams; returns the exit code. */
  public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
    return run(args, new Terminal(in, out, err));
  }

  private static int run(String[] args, Terminal terminal) {
    PrintStream out = terminal.out();
    PrintStream err = terminal.err();
    CommandLine line = new CommandLine(new Main(), new CommandFactory(terminal));
    line.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
    line.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
    line.setParameterExceptionHandler((e, arguments) -> {
      err.println("codemode: " + e.getMessage());
      err.println("Run 'codemode " + e.getCommandLine().getCommandName() + " --help' for the usage.");
      return ERROR;
    });
    line.setExecutionExceptionHandler((e, commandLine, result) -> {
      err.println("codemode: " + UserError.describe(e));
      return ERROR;
    });
    return line.execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The version from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Main.class.getPackage().getImplementationVersion();
      return new String[] {"codemode " + (version == null ? "(development build)" : version)};
    }
  }

  /** Creates commands with the terminal they print to. */
  private record CommandFactory(Terminal terminal) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> type) throws Exception {
      if (CliCommand.class.isAssignableFrom(type)) {
        K command = CommandLine.defaultFactory().create(type);
        ((CliCommand) command).terminal = terminal;
        return command;
      }
      return CommandLine.defaultFactory().create(type);
    }
  }
}
