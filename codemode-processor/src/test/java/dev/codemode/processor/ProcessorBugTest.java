package dev.codemode.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static dev.codemode.processor.Compiler.source;

import com.google.testing.compile.Compilation;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * An exception that escapes the processing of one connector (a bug of the processor, injected here
 * through {@link CodemodeProcessor.FaultInjector}) is one error on that connector's class that asks
 * for a report; javac does not crash and the other connectors get their files.
 */
class ProcessorBugTest {

  private static final JavaFileObject BROKEN =
      source(
          "test.Broken",
          "package test;",
          "import dev.codemode.annotations.*;",
          "/** A connector whose processing fails. */",
          "@Connector",
          "public class Broken {",
          "  /** Says hello. */",
          "  @Tool public String hello(String name) { return \"hello \" + name; }",
          "}");

  private static final JavaFileObject FINE =
      source(
          "test.Fine",
          "package test;",
          "import dev.codemode.annotations.*;",
          "/** A connector that is processed as usual. */",
          "@Connector",
          "public class Fine {",
          "  /** Says hi. */",
          "  @Tool public String hi(String name) { return \"hi \" + name; }",
          "}");

  /** Throws for {@code test.Broken}, as a bug of the processor would. */
  private static void failOnBroken(javax.lang.model.element.TypeElement connector) {
    if (connector.getQualifiedName().contentEquals("test.Broken")) {
      throw new IllegalStateException("injected by ProcessorBugTest");
    }
  }

  private static Compilation compile(CodemodeProcessor.FaultInjector faults, JavaFileObject... sources) {
    return javac()
        .withProcessors(new CodemodeProcessor(faults))
        .withOptions("-parameters")
        .compile(sources);
  }

  @Test
  void aProcessorBugIsOneErrorOnTheConnectorThatAsksForAReport() {
    Compilation compilation = compile(ProcessorBugTest::failOnBroken, BROKEN, FINE);

    assertThat(compilation).failed();
    assertThat(compilation.errors()).hasSize(1);
    assertThat(compilation)
        .hadErrorContaining(
            "Bug in the Codemode annotation processor, not in your code: processing connector"
                + " test.Broken threw java.lang.IllegalStateException: injected by"
                + " ProcessorBugTest (at ")
        .inFile(BROKEN)
        .onLine(5);
    assertThat(compilation).hadErrorContaining("Please report it to the Codemode project");
    assertThat(compilation.errors().get(0).getKind()).isEqualTo(Diagnostic.Kind.ERROR);
  }

  @Test
  void theOtherConnectorsAreProcessedAsUsual() {
    List<String> written =
        Compiler.filesWritten(new CodemodeProcessor(ProcessorBugTest::failOnBroken), BROKEN, FINE);

    assertThat(written)
        .containsAtLeast(
            "generated/test/Fine_Codemode.java",
            "classes/META-INF/codemode/fine.json",
            "classes/META-INF/codemode/fine.d.ts",
            "classes/META-INF/services/dev.codemode.core.ConnectorDefinition");
    assertThat(written).doesNotContain("generated/test/Broken_Codemode.java");
    assertThat(written).doesNotContain("classes/META-INF/codemode/broken.json");
  }

  @Test
  void everyBrokenConnectorGetsItsOwnError() {
    Compilation compilation =
        compile(
            connector -> {
              throw new UnsupportedOperationException("no connector works today");
            },
            BROKEN,
            FINE);

    assertThat(compilation.errors()).hasSize(2);
    assertThat(compilation)
        .hadErrorContaining("processing connector test.Broken threw java.lang.UnsupportedOperationException")
        .inFile(BROKEN)
        .onLine(5);
    assertThat(compilation)
        .hadErrorContaining("processing connector test.Fine threw java.lang.UnsupportedOperationException")
        .inFile(FINE)
        .onLine(5);
  }

  @Test
  void theProcessorThatJavacLoadsInjectsNoFault() {
    Compilation compilation =
        javac().withProcessors(new CodemodeProcessor()).withOptions("-parameters").compile(BROKEN);

    assertThat(compilation).succeededWithoutWarnings();
  }
}
