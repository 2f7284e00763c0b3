package dev.codemode.sandbox;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static dev.codemode.sandbox.Sandboxes.json;

import dev.codemode.core.ConnectorDescriptor;
import dev.codemode.core.JsonCodec;
import dev.codemode.core.ToolDescriptor;
import dev.codemode.sandbox.fixtures.CatalogConnector;
import dev.codemode.sandbox.fixtures.CatalogConnector_Codemode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * Every route by which a host failure reaches model code says what was wrong in the model's words
 * and names no Java class: input that a Java parameter cannot take, tools that fail, results that
 * are not JSON, host functions and the executor itself failing.
 *
 * <p>Each test calls from model code, catches what comes, and checks the message: what it says, and
 * that it holds no Java class name.
 */
class NoJavaNamesTest {

  /** A fully qualified class name ({@code java.lang.Integer}, {@code a.b.Outer$Inner}) or an inner class. */
  private static final Pattern JAVA_NAME = Pattern.compile("[a-z]+(\\.[a-z0-9_]+)+\\.[A-Z]\\w*|\\w\\$[A-Z]");

  private static final JsonCodec CODEC = JsonCodec.defaults();

  private static GraalJsExecutor executor;
  private static ToolProvider catalog;
  private static ToolProvider raw;

  @BeforeAll
  static void startExecutor() {
    executor = GraalJsExecutor.builder().build();
    catalog = ToolProvider.of(new CatalogConnector_Codemode(), new CatalogConnector());
    JsonNode anyObject = json("{'type':'object'}");
    raw = ToolProvider.builder("raw")
        // Tools that read their input with JsonNode's accessors, as tools built at run time do.
        .syncTool(ToolDescriptor.of("take", "Takes some items.",
            json("{'type':'object','properties':{'limit':{'type':'integer'}}}"), null),
            input -> CODEC.nodes().numberNode(input.get("limit").asLong()))
        .syncTool(ToolDescriptor.of("pick", "Picks an item.", anyObject, null),
            input -> CODEC.nodes().numberNode(input.get("items").get(2).get("n").asInt()))
        .syncTool(ToolDescriptor.of("name", "Names an item.", anyObject, null),
            input -> CODEC.nodes().stringNode(input.get("name").stringValue()))
        .syncTool(ToolDescriptor.of("fetch", "Reads a reply of its own.", anyObject, null),
            input -> CODEC.nodes().numberNode(CODEC.parse("{\"size\":1e300}").get("size").asInt()))
        .syncTool(ToolDescriptor.of("decode", "Decodes its input with a codec.", anyObject, null),
            input -> CODEC.encode(CODEC.decode(input, CODEC.type(Point.class))))
        .syncTool(ToolDescriptor.of("pojo", "Returns a Java object in a tree.", anyObject, null),
            input -> CODEC.nodes().pojoNode(new CatalogConnector.Loop()))
        .syncTool(ToolDescriptor.of("npe", "Trips over a null.", anyObject, null),
            input -> CODEC.nodes().numberNode(nothing().size()))
        .syncTool(ToolDescriptor.of("unloadable", "Meets a class that failed to load.", anyObject, null),
            input -> {
              throw new NoClassDefFoundError("Could not initialize class com.example.cache.Cache$Entry");
            })
        .syncTool(ToolDescriptor.of("deep", "Recurses without end.", anyObject, null), NoJavaNamesTest::recurse)
        .syncTool(ToolDescriptor.of("badSchema", "Has a schema that refers to nothing.",
            json("{'type':'object','properties':{'a':{'$ref':'#/$defs/missing'}}}"), null),
            input -> input)
        .build();
  }

  /** A point, for a tool that decodes its input itself. */
  public record Point(int x, int y) {}

  private static List<String> nothing() {
    return null;
  }

  private static JsonNode recurse(JsonNode input) {
    return recurse(CODEC.nodes().arrayNode().add(input));
  }

  @AfterAll
  static void closeExecutor() {
    executor.close();
  }

  /** The error a call throws in model code: {@code [name, message]}. */
  private static List<String> caught(String call, ToolProvider... providers) {
    String code = "async () => {\n"
        + "  try {\n"
        + "    return {value: await " + call + "};\n"
        + "  } catch (e) {\n"
        + "    return {name: e.name, message: e.message, text: String(e), stack: String(e.stack)};\n"
        + "  }\n"
        + "}";
    JsonNode result = Sandboxes.resultOf(executor.execute(code, List.of(providers)));
    assertWithMessage("%s did not fail: %s", call, result).that(result.has("value")).isFalse();
    for (String field : List.of("message", "text", "stack")) {
      assertNoJavaName(result.path(field).asString());
    }
    return List.of(result.path("name").asString(), result.path("message").asString());
  }

  private static void assertNoJavaName(String text) {
    assertWithMessage("a Java class name in: %s", text).that(JAVA_NAME.matcher(text).find()).isFalse();
    assertThat(text).doesNotContain("Exception");
    assertThat(text).doesNotContain("Node' method");
    assertThat(text).doesNotContain("CompletionStage");
  }

  // ---- input a Java parameter cannot take --------------------------------------------------------

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "catalog.search({query: 'a', limit: 1e300})"
          + " | catalog.search: property \"limit\": 1e+300 is not a whole number between -2,147,483,648 and 2,147,483,647",
      "catalog.search({query: 'a', limit: 3000000000})"
          + " | catalog.search: property \"limit\": 3000000000 is not a whole number between -2,147,483,648 and 2,147,483,647",
      "catalog.page({offset: 1e19})"
          + " | catalog.page: property \"offset\": 10000000000000000000 is not a whole number between"
          + " -9,223,372,036,854,775,808 and 9,223,372,036,854,775,807",
      "catalog.few({count: 40000})"
          + " | catalog.few: property \"count\": 40000 is not a whole number between -32,768 and 32,767",
      "catalog.range({from: -1e300})"
          + " | catalog.range: property \"from\": -1e+300 is not a whole number between -2,147,483,648 and 2,147,483,647",
      "catalog.window({window: {start: 1e300, size: 1}})"
          + " | catalog.window: property \"window.start\": 1e+300 is not a whole number between -2,147,483,648 and 2,147,483,647",
      "catalog.count({ids: [1, 2.5e10]})"
          + " | catalog.count: property \"ids[1]\": 25000000000 is not a whole number between -2,147,483,648 and 2,147,483,647",
  })
  void aNumberThatAJavaIntegerCannotHoldIsNamedWithTheRangeThatFits(String call, String message) {
    assertThat(caught(call, catalog)).containsExactly(ErrorNames.TOOL_INPUT, message).inOrder();
  }

  @Test
  void aToolThatReadsItsInputWithJsonAccessorsGetsTheValueNamedByItsPath() {
    assertThat(caught("raw.take({limit: 1e300})", raw)).containsExactly(ErrorNames.TOOL_INPUT,
        "raw.take: limit: 1e+300 is not a whole number between -9,223,372,036,854,775,808 and"
            + " 9,223,372,036,854,775,807").inOrder();
    assertThat(caught("raw.pick({items: [{}, {}, {n: 'seven'}]})", raw)).containsExactly(ErrorNames.TOOL_INPUT,
        "raw.pick: items[2].n: expected a whole number, got the string \"seven\"").inOrder();
    assertThat(caught("raw.name({name: 12})", raw)).containsExactly(ErrorNames.TOOL_INPUT,
        "raw.name: name: expected a string, got the number 12").inOrder();
  }

  @Test
  void aValueThatIsNotPartOfTheInputIsTheToolsFault() {
    assertThat(caught("raw.fetch({})", raw)).containsExactly(ErrorNames.TOOL,
        "raw.fetch failed: it could not use a value it had: 1e+300 is not a whole number between"
            + " -2,147,483,648 and 2,147,483,647").inOrder();
  }

  @Test
  void aToolThatDecodesItsInputItselfGetsJacksonsWordsWithoutClassNames() {
    List<String> error = caught("raw.decode({x: 'one', y: 2})", raw);
    assertThat(error.get(0)).isEqualTo(ErrorNames.TOOL);
    assertThat(error.get(1)).startsWith("raw.decode failed: a value could not be converted to or from JSON: ");
    assertThat(error.get(1)).contains("\"one\"");
  }

  // ---- tools that fail ------------------------------------------------------------------------

  @Test
  void aToolsOwnMessageStaysWithoutTheExceptionNamesInFrontOfIt() {
    assertThat(caught("catalog.refuse()", catalog)).containsExactly(ErrorNames.TOOL,
        "the catalog is closed on Sundays; try again on Monday").inOrder();
    // An UncheckedIOException's message is its cause's toString(): "java.io.IOException: ...".
    assertThat(caught("catalog.wrapped()", catalog)).containsExactly(ErrorNames.TOOL,
        "the catalog file is locked").inOrder();
  }

  @Test
  void aToolWithoutAMessageSaysSoWithoutNamingItsException() {
    assertThat(caught("catalog.silent()", catalog)).containsExactly(ErrorNames.TOOL,
        "catalog.silent failed and gave no reason").inOrder();
  }

  @Test
  void messagesTheJvmWroteAreScrubbed() {
    List<String> npe = caught("raw.npe({})", raw);
    assertThat(npe.get(0)).isEqualTo(ErrorNames.TOOL);
    assertThat(npe.get(1)).contains("is null");
    assertThat(caught("raw.unloadable({})", raw)).containsExactly(ErrorNames.TOOL,
        "raw.unloadable failed inside the host: Could not initialize class").inOrder();
    assertThat(caught("raw.deep({})", raw)).containsExactly(ErrorNames.TOOL,
        "raw.deep failed: the tool ran out of stack").inOrder();
  }

  // ---- results that are not JSON ----------------------------------------------------------------

  @Test
  void aResultThatCannotBeJsonIsTheToolsFault() {
    assertThat(caught("catalog.loop()", catalog)).containsExactly(ErrorNames.TOOL,
        "catalog.loop returned a value that cannot be converted to JSON; the fault is in the tool, not in the call")
        .inOrder();
    assertThat(caught("raw.pojo({})", raw)).containsExactly(ErrorNames.TOOL,
        "raw.pojo returned a value that cannot be converted to JSON; the fault is in the tool, not in the call")
        .inOrder();
  }

  @Test
  void aToolThatGivesNoResultStageSaysSoWithoutItsClass() {
    assertThat(caught("catalog.never()", catalog)).containsExactly(ErrorNames.TOOL,
        "catalog.never gave no result: its method returned null instead of a result to wait for; the fault is in"
            + " the tool, not in the call").inOrder();
  }

  @Test
  void anUncaughtFailureReachesTheOutcomeInTheSameWords() {
    ExecutionError error = Sandboxes.errorOf(executor.execute("async () => catalog.loop()", List.of(catalog)));
    assertThat(error.name()).isEqualTo(ErrorNames.TOOL);
    assertThat(error.message()).isEqualTo(
        "catalog.loop returned a value that cannot be converted to JSON; the fault is in the tool, not in the call");
    assertNoJavaName(error.summary());
  }

  // ---- the host failing ----------------------------------------------------------------------------

  /** A provider whose descriptor cannot be had: every look-up of its tools fails in the host. */
  private static final ToolProvider BROKEN = new ToolProvider() {
    @Override
    public String name() {
      return "broken";
    }

    @Override
    public ConnectorDescriptor descriptor() {
      throw new IllegalStateException("com.example.registry.Registry$Lookup failed for java.lang.String");
    }

    @Override
    public CompletionStage<JsonNode> call(String tool, JsonNode input) {
      throw new UnsupportedOperationException();
    }
  };

  @Test
  void aToolThatTheHostCannotLookUpCannotBeCalled() {
    List<String> error = caught("broken.find({})", BROKEN);
    assertThat(error.get(0)).isEqualTo(ErrorNames.TYPE);
    assertThat(error.get(1)).startsWith("broken.find cannot be called: the host could not look it up (");
  }

  @Test
  void aNamespaceWhoseToolsCannotBeListedListsNone() {
    // Found by this test: the host function that lists tools threw, and model code caught the
    // Java exception with its class names in the message.
    String code = "async () => { try { return Object.keys(broken); } catch (e) { return String(e) + ' ' + e.message; } }";
    assertThat(Sandboxes.resultOf(executor.execute(code, List.of(BROKEN))).toString()).isEqualTo("[]");
  }

  @Test
  void aSchemaThatCannotBeCheckedFailsTheCallInWords() {
    List<String> error = caught("raw.badSchema({a: 1})", raw);
    assertThat(error.get(0)).isEqualTo(ErrorNames.TOOL);
    assertThat(error.get(1)).startsWith("raw.badSchema could not be called: ");
  }

  @Test
  void anExecutorFailureNamesNoClass() {
    ToolProvider setupFails = new ToolProvider() {
      @Override
      public ConnectorDescriptor descriptor() {
        return new ConnectorDescriptor("setup", "", List.of());
      }

      @Override
      public Optional<SandboxSetup> sandboxSetup() {
        throw new IllegalStateException("com.example.setup.Scripts$Loader could not read setup.js");
      }

      @Override
      public CompletionStage<JsonNode> call(String tool, JsonNode input) {
        throw new UnsupportedOperationException();
      }
    };
    ExecutionError error = Sandboxes.errorOf(executor.execute("async () => 1", List.of(setupFails)));
    assertThat(error.name()).isEqualTo(ErrorNames.INTERNAL);
    assertThat(error.message()).isEqualTo("The executor failed: could not read setup.js");
    assertNoJavaName(error.summary());
  }

  // ---- the words themselves ------------------------------------------------------------------------

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "java.lang.IllegalStateException: boom | boom",
      "java.util.concurrent.ExecutionException: java.io.IOException: disk full | disk full",
      "java.lang.IllegalStateException | ''",
      "Error: keep this, it is the author's | Error: keep this, it is the author's",
      "the file a.b.Config was not found | the file a.b.Config was not found",
  })
  void onlyTheExceptionNamesInFrontOfAToolsMessageGo(String message, String kept) {
    assertThat(JavaNames.withoutLeadingExceptionNames(message)).isEqualTo(kept);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "java.lang.NoClassDefFoundError: Could not initialize class"
          + " com.oracle.truffle.js.nodes.access.PropertyGetNode$IntPropertyGetNode | Could not initialize class",
      "Cannot construct instance of `dev.codemode.Point` (no creators) | Cannot construct instance of (no creators)",
      "method `asLong()` of tools.jackson.databind.node.DoubleNode failed | method `asLong()` of failed",
      "no Java here: tasks.create, tags[0].name | no Java here: tasks.create, tags[0].name",
      "Outer$Inner broke | broke",
  })
  void theLastResortScrubRemovesEveryQualifiedName(String text, String scrubbed) {
    assertThat(JavaNames.scrub(text)).isEqualTo(scrubbed);
  }

  @Test
  void anEngineThatFailedToLoadAClassSaysWhyInWords() {
    // What the engine said after deep recursion had broken one of its classes for the whole JVM.
    String message = ErrorTranslation.engineMessage(
        "java.lang.NoClassDefFoundError: Could not initialize class com.oracle.truffle.host.HostProxyGen");
    assertThat(message).startsWith("a part of the sandbox failed to load after it ran out of stack in very deep recursion");
    assertNoJavaName(message);
    assertThat(ErrorTranslation.engineMessage("Maximum CPU time limit of 1000ms exceeded"))
        .isEqualTo("Maximum CPU time limit of 1000ms exceeded");
    assertThat(ErrorTranslation.engineMessage("java.lang.IllegalStateException: the context is closed"))
        .isEqualTo("the context is closed");
    assertThat(ErrorTranslation.hostMessage(new IllegalStateException())).isEqualTo("an internal error without a message");
  }

  @Test
  void numbersAreWrittenAsJavaScriptWritesThem() {
    Map<String, String> cases = Map.of(
        "1e300", "1e+300", "-1.5e-7", "-1.5e-7", "0.000001", "0.000001", "123456789012345678901", "123456789012345678901",
        "1e21", "1e+21", "2.5", "2.5", "100", "100", "1.0", "1");
    cases.forEach((json, text) ->
        assertWithMessage(json).that(dev.codemode.core.JsonNumbers.text(CODEC.parse(json))).isEqualTo(text));
  }
}
