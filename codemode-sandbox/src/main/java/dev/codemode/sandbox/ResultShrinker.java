package dev.codemode.sandbox;

import dev.codemode.core.JsonCodec;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;
import org.jspecify.annotations.Nullable;

/**
 * Cuts a JSON value down to a byte budget and keeps it JSON of the same shape, so that a result too
 * large to return stays useful to a model and to a program. Sizes are UTF-8 bytes of the compact
 * text that {@link JsonCodec#toJson} writes (an unpaired surrogate, which has no UTF-8 form, counts
 * as 3 bytes).
 *
 * <p>What is kept: an object stays an object with its keys in their order, an array keeps its first
 * items, a string its first code points (a surrogate pair is never split); numbers, booleans and
 * null are never changed. Every cut is marked with a string that starts with {@code "… "}:
 *
 * <ul>
 *   <li>a cut array ends with the element {@code "… 1,234 more items"};
 *   <li>a cut string ends with {@code "… 56,789 more characters"}, counting code points;
 *   <li>an object that had to lose members ends with the property {@code "…": "… 12 more
 *       properties"} ({@code "… 1 more property"}); should the object have a key {@code "…"}, the
 *       marker's key is {@code "… 2"}, {@code "… 3"} and so on, the first it does not have.
 * </ul>
 *
 * <p>Numbers in markers and notices are grouped by thousands with commas.
 *
 * <p>When anything was cut, the top level carries a notice, {@code The result was 5,123,456 bytes of
 * JSON; at most 1,048,576 are returned, so parts are cut and marked with "…". Return less: only the
 * fields or items needed, or a summary.}: a top-level object gets it as its first property, under
 * the key {@value #NOTICE_KEY} (or {@code [codemode] 2} and so on should that key be taken); a
 * top-level array gets {@code "[codemode] "} and the notice as its last element, after the marker;
 * a top-level string gets {@code ". [codemode] "} and the notice after its marker. When not even
 * the smallest cut and the notice fit (a number larger than the budget, a budget of a few hundred
 * bytes), the result is the string {@code "[codemode] "} and the notice, itself cut to the budget
 * and then ending with {@code "…"}.
 *
 * <p>How: one cap {@code c} applies to every string (at most {@code c} code points), every array
 * (at most {@code c} items) and to depth (an array nested {@code c} levels down keeps no items), so
 * the longest are cut first and all of them alike; the largest cap whose result fits is found by
 * doubling and then bisecting. A string is cut only when that makes it shorter, an array only when
 * at least {@value #MIN_ITEMS_CUT} items go (fewer could be smaller than the marker). Objects keep
 * all their members unless even cap 0 does not fit; then the cap applies to objects too (members,
 * and depth). Each try walks only the part it keeps and stops once it passes the budget, so a try
 * costs about the budget, not the size of the value; one walk over the whole value measures it
 * first. The walks use a stack of their own, not recursion, so depth does not matter.
 *
 * <p>Pure and deterministic: the same value and budget always give the same result; the value is
 * not changed (what is returned shares its unchanged strings and numbers with it).
 */
final class ResultShrinker {

  /** The key of the notice in a top-level object. */
  static final String NOTICE_KEY = "[codemode]";
  /** What starts the notice in a top-level array or string. */
  static final String NOTICE_TAG = "[codemode] ";
  /** The key of the marker of an object that lost members. */
  static final String CUT_KEY = "…";
  /**
   * The fewest items an array loses when it is cut: each is at least a byte and a comma, so fewer
   * could be smaller than the marker that would replace them.
   */
  static final int MIN_ITEMS_CUT = 10;
  /** The smallest budget honoured: {@code ""} is the shortest JSON text a notice can be. */
  static final int MIN_BYTES = 2;

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  /** Strings longer than this many chars have their length and size measured once and kept. */
  private static final int LONG_STRING = 512;
  private static final long UNLIMITED = Long.MAX_VALUE;

  private final JsonNode root;
  private final int budget;
  /** Code points and bytes (quotes excluded) of each long string, measured once. */
  private final IdentityHashMap<String, long[]> longStrings = new IdentityHashMap<>();
  private final Scanner scanner = new Scanner();

  private ResultShrinker(JsonNode root, int budget) {
    this.root = root;
    this.budget = budget;
  }

  /**
   * {@code value} cut to at most {@code maxBytes} of JSON, as the class description says; {@code
   * value} itself when it fits. A budget below {@value #MIN_BYTES} is taken as {@value #MIN_BYTES}.
   */
  static JsonNode shrink(JsonNode value, int maxBytes) {
    return new ResultShrinker(value, Math.max(maxBytes, MIN_BYTES)).shrink();
  }

  private JsonNode shrink() {
    long original = new Pass(Integer.MAX_VALUE, false, UNLIMITED, false).run().bytes;
    if (original <= budget) {
      return root;
    }
    String notice = String.format(Locale.ROOT,
        "The result was %,d bytes of JSON; at most %,d are returned, so parts are cut and marked with"
            + " \"…\". Return less: only the fields or items needed, or a summary.",
        original, budget);
    JsonNode cut = switch (root.getNodeType()) {
      case STRING -> cutTopString(notice);
      case ARRAY -> {
        String last = NOTICE_TAG + notice;
        ArrayNode array = (ArrayNode) cutTree(budget - 1 - quotedBytes(last));
        yield array == null ? null : array.add(last);
      }
      case OBJECT -> {
        String key = freeKey(root, NOTICE_KEY);
        JsonNode object = cutTree(budget - quotedBytes(key) - 1 - quotedBytes(notice) - 1);
        if (object == null) {
          yield null;
        }
        ObjectNode withNotice = NODES.objectNode().put(key, notice);
        object.properties().forEach(member -> withNotice.set(member.getKey(), member.getValue()));
        yield withNotice;
      }
      default -> null;
    };
    return cut != null ? cut : noticeOnly(NOTICE_TAG + notice);
  }

  /** The root cut to {@code room} bytes, or {@code null} when even its smallest cut is larger. */
  private @Nullable JsonNode cutTree(long room) {
    for (boolean capObjects : new boolean[] {false, true}) {
      int cap = largestCap(capObjects, room);
      if (cap >= 0) {
        return new Pass(cap, capObjects, UNLIMITED, true).run().copy;
      }
    }
    return null;
  }

  /** The largest cap whose result fits in {@code room}, or -1 when not even cap 0 fits. */
  private int largestCap(boolean capObjects, long room) {
    if (!fits(0, capObjects, room)) {
      return -1;
    }
    // At a cap as long as the longest string or array nothing is cut and the value is too large,
    // so doubling ends.
    long fitting = 0;
    long tooLarge = 1;
    while (tooLarge <= Integer.MAX_VALUE && fits((int) tooLarge, capObjects, room)) {
      fitting = tooLarge;
      tooLarge *= 2;
    }
    while (tooLarge - fitting > 1) {
      long middle = (fitting + tooLarge) >>> 1;
      if (fits((int) middle, capObjects, room)) {
        fitting = middle;
      } else {
        tooLarge = middle;
      }
    }
    return (int) fitting;
  }

  private boolean fits(int cap, boolean capObjects, long room) {
    return room >= 0 && new Pass(cap, capObjects, room, false).run().bytes <= room;
  }

  /** A top-level string too large: its start, the marker and the notice. */
  private @Nullable JsonNode cutTopString(String notice) {
    String text = root.stringValue();
    long codePoints = codePoints(text);
    String suffix = ". " + NOTICE_TAG + notice;
    // the marker for the whole length is at least as long as the one for what is left
    long room = budget - 2 - markerBytes(codePoints, Noun.CHARACTER) - escapedBytes(suffix);
    if (room < 0) {
      return null;
    }
    scanner.scan(text, 0, Long.MAX_VALUE, room);
    return StringNode.valueOf(text.substring(0, scanner.end)
        + marker(codePoints - scanner.codePoints, Noun.CHARACTER) + suffix);
  }

  /** {@code text} as a string node of at most the budget: its start and "…" when it is longer. */
  private StringNode noticeOnly(String text) {
    if (quotedBytes(text) <= budget) {
      return StringNode.valueOf(text);
    }
    long room = budget - 2 - escapedBytes("…");
    if (room < 0) {
      return StringNode.valueOf("");
    }
    scanner.scan(text, 0, Long.MAX_VALUE, room);
    return StringNode.valueOf(text.substring(0, scanner.end) + "…");
  }

  /** {@code base}, or {@code base 2}, {@code base 3}..., the first that {@code object} lacks. */
  private static String freeKey(JsonNode object, String base) {
    String key = base;
    for (int n = 2; object.has(key); n++) {
      key = base + " " + n;
    }
    return key;
  }

  /**
   * One walk over the value at one cap: it adds up the bytes of what it keeps, and stops once
   * they pass {@code limit}; with {@code build}, it also makes the copy that it measured.
   */
  private final class Pass {
    private final int cap;
    private final boolean capObjects;
    private final long limit;
    private final boolean build;
    /** The containers being walked, innermost last; frames past {@code open} are for reuse. */
    private final List<Frame> frames = new ArrayList<>();
    private int open;
    long bytes;
    @Nullable JsonNode copy;

    Pass(int cap, boolean capObjects, long limit, boolean build) {
      this.cap = cap;
      this.capObjects = capObjects;
      this.limit = limit;
      this.build = build;
    }

    Pass run() {
      copy = visit(root, 0);
      while (open > 0 && bytes <= limit) {
        Frame frame = frames.get(open - 1);
        if (frame.left == 0) {
          open--;
          frame.close();
          continue;
        }
        frame.left--;
        if (frame.members != null) {
          Map.Entry<String, JsonNode> member = frame.members.next();
          bytes += quotedBytes(member.getKey()) + 1;
          JsonNode value = visit(member.getValue(), frame.depth);
          if (frame.copy instanceof ObjectNode object) {
            object.set(member.getKey(), value);
          }
        } else {
          JsonNode value = visit(frame.node.get(frame.next++), frame.depth);
          if (frame.copy instanceof ArrayNode array) {
            array.add(value);
          }
        }
      }
      return this;
    }

    /**
     * Adds the bytes of a node at {@code depth} (those of its children come later, from its frame);
     * gives its copy, or null when not building.
     */
    private @Nullable JsonNode visit(JsonNode node, int depth) {
      switch (node.getNodeType()) {
        case ARRAY -> {
          int size = node.size();
          int kept = depth >= cap ? 0 : size - cap < MIN_ITEMS_CUT ? size : cap;
          JsonNode copy = build ? new ArrayNode(NODES, new ArrayList<>(kept + 1)) : null;
          String marker = null;
          if (kept < size) {
            // the kept items, a comma after each, and the marker in quotes
            bytes += 2 + kept + markerBytes(size - kept, Noun.ITEM) + 2;
            marker = build ? marker(size - kept, Noun.ITEM) : null;
          } else {
            bytes += 2 + Math.max(0, kept - 1);
          }
          open(node, null, kept, depth + 1, copy, null, marker);
          return copy;
        }
        case OBJECT -> {
          int size = node.size();
          int kept = !capObjects ? size : depth < cap ? Math.min(size, cap) : 0;
          JsonNode copy = build ? new ObjectNode(NODES, new LinkedHashMap<>()) : null;
          String markerKey = null;
          String marker = null;
          if (kept < size) {
            markerKey = freeKey(node, CUT_KEY);
            // the kept members, a comma after each, and "key":"marker"
            bytes += 2 + kept + quotedBytes(markerKey) + 1
                + markerBytes(size - kept, Noun.PROPERTY) + 2;
            marker = build ? marker(size - kept, Noun.PROPERTY) : null;
          } else {
            bytes += 2 + Math.max(0, kept - 1);
          }
          open(node, kept > 0 ? node.properties().iterator() : null, kept, depth + 1, copy,
              markerKey, marker);
          return copy;
        }
        case STRING -> {
          return string(node);
        }
        default -> {
          bytes += scalarBytes(node);
          return node;
        }
      }
    }

    /** Walks the children of a container next, or closes it at once when none are kept. */
    private void open(JsonNode node, @Nullable Iterator<Map.Entry<String, JsonNode>> members, int kept,
        int depth, @Nullable JsonNode copy, @Nullable String markerKey, @Nullable String marker) {
      if (open == frames.size()) {
        frames.add(new Frame());
      }
      Frame frame = frames.get(open);
      frame.node = node;
      frame.members = members;
      frame.next = 0;
      frame.left = kept;
      frame.depth = depth;
      frame.copy = copy;
      frame.markerKey = markerKey;
      frame.marker = marker;
      if (kept > 0) {
        open++;
      } else {
        frame.close();
      }
    }

    /** Adds the bytes of a string at this cap: whole, or its start and the marker when shorter. */
    private @Nullable JsonNode string(JsonNode node) {
      String text = node.stringValue();
      long room = limit - bytes - 2;
      bytes += 2;
      if (text.length() <= cap) {
        bytes += wholeBytes(text, room);
        return node;
      }
      long codePoints = codePoints(text);
      if (codePoints <= cap) {
        bytes += wholeBytes(text, room);
        return node;
      }
      long start = scanner.scan(text, 0, cap, room);
      if (scanner.codePoints < cap) {
        bytes += room + 1;  // over the limit; the walk stops
        return null;
      }
      int end = scanner.end;
      long left = codePoints - cap;
      long markerBytes = markerBytes(left, Noun.CHARACTER);
      // Every code point is at least a byte, so only a short rest can be smaller than the marker.
      if (left <= markerBytes) {
        long rest = scanner.scan(text, end, Long.MAX_VALUE, UNLIMITED);
        if (rest <= markerBytes) {
          bytes += start + rest;
          return node;
        }
      }
      bytes += start + markerBytes;
      return build ? StringNode.valueOf(text.substring(0, end) + marker(left, Noun.CHARACTER)) : null;
    }

    /** Bytes of the whole text without quotes, or more than {@code room} once past it. */
    private long wholeBytes(String text, long room) {
      if (text.length() > LONG_STRING) {
        return longString(text)[1];
      }
      long whole = scanner.scan(text, 0, Long.MAX_VALUE, room);
      return scanner.end == text.length() ? whole : room + 1;
    }
  }

  /** A container being walked: the children still to visit, and its copy with the marker to add. */
  private static final class Frame {
    JsonNode node = NODES.nullNode();
    /** The members of an object, or null for an array, whose items are read by index. */
    @Nullable Iterator<Map.Entry<String, JsonNode>> members;
    int next;
    int left;
    /** The depth of the children. */
    int depth;
    @Nullable JsonNode copy;
    @Nullable String markerKey;
    @Nullable String marker;

    /** Adds the marker to the copy once its kept children are in. */
    void close() {
      if (copy == null || marker == null) {
        return;
      }
      if (copy instanceof ArrayNode array) {
        array.add(marker);
      } else {
        ((ObjectNode) copy).put(markerKey, marker);
      }
    }
  }

  private long codePoints(String text) {
    return text.length() > LONG_STRING ? longString(text)[0] : text.codePointCount(0, text.length());
  }

  private long[] longString(String text) {
    return longStrings.computeIfAbsent(text, t -> {
      long bytes = scanner.scan(t, 0, Long.MAX_VALUE, UNLIMITED);
      return new long[] {scanner.codePoints, bytes};
    });
  }

  /** What a marker counts. */
  private enum Noun {
    ITEM("item", "items"),
    CHARACTER("character", "characters"),
    PROPERTY("property", "properties");

    final String one;
    final String many;

    Noun(String one, String many) {
      this.one = one;
      this.many = many;
    }

    String of(long count) {
      return count == 1 ? one : many;
    }
  }

  /** {@code "… 1,234 more items"}, {@code "… 1 more property"} and the like. */
  private static String marker(long count, Noun noun) {
    return String.format(Locale.ROOT, "… %,d more %s", count, noun.of(count));
  }

  /** The bytes of {@link #marker} (quotes excluded), computed without building it. */
  private static long markerBytes(long count, Noun noun) {
    int digits = decimalLength(count);
    // "…" is 3 bytes, then a space, the digits and their commas, " more " and the noun
    return 3L + 1 + digits + (digits - 1) / 3 + 6 + noun.of(count).length();
  }

  /** The length of {@code Long.toString(value)}. */
  private static int decimalLength(long value) {
    if (value == Long.MIN_VALUE) {
      return 20;
    }
    int length = value < 0 ? 2 : 1;
    for (long rest = Math.abs(value); rest >= 10; rest /= 10) {
      length++;
    }
    return length;
  }

  private long quotedBytes(String text) {
    return 2 + escapedBytes(text);
  }

  private long escapedBytes(String text) {
    return scanner.scan(text, 0, Long.MAX_VALUE, UNLIMITED);
  }

  /** Bytes of a number, boolean, null or other value that is never cut. */
  private static long scalarBytes(JsonNode node) {
    switch (node.getNodeType()) {
      case NULL, MISSING -> {
        return 4;
      }
      case BOOLEAN -> {
        return node.booleanValue() ? 4 : 5;
      }
      case NUMBER -> {
        if (node.isInt() || node.isLong() || node.isShort()) {
          return decimalLength(node.longValue());
        }
        if (node.isDouble()) {
          double value = node.doubleValue();
          // Jackson writes NaN and the infinities as strings
          return (long) Double.toString(value).length() + (Double.isFinite(value) ? 0 : 2);
        }
        if (node.isFloat()) {
          float value = node.floatValue();
          return (long) Float.toString(value).length() + (Float.isFinite(value) ? 0 : 2);
        }
        if (node.isBigInteger()) {
          return node.bigIntegerValue().toString().length();
        }
        if (node.isBigDecimal()) {
          return node.decimalValue().toString().length();
        }
        return ConsoleLog.utf8Length(JsonCodec.defaults().toJson(node));
      }
      default -> {
        return ConsoleLog.utf8Length(JsonCodec.defaults().toJson(node));
      }
    }
  }

  /**
   * Measures stretches of strings: UTF-8 bytes of their JSON escaped form (quotes excluded), as
   * Jackson writes it. One per shrinker, so that the walks allocate nothing per string.
   */
  private static final class Scanner {
    /** Where the last stretch ended, as a char index. */
    int end;
    /** How many code points the last stretch had. */
    long codePoints;

    /**
     * The bytes of the longest stretch from {@code from} of at most {@code maxCodePoints} code
     * points whose bytes are at most {@code room}.
     */
    long scan(String text, int from, long maxCodePoints, long room) {
      long bytes = 0;
      long count = 0;
      int i = from;
      int length = text.length();
      while (i < length && count < maxCodePoints) {
        char c = text.charAt(i);
        int chars = 1;
        int width;
        if (c >= 0x20 && c < 0x80) {
          width = c == '"' || c == '\\' ? 2 : 1;
        } else if (c < 0x20) {
          // \b \t \n \f \r have short escapes, other control characters are \\u00XX
          width = c == '\b' || c == '\t' || c == '\n' || c == '\f' || c == '\r' ? 2 : 6;
        } else if (c < 0x800) {
          width = 2;
        } else if (Character.isHighSurrogate(c) && i + 1 < length
            && Character.isLowSurrogate(text.charAt(i + 1))) {
          width = 4;
          chars = 2;
        } else {
          width = 3;
        }
        if (bytes + width > room) {
          break;
        }
        bytes += width;
        count++;
        i += chars;
      }
      end = i;
      codePoints = count;
      return bytes;
    }
  }
}
