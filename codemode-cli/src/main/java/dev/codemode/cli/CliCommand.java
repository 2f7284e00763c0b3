package dev.codemode.cli;

import dev.codemode.core.JsonCodec;
import dev.codemode.runtime.CodemodeRuntime;
import dev.codemode.sandbox.GraalJsExecutor;
import dev.codemode.runtime.Outcome;
import dev.codemode.runtime.RunStateException;
import dev.codemode.runtime.store.JdbcExecutionStore;
import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/** What every subcommand shares: the store, the connectors, the timeout, and printing. */
abstract class CliCommand implements Callable<Integer> {

  /** The default store, relative to the working directory. */
  static final String DEFAULT_STORE = ".codemode/codemode.db";

  /** Set by {@link Main} before the command runs. */
  @SuppressWarnings("NullAway.Init")
  Terminal terminal;

  @Option(names = "--store", paramLabel = "PATH|URL",
      description = "Where runs are kept: a SQLite file (default ${DEFAULT-VALUE}) or a jdbc:postgresql: URL"
          + " shared by several machines.",
      defaultValue = DEFAULT_STORE)
  String store;

  @Option(names = "--timeout", paramLabel = "DURATION",
      description = "How long one pass may run: 30s, 2m, 500ms, or ISO-8601 (PT30S). Default 30s.",
      defaultValue = "30s")
  String timeout;

  @Option(names = "--isolation", paramLabel = "MODE", defaultValue = "in-process",
      description = "Where model code runs: in-process (the default, fastest) or process (a worker JVM with its"
          + " own heap, killed when the code does not stop; tools still run in this process).")
  String isolation;

  /** The executor of {@link #runtime()}, once it is built. */
  @Nullable GraalJsExecutor executor;

  @Option(names = "--classpath", paramLabel = "PATHS",
      description = "Extra jars or directories to find connectors in, separated by the path separator (':' on Linux).")
  @Nullable String classpath;

  @Option(names = "--name", paramLabel = "NAME", defaultValue = "default",
      description = "The runtime's name: runs and snippets are kept per name. Default ${DEFAULT-VALUE}.")
  String runtimeName;

  /** A runtime over the store and the connectors found on the class path. */
  CodemodeRuntime runtime() {
    CodemodeRuntime.Builder builder = CodemodeRuntime.builder().name(runtimeName);
    List<String> needInstances = builder.discoverConnectors(connectorClassLoader());
    for (String connector : needInstances) {
      terminal.err().println("codemode: connector " + connector + " is skipped: its class has no public no-arg"
          + " constructor, so the CLI cannot create it (embed CodemodeRuntime and pass an instance instead).");
    }
    GraalJsExecutor.Builder executorBuilder = GraalJsExecutor.builder().timeout(parseDuration(timeout));
    switch (isolation.strip().toLowerCase(Locale.ROOT)) {
      case "in-process" -> { }
      // one command runs one execution: one worker is enough
      case "process" -> executorBuilder.isolation(GraalJsExecutor.Isolation.PROCESS).workers(1);
      default -> throw new UserError("--isolation " + isolation + " is not a mode: write in-process (the default)"
          + " or process.");
    }
    GraalJsExecutor built = executorBuilder.build();
    executor = built;
    builder.executor(built);
    builder.store(JdbcExecutionStore.open(store));
    return builder.build();
  }

  ClassLoader connectorClassLoader() {
    ClassLoader parent = Main.class.getClassLoader();
    if (classpath == null || classpath.isBlank()) {
      return parent;
    }
    List<URL> urls = new ArrayList<>();
    for (String entry : classpath.split(File.pathSeparator, -1)) {
      if (entry.isBlank()) {
        continue;
      }
      Path path = Path.of(entry);
      if (!Files.exists(path)) {
        throw new UserError("--classpath names " + path + ", which does not exist. Give jars or directories of"
            + " compiled connectors, separated by '" + File.pathSeparator + "'.");
      }
      try {
        urls.add(path.toUri().toURL());
      } catch (MalformedURLException e) {
        throw new UserError("--classpath entry " + entry + " is not a usable path", e);
      }
    }
    return new URLClassLoader(urls.toArray(URL[]::new), parent);
  }

  /** 30s, 2m, 1h, 500ms, or an ISO-8601 duration. */
  static Duration parseDuration(String text) {
    String value = text.strip().toLowerCase(Locale.ROOT);
    try {
      if (value.startsWith("pt") || value.startsWith("p")) {
        return positive(Duration.parse(value.toUpperCase(Locale.ROOT)), text);
      }
      if (value.endsWith("ms")) {
        return positive(Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2))), text);
      }
      long amount = Long.parseLong(value.substring(0, value.length() - 1));
      return positive(switch (value.charAt(value.length() - 1)) {
        case 's' -> Duration.ofSeconds(amount);
        case 'm' -> Duration.ofMinutes(amount);
        case 'h' -> Duration.ofHours(amount);
        default -> throw new NumberFormatException();
      }, text);
    } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
      throw new UserError("--timeout " + text + " is not a duration: write 30s, 2m, 1h, 500ms or PT30S.");
    }
  }

  private static Duration positive(Duration duration, String text) {
    if (duration.isNegative() || duration.isZero()) {
      throw new UserError("--timeout " + text + " must be longer than zero.");
    }
    return duration;
  }

  void print(JsonNode json) {
    terminal.out().println(JsonCodec.defaults().toPrettyJson(json));
  }

  /**
   * A lifecycle verb the run could not take: its refusal as outcome JSON on stdout (error name from
   * the runtime's ErrorCatalog), what happened and what to do on stderr, exit 1.
   */
  int refused(RunStateException e, String what) {
    print(e.toOutcome().toJson());
    terminal.err().println("codemode: " + what + ": " + e.getMessage());
    return Main.ERROR;
  }

  /** Prints an outcome and returns the exit code for its status. */
  int printOutcome(Outcome outcome) {
    print(outcome.toJson());
    return switch (outcome.status()) {
      case COMPLETED -> Main.OK;
      case PAUSED -> Main.PAUSED;
      case ERROR -> Main.ERROR;
    };
  }
}
