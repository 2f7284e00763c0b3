package dev.codemode.openapi.build;

import dev.codemode.core.testing.NpmFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The pinned specs of {@code tools/openapi-specs}, installed with npm on first use. */
final class Specs {

  private Specs() {}

  static Path folder() {
    return NpmFolder.installed(
        "openapi-specs", "node_modules/@octokit/openapi/package.json", "the OpenAPI specs");
  }

  /** A spec of {@code @readme/oas-examples}, such as {@code 3.0/yaml/petstore.yaml}. */
  static Path example(String relative) {
    return folder().resolve("node_modules/@readme/oas-examples").resolve(relative);
  }

  static Path github() {
    return folder().resolve("node_modules/@octokit/openapi/generated/api.github.com.json");
  }

  /** Every one-feature spec: all of 2.0/json, 3.0/json, 3.0/yaml and 3.1/json, sorted. */
  static List<Path> allExamples() {
    Path root = example("");
    try (Stream<Path> files =
        Stream.of("2.0/json", "3.0/json", "3.0/yaml", "3.1/json")
            .map(root::resolve)
            .flatMap(Specs::list)) {
      return files.sorted().toList();
    }
  }

  private static Stream<Path> list(Path dir) {
    try {
      return Files.list(dir).filter(Files::isRegularFile)
          .filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".yaml"))
          .toList().stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static DerivedApi derive(String relative) throws SpecException {
    return OpenApiDerivation.derive(SpecSource.of(example(relative)), "api", "");
  }
}
