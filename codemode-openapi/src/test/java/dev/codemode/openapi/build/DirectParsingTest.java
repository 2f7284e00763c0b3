package dev.codemode.openapi.build;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.codemode.core.DescriptorJson;
import dev.codemode.openapi.ApiSpecJson;
import dev.codemode.openapi.OpenApiConnector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The direct path of {@link SpecParser} ({@link LocalJsonSpec}) derives exactly what the
 * swagger-parser path derives: the same descriptor JSON, operations JSON and warnings, for every
 * spec it takes among the one-feature specs of {@code @readme/oas-examples} and for GitHub's.
 */
class DirectParsingTest {

  @Test
  void everyExampleSpecDerivesTheSameOnBothPaths() throws Exception {
    List<String> taken = new ArrayList<>();
    List<String> differences = new ArrayList<>();
    for (Path spec : Specs.allExamples()) {
      String difference = compare(spec);
      if (difference == null) {
        continue;
      }
      taken.add(spec.toString());
      if (!difference.isEmpty()) {
        differences.add(spec + ": " + difference);
      }
    }
    assertWithMessage("specs that differ").that(differences).isEmpty();
    // most 3.0 JSON specs go the direct way
    assertWithMessage("specs read directly").that(taken.size()).isAtLeast(30);
  }

  @Test
  void gitHubDerivesTheSameOnBothPaths() throws Exception {
    assertThat(compare(Specs.github())).isEmpty();
  }

  @Test
  void yamlSwagger2AndExternalReferencesAreLeftToSwaggerParser() {
    assertThat(LocalJsonSpec.read("openapi: 3.0.3\ninfo: {title: t, version: '1'}\n")).isNull();
    assertThat(LocalJsonSpec.read("{\"swagger\": \"2.0\", \"paths\": {}}")).isNull();
    assertThat(LocalJsonSpec.read("{\"openapi\": \"3.2.0\", \"paths\": {}}")).isNull();
    assertThat(LocalJsonSpec.read("{\"openapi\": \"3.0.3\", \"paths\": {")).isNull();
    assertThat(
            LocalJsonSpec.read(
                "{\"openapi\": \"3.0.3\", \"paths\": {\"/a\": {\"$ref\": \"other.json#/a\"}}}"))
        .isNull();
    assertThat(
            LocalJsonSpec.read(
                "{\"openapi\": \"3.0.3\", \"components\": {\"schemas\": {\"A\": {\"$ref\": \"B\"}}}}"))
        .isNull();
    assertThat(
            LocalJsonSpec.read(
                "{\"openapi\": \"3.0.3\", \"paths\": {\"/a\": {\"$ref\": \"#/components/pathItems/a\"}}}"))
        .isNotNull();
  }

  /**
   * {@code null} when the direct path does not take the spec, else the differences between the
   * two paths' outputs, empty when there are none.
   */
  private static String compare(Path file) throws SpecException {
    SpecSource source = SpecSource.of(file);
    String text = SpecParser.text(source);
    ParsedSpec direct = SpecParser.parseDirectly(source, text);
    if (direct == null) {
      return null;
    }
    ParsedSpec swagger = SpecParser.parseWithSwagger(source, text);
    Outcome viaDirect = Outcome.of(direct);
    Outcome viaSwagger = Outcome.of(swagger);
    StringBuilder difference = new StringBuilder();
    if (!viaDirect.descriptor().equals(viaSwagger.descriptor())) {
      difference.append("descriptor differs: ")
          .append(firstDifference(viaDirect.descriptor(), viaSwagger.descriptor())).append("; ");
    }
    if (!viaDirect.operations().equals(viaSwagger.operations())) {
      difference.append("operations differ: ")
          .append(firstDifference(viaDirect.operations(), viaSwagger.operations())).append("; ");
    }
    // swagger-parser's own messages (structural validation) are what the direct path does not give
    List<String> swaggerWarnings =
        viaSwagger.warnings().stream().filter(w -> !w.startsWith("swagger-parser: ")).toList();
    if (!viaDirect.warnings().equals(swaggerWarnings)) {
      difference.append("warnings differ: ").append(viaDirect.warnings()).append(" vs ")
          .append(viaSwagger.warnings());
    }
    return difference.toString();
  }

  /** What one path derives: the files' text, or the error. */
  private record Outcome(String descriptor, String operations, List<String> warnings) {

    static Outcome of(ParsedSpec spec) {
      try {
        DerivedApi derived =
            OpenApiDerivation.derive(spec, "api", "", List.of(OpenApiConnector.requestTool()));
        return new Outcome(
            DescriptorJson.write(derived.descriptor()), ApiSpecJson.write(derived.api()),
            derived.warnings());
      } catch (SpecException e) {
        return new Outcome("error: " + e.getMessage(), "", List.of());
      }
    }
  }

  private static String firstDifference(String direct, String swagger) {
    int at = 0;
    while (at < direct.length() && at < swagger.length() && direct.charAt(at) == swagger.charAt(at)) {
      at++;
    }
    int from = Math.max(0, at - 300);
    return "direct «" + direct.substring(from, Math.min(direct.length(), at + 200))
        + "» swagger «" + swagger.substring(from, Math.min(swagger.length(), at + 200)) + "»";
  }
}
