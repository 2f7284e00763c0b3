package dev.codemode.runtime.discovery;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The text normalization of search, as in Cloudflare's {@code @cloudflare/codemode}: camelCase is
 * split, runs of {@code _ . / : -} become one space, letters are lower-cased, and tokens are the
 * runs of {@code [a-z0-9]}.
 */
final class SearchText {

  private SearchText() {}

  /**
   * {@code value} with a space between a lower-case letter or digit and an upper-case letter that
   * follows it, each run of {@code _ . / : -} replaced by one space, lower-cased and stripped.
   */
  static String normalize(String value) {
    StringBuilder out = new StringBuilder(value.length() + 8);
    int length = value.length();
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      if (isSeparator(c)) {
        while (i + 1 < length && isSeparator(value.charAt(i + 1))) {
          i++;
        }
        out.append(' ');
        continue;
      }
      out.append(c);
      if (isLowerOrDigit(c) && i + 1 < length && isUpper(value.charAt(i + 1))) {
        out.append(' ');
      }
    }
    return out.toString().toLowerCase(Locale.ROOT).strip();
  }

  /** The tokens of a normalized text: its runs of {@code [a-z0-9]}, in order. */
  static List<String> tokens(String normalized) {
    List<String> tokens = new ArrayList<>();
    int start = -1;
    for (int i = 0; i <= normalized.length(); i++) {
      boolean word = i < normalized.length() && isLowerOrDigit(normalized.charAt(i));
      if (word && start < 0) {
        start = i;
      } else if (!word && start >= 0) {
        tokens.add(normalized.substring(start, i));
        start = -1;
      }
    }
    return tokens;
  }

  private static boolean isSeparator(char c) {
    return c == '_' || c == '.' || c == '/' || c == ':' || c == '-';
  }

  private static boolean isLowerOrDigit(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }

  private static boolean isUpper(char c) {
    return c >= 'A' && c <= 'Z';
  }
}
