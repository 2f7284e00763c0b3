package dev.codemode.sandbox;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.codemode.core.JsonCodec;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * The result shrinker, without an engine: what it returns fits the budget as {@link
 * JsonCodec#toJson} writes it, keeps the shape, marks every cut exactly and carries the notice.
 */
class ResultShrinkerTest {

  private static final JsonCodec CODEC = JsonCodec.defaults();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Pattern NOTICE = Pattern.compile(
      "The result was ([0-9,]+) bytes of JSON; at most ([0-9,]+) are returned, so parts are cut and"
          + " marked with \"…\"\\. Return less: only the fields or items needed, or a summary\\.");
  private static final Pattern ORIGINAL_SIZE = Pattern.compile("The result was ([0-9,]+) bytes");
  private static final Pattern MORE_ITEMS = Pattern.compile("… ([0-9,]+) more items?");
  private static final Pattern MORE_PROPERTIES = Pattern.compile("… ([0-9,]+) more propert(y|ies)");
  private static final Pattern MORE_CHARACTERS =
      Pattern.compile("(?s)(.*)… ([0-9,]+) more characters?");

  // ---- what fits, and the markers ---------------------------------------------------------------

  @Test
  void aValueThatFitsIsReturnedItself() {
    JsonNode value = CODEC.parse("{\"a\":[1,2,3],\"s\":\"text\"}");
    int exactly = bytes(value);
    assertThat(ResultShrinker.shrink(value, exactly)).isSameInstanceAs(value);
    assertThat(ResultShrinker.shrink(value, 1 << 20)).isSameInstanceAs(value);
    assertThat(ResultShrinker.shrink(value, exactly - 1)).isNotEqualTo(value);
  }

  @Test
  void anArrayKeepsItsFirstItemsAndEndsWithTheMarkerAndTheNotice() {
    ArrayNode numbers = NODES.arrayNode();
    for (int i = 0; i < 2000; i++) {
      numbers.add(i);
    }
    JsonNode cut = ResultShrinker.shrink(numbers, 400);
    assertThat(bytes(cut)).isAtMost(400);
    int kept = cut.size() - 2;
    for (int i = 0; i < kept; i++) {
      assertThat(cut.get(i).asInt()).isEqualTo(i);
    }
    assertThat(cut.get(kept).asString())
        .isEqualTo(String.format(Locale.ROOT, "… %,d more items", 2000 - kept));
    assertThat(cut.get(kept + 1).asString()).isEqualTo("[codemode] The result was 8,891 bytes of"
        + " JSON; at most 400 are returned, so parts are cut and marked with \"…\". Return less: only"
        + " the fields or items needed, or a summary.");
    // as close to the budget as a cap allows: one more item would not fit
    assertThat(bytes(cut)).isGreaterThan(400 - 6);
  }

  @Test
  void theMarkersReadExactly() {
    JsonNode value = CODEC.parse("{\"list\":[\"a\",\"b\",\"c\"],\"text\":\"" + "x".repeat(1234)
        + "\",\"one\":[\"abcdefghijklmnopqrstuvwxyz\",1]}");
    JsonNode cut = ResultShrinker.shrink(value, 300);
    // exactly 300 bytes; the 26-letter string stays whole: "… 1 more character" is no shorter
    assertThat(bytes(cut)).isEqualTo(300);
    assertThat(CODEC.toJson(cut)).isEqualTo("{\"[codemode]\":\"The result was 1,305 bytes of JSON; at"
        + " most 300 are returned, so parts are cut and marked with \\\"…\\\". Return less: only the"
        + " fields or items needed, or a summary.\",\"list\":[\"a\",\"b\",\"c\"],\"text\":\""
        + "x".repeat(25) + "… 1,209 more characters\",\"one\":[\"abcdefghijklmnopqrstuvwxyz\",1]}");
    // An array loses at least ten items when it is cut, and a string is cut only when that makes
    // it shorter: a cap of 27 leaves the 32 numbers and the 33 letters whole.
    JsonNode shortTails = CODEC.parse("[[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23"
        + ",24,25,26,27,28,29,30,31,32],\"" + "y".repeat(33) + "\",\"" + "z".repeat(1000) + "\"]");
    JsonNode kept = ResultShrinker.shrink(shortTails, 356);
    assertThat(kept.get(0)).isEqualTo(shortTails.get(0));
    assertThat(kept.get(1)).isEqualTo(shortTails.get(1));
    assertThat(kept.get(2).asString()).isEqualTo("z".repeat(27) + "… 973 more characters");
    // one property left over is singular
    assertThat(CODEC.toJson(ResultShrinker.shrink(CODEC.parse("{\"" + "k".repeat(300) + "\":1}"), 250)))
        .endsWith("\"…\":\"… 1 more property\"}");
  }

  @Test
  void theLargestAreCutFirstAndAllAlike() {
    ObjectNode value = NODES.objectNode();
    value.put("small", "keep me");
    value.put("huge", "h".repeat(100_000));
    ArrayNode medium = value.putArray("medium");
    for (int i = 0; i < 100; i++) {
      medium.add(("m" + i + " ").repeat(300));
    }
    value.put("count", 12);
    JsonNode cut = ResultShrinker.shrink(value, 20_000);
    assertThat(bytes(cut)).isAtMost(20_000);
    assertThat(cut.get("small").asString()).isEqualTo("keep me");
    assertThat(cut.get("count").asInt()).isEqualTo(12);
    // one cap for all: the huge string and each medium one keep the same number of characters
    Matcher huge = MORE_CHARACTERS.matcher(cut.get("huge").asString());
    assertThat(huge.matches()).isTrue();
    int cap = huge.group(1).length();
    assertThat(cap).isGreaterThan(50);
    assertThat(cut.get("medium").size()).isEqualTo(100);
    for (JsonNode string : cut.get("medium")) {
      Matcher each = MORE_CHARACTERS.matcher(string.asString());
      assertThat(each.matches()).isTrue();
      assertThat(each.group(1).length()).isEqualTo(cap);
    }
    assertThat(cut.propertyNames()).containsExactly("[codemode]", "small", "huge", "medium", "count")
        .inOrder();
  }

  @Test
  void anObjectWithTooManyKeysKeepsTheFirstAndSaysHowManyWent() {
    ObjectNode map = NODES.objectNode();
    for (int i = 0; i < 5000; i++) {
      map.put("key" + i, i);
    }
    map.put("…", "a key like the marker's");
    JsonNode cut = ResultShrinker.shrink(map, 1000);
    assertThat(bytes(cut)).isAtMost(1000);
    List<String> names = new ArrayList<>(cut.propertyNames());
    assertThat(names.get(0)).isEqualTo("[codemode]");
    assertThat(names.get(names.size() - 1)).isEqualTo("… 2");
    int kept = names.size() - 2;
    for (int i = 0; i < kept; i++) {
      assertThat(names.get(i + 1)).isEqualTo("key" + i);
    }
    assertThat(cut.get("… 2").asString())
        .isEqualTo(String.format(Locale.ROOT, "… %,d more properties", 5001 - kept));
  }

  @Test
  void theNoticeKeyDoesNotReplaceAMemberOfThatName() {
    JsonNode value = CODEC.parse("{\"[codemode]\":\"mine\",\"text\":\"" + "t".repeat(5000) + "\"}");
    JsonNode cut = ResultShrinker.shrink(value, 500);
    assertThat(cut.propertyNames()).containsExactly("[codemode] 2", "[codemode]", "text").inOrder();
    assertThat(cut.get("[codemode]").asString()).isEqualTo("mine");
    assertThat(NOTICE.matcher(cut.get("[codemode] 2").asString()).matches()).isTrue();
  }

  @Test
  void aTopLevelStringEndsWithTheMarkerAndTheNotice() {
    JsonNode cut = ResultShrinker.shrink(StringNode.valueOf("abc".repeat(1000)), 300);
    String text = cut.asString();
    assertThat(bytes(cut)).isAtMost(300);
    int marker = text.indexOf("… ");
    assertThat(text.substring(0, marker)).isEqualTo("abc".repeat(1000).substring(0, marker));
    assertThat(text.substring(marker)).isEqualTo(String.format(Locale.ROOT,
        "… %,d more characters. [codemode] The result was 3,002 bytes of JSON; at most 300 are"
            + " returned, so parts are cut and marked with \"…\". Return less: only the fields or"
            + " items needed, or a summary.", 3000 - marker));
  }

  @Test
  void aCutNeverSplitsASurrogatePairAndCountsCodePoints() {
    String emoji = "😀";
    for (int budget = 240; budget < 300; budget++) {
      JsonNode cut = ResultShrinker.shrink(CODEC.parse("[\"" + emoji.repeat(500) + "\"]"), budget);
      assertThat(bytes(cut)).isAtMost(budget);
      Matcher string = MORE_CHARACTERS.matcher(cut.get(0).asString());
      assertThat(string.matches()).isTrue();
      String kept = string.group(1);
      assertThat(kept).isEqualTo(emoji.repeat(kept.length() / 2));
      assertThat(number(string.group(2))).isEqualTo(500 - kept.length() / 2);

      String top = ResultShrinker.shrink(StringNode.valueOf(emoji.repeat(500)), budget).asString();
      int marker = top.indexOf("… ");
      assertThat(top.substring(0, marker)).isEqualTo(emoji.repeat(marker / 2));
      assertThat(top).contains("… " + (500 - marker / 2) + " more characters. [codemode] ");
    }
  }

  @Test
  void aStringIsCutOnlyWhenThatMakesItShorter() {
    // At 900 bytes, about 20 items fit, and so a cap of about 20 characters; but 30 characters cut
    // to 20 would need a marker ("… 10 more characters") longer than the 10 it saves.
    ArrayNode strings = NODES.arrayNode();
    for (int i = 0; i < 200; i++) {
      strings.add("0123456789abcdefghijklmnopqrs" + (i % 10));
    }
    JsonNode cut = ResultShrinker.shrink(strings, 900);
    assertThat(cut.size() - 2).isAtLeast(15);
    for (int i = 0; i < cut.size() - 2; i++) {
      assertThat(cut.get(i).asString()).isEqualTo(strings.get(i).asString());
    }
    assertThat(MORE_ITEMS.matcher(cut.get(cut.size() - 2).asString()).matches()).isTrue();
  }

  @Test
  void numbersBooleansAndNullAreNeverChanged() {
    JsonNode value = CODEC.parse("[123456789012345678901234567890,-1.5e300,0.1,true,false,null,"
        + "\"" + "s".repeat(500) + "\",{\"n\":-42}]");
    JsonNode cut = ResultShrinker.shrink(value, 320);
    assertThat(bytes(cut)).isAtMost(320);
    assertThat(cut.get(6).asString()).endsWith(" more characters");
    assertThat(cut.get(0)).isEqualTo(value.get(0));
    assertThat(cut.get(1)).isEqualTo(value.get(1));
    assertThat(cut.get(2)).isEqualTo(value.get(2));
  }

  // ---- budgets too small ------------------------------------------------------------------------

  @Test
  void aBudgetTooSmallForTheNoticeGivesTheNoticeCutToIt() {
    JsonNode value = CODEC.parse("{\"a\":\"" + "x".repeat(1000) + "\"}");
    boolean sawObject = false;
    for (int budget = -1; budget < 300; budget++) {
      JsonNode cut = ResultShrinker.shrink(value, budget);
      assertWithMessage("budget %s", budget).that(bytes(cut)).isAtMost(Math.max(budget, 2));
      if (cut.isObject()) {
        // the value cut, or at the smallest budgets the member itself
        sawObject = true;
        assertWithMessage("budget %s: %s", budget, cut).that(cut.has("a")
            ? cut.get("a").asString().endsWith(" more characters")
            : cut.get("…").asString().equals("… 1 more property")).isTrue();
      } else {
        assertWithMessage("budget %s: %s", budget, cut).that(sawObject).isFalse();
        assertWithMessage("budget %s: %s", budget, cut)
            .that(isNoticeCut(cut.asString(), 1008, Math.max(budget, 2))).isTrue();
      }
    }
    assertThat(sawObject).isTrue();
    assertThat(ResultShrinker.shrink(value, 0).asString()).isEmpty();
    assertThat(ResultShrinker.shrink(value, 4).asString()).isEmpty();
    assertThat(ResultShrinker.shrink(value, 5).asString()).isEqualTo("…");
    assertThat(ResultShrinker.shrink(value, 12).asString()).isEqualTo("[codemo…");
    // a number cannot be cut: the notice stands for it
    JsonNode number = NODES.numberNode(new BigInteger("9".repeat(400)));
    assertThat(isNoticeCut(ResultShrinker.shrink(number, 300).asString(), 400, 300)).isTrue();
    assertThat(ResultShrinker.shrink(number, 300).asString()).endsWith("or a summary.");
  }

  // ---- size, depth, and speed without timing ----------------------------------------------------

  @Test
  void tenThousandLevelsDeepNeedsNoRecursion() {
    ArrayNode root = NODES.arrayNode();
    ArrayNode level = root;
    for (int i = 0; i < 10_000; i++) {
      ArrayNode next = NODES.arrayNode();
      level.add(next).add("level " + i);
      level = next;
    }
    JsonNode cut = ResultShrinker.shrink(root, 2000);
    // written by Jackson, which refuses more than 500 levels: the depth was cut too
    assertThat(bytes(cut)).isAtMost(2000);
    assertThat(bytes(cut)).isGreaterThan(1500);
    assertThat(cut.get(1).asString()).isEqualTo("level 0");
    Matcher notice = NOTICE.matcher(cut.get(2).asString().substring(11));
    assertThat(notice.matches()).isTrue();
    assertThat(number(notice.group(1))).isEqualTo(deepArrayBytes(10_000));
    JsonNode inner = cut;
    int depth = 0;
    while (inner.get(0).isArray()) {
      inner = inner.get(0);
      depth++;
    }
    assertThat(inner.get(0).asString()).isEqualTo("… 2 more items");
    assertThat(depth).isGreaterThan(50);

    ObjectNode chain = NODES.objectNode();
    ObjectNode link = chain;
    for (int i = 0; i < 10_000; i++) {
      link = link.put("i", i).putObject("next");
    }
    JsonNode cutChain = ResultShrinker.shrink(chain, 2000);
    assertThat(bytes(cutChain)).isAtMost(2000);
    assertThat(cutChain.get("next").get("i").asInt()).isEqualTo(1);
  }

  /** {@code [[…[[],"level 9999"]…,"level 1"],"level 0"]} without writing it. */
  private static long deepArrayBytes(int levels) {
    long bytes = 2;  // the innermost []
    for (int i = 0; i < levels; i++) {
      bytes += 2 + 1 + ("\"level " + i + "\"").length();
    }
    return bytes;
  }

  @Test
  void aMillionSmallObjects() {
    // A thousand objects, each in the array a thousand times: the shrinker walks every occurrence
    // as if it were its own object, and the test heap stays small.
    List<JsonNode> pool = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      pool.add(NODES.objectNode().put("id", i).put("name", "item " + i).put("price", i * 0.25));
    }
    ArrayNode rows = NODES.arrayNode(1_000_000);
    for (int i = 0; i < 1_000_000; i++) {
      rows.add(pool.get(i % 1000));
    }
    JsonNode value = NODES.objectNode().put("total", 1_000_000).set("rows", rows);
    JsonNode cut = ResultShrinker.shrink(value, 1 << 20);
    assertThat(bytes(cut)).isAtMost(1 << 20);
    assertThat(bytes(cut)).isGreaterThan((1 << 20) - 100);
    JsonNode keptRows = cut.get("rows");
    int kept = keptRows.size() - 1;
    assertThat(kept).isGreaterThan(20_000);
    for (int i = 0; i < kept; i++) {
      assertThat(keptRows.get(i)).isEqualTo(pool.get(i % 1000));
    }
    assertThat(keptRows.get(kept).asString())
        .isEqualTo(String.format(Locale.ROOT, "… %,d more items", 1_000_000 - kept));
    assertThat(cut.get("total").asInt()).isEqualTo(1_000_000);
    Matcher notice = NOTICE.matcher(cut.get("[codemode]").asString());
    assertThat(notice.matches()).isTrue();
    assertThat(number(notice.group(1))).isEqualTo(bytes(value));
  }

  @Test
  void aFiftyMegabyteString() {
    String huge = "x".repeat(50_000_000);
    JsonNode cut = ResultShrinker.shrink(NODES.objectNode().put("log", huge).put("ok", true), 1 << 20);
    assertThat(bytes(cut)).isAtMost(1 << 20);
    assertThat(bytes(cut)).isGreaterThan((1 << 20) - 20);
    Matcher log = MORE_CHARACTERS.matcher(cut.get("log").asString());
    assertThat(log.matches()).isTrue();
    assertThat(number(log.group(2))).isEqualTo(50_000_000 - log.group(1).length());
    assertThat(cut.get("ok").asBoolean()).isTrue();
    assertThat(cut.get("[codemode]").asString()).startsWith("The result was 50,000,020 bytes of JSON;");

    // beyond Latin-1 the string is stored in two bytes a char, and counted in code points
    JsonNode wide = ResultShrinker.shrink(StringNode.valueOf("é€😀".repeat(5_000_000)), 1 << 20);
    assertThat(bytes(wide)).isAtMost(1 << 20);
    assertThat(wide.asString()).contains(" more characters. [codemode] The result was 45,000,002 bytes");
  }

  // ---- many random values -----------------------------------------------------------------------

  @Test
  void randomValuesKeepTheirShapeAndNeverPassTheBudget() {
    Random random = new Random(20240611);
    int cut = 0;
    List<Double> ratios = new ArrayList<>();
    for (int round = 0; round < 600; round++) {
      JsonNode value = new RandomJson(random).root();
      JsonNode before = value.deepCopy();
      int size = bytes(value);
      int budget = random.nextInt(4) == 0 ? random.nextInt(300) : random.nextInt(size + 50);
      JsonNode shrunk = ResultShrinker.shrink(value, budget);
      assertWithMessage("the value itself is not changed").that(value).isEqualTo(before);
      String context = "round " + round + ", budget " + budget + ", value " + abbreviated(value);
      assertWithMessage(context).that(bytes(shrunk)).isAtMost(Math.max(budget, 2));
      assertWithMessage(context).that(ResultShrinker.shrink(value, budget)).isEqualTo(shrunk);
      if (size <= Math.max(budget, 2)) {
        assertWithMessage(context).that(shrunk).isSameInstanceAs(value);
        continue;
      }
      cut++;
      if (budget >= 500 && !shrunk.isString()) {
        ratios.add(bytes(shrunk) / (double) budget);
      }
      assertCutOf(context, value, shrunk, size, Math.max(budget, 2));
    }
    assertThat(cut).isGreaterThan(300);
    // Close to the budget: a cap is coarse only where values are unusual (a long key, which is
    // never cut, makes objects lose members).
    ratios.sort(null);
    assertThat(ratios.size()).isGreaterThan(100);
    assertThat(ratios.get(ratios.size() / 10)).isAtLeast(0.9);
  }

  @Test
  void theSizeInTheNoticeIsWhatJacksonWrites() {
    Random random = new Random(7);
    int checked = 0;
    for (int round = 0; round < 400; round++) {
      JsonNode value = new RandomJson(random).root();
      int size = bytes(value);
      if (size > 400) {
        assertWithMessage(abbreviated(value)).that(originalSize(ResultShrinker.shrink(value, 400)))
            .isEqualTo(size);
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(100);
  }

  /** {@code shrunk} is {@code value} cut as the shrinker promises. */
  private static void assertCutOf(String context, JsonNode value, JsonNode shrunk, int size,
      int budget) {
    if (shrunk.isString()
        && (!value.isString() || !shrunk.asString().contains(". [codemode] The result was "))) {
      // nothing smaller than the notice fits, so the notice stands alone, cut to the budget
      assertWithMessage(context).that(isNoticeCut(shrunk.asString(), size, budget)).isTrue();
      return;
    }
    assertWithMessage(context).that(originalSize(shrunk)).isEqualTo(size);
    switch (value.getNodeType()) {
      case OBJECT -> {
        ObjectNode withoutNotice = ((ObjectNode) shrunk).deepCopy();
        String first = withoutNotice.propertyNames().iterator().next();
        assertWithMessage(context).that(first).startsWith("[codemode]");
        withoutNotice.remove(first);
        assertCutValue(context, value, withoutNotice);
      }
      case ARRAY -> {
        ArrayNode withoutNotice = ((ArrayNode) shrunk).deepCopy();
        withoutNotice.remove(withoutNotice.size() - 1);
        assertCutValue(context, value, withoutNotice);
      }
      case STRING -> {
        String text = shrunk.asString();
        String withoutNotice = text.substring(0, text.lastIndexOf(". [codemode] The result was "));
        assertCutValue(context, value, StringNode.valueOf(withoutNotice));
      }
      default -> throw new AssertionError(context + ": a scalar is never cut");
    }
  }

  /** Whether {@code text} is the notice, whole or cut and then ending with "…", or empty. */
  private static boolean isNoticeCut(String text, long size, int budget) {
    String notice = String.format(Locale.ROOT, "[codemode] The result was %,d bytes of JSON; at most"
        + " %,d are returned, so parts are cut and marked with \"…\". Return less: only the fields"
        + " or items needed, or a summary.", size, budget);
    return text.isEmpty() || text.equals(notice)
        || text.endsWith("…") && notice.startsWith(text.substring(0, text.length() - 1));
  }

  private static void assertCutValue(String context, JsonNode value, JsonNode cut) {
    switch (value.getNodeType()) {
      case OBJECT -> {
        assertWithMessage(context).that(cut.isObject()).isTrue();
        List<Map.Entry<String, JsonNode>> original = new ArrayList<>(value.properties());
        List<Map.Entry<String, JsonNode>> kept = new ArrayList<>(cut.properties());
        for (int i = 0; i < kept.size(); i++) {
          Map.Entry<String, JsonNode> member = kept.get(i);
          if (i < original.size() && original.get(i).getKey().equals(member.getKey())) {
            assertCutValue(context + "." + member.getKey(), original.get(i).getValue(),
                member.getValue());
            continue;
          }
          // the marker of the members that went, last
          assertWithMessage(context + ": marker " + member).that(i).isEqualTo(kept.size() - 1);
          assertWithMessage(context).that(member.getKey()).startsWith("…");
          assertWithMessage(context).that(value.has(member.getKey())).isFalse();
          Matcher marker = MORE_PROPERTIES.matcher(member.getValue().asString());
          assertWithMessage(context + ": marker " + member).that(marker.matches()).isTrue();
          assertWithMessage(context).that(number(marker.group(1))).isEqualTo(original.size() - i);
          return;
        }
        assertWithMessage(context).that(kept.size()).isEqualTo(original.size());
      }
      case ARRAY -> {
        assertWithMessage(context).that(cut.isArray()).isTrue();
        int kept = cut.size();
        JsonNode last = kept == 0 ? null : cut.get(kept - 1);
        Matcher marker = MORE_ITEMS.matcher(last != null && last.isString() ? last.asString() : "");
        if (marker.matches() && number(marker.group(1)) == value.size() - kept + 1) {
          kept--;
        } else {
          assertWithMessage(context).that(kept).isEqualTo(value.size());
        }
        for (int i = 0; i < kept; i++) {
          assertCutValue(context + "[" + i + "]", value.get(i), cut.get(i));
        }
      }
      case STRING -> {
        assertWithMessage(context).that(cut.isString()).isTrue();
        String text = value.asString();
        String shrunk = cut.asString();
        if (shrunk.equals(text)) {
          return;
        }
        Matcher marker = MORE_CHARACTERS.matcher(shrunk);
        assertWithMessage(context + ": cut string " + shrunk).that(marker.matches()).isTrue();
        String start = marker.group(1);
        assertWithMessage(context).that(text.startsWith(start)).isTrue();
        assertWithMessage(context + ": a split surrogate pair").that(
            !start.isEmpty() && Character.isHighSurrogate(start.charAt(start.length() - 1))
                && Character.isLowSurrogate(text.charAt(start.length()))).isFalse();
        assertWithMessage(context).that(number(marker.group(2)))
            .isEqualTo(text.codePointCount(start.length(), text.length()));
        assertWithMessage(context + ": a cut that does not save").that(bytes(cut))
            .isLessThan(bytes(value));
      }
      default -> assertWithMessage(context).that(cut).isSameInstanceAs(value);
    }
  }

  /**
   * Random JSON of every kind, with strings that need escapes and characters of every width, and
   * now and then a long array, object or string; at most about 20,000 nodes and characters.
   */
  private static final class RandomJson {
    private static final String[] PIECES = {
        "a", "b", "z", " ", "0", "\"", "\\", "/", "\n", "\t", "\b", "\f", "\r", "\u0000", "\u001f",
        "\u007f", "é", "ß", "\u2028", "€", "中", "😀", "\ud834\udd1e", "\ud800", "\udc00", "…"};
    private final Random random;
    private int left = 20_000;

    RandomJson(Random random) {
      this.random = random;
    }

    /** Mostly containers, sometimes a string. */
    JsonNode root() {
      int kind = random.nextInt(5);
      return kind < 2 ? object(0) : kind < 4 ? array(0) : StringNode.valueOf(string());
    }

    JsonNode value(int depth) {
      left--;
      int kind = random.nextInt(depth > 5 || left <= 0 ? 6 : 9);
      return switch (kind) {
        case 0 -> NODES.nullNode();
        case 1 -> NODES.booleanNode(random.nextBoolean());
        case 2 -> number();
        case 3, 4, 5 -> StringNode.valueOf(string());
        case 6, 7 -> array(depth);
        default -> object(depth);
      };
    }

    private JsonNode number() {
      return switch (random.nextInt(8)) {
        case 0 -> NODES.numberNode(random.nextInt());
        case 1 -> NODES.numberNode(random.nextLong());
        case 2 -> NODES.numberNode(random.nextInt(10));
        case 3 -> NODES.numberNode(new BigInteger(random.nextInt(300) + 1, random));
        case 4 -> NODES.numberNode(new BigDecimal(random.nextGaussian() * 1e6).setScale(3,
            java.math.RoundingMode.HALF_UP));
        case 5 -> NODES.numberNode((float) random.nextGaussian());
        case 6 -> NODES.numberNode(List.of(Double.NaN, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, -0.0, 1e21, 1e-7, 5e-324).get(random.nextInt(7)));
        default -> NODES.numberNode(random.nextDouble() * Math.pow(10, random.nextInt(40) - 20));
      };
    }

    private String string() {
      int length = Math.min(Math.max(left, 0),
          random.nextInt(8) == 0 ? random.nextInt(3000) : random.nextInt(40));
      left -= length;
      StringBuilder out = new StringBuilder();
      boolean plain = random.nextBoolean();
      for (int i = 0; i < length; i++) {
        out.append(plain ? PIECES[random.nextInt(3)] : PIECES[random.nextInt(PIECES.length)]);
      }
      return out.toString();
    }

    /** A key that needs escapes, now and then a long one (keys are never cut). */
    private String key() {
      String key = string();
      return random.nextInt(20) == 0 || key.length() <= 40 ? key : key.substring(0, 40);
    }

    private JsonNode array(int depth) {
      ArrayNode array = NODES.arrayNode();
      int size = random.nextInt(8) == 0 ? random.nextInt(400) : random.nextInt(8);
      for (int i = 0; i < size && left > 0; i++) {
        array.add(value(depth + 1));
      }
      return array;
    }

    private JsonNode object(int depth) {
      ObjectNode object = NODES.objectNode();
      int size = random.nextInt(8) == 0 ? random.nextInt(200) : random.nextInt(8);
      for (int i = 0; i < size && left > 0; i++) {
        object.set(random.nextInt(10) == 0 ? key() : "k" + i, value(depth + 1));
      }
      return object;
    }
  }

  // ---- helpers ----------------------------------------------------------------------------------

  /** UTF-8 bytes of the compact JSON text (an unpaired surrogate counted as 3). */
  private static int bytes(JsonNode node) {
    return Math.toIntExact(ConsoleLog.utf8Length(CODEC.toJson(node)));
  }

  /** The size the notice of a cut value gives. */
  private static long originalSize(JsonNode shrunk) {
    Matcher matcher = ORIGINAL_SIZE.matcher(CODEC.toJson(shrunk));
    if (!matcher.find()) {
      throw new AssertionError("no notice: " + abbreviated(shrunk));
    }
    return number(matcher.group(1));
  }

  private static long number(String grouped) {
    return Long.parseLong(grouped.replace(",", ""));
  }

  private static String abbreviated(JsonNode value) {
    String text = CODEC.toJson(value);
    return text.length() > 300 ? text.substring(0, 300) + "…" : text;
  }
}
