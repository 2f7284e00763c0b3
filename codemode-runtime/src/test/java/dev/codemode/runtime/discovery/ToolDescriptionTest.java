package dev.codemode.runtime.discovery;

import static com.google.common.truth.Truth.assertThat;
import static dev.codemode.runtime.discovery.Catalog.connector;
import static dev.codemode.runtime.discovery.Catalog.tool;
import static dev.codemode.runtime.discovery.Connectors.MAIL;
import static dev.codemode.runtime.discovery.Connectors.TASKS;

import dev.codemode.core.testing.GoldenFiles;
import dev.codemode.core.typescript.TypeScriptRenderer;
import dev.codemode.runtime.discovery.ToolDescription.Mode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The model-facing description in both modes, against golden files (rewrite them with {@code
 * -Dcodemode.updateGoldens=true}).
 */
class ToolDescriptionTest {

  @Test
  void discoveryModeGolden() {
    GoldenFiles.assertMatches(
        "discovery/tool-description.discovery.txt",
        ToolDescription.write(List.of(TASKS, MAIL), Mode.DISCOVERY));
  }

  @Test
  void fullTypesModeGolden() {
    GoldenFiles.assertMatches(
        "discovery/tool-description.full-types.txt",
        ToolDescription.write(List.of(TASKS, MAIL), Mode.FULL_TYPES));
  }

  @Test
  void discoveryIsTheDefault() {
    assertThat(ToolDescription.write(List.of(TASKS, MAIL)))
        .isEqualTo(ToolDescription.write(List.of(TASKS, MAIL), Mode.DISCOVERY));
  }

  @Test
  void discoveryModeCarriesNoTypes() {
    String text = ToolDescription.write(List.of(TASKS, MAIL), Mode.DISCOVERY);

    assertThat(text).doesNotContain("type ");
    assertThat(text).doesNotContain("declare const");
    assertThat(text).doesNotContain("CreateInput");
  }

  @Test
  void fullTypesModeCarriesEveryDeclarationAfterTheApprovalNote() {
    String text = ToolDescription.write(List.of(TASKS, MAIL), Mode.FULL_TYPES);

    assertThat(text)
        .contains(
            "```ts\n// Calls of tasks.remove, mail.send_message wait for a person's approval: the run"
                + " pauses there and resumes by itself.\n"
                + TypeScriptRenderer.declarations(List.of(TASKS, MAIL)) + "```\n");
  }

  @Test
  void bothModesShareTheHeaderAndTheRulesButOne() {
    List<String> discovery =
        ToolDescription.write(List.of(TASKS), Mode.DISCOVERY).lines().toList();
    List<String> full = ToolDescription.write(List.of(TASKS), Mode.FULL_TYPES).lines().toList();

    assertThat(full.get(0)).isEqualTo(discovery.get(0));
    List<String> discoveryRules = rules(discovery);
    List<String> fullRules = rules(full);
    assertThat(fullRules).hasSize(discoveryRules.size());
    int differing = 0;
    for (int i = 0; i < discoveryRules.size(); i++) {
      differing += discoveryRules.get(i).equals(fullRules.get(i)) ? 0 : 1;
    }
    assertThat(differing).isEqualTo(1);
  }

  @Test
  void theOutputIsDeterministic() {
    assertThat(ToolDescription.write(List.of(TASKS, MAIL), Mode.FULL_TYPES))
        .isEqualTo(ToolDescription.write(List.of(TASKS, MAIL), Mode.FULL_TYPES));
  }

  @Test
  void connectorLines() {
    String text =
        ToolDescription.write(
            List.of(
                connector("solo", "", tool("ping", "Pings.")),
                connector("empty", "Nothing here yet.")),
            Mode.DISCOVERY);

    assertThat(text).endsWith("Connectors:\n- solo (1 tool)\n- empty: Nothing here yet. (0 tools)\n");
    assertThat(ToolDescription.write(List.of(), Mode.FULL_TYPES)).endsWith("Connectors:\n(none)\n");
  }

  @Test
  void summaryIsTheFirstSentenceOnOneLine() {
    assertThat(ToolDescription.summary("Manages tasks. Also lists.")).isEqualTo("Manages tasks.");
    assertThat(ToolDescription.summary("Reads mail")).isEqualTo("Reads mail");
    assertThat(ToolDescription.summary("  Reads\n  the user's\tmail!  More.")).isEqualTo("Reads the user's mail!");
    assertThat(ToolDescription.summary("Version 2.0 of the API. Second.")).isEqualTo("Version 2.0 of the API.");
    assertThat(ToolDescription.summary("First paragraph\n\nSecond paragraph.")).isEqualTo("First paragraph");
    assertThat(ToolDescription.summary("")).isEmpty();
    String cut = ToolDescription.summary("word ".repeat(100));
    assertThat(cut.length()).isAtMost(ToolDescription.MAX_SUMMARY_LENGTH);
    assertThat(cut).endsWith("word…");
  }

  private static List<String> rules(List<String> lines) {
    int start = lines.indexOf("Rules:") + 1;
    int end = lines.indexOf("Connectors:") - 1; // a blank line before
    return lines.subList(start, end);
  }
}
