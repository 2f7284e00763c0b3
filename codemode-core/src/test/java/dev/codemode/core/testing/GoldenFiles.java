package dev.codemode.core.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares generated text with golden files under {@code src/test/resources} of the module under
 * test. A difference fails with the file's path and a unified diff; running the tests with {@code
 * -Dcodemode.updateGoldens=true} rewrites the golden files instead.
 */
public final class GoldenFiles {

  /** The system property that makes {@link #assertMatches} rewrite golden files. */
  public static final String UPDATE_PROPERTY = "codemode.updateGoldens";

  private static final int CONTEXT_LINES = 3;

  private GoldenFiles() {}

  /** The source folder of test resources of the module under test. */
  public static Path resourceDirectory() {
    String moduleDir = System.getProperty("basedir", System.getProperty("user.dir"));
    return Path.of(moduleDir).toAbsolutePath().resolve("src/test/resources");
  }

  /** The text of a test resource, read from the source folder. */
  public static String read(String resource) {
    try {
      return Files.readString(resourceDirectory().resolve(resource), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Asserts that {@code actual} equals the golden file {@code resource} (relative to {@code
   * src/test/resources}), or rewrites it when {@value #UPDATE_PROPERTY} is {@code true}.
   */
  public static void assertMatches(String resource, String actual) {
    Path golden = resourceDirectory().resolve(resource);
    try {
      if (Boolean.getBoolean(UPDATE_PROPERTY)) {
        Files.createDirectories(golden.getParent());
        Files.writeString(golden, actual, StandardCharsets.UTF_8);
        return;
      }
      if (!Files.isRegularFile(golden)) {
        fail("Golden file " + golden + " does not exist; run the tests with -D"
            + UPDATE_PROPERTY + "=true to create it");
      }
      String expected = Files.readString(golden, StandardCharsets.UTF_8);
      if (!expected.equals(actual)) {
        fail("Generated text differs from golden file " + golden + " (run the tests with -D"
            + UPDATE_PROPERTY + "=true to rewrite it)\n" + unifiedDiff(expected, actual));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A unified diff ({@code ---}/{@code +++} headers, {@code @@} hunks, 3 lines of context). */
  public static String unifiedDiff(String expected, String actual) {
    List<String> a = lines(expected);
    List<String> b = lines(actual);
    if (a.equals(b)) {
      return "--- golden\n+++ actual\n(only the line end at the end of the text differs)\n";
    }
    // Longest common subsequence table, filled from the end.
    int[][] common = new int[a.size() + 1][b.size() + 1];
    for (int i = a.size() - 1; i >= 0; i--) {
      for (int j = b.size() - 1; j >= 0; j--) {
        common[i][j] =
            a.get(i).equals(b.get(j))
                ? common[i + 1][j + 1] + 1
                : Math.max(common[i + 1][j], common[i][j + 1]);
      }
    }
    List<Edit> edits = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < a.size() || j < b.size()) {
      if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
        edits.add(new Edit(' ', a.get(i), i++, j++));
      } else if (i < a.size() && (j == b.size() || common[i + 1][j] >= common[i][j + 1])) {
        edits.add(new Edit('-', a.get(i), i++, j));
      } else {
        edits.add(new Edit('+', b.get(j), i, j++));
      }
    }
    StringBuilder out = new StringBuilder("--- golden\n+++ actual\n");
    int index = 0;
    while (index < edits.size()) {
      if (edits.get(index).kind() == ' ') {
        index++;
        continue;
      }
      // A hunk runs from 3 lines before this change to 3 lines after the last change that is at
      // most 6 unchanged lines from the previous one.
      int start = Math.max(0, index - CONTEXT_LINES);
      int lastChange = index;
      for (int k = index; k < edits.size() && k - lastChange <= 2 * CONTEXT_LINES; k++) {
        if (edits.get(k).kind() != ' ') {
          lastChange = k;
        }
      }
      int end = Math.min(edits.size(), lastChange + CONTEXT_LINES + 1);
      int expectedCount = 0;
      int actualCount = 0;
      StringBuilder hunk = new StringBuilder();
      for (Edit edit : edits.subList(start, end)) {
        hunk.append(edit.kind()).append(edit.line()).append('\n');
        expectedCount += edit.kind() == '+' ? 0 : 1;
        actualCount += edit.kind() == '-' ? 0 : 1;
      }
      out.append("@@ -").append(edits.get(start).expectedLine() + 1).append(',')
          .append(expectedCount).append(" +").append(edits.get(start).actualLine() + 1)
          .append(',').append(actualCount).append(" @@\n").append(hunk);
      index = end;
    }
    return out.toString();
  }

  /** One line of the edit script: kept ({@code ' '}), removed ({@code -}) or added ({@code +}). */
  private record Edit(char kind, String line, int expectedLine, int actualLine) {}

  private static List<String> lines(String text) {
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    if (lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1);
    }
    return lines;
  }
}
