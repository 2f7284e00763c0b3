package dev.codemode.samples.petstore;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A local HTTP server for the Swagger Petstore API ({@code petstore/petstore.yaml} on the class
 * path), so that a connector derived from that spec has something real to call, without a
 * network. It listens on the loopback address and serves the spec's operations under its base path
 * {@value #BASE_PATH}, from an in-memory store of its own seeded with six pets and the user {@code
 * user1}. Bodies are JSON (XML is not served); errors are {@link ApiResponse} bodies with {@code
 * type "error"}.
 *
 * <pre>{@code
 * try (PetstoreServer petstore = PetstoreServer.start(0)) {
 *   URI pets = URI.create(petstore.uri() + "/pet/findByStatus?status=available");
 *   ...
 * }
 * }</pre>
 *
 * <p>Run {@link #main} to serve from a shell; see there.
 */
public final class PetstoreServer implements AutoCloseable {

  /** The path the API is served under: the path of the spec's server URL. */
  public static final String BASE_PATH = "/v2";

  /** The {@code api_key} that deleting a pet needs unless another is configured: the spec's. */
  public static final String DEFAULT_API_KEY = "special-key";

  private final HttpServer server;
  private final ExecutorService executor;
  private final URI uri;
  private final AtomicBoolean closed = new AtomicBoolean();

  private PetstoreServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
    this.uri =
        URI.create("http://127.0.0.1:" + server.getAddress().getPort() + BASE_PATH);
  }

  /**
   * Starts a server with the default key and no request listener.
   *
   * @param port the port to listen on, 0 for any free one
   * @throws UncheckedIOException if the port cannot be bound
   */
  public static PetstoreServer start(int port) {
    return builder().port(port).start();
  }

  /** A builder for a server with another port, key or a request listener. */
  public static Builder builder() {
    return new Builder();
  }

  /** The base URL of the API, such as {@code http://127.0.0.1:8080/v2}: append the spec's paths. */
  public URI uri() {
    return uri;
  }

  /** The port the server listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** Stops the server at once; requests in flight are cut off. Closing twice does nothing. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      server.stop(0);
      executor.shutdownNow();
    }
  }

  @Override
  public String toString() {
    return "PetstoreServer[" + uri + "]";
  }

  /** Configures a {@link PetstoreServer}. */
  public static final class Builder {

    private int port;
    private String apiKey = DEFAULT_API_KEY;
    private Consumer<RecordedRequest> listener = request -> {};
    private int threads = 8;

    private Builder() {}

    /** The port to listen on; 0 (the default) for any free one. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be 0 to 65535, got " + port);
      }
      this.port = port;
      return this;
    }

    /** The key that {@code DELETE /pet/{petId}} needs in its {@code api_key} header. */
    public Builder apiKey(String apiKey) {
      this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
      return this;
    }

    /**
     * Told of every request as it arrives, before it is handled, on the thread that handles it
     * (so it may be called from several threads at once). If it throws, the request is answered
     * with 500.
     */
    public Builder onRequest(Consumer<RecordedRequest> listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /** How many requests are handled at once; 8 unless set. */
    public Builder threads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be at least 1, got " + threads);
      }
      this.threads = threads;
      return this;
    }

    /**
     * Starts the server with a freshly seeded store.
     *
     * @throws UncheckedIOException if the port cannot be bound
     */
    public PetstoreServer start() {
      HttpServer server;
      try {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot listen on port " + port + ": " + e.getMessage(), e);
      }
      ExecutorService executor = Executors.newFixedThreadPool(threads, daemonThreads());
      server.setExecutor(executor);
      server.createContext(
          "/", new PetstoreApi(PetstoreStore.seeded(), BASE_PATH, apiKey, listener, Clock.systemUTC()));
      server.start();
      return new PetstoreServer(server, executor);
    }

    private static ThreadFactory daemonThreads() {
      AtomicInteger count = new AtomicInteger();
      return task -> {
        Thread thread = new Thread(task, "petstore-http-" + count.incrementAndGet());
        thread.setDaemon(true);
        return thread;
      };
    }
  }

  /**
   * Serves the Petstore from a shell: {@code [--port N] [--api-key KEY]}. Prints exactly one line,
   * {@code petstore listening on http://127.0.0.1:PORT/v2}, then serves until the process is
   * killed or its standard input reaches its end. A standard input that is {@code /dev/null} (what
   * a non-interactive shell gives a command started with {@code &}) is not watched, so the server
   * then runs until killed.
   */
  public static void main(String[] args) throws InterruptedException {
    int status = run(args, stdinIsDevNull() ? null : System.in, System.out, System.err);
    if (status != 0) {
      System.exit(status);
    }
  }

  /**
   * {@link #main} with its streams given: serves until {@code stdin} ends, or forever when it is
   * null. Returns the exit status.
   */
  static int run(String[] args, @Nullable InputStream stdin, PrintStream out, PrintStream err)
      throws InterruptedException {
    Builder builder = builder();
    try {
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--port" -> builder.port(Integer.parseInt(value(args, ++i, "--port")));
          case "--api-key" -> builder.apiKey(value(args, ++i, "--api-key"));
          case "--help", "-h" -> {
            out.println("usage: PetstoreServer [--port N] [--api-key KEY]");
            out.flush();
            return 0;
          }
          default -> throw new IllegalArgumentException("unknown argument " + args[i]);
        }
      }
    } catch (IllegalArgumentException e) {
      err.println("petstore: " + e.getMessage() + "\nusage: PetstoreServer [--port N] [--api-key KEY]");
      return 2;
    }
    PetstoreServer server;
    try {
      server = builder.start();
    } catch (UncheckedIOException e) {
      err.println("petstore: " + e.getMessage());
      return 1;
    }
    try (server) {
      out.println("petstore listening on " + server.uri());
      out.flush();
      if (stdin == null) {
        new CountDownLatch(1).await();
      } else {
        try {
          while (stdin.read() >= 0) {
            // Anything typed is ignored; the end of input stops the server.
          }
        } catch (IOException e) {
          // An unreadable input counts as ended.
        }
      }
    }
    return 0;
  }

  private static String value(String[] args, int index, String option) {
    if (index >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[index];
  }

  private static boolean stdinIsDevNull() {
    try {
      return Files.isSameFile(Path.of("/dev/stdin"), Path.of("/dev/null"));
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }
}
