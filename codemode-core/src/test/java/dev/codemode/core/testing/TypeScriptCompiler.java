package dev.codemode.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Type-checks TypeScript in tests with the compiler pinned in {@code tools/typescript} ({@code
 * package.json} and {@code package-lock.json} at the repository root).
 *
 * <p>The first use installs the compiler with {@code npm ci} if {@code
 * tools/typescript/node_modules/.bin/tsc} is missing; a lock (within the JVM and across processes)
 * makes parallel tests wait for one install. When Node.js/npm is not there or the install fails,
 * {@link #create()} throws with a message naming {@code npm} and {@code tsc}: a missing compiler
 * never skips a test silently.
 *
 * <p>Each {@link #check} writes the given files to a fresh temporary folder together with {@code
 * tools/typescript/sandbox-globals.d.ts} and runs {@code tsc --noEmit --strict --lib es2022} on
 * them. Exit codes differ between compiler versions (7.x exits 1 or 2 on errors, 5.x exits 2), so
 * callers test {@link Result#succeeded()}, never a fixed number.
 */
public final class TypeScriptCompiler {

  /** Name of the sandbox globals file as written next to the checked files. */
  public static final String SANDBOX_GLOBALS = "sandbox-globals.d.ts";

  private static final long CHECK_TIMEOUT_SECONDS = 120;

  private final Path toolsDirectory;
  private final Path tsc;

  private TypeScriptCompiler(Path toolsDirectory, Path tsc) {
    this.toolsDirectory = toolsDirectory;
    this.tsc = tsc;
  }

  /**
   * The outcome of one compiler run.
   *
   * @param exitCode the compiler's exit code
   * @param output what it printed (stdout and stderr together)
   */
  public record Result(int exitCode, String output) {

    /** Whether the files type-checked (exit code 0). */
    public boolean succeeded() {
      return exitCode == 0;
    }
  }

  /**
   * The compiler of this repository, installed with {@code npm ci} first if needed.
   *
   * @throws IllegalStateException when the repository root cannot be found or the compiler cannot
   *     be installed
   */
  public static TypeScriptCompiler create() {
    Path toolsDirectory = repositoryRoot().resolve("tools").resolve("typescript");
    Path tsc = toolsDirectory.resolve("node_modules").resolve(".bin").resolve(executable("tsc"));
    NpmFolder.install(toolsDirectory, tsc, "the TypeScript compiler (tsc)");
    return new TypeScriptCompiler(toolsDirectory, tsc);
  }

  /**
   * The repository root: the nearest folder at or above the working directory (or the {@code
   * basedir} system property Maven sets) that holds {@code tools/typescript/package.json}. Test
   * helpers of other modules find the {@code tools} folders from here.
   *
   * @throws IllegalStateException when there is none
   */
  public static Path repositoryRoot() {
    String start = System.getProperty("basedir", System.getProperty("user.dir"));
    for (Path dir = Path.of(start).toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("tools/typescript/package.json"))) {
        return dir;
      }
    }
    throw new IllegalStateException(
        "No tools/typescript/package.json at or above " + start
            + ": the TypeScript checks (tsc) must run inside the Codemode repository");
  }

  /** The folder {@code tools/typescript} with the compiler's package files. */
  public Path toolsDirectory() {
    return toolsDirectory;
  }

  /** The sandbox globals declarations file ({@code tools/typescript/sandbox-globals.d.ts}). */
  public Path sandboxGlobals() {
    return toolsDirectory.resolve(SANDBOX_GLOBALS);
  }

  /**
   * Runs {@code tsc --noEmit --strict --lib es2022} on {@code files} (name to content, names
   * relative, in the order given) plus the sandbox globals, in a fresh temporary folder that is
   * deleted afterwards. Messages name the files as given.
   */
  public Result check(Map<String, String> files) {
    Path dir;
    try {
      dir = Files.createTempDirectory("codemode-tsc");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      List<String> command = new ArrayList<>();
      command.add(tsc.toString());
      command.addAll(List.of("--noEmit", "--strict", "--lib", "es2022", "--pretty", "false"));
      Files.copy(sandboxGlobals(), dir.resolve(SANDBOX_GLOBALS));
      command.add(SANDBOX_GLOBALS);
      for (Map.Entry<String, String> file : files.entrySet()) {
        Path target = dir.resolve(file.getKey());
        Files.createDirectories(target.getParent());
        Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
        command.add(file.getKey());
      }
      return run(command, dir, CHECK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deleteRecursively(dir);
    }
  }

  static Result run(List<String> command, Path dir, long timeout, TimeUnit unit)
      throws IOException {
    Path log = Files.createTempFile("codemode-process", ".log");
    try {
      Process process =
          new ProcessBuilder(command)
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
              .start();
      boolean finished;
      try {
        finished = process.waitFor(timeout, unit);
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while running " + command, e);
      }
      if (!finished) {
        process.destroyForcibly();
        throw new IllegalStateException(
            command + " did not finish within " + timeout + " " + unit.toString().toLowerCase(
                Locale.ROOT));
      }
      return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(log);
    }
  }

  private static java.io.File nullDevice() {
    return new java.io.File(isWindows() ? "NUL" : "/dev/null");
  }

  static String executable(String name) {
    return isWindows() ? name + ".cmd" : name;
  }

  private static boolean isWindows() {
    return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
