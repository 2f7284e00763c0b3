package dev.codemode.core.typescript;

import static com.google.common.truth.Truth.assertThat;
import static dev.codemode.core.typescript.Fixtures.connector;
import static dev.codemode.core.typescript.Fixtures.json;
import static dev.codemode.core.typescript.Fixtures.tool;

import dev.codemode.core.ConnectorDescriptor;
import dev.codemode.core.ToolDescriptor;
import dev.codemode.core.testing.GoldenFiles;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shape of the declaration text: the contract other modules and checks rely on. */
class TypeScriptRendererTest {

  private static final String EMPTY = "{\"type\": \"object\", \"additionalProperties\": false}";

  @Test
  void tasksExampleOfTheContract() {
    ConnectorDescriptor tasks = ConnectorFiles.fromDescriptor("typescript/tasks.connector.json");
    assertThat(TypeScriptRenderer.declarations(tasks))
        .isEqualTo(
            """
            type CreateInput = {
              /** Short title of the task */
              title: string;
              priority?: Priority | null;
            };
            type CreateOutput = Task;
            type ListInput = {};
            type ListOutput = Task[];
            type Priority = "LOW" | "MEDIUM" | "HIGH";
            /** A task in the user's list. */
            type Task = {
              /** @format uuid */
              id: string;
              title: string;
              tags: string[];
            };

            /**
             * Manages the user's tasks.
             */
            declare const tasks: {
              /**
               * Creates a task.
               * @param input.title - Short title of the task
               */
              create: (input: CreateInput) => Promise<CreateOutput>;

              /** Lists all tasks. */
              list: (input: ListInput) => Promise<ListOutput>;
            };
            """);
  }

  @Test
  void connectorWithoutTools() {
    assertThat(TypeScriptRenderer.declarations(connector("empty", "")))
        .isEqualTo("declare const empty: {};\n");
    assertThat(TypeScriptRenderer.declarations(connector("empty", "Nothing yet.")))
        .isEqualTo("/**\n * Nothing yet.\n */\ndeclare const empty: {};\n");
  }

  @Test
  void outputIsUnknownWithoutSchemaAndUndefinedForVoidTools() {
    ConnectorDescriptor c =
        new ConnectorDescriptor(
            "c",
            "",
            List.of(
                ToolDescriptor.of("described", "", json(EMPTY), json("{\"type\": \"string\"}")),
                ToolDescriptor.of("unknownOutput", "", json(EMPTY), null),
                ToolDescriptor.of("nothing", "", json(EMPTY), ToolDescriptor.NO_OUTPUT)));
    String text = TypeScriptRenderer.declarations(c);
    assertThat(text).contains("type DescribedOutput = string;\n");
    assertThat(text).contains("type UnknownOutputOutput = unknown;\n");
    assertThat(text).contains("type NothingOutput = undefined;\n");
  }

  @Test
  void booleanInputSchemas() {
    String text =
        TypeScriptRenderer.declarations(
            new ConnectorDescriptor(
                "c", "", List.of(ToolDescriptor.of("t", "", json("true"), json("false")))));
    assertThat(text).startsWith("type TInput = unknown;\ntype TOutput = never;\n\n");
  }

  @Test
  void outputIsDeterministicWithUnixLineEndsAndOneFinalLineEnd() {
    ConnectorDescriptor inventory =
        ConnectorFiles.fromDescriptor("typescript/inventory.connector.json");
    String first = TypeScriptRenderer.declarations(inventory);
    String second =
        TypeScriptRenderer.declarations(
            ConnectorFiles.fromDescriptor("typescript/inventory.connector.json"));
    assertThat(second).isEqualTo(first);
    assertThat(first).doesNotContain("\r");
    assertThat(first).doesNotContain("\t");
    assertThat(first).endsWith(";\n");
    assertThat(first).doesNotContain("\n\n\n");
    assertThat(first).doesNotMatch("(?s).*[ ]\n.*");
  }

  @Test
  void severalConnectorsAreSeparatedByABlankLine() {
    ConnectorDescriptor a = connector("a", "", tool("x", "", EMPTY, null));
    ConnectorDescriptor b = connector("b", "");
    assertThat(TypeScriptRenderer.declarations(List.of(a, b)))
        .isEqualTo(
            """
            type XInput = {};
            type XOutput = unknown;

            declare const a: {
              /** x */
              x: (input: XInput) => Promise<XOutput>;
            };

            declare const b: {};
            """);
    assertThat(TypeScriptRenderer.declarations(List.of())).isEmpty();
  }

  @Test
  void listOfOneConnectorIsTheSameAsTheConnectorAlone() {
    ConnectorDescriptor inventory =
        ConnectorFiles.fromDescriptor("typescript/inventory.connector.json");
    assertThat(TypeScriptRenderer.declarations(List.of(inventory)))
        .isEqualTo(TypeScriptRenderer.declarations(inventory));
  }

  @Test
  void toolDeclarationsMatchTheFullTextsNames() {
    ConnectorDescriptor inventory =
        ConnectorFiles.fromDescriptor("typescript/inventory.connector.json");
    assertThat(TypeScriptRenderer.toolDeclarations(inventory, "report"))
        .isEqualTo(
            """
            type ReportInput = {
              error: InventoryError;
              seen?: InventoryDate;
              again?: ReportInput2;
              log?: InventoryConsole;
            };
            type ReportOutput = InventoryError2 | null;
            /** What went wrong. */
            type InventoryError = {
              code: number;
              message: string;
            };
            /** @format date */
            type InventoryDate = string;
            /** A def named like a tool type. */
            type ReportInput2 = boolean;
            type InventoryConsole = string[];
            /** A different error shape. */
            type InventoryError2 = {
              reason: string;
            };

            declare const inventory: {
              /** Reports a problem. */
              report: (input: ReportInput) => Promise<ReportOutput>;
            };
            """);
    assertThat(GoldenFiles.read("typescript/inventory.d.ts"))
        .contains("type InventoryError2 = {\n  reason: string;\n};\n");
  }
}
