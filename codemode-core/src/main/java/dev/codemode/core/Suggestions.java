package dev.codemode.core;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the name a caller probably meant, for "did you mean" hints: models often get a name
 * slightly wrong ({@code titel}, {@code Title}, {@code task_id} for {@code taskId}).
 */
public final class Suggestions {

  private Suggestions() {}

  /**
   * The candidate closest to {@code name}: equal ignoring case and underscores, or within an edit
   * distance of about a third of the name's length (at most 3). Empty when nothing is close.
   */
  public static Optional<String> closest(String name, Collection<String> candidates) {
    String wanted = normalize(name);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    int limit = Math.min(3, Math.max(1, name.length() / 3));
    for (String candidate : candidates) {
      String normalized = normalize(candidate);
      if (normalized.equals(wanted)) {
        return Optional.of(candidate);
      }
      int distance = editDistance(wanted, normalized);
      if (distance <= limit && distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return Optional.ofNullable(best);
  }

  private static String normalize(String name) {
    return name.replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
  }

  /** Levenshtein distance with adjacent transpositions counted as one edit. */
  static int editDistance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
