package dev.codemode.runtime;

/**
 * Free text that the store keeps as it is (tool failure messages, which a replay hands to the code
 * again): the characters a database's UTF-8 text cannot hold become U+FFFD before the text is used
 * at all, so the first pass and every replay see the same text.
 */
final class StoredText {

  private static final char REPLACEMENT = '\uFFFD';

  private StoredText() {}

  /** {@code text} with lone surrogates and NUL characters replaced by U+FFFD. */
  static String clean(String text) {
    int bad = firstBad(text, 0);
    if (bad < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text);
    for (; bad >= 0; bad = firstBad(text, bad + 1)) {
      out.setCharAt(bad, REPLACEMENT);
    }
    return out.toString();
  }

  /**
   * Where {@code text} first has a character that UTF-8 text in a database cannot hold: a lone
   * surrogate or NUL; -1 when it has none.
   */
  static int firstBad(String text, int from) {
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\0') {
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
