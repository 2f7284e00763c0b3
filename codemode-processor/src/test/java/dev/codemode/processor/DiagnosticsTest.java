package dev.codemode.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.codemode.processor.Compiler.compile;
import static dev.codemode.processor.Compiler.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Every diagnostic of the processor: its kind, the line it points at, and a message that says what
 * is wrong and how to fix it. A connector with errors gets no generated files.
 */
class DiagnosticsTest {

  private static JavaFileObject connector(String... body) {
    String[] lines = new String[body.length + 8];
    lines[0] = "package test;";
    lines[1] = "import dev.codemode.annotations.*;";
    lines[2] = "import java.util.*;";
    lines[3] = "import java.util.concurrent.*;";
    lines[4] = "@Connector";
    lines[5] = "public class Tasks {";
    System.arraycopy(body, 0, lines, 6, body.length);
    lines[body.length + 6] = "}";
    lines[body.length + 7] = "";
    return source("test.Tasks", lines);
  }

  /** The line number in {@link #connector} of body line {@code index} (0-based). */
  private static int line(int index) {
    return index + 7;
  }

  /** A connector with errors gets no files at all: no definition, no descriptor, no services. */
  private static void assertNothingGenerated(JavaFileObject... sources) {
    assertThat(Compiler.filesWritten(sources)).isEmpty();
  }

  @Test
  void toolMethodMustBePublic() {
    JavaFileObject source = connector("  @Tool String find(String id) { return id; }");
    Compilation compilation = compile(source);
    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining("@Tool method find must be public")
        .inFile(source)
        .onLine(line(0));
    assertThat(compilation).hadErrorContaining("declare it public");
    assertNothingGenerated(source);
  }

  @Test
  void toolMethodMustNotBeStatic() {
    JavaFileObject source = connector("  @Tool public static String find(String id) { return id; }");
    Compilation compilation = compile(source);
    assertThat(compilation)
        .hadErrorContaining("@Tool method find must not be static")
        .inFile(source)
        .onLine(line(0));
  }

  @Test
  void toolMethodMustNotBeGeneric() {
    JavaFileObject source = connector("  @Tool public <T> T find(T id) { return id; }");
    Compilation compilation = compile(source);
    assertThat(compilation)
        .hadErrorContaining("@Tool method find is generic")
        .inFile(source)
        .onLine(line(0));
    assertThat(compilation).hadErrorContaining("Replace the type parameters with concrete types");
  }

  @Test
  void toolOutsideConnector() {
    JavaFileObject source =
        source(
            "test.Helper",
            "package test;",
            "import dev.codemode.annotations.Tool;",
            "public class Helper {",
            "  @Tool public String find(String id) { return id; }",
            "}");
    Compilation compilation = compile(source);
    assertThat(compilation)
        .hadErrorContaining("@Tool method find is in Helper, which is not a @Connector class")
        .inFile(source)
        .onLine(4);
  }

  @Test
  void revertOutsideConnector() {
    JavaFileObject source =
        source(
            "test.Helper",
            "package test;",
            "import dev.codemode.annotations.Revert;",
            "public class Helper {",
            "  @Revert(\"create\") public void undo(String id) {}",
            "}");
    Compilation compilation = compile(source);
    assertThat(compilation)
        .hadErrorContaining("@Revert method undo is in Helper, which is not a @Connector class")
        .inFile(source)
        .onLine(4);
  }

  @Test
  void parameterTypeThatIsNotJson() {
    JavaFileObject source =
        connector("  @Tool public String start(Thread worker) { return \"\"; }");
    Compilation compilation = compile(source);
    assertThat(compilation)
        .hadErrorContaining(
            "Tool start: parameter worker: java.lang.Thread: a Thread is not a JSON value")
        .inFile(source)
        .onLine(line(0));
    assertNothingGenerated(source);
  }

  @Test
  void returnTypeThatIsNotJson() {
    JavaFileObject source =
        connector("  @Tool public java.io.InputStream open(String name) { return null; }");
    Compilation compilation = compile(source);
    assertThat(compilation)
        .hadErrorContaining(
            "Tool open: return type: java.io.InputStream: a stream is not a JSON value; use"
                + " byte[]")
        .inFile(source)
        .onLine(line(0));
  }

  @Test
  void problemDeepInsideARecordNamesThePath() {
    JavaFileObject source =
        connector(
            "  public record Owner(String name, Thread worker) {}",
            "  public record Task(String title, List<Owner> owners) {}",
            "  @Tool public Task create(Task task) { return task; }");
    Compilation compilation = compile(source);
    assertThat(compilation)
        .hadErrorContaining("Tool create: Owner.worker: java.lang.Thread: a Thread is not a JSON value")
        .inFile(source)
        .onLine(line(2));
  }

  @Test
  void rawTypeSaysToAddTypeArguments() {
    JavaFileObject source =
        connector("  @SuppressWarnings(\"rawtypes\") @Tool public int count(List items) { return 0; }");
    Compilation compilation = compile(source);
    assertThat(compilation)
        .hadErrorContaining("the raw type java.util.List does not say what it holds; add type arguments")
        .inFile(source)
        .onLine(line(0));
  }

  @Test
  void mapKeyMustBeAString() {
    JavaFileObject source =
        connector(
            "  public record Point(int x, int y) {}",
            "  @Tool public int count(Map<Point, String> labels) { return 0; }");
    Compilation compilation = compile(source);
    assertThat(compilation)
        .hadErrorContaining(
            "a map key must be a String, an enum, an integer or a UUID, not test.Tasks.Point")
        .inFile(source)
        .onLine(line(1));
  }

  @Test
  void unknownPlatformTypeIsRejected() {
    JavaFileObject source =
        connector("  @Tool public int count(java.util.concurrent.Semaphore gate) { return 0; }");
    Compilation compilation = compile(source);
    assertThat(compilation)
        .hadErrorContaining(
            "java.util.concurrent.Semaphore is not a JSON value type Codemode knows")
        .inFile(source)
        .onLine(line(0));
  }

  @Test
  void inputClassThatJacksonCannotCreate() {
    JavaFileObject source =
        connector(
            "  public static class Filter {",
            "    public Filter(String text) {}",
            "    public String getText() { return \"\"; }",
            "  }",
            "  @Tool public int count(Filter filter) { return 0; }");
    Compilation compilation = compile(source);
    assertThat(compilation)
        .hadErrorContaining(
            "Tool count: its input uses Filter, which cannot be created from JSON input: it has"
                + " no no-arg constructor and no @JsonCreator")
        .inFile(source)
        .onLine(line(4));
  }

  @Test
  void theSameClassIsFineAsAnOutput() {
    JavaFileObject source =
        connector(
            "  public static class Summary {",
            "    public Summary(String text) {}",
            "    public String getText() { return \"\"; }",
            "  }",
            "  @Tool public Summary summary() { return new Summary(\"x\"); }");
    assertThat(compile(source)).succeededWithoutWarnings();
  }

  @Test
  void duplicateToolNames() {
    JavaFileObject source =
        connector(
            "  @Tool public String find(String id) { return id; }",
            "  @Tool(name = \"find\") public String lookup(String id) { return id; }");
    Compilation compilation = compile(source);
    assertThat(compilation)
        .hadErrorContaining(
            "Tool name \"find\" is already used by method find() in this connector; give one of"
                + " them another name with @Tool(name = \"...\")")
        .inFile(source)
        .onLine(line(1));
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void toolNamesThatCollideAsTypeNamesWarn() {
    JavaFileObject source =
        connector(
            "  @Tool public String get_item(String id) { return id; }",
            "  @Tool public String getItem(String id) { return id; }");
    Compilation compilation = compile(source);
    assertThat(compilation).succeeded();
    assertThat(compilation)
        .hadWarningContaining("both give the TypeScript type name GetItemInput")
        .inFile(source)
        .onLine(line(1));
  }

  @Test
  void toolNameThatIsAReservedWord() {
    JavaFileObject source = connector("  @Tool(name = \"delete\") public void remove(String id) {}");
    Compilation compilation = compile(source);
    assertThat(compilation)
        .hadErrorContaining(
            "Tool name \"delete\" cannot be used: \"delete\" is a JavaScript reserved word. Set"
                + " @Tool(name = \"delete_\")")
        .inFile(source)
        .onLine(line(0));
  }

  @Test
  void toolNameThatIsNotAnIdentifier() {
    JavaFileObject source = connector("  @Tool(name = \"get-item\") public void get(String id) {}");
    Compilation compilation = compile(source);
    assertThat(compilation)
        .hadErrorContaining(
            "Tool name \"get-item\" cannot be used: \"get-item\" is not a JavaScript identifier")
        .inFile(source)
        .onLine(line(0));
    assertThat(compilation).hadErrorContaining("Set @Tool(name = \"get_item\")");
  }

  @Test
  void connectorNameThatIsNotAnIdentifier() {
    JavaFileObject source =
        source(
            "test.Tasks",
            "package test;",
            "import dev.codemode.annotations.*;",
            "@Connector(name = \"my-tasks\")",
            "public class Tasks {",
            "  @Tool public void ping() {}",
            "}");
    Compilation compilation = compile(source);
    assertThat(compilation)
        .hadErrorContaining(
            "Connector name \"my-tasks\" cannot be used: \"my-tasks\" is not a JavaScript"
                + " identifier")
        .inFile(source)
        .onLine(3);
    assertThat(compilation).hadErrorContaining("set @Connector(name = \"my_tasks\")");
  }

  @Test
  void connectorNameThatIsAReservedWord() {
    JavaFileObject source =
        source(
            "test.Class",
            "package test;",
            "import dev.codemode.annotations.*;",
            "@Connector(name = \"class\")",
            "public class Class {",
            "  @Tool public void ping() {}",
            "}");
    Compilation compilation = compile(source);
    assertThat(compilation)
        .hadErrorContaining("\"class\" is a JavaScript reserved word")
        .inFile(source)
        .onLine(3);
  }

  @Test
  void defaultConnectorNameThatIsAReservedWordSaysHowToFixIt() {
    JavaFileObject source =
        source(
            "test.DeleteConnector",
            "package test;",
            "import dev.codemode.annotations.*;",
            "@Connector",
            "public class DeleteConnector {",
            "  @Tool public void ping() {}",
            "}");
    Compilation compilation = compile(source);
    assertThat(compilation)
        .hadErrorContaining(
            "Connector name \"delete\" cannot be used: \"delete\" is a JavaScript reserved word."
                + " It becomes a global of the sandbox; set @Connector(name = \"delete_\")")
        .inFile(source)
        .onLine(3);
  }

  @Test
  void connectorNameThatReplacesASandboxGlobal() {
    JavaFileObject source =
        source(
            "test.ConsoleConnector",
            "package test;",
            "import dev.codemode.annotations.*;",
            "@Connector",
            "public class ConsoleConnector {",
            "  @Tool public void ping() {}",
            "}");
    Compilation compilation = compile(source);
    assertThat(compilation)
        .hadErrorContaining("\"console\" would replace the sandbox global of the same name")
        .inFile(source)
        .onLine(3);
  }

  @Test
  void twoConnectorsWithTheSameNameInOneCompilation() {
    JavaFileObject first =
        source(
            "a.Tasks",
            "package a;",
            "import dev.codemode.annotations.*;",
            "@Connector",
            "public class Tasks {",
            "  @Tool public void ping() {}",
            "}");
    JavaFileObject second =
        source(
            "b.TasksConnector",
            "package b;",
            "import dev.codemode.annotations.*;",
            "@Connector",
            "public class TasksConnector {",
            "  @Tool public void pong() {}",
            "}");
    Compilation compilation = compile(first, second);
    assertThat(compilation)
        .hadErrorContaining(
            "Connector name \"tasks\" is already used by a.Tasks in this compilation")
        .inFile(second)
        .onLine(4);
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void revertNamingAToolThatDoesNotExist() {
    JavaFileObject source =
        connector(
            "  @Tool public String create(String title) { return title; }",
            "  @Revert(\"craete\") public void undo(String result) {}");
    Compilation compilation = compile(source);
    assertThat(compilation)
        .hadErrorContaining(
            "@Revert(\"craete\") names no tool of this connector. Did you mean \"create\"? Its"
                + " tools: create")
        .inFile(source)
        .onLine(line(1));
  }

  @Test
  void revertParameterWithTheWrongType() {
    JavaFileObject source =
        connector(
            "  @Tool public String create(String title, int priority) { return title; }",
            "  @Revert(\"create\") public void undo(long priority) {}");
    Compilation compilation = compile(source);
    assertThat(compilation)
        .hadErrorContaining(
            "Parameter priority of @Revert method undo receives the argument priority of tool"
                + " create, so its type must be int, not long")
        .inFile(source)
        .onLine(line(1));
  }

  @Test
  void revertParameterThatMatchesNothing() {
    JavaFileObject source =
        connector(
            "  public record Task(String id) {}",
            "  @Tool public Task create(String title) { return new Task(title); }",
            "  @Revert(\"create\") public void undo(Integer other) {}");
    Compilation compilation = compile(source);
    assertThat(compilation)
        .hadErrorContaining(
            "Parameter other of @Revert method undo matches no parameter of tool create by name"
                + " (it has title) and is not of the tool's result type test.Tasks.Task")
        .inFile(source)
        .onLine(line(2));
  }

  @Test
  void revertOfAToolThatReturnsNothingCannotTakeAResult() {
    JavaFileObject source =
        connector(
            "  @Tool public void archive(String id) {}",
            "  @Revert(\"archive\") public void undo(String result) {}");
    Compilation compilation = compile(source);
    assertThat(compilation)
        .hadErrorContaining(", and the tool returns nothing")
        .inFile(source)
        .onLine(line(1));
  }

  @Test
  void revertWithAWrongReturnType() {
    JavaFileObject source =
        connector(
            "  @Tool public String create(String title) { return title; }",
            "  @Revert(\"create\") public String undo(String title) { return title; }");
    Compilation compilation = compile(source);
    assertThat(compilation)
        .hadErrorContaining(
            "@Revert method undo returns java.lang.String; a revert method returns void, or a"
                + " CompletionStage")
        .inFile(source)
        .onLine(line(1));
  }

  @Test
  void twoRevertMethodsForOneTool() {
    JavaFileObject source =
        connector(
            "  @Tool public String create(String title) { return title; }",
            "  @Revert(\"create\") public void undo(String title) {}",
            "  @Revert(\"create\") public void undoAgain(String title) {}");
    Compilation compilation = compile(source);
    assertThat(compilation)
        .hadErrorContaining("Tool create already has the @Revert method undo; keep one")
        .inFile(source)
        .onLine(line(2));
  }

  @Test
  void approvalCannotBeCombinedWithReexecute() {
    JavaFileObject source =
        connector(
            "  @Tool(requiresApproval = true, replay = Replay.REEXECUTE)",
            "  public String send(String text) { return text; }");
    Compilation compilation = compile(source);
    assertThat(compilation)
        .hadErrorContaining(
            "@Tool send has requiresApproval = true and replay = REEXECUTE: an approved call must"
                + " run once and be recorded")
        .inFile(source)
        .onLine(line(0));
    assertThat(compilation).hadErrorContaining("Use replay = RECORD, or drop requiresApproval");
  }

  @Test
  void nullablePrimitive() {
    JavaFileObject source =
        connector(
            "  @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.CLASS)",
            "  @interface Nullable {}",
            "  @Tool public int add(@Nullable int a) { return a; }");
    Compilation compilation = compile(source);
    assertThat(compilation)
        .hadErrorContaining(
            "Parameter a of tool add is @Nullable but has the primitive type int, which cannot be"
                + " null; use Integer")
        .inFile(source)
        .onLine(line(2));
  }

  @Test
  void rawCompletionStage() {
    JavaFileObject source =
        connector(
            "  @SuppressWarnings(\"rawtypes\")",
            "  @Tool public CompletionStage fetch(String id) { return null; }");
    Compilation compilation = compile(source);
    assertThat(compilation)
        .hadErrorContaining(
            "Tool fetch returns a raw CompletionStage; say what it completes with")
        .inFile(source)
        .onLine(line(1));
  }

  @Test
  void futureThatIsNotACompletionStage() {
    JavaFileObject source =
        connector("  @Tool public Future<String> fetch(String id) { return null; }");
    Compilation compilation = compile(source);
    assertThat(compilation)
        .hadErrorContaining(
            "Tool fetch returns java.util.concurrent.Future; an asynchronous tool must be declared"
                + " to return CompletionStage<T> or CompletableFuture<T>")
        .inFile(source)
        .onLine(line(0));
  }

  @Test
  void connectorOnAnInterface() {
    JavaFileObject source =
        source(
            "test.Tasks",
            "package test;",
            "import dev.codemode.annotations.*;",
            "@Connector",
            "public interface Tasks {",
            "  @Tool String find(String id);",
            "}");
    Compilation compilation = compile(source);
    assertThat(compilation)
        .hadErrorContaining("@Connector goes on a class, not on interface Tasks")
        .inFile(source)
        .onLine(4);
  }

  @Test
  void connectorThatIsNotPublic() {
    JavaFileObject source =
        source(
            "test.Tasks",
            "package test;",
            "import dev.codemode.annotations.*;",
            "@Connector",
            "class Tasks {",
            "  @Tool public void ping() {}",
            "}");
    Compilation compilation = compile(source);
    assertThat(compilation)
        .hadErrorContaining("@Connector class Tasks must be public")
        .inFile(source)
        .onLine(4);
  }

  @Test
  void connectorThatIsAnInnerClass() {
    JavaFileObject source =
        source(
            "test.Outer",
            "package test;",
            "import dev.codemode.annotations.*;",
            "public class Outer {",
            "  @Connector",
            "  public class Tasks {",
            "    @Tool public void ping() {}",
            "  }",
            "}");
    Compilation compilation = compile(source);
    assertThat(compilation)
        .hadErrorContaining("@Connector class Tasks is an inner class; declare it static")
        .inFile(source)
        .onLine(5);
  }

  @Test
  void genericConnector() {
    JavaFileObject source =
        source(
            "test.Store",
            "package test;",
            "import dev.codemode.annotations.*;",
            "@Connector",
            "public class Store<T> {",
            "  @Tool public void ping() {}",
            "}");
    Compilation compilation = compile(source);
    assertThat(compilation)
        .hadErrorContaining("@Connector class Store is generic")
        .inFile(source)
        .onLine(4);
  }

  @Test
  void connectorWithoutToolsWarns() {
    JavaFileObject source =
        source(
            "test.Empty",
            "package test;",
            "import dev.codemode.annotations.*;",
            "@Connector",
            "public class Empty {}");
    Compilation compilation = compile(source);
    assertThat(compilation).succeeded();
    assertThat(compilation)
        .hadWarningContaining("@Connector class Empty has no @Tool methods")
        .inFile(source)
        .onLine(4);
  }

  @Test
  void duplicateParameterNames() {
    JavaFileObject source =
        connector(
            "  @Tool public String find(String id, @Param(name = \"id\") String other) {",
            "    return id;",
            "  }");
    Compilation compilation = compile(source);
    assertThat(compilation)
        .hadErrorContaining("Two parameters of tool find are named \"id\"")
        .inFile(source)
        .onLine(line(0));
  }

  @Test
  void paramOutsideATool() {
    JavaFileObject source =
        connector(
            "  @Tool public String find(String id) { return id; }",
            "  public String other(@Param(name = \"x\") String id) { return id; }");
    Compilation compilation = compile(source);
    assertThat(compilation).succeeded();
    assertThat(compilation)
        .hadWarningContaining("@Param on id has no effect: it only names parameters of @Tool methods")
        .inFile(source)
        .onLine(line(1));
  }

  @Test
  void enumWithAJsonValueThatCannotBeRead() {
    JavaFileObject source =
        connector(
            "  public enum Level {",
            "    LOW, HIGH;",
            "    @com.fasterxml.jackson.annotation.JsonValue",
            "    public String json() { return name().toLowerCase(); }",
            "  }",
            "  @Tool public void set(Level level) {}");
    Compilation compilation = compile(source);
    assertThat(compilation)
        .hadErrorContaining(
            "the JSON values of enum test.Tasks.Level come from @JsonValue and cannot be read at"
                + " compile time: its @JsonValue method json() does not simply return a field")
        .inFile(source)
        .onLine(line(5));
    assertThat(compilation).hadErrorContaining("Annotate each constant with @JsonProperty");
  }

  @Test
  void polymorphismWithClassNamesIsRejected() {
    JavaFileObject source =
        connector(
            "  @com.fasterxml.jackson.annotation.JsonTypeInfo(",
            "      use = com.fasterxml.jackson.annotation.JsonTypeInfo.Id.CLASS)",
            "  public sealed interface Shape permits Circle {}",
            "  public record Circle(double radius) implements Shape {}",
            "  @Tool public double area(Shape shape) { return 0; }");
    Compilation compilation = compile(source);
    assertThat(compilation)
        .hadErrorContaining(
            "@JsonTypeInfo(use = CLASS) on test.Tasks.Shape puts Java class names into JSON; use"
                + " JsonTypeInfo.Id.NAME")
        .inFile(source)
        .onLine(line(4));
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    JavaFileObject source =
        connector(
            "  @Tool String hidden() { return \"\"; }",
            "  @Tool public static String shared() { return \"\"; }",
            "  @Tool public String start(Thread worker) { return \"\"; }",
            "  @Tool(name = \"do\") public void run() {}",
            "  @Revert(\"missing\") public void undo() {}");
    Compilation compilation = compile(source);
    assertThat(compilation).hadErrorCount(5);
    assertThat(compilation).hadErrorContaining("must be public").inFile(source).onLine(line(0));
    assertThat(compilation).hadErrorContaining("must not be static").inFile(source).onLine(line(1));
    assertThat(compilation).hadErrorContaining("a Thread is not a JSON value").inFile(source).onLine(line(2));
    assertThat(compilation).hadErrorContaining("\"do\" is a JavaScript reserved word").inFile(source).onLine(line(3));
    assertThat(compilation).hadErrorContaining("@Revert(\"missing\") names no tool").inFile(source).onLine(line(4));
    assertNothingGenerated(source);
  }
}
