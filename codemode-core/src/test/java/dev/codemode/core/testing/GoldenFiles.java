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
    List<String> a = List.of(expected.split("\n", -1));
    List<String> b = List.of(actual.split("\n", -1));
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
    // Edit script: ' ', '-', '+' with the line numbers (0-based) in a and b.
    List<char[]> kinds = new ArrayList<>();
    List<int[]> positions = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < a.size() || j < b.size()) {
      if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
        kinds.add(new char[] {' '});
        positions.add(new int[] {i++, j++});
      } else if (j < b.size() && (i == a.size() || common[i][j + 1] >= common[i + 1][j])) {
        kinds.add(new char[] {'+'});
        positions.add(new int[] {i, j++});
      } else {
        kinds.add(new char[] {'-'});
        positions.add(new int[] {i++, j});
      }
    }
    StringBuilder out = new StringBuilder("--- golden\n+++ actual\n");
    int index = 0;
    while (index < kinds.size()) {
      if (kinds.get(index)[0] == ' ') {
        index++;
        continue;
      }
      int start = Math.max(0, index - CONTEXT_LINES);
      int end = index;
      int lastChange = index;
      while (end < kinds.size() && end - lastChange <= 2 * CONTEXT_LINES) {
        if (kinds.get(end)[0] != ' ') {
          lastChange = end;
        }
        end++;
      }
      end = Math.min(kinds.size(), lastChange + CONTEXT_LINES + 1);
      int aStart = positions.get(start)[0];
      int bStart = positions.get(start)[1];
      int aCount = 0;
      int bCount = 0;
      StringBuilder hunk = new StringBuilder();
      for (int k = start; k < end; k++) {
        char kind = kinds.get(k)[0];
        int[] position = positions.get(k);
        String line = kind == '+' ? b.get(position[1]) : a.get(position[0]);
        hunk.append(kind).append(line).append('\n');
        aCount += kind == '+' ? 0 : 1;
        bCount += kind == '-' ? 0 : 1;
      }
      out.append("@@ -").append(aStart + 1).append(',').append(aCount)
          .append(" +").append(bStart + 1).append(',').append(bCount).append(" @@\n")
          .append(hunk);
      index = end;
    }
    return out.toString();
  }
}
