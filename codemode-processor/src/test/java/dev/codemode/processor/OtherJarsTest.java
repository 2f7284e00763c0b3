package dev.codemode.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.codemode.processor.Compiler.source;

import com.google.testing.compile.Compilation;
import dev.codemode.core.ConnectorDescriptor;
import dev.codemode.core.DescriptorJson;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A connector whose types come from a jar built earlier: the processor reads them from class files
 * (record components, annotations with class or runtime retention, sealed subtypes), without their
 * source or Javadoc.
 */
class OtherJarsTest {

  @TempDir Path folder;

  private static final JavaFileObject[] MODEL = {
    source(
        "model.Nullable",
        "package model;",
        "import java.lang.annotation.*;",
        "@Retention(RetentionPolicy.CLASS)",
        "@Target({ElementType.TYPE_USE, ElementType.PARAMETER, ElementType.METHOD, ElementType.FIELD})",
        "public @interface Nullable {}"),
    source(
        "model.Item",
        "package model;",
        "/** An item; this Javadoc is not in the class file. */",
        "public record Item(String name, @Nullable String note, Kind kind,",
        "    @jakarta.validation.constraints.Size(max = 5) java.util.List<String> tags) {}"),
    source("model.Kind", "package model;", "public enum Kind { SMALL, LARGE }"),
    source(
        "model.Page",
        "package model;",
        "public record Page<T>(java.util.List<T> items, int total) {}"),
    source(
        "model.Event",
        "package model;",
        "import com.fasterxml.jackson.annotation.*;",
        "@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = \"type\")",
        "public sealed interface Event permits Event.Added, Event.Removed {",
        "  @JsonTypeName(\"added\") record Added(Item item) implements Event {}",
        "  @JsonTypeName(\"removed\") record Removed(String name) implements Event {}",
        "}"),
    source(
        "model.Level",
        "package model;",
        "public enum Level {",
        "  LOW(\"low\");",
        "  private final String json;",
        "  Level(String json) { this.json = json; }",
        "  @com.fasterxml.jackson.annotation.JsonValue public String json() { return json; }",
        "}"),
  };

  private File modelJar() throws IOException {
    Compilation model = com.google.testing.compile.Compiler.javac().compile(MODEL);
    assertThat(model).succeeded();
    File jar = folder.resolve("model.jar").toFile();
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar.toPath()))) {
      for (Map.Entry<String, byte[]> file : Compiler.generatedBytes(model).entrySet()) {
        out.putNextEntry(new JarEntry(file.getKey()));
        out.write(file.getValue());
        out.closeEntry();
      }
    }
    return jar;
  }

  @Test
  void typesFromAJarAreMappedFromTheirClassFiles() throws IOException {
    JavaFileObject connector =
        source(
            "app.Store",
            "package app;",
            "import dev.codemode.annotations.*;",
            "import model.*;",
            "@Connector",
            "public class Store {",
            "  @Tool public Page<Item> items(Kind kind) { return null; }",
            "  @Tool public void record(Event event) {}",
            "}");
    Compilation compilation = Compiler.compile(List.of(modelJar()), connector);
    assertThat(compilation).succeededWithoutWarnings();
    ConnectorDescriptor descriptor =
        DescriptorJson.read(
            Compiler.generatedText(compilation, "META-INF/codemode/store.json").orElseThrow(), "store");
    JsonNode items = descriptor.tool("items").orElseThrow().outputSchema();
    JsonNode item = items.at("/$defs/Item");
    assertThat(item.has("description")).isFalse();
    assertThat(item.at("/required").toString()).isEqualTo("[\"name\",\"kind\",\"tags\"]");
    assertThat(item.at("/properties/note/anyOf/1/type").asString()).isEqualTo("null");
    assertThat(item.at("/properties/tags/maxItems").asInt()).isEqualTo(5);
    assertThat(items.at("/$ref").asString()).isEqualTo("#/$defs/PageOfItem");
    JsonNode event = descriptor.tool("record").orElseThrow().inputSchema();
    assertThat(event.at("/$defs/Event/discriminator/mapping").toString())
        .isEqualTo("{\"added\":\"#/$defs/Added\",\"removed\":\"#/$defs/Removed\"}");
    assertThat(event.at("/$defs/Removed/properties/type/const").asString()).isEqualTo("removed");
  }

  @Test
  void jsonValueEnumFromAJarCannotBeReadAndSaysHowToFix() throws IOException {
    JavaFileObject connector =
        source(
            "app.Levels",
            "package app;",
            "import dev.codemode.annotations.*;",
            "@Connector",
            "public class Levels {",
            "  @Tool public void set(model.Level level) {}",
            "}");
    Compilation compilation = Compiler.compile(List.of(modelJar()), connector);
    assertThat(compilation)
        .hadErrorContaining(
            "the JSON values of enum model.Level come from @JsonValue and cannot be read at"
                + " compile time: its source is not part of this compilation (it comes from a"
                + " class file)")
        .inFile(connector)
        .onLine(5);
  }
}
