package dev.codemode.core;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the name a caller probably meant, for "did you mean" hints: models often get a name
 * slightly wrong ({@code titel}, {@code Title}, {@code task_id} for {@code taskId}).
 */
public final class Suggestions {

  /** Names longer than this get no suggestion. */
  static final int MAX_NAME_LENGTH = 200;

  private Suggestions() {}

  /**
   * The candidate closest to {@code name}: equal ignoring case and underscores, or within an edit
   * distance of about a third of the name's length (at most 3). Empty when nothing is close.
   */
  public static Optional<String> closest(String name, Collection<String> candidates) {
    if (name.length() > MAX_NAME_LENGTH) {
      // The name comes from model code; nothing that long is a misspelling of a real name, and
      // comparing it would cost time and memory proportional to its length per candidate.
      return Optional.empty();
    }
    String wanted = normalize(name);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    int limit = Math.min(3, Math.max(1, name.length() / 3));
    for (String candidate : candidates) {
      String normalized = normalize(candidate);
      if (normalized.equals(wanted)) {
        return Optional.of(candidate);
      }
      if (Math.abs(normalized.length() - wanted.length()) > limit) {
        continue; // the distance is at least the difference in length
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

  /**
   * Levenshtein distance with adjacent transpositions counted as one edit (optimal string
   * alignment), in three rows of memory.
   */
  static int editDistance(String a, String b) {
    int[] beforePrevious = new int[b.length() + 1];
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int best = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          best = Math.min(best, beforePrevious[j - 2] + 1);
        }
        current[j] = best;
      }
      int[] recycled = beforePrevious;
      beforePrevious = previous;
      previous = current;
      current = recycled;
    }
    return previous[b.length()];
  }
}
