package dev.codemode.runtime.discovery;

/** Markdown fenced code blocks that the text inside cannot close early. */
final class Fences {

  private Fences() {}

  /**
   * {@code body} in a fenced block with info string {@code info}: the fence is one backtick longer
   * than the longest run of backticks in the body, and at least three; the block ends with a line
   * end.
   */
  static String fenced(String info, String body) {
    int longest = 0;
    int run = 0;
    for (int i = 0; i < body.length(); i++) {
      run = body.charAt(i) == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    String fence = "`".repeat(Math.max(3, longest + 1));
    StringBuilder out = new StringBuilder(body.length() + 2 * fence.length() + info.length() + 3);
    out.append(fence).append(info).append('\n').append(body);
    if (!body.isEmpty() && !body.endsWith("\n")) {
      out.append('\n');
    }
    return out.append(fence).append('\n').toString();
  }
}
