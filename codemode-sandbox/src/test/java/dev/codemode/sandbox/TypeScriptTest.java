package dev.codemode.sandbox;

import static com.google.common.truth.Truth.assertThat;
import static dev.codemode.sandbox.Sandboxes.errorOf;
import static dev.codemode.sandbox.Sandboxes.json;
import static dev.codemode.sandbox.Sandboxes.library;
import static dev.codemode.sandbox.Sandboxes.resultOf;

import dev.codemode.sandbox.fixtures.LibraryConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * TypeScript that models write: it does not parse as JavaScript, so its types are stripped and it
 * runs; errors still point at the lines and columns the model wrote.
 */
class TypeScriptTest {

  private static GraalJsExecutor executor;

  @BeforeAll
  static void start() {
    executor = GraalJsExecutor.create();
  }

  @AfterAll
  static void stop() {
    executor.close();
  }

  private static ExecuteResult run(String code) {
    return Sandboxes.run(executor, code, library(new LibraryConnector()));
  }

  @Test
  void annotationsInterfacesGenericsCastsNonNullAndEnumsRun() {
    String code = String.join("\n",
        "interface Shelf { name: string; books: Book[] }",
        "type Book = { id: string; title: string; year: number };",
        "enum Genre { Fiction, Science = 10 }",
        "function first<T>(items: readonly T[]): T | undefined {",
        "  return items[0];",
        "}",
        "const added: Book = await library.add({ title: 'Dune', year: 1965 });",
        "const all = (await library.list({})) as Book[];",
        "const shelf: Shelf = { name: 'main', books: all };",
        "const top = first<Book>(shelf.books)!;",
        "const label = <string>top.title;",
        "const config = { limit: 3 } as const;",
        "const checked = { year: top.year } satisfies Partial<Book>;",
        "let maybe: string | null = null;",
        "maybe ??= label!;",
        "({ id: added.id, label, maybe, genre: Genre.Science, fiction: Genre[Genre.Fiction], limit: config.limit,"
            + " year: checked.year })");
    NormalizedCode normalized = executor.normalize(code);
    assertThat(normalized.typeScript()).isTrue();
    assertThat(resultOf(run(code))).isEqualTo(json(
        "{'id':'b1','label':'Dune','maybe':'Dune','genre':10,'fiction':'Fiction','limit':3,'year':1965}"));
  }

  @Test
  void aTypedAsyncArrowRuns() {
    assertThat(resultOf(run("async (): Promise<number[]> => {\n"
            + "  const years: number[] = [];\n"
            + "  for (const year of [1965, 1969] as number[]) {\n"
            + "    years.push((await library.add({ title: `t${year}`, year })).year);\n"
            + "  }\n"
            + "  return years;\n"
            + "}")))
        .isEqualTo(json("[1965,1969]"));
  }

  @Test
  void typeScriptInAFenceWithProseRuns() {
    assertThat(resultOf(run("Here you go:\n```ts\nconst n: number = 41;\nn + 1\n```\n")).asInt()).isEqualTo(42);
  }

  @Test
  void aRuntimeErrorInTypeScriptPointsAtTheModelsLineAndColumn() {
    String code = String.join("\n",
        "type Maybe<T> = T | null;",
        "const value: Maybe<{ name: string }> = null;",
        "const padded: string = 'x';",
        "const length: number = value!.name.length;");
    ExecutionError error = errorOf(run(code));
    assertThat(error.name()).isEqualTo("TypeError");
    assertThat(error.line()).isEqualTo(4);
    // The column of "value" in what the model wrote (GraalJS points at the start of the member
    // access), although in the stripped code it is 8 columns further left.
    assertThat(error.column()).isEqualTo(24);
    assertThat(error.excerpt()).isEqualTo(
        "4 | const length: number = value!.name.length;\n  |                        ^");
  }

  @Test
  void codeThatIsNeitherJavaScriptNorTypeScriptIsASyntaxErrorInTheModelsCode() {
    ExecutionError error = errorOf(run("const x: number = 1;\nconst y = x +;\n"));
    assertThat(error.kind()).isEqualTo(ExecutionError.Kind.SYNTAX);
    assertThat(error.line()).isEqualTo(1);
    assertThat(error.excerpt()).startsWith("1 | const x: number = 1;");
  }
}
