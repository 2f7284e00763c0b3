package dev.codemode.sandbox;

import static com.google.common.truth.Truth.assertThat;
import static dev.codemode.sandbox.Sandboxes.errorOf;
import static dev.codemode.sandbox.Sandboxes.json;
import static dev.codemode.sandbox.Sandboxes.library;
import static dev.codemode.sandbox.Sandboxes.math;
import static dev.codemode.sandbox.Sandboxes.resultOf;
import static dev.codemode.sandbox.Sandboxes.run;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.codemode.core.JsonCodec;
import dev.codemode.sandbox.fixtures.LibraryConnector;
import java.math.BigInteger;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** What model code gets back: values, logs and errors, through real GraalJS. */
class ExecutorTest {

  private static GraalJsExecutor executor;
  private LibraryConnector books;
  private ToolProvider library;

  @BeforeAll
  static void start() {
    executor = GraalJsExecutor.builder()
        .limits(ExecutionLimits.builder().timeout(java.time.Duration.ofSeconds(10)).build())
        .build();
  }

  @AfterAll
  static void stop() {
    executor.close();
  }

  @BeforeEach
  void newLibrary() {
    books = new LibraryConnector();
    library = library(books);
  }

  private ExecuteResult run(String code) {
    return Sandboxes.run(executor, code, library, math());
  }

  // ---- values -----------------------------------------------------------------------------------

  static Stream<Arguments> normalizedForms() {
    return Stream.of(
        Arguments.of("1 + 2", "3"),
        Arguments.of("const x = 20;\nx + 22", "42"),
        Arguments.of("return 42", "42"),
        Arguments.of("async () => { return await math.add({a: 1, b: 2}) }", "3"),
        Arguments.of("async function () { return 5 }", "5"),
        Arguments.of("(function () { return 6 })", "6"),
        Arguments.of("function main() { return 7 }", "7"),
        Arguments.of("export default async () => 8", "8"),
        Arguments.of("(async () => 9)()", "9"),
        Arguments.of("Let me add them:\n\n```JavaScript\nawait math.add({a: 5, b: 5})\n```\nDone.", "10"),
        Arguments.of("const a = await math.add({a: 1, b: 1});\nconst b = await math.add({a: a, b: 1});\nreturn {a, b};",
            "{\"a\":2,\"b\":3}"));
  }

  @ParameterizedTest
  @MethodSource("normalizedForms")
  void everyNormalizedFormRuns(String code, String expected) {
    assertThat(resultOf(run(code))).isEqualTo(json(expected));
  }

  @Test
  void returnsJsonValues() {
    assertThat(resultOf(run("({s: 'x', n: 1.5, i: 2, b: true, z: null, a: [1, 'two', {three: 3}], nested: {deep: {er: []}}})")))
        .isEqualTo(json("{'s':'x','n':1.5,'i':2,'b':true,'z':null,'a':[1,'two',{'three':3}],'nested':{'deep':{'er':[]}}}"));
    assertThat(resultOf(run("'text'")).asString()).isEqualTo("text");
    assertThat(resultOf(run("null")).isNull()).isTrue();
  }

  /** The prelude's interruptible sort keeps the order of the built-in one. */
  @Test
  void defaultSortOrderIsUnchanged() {
    assertThat(resultOf(run("[10, 9, 1, undefined, 'b', 'a', null, , true].sort()")))
        .isEqualTo(json("[1,10,9,'a','b',null,true,null,null]"));
    assertThat(resultOf(run("[3, 1, 2].toSorted()"))).isEqualTo(json("[1,2,3]"));
    assertThat(resultOf(run("[3, 1, 2].sort((a, b) => b - a)"))).isEqualTo(json("[3,2,1]"));
    assertThat(resultOf(run("Array.prototype.sort.call({0: 'b', 1: 'a', length: 2})")))
        .isEqualTo(json("{'0':'a','1':'b','length':2}"));
    assertThat(resultOf(run("Array.from(new Float64Array([3, -0, 0, NaN, -1, 0, -0]).sort(), x => Object.is(x, -0) ? '-0' : String(x))")))
        .isEqualTo(json("['-1','-0','-0','0','0','3','NaN']"));
    assertThat(resultOf(run("Array.from(new BigInt64Array([3n, -1n, 2n]).toSorted(), String)")))
        .isEqualTo(json("['-1','2','3']"));
    assertThat(resultOf(run("[[2], [10], [1]].sort().map(String)"))).isEqualTo(json("['1','10','2']"));
    assertThat(run("[Symbol('x'), Symbol('y')].sort()").error().name()).isEqualTo("TypeError");
    assertThat(resultOf(run("[].sort.name + [].sort.length + Array.prototype.propertyIsEnumerable('sort')")))
        .isEqualTo(json("'sort1false'"));
  }

  @Test
  void undefinedIsMissing() {
    assertThat(resultOf(run("undefined")).isMissingNode()).isTrue();
    assertThat(resultOf(run("const x = 1")).isMissingNode()).isTrue();
    assertThat(resultOf(run("async () => {}")).isMissingNode()).isTrue();
  }

  @Test
  void datesAreIsoStringsAndMapsAndSetsArePlainJson() {
    assertThat(resultOf(run("({when: new Date(Date.UTC(2026, 0, 2, 3, 4, 5)), map: new Map([['a', 1], ['b', [2]]]),"
            + " set: new Set(['x', 'y', 'x'])})")))
        .isEqualTo(json("{'when':'2026-01-02T03:04:05.000Z','map':{'a':1,'b':[2]},'set':['x','y']}"));
  }

  @Test
  void bytesCrossAsUint8ArrayBothWays() {
    assertThat(resultOf(run("const b = await library.bytes({count: 4});\n"
            + "[b instanceof Uint8Array, Array.from(b)]")))
        .isEqualTo(json("[true,[0,1,2,3]]"));
    assertThat(resultOf(run("await library.size({data: new Uint8Array([9, 8, 7, 6, 5])})")).asInt()).isEqualTo(5);
    assertThat(resultOf(run("await library.size({data: new Uint8Array(300).buffer})")).asInt()).isEqualTo(300);
    // A typed array view sends only the bytes it shows.
    assertThat(resultOf(run("await library.size({data: new Uint8Array(10).subarray(2, 5)})")).asInt()).isEqualTo(3);
    // Base64 text, which is what the JSON Schema says, is accepted too.
    assertThat(resultOf(run("await library.size({data: 'AQID'})")).asInt()).isEqualTo(3);
    // Bytes in the result come back as base64 text.
    assertThat(resultOf(run("new Uint8Array([1, 2, 3])")).asString()).isEqualTo("AQID");
  }

  @Test
  void bigIntegersCrossAsBigIntBothWays() {
    assertThat(resultOf(run("const r = await library.twice({value: 12345678901234567890n});\n[typeof r, r.toString()]")))
        .isEqualTo(json("['bigint','24691357802469135780']"));
    assertThat(resultOf(run("typeof (await library.twice({value: 2}))")).asString()).isEqualTo("bigint");
    assertThat(resultOf(run("123456789012345678901234567890n * 10n")).bigIntegerValue())
        .isEqualTo(new BigInteger("1234567890123456789012345678900"));
  }

  @Test
  void datesFromToolsAndVoidTools() {
    assertThat(resultOf(run("await library.nextDay({day: '2028-02-28'})")).asString()).isEqualTo("2028-02-29");
    assertThat(resultOf(run("typeof (await library.nothing())")).asString()).isEqualTo("undefined");
    assertThat(resultOf(run("await library.add({title: 'Dune', year: 1965});\n(await library.list()).map(b => b.title)")))
        .isEqualTo(json("['Dune']"));
  }

  // ---- console ---------------------------------------------------------------------------------

  @Test
  void consoleRendersValuesReadably() {
    ExecuteResult result = run(String.join("\n",
        "console.log('a', 1, {b: [1, 'x']}, null, undefined, true, 5n);",
        "console.info('info');",
        "console.warn('warn');",
        "console.error('error');",
        "console.debug('debug');",
        "const cyclic = {name: 'loop'}; cyclic.self = cyclic; console.log(cyclic);",
        "console.log(new Map([['k', 1]]), new Set([2]), [undefined, () => 1]);",
        "console.log(new TypeError('bad'));",
        "console.log(new Date(0), /re/g);",
        "console.assert(1 === 2, 'math', 'broke');",
        "console.assert(true, 'silent');",
        "console.log(library);"));
    resultOf(result);
    List<String> logs = result.logs();
    assertThat(logs.get(0)).isEqualTo("a 1 {\"b\":[1,\"x\"]} null undefined true 5n");
    assertThat(logs.subList(1, 5)).containsExactly("[info] info", "[warn] warn", "[error] error", "[debug] debug").inOrder();
    assertThat(logs.get(5)).isEqualTo("{\"name\":\"loop\",\"self\":[Circular]}");
    assertThat(logs.get(6)).isEqualTo("Map(1) {\"k\" => 1} Set(1) {2} [undefined,[Function (anonymous)]]");
    assertThat(logs.get(7)).startsWith("TypeError: bad");
    assertThat(logs.get(8)).isEqualTo("1970-01-01T00:00:00.000Z /re/g");
    assertThat(logs.get(9)).isEqualTo("[error] Assertion failed: math broke");
    assertThat(logs.get(10)).contains("\"add\":[Function add]");
    assertThat(logs).hasSize(11);
  }

  @Test
  void consoleOutputPastTheBudgetIsCountedAndAnnounced() {
    try (GraalJsExecutor small = GraalJsExecutor.builder()
        .limits(ExecutionLimits.builder().maxLogBytes(100).build()).build()) {
      ExecuteResult result = small.execute("for (let i = 0; i < 50; i++) console.log('line ' + String(i).padStart(4, '0'));\n'ok'", List.of());
      assertThat(resultOf(result).asString()).isEqualTo("ok");
      assertThat(result.logs().get(0)).isEqualTo(
          "[codemode] The console output was 450 bytes in 50 lines; the first 100 are kept, so later"
              + " lines are left out and a line cut short ends with \"…\". Log less: only what you"
              + " need to see, or return what matters as the result.");
      // Eleven lines of 9 bytes fit; of the twelfth, the one byte left.
      assertThat(result.logs().subList(1, 12)).containsExactly(
          "line 0000", "line 0001", "line 0002", "line 0003", "line 0004", "line 0005", "line 0006",
          "line 0007", "line 0008", "line 0009", "line 0010").inOrder();
      assertThat(result.logs()).hasSize(13);
      assertThat(result.logs().get(12)).isEqualTo("l…");
    }
  }

  @Test
  void aResultPastTheBudgetIsCutToItAndStaysJsonWithMarksAndANotice() {
    try (GraalJsExecutor small = GraalJsExecutor.builder()
        .limits(ExecutionLimits.builder().maxResultBytes(1000).build()).build()) {
      JsonNode result = resultOf(small.execute(
          "({count: 500, items: Array.from({length: 500}, (_, i) => i), text: 'x'.repeat(5000)})",
          List.of()));
      assertThat(ConsoleLog.utf8Length(JsonCodec.defaults().toJson(result))).isAtMost(1000);
      assertThat(result.propertyNames()).containsExactly("[codemode]", "count", "items", "text")
          .inOrder();
      assertThat(result.get("[codemode]").asString()).isEqualTo("The result was 6,923 bytes of JSON;"
          + " at most 1,000 are returned, so parts are cut and marked with \"…\". Return less: only"
          + " the fields or items needed, or a summary.");
      assertThat(result.get("count").asInt()).isEqualTo(500);
      JsonNode items = result.get("items");
      int kept = items.size() - 1;
      assertThat(items.get(kept - 1).asInt()).isEqualTo(kept - 1);
      assertThat(items.get(kept).asString()).isEqualTo("… " + (500 - kept) + " more items");
      assertThat(result.get("text").asString()).endsWith(" more characters");

      String text = resultOf(small.execute("'x'.repeat(5000)", List.of())).asString();
      assertThat(text).startsWith("xxxxxxxxxx");
      assertThat(text).contains(" more characters. [codemode] The result was 5,002 bytes of JSON; at"
          + " most 1,000 are returned");
    }
  }

  // ---- errors -----------------------------------------------------------------------------------

  @Test
  void aThrownErrorHasItsNameMessageAndPlace() {
    ExecutionError error = errorOf(run("const a = 1;\nif (a) {\n  throw new RangeError('too far');\n}"));
    assertThat(error.kind()).isEqualTo(ExecutionError.Kind.RUNTIME);
    assertThat(error.name()).isEqualTo("RangeError");
    assertThat(error.message()).isEqualTo("too far");
    assertThat(error.line()).isEqualTo(3);
    assertThat(error.column()).isEqualTo(9);
    assertThat(error.excerpt()).isEqualTo("3 |   throw new RangeError('too far');\n  |         ^");
  }

  @Test
  void aThrownValueThatIsNotAnErrorIsNeverASilentSuccess() {
    assertThat(errorOf(run("throw 'x'")).message()).startsWith("Uncaught string \"x\"");
    assertThat(errorOf(run("throw {code: 1}")).message()).startsWith("Uncaught object {\"code\":1}");
    assertThat(errorOf(run("throw null")).message()).startsWith("Uncaught null null");
    assertThat(errorOf(run("throw undefined")).message()).startsWith("Uncaught undefined undefined");
    assertThat(errorOf(run("await Promise.reject(42)")).message()).startsWith("Uncaught number 42");
    assertThat(errorOf(run("throw new Error('')")).name()).isEqualTo("Error");
  }

  @Test
  void engineErrorsAndRejectionsAreReported() {
    ExecutionError typeError = errorOf(run("const o = null;\no.field"));
    assertThat(typeError.name()).isEqualTo("TypeError");
    assertThat(typeError.line()).isEqualTo(2);
    assertThat(errorOf(run("await Promise.reject(new SyntaxError('parsed wrong'))")).name()).isEqualTo("SyntaxError");
    ExecutionError late = errorOf(run("setTimeout(() => { throw new Error('late') }, 1);\nawait new Promise(r => setTimeout(r, 200));"));
    assertThat(late.message()).isEqualTo("late");
  }

  @Test
  void syntaxErrorsComeBackAsErrorsWithThePlace() {
    ExecutionError error = errorOf(run("async () => {\n  const x = ;\n}"));
    assertThat(error.kind()).isEqualTo(ExecutionError.Kind.SYNTAX);
    assertThat(error.name()).isEqualTo("SyntaxError");
    assertThat(error.line()).isEqualTo(2);
    assertThat(error.column()).isEqualTo(13);
    assertThat(error.excerpt()).isEqualTo("2 |   const x = ;\n  |             ^");
  }

  @Test
  void toolErrorsAreCatchableErrors() {
    assertThat(resultOf(run("try { await library.fail({message: 'no such shelf'}) } catch (e) {"
            + " return [e instanceof Error, e.name, e.message, e.tool] }")))
        .isEqualTo(json("[true,'ToolError','no such shelf','library.fail']"));
  }

  @Test
  void anUncaughtToolErrorNamesTheToolAndTheCall() {
    ExecutionError error = errorOf(run("const x = 1;\nawait library.fail({message: 'no such shelf'});"));
    assertThat(error.kind()).isEqualTo(ExecutionError.Kind.TOOL);
    assertThat(error.name()).isEqualTo("ToolError");
    assertThat(error.tool()).isEqualTo("library.fail");
    assertThat(error.message()).isEqualTo("no such shelf");
    assertThat(error.line()).isEqualTo(2);
    assertThat(errorOf(run("await library.crash()")).message()).isEqualTo("library.crash failed and gave no reason");
  }

  @Test
  void anUnknownToolListsTheToolsThatExist() {
    ExecutionError error = errorOf(run("await library.ad({title: 'x'})"));
    assertThat(error.name()).isEqualTo("TypeError");
    assertThat(error.message()).isEqualTo(
        "library.ad is not a function: library has no tool named \"ad\"; did you mean \"add\"? Its tools: add, list,"
            + " slow, later, fail, crash, size, bytes, twice, nextDay, nothing.");
  }

  @Test
  void anUnknownGlobalListsTheNamespacesThatExist() {
    ExecutionError error = errorOf(run("await librry.add({title: 'x', year: 1})"));
    assertThat(error.name()).isEqualTo("ReferenceError");
    assertThat(error.message()).startsWith("librry is not defined. Did you mean \"library\"? The tool namespaces are library, math");
    assertThat(error.message()).contains("math.add, math.echo");
    ExecutionError bare = errorOf(run("await add({title: 'x', year: 1})"));
    assertThat(bare.message()).contains("Tools are called on their namespace: did you mean library.add?");
  }

  @Test
  void inputsAreCheckedAgainstTheSchemaWithEveryProblemNamed() {
    ExecutionError error = errorOf(run("await library.add({title: 5})"));
    assertThat(error.name()).isEqualTo("ToolInputError");
    assertThat(error.tool()).isEqualTo("library.add");
    assertThat(error.message()).isEqualTo("library.add: the input does not fit the tool's schema:\n"
        + "- title: expected a string, got the number 5\n- year is required but missing");
    assertThat(errorOf(run("await library.add({title: 'x', year: 1, yera: 2})")).message()).isEqualTo(
        "library.add: the input does not fit the tool's schema: yera is not a property of this input; did you"
            + " mean \"year\"?");
    assertThat(errorOf(run("await library.add('Dune')")).message())
        .isEqualTo("library.add takes one object like {title, year}; it was called with the string \"Dune\".");
    assertThat(errorOf(run("await library.nextDay({day: 'tomorrow'})")).message()).isEqualTo(
        "library.nextDay: the input does not fit the tool's schema: day: expected a date string (YYYY-MM-DD), got"
            + " the string \"tomorrow\"");
    assertThat(errorOf(run("await library.list({since: 'x'})")).message()).contains("since: expected");
  }

  @Test
  void withoutSchemaChecksTheGeneratedDispatchStillNamesTheProblem() {
    try (GraalJsExecutor unchecked = GraalJsExecutor.builder().validateToolInputs(false).build()) {
      ExecutionError error = errorOf(Sandboxes.run(unchecked, "await library.add({title: 'x', year: 'y'})", library));
      assertThat(error.name()).isEqualTo("ToolInputError");
      assertThat(error.message()).contains("library.add");
      assertThat(error.message()).contains("year");
    }
  }

  // ---- namespaces -------------------------------------------------------------------------------

  @Test
  void namespacesCanBeInspected() {
    assertThat(resultOf(run("[Object.keys(math), 'add' in math, 'nope' in math, typeof math.add, math.add.name,"
            + " typeof math.then]")))
        .isEqualTo(json("[['add','echo'],true,false,'function','add','undefined']"));
    // Awaiting a namespace does not treat it as a promise.
    assertThat(resultOf(run("const m = await math; typeof m.add")).asString()).isEqualTo("function");
  }

  @Test
  void providersNeedDistinctNames() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> executor.execute("1", List.of(math(), math())));
    assertThat(e).hasMessageThat().contains("two tool providers are named math");
  }

  @Test
  void theAsyncApiGivesTheSameOutcome() throws Exception {
    ExecuteResult result = executor.executeAsync("await math.add({a: 2, b: 3})", List.of(math()))
        .toCompletableFuture().get();
    assertThat(resultOf(result).asInt()).isEqualTo(5);
    assertThat(result.stats().toolCalls()).isEqualTo(1);
    ExecuteResult failed = executor.executeAsync("throw new Error('x')", List.of()).toCompletableFuture().get();
    assertThat(errorOf(failed).message()).isEqualTo("x");
  }

  @Test
  void aPromiseThatNothingResolvesFailsAtOnce() {
    ExecuteResult result = run("await new Promise(() => {})");
    // Found stuck, not run into the executor's 10 s timeout: the message says so.
    assertThat(errorOf(result).message()).startsWith("The code's function never finished");
    assertThat(errorOf(result).kind()).isEqualTo(ExecutionError.Kind.RUNTIME);
  }
}
