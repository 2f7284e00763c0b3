package dev.codemode.openapi.build;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.codemode.core.ToolDescriptor;
import dev.codemode.core.ToolNames;
import dev.codemode.core.testing.TypeScriptCompiler;
import dev.codemode.core.typescript.TypeScriptRenderer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The scale test: GitHub's REST API spec (13 MB, 1,223 operations, cycles, 266 oneOf) derives and
 * its declarations type-check. Timings are printed, never asserted (see DerivationFigures).
 */
class GitHubSpecTest {

  @Test
  void derivesAndTypeChecks() throws Exception {
    long start = System.nanoTime();
    ParsedSpec parsed = OpenApiDerivation.parse(SpecSource.of(Specs.github()));
    long parsedAt = System.nanoTime();
    DerivedApi derived = OpenApiDerivation.derive(parsed, "github", "", java.util.List.of());
    long derivedAt = System.nanoTime();

    assertThat(derived.descriptor().tools().size()).isAtLeast(1223);
    for (ToolDescriptor tool : derived.descriptor().tools()) {
      assertWithMessage(tool.name()).that(ToolNames.toolNameProblem(tool.name())).isNull();
    }
    assertThat(derived.descriptor().toolNames()).contains("repos_get_content");
    var getContent = derived.api().operation("repos_get_content").orElseThrow();
    assertThat(getContent.path()).isEqualTo("/repos/{owner}/{repo}/contents/{path}");
    assertThat(derived.api().servers()).containsExactly("https://api.github.com");

    String declarations = TypeScriptRenderer.declarations(derived.descriptor());
    long renderedAt = System.nanoTime();
    TypeScriptCompiler.Result result =
        TypeScriptCompiler.create().check(Map.of("github.d.ts", declarations));
    long checkedAt = System.nanoTime();
    System.out.printf(
        "GitHub: parse %d ms, derive %d ms, render %d ms, tsc %d ms, %d tools, .d.ts %d chars%n",
        (parsedAt - start) / 1_000_000, (derivedAt - parsedAt) / 1_000_000,
        (renderedAt - derivedAt) / 1_000_000, (checkedAt - renderedAt) / 1_000_000,
        derived.descriptor().tools().size(), declarations.length());
    assertWithMessage(result.output()).that(result.succeeded()).isTrue();
  }
}
