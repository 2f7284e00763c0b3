package dev.codemode.core;

import static com.google.common.truth.Truth.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** "Did you mean" hints for names a model got slightly wrong. */
class SuggestionsTest {

  private static final List<String> TOOLS = List.of("createTask", "listTasks", "updateTask", "deleteTask");

  @Test
  void findsCaseAndUnderscoreVariants() {
    assertThat(Suggestions.closest("create_task", TOOLS)).hasValue("createTask");
    assertThat(Suggestions.closest("CREATETASK", TOOLS)).hasValue("createTask");
  }

  @Test
  void findsSmallTyposAndTranspositions() {
    assertThat(Suggestions.closest("listTask", TOOLS)).hasValue("listTasks");
    assertThat(Suggestions.closest("udpateTask", TOOLS)).hasValue("updateTask");
    assertThat(Suggestions.closest("deleteTsak", TOOLS)).hasValue("deleteTask");
  }

  @Test
  void suggestsNothingForUnrelatedNames() {
    assertThat(Suggestions.closest("sendEmail", TOOLS)).isEmpty();
    assertThat(Suggestions.closest("x", TOOLS)).isEmpty();
  }

  @Test
  void editDistanceCountsInsertionsDeletionsSubstitutionsAndSwaps() {
    assertThat(Suggestions.editDistance("kitten", "sitting")).isEqualTo(3);
    assertThat(Suggestions.editDistance("", "abc")).isEqualTo(3);
    assertThat(Suggestions.editDistance("abc", "")).isEqualTo(3);
    assertThat(Suggestions.editDistance("abcd", "abdc")).isEqualTo(1);
    assertThat(Suggestions.editDistance("same", "same")).isEqualTo(0);
  }

  @Test
  void veryLongNamesAreNotCompared() {
    String huge = "x".repeat(1_000_000);
    assertThat(Suggestions.closest(huge, TOOLS)).isEmpty();
    assertThat(Suggestions.closest("createTask" + "s".repeat(150), TOOLS)).isEmpty();
  }
}
