package dev.codemode.runtime.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL server for tests and benchmarks (codemode-benchmarks uses it through this
 * module's test-jar): a fresh cluster in a temporary folder, on a free port of
 * 127.0.0.1 with trust authentication, stopped and deleted by {@link #close()}.
 *
 * <p>It runs the machine's own server binaries ({@code initdb}, {@code pg_ctl}) from {@code
 * /usr/lib/postgresql/<version>/bin} or the PATH; when missing it fails and names the Debian package
 * {@code postgresql}. As root (initdb refuses to run as root) it runs them as the {@code postgres}
 * user through {@code runuser}, in a folder given to that user.
 */
public final class PostgresServer implements AutoCloseable {

  private static final String SUPERUSER = "postgres";

  private final Path bin;
  private final Path root;
  private final Path data;
  private final boolean asPostgresUser;
  private final int port;
  private final AtomicInteger databases = new AtomicInteger();
  private final Thread stopAtExit;

  private PostgresServer(Path bin, Path root, boolean asPostgresUser, int port) {
    this.bin = bin;
    this.root = root;
    this.data = root.resolve("data");
    this.asPostgresUser = asPostgresUser;
    this.port = port;
    this.stopAtExit = new Thread(this::stopQuietly, "stop-test-postgres");
  }

  /**
   * Starts a server; {@code durable} keeps fsync on (for benchmarks), otherwise it is off, which
   * makes tests fast and is harmless for data thrown away at the end.
   */
  public static PostgresServer start(boolean durable) throws IOException, InterruptedException {
    Path bin = findBinaries();
    boolean root = "root".equals(System.getProperty("user.name"));
    Path folder = Files.createTempDirectory("codemode-postgres-");
    if (root) {
      UserPrincipal postgres = folder.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(SUPERUSER);
      Files.setOwner(folder, postgres);
    }
    IOException lastFailure = null;
    try {
      new PostgresServer(bin, folder, root, 0).run("initdb", "-D", folder.resolve("data").toString(), "-U", SUPERUSER,
          "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions");
      for (int attempt = 0; attempt < 3; attempt++) {
        PostgresServer server = new PostgresServer(bin, folder, root, freePort());
        try {
          server.startServer(durable);
          Runtime.getRuntime().addShutdownHook(server.stopAtExit);
          return server;
        } catch (IOException e) {
          lastFailure = e; // most likely the port was taken between finding it and binding it
        }
      }
    } catch (IOException | RuntimeException e) {
      deleteTree(folder);
      throw e;
    }
    deleteTree(folder);
    throw lastFailure;
  }

  private void startServer(boolean durable) throws IOException, InterruptedException {
    String options = "-c listen_addresses=127.0.0.1 -p " + port + " -k " + root
        + (durable ? "" : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off");
    run("pg_ctl", "-D", data.toString(), "-l", root.resolve("server.log").toString(), "-w", "-t", "60",
        "-o", options, "start");
  }

  /** The folder of initdb and pg_ctl, the newest version first. */
  static Path findBinaries() {
    List<Path> candidates = new ArrayList<>();
    Path installed = Path.of("/usr/lib/postgresql");
    if (Files.isDirectory(installed)) {
      try (Stream<Path> versions = Files.list(installed)) {
        versions.map(version -> version.resolve("bin"))
            .sorted(Comparator.comparing((Path path) -> versionOf(path)).reversed())
            .forEach(candidates::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    for (String folder : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      if (!folder.isEmpty()) {
        candidates.add(Path.of(folder));
      }
    }
    return candidates.stream()
        .filter(folder -> Files.isExecutable(folder.resolve("initdb")) && Files.isExecutable(folder.resolve("pg_ctl")))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("The PostgreSQL tests and benchmarks need the server binaries initdb and pg_ctl,"
            + " found neither under /usr/lib/postgresql/*/bin nor on the PATH. Install the Debian package"
            + " 'postgresql' (apt-get install postgresql; the service need not run): the tests and benchmarks start their"
            + " own server."));
  }

  private static int versionOf(Path bin) {
    try {
      return Integer.parseInt(bin.getParent().getFileName().toString().replaceAll("\\..*", ""));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** The JDBC URL of {@code database}, with the user in the query. */
  public String url(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=" + SUPERUSER;
  }

  /** The server's port on 127.0.0.1. */
  public int port() {
    return port;
  }

  /** Creates an empty database and returns its JDBC URL. */
  public String createDatabase() throws SQLException {
    String name = "codemode_test_" + databases.incrementAndGet();
    try (Connection connection = DriverManager.getConnection(url(SUPERUSER));
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    }
    return url(name);
  }

  private void run(String program, String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    if (asPostgresUser) {
      command.addAll(List.of("runuser", "-u", SUPERUSER, "--"));
    }
    command.add(bin.resolve(program).toString());
    command.addAll(List.of(arguments));
    Path output = Files.createTempFile("codemode-postgres-command-", ".log");
    try {
      Process process = new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(output.toFile())
          .directory(root.toFile())
          .start();
      if (!process.waitFor(90, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException(String.join(" ", command) + " did not finish in 90 s");
      }
      if (process.exitValue() != 0) {
        String log = Files.exists(root.resolve("server.log")) ? Files.readString(root.resolve("server.log")) : "";
        throw new IOException(String.join(" ", command) + " failed with exit code " + process.exitValue() + ":\n"
            + Files.readString(output) + log);
      }
    } finally {
      Files.deleteIfExists(output);
    }
  }

  private void stopQuietly() {
    try {
      run("pg_ctl", "-D", data.toString(), "-m", "immediate", "-w", "stop");
    } catch (IOException | InterruptedException e) {
      // Already stopped, or going down with the JVM: nothing more to do.
    }
  }

  /** Stops the server at once and deletes its folder. */
  @Override
  public void close() throws IOException {
    stopQuietly();
    try {
      Runtime.getRuntime().removeShutdownHook(stopAtExit);
    } catch (IllegalStateException e) {
      // The JVM is shutting down.
    }
    deleteTree(root);
  }

  private static void deleteTree(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
