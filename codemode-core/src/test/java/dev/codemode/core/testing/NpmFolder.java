package dev.codemode.core.testing;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Installs the npm packages a folder of the repository pins ({@code tools/<name>/package.json}
 * and {@code package-lock.json}) with {@code npm ci}, once: a lock within the JVM and a file lock
 * across JVMs make parallel tests wait for one install. When npm is missing or the install fails
 * the error names npm, the folder and what was being installed; a test never skips silently.
 */
public final class NpmFolder {

  private static final Object INSTALL_LOCK = new Object();
  private static final long INSTALL_TIMEOUT_MINUTES = 10;

  private NpmFolder() {}

  /**
   * The folder {@code tools/<name>} of the repository, with its packages installed.
   *
   * @param name the folder under {@code tools}
   * @param marker a file, relative to the folder, that exists once the install is done
   * @param what what the packages are, for error messages
   * @return the folder
   */
  public static Path installed(String name, String marker, String what) {
    Path folder = TypeScriptCompiler.repositoryRoot().resolve("tools").resolve(name);
    install(folder, folder.resolve(marker), what);
    return folder;
  }

  /**
   * Runs {@code npm ci} in {@code folder} unless {@code marker} exists already.
   *
   * @throws IllegalStateException when npm cannot be run or does not install the marker
   */
  public static void install(Path folder, Path marker, String what) {
    synchronized (INSTALL_LOCK) {
      if (!Files.exists(marker)) {
        installLocked(folder, marker, what);
      }
    }
  }

  @SuppressWarnings("try") // the file lock is held by the try block, never used in it
  private static void installLocked(Path folder, Path marker, String what) {
    Path lockFile = folder.resolve(".install.lock");
    try (FileChannel channel =
            FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock ignored = channel.lock()) {
      if (Files.exists(marker)) {
        return;
      }
      List<String> command =
          List.of(TypeScriptCompiler.executable("npm"), "ci", "--no-audit", "--no-fund");
      TypeScriptCompiler.Result result;
      try {
        result =
            TypeScriptCompiler.run(command, folder, INSTALL_TIMEOUT_MINUTES, TimeUnit.MINUTES);
      } catch (IOException e) {
        throw new IllegalStateException(
            "Cannot run npm to install " + what + " in " + folder + ": " + e.getMessage()
                + ". Install Node.js 20+ with npm, or run `npm ci --no-audit --no-fund` there by"
                + " hand.",
            e);
      }
      if (!result.succeeded() || !Files.exists(marker)) {
        throw new IllegalStateException(
            "`npm ci --no-audit --no-fund` in " + folder + " exited " + result.exitCode()
                + " and did not install " + what + " (" + marker + " is missing):\n"
                + result.output());
      }
    } catch (IOException e) {
      throw new IllegalStateException(
          "Cannot lock " + lockFile + " to install " + what + " with npm", e);
    }
  }
}
