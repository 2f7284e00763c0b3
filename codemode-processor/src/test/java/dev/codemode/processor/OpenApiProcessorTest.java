package dev.codemode.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static dev.codemode.processor.Compiler.source;

import com.google.testing.compile.Compilation;
import com.sun.net.httpserver.HttpServer;
import dev.codemode.core.ConnectorDefinition;
import dev.codemode.core.JsonCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code @OpenApi} classes through javac: the files written, the definition found by {@code
 * ServiceLoader} and calling a real HTTP server, and every diagnostic on its element.
 */
class OpenApiProcessorTest {

  /** The folder of the test specs, given to javac as its source path. */
  private static final Path SPECS = specsFolder();

  private static Path specsFolder() {
    URL url = OpenApiProcessorTest.class.getResource("/openapi/specs/tiny.yaml");
    try {
      return Path.of(url.toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Compilation compile(JavaFileObject... sources) {
    return javac()
        .withProcessors(new CodemodeProcessor())
        .withOptions("-parameters", "-sourcepath", SPECS.toString())
        .compile(sources);
  }

  private static JavaFileObject openApiClass(String annotation, String... body) {
    List<String> lines = new ArrayList<>();
    lines.add("package test;");
    lines.add("import dev.codemode.annotations.*;");
    lines.add("import dev.codemode.openapi.OpenApiConnector;");
    lines.add("/** Notes, from a spec. */");
    lines.add(annotation);
    lines.add("public class TinyConnector extends OpenApiConnector {");
    lines.addAll(List.of(body));
    lines.add("}");
    return source("test.TinyConnector", lines.toArray(new String[0]));
  }

  @Test
  void writesTheFilesOfAConnector() {
    Compilation compilation = compile(openApiClass("@OpenApi(spec = \"tiny.yaml\")"));
    assertThat(compilation).succeededWithoutWarnings();
    for (String file :
        List.of("tiny.json", "tiny.d.ts", "tiny.md", "tiny.openapi.json")) {
      assertThat(Compiler.generatedText(compilation, "META-INF/codemode/" + file)).isPresent();
    }
    String typeScript =
        Compiler.generatedText(compilation, "META-INF/codemode/tiny.d.ts").orElseThrow();
    assertThat(typeScript).contains("declare const tiny: {");
    assertThat(typeScript).contains("listNotes: (input: ListNotesInput) => Promise<ListNotesOutput>;");
    assertThat(typeScript).contains("createNote: (input: CreateNoteInput)");
    assertThat(typeScript).contains("getNote: (input: GetNoteInput)");
    assertThat(typeScript).contains("request: (input: RequestInput)");
    assertThat(typeScript).contains("type Note = {");
    String definition =
        Compiler.generatedText(compilation, "test/TinyConnector_Codemode.java").orElseThrow();
    assertThat(definition).contains("extends OpenApiDefinition<TinyConnector>");
    assertThat(definition).contains("@Generated(");
    assertThat(definition).contains("return Optional.of(new TinyConnector());");
    assertThat(
            Compiler.generatedText(
                compilation, "META-INF/services/dev.codemode.core.ConnectorDefinition"))
        .hasValue("test.TinyConnector_Codemode\n");
  }

  @Test
  void aSpecNextToTheClassIsFoundByItsPackage() {
    JavaFileObject source =
        source(
            "test.Packaged",
            "package test;",
            "import dev.codemode.annotations.*;",
            "@OpenApi(spec = \"packaged.yaml\")",
            "public class Packaged extends dev.codemode.openapi.OpenApiConnector {}");
    Compilation compilation = compile(source);
    assertThat(compilation).succeeded();
    assertThat(Compiler.generatedText(compilation, "META-INF/codemode/packaged.d.ts"))
        .isPresent();
  }

  @Test
  void outputIsDeterministic() {
    JavaFileObject source = openApiClass("@OpenApi(spec = \"tiny.yaml\")");
    var first = Compiler.generatedBytes(compile(source));
    var second = Compiler.generatedBytes(compile(source));
    assertThat(first.keySet()).isEqualTo(second.keySet());
    for (String file : first.keySet()) {
      assertThat(new String(second.get(file), StandardCharsets.UTF_8))
          .isEqualTo(new String(first.get(file), StandardCharsets.UTF_8));
    }
  }

  @Test
  void theGeneratedConnectorCallsARealServer() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    List<String> seen = new ArrayList<>();
    server.createContext(
        "/",
        exchange -> {
          synchronized (seen) {
            seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
          }
          byte[] body =
              "{\"id\":\"n-1\",\"text\":\"buy milk\",\"replies\":[]}"
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    Path output = Files.createTempDirectory("codemode-openapi-javac");
    try {
      String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
      JavaFileObject source =
          openApiClass(
              "@OpenApi(spec = \"tiny.yaml\")",
              "  public TinyConnector() {",
              "    super(java.net.URI.create(\"" + base + "\"));",
              "  }");
      compileInto(output, source);
      try (URLClassLoader loader =
          new URLClassLoader(
              new URL[] {output.toUri().toURL()}, OpenApiProcessorTest.class.getClassLoader())) {
        ConnectorDefinition<?> definition = onlyDefinition(loader);
        assertThat(definition.descriptor().name()).isEqualTo("tiny");
        assertThat(definition.descriptor().toolNames())
            .containsAtLeast("listNotes", "createNote", "getNote", "request");
        JsonNode note =
            call(definition, "getNote", "{\"noteId\":\"n/1 x\"}");
        assertThat(note.path("text").asString()).isEqualTo("buy milk");
        call(definition, "listNotes", "{\"limit\":5}");
        assertThat(seen).containsExactly("GET /v1/notes/n%2F1%20x", "GET /v1/notes?limit=5")
            .inOrder();
      }
    } finally {
      server.stop(0);
      deleteRecursively(output);
    }
  }

  @SuppressWarnings("unchecked")
  private static JsonNode call(ConnectorDefinition<?> definition, String tool, String input)
      throws Exception {
    ConnectorDefinition<Object> typed = (ConnectorDefinition<Object>) definition;
    Object instance = typed.newInstance().orElseThrow();
    return typed
        .invoke(instance, tool, JsonCodec.defaults().mapper().readTree(input))
        .toCompletableFuture()
        .get(10, TimeUnit.SECONDS);
  }

  private static ConnectorDefinition<?> onlyDefinition(ClassLoader loader) {
    List<ConnectorDefinition<?>> found = new ArrayList<>();
    for (ConnectorDefinition<?> definition : ServiceLoader.load(ConnectorDefinition.class, loader)) {
      if (definition.getClass().getClassLoader() == loader) {
        found.add(definition);
      }
    }
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  private static void compileInto(Path output, JavaFileObject source) {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    List<String> problems = new ArrayList<>();
    JavaCompiler.CompilationTask task =
        compiler.getTask(
            null,
            null,
            diagnostic -> problems.add(diagnostic.toString()),
            List.of(
                "-d", output.toString(),
                "-s", output.toString(),
                "-parameters",
                "-sourcepath", SPECS.toString(),
                "-classpath", System.getProperty("java.class.path")),
            null,
            List.of(source));
    task.setProcessors(List.of(new CodemodeProcessor()));
    assertWithMessage("javac: %s", problems).that(task.call()).isTrue();
  }

  @Test
  void aMissingSpecIsAnErrorOnTheAnnotation() {
    JavaFileObject source = openApiClass("@OpenApi(spec = \"nowhere/missing.yaml\")");
    Compilation compilation = compile(source);
    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining("OpenAPI spec \"nowhere/missing.yaml\" was not found")
        .inFile(source)
        .onLine(5);
    assertThat(compilation).hadErrorContaining("src/main/resources");
  }

  @Test
  void anEmptySpecPathIsAnError() {
    Compilation compilation = compile(openApiClass("@OpenApi(spec = \"  \")"));
    assertThat(compilation).hadErrorContaining("@OpenApi(spec) is empty");
  }

  @Test
  void aBrokenSpecIsAnErrorNamingTheSpec() {
    JavaFileObject source = openApiClass("@OpenApi(spec = \"broken.yaml\")");
    Compilation compilation = compile(source);
    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining("OpenAPI spec broken.yaml at 16:37: is not valid YAML or JSON")
        .inFile(source)
        .onLine(5);
    assertThat(compilation).hadErrorContaining("Fix the syntax at that line and column");
  }

  @Test
  void theClassMustExtendOpenApiConnector() {
    JavaFileObject source =
        source(
            "test.Plain",
            "package test;",
            "import dev.codemode.annotations.*;",
            "@OpenApi(spec = \"tiny.yaml\")",
            "public class Plain {}");
    Compilation compilation = compile(source);
    assertThat(compilation)
        .hadErrorContaining("@OpenApi class Plain must extend dev.codemode.openapi.OpenApiConnector")
        .inFile(source)
        .onLine(4);
  }

  @Test
  void theClassMustBePublic() {
    JavaFileObject source =
        source(
            "test.Hidden",
            "package test;",
            "import dev.codemode.annotations.*;",
            "@OpenApi(spec = \"tiny.yaml\")",
            "class Hidden extends dev.codemode.openapi.OpenApiConnector {}");
    assertThat(compile(source)).hadErrorContaining("@OpenApi class Hidden must be public");
  }

  @Test
  void connectorAndOpenApiTogetherAreAnError() {
    Compilation compilation =
        compile(openApiClass("@OpenApi(spec = \"tiny.yaml\") @Connector"));
    assertThat(compilation).hadErrorContaining("has both @OpenApi and @Connector");
  }

  @Test
  void toolMethodsInAnOpenApiClassAreAnError() {
    JavaFileObject source =
        openApiClass("@OpenApi(spec = \"tiny.yaml\")", "  @Tool public String extra() { return \"\"; }");
    Compilation compilation = compile(source);
    assertThat(compilation)
        .hadErrorContaining("@Tool method extra is in @OpenApi class TinyConnector")
        .inFile(source)
        .onLine(7);
  }

  @Test
  void aBadNameIsAnErrorOnTheAnnotation() {
    Compilation compilation = compile(openApiClass("@OpenApi(spec = \"tiny.yaml\", name = \"my-api\")"));
    assertThat(compilation).hadErrorContaining("set @OpenApi(name = \"my_api\")");
  }

  @Test
  void collidingToolNamesAreOneWarning() {
    Compilation compilation =
        compile(openApiClass("@OpenApi(spec = \"colliding.yaml\", name = \"colliding\")"));
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(1);
    assertThat(compilation).hadWarningContaining("OpenAPI spec colliding.yaml: 1 warning");
    String typeScript =
        Compiler.generatedText(compilation, "META-INF/codemode/colliding.d.ts").orElseThrow();
    assertThat(typeScript).contains("items_list");
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

}
