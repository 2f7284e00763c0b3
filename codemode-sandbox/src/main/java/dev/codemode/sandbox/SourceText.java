package dev.codemode.sandbox;

import java.util.Arrays;

/** Line and column arithmetic on a text, for positions in error messages. Lines and columns are 1-based. */
final class SourceText {

  private final String text;
  private final int[] lineStarts;

  SourceText(String text) {
    this.text = text;
    int[] starts = new int[16];
    int count = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))
          || c == '\u2028' || c == '\u2029') {
        if (count == starts.length) {
          starts = Arrays.copyOf(starts, count * 2);
        }
        starts[count++] = i + 1;
      }
    }
    this.lineStarts = Arrays.copyOf(starts, count);
  }

  String text() {
    return text;
  }

  /** The 1-based line of {@code offset}. */
  int line(int offset) {
    int index = Arrays.binarySearch(lineStarts, clamp(offset));
    return index >= 0 ? index + 1 : -index - 1;
  }

  /** The 1-based column of {@code offset} in its line. */
  int column(int offset) {
    int clamped = clamp(offset);
    return clamped - lineStarts[line(clamped) - 1] + 1;
  }

  /** The offset of a 1-based line and column, clamped to the text. */
  int offset(int line, int column) {
    int lineIndex = Math.max(0, Math.min(line, lineStarts.length) - 1);
    return clamp(lineStarts[lineIndex] + Math.max(column, 1) - 1);
  }

  /** The text of a 1-based line, without its line end. */
  String lineText(int line) {
    int index = Math.max(0, Math.min(line, lineStarts.length) - 1);
    int start = lineStarts[index];
    int end = index + 1 < lineStarts.length ? lineStarts[index + 1] : text.length();
    while (end > start && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r'
        || text.charAt(end - 1) == '\u2028' || text.charAt(end - 1) == '\u2029')) {
      end--;
    }
    return text.substring(start, end);
  }

  /**
   * Two lines that show a position: the source line, prefixed with its number, and a caret under
   * the column. Long lines are cut around the column.
   */
  String excerpt(int line, int column) {
    String source = lineText(line).replace('\t', ' ');
    int caret = Math.max(1, column) - 1;
    int from = 0;
    if (source.length() > 120) {
      from = Math.max(0, Math.min(caret - 60, source.length() - 120));
      source = (from > 0 ? "…" : "") + source.substring(from, Math.min(source.length(), from + 120))
          + (from + 120 < lineText(line).length() ? "…" : "");
      caret = caret - from + (from > 0 ? 1 : 0);
    }
    String prefix = line + " | ";
    return prefix + source + "\n" + " ".repeat(prefix.length() - 2) + "| "
        + " ".repeat(Math.max(0, Math.min(caret, source.length()))) + "^";
  }

  private int clamp(int offset) {
    return Math.max(0, Math.min(offset, text.length()));
  }
}
