package dev.codemode.sandbox;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.codemode.sandbox.NormalizedCode.Form;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every normalization rule of the reference (cloudflare-codemode-behaviour.md §3.1), and each gap
 * it lists, fixed: prose around a fence, several fences, upper-case and other tags, a bare
 * anonymous {@code async function}, a parenthesized function expression.
 */
class CodeNormalizerTest {

  private static CodeNormalizer normalizer;

  @BeforeAll
  static void start() {
    normalizer = CodeNormalizer.create();
  }

  @AfterAll
  static void stop() {
    normalizer.close();
  }

  private static String normalized(String code) {
    return normalizer.normalize(code).code();
  }

  static Stream<Arguments> referenceRules() {
    return Stream.of(
        // empty and white space
        Arguments.of("", "async () => {}", Form.BODY),
        Arguments.of("  \n\t ", "async () => {}", Form.BODY),
        // one arrow function: as written, without the trailing semicolon
        Arguments.of("async () => { return 1; }", "async () => { return 1; }", Form.FUNCTION),
        Arguments.of("async () => { return 1; };", "async () => { return 1; }", Form.FUNCTION),
        Arguments.of("() => 42", "() => 42", Form.FUNCTION),
        Arguments.of("(async () => 42)", "async () => 42", Form.FUNCTION),
        Arguments.of("async x => x", "async x => x", Form.FUNCTION),
        // the last expression is returned, what comes before is kept
        Arguments.of("1 + 2", "async () => {\nreturn (1 + 2);\n}", Form.RETURN),
        Arguments.of("const x = 10;\nx * 2", "async () => {\nconst x = 10;\nreturn (x * 2);\n}", Form.RETURN),
        Arguments.of("await fetch(url)", "async () => {\nreturn (await fetch(url));\n}", Form.RETURN),
        Arguments.of("console.log(\"hi\")", "async () => {\nreturn (console.log(\"hi\"));\n}", Form.RETURN),
        Arguments.of("x; // done", "async () => {\nreturn (x); // done\n}", Form.RETURN),
        // declarations, loops and the like: wrapped as they are
        Arguments.of("const x = 42", "async () => {\nconst x = 42\n}", Form.BODY),
        Arguments.of("for (const a of b) { c(a) }", "async () => {\nfor (const a of b) { c(a) }\n}", Form.BODY),
        Arguments.of("if (a) { b() }", "async () => {\nif (a) { b() }\n}", Form.BODY),
        // a top-level return
        Arguments.of("return 42", "async () => {\nreturn 42\n}", Form.BODY),
        Arguments.of("const r = await t.x();\nreturn r;", "async () => {\nconst r = await t.x();\nreturn r;\n}", Form.BODY),
        // export default
        Arguments.of("export default function() { return 42; }", "function() { return 42; }", Form.FUNCTION),
        Arguments.of("export default async () => { return 1 }", "async () => { return 1 }", Form.FUNCTION),
        Arguments.of("export default class {}", "async () => {\nreturn (class {});\n}", Form.RETURN),
        Arguments.of("export default 42", "async () => {\nreturn (42);\n}", Form.RETURN),
        // one named function: called
        Arguments.of("async function doStuff() { return 1 }", "async function doStuff() { return 1 }", Form.FUNCTION),
        // a function and a call: the call is the last expression
        Arguments.of("function helper() { return 1 }\nhelper()",
            "async () => {\nfunction helper() { return 1 }\nreturn (helper());\n}", Form.RETURN),
        // an immediately invoked function: its value is returned
        Arguments.of("(async () => { return 42; })()", "async () => {\nreturn ((async () => { return 42; })());\n}", Form.RETURN),
        Arguments.of("const fn = async () => 42;\nfn().catch(console.error);",
            "async () => {\nconst fn = async () => 42;\nreturn (fn().catch(console.error));\n}", Form.RETURN),
        // fences with the reference's tags
        Arguments.of("```js\nawait x()\n```", "async () => {\nreturn (await x());\n}", Form.RETURN),
        Arguments.of("```javascript\nasync () => 1\n```", "async () => 1", Form.FUNCTION),
        Arguments.of("```typescript\n1\n```", "async () => {\nreturn (1);\n}", Form.RETURN),
        Arguments.of("```\n1\n```", "async () => {\nreturn (1);\n}", Form.RETURN),
        Arguments.of("```js\nexport default async () => 7\n```", "async () => 7", Form.FUNCTION),
        Arguments.of("```js\nasync function main() { return 1 }\n```", "async function main() { return 1 }", Form.FUNCTION));
  }

  @ParameterizedTest
  @MethodSource("referenceRules")
  void followsTheReferenceRules(String code, String expected, Form form) {
    NormalizedCode result = normalizer.normalize(code);
    assertThat(result.code()).isEqualTo(expected);
    assertThat(result.form()).isEqualTo(form);
    assertThat(result.typeScript()).isFalse();
  }

  static Stream<Arguments> gapsFixed() {
    return Stream.of(
        // prose around a fence
        Arguments.of("Here is the code:\n\n```js\nawait tasks.list()\n```\n\nIt lists the tasks.",
            "async () => {\nreturn (await tasks.list());\n}"),
        // upper-case and other tags
        Arguments.of("```JS\n1\n```", "async () => {\nreturn (1);\n}"),
        Arguments.of("```JavaScript\n1\n```", "async () => {\nreturn (1);\n}"),
        Arguments.of("```TypeScript\n1\n```", "async () => {\nreturn (1);\n}"),
        Arguments.of("```tsx\n1\n```", "async () => {\nreturn (1);\n}"),
        Arguments.of("```mjs\n1\n```", "async () => {\nreturn (1);\n}"),
        Arguments.of("~~~js\n1\n~~~", "async () => {\nreturn (1);\n}"),
        // several blocks, one of them code
        Arguments.of("Input:\n```json\n{\"a\": 1}\n```\nCode:\n```js\n2\n```", "async () => {\nreturn (2);\n}"),
        Arguments.of("```js\n3\n```\nOutput:\n```\n3\n```", "async () => {\nreturn (3);\n}"),
        // a missing closing fence
        Arguments.of("```js\nawait x()", "async () => {\nreturn (await x());\n}"),
        // a bare anonymous async function, and a parenthesized function expression: both called
        Arguments.of("async function () { return 1 }", "async function () { return 1 }"),
        Arguments.of("function () { return 1 }", "function () { return 1 }"),
        Arguments.of("(async function () { return 1 })", "async function () { return 1 }"),
        Arguments.of("(async function main() { return 1 });", "async function main() { return 1 }"));
  }

  @ParameterizedTest
  @MethodSource("gapsFixed")
  void fixesTheReferenceGaps(String code, String expected) {
    assertThat(normalized(code)).isEqualTo(expected);
  }

  @ParameterizedTest
  @MethodSource("everyInput")
  void isIdempotent(String code) {
    String once = normalized(code);
    assertThat(normalized(once)).isEqualTo(once);
    assertThat(normalized(normalized(once))).isEqualTo(once);
  }

  static Stream<String> everyInput() {
    return Stream.concat(
        referenceRules().map(arguments -> (String) arguments.get()[0]),
        gapsFixed().map(arguments -> (String) arguments.get()[0]));
  }

  @Test
  void twoCodeBlocksAreAmbiguousAndNamed() {
    String message = "First:\n```js\nawait tasks.remove({id: 1})\n```\nor:\n```js\nawait tasks.remove({id: 2})\n```";
    CodeSyntaxException e = assertThrows(CodeSyntaxException.class, () -> normalizer.normalize(message));
    assertThat(e.getMessage()).contains("2 code blocks (lines 2–4, lines 6–8)");
    assertThat(e.getMessage()).contains("Send the code to run as one block");
    assertThat(e.line()).isEqualTo(6);
  }

  @Test
  void aBlockInAnotherLanguageIsRefused() {
    CodeSyntaxException e =
        assertThrows(CodeSyntaxException.class, () -> normalizer.normalize("```python\nprint(1)\n```"));
    assertThat(e.getMessage()).contains("tagged \"python\"");
    assertThat(e.getMessage()).contains("only JavaScript or TypeScript");
  }

  @Test
  void importsAreExplained() {
    CodeSyntaxException e =
        assertThrows(CodeSyntaxException.class, () -> normalizer.normalize("import fs from 'fs';\nfs.readFileSync('x')"));
    assertThat(e.getMessage()).contains("import is not available in the sandbox");
    assertThat(e.line()).isEqualTo(1);
  }

  @Test
  void syntaxErrorsPointAtTheModelsText() {
    CodeSyntaxException e =
        assertThrows(CodeSyntaxException.class, () -> normalizer.normalize("const x = 1;\nconst = oops {{{"));
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.column()).isEqualTo(7);
    assertThat(e.getMessage()).isEqualTo("Unexpected token");
    assertThat(e.excerpt()).isEqualTo("2 | const = oops {{{\n  |       ^");
  }

  @Test
  void syntaxErrorsInAFenceCountTheProseLines() {
    String message = "Let me list them.\n\n```js\nconst a = await tasks.list();\nreturn a.map(t => t.id;\n```\n";
    CodeSyntaxException e = assertThrows(CodeSyntaxException.class, () -> normalizer.normalize(message));
    assertThat(e.line()).isEqualTo(5);
    assertThat(e.excerpt()).startsWith("5 | return a.map(t => t.id;");
  }

  @Test
  void positionsMapBackThroughTheWrapper() {
    NormalizedCode code = normalizer.normalize("Here:\n```js\nconst x = 1;\nx.y.z\n```");
    // In the wrapper, line 3 is "return (x.y.z);" and "x.y.z" starts at column 9.
    assertThat(code.code().split("\n")[2]).isEqualTo("return (x.y.z);");
    assertThat(code.originalPosition(3, 9)).asList().containsExactly(4, 1).inOrder();
    assertThat(code.originalPosition(2, 7)).asList().containsExactly(3, 7).inOrder();
  }
}
