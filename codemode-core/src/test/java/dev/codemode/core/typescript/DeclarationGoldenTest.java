package dev.codemode.core.typescript;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.codemode.core.ConnectorDescriptor;
import dev.codemode.core.testing.GoldenFiles;
import dev.codemode.core.testing.TypeScriptCompiler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden declaration files, each type-checked with tsc on its own, with a usage file that calls
 * every tool correctly (must pass), and with a usage file that passes a wrong argument type (must
 * fail). Hand-written connectors cover the weak spots; the captured tools of four real MCP
 * servers cover what servers publish.
 */
class DeclarationGoldenTest {

  private static TypeScriptCompiler compiler;

  @BeforeAll
  static void installCompiler() {
    compiler = TypeScriptCompiler.create();
  }

  static Stream<Arguments> goldens() {
    return Stream.of(
        golden("tasks", () -> TypeScriptRenderer.declarations(descriptor("tasks"))),
        golden("inventory", () -> TypeScriptRenderer.declarations(descriptor("inventory"))),
        golden(
            "tasks-and-projects",
            () ->
                TypeScriptRenderer.declarations(
                    List.of(descriptor("tasks"), descriptor("projects")))),
        golden("mcp/everything", () -> mcp("everything", "everything")),
        golden("mcp/filesystem", () -> mcp("filesystem", "filesystem")),
        golden("mcp/memory", () -> mcp("memory", "memory")),
        golden("mcp/sequential-thinking", () -> mcp("sequential-thinking", "sequentialThinking")),
        golden(
            "mcp/ms-365",
            () ->
                TypeScriptRenderer.declarations(
                    ConnectorFiles.fromMcpToolsList(
                        "mcp/ms-365-mcp-server.tools-list.json",
                        "microsoft",
                        "Four tools of @softeria/ms-365-mcp-server@0.155.0, whose schemas use"
                            + " $defs and $ref for recursive Microsoft Graph types."))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldens")
  void matchesGolden(String name, Supplier<String> render) {
    GoldenFiles.assertMatches("typescript/" + name + ".d.ts", render.get());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldens")
  void typeChecksOnItsOwn(String name, Supplier<String> render) {
    TypeScriptCompiler.Result result = compiler.check(Map.of("api.d.ts", render.get()));
    assertWithMessage(result.output()).that(result.succeeded()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldens")
  void correctUsageTypeChecks(String name, Supplier<String> render) {
    TypeScriptCompiler.Result result = compiler.check(files(render.get(), name + ".usage.ts"));
    assertWithMessage(result.output()).that(result.succeeded()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldens")
  void wrongArgumentTypeFails(String name, Supplier<String> render) {
    TypeScriptCompiler.Result result = compiler.check(files(render.get(), name + ".bad.ts"));
    assertThat(result.succeeded()).isFalse();
    assertThat(result.output()).contains("usage.ts(");
    assertThat(result.output()).containsMatch("error TS(2322|2345|2353|2741)");
    assertThat(result.output()).doesNotContain("api.d.ts(");
  }

  private static Map<String, String> files(String declarations, String usageResource) {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("api.d.ts", declarations);
    files.put("usage.ts", GoldenFiles.read("typescript/" + usageResource));
    return files;
  }

  private static Arguments golden(String name, Supplier<String> render) {
    return Arguments.of(name, render);
  }

  private static ConnectorDescriptor descriptor(String name) {
    return ConnectorFiles.fromDescriptor("typescript/" + name + ".connector.json");
  }

  private static String mcp(String server, String connectorName) {
    return TypeScriptRenderer.declarations(
        ConnectorFiles.fromMcpToolsList(
            "mcp/server-" + server + ".tools-list.json",
            connectorName,
            "Tools of @modelcontextprotocol/server-" + server + "@2026.8.31."));
  }
}
