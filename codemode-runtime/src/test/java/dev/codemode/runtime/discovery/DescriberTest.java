package dev.codemode.runtime.discovery;

import static com.google.common.truth.Truth.assertThat;
import static dev.codemode.runtime.discovery.Catalog.connector;
import static dev.codemode.runtime.discovery.Catalog.snippet;
import static dev.codemode.runtime.discovery.Catalog.tool;
import static dev.codemode.runtime.discovery.Connectors.MAIL;
import static dev.codemode.runtime.discovery.Connectors.TASKS;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.codemode.core.ConnectorDescriptor;
import dev.codemode.core.ToolDescriptor;
import dev.codemode.core.testing.GoldenFiles;
import dev.codemode.core.typescript.TypeScriptRenderer;
import dev.codemode.runtime.store.Snippet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DescriberTest {

  private static final Snippet WEEKLY =
      snippet(
          "weekly_report",
          "Summarizes the week's closed tasks.",
          "async (input) => {\n  const open = await tasks.list({});\n  return open.length;\n}");

  private final Describer describer = new Describer(List.of(TASKS, MAIL), List.of(WEEKLY));

  @Test
  void aToolShowsItsSignatureThenItsTypes() {
    Description description = describer.describe("tasks.create");

    assertThat(description.path()).isEqualTo("tasks.create");
    assertThat(description.kind()).isEqualTo("tool");
    assertThat(description.description()).isEqualTo("Creates a task.");
    assertThat(description.requiresApproval()).isFalse();
    assertThat(description.types())
        .isEqualTo(
            """
            /**
             * Creates a task.
             * @param input.title - Short title of the task
             */
            tasks.create(input: CreateInput): Promise<CreateOutput>;

            type CreateInput = {
              /** Short title of the task */
              title: string;
              /** @format date */
              due?: string;
            };
            type CreateOutput = Task;
            /** A task in the user's list. */
            type Task = {
              id: string;
              title: string;
              done: boolean;
            };
            """);
  }

  @Test
  void aToolThatNeedsApprovalSaysSo() {
    Description description = describer.describe("tasks.remove");

    assertThat(description.requiresApproval()).isTrue();
    assertThat(description.types())
        .isEqualTo(
            """
            // Each call waits for a person's approval: the run pauses there and resumes by itself.
            /**
             * Removes a task for good.
             * @param input.id - The task's id
             */
            tasks.remove(input: RemoveInput): Promise<RemoveOutput>;

            type RemoveInput = {
              /** The task's id */
              id: string;
            };
            type RemoveOutput = undefined;
            """);
  }

  @Test
  void theTypesAreThoseOfTheRenderer() {
    String types = describer.describe("mail.send_message").types();
    String rendered = TypeScriptRenderer.toolDeclarations(MAIL, "send_message");

    assertThat(types).contains("mail.send_message(input: SendMessageInput): Promise<SendMessageOutput>;\n");
    // everything before the renderer's declare-const block, unchanged
    assertThat(types).endsWith(rendered.substring(0, rendered.indexOf("\ndeclare const ")));
  }

  @Test
  void aConnectorShowsItsDeclarations() {
    Description description = describer.describe("tasks");

    assertThat(description.path()).isEqualTo("tasks");
    assertThat(description.kind()).isEqualTo("connector");
    assertThat(description.description()).isEqualTo(TASKS.description());
    assertThat(description.requiresApproval()).isNull();
    GoldenFiles.assertMatches("discovery/describe-tasks.txt", description.types());
  }

  @Test
  void aConnectorWithoutApprovalsIsExactlyTheRenderedDeclarations() {
    ConnectorDescriptor notes = connector("notes", "Notes.", tool("add", "Adds a note.", "text"));

    Description description = new Describer(List.of(notes), List.of()).describe("notes");

    assertThat(description.types()).isEqualTo(TypeScriptRenderer.declarations(notes));
  }

  @Test
  void aTrailingDotMeansTheConnector() {
    assertThat(describer.describe("tasks.").kind()).isEqualTo("connector");
  }

  @Test
  void aSnippetShowsItsCode() {
    Description description = describer.describe("weekly_report");

    assertThat(description)
        .isEqualTo(
            new Description(
                "weekly_report",
                "snippet",
                "Summarizes the week's closed tasks.",
                """
                Summarizes the week's closed tasks.

                Run it with: await codemode.run("weekly_report", input)

                ```js
                async (input) => {
                  const open = await tasks.list({});
                  return open.length;
                }
                ```
                """,
                null));
  }

  @Test
  void aSnippetWithBackticksGetsALongerFence() {
    Snippet quoted = snippet("quoted", "", "const s = `a ``` b`;\ns");

    String types = new Describer(List.of(), List.of(quoted)).describe("quoted").types();

    assertThat(types)
        .isEqualTo(
            "Run it with: await codemode.run(\"quoted\", input)\n\n"
                + "````js\nconst s = `a ``` b`;\ns\n````\n");
  }

  @Test
  void aSnippetNameWinsOverAConnectorName() {
    Describer shadowed =
        new Describer(List.of(TASKS), List.of(snippet("tasks", "My tasks script.", "1")));

    assertThat(shadowed.describe("tasks").kind()).isEqualTo("snippet");
    assertThat(shadowed.describe("tasks.create").kind()).isEqualTo("tool");
  }

  @Test
  void aBareToolNameThatOnlyOneConnectorHasIsThatTool() {
    Description description = describer.describe("send_message");

    assertThat(description.path()).isEqualTo("mail.send_message");
    assertThat(description.kind()).isEqualTo("tool");
    assertThat(description.types()).isEqualTo(describer.describe("mail.send_message").types());
  }

  @Test
  void aBareToolNameOfSeveralConnectorsIsNotGuessed() {
    Describer two =
        new Describer(
            List.of(TASKS, connector("notes", "", tool("create", "Creates a note."))), List.of());

    Description description = two.describe("create");

    assertThat(description.kind()).isEqualTo("not_found");
    assertThat(description.path()).isEqualTo("create");
    assertThat(description.description())
        .isEqualTo(
            "\"create\" is a tool of several connectors: tasks.create, notes.create. Describe one"
                + " of them by its full path.");
    assertThat(description.types()).isNull();
    assertThat(description.requiresApproval()).isNull();
  }

  @Test
  void anUnknownToolOfAKnownConnectorSuggestsAndListsItsTools() {
    Description description = describer.describe("tasks.crate");

    assertThat(description.kind()).isEqualTo("not_found");
    assertThat(description.description())
        .isEqualTo(
            "Connector tasks has no tool \"crate\". Did you mean \"tasks.create\"? Its tools:"
                + " create, list, remove.");
  }

  @Test
  void aMisspelledConnectorIsSuggested() {
    assertThat(describer.describe("tsks.create").description())
        .isEqualTo(
            "No connector, tool or snippet is named \"tsks.create\". Did you mean"
                + " \"tasks.create\"? Connectors: tasks, mail. Find tools with"
                + " codemode.search(\"what you want to do\"), then describe a result's path.");
    assertThat(describer.describe("task").description()).contains("Did you mean \"tasks\"?");
    assertThat(describer.describe("weekly_reprot").description())
        .contains("Did you mean \"weekly_report\"?");
  }

  @Test
  void aToolUnderTheWrongConnectorIsSuggestedWhereItIs() {
    assertThat(describer.describe("email.send_message").description())
        .contains("Did you mean \"mail.send_message\"?");
    assertThat(describer.describe("sendMessage").description())
        .contains("Did you mean \"mail.send_message\"?");
  }

  @Test
  void nothingCloseStillListsTheConnectors() {
    Description description = describer.describe("zebra");

    assertThat(description.description())
        .isEqualTo(
            "No connector, tool or snippet is named \"zebra\". Connectors: tasks, mail. Find tools"
                + " with codemode.search(\"what you want to do\"), then describe a result's path.");
  }

  @Test
  void anEmptyTargetExplainsWhatToPass() {
    assertThat(describer.describe("  ").description())
        .isEqualTo(
            "describe needs a name: a path from codemode.search such as \"tasks.create\", a"
                + " connector or a snippet. Connectors: tasks, mail.");
    assertThat(describer.describe(null).kind()).isEqualTo("not_found");
  }

  @Test
  void longListsAndTargetsAreCut() {
    List<ToolDescriptor> tools = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      tools.add(tool("tool" + i, ""));
    }
    Describer big = new Describer(List.of(new ConnectorDescriptor("big", "", tools)), List.of());

    assertThat(big.describe("big.nope").description()).endsWith("tool29 and 10 more.");
    Description huge = big.describe("x".repeat(10_000));
    assertThat(huge.path()).hasLength(Describer.MAX_ECHOED_TARGET + 1);
    assertThat(huge.description().length()).isLessThan(1_000);
  }

  @Test
  void renderedTypesAreCached() {
    assertThat(describer.describe("tasks").types())
        .isSameInstanceAs(describer.describe("tasks").types());
    assertThat(describer.describe("tasks.create").types())
        .isSameInstanceAs(describer.describe("create").types());
  }

  @Test
  void surroundingWhiteSpaceIsIgnored() {
    assertThat(describer.describe("  tasks.list \n").path()).isEqualTo("tasks.list");
  }

  @Test
  void namesMustBeDistinct() {
    assertThrows(
        IllegalArgumentException.class, () -> new Describer(List.of(TASKS, TASKS), List.of()));
    assertThrows(
        IllegalArgumentException.class, () -> new Describer(List.of(), List.of(WEEKLY, WEEKLY)));
  }
}
