package dev.codemode.core.typescript;

import static com.google.common.truth.Truth.assertThat;
import static dev.codemode.core.typescript.Fixtures.expression;
import static dev.codemode.core.typescript.Fixtures.inputTypes;
import static dev.codemode.core.typescript.Fixtures.json;

import org.junit.jupiter.api.Test;

/** The conversion rules ported from the reference implementation, one test per rule. */
class ReferenceRulesTest {

  @Test
  void booleanSchemas() {
    assertThat(expression("true")).isEqualTo("unknown");
    assertThat(expression("false")).isEqualTo("never");
  }

  @Test
  void bytesAndBigIntegersHaveTheTypesTheSandboxGives() {
    assertThat(expression(
            "{\"type\": \"string\", \"contentEncoding\": \"base64\","
                + " \"contentMediaType\": \"application/octet-stream\"}"))
        .isEqualTo("Uint8Array");
    // Base64 text of another media type stays text: only octet streams become bytes.
    assertThat(expression("{\"type\": \"string\", \"contentEncoding\": \"base64\"}"))
        .isEqualTo("string");
    assertThat(expression("{\"type\": \"integer\", \"format\": \"bigint\"}")).isEqualTo("bigint");
    assertThat(expression("{\"type\": \"integer\", \"format\": \"int64\"}")).isEqualTo("number");
    assertThat(expression("{\"type\": [\"integer\", \"null\"], \"format\": \"bigint\"}"))
        .isEqualTo("bigint | null");
  }

  @Test
  void depthGuardGivesUnknownAtDepthTwenty() {
    assertThat(expression(nestedArrays(19, "{\"type\":\"string\"}")))
        .isEqualTo("string" + "[]".repeat(19));
    assertThat(expression(nestedArrays(20, "{\"type\":\"string\"}")))
        .isEqualTo("unknown" + "[]".repeat(20));
    assertThat(expression(nestedArrays(30, "{\"type\":\"string\"}")))
        .isEqualTo("unknown" + "[]".repeat(20));
  }

  @Test
  void cycleGuardStopsRecursionThroughInlinedPointers() {
    assertThat(
            expression(
                """
                {"properties": {"node": {"type": "object",
                  "properties": {"child": {"$ref": "#/properties/node"}}}}}"""))
        .isEqualTo("{ node?: { child?: unknown } }");
  }

  @Test
  void cycleGuardIsPathScopedSoSharedSubschemasAreFine() {
    assertThat(
            expression(
                """
                {"properties": {"a": {"$ref": "#/properties/b"}, "b": {"type": "string"},
                  "c": {"$ref": "#/properties/b"}}}"""))
        .isEqualTo("{ a?: string; b?: string; c?: string }");
  }

  @Test
  void selfReferenceToRootWithoutNameIsUnknown() {
    assertThat(expression("{\"properties\": {\"self\": {\"$ref\": \"#\"}}}"))
        .isEqualTo("{ self?: unknown }");
  }

  @Test
  void refPointersUnescapeTildeSequencesAndIndexArrays() {
    assertThat(
            expression(
                """
                {"properties": {
                  "x": {"$ref": "#/x-defs/a~1b/c~0d"},
                  "y": {"$ref": "#/x-list/1"}},
                 "x-defs": {"a/b": {"c~d": {"type": "number"}}},
                 "x-list": [{"type": "string"}, {"type": "boolean"}]}"""))
        .isEqualTo("{ x?: number; y?: boolean }");
  }

  @Test
  void externalRelativeAnchorAndUnresolvableRefsAreUnknown() {
    assertThat(expression("{\"$ref\": \"https://example.com/schema.json\"}")).isEqualTo("unknown");
    assertThat(expression("{\"$ref\": \"other.json#/$defs/A\"}")).isEqualTo("unknown");
    assertThat(expression("{\"$ref\": \"#anchor\"}")).isEqualTo("unknown");
    assertThat(expression("{\"$ref\": \"#/nowhere\"}")).isEqualTo("unknown");
    assertThat(expression("{\"$ref\": \"#/x-list/7\", \"x-list\": []}")).isEqualTo("unknown");
  }

  @Test
  void refToBooleanSchema() {
    assertThat(expression("{\"$ref\": \"#/x-yes\", \"x-yes\": true}")).isEqualTo("unknown");
    assertThat(expression("{\"$ref\": \"#/x-no\", \"x-no\": false}")).isEqualTo("never");
  }

  @Test
  void nullableOnReferencingSchemaAppliesAfterResolution() {
    assertThat(
            expression(
                "{\"$ref\": \"#/x-s\", \"nullable\": true, \"x-s\": {\"type\": \"string\"}}"))
        .isEqualTo("string | null");
  }

  @Test
  void anyOfAndOneOfAreUnions() {
    assertThat(expression("{\"anyOf\": [{\"type\": \"string\"}, {\"type\": \"number\"}]}"))
        .isEqualTo("string | number");
    assertThat(expression("{\"oneOf\": [{\"type\": \"boolean\"}, {\"type\": \"null\"}]}"))
        .isEqualTo("boolean | null");
  }

  @Test
  void allOfIsAnIntersection() {
    assertThat(
            expression(
                """
                {"allOf": [{"properties": {"a": {"type": "string"}}},
                           {"properties": {"b": {"type": "number"}}}]}"""))
        .isEqualTo("{ a?: string } & { b?: number }");
  }

  @Test
  void emptyEnumIsNever() {
    assertThat(expression("{\"enum\": []}")).isEqualTo("never");
  }

  @Test
  void enumStringsAreEscapedLiterals() {
    String schema =
        "{\"enum\": [\"quote\\\"\", \"back\\\\slash\", \"line\\nbreak\", \"cr\\r\", \"tab\\t\","
            + " \"\\u2028\\u2029\", \"bell\\u0007\", \"del\\u007f\", \"caf\\u00e9\"]}";
    assertThat(expression(schema))
        .isEqualTo(
            "\"quote\\\"\" | \"back\\\\slash\" | \"line\\nbreak\" | \"cr\\r\" | \"tab\\t\""
                + " | \"\\u2028\\u2029\" | \"bell\\u0007\" | \"del\\u007f\" | \"caf\u00e9\"");
  }

  @Test
  void enumOfOtherValuesUsesTheirJsonText() {
    assertThat(expression("{\"enum\": [{\"key\": \"value\"}, [1, 2, 3], null, 1.5, -2, true]}"))
        .isEqualTo("{\"key\":\"value\"} | [1,2,3] | null | 1.5 | -2 | true");
  }

  @Test
  void enumWinsOverType() {
    assertThat(expression("{\"type\": \"string\", \"enum\": [\"a\", \"b\"]}"))
        .isEqualTo("\"a\" | \"b\"");
  }

  @Test
  void constIsOneLiteral() {
    assertThat(expression("{\"const\": \"fixed\"}")).isEqualTo("\"fixed\"");
    assertThat(expression("{\"const\": null}")).isEqualTo("null");
    assertThat(expression("{\"const\": 42}")).isEqualTo("42");
    assertThat(expression("{\"const\": {\"a\": [true]}}")).isEqualTo("{\"a\":[true]}");
    assertThat(expression("{\"type\": \"string\", \"const\": \"x\"}")).isEqualTo("\"x\"");
  }

  @Test
  void primitiveTypes() {
    assertThat(expression("{\"type\": \"string\"}")).isEqualTo("string");
    assertThat(expression("{\"type\": \"number\"}")).isEqualTo("number");
    assertThat(expression("{\"type\": \"integer\"}")).isEqualTo("number");
    assertThat(expression("{\"type\": \"boolean\"}")).isEqualTo("boolean");
    assertThat(expression("{\"type\": \"null\"}")).isEqualTo("null");
  }

  @Test
  void prefixItemsIsATuple() {
    assertThat(
            expression(
                """
                {"type": "array", "prefixItems": [{"type": "string"}, {"type": "number"}]}"""))
        .isEqualTo("[string, number]");
  }

  @Test
  void arrayFormItemsIsATuple() {
    assertThat(
            expression(
                "{\"type\": \"array\", \"items\": [{\"type\": \"boolean\"}, {\"const\": 1}]}"))
        .isEqualTo("[boolean, 1]");
  }

  @Test
  void itemsSchemaIsAnArrayType() {
    assertThat(expression("{\"type\": \"array\", \"items\": {\"type\": \"string\"}}"))
        .isEqualTo("string[]");
  }

  @Test
  void arrayWithoutItemsIsUnknownArray() {
    assertThat(expression("{\"type\": \"array\"}")).isEqualTo("unknown[]");
  }

  @Test
  void objectPropertiesWithRequiredAndOptional() {
    assertThat(
            inputTypes(
                """
                {"type": "object",
                 "properties": {"name": {"type": "string"}, "age": {"type": "integer"},
                   "tags": {"type": "array", "items": {"type": "string"}}},
                 "required": ["name"]}"""))
        .isEqualTo(
            """
            type TInput = {
              name: string;
              age?: number;
              tags?: string[];
            };
            type TOutput = unknown;
            """);
  }

  @Test
  void nestedObjectsIndentTwoSpacesPerLevel() {
    assertThat(
            inputTypes(
                """
                {"type": "object", "properties": {"outer": {"type": "object",
                  "properties": {"inner": {"type": "object",
                    "properties": {"leaf": {"type": "string"}}, "required": ["leaf"]}},
                  "required": ["inner"]}}, "required": ["outer"]}"""))
        .isEqualTo(
            """
            type TInput = {
              outer: {
                inner: {
                  leaf: string;
                };
              };
            };
            type TOutput = unknown;
            """);
  }

  @Test
  void propertyNamesThatAreNotIdentifiersAreQuoted() {
    assertThat(
            inputTypes(
                """
                {"type": "object", "properties": {
                  "plain_$1": {"type": "string"}, "kebab-case": {"type": "string"},
                  "": {"type": "string"}, "say \\"hi\\"\\n": {"type": "string"},
                  "9lives": {"type": "string"}, "class": {"type": "string"}}}"""))
        .isEqualTo(
            """
            type TInput = {
              plain_$1?: string;
              "kebab-case"?: string;
              ""?: string;
              "say \\"hi\\"\\n"?: string;
              "9lives"?: string;
              class?: string;
            };
            type TOutput = unknown;
            """);
  }

  @Test
  void booleanPropertySchemas() {
    assertThat(
            inputTypes(
                """
                {"type": "object", "properties": {"any": true, "none": false},
                 "required": ["any"]}"""))
        .isEqualTo(
            """
            type TInput = {
              any: unknown;
              none?: never;
            };
            type TOutput = unknown;
            """);
  }

  @Test
  void additionalPropertiesTrueAddsAnUnknownIndexSignature() {
    assertThat(
            inputTypes(
                """
                {"type": "object", "properties": {"a": {"type": "string"}},
                 "additionalProperties": true}"""))
        .isEqualTo(
            """
            type TInput = {
              a?: string;
              [key: string]: unknown;
            };
            type TOutput = unknown;
            """);
  }

  @Test
  void additionalPropertiesSchemaAddsATypedIndexSignature() {
    assertThat(
            inputTypes(
                """
                {"type": "object", "additionalProperties": {"type": "number"}}"""))
        .isEqualTo(
            """
            type TInput = {
              [key: string]: number;
            };
            type TOutput = unknown;
            """);
  }

  @Test
  void mapKeyedByAnEnumListsTheKeys() {
    assertThat(
            inputTypes(
                """
                {"type": "object", "propertyNames": {"enum": ["OPEN", "in progress"]},
                 "additionalProperties": {"type": "integer"}}"""))
        .isEqualTo(
            """
            type TInput = {
              OPEN?: number;
              "in progress"?: number;
            };
            type TOutput = unknown;
            """);
  }

  @Test
  void mapKeyedByAnEnumDefinitionListsTheKeys() {
    assertThat(
            expression(
                """
                {"type": "object", "propertyNames": {"$ref": "#/$defs/Status"},
                 "additionalProperties": {"type": "string"},
                 "$defs": {"Status": {"enum": ["A", "B"]}}}"""))
        .isEqualTo("{ A?: string; B?: string }");
  }

  @Test
  void mapKeysThatAreNotAllStringsKeepTheIndexSignature() {
    assertThat(
            expression(
                """
                {"type": "object", "propertyNames": {"enum": ["A", 1]},
                 "additionalProperties": {"type": "string"}}"""))
        .isEqualTo("{ [key: string]: string }");
  }

  @Test
  void objectWithoutMembers() {
    assertThat(expression("{\"type\": \"object\", \"additionalProperties\": false}"))
        .isEqualTo("{}");
    assertThat(
            expression(
                "{\"type\": \"object\", \"properties\": {}, \"additionalProperties\": false}"))
        .isEqualTo("{}");
    assertThat(expression("{\"type\": \"object\"}")).isEqualTo("Record<string, unknown>");
    assertThat(expression("{\"type\": \"object\", \"properties\": {}}"))
        .isEqualTo("Record<string, unknown>");
  }

  @Test
  void propertiesWithoutTypeMakeAnObject() {
    assertThat(expression("{\"properties\": {\"a\": {\"type\": \"string\"}}}"))
        .isEqualTo("{ a?: string }");
  }

  @Test
  void typeArraysAreUnions() {
    assertThat(expression("{\"type\": [\"string\", \"null\"]}")).isEqualTo("string | null");
    assertThat(expression("{\"type\": [\"boolean\", \"string\"]}")).isEqualTo("boolean | string");
    assertThat(expression("{\"type\": [\"integer\", \"number\"]}")).isEqualTo("number");
    assertThat(expression("{\"type\": [\"array\", \"object\"]}"))
        .isEqualTo("unknown[] | Record<string, unknown>");
    assertThat(expression("{\"type\": [\"string\", \"file\"]}")).isEqualTo("unknown");
  }

  @Test
  void openApiNullable() {
    assertThat(expression("{\"type\": \"string\", \"nullable\": true}")).isEqualTo("string | null");
    assertThat(expression("{\"type\": \"null\", \"nullable\": true}")).isEqualTo("null");
    assertThat(expression("{\"nullable\": true}")).isEqualTo("unknown");
    assertThat(expression("{\"enum\": [], \"nullable\": true}")).isEqualTo("never");
    assertThat(expression("{\"type\": \"string\", \"nullable\": false}")).isEqualTo("string");
  }

  @Test
  void anythingElseIsUnknown() {
    assertThat(expression("{}")).isEqualTo("unknown");
    assertThat(expression("{\"description\": \"anything\"}")).isEqualTo("unknown");
    assertThat(expression("{\"not\": {\"type\": \"string\"}}")).isEqualTo("unknown");
    assertThat(TypeScriptRenderer.typeExpression(null, null)).isEqualTo("unknown");
    assertThat(TypeScriptRenderer.typeExpression(json("\"a string\""), null)).isEqualTo("unknown");
  }

  @Test
  void unionsInsideArraysAreParenthesized() {
    assertThat(
            expression(
                """
                {"type": "array", "items": {"anyOf": [{"type": "string"}, {"type": "number"}]}}"""))
        .isEqualTo("(string | number)[]");
  }

  @Test
  void intersectionsInsideUnionsAreParenthesized() {
    assertThat(
            expression(
                """
                {"anyOf": [
                  {"allOf": [{"properties": {"a": {"type": "string"}}},
                             {"properties": {"b": {"type": "string"}}}]},
                  {"type": "null"}]}"""))
        .isEqualTo("({ a?: string } & { b?: string }) | null");
  }

  @Test
  void unionsInsideIntersectionsAreParenthesized() {
    assertThat(
            expression(
                """
                {"allOf": [{"anyOf": [{"type": "string"}, {"type": "number"}]},
                           {"enum": ["a", 1, true]}]}"""))
        .isEqualTo("(string | number) & (\"a\" | 1 | true)");
  }

  @Test
  void typeExpressionShowsDefinitionsByName() {
    assertThat(
            TypeScriptRenderer.typeExpression(
                json("{\"type\": \"array\", \"items\": {\"$ref\": \"#/$defs/task_item\"}}"),
                json("{\"$defs\": {\"task_item\": {\"type\": \"object\"}}}")))
        .isEqualTo("TaskItem[]");
  }

  private static String nestedArrays(int levels, String innermost) {
    String schema = innermost;
    for (int i = 0; i < levels; i++) {
      schema = "{\"type\": \"array\", \"items\": " + schema + "}";
    }
    return schema;
  }
}
