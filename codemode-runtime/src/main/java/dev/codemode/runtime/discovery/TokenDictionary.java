package dev.codemode.runtime.discovery;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The distinct tokens of every indexed field, numbered, with a sorted table of their suffixes, so
 * that one search resolves each query token against all of them once instead of once per field.
 *
 * <p>For a query token t and a dictionary token c, the level is what the reference's per-field
 * rule would give if c were the field's only token: 4 when t equals c; 2 when one is a prefix of
 * the other; 1 when t occurs inside c; else 0. A field's points for t are the highest level among
 * its tokens. The substring case is exact: the reference asks whether t occurs in the field's
 * text, and since t is a run of {@code [a-z0-9]} and the field's tokens are the maximal such runs
 * of that text, t occurs in the text exactly when it occurs inside one of its tokens.
 *
 * <p>Immutable after construction.
 */
final class TokenDictionary {

  /** The levels a query token can have against a dictionary token. */
  static final byte EQUAL = 4;

  static final byte PREFIX = 2;
  static final byte INSIDE = 1;

  private final Map<String, Integer> ids;
  private final String[] tokens;
  /** Every suffix of every token as (token id, offset), sorted by the suffix's text. */
  private final int[] suffixTokens;

  private final int[] suffixOffsets;

  private TokenDictionary(Map<String, Integer> ids, String[] tokens) {
    this.ids = ids;
    this.tokens = tokens;
    int count = 0;
    for (String token : tokens) {
      count += token.length();
    }
    long[] packed = new long[count];
    int next = 0;
    for (int id = 0; id < tokens.length; id++) {
      for (int offset = 0; offset < tokens[id].length(); offset++) {
        packed[next++] = ((long) id << 32) | offset;
      }
    }
    Long[] order = new Long[count];
    for (int i = 0; i < count; i++) {
      order[i] = packed[i];
    }
    Arrays.sort(order, (a, b) -> compareSuffixes(a, b));
    suffixTokens = new int[count];
    suffixOffsets = new int[count];
    for (int i = 0; i < count; i++) {
      suffixTokens[i] = (int) (order[i] >>> 32);
      suffixOffsets[i] = (int) (order[i] & 0xffffffffL);
    }
  }

  /** Collects tokens, then {@link #build}s the dictionary. */
  static final class Builder {
    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> tokens = new ArrayList<>();

    /** The tokens' ids, adding the tokens not seen yet. */
    int[] add(List<String> fieldTokens) {
      int[] result = new int[fieldTokens.size()];
      for (int i = 0; i < result.length; i++) {
        String token = fieldTokens.get(i);
        Integer id = ids.get(token);
        if (id == null) {
          id = tokens.size();
          ids.put(token, id);
          tokens.add(token);
        }
        result[i] = id;
      }
      return result;
    }

    TokenDictionary build() {
      return new TokenDictionary(Map.copyOf(ids), tokens.toArray(String[]::new));
    }
  }

  /** How many distinct tokens there are. */
  int size() {
    return tokens.length;
  }

  /**
   * The tokens that {@code queryToken} has a level against, with those levels.
   *
   * @param ids the ids of those tokens, each once
   * @param levels {@code levels[i]} is the level against {@code ids[i]}: {@link #EQUAL}, {@link
   *     #PREFIX} or {@link #INSIDE}
   */
  record Matches(int[] ids, byte[] levels) {}

  /** The tokens {@code queryToken} equals, is a prefix of, has as a prefix, or occurs inside. */
  Matches matches(String queryToken) {
    // Each match packed as id × 8 + level, so that sorting groups the levels of one id.
    int[] packed = new int[8];
    int count = 0;
    // Tokens that are a prefix of the query token, or equal to it.
    for (int length = 1; length <= queryToken.length(); length++) {
      Integer id = ids.get(queryToken.substring(0, length));
      if (id != null) {
        if (count == packed.length) {
          packed = Arrays.copyOf(packed, count * 2);
        }
        packed[count++] = id * 8 + (length == queryToken.length() ? EQUAL : PREFIX);
      }
    }
    // Tokens that contain the query token: as their prefix, or further in.
    for (int i = firstSuffixAtLeast(queryToken); i < suffixTokens.length; i++) {
      String token = tokens[suffixTokens[i]];
      int offset = suffixOffsets[i];
      if (!token.startsWith(queryToken, offset)) {
        break;
      }
      if (count == packed.length) {
        packed = Arrays.copyOf(packed, count * 2);
      }
      byte level = offset > 0 ? INSIDE : token.length() == queryToken.length() ? EQUAL : PREFIX;
      packed[count++] = suffixTokens[i] * 8 + level;
    }
    Arrays.sort(packed, 0, count);
    int[] matchIds = new int[count];
    byte[] matchLevels = new byte[count];
    int distinct = 0;
    for (int i = 0; i < count; i++) {
      // The last entry of each id has its highest level.
      if (i + 1 < count && packed[i + 1] / 8 == packed[i] / 8) {
        continue;
      }
      matchIds[distinct] = packed[i] / 8;
      matchLevels[distinct++] = (byte) (packed[i] % 8);
    }
    return new Matches(
        Arrays.copyOf(matchIds, distinct), Arrays.copyOf(matchLevels, distinct));
  }

  /** The index of the first suffix that is not less than {@code text}. */
  private int firstSuffixAtLeast(String text) {
    int low = 0;
    int high = suffixTokens.length;
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (compare(tokens[suffixTokens[middle]], suffixOffsets[middle], text) < 0) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }

  private int compareSuffixes(long a, long b) {
    String first = tokens[(int) (a >>> 32)];
    int firstOffset = (int) (a & 0xffffffffL);
    String second = tokens[(int) (b >>> 32)];
    int secondOffset = (int) (b & 0xffffffffL);
    int length = Math.min(first.length() - firstOffset, second.length() - secondOffset);
    for (int i = 0; i < length; i++) {
      int difference = first.charAt(firstOffset + i) - second.charAt(secondOffset + i);
      if (difference != 0) {
        return difference;
      }
    }
    return (first.length() - firstOffset) - (second.length() - secondOffset);
  }

  /** Compares {@code token} from {@code offset} on with {@code text}, as {@link String#compareTo}. */
  private static int compare(String token, int offset, String text) {
    int length = Math.min(token.length() - offset, text.length());
    for (int i = 0; i < length; i++) {
      int difference = token.charAt(offset + i) - text.charAt(i);
      if (difference != 0) {
        return difference;
      }
    }
    return (token.length() - offset) - text.length();
  }
}
