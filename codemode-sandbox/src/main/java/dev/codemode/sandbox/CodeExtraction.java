package dev.codemode.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the code in what a model sent: the text itself, or the one JavaScript or TypeScript block
 * of its Markdown. Models wrap code in fences, add prose before and after, tag blocks in upper
 * case ({@code JS}) or not at all, and sometimes forget the closing fence; all of that is handled.
 * Several candidate blocks are ambiguous and rejected with a message that names them, because
 * running the wrong one could have effects.
 */
final class CodeExtraction {

  /** The code and where it starts in the model's text. */
  record Extracted(String code, int start) {

    PositionMap positions() {
      return PositionMap.shifted(start);
    }
  }

  private static final Set<String> CODE_TAGS =
      Set.of("js", "javascript", "ts", "typescript", "jsx", "tsx", "mjs", "cjs", "mts", "cts",
          "es", "es6", "ecmascript", "node", "nodejs");
  private static final Pattern OPENING =
      Pattern.compile("^[ \\t]{0,3}(`{3,}+|~{3,}+)[ \\t]*+([^\\s`]*+)[^\\n`]*+$", Pattern.MULTILINE);

  private record Block(String tag, int contentStart, int contentEnd, int openingOffset, int closingOffset) {}

  private CodeExtraction() {}

  /**
   * The code to run in {@code text}.
   *
   * @throws CodeSyntaxException when the Markdown holds no JavaScript or TypeScript block, or more
   *     than one candidate
   */
  static Extracted extract(String text) {
    if (text.indexOf("```") < 0 && text.indexOf("~~~") < 0) {
      return new Extracted(text, 0);
    }
    List<Block> blocks = blocks(text);
    if (blocks.isEmpty()) {
      return new Extracted(text, 0);
    }
    List<Block> tagged = new ArrayList<>();
    List<Block> untagged = new ArrayList<>();
    for (Block block : blocks) {
      String tag = block.tag().toLowerCase(Locale.ROOT);
      if (CODE_TAGS.contains(tag)) {
        tagged.add(block);
      } else if (tag.isEmpty()) {
        untagged.add(block);
      }
    }
    List<Block> candidates = tagged.isEmpty() ? untagged : tagged;
    SourceText source = new SourceText(text);
    if (candidates.isEmpty()) {
      Block first = blocks.get(0);
      throw CodeSyntaxException.at(
          "The code block is tagged \"" + first.tag() + "\": only JavaScript or TypeScript runs here."
              + " Send one async JavaScript function, in a ```js block or without Markdown.",
          source, first.openingOffset());
    }
    if (candidates.size() > 1) {
      StringBuilder places = new StringBuilder();
      for (Block block : candidates) {
        places.append(places.length() == 0 ? "" : ", ").append("lines ")
            .append(source.line(block.openingOffset())).append('–')
            .append(source.line(Math.max(block.openingOffset(), block.closingOffset())));
      }
      throw CodeSyntaxException.at(
          "The message has " + candidates.size() + " code blocks (" + places + ") and it is not"
              + " clear which one to run. Send the code to run as one block, or without Markdown.",
          source, candidates.get(1).openingOffset());
    }
    Block block = candidates.get(0);
    return new Extracted(text.substring(block.contentStart(), block.contentEnd()), block.contentStart());
  }

  private static List<Block> blocks(String text) {
    List<Block> blocks = new ArrayList<>();
    Matcher opening = OPENING.matcher(text);
    int from = 0;
    while (from < text.length() && opening.find(from)) {
      String fence = opening.group(1);
      String tag = opening.group(2);
      int lineEnd = text.indexOf('\n', opening.end());
      int contentStart = lineEnd < 0 ? text.length() : lineEnd + 1;
      Pattern closingPattern =
          Pattern.compile("^[ \\t]{0,3}" + Pattern.quote(fence.substring(0, 1)) + "{" + fence.length()
              + ",}[ \\t]*$", Pattern.MULTILINE);
      Matcher closing = closingPattern.matcher(text);
      if (closing.find(contentStart)) {
        int contentEnd = closing.start() > contentStart ? closing.start() - 1 : contentStart;
        blocks.add(new Block(tag, contentStart, Math.max(contentStart, contentEnd), opening.start(1), closing.start()));
        from = closing.end();
      } else {
        blocks.add(new Block(tag, contentStart, text.length(), opening.start(1), text.length()));
        break;
      }
    }
    return blocks;
  }
}
