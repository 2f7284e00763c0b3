package dev.codemode.benchmarks;

import dev.codemode.processor.CodemodeProcessor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Build-time cost of the annotation processor: javac compiles one connector class with {@code
 * tools} tools, once with the Codemode processor and once with {@code -proc:none}. The difference
 * is what the processor adds to a build (validation, schemas, TypeScript, docs, and compiling the
 * generated dispatch class).
 *
 * <p>Run: {@code java -jar codemode-benchmarks/target/benchmarks.jar ProcessorBuildBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 8)
@Measurement(iterations = 15)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class ProcessorBuildBenchmark {

  @Param({"500"})
  public int tools;

  private JavaCompiler javac;
  private StandardJavaFileManager fileManager;
  private JavaFileObject source;
  private Path output;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    javac = ToolProvider.getSystemJavaCompiler();
    fileManager = javac.getStandardFileManager(null, null, null);
    String text = LargeConnectorSource.of("bench", "Big", tools);
    source =
        new SimpleJavaFileObject(URI.create("string:///bench/Big.java"), JavaFileObject.Kind.SOURCE) {
          @Override
          public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
          }
        };
    output = Files.createTempDirectory("codemode-bench");
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    fileManager.close();
    try (Stream<Path> files = Files.walk(output)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }

  /** javac with the Codemode processor: the class, its dispatch class and four resources. */
  @Benchmark
  public int compileWithProcessor() {
    return compile(true);
  }

  /** javac alone on the same source, the baseline. */
  @Benchmark
  public int compileWithoutProcessor() {
    return compile(false);
  }

  private int compile(boolean withProcessor) {
    try {
      Path run = Files.createTempDirectory(output, withProcessor ? "with" : "without");
      List<String> options = new ArrayList<>(List.of(
          "-d", run.toString(), "-s", run.toString(), "-parameters", "--release", "17",
          "-classpath", System.getProperty("java.class.path")));
      if (!withProcessor) {
        options.add("-proc:none");
      }
      DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
      JavaCompiler.CompilationTask task =
          javac.getTask(null, fileManager, diagnostics, options, null, List.of(source));
      if (withProcessor) {
        task.setProcessors(List.of(new CodemodeProcessor()));
      }
      if (!task.call()) {
        throw new IllegalStateException("the benchmark connector did not compile: " + diagnostics.getDiagnostics());
      }
      try (Stream<Path> files = Files.walk(run)) {
        return (int) files.count();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
