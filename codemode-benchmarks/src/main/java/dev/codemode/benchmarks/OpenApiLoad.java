package dev.codemode.benchmarks;

import dev.codemode.core.ConnectorDefinition;
import dev.codemode.runtime.CodemodeRuntime;
import dev.codemode.sandbox.GraalJsExecutor;
import dev.codemode.runtime.Outcome;
import dev.codemode.runtime.store.JdbcExecutionStore;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;

/**
 * Run-time cost of loading an OpenAPI connector that the processor generated, in a fresh JVM: the
 * definition found by {@code ServiceLoader} (descriptor and operations read and verified), its
 * TypeScript, and, after a runtime without it has warmed the engine, what it adds: a {@link
 * CodemodeRuntime} with it (search index over every tool), the first execution that touches the
 * namespace, a search, and the next execution. One line of figures per run; {@code
 * scripts/openapi-scale.sh} starts it several times and takes medians.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.codemode.benchmarks.OpenApiLoad CLASS_DIR}
 */
public final class OpenApiLoad {

  private OpenApiLoad() {}

  private static <T> void addWithNewInstance(
      CodemodeRuntime.Builder builder, ConnectorDefinition<T> definition) {
    T instance =
        definition
            .newInstance()
            .orElseThrow(() -> new IllegalStateException("the connector needs a no-arg constructor"));
    builder.connector(definition, instance);
  }

  private static String firstTool(ConnectorDefinition<?> definition) {
    return definition.descriptor().tools().get(definition.descriptor().tools().size() - 1).name();
  }

  private static double millis(long from, long to) {
    return (to - from) / 1e6;
  }

  /** Loads the one connector definition under {@code args[0]} and prints the timings. */
  public static void main(String[] args) throws Exception {
    Path classes = Path.of(args[0]);
    long start = System.nanoTime();
    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {classes.toUri().toURL()}, OpenApiLoad.class.getClassLoader())) {
      ConnectorDefinition<?> definition = null;
      for (ConnectorDefinition<?> found : ServiceLoader.load(ConnectorDefinition.class, loader)) {
        if (found.getClass().getClassLoader() == loader) {
          definition = found;
        }
      }
      if (definition == null) {
        throw new IllegalStateException("no connector definition under " + classes);
      }
      int tools = definition.descriptor().tools().size();
      long loaded = System.nanoTime();
      int typeScriptChars = definition.typeScript().length();
      long typed = System.nanoTime();
      Path store = Files.createTempFile("codemode-openapi-load", ".db");
      try (GraalJsExecutor executor = GraalJsExecutor.builder().build()) {
        // Baseline: a runtime without the connector and its first execution warm the engine, so
        // the figures below are what the connector adds.
        try (CodemodeRuntime baseline =
            CodemodeRuntime.builder()
                .executor(executor)
                .store(JdbcExecutionStore.open(store.toString()))
                .build()) {
          baseline.execute("return 1");
        }
        long warmed = System.nanoTime();
        CodemodeRuntime.Builder builder =
            CodemodeRuntime.builder()
                .executor(executor)
                .store(JdbcExecutionStore.open(store.toString()));
        addWithNewInstance(builder, definition);
        try (CodemodeRuntime runtime = builder.build()) {
          long built = System.nanoTime();
          String name = definition.descriptor().name();
          Outcome first = runtime.execute("return Object.keys(" + name + ").length");
          long executed = System.nanoTime();
          int hits = runtime.search("list pull requests of a repository", 5).results().size();
          long searched = System.nanoTime();
          Outcome second = runtime.execute("return typeof " + name + "." + firstTool(definition));
          long again = System.nanoTime();
          System.out.printf(
              "tools=%d load_ms=%.1f typescript_ms=%.1f typescript_chars=%d engine_warmup_ms=%.1f"
                  + " runtime_ms=%.1f first_execution_ms=%.1f search_ms=%.1f"
                  + " next_execution_ms=%.1f status=%s result=%s hits=%d second=%s%n",
              tools,
              millis(start, loaded),
              millis(loaded, typed),
              typeScriptChars,
              millis(typed, warmed),
              millis(warmed, built),
              millis(built, executed),
              millis(executed, searched),
              millis(searched, again),
              first.status(),
              first.result(),
              hits,
              second.result());
        }
      } finally {
        Files.deleteIfExists(store);
      }
    }
  }
}
