package dev.codemode.runtime.store;

/**
 * What text a store can keep exactly. UTF-8 text in a database cannot hold a lone surrogate, and
 * PostgreSQL's cannot hold NUL: JSON values escape them ({@link #escapeLoneSurrogates}), code that has
 * them is refused, and free text that a replay hands to the code again (a tool's failure message) is
 * {@linkplain #clean cleaned} before it is used at all, so the first pass and every replay see the
 * same text.
 */
public final class StoredText {

  private static final char REPLACEMENT = '\uFFFD';

  private StoredText() {}

  /** {@code text} with lone surrogates and NUL characters replaced by U+FFFD. */
  public static String clean(String text) {
    int bad = firstBad(text, 0, true);
    if (bad < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text);
    for (; bad >= 0; bad = firstBad(text, bad + 1, true)) {
      out.setCharAt(bad, REPLACEMENT);
    }
    return out.toString();
  }

  /**
   * Where {@code text}, from {@code from} on, first has a character that text in a database cannot
   * hold: a lone surrogate, or NUL; -1 when it has none.
   */
  public static int firstUnstorable(String text, int from) {
    return firstBad(text, from, true);
  }

  /**
   * JSON text with every lone surrogate written as a {@code \\uXXXX} escape. A surrogate in JSON text
   * can only be inside a string, where the escape means the same character.
   */
  static String escapeLoneSurrogates(String json) {
    int first = firstBad(json, 0, false);
    if (first < 0) {
      return json;
    }
    StringBuilder out = new StringBuilder(json.length() + 16);
    int done = 0;
    for (int at = first; at >= 0; at = firstBad(json, at + 1, false)) {
      out.append(json, done, at).append(String.format("\\u%04x", (int) json.charAt(at)));
      done = at + 1;
    }
    return out.append(json, done, json.length()).toString();
  }

  private static int firstBad(String text, int from, boolean nul) {
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (nul && c == '\0') {
        return i;
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
          continue;
        }
        return i;
      }
      if (Character.isLowSurrogate(c)) {
        return i;
      }
    }
    return -1;
  }
}
