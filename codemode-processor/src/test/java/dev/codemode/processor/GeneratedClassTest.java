package dev.codemode.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static dev.codemode.processor.Compiler.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The generated definition class compiles without a warning under {@code -Xlint:all -Werror}, as
 * the application's own code may have to, even when the connector uses deprecated API.
 */
class GeneratedClassTest {

  @Test
  void aDeprecatedToolAndTypeDoNotMakeTheGeneratedClassWarn() {
    JavaFileObject source =
        source(
            "test.Legacy",
            "package test;",
            "import dev.codemode.annotations.*;",
            "/** Old tools. */",
            "@Connector",
            "public class Legacy {",
            "  /** An old value. @deprecated use a string */",
            "  @Deprecated public record Old(String text) {}",
            "  /**",
            "   * Echoes an old value.",
            "   *",
            "   * @param value the value",
            "   * @deprecated use another tool",
            "   */",
            "  @Deprecated @Tool public Old echo(Old value) { return value; }",
            "  /** Forgets an echo. */",
            "  @SuppressWarnings(\"deprecation\")",
            "  @Revert(\"echo\") public void forget(Old result) {}",
            "}");

    Compilation compilation =
        javac()
            .withProcessors(new CodemodeProcessor())
            .withOptions("-parameters", "-Xlint:all,-processing", "-Werror")
            .compile(source);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation)
        .generatedSourceFile("test.Legacy_Codemode")
        .contentsAsUtf8String()
        .contains("@SuppressWarnings(\"deprecation\")\npublic final class Legacy_Codemode");
  }
}
