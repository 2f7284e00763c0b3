package dev.codemode.openapi.build;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.codemode.core.ConnectorDescriptor;
import dev.codemode.core.ToolDescriptor;
import dev.codemode.core.typescript.TypeScriptRenderer;
import dev.codemode.core.testing.TypeScriptCompiler;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every one-feature spec of {@code @readme/oas-examples} derives (but {@code 3.1/json/webhooks.json},
 * which has webhooks only and no paths, and is refused for it), and the declarations of all of
 * them, with a file that calls every tool, type-check with {@code tsc --strict}.
 */
class ExampleSpecsTest {

  @Test
  void everySpecDerivesAndItsDeclarationsTypeCheck() throws Exception {
    List<Path> specs = Specs.allExamples();
    assertWithMessage("specs found").that(specs.size()).isAtLeast(90);
    List<ConnectorDescriptor> connectors = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < specs.size(); i++) {
      Path spec = specs.get(i);
      if (spec.endsWith("3.1/json/webhooks.json")) {
        SpecException refused =
            assertThrows(SpecException.class, () -> OpenApiDerivation.derive(SpecSource.of(spec), "webhooks", ""));
        assertThat(refused).hasMessageThat().contains("webhooks are requests the API sends");
        continue;
      }
      try {
        DerivedApi derived =
            OpenApiDerivation.derive(SpecSource.of(spec), "spec" + i, spec.toString());
        connectors.add(derived.descriptor());
        // the rendering of each one alone must not fail either
        TypeScriptRenderer.declarations(derived.descriptor());
      } catch (SpecException | RuntimeException e) {
        failures.add(spec + ": " + e);
      }
    }
    assertWithMessage("specs that failed").that(failures).isEmpty();

    StringBuilder usage = new StringBuilder();
    for (ConnectorDescriptor connector : connectors) {
      for (ToolDescriptor tool : connector.tools()) {
        String method = connector.name() + "." + tool.name();
        usage.append("export async function call_").append(connector.name()).append('_')
            .append(tool.name()).append("(input: Parameters<typeof ").append(method)
            .append(">[0]): Promise<void> {\n  const output: Awaited<ReturnType<typeof ")
            .append(method).append(">> = await ").append(method).append("(input);\n")
            .append("  console.log(output);\n}\n");
      }
    }
    Map<String, String> files = new LinkedHashMap<>();
    files.put("specs.d.ts", TypeScriptRenderer.declarations(connectors));
    files.put("usage.ts", usage.toString());
    TypeScriptCompiler.Result result = TypeScriptCompiler.create().check(files);
    assertWithMessage(result.output()).that(result.succeeded()).isTrue();
  }
}
