package dev.codemode.samples;

import static com.google.common.truth.Truth.assertThat;

import dev.codemode.core.ConnectorDefinition;
import dev.codemode.core.ConnectorDescriptor;
import dev.codemode.core.DescriptorJson;
import dev.codemode.core.testing.GoldenFiles;
import dev.codemode.core.testing.TypeScriptCompiler;
import dev.codemode.core.typescript.TypeScriptRenderer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the annotation processor wrote for the samples during this build: the files match their
 * golden copies, {@code ServiceLoader} finds the definitions, and the TypeScript declarations
 * type-check with {@code tsc --strict} alone and together with code that calls every tool, while
 * code that calls a tool wrongly does not.
 */
class GeneratedFilesTest {

  private static final List<String> CONNECTORS = List.of("tasks", "travel", "petstore");

  static String resource(String path) {
    try (InputStream in = GeneratedFilesTest.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new AssertionError(path + " was not generated");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasks", "travel", "petstore"})
  void generatedFilesMatchTheirGoldenCopies(String name) {
    GoldenFiles.assertMatches("golden/" + name + ".d.ts", resource("META-INF/codemode/" + name + ".d.ts"));
    GoldenFiles.assertMatches("golden/" + name + ".json", resource("META-INF/codemode/" + name + ".json"));
    GoldenFiles.assertMatches("golden/" + name + ".md", resource("META-INF/codemode/" + name + ".md"));
  }

  @Test
  void serviceLoaderFindsEveryDefinition() {
    List<String> names = new ArrayList<>();
    for (ConnectorDefinition<?> definition : ServiceLoader.load(ConnectorDefinition.class)) {
      names.add(definition.descriptor().name());
      assertThat(definition.newInstance()).isPresent();
      assertThat(definition.connectorClass().isInstance(definition.newInstance().get())).isTrue();
    }
    assertThat(names).containsExactlyElementsIn(CONNECTORS);
  }

  @Test
  void descriptorOfTheDefinitionIsTheDescriptorFile() {
    for (ConnectorDefinition<?> definition : ServiceLoader.load(ConnectorDefinition.class)) {
      String name = definition.descriptor().name();
      ConnectorDescriptor fromFile =
          DescriptorJson.read(resource("META-INF/codemode/" + name + ".json"), name);
      assertThat(DescriptorJson.write(definition.descriptor()))
          .isEqualTo(DescriptorJson.write(fromFile));
      assertThat(definition.typeScript()).isEqualTo(resource("META-INF/codemode/" + name + ".d.ts"));
      assertThat(TypeScriptRenderer.declarations(fromFile)).isEqualTo(definition.typeScript());
    }
  }

  private static Map<String, String> declarations() {
    Map<String, String> files = new LinkedHashMap<>();
    for (String name : CONNECTORS) {
      files.put(name + ".d.ts", resource("META-INF/codemode/" + name + ".d.ts"));
    }
    return files;
  }

  private static Map<String, String> with(Map<String, String> files, String... usageFiles) {
    Map<String, String> all = new LinkedHashMap<>(files);
    for (String usage : usageFiles) {
      all.put(usage, GoldenFiles.read("typescript/" + usage));
    }
    return all;
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasks", "travel", "petstore"})
  void eachDeclarationFileTypeChecksOnItsOwn(String name) {
    TypeScriptCompiler.Result result =
        TypeScriptCompiler.create()
            .check(Map.of(name + ".d.ts", resource("META-INF/codemode/" + name + ".d.ts")));
    assertThat(result.output()).isEmpty();
    assertThat(result.succeeded()).isTrue();
  }

  @Test
  void callingEveryToolCorrectlyTypeChecks() {
    TypeScriptCompiler.Result result =
        TypeScriptCompiler.create().check(with(declarations(), "usage.ts"));
    assertThat(result.output()).isEmpty();
    assertThat(result.succeeded()).isTrue();
  }

  @Test
  void callingEveryToolCorrectlyTypeChecksAgainstTheCombinedDeclarations() {
    List<ConnectorDescriptor> connectors = new ArrayList<>();
    for (String name : CONNECTORS) {
      connectors.add(DescriptorJson.read(resource("META-INF/codemode/" + name + ".json"), name));
    }
    Map<String, String> files = new LinkedHashMap<>();
    files.put("connectors.d.ts", TypeScriptRenderer.declarations(connectors));
    TypeScriptCompiler.Result result = TypeScriptCompiler.create().check(with(files, "usage.ts"));
    assertThat(result.output()).isEmpty();
    assertThat(result.succeeded()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"wrong-argument.ts", "wrong-payment.ts", "unknown-tool.ts"})
  void callingAToolWronglyFailsToTypeCheck(String usage) {
    TypeScriptCompiler.Result result = TypeScriptCompiler.create().check(with(declarations(), usage));
    assertThat(result.succeeded()).isFalse();
    assertThat(result.output()).contains(usage + "(3,");
    assertThat(result.output()).containsMatch("error TS2(322|339|353)");
  }
}
