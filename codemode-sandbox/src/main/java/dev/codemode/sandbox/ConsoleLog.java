package dev.codemode.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The console output of one execution, kept up to a byte budget. Lines past the budget are counted,
 * not kept; the line that crosses it is cut and ends with "…". The first line of the result then
 * says, in the words of the result's notice ({@link ResultShrinker}), how much was written, how much
 * is kept, and what to do: {@code [codemode] The console output was 450 bytes in 50 lines; the first
 * 100 are kept, so later lines are left out and a line cut short ends with "…". Log less: only what
 * you need to see, or return what matters as the result.} Used from one thread at a time (the
 * execution's).
 */
final class ConsoleLog {

  private final int budget;
  private final List<String> lines = new ArrayList<>();
  private long keptBytes;
  private long totalBytes;
  private long totalLines;

  ConsoleLog(int budget) {
    this.budget = budget;
  }

  void append(String level, String text) {
    String line = level.equals("log") ? text : "[" + level + "] " + text;
    long bytes = utf8Length(line);
    totalBytes += bytes;
    totalLines++;
    if (keptBytes + bytes <= budget) {
      lines.add(line);
      keptBytes += bytes;
    } else if (keptBytes < budget) {
      String cut = cutToUtf8(line, (int) (budget - keptBytes));
      lines.add(cut + "…");
      keptBytes = budget;
    }
  }

  /** The kept lines, headed by a notice when some were cut. */
  List<String> lines() {
    if (totalBytes <= keptBytes) {
      return List.copyOf(lines);
    }
    List<String> out = new ArrayList<>(lines.size() + 1);
    out.add(String.format(Locale.ROOT,
        "[codemode] The console output was %,d bytes in %,d lines; the first %,d are kept, so later"
            + " lines are left out and a line cut short ends with \"…\". Log less: only what you need"
            + " to see, or return what matters as the result.",
        totalBytes, totalLines, keptBytes));
    out.addAll(lines);
    return out;
  }

  static long utf8Length(CharSequence text) {
    long bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        bytes++;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }

  /** The longest prefix of {@code text} whose UTF-8 form fits in {@code maxBytes}. */
  static String cutToUtf8(String text, int maxBytes) {
    long bytes = 0;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      int width;
      int chars = 1;
      if (c < 0x80) {
        width = 1;
      } else if (c < 0x800) {
        width = 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        width = 4;
        chars = 2;
      } else {
        width = 3;
      }
      if (bytes + width > maxBytes) {
        break;
      }
      bytes += width;
      i += chars;
    }
    return text.substring(0, i);
  }
}
