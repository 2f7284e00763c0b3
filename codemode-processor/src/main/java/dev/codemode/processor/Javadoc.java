package dev.codemode.processor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A Javadoc comment turned into plain text for models: the main description, the {@code @param}
 * texts by parameter name and the {@code @return} text.
 *
 * <p>Inline tags become text (<code>&#123;@code x&#125;</code> → {@code `x`}, <code>&#123;@link Foo#bar&#125;</code> →
 * {@code Foo.bar}, a link label wins), HTML is reduced to paragraphs and list items, entities are decoded,
 * and lines wrapped in the source are joined into paragraphs separated by blank lines.
 *
 * @param description the main description, empty when there is none
 * @param params {@code @param} texts by name, in source order
 * @param returns the {@code @return} text, empty when there is none
 */
record Javadoc(String description, Map<String, String> params, String returns) {

  static final Javadoc EMPTY = new Javadoc("", Map.of(), "");

  private static final Pattern BLOCK_TAG = Pattern.compile("^\\s*@(\\w+)\\s*(.*)$");
  private static final Pattern INLINE_TAG =
      Pattern.compile("\\{@(code|literal|linkplain|link|value|inheritDoc|docRoot)\\b\\s*([^{}]*)}");
  private static final Pattern HTML_TAG = Pattern.compile("</?[a-zA-Z][a-zA-Z0-9]*[^>]*>");
  private static final Pattern PRE_BLOCK = Pattern.compile("(?s)<pre>(.*?)</pre>");
  private static final String PRE_PLACEHOLDER = "\u0000pre";
  private static final char HARD_BREAK = '\u0001';
  private static final String INLINE_MARK = "\u0002";
  private static final Pattern INLINE_PLACEHOLDER = Pattern.compile("\u0002(\\d+)\u0002");

  Javadoc {
    params = Map.copyOf(params);
  }

  /** Parses the text {@code Elements.getDocComment} returns; {@code null} gives {@link #EMPTY}. */
  static Javadoc parse(@Nullable String raw) {
    if (raw == null || raw.isBlank()) {
      return EMPTY;
    }
    StringBuilder main = new StringBuilder();
    Map<String, StringBuilder> params = new LinkedHashMap<>();
    StringBuilder returns = new StringBuilder();
    StringBuilder current = main;
    boolean inPre = false;
    for (String line : raw.split("\n", -1)) {
      if (line.contains("<pre>")) {
        inPre = true;
      }
      if (line.contains("</pre>")) {
        inPre = false;
      }
      Matcher tag = inPre ? null : BLOCK_TAG.matcher(line);
      if (tag != null && tag.matches()) {
        String name = tag.group(1);
        String rest = tag.group(2);
        if (name.equals("param")) {
          String[] parts = rest.split("\\s+", 2);
          String paramName = parts[0];
          current = new StringBuilder(parts.length > 1 ? parts[1] : "");
          params.put(paramName, current);
        } else if (name.equals("return") || name.equals("returns")) {
          current = returns;
          current.append(rest);
        } else {
          current = new StringBuilder(); // other block tags are not shown to models
        }
        continue;
      }
      current.append('\n').append(line);
    }
    Map<String, String> paramTexts = new LinkedHashMap<>();
    params.forEach((name, text) -> paramTexts.put(name, toText(text.toString())));
    return new Javadoc(toText(main.toString()), paramTexts, toText(returns.toString()));
  }

  /** The {@code @param} text for a parameter, empty when there is none. */
  String param(String name) {
    return params.getOrDefault(name, "");
  }

  /** Javadoc markup to plain text with paragraphs. */
  static String toText(String javadoc) {
    // inline tags are resolved last, so HTML handling cannot touch their text ({@code List<T>})
    List<String> inline = new ArrayList<>();
    String text = protectInlineTags(javadoc, inline);
    // <pre> blocks keep their lines; everything else is reflowed into paragraphs.
    List<String> preBlocks = new ArrayList<>();
    Matcher pre = PRE_BLOCK.matcher(text);
    StringBuilder withoutPre = new StringBuilder();
    while (pre.find()) {
      preBlocks.add(preformatted(pre.group(1)));
      pre.appendReplacement(withoutPre, "\n\n" + PRE_PLACEHOLDER + (preBlocks.size() - 1) + "\n\n");
    }
    pre.appendTail(withoutPre);
    text = withoutPre.toString();
    text = text.replaceAll("(?i)</?(p|ul|ol|dl|table)\\b[^>]*>", "\n\n");
    text = text.replaceAll("(?i)<br\\s*/?>", HARD_BREAK + "");
    text = text.replaceAll("(?i)<li\\b[^>]*>", HARD_BREAK + "- ");
    text = HTML_TAG.matcher(text).replaceAll("");
    text = decodeEntities(text);
    List<String> paragraphs = new ArrayList<>();
    for (String block : text.split("\n\\s*\n", -1)) {
      String paragraph = reflow(block);
      if (paragraph.startsWith(PRE_PLACEHOLDER)) {
        paragraph = preBlocks.get(Integer.parseInt(paragraph.substring(PRE_PLACEHOLDER.length())));
      }
      if (!paragraph.isEmpty()) {
        paragraphs.add(paragraph);
      }
    }
    String joined = String.join("\n\n", paragraphs);
    Matcher placeholder = INLINE_PLACEHOLDER.matcher(joined);
    StringBuilder out = new StringBuilder();
    while (placeholder.find()) {
      String replacement = inline.get(Integer.parseInt(placeholder.group(1)));
      placeholder.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    placeholder.appendTail(out);
    return out.toString();
  }

  /** Joins a paragraph's source lines with spaces, keeping the breaks of {@code <br>} and items. */
  private static String reflow(String block) {
    StringBuilder out = new StringBuilder();
    for (String piece : block.split("\n", -1)) {
      String line = piece.strip();
      boolean hardBreak = line.indexOf(HARD_BREAK) == 0;
      line = line.replace(HARD_BREAK + "", "\n").strip();
      if (line.isEmpty()) {
        continue;
      }
      if (out.length() > 0) {
        out.append(hardBreak ? '\n' : ' ');
      }
      out.append(line);
    }
    return out.toString().replaceAll(" *\n *", "\n").strip();
  }

  private static String preformatted(String body) {
    List<String> lines = new ArrayList<>();
    for (String line : body.split("\n", -1)) {
      lines.add(decodeEntities(line.startsWith(" ") ? line.substring(1) : line).stripTrailing());
    }
    while (!lines.isEmpty() && lines.get(0).isBlank()) {
      lines.remove(0);
    }
    while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
      lines.remove(lines.size() - 1);
    }
    return String.join("\n", lines);
  }

  /** Replaces each inline tag by a placeholder and collects its text in {@code texts}. */
  private static String protectInlineTags(String text, List<String> texts) {
    Matcher matcher = INLINE_TAG.matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String tag = matcher.group(1);
      String body = matcher.group(2).strip();
      String replacement =
          switch (tag) {
            case "code" -> "`" + body + "`";
            case "literal" -> body;
            case "link", "linkplain" -> linkText(body);
            default -> "";
          };
      texts.add(replacement);
      matcher.appendReplacement(out, INLINE_MARK + (texts.size() - 1) + INLINE_MARK);
    }
    matcher.appendTail(out);
    return out.toString();
  }

  private static String linkText(String body) {
    String[] parts = body.split("\\s+", 2);
    if (parts.length == 2) {
      return parts[1];
    }
    String target = parts[0];
    if (target.startsWith("#")) {
      target = target.substring(1);
    }
    target = target.replace('#', '.');
    int parenthesis = target.indexOf('(');
    if (parenthesis >= 0) {
      target = target.substring(0, parenthesis);
    }
    return "`" + target + "`";
  }

  private static String decodeEntities(String text) {
    return text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&apos;", "'")
        .replace("&#64;", "@")
        .replace("&nbsp;", " ")
        .replace("&amp;", "&");
  }
}
