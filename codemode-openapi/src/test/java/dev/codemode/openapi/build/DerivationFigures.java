package dev.codemode.openapi.build;

import dev.codemode.core.DescriptorJson;
import dev.codemode.core.typescript.TypeScriptRenderer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Prints how long a spec takes to parse and derive, and how large the descriptor and its {@code
 * .d.ts} are: {@code DerivationFigures <spec> [runs]}. Not a test: timings on shared machines are
 * noise, so no test asserts them.
 */
public final class DerivationFigures {

  private DerivationFigures() {}

  public static void main(String[] args) throws Exception {
    Path spec = Path.of(args[0]);
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    for (int run = 1; run <= runs; run++) {
      long start = System.nanoTime();
      ParsedSpec parsed = OpenApiDerivation.parse(SpecSource.of(spec));
      long parsedAt = System.nanoTime();
      DerivedApi derived = OpenApiDerivation.derive(parsed, "api", "", List.of());
      long derivedAt = System.nanoTime();
      String json = DescriptorJson.write(derived.descriptor());
      long writtenAt = System.nanoTime();
      String types = TypeScriptRenderer.declarations(derived.descriptor());
      long renderedAt = System.nanoTime();
      System.out.printf(
          "run %d: parse %d ms, derive %d ms, descriptor JSON %d ms, .d.ts %d ms; %d tools,"
              + " %d warnings, descriptor %d bytes, .d.ts %d bytes%n",
          run, (parsedAt - start) / 1_000_000, (derivedAt - parsedAt) / 1_000_000,
          (writtenAt - derivedAt) / 1_000_000, (renderedAt - writtenAt) / 1_000_000,
          derived.descriptor().tools().size(), derived.warnings().size(),
          json.getBytes(StandardCharsets.UTF_8).length,
          types.getBytes(StandardCharsets.UTF_8).length);
      if (args.length > 2 && run == runs) {
        java.nio.file.Files.writeString(Path.of(args[2] + ".json"), json);
        java.nio.file.Files.writeString(Path.of(args[2] + ".d.ts"), types);
        java.nio.file.Files.write(Path.of(args[2] + ".warnings"), derived.warnings());
      }
    }
  }
}
