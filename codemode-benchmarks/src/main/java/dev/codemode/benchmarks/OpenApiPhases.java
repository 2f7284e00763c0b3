package dev.codemode.benchmarks;

import dev.codemode.core.ConnectorDescriptor;
import dev.codemode.core.DescriptorJson;
import dev.codemode.core.dispatch.GeneratedResources;
import dev.codemode.core.docs.MarkdownRenderer;
import dev.codemode.core.typescript.TypeScriptRenderer;
import dev.codemode.openapi.ApiSpecJson;
import dev.codemode.openapi.OpenApiConnector;
import dev.codemode.openapi.build.DerivedApi;
import dev.codemode.openapi.build.OpenApiDerivation;
import dev.codemode.openapi.build.ParsedSpec;
import dev.codemode.openapi.build.SpecSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Build-time phases of an {@code @OpenApi} connector, the work the annotation processor does for
 * one spec, timed one by one in this JVM: reading the spec, the derivation, the descriptor JSON,
 * the {@code .d.ts}, the operations file, the Markdown and the SHA-256s. The first run is cold
 * (what a fresh javac pays), the later ones warm. One line per run.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.codemode.benchmarks.OpenApiPhases SPEC [RUNS]}
 */
public final class OpenApiPhases {

  private OpenApiPhases() {}

  /** Times the phases of the spec {@code args[0]}, {@code args[1]} times (default 3). */
  public static void main(String[] args) throws Exception {
    Path spec = Path.of(args[0]);
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    for (int run = 1; run <= runs; run++) {
      Map<String, Long> millis = new LinkedHashMap<>();
      long start = System.nanoTime();
      long at = start;
      SpecSource source =
          new SpecSource(
              spec.toString(), spec.toAbsolutePath().toUri(),
              Files.readString(spec, StandardCharsets.UTF_8));
      ParsedSpec parsed = OpenApiDerivation.parse(source);
      at = lap(millis, "parse", at);
      DerivedApi derived =
          OpenApiDerivation.derive(parsed, "api", "", List.of(OpenApiConnector.requestTool()));
      at = lap(millis, "derive", at);
      ConnectorDescriptor descriptor = derived.descriptor();
      String json = DescriptorJson.write(descriptor);
      at = lap(millis, "descriptor_json", at);
      String typeScript = TypeScriptRenderer.declarations(descriptor);
      at = lap(millis, "dts", at);
      String operations = ApiSpecJson.write(derived.api());
      at = lap(millis, "operations_json", at);
      String markdown = MarkdownRenderer.render(descriptor);
      at = lap(millis, "markdown", at);
      GeneratedResources.sha256(json);
      GeneratedResources.sha256(typeScript);
      GeneratedResources.sha256(operations);
      at = lap(millis, "sha256", at);
      StringBuilder line = new StringBuilder("run " + run + ":");
      millis.forEach((phase, ms) -> line.append(' ').append(phase).append("_ms=").append(ms));
      line.append(" total_ms=").append((at - start) / 1_000_000)
          .append(" sizes=").append(json.length()).append('/').append(typeScript.length())
          .append('/').append(operations.length()).append('/').append(markdown.length());
      System.out.println(line);
    }
  }

  private static long lap(Map<String, Long> millis, String phase, long since) {
    long now = System.nanoTime();
    millis.put(phase, (now - since) / 1_000_000);
    return now;
  }
}
