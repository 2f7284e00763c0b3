package dev.codemode.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.codemode.core.ConnectorDefinition;
import dev.codemode.core.JsonCodec;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A connector with more tools than one holder class or one dispatch switch takes: constants move
 * to nested holders and the switch is split, and every tool still dispatches.
 */
class LargeConnectorTest {

  static final int TOOLS = 2 * DispatchWriter.TOOLS_PER_SWITCH + 17;

  /** A connector with {@code tools} tools, each taking a string and a list and echoing them. */
  static String source(String packageName, String className, int tools) {
    StringBuilder out = new StringBuilder();
    out.append("package ").append(packageName).append(";\n\n")
        .append("import dev.codemode.annotations.*;\nimport java.util.List;\n\n")
        .append("/** A connector with ").append(tools).append(" tools. */\n")
        .append("@Connector\npublic class ").append(className).append(" {\n\n")
        .append("  /** What each tool returns. */\n")
        .append("  public record Echo(int tool, String text, List<String> tags) {}\n");
    for (int i = 0; i < tools; i++) {
      out.append("\n  /**\n   * Tool number ").append(i).append(".\n   *\n")
          .append("   * @param text any text\n   * @param tags some labels\n   */\n")
          .append("  @Tool public Echo tool").append(i)
          .append("(String text, List<String> tags) {\n    return new Echo(")
          .append(i).append(", text, tags);\n  }\n");
    }
    return out.append("}\n").toString();
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyToolOfAVeryLargeConnectorDispatches() throws Exception {
    Compilation compilation =
        Compiler.compile(JavaFileObjects.forSourceString("big.Big", source("big", "Big", TOOLS)));
    assertThat(compilation).succeededWithoutWarnings();
    String code = Compiler.generatedText(compilation, "big/Big_Codemode.java").orElseThrow();
    assertThat(code).contains("private static final class Tools0 {");
    assertThat(code).contains("private static final class Tools5 {");
    assertThat(code).contains("private @Nullable CompletionStage<JsonNode> dispatch2(");
    ClassLoader loader = Compiler.loader(compilation);
    ConnectorDefinition<Object> definition =
        (ConnectorDefinition<Object>) loader.loadClass("big.Big_Codemode").getConstructor().newInstance();
    Object big = definition.newInstance().orElseThrow();
    assertThat(definition.descriptor().tools()).hasSize(TOOLS);
    for (int i : new int[] {0, DispatchWriter.TOOLS_PER_HOLDER, DispatchWriter.TOOLS_PER_SWITCH, TOOLS - 1}) {
      var result =
          definition
              .invoke(big, "tool" + i, JsonCodec.defaults().parse("{\"text\":\"t\",\"tags\":[\"a\"]}"))
              .toCompletableFuture()
              .get(5, TimeUnit.SECONDS);
      assertThat(result.get("tool").asInt()).isEqualTo(i);
    }
  }
}
