package dev.codemode.core.testing;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.api.Test;

/** The diff that a failing golden comparison prints. */
class GoldenFilesTest {

  @Test
  void unifiedDiffShowsChangedLinesWithContext() {
    String expected = "a\nb\nc\nd\ne\nf\ng\nh\ni\n";
    String actual = "a\nb\nc\nd\nE\nf\ng\nh\ni\nj\n";
    assertThat(GoldenFiles.unifiedDiff(expected, actual))
        .isEqualTo(
            """
            --- golden
            +++ actual
            @@ -2,8 +2,9 @@
             b
             c
             d
            -e
            +E
             f
             g
             h
             i
            +j
            """);
  }

  @Test
  void distantChangesGetSeparateHunks() {
    StringBuilder expected = new StringBuilder();
    StringBuilder actual = new StringBuilder();
    for (int i = 1; i <= 20; i++) {
      expected.append(i).append('\n');
      actual.append(i == 2 ? "two" : i == 19 ? "nineteen" : String.valueOf(i)).append('\n');
    }
    assertThat(GoldenFiles.unifiedDiff(expected.toString(), actual.toString()))
        .isEqualTo(
            """
            --- golden
            +++ actual
            @@ -1,5 +1,5 @@
             1
            -2
            +two
             3
             4
             5
            @@ -16,5 +16,5 @@
             16
             17
             18
            -19
            +nineteen
             20
            """);
  }

  @Test
  void aDifferenceOnlyInTheFinalLineEndIsNamed() {
    assertThat(GoldenFiles.unifiedDiff("a\n", "a"))
        .isEqualTo("--- golden\n+++ actual\n(only the line end at the end of the text differs)\n");
  }
}
