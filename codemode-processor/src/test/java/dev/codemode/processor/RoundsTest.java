package dev.codemode.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static dev.codemode.processor.Compiler.source;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The processor across rounds: a connector whose types another processor generates is deferred
 * until they exist, and several connectors of one compilation share one services file.
 */
class RoundsTest {

  /** Writes {@code test.Generated}, a record, when it sees {@code @test.MakeRecord}. */
  private static final class RecordMaker extends AbstractProcessor {
    private boolean done;

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("test.MakeRecord");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      if (done || annotations.isEmpty()) {
        return false;
      }
      done = true;
      try {
        JavaFileObject file = processingEnv.getFiler().createSourceFile("test.Generated");
        try (Writer writer = file.openWriter()) {
          writer.write("package test;\n/** Made by another processor. */\n"
              + "public record Generated(String label, int size) {}\n");
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return false;
    }
  }

  private static final JavaFileObject MARKER =
      source("test.MakeRecord", "package test;", "public @interface MakeRecord {}");

  private static final JavaFileObject CONNECTOR =
      source(
          "test.Boxes",
          "package test;",
          "import dev.codemode.annotations.*;",
          "@MakeRecord",
          "@Connector",
          "public class Boxes {",
          "  @Tool public Generated pack(Generated box) { return box; }",
          "}");

  @Test
  void connectorWaitsForTypesGeneratedInALaterRound() {
    Compilation compilation =
        javac()
            .withProcessors(new RecordMaker(), new CodemodeProcessor())
            .compile(MARKER, CONNECTOR);
    assertThat(compilation).succeededWithoutWarnings();
    String json = Compiler.generatedText(compilation, "META-INF/codemode/boxes.json").orElseThrow();
    assertThat(json).contains("\"Generated\": {");
    assertThat(json).contains("\"description\": \"Made by another processor.\"");
  }

  @Test
  void typesThatNeverAppearAreReportedOnTheConnector() {
    Compilation compilation =
        javac().withProcessors(new CodemodeProcessor()).compile(MARKER, CONNECTOR);
    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining("Connector test.Boxes: Type Generated could not be resolved")
        .inFile(CONNECTOR)
        .onLine(5);
  }

  @Test
  void severalConnectorsShareOneSortedServicesFile() {
    Compilation compilation =
        Compiler.compile(
            source(
                "b.Zebra",
                "package b;",
                "import dev.codemode.annotations.*;",
                "@Connector public class Zebra { @Tool public int stripes() { return 3; } }"),
            source(
                "a.Outer",
                "package a;",
                "import dev.codemode.annotations.*;",
                "public class Outer {",
                "  @Connector public static class Inner { @Tool public void ping() {} }",
                "}"));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(Compiler.generatedText(compilation, CodemodeProcessor.SERVICES_FILE).orElseThrow())
        .isEqualTo("a.Outer_Inner_Codemode\nb.Zebra_Codemode\n");
    assertThat(Compiler.generatedText(compilation, "META-INF/codemode/inner.d.ts")).isPresent();
    assertThat(Compiler.generatedText(compilation, "META-INF/codemode/zebra.md")).isPresent();
  }
}
