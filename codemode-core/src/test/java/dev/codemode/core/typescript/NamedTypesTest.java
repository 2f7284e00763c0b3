package dev.codemode.core.typescript;

import static com.google.common.truth.Truth.assertThat;
import static dev.codemode.core.typescript.Fixtures.connector;
import static dev.codemode.core.typescript.Fixtures.inputTypes;
import static dev.codemode.core.typescript.Fixtures.tool;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.codemode.core.ConnectorDescriptor;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Named types for {@code $defs}/{@code definitions}, their sharing, and unique names: the
 * improvements 1 to 4 over the reference.
 */
class NamedTypesTest {

  private static final String EMPTY = "{\"type\": \"object\", \"additionalProperties\": false}";

  @Test
  void defsBecomeNamedTypesWithTheirDescription() {
    assertThat(
            inputTypes(
                """
                {"type": "object", "properties": {"tag": {"$ref": "#/$defs/tag_name"}},
                 "$defs": {"tag_name": {"description": "A label.", "type": "string"}}}"""))
        .isEqualTo(
            """
            type TInput = {
              tag?: TagName;
            };
            type TOutput = unknown;
            /** A label. */
            type TagName = string;
            """);
  }

  @Test
  void draft07DefinitionsAndNestedDefsAreNamedToo() {
    assertThat(
            inputTypes(
                """
                {"type": "object",
                 "properties": {"a": {"$ref": "#/definitions/Alpha"},
                   "b": {"$ref": "#/$defs/outer/$defs/inner-item"}},
                 "definitions": {"Alpha": {"type": "number"}},
                 "$defs": {"outer": {"$defs": {"inner-item": {"type": "boolean"}}}}}"""))
        .isEqualTo(
            """
            type TInput = {
              a?: Alpha;
              b?: InnerItem;
            };
            type TOutput = unknown;
            type Alpha = number;
            type InnerItem = boolean;
            """);
  }

  @Test
  void recursiveDefsReferToThemselves() {
    assertThat(
            inputTypes(
                """
                {"$ref": "#/$defs/TreeNode", "$defs": {"TreeNode": {"type": "object",
                  "properties": {"name": {"type": "string"},
                    "children": {"type": "array", "items": {"$ref": "#/$defs/TreeNode"}}},
                  "required": ["name", "children"]}}}"""))
        .isEqualTo(
            """
            type TInput = TreeNode;
            type TOutput = unknown;
            type TreeNode = {
              name: string;
              children: TreeNode[];
            };
            """);
  }

  @Test
  void rootReferenceUsesTheRootTypeName() {
    assertThat(inputTypes("{\"type\": \"object\", \"properties\": {\"next\": {\"$ref\": \"#\"}}}"))
        .isEqualTo(
            """
            type TInput = {
              next?: TInput;
            };
            type TOutput = unknown;
            """);
  }

  @Test
  void otherInternalPointersAreInlined() {
    assertThat(
            inputTypes(
                """
                {"type": "object", "properties": {"copy": {"$ref": "#/properties/original"},
                  "original": {"type": "string"}}}"""))
        .isEqualTo(
            """
            type TInput = {
              copy?: string;
              original?: string;
            };
            type TOutput = unknown;
            """);
  }

  @Test
  void namedTypesComeInOrderOfFirstUse() {
    String text =
        TypeScriptRenderer.declarations(
            connector(
                "c",
                "",
                tool("first", "", refTo("Zeta", "{\"type\": \"string\"}"),
                    refTo("Alpha", "{\"type\": \"number\"}")),
                tool("second", "", refTo("Beta", "{\"type\": \"boolean\"}"), null)));
    assertThat(text)
        .startsWith(
            """
            type FirstInput = Zeta;
            type FirstOutput = Alpha;
            type SecondInput = Beta;
            type SecondOutput = unknown;
            type Zeta = string;
            type Alpha = number;
            type Beta = boolean;

            """);
  }

  @Test
  void equalDefsAcrossToolsAreOneDeclaration() {
    String task = "{\"type\": \"object\", \"properties\": {\"id\": {\"type\": \"string\"}}}";
    String text =
        TypeScriptRenderer.declarations(
            connector("c", "", tool("a", "", EMPTY, refTo("Task", task)),
                tool("b", "", refTo("Task", task), refTo("Task", task))));
    assertThat(text)
        .startsWith(
            """
            type AInput = {};
            type AOutput = Task;
            type BInput = Task;
            type BOutput = Task;
            type Task = {
              id?: string;
            };

            """);
  }

  @Test
  void differentDefsWithTheSameKeyGetNumberedNames() {
    String text =
        TypeScriptRenderer.declarations(
            connector("c", "",
                tool("a", "", EMPTY, refTo("Task", "{\"type\": \"string\"}")),
                tool("b", "", EMPTY, refTo("Task", "{\"type\": \"number\"}")),
                tool("d", "", EMPTY, refTo("Task", "{\"type\": \"boolean\"}"))));
    assertThat(text).contains("type AOutput = Task;\n");
    assertThat(text).contains("type BOutput = Task2;\n");
    assertThat(text).contains("type DOutput = Task3;\n");
    assertThat(text)
        .contains("type Task = string;\ntype Task2 = number;\ntype Task3 = boolean;\n");
  }

  @Test
  void defsThatReachDifferentTargetsAreNotShared() {
    String wrapper =
        "{\"type\": \"object\", \"properties\": {\"v\": {\"$ref\": \"#/$defs/Value\"}}}";
    String a =
        "{\"$ref\": \"#/$defs/Wrapper\", \"$defs\": {\"Wrapper\": " + wrapper
            + ", \"Value\": {\"type\": \"string\"}}}";
    String b =
        "{\"$ref\": \"#/$defs/Wrapper\", \"$defs\": {\"Wrapper\": " + wrapper
            + ", \"Value\": {\"type\": \"number\"}}}";
    String text =
        TypeScriptRenderer.declarations(
            connector("c", "", tool("a", "", EMPTY, a), tool("b", "", EMPTY, b)));
    assertThat(text)
        .contains(
            """
            type AOutput = Wrapper;
            type BInput = {};
            type BOutput = Wrapper2;
            type Wrapper = {
              v?: Value;
            };
            type Wrapper2 = {
              v?: Value2;
            };
            type Value = string;
            type Value2 = number;
            """);
  }

  @Test
  void defNamedLikeAToolTypeGetsANumberedName() {
    String text =
        TypeScriptRenderer.declarations(
            connector("c", "", tool("create", "", refTo("CreateInput", "{\"type\": \"string\"}"),
                null)));
    assertThat(text).startsWith(
        """
        type CreateInput = CreateInput2;
        type CreateOutput = unknown;
        type CreateInput2 = string;
        """);
  }

  @Test
  void toolsWhosePascalNamesCollideGetNumberedTypeNames() {
    ConnectorDescriptor items =
        connector("items", "", tool("get_item", "", EMPTY, null), tool("getItem", "", EMPTY, null),
            tool("GetItem", "", EMPTY, null));
    assertThat(TypeScriptRenderer.declarations(items))
        .isEqualTo(
            """
            type GetItemInput = {};
            type GetItemOutput = unknown;
            type GetItem2Input = {};
            type GetItem2Output = unknown;
            type GetItem3Input = {};
            type GetItem3Output = unknown;

            declare const items: {
              /** get_item */
              get_item: (input: GetItemInput) => Promise<GetItemOutput>;

              /** getItem */
              getItem: (input: GetItem2Input) => Promise<GetItem2Output>;

              /** GetItem */
              GetItem: (input: GetItem3Input) => Promise<GetItem3Output>;
            };
            """);
  }

  @Test
  void defsNamedLikeTypeScriptGlobalsGetTheConnectorPrefix() {
    String input =
        """
        {"type": "object", "properties": {
          "a": {"$ref": "#/$defs/Error"}, "b": {"$ref": "#/$defs/Date"},
          "c": {"$ref": "#/$defs/Record"}, "d": {"$ref": "#/$defs/Promise"},
          "e": {"$ref": "#/$defs/Console"}, "f": {"$ref": "#/$defs/Awaited"},
          "g": {"$ref": "#/$defs/string"}},
         "$defs": {"Error": {"type": "string"}, "Date": {"type": "string"},
           "Record": {"type": "string"}, "Promise": {"type": "string"},
           "Console": {"type": "string"}, "Awaited": {"type": "string"},
           "string": {"type": "number"}}}""";
    String output =
        "{\"$ref\": \"#/$defs/Error\", \"$defs\": {\"Error\": {\"type\": \"number\"}}}";
    String text =
        TypeScriptRenderer.declarations(connector("tasks", "", tool("t", "", input, output)));
    assertThat(text)
        .startsWith(
            """
            type TInput = {
              a?: TasksError;
              b?: TasksDate;
              c?: TasksRecord;
              d?: TasksPromise;
              e?: TasksConsole;
              f?: TasksAwaited;
              g?: TasksString;
            };
            type TOutput = TasksError2;
            type TasksError = string;
            type TasksDate = string;
            type TasksRecord = string;
            type TasksPromise = string;
            type TasksConsole = string;
            type TasksAwaited = string;
            type TasksString = number;
            type TasksError2 = number;
            """);
  }

  @Test
  void severalConnectorsKeepEveryTypeNameUnique() {
    String task = "{\"type\": \"object\", \"properties\": {\"id\": {\"type\": \"string\"}}}";
    ConnectorDescriptor tasks =
        connector("tasks", "", tool("list", "", EMPTY, refTo("Task", task)));
    ConnectorDescriptor projects =
        connector("projects", "",
            tool("list", "", EMPTY, refTo("Task", task)),
            tool("projectsList", "", refTo("Task", "{\"type\": \"number\"}"), null));
    assertThat(TypeScriptRenderer.declarations(List.of(tasks, projects)))
        .isEqualTo(
            """
            type ListInput = {};
            type ListOutput = Task;
            type Task = {
              id?: string;
            };

            declare const tasks: {
              /** list */
              list: (input: ListInput) => Promise<ListOutput>;
            };

            type ProjectsListInput = {};
            type ProjectsListOutput = ProjectsTask;
            type ProjectsList2Input = ProjectsTask2;
            type ProjectsList2Output = unknown;
            type ProjectsTask = {
              id?: string;
            };
            type ProjectsTask2 = number;

            declare const projects: {
              /** list */
              list: (input: ProjectsListInput) => Promise<ProjectsListOutput>;

              /** projectsList */
              projectsList: (input: ProjectsList2Input) => Promise<ProjectsList2Output>;
            };
            """);
  }

  @Test
  void severalConnectorsMustHaveDistinctNames() {
    ConnectorDescriptor one = connector("tasks", "");
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class,
            () -> TypeScriptRenderer.declarations(List.of(one, connector("tasks", "x"))));
    assertThat(error).hasMessageThat().contains("tasks");
  }

  @Test
  void aliasCyclesTypeScriptRejectsAreBrokenWithUnknown() {
    assertThat(
            inputTypes(
                """
                {"type": "object", "properties": {"s": {"$ref": "#/$defs/Shape"}},
                 "$defs": {"Shape": {"anyOf": [{"$ref": "#/$defs/Alias"}, {"type": "string"}]},
                   "Alias": {"$ref": "#/$defs/Shape"}}}"""))
        .isEqualTo(
            """
            type TInput = {
              s?: Shape;
            };
            type TOutput = unknown;
            type Shape = Alias | string;
            type Alias = unknown;
            """);
    assertThat(inputTypes("{\"$ref\": \"#\"}"))
        .isEqualTo(
            """
            type TInput = unknown;
            type TOutput = unknown;
            """);
  }

  @Test
  void toolDeclarationsHoldOnlyWhatTheToolReaches() {
    ConnectorDescriptor shop =
        connector(
            "shop",
            "Sells things.",
            tool("buy", "Buys an item.", refTo("Item", "{\"type\": \"string\"}"),
                "{\"$ref\": \"#/$defs/Receipt\", \"$defs\": {\"Receipt\": {\"type\": \"object\","
                    + " \"properties\": {\"lines\": {\"type\": \"array\", \"items\":"
                    + " {\"$ref\": \"#/$defs/Line\"}}}}, \"Line\": {\"type\": \"number\"}}}"),
            tool("get_item", "", refTo("Other", "{\"type\": \"boolean\"}"), null),
            tool("getItem", "Reads an item.", refTo("Item", "{\"type\": \"string\"}"), null));
    assertThat(TypeScriptRenderer.toolDeclarations(shop, "getItem"))
        .isEqualTo(
            """
            type GetItem2Input = Item;
            type GetItem2Output = unknown;
            type Item = string;

            declare const shop: {
              /** Reads an item. */
              getItem: (input: GetItem2Input) => Promise<GetItem2Output>;
            };
            """);
    assertThat(TypeScriptRenderer.toolDeclarations(shop, "buy"))
        .isEqualTo(
            """
            type BuyInput = Item;
            type BuyOutput = Receipt;
            type Item = string;
            type Receipt = {
              lines?: Line[];
            };
            type Line = number;

            declare const shop: {
              /** Buys an item. */
              buy: (input: BuyInput) => Promise<BuyOutput>;
            };
            """);
  }

  @Test
  void toolDeclarationsOfAnUnknownToolNameTheKnownTools() {
    ConnectorDescriptor shop =
        connector("shop", "", tool("buy", "", EMPTY, null), tool("sell", "", EMPTY, null));
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class, () -> TypeScriptRenderer.toolDeclarations(shop, "rent"));
    assertThat(error)
        .hasMessageThat()
        .isEqualTo("Connector shop has no tool named \"rent\"; its tools are: buy, sell");
  }

  /** A schema that is a {@code $ref} to its only definition. */
  private static String refTo(String key, String definition) {
    return "{\"$ref\": \"#/$defs/" + key + "\", \"$defs\": {\"" + key + "\": " + definition + "}}";
  }

  @Test
  void aNumberAfterANameEndingInADigitIsSeparated() {
    String text =
        TypeScriptRenderer.declarations(
            connector(
                "c",
                "",
                tool("a", "", "{\"$ref\": \"#/$defs/def1\", \"$defs\": {\"def1\": {\"type\": \"string\"}}}", null),
                tool("b", "", "{\"$ref\": \"#/$defs/def1\", \"$defs\": {\"def1\": {\"type\": \"number\"}}}", null)));
    assertThat(text).contains("type Def1 = string;\ntype Def1_2 = number;\n");
  }
}
