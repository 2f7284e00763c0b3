package dev.codemode.core.typescript;

import static com.google.common.truth.Truth.assertThat;
import static dev.codemode.core.typescript.Fixtures.connector;
import static dev.codemode.core.typescript.Fixtures.inputTypes;
import static dev.codemode.core.typescript.Fixtures.tool;

import org.junit.jupiter.api.Test;

/** JSDoc: escaping, kept lines and validation hints (improvement 5). */
class JsDocTest {

  @Test
  void nullableWrappersKeepTheHintsOfTheWrappedSchema() {
    assertThat(
            inputTypes(
                """
                {"type": "object", "properties": {
                  "due": {"anyOf": [{"type": "string", "format": "date"}, {"type": "null"}],
                          "description": "the day it is due"},
                  "limit": {"oneOf": [{"type": "null"}, {"type": "integer", "minimum": 1,
                            "description": "at most this many"}]}}}"""))
        .isEqualTo(
            """
            type TInput = {
              /**
               * the day it is due
               * @format date
               */
              due?: string | null;
              /**
               * at most this many
               * @minimum 1
               */
              limit?: null | number;
            };
            type TOutput = unknown;
            """);
  }

  @Test
  void commentTerminatorsAreEscapedEverywhere() {
    String input =
        """
        {"type": "object", "properties": {
          "a": {"type": "string", "description": "ends */ early", "pattern": "x*/y",
            "default": "*/"}},
         "$defs": {}}""";
    String text =
        TypeScriptRenderer.declarations(
            connector(
                "c",
                "Connector */ text",
                tool("t", "Tool */ text", input,
                    "{\"$ref\": \"#/$defs/D\", \"$defs\": {\"D\": {\"description\": \"def */\","
                        + " \"type\": \"string\"}}}")));
    assertThat(text)
        .isEqualTo(
            """
            type TInput = {
              /**
               * ends *\\/ early
               * @pattern x*\\/y
               * @default "*\\/"
               */
              a?: string;
            };
            type TOutput = D;
            /** def *\\/ */
            type D = string;

            /**
             * Connector *\\/ text
             */
            declare const c: {
              /**
               * Tool *\\/ text
               * @param input.a - ends *\\/ early
               */
              t: (input: TInput) => Promise<TOutput>;
            };
            """);
  }

  @Test
  void multiLineDescriptionsKeepTheirLines() {
    String input =
        """
        {"type": "object", "properties": {"a": {"type": "string",
          "description": "First line.\\r\\n\\n  - indented item   \\nLast line.\\n\\n"}}}""";
    String text =
        TypeScriptRenderer.declarations(
            connector("c", "\nAbout c.\n\nMore about c.\n",
                tool("t", "Does t.\nCarefully.", input, null)));
    assertThat(text)
        .isEqualTo(
            """
            type TInput = {
              /**
               * First line.
               *
               *   - indented item
               * Last line.
               */
              a?: string;
            };
            type TOutput = unknown;

            /**
             * About c.
             *
             * More about c.
             */
            declare const c: {
              /**
               * Does t.
               * Carefully.
               * @param input.a - First line.
               *
               *   - indented item
               * Last line.
               */
              t: (input: TInput) => Promise<TOutput>;
            };
            """);
  }

  @Test
  void everyValidationHintInOrder() {
    assertThat(
            inputTypes(
                """
                {"type": "object", "properties": {"a": {
                  "deprecated": true, "examples": ["x", {"k": 1}], "default": [1, 2],
                  "maxProperties": 9, "minProperties": 1, "uniqueItems": true, "maxItems": 8,
                  "minItems": 2, "pattern": "^a+$", "maxLength": 7, "minLength": 3,
                  "multipleOf": 0.5, "exclusiveMaximum": 100, "exclusiveMinimum": -1,
                  "maximum": 99, "minimum": 0, "contentEncoding": "base64", "format": "byte",
                  "description": "Everything."}}}"""))
        .isEqualTo(
            """
            type TInput = {
              /**
               * Everything.
               * @format byte
               * @contentEncoding base64
               * @minimum 0
               * @maximum 99
               * @exclusiveMinimum -1
               * @exclusiveMaximum 100
               * @multipleOf 0.5
               * @minLength 3
               * @maxLength 7
               * @pattern ^a+$
               * @minItems 2
               * @maxItems 8
               * @uniqueItems
               * @minProperties 1
               * @maxProperties 9
               * @default [1,2]
               * @example "x"
               * @example {"k":1}
               * @deprecated
               */
              a?: unknown;
            };
            type TOutput = unknown;
            """);
  }

  @Test
  void oneLineCommentsWhenThereIsOneLine() {
    assertThat(
            inputTypes(
                """
                {"type": "object", "properties": {
                  "a": {"type": "string", "description": "Only text."},
                  "b": {"type": "string", "format": "uuid"},
                  "c": {"type": "string"}}}"""))
        .isEqualTo(
            """
            type TInput = {
              /** Only text. */
              a?: string;
              /** @format uuid */
              b?: string;
              c?: string;
            };
            type TOutput = unknown;
            """);
  }

  @Test
  void hintsWithTheWrongKindOrAFalseFlagAreLeftOut() {
    assertThat(
            inputTypes(
                """
                {"type": "object", "properties": {"a": {"type": "string",
                  "description": 5, "format": 7, "minimum": "0", "uniqueItems": false,
                  "deprecated": "yes", "examples": "x", "pattern": ["a"],
                  "exclusiveMinimum": true}}}"""))
        .isEqualTo(
            """
            type TInput = {
              a?: string;
            };
            type TOutput = unknown;
            """);
  }

  @Test
  void toolWithoutDescriptionShowsItsNameAndParamsOnlyForDescribedProperties() {
    String input =
        """
        {"type": "object", "properties": {"a": {"type": "string", "description": "The a."},
          "b": {"type": "string"}, "c": {"type": "string", "description": "  "}}}""";
    String text = TypeScriptRenderer.declarations(connector("c", "", tool("t", " ", input, null)));
    assertThat(text.substring(text.indexOf("declare const")))
        .isEqualTo(
            """
            declare const c: {
              /**
               * t
               * @param input.a - The a.
               */
              t: (input: TInput) => Promise<TOutput>;
            };
            """);
  }

  @Test
  void lineBreaksInsideTagValuesStayOnOneLine() {
    assertThat(
            inputTypes(
                """
                {"type": "object", "properties": {"a": {"type": "string",
                  "pattern": "a\\nb", "default": "x\\ny"}}}"""))
        .isEqualTo(
            """
            type TInput = {
              /**
               * @pattern a\\nb
               * @default "x\\ny"
               */
              a?: string;
            };
            type TOutput = unknown;
            """);
  }
}
