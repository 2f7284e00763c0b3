package dev.codemode.core.typescript;

import static com.google.common.truth.Truth.assertThat;
import static dev.codemode.core.typescript.Fixtures.connector;
import static dev.codemode.core.typescript.Fixtures.expression;
import static dev.codemode.core.typescript.Fixtures.inputTypes;
import static dev.codemode.core.typescript.Fixtures.tool;

import org.junit.jupiter.api.Test;

/**
 * Malformed schemas render as much as is sound and {@code unknown} for the rest, and never throw
 * (improvement 7).
 */
class RobustnessTest {

  @Test
  void requiredThatIsNotAnArrayMakesEverythingOptional() {
    assertThat(expression("{\"properties\": {\"x\": {\"type\": \"string\"}}, \"required\": \"x\"}"))
        .isEqualTo("{ x?: string }");
    assertThat(
            expression(
                "{\"properties\": {\"x\": {\"type\": \"string\"}}, \"required\": [1, \"x\", null]}"))
        .isEqualTo("{ x: string }");
  }

  @Test
  void propertiesThatAreNotAnObjectAreIgnored() {
    assertThat(expression("{\"type\": \"object\", \"properties\": []}"))
        .isEqualTo("Record<string, unknown>");
    assertThat(expression("{\"properties\": \"x\"}")).isEqualTo("unknown");
  }

  @Test
  void propertySchemasOfTheWrongKindAreUnknown() {
    assertThat(
            expression(
                "{\"properties\": {\"a\": 5, \"b\": \"string\", \"c\": null, \"d\": [1]}}"))
        .isEqualTo("{ a?: unknown; b?: unknown; c?: unknown; d?: unknown }");
  }

  @Test
  void enumThatIsNotAnArrayIsIgnored() {
    assertThat(expression("{\"enum\": 5}")).isEqualTo("unknown");
    assertThat(expression("{\"type\": \"string\", \"enum\": \"a\"}")).isEqualTo("string");
  }

  @Test
  void typeOfTheWrongKindIsIgnored() {
    assertThat(expression("{\"type\": 5}")).isEqualTo("unknown");
    assertThat(expression("{\"type\": []}")).isEqualTo("unknown");
    assertThat(expression("{\"type\": [\"string\", 5]}")).isEqualTo("unknown");
    assertThat(expression("{\"type\": {}, \"properties\": {\"a\": true}}"))
        .isEqualTo("{ a?: unknown }");
    assertThat(expression("{\"type\": \"strin\"}")).isEqualTo("unknown");
  }

  @Test
  void combinatorsOfTheWrongKindAreIgnored() {
    assertThat(expression("{\"type\": \"string\", \"anyOf\": {}, \"oneOf\": 3, \"allOf\": \"x\"}"))
        .isEqualTo("string");
    assertThat(expression("{\"anyOf\": []}")).isEqualTo("unknown");
    assertThat(expression("{\"anyOf\": [5, \"x\"]}")).isEqualTo("unknown");
  }

  @Test
  void refsOfTheWrongKindOrShapeAreIgnoredOrUnknown() {
    assertThat(expression("{\"type\": \"string\", \"$ref\": 5}")).isEqualTo("string");
    assertThat(expression("{\"$ref\": \"#/x-list/abc\", \"x-list\": [true]}")).isEqualTo("unknown");
    assertThat(expression("{\"$ref\": \"#/x-list/01\", \"x-list\": [true, true]}"))
        .isEqualTo("unknown");
    assertThat(expression("{\"$ref\": \"#/x-s/deeper\", \"x-s\": \"text\"}")).isEqualTo("unknown");
    assertThat(expression("{\"$ref\": \"#/$defs\", \"$defs\": {}}"))
        .isEqualTo("unknown");
    assertThat(expression("{\"$ref\": \"\"}")).isEqualTo("unknown");
    assertThat(expression("{\"$ref\": \"#/\"}")).isEqualTo("unknown");
  }

  @Test
  void arrayKeywordsOfTheWrongKindAreIgnored() {
    assertThat(expression("{\"type\": \"array\", \"items\": \"x\"}")).isEqualTo("unknown[]");
    assertThat(expression("{\"type\": \"array\", \"items\": []}")).isEqualTo("unknown[]");
    assertThat(expression("{\"type\": \"array\", \"prefixItems\": {}, \"items\": {\"type\": \"string\"}}"))
        .isEqualTo("string[]");
    assertThat(expression("{\"type\": \"array\", \"prefixItems\": [7]}")).isEqualTo("[unknown]");
  }

  @Test
  void additionalPropertiesAndNullableOfTheWrongKindAreIgnored() {
    assertThat(expression("{\"type\": \"object\", \"additionalProperties\": \"yes\"}"))
        .isEqualTo("Record<string, unknown>");
    assertThat(expression("{\"type\": \"string\", \"nullable\": \"yes\"}")).isEqualTo("string");
    assertThat(expression("{\"type\": \"object\", \"patternProperties\": []}"))
        .isEqualTo("Record<string, unknown>");
  }

  @Test
  void definitionsOfTheWrongKindAreUnknownTypes() {
    assertThat(
            inputTypes(
                """
                {"type": "object", "properties": {"a": {"$ref": "#/$defs/Num"},
                  "b": {"$ref": "#/$defs/Arr"}}, "$defs": {"Num": 5, "Arr": [1]}}"""))
        .isEqualTo(
            """
            type TInput = {
              a?: Num;
              b?: Arr;
            };
            type TOutput = unknown;
            type Num = unknown;
            type Arr = unknown;
            """);
  }

  @Test
  void oneBadToolNeverBreaksTheOthers() {
    String bad =
        """
        {"type": ["object", 1], "properties": 7, "required": {"a": 1}, "anyOf": "x",
         "$ref": "#/nope/~2", "enum": {"a": 1}, "items": null, "description": ["x"],
         "$defs": [], "nullable": 1}""";
    String text =
        TypeScriptRenderer.declarations(
            connector(
                "c",
                "",
                tool("broken", "Broken.", bad, bad),
                tool("fine", "Fine.", "{\"type\": \"object\", \"properties\": {\"a\":"
                    + " {\"type\": \"string\"}}}", "{\"type\": \"string\"}")));
    assertThat(text)
        .isEqualTo(
            """
            type BrokenInput = unknown;
            type BrokenOutput = unknown;
            type FineInput = {
              a?: string;
            };
            type FineOutput = string;

            declare const c: {
              /** Broken. */
              broken: (input: BrokenInput) => Promise<BrokenOutput>;

              /** Fine. */
              fine: (input: FineInput) => Promise<FineOutput>;
            };
            """);
  }
}
