package dev.codemode.core.typescript;

import static com.google.common.truth.Truth.assertThat;
import static dev.codemode.core.typescript.Fixtures.expression;
import static dev.codemode.core.typescript.Fixtures.inputTypes;

import org.junit.jupiter.api.Test;

/** Precedence and simplification of unions and intersections (improvement 6). */
class SimplificationTest {

  @Test
  void identicalUnionMembersAreDeduplicated() {
    assertThat(
            expression(
                """
                {"anyOf": [{"type": "string"}, {"type": "number"}, {"type": "string"},
                  {"anyOf": [{"type": "number"}, {"type": "boolean"}]}]}"""))
        .isEqualTo("string | number | boolean");
    assertThat(expression("{\"enum\": [\"a\", \"b\", \"a\"]}")).isEqualTo("\"a\" | \"b\"");
  }

  @Test
  void aUnionContainingUnknownIsUnknown() {
    assertThat(expression("{\"anyOf\": [{\"type\": \"string\"}, {\"description\": \"any\"}]}"))
        .isEqualTo("unknown");
    assertThat(expression("{\"oneOf\": [{\"type\": \"string\"}, true]}")).isEqualTo("unknown");
  }

  @Test
  void neverIsDroppedFromUnions() {
    assertThat(expression("{\"anyOf\": [{\"enum\": []}, {\"type\": \"string\"}, false]}"))
        .isEqualTo("string");
  }

  @Test
  void unknownIsDroppedFromIntersections() {
    assertThat(
            expression(
                """
                {"allOf": [{"properties": {"a": {"type": "string"}}}, {"description": "x"},
                  {"minLength": 1}]}"""))
        .isEqualTo("{ a?: string }");
    assertThat(expression("{\"allOf\": [{}, true]}")).isEqualTo("unknown");
  }

  @Test
  void ownStructureAndCombinatorAreIntersected() {
    assertThat(
            inputTypes(
                """
                {"type": "object", "properties": {"kind": {"type": "string"}},
                 "required": ["kind"],
                 "oneOf": [
                   {"properties": {"url": {"type": "string"}}, "required": ["url"]},
                   {"properties": {"path": {"type": "string"}}, "required": ["path"]}]}"""))
        .isEqualTo(
            """
            type TInput = {
              kind: string;
            } & ({
              url: string;
            } | {
              path: string;
            });
            type TOutput = unknown;
            """);
  }

  @Test
  void refWithSiblingStructureIsIntersected() {
    assertThat(
            expression(
                """
                {"properties": {"extra": {"type": "number"}}, "$ref": "#/$defs/Base",
                 "$defs": {"Base": {"type": "object"}}}"""))
        .isEqualTo("{ extra?: number } & Base");
  }

  @Test
  void bareObjectTypeBesideACombinatorAddsNothing() {
    assertThat(
            expression(
                """
                {"type": "object", "anyOf": [{"properties": {"a": {"type": "string"}}},
                  {"properties": {"b": {"type": "string"}}}]}"""))
        .isEqualTo("{ a?: string } | { b?: string }");
    assertThat(
            expression(
                """
                {"type": "object", "anyOf": [{"required": ["a"]}, {"required": ["b"]}]}"""))
        .isEqualTo("Record<string, unknown>");
  }

  @Test
  void constraintOnlyCombinatorsKeepTheOwnType() {
    assertThat(
            expression(
                """
                {"type": "string", "anyOf": [{"format": "email"}, {"format": "uri"}]}"""))
        .isEqualTo("string");
  }

  @Test
  void objectOrNullTypeArrayKeepsNull() {
    assertThat(
            inputTypes(
                """
                {"type": ["object", "null"], "properties": {"a": {"type": "string"}},
                 "required": ["a"]}"""))
        .isEqualTo(
            """
            type TInput = {
              a: string;
            } | null;
            type TOutput = unknown;
            """);
    assertThat(expression("{\"type\": [\"array\", \"null\"], \"items\": {\"type\": \"string\"}}"))
        .isEqualTo("string[] | null");
  }

  @Test
  void nullableDoesNotRepeatNull() {
    assertThat(expression("{\"type\": [\"string\", \"null\"], \"nullable\": true}"))
        .isEqualTo("string | null");
  }

  @Test
  void indexSignatureIsWidenedToFitTheProperties() {
    assertThat(
            inputTypes(
                """
                {"type": "object", "properties": {"name": {"type": "string"},
                  "size": {"type": "integer"}}, "required": ["name"],
                 "additionalProperties": {"type": "boolean"}}"""))
        .isEqualTo(
            """
            type TInput = {
              name: string;
              size?: number;
              [key: string]: boolean | string | number | undefined;
            };
            type TOutput = unknown;
            """);
  }

  @Test
  void patternPropertiesAllowAnyOtherKey() {
    assertThat(
            expression(
                """
                {"type": "object", "properties": {"a": {"type": "string"}},
                 "patternProperties": {"^x-": {"type": "string"}},
                 "additionalProperties": false}"""))
        .isEqualTo("{ a?: string; [key: string]: unknown }");
  }

  @Test
  void tupleRestElementsComeFromItemsAfterPrefixItems() {
    assertThat(
            expression(
                """
                {"type": "array", "prefixItems": [{"type": "string"}],
                 "items": {"type": "number"}}"""))
        .isEqualTo("[string, ...number[]]");
    assertThat(
            expression(
                """
                {"type": "array", "prefixItems": [{"type": "string"}], "items": false}"""))
        .isEqualTo("[string]");
    assertThat(
            expression(
                """
                {"type": "array", "items": [{"type": "string"}],
                 "additionalItems": {"anyOf": [{"type": "number"}, {"type": "null"}]}}"""))
        .isEqualTo("[string, ...(number | null)[]]");
  }
}
