package dev.codemode.runtime.discovery;

import dev.codemode.core.ConnectorDescriptor;
import dev.codemode.core.ToolDescriptor;
import dev.codemode.runtime.store.Snippet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import tools.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

/**
 * Ranked search over the tools of a runtime's connectors and its saved snippets: what model code
 * gets from {@code codemode.search(query)}.
 *
 * <p>The scoring is that of Cloudflare's {@code @cloudflare/codemode}, with one field added. Each
 * item has weighted text fields: path 12, tool (method) 10, connector 8, description 5, and
 * parameters 3 (the top-level property names of the tool's input schema; ours). Texts are
 * normalized (camelCase split, runs of {@code _ . / : -} as a space, lower case) and cut into
 * tokens of {@code [a-z0-9]}. Per field of weight w, for the normalized query q: the field equal to
 * q scores 14w, else starting with q 9w, else containing q 6w; then each query token scores 4w if
 * it equals a field token, else 2w if it is a prefix of a field token or one is a prefix of it,
 * else w if it occurs in the field text, and any of these counts the token as matched. An item
 * with no matched token is dropped; so is one whose coverage (matched tokens / query tokens) is
 * below 100% for a query of one or two tokens, or below 60% for longer queries, unless a field
 * contains the whole query. Bonuses: +25 at full coverage, else {@code round(coverage × 10)}; +8
 * when the first token of the path or of the tool is the first query token; +20 when the
 * normalized path or tool equals the normalized query. Results are ordered by score, best first,
 * ties by path.
 *
 * <p>Deliberate differences from the reference: query tokens are counted once each (the reference
 * counts a repeated token twice in the coverage's denominator but once in its numerator, so "user
 * by user id" could never reach full coverage); ties are broken by path in {@link String#compareTo}
 * order rather than by locale, then by kind; a query is cut to its first {@value #MAX_QUERY_LENGTH}
 * characters, so that code cannot make one search arbitrarily slow.
 *
 * <p>Immutable and thread-safe. Every field's text and tokens are computed once, here: the distinct
 * tokens of all fields go into a {@link TokenDictionary}, and each token lists the fields it occurs
 * in. A search resolves each query token against the dictionary once, then visits only the fields
 * that hold a matching token; the only string comparison per field is the phrase check, and only
 * for a field that holds every query token. The cost grows with the number of matching fields, not
 * with the size of the index.
 */
public final class SearchIndex {

  /** How many results {@link #search(String)} returns at most. */
  public static final int DEFAULT_LIMIT = 50;

  /** The largest limit {@link #search(String, int)} honours. */
  public static final int MAX_LIMIT = 200;

  /** Characters of a query that are read; the rest is ignored. */
  public static final int MAX_QUERY_LENGTH = 1_000;

  /** The fields of every item, in this order: path, tool, connector, description, parameters. */
  private static final int FIELDS = 5;

  private static final int PATH = 0;
  private static final int TOOL = 1;
  private static final int CONNECTOR = 2;
  private static final int DESCRIPTION = 3;
  private static final int PARAMETERS = 4;

  /** The weight of each field, by its position. */
  private static final int[] WEIGHTS = {12, 10, 8, 5, 3};

  private final List<Item> items;
  /** For each item, its position when all items are ordered by path, then kind: the tie-break. */
  private final int[] pathRank;
  /** The inverse of {@link #pathRank}. */
  private final int[] itemByRank;
  private final TokenDictionary dictionary;
  /**
   * For each token id, the fields it occurs in, each once and ascending, as slots: {@code item ×
   * FIELDS + field}.
   */
  private final int[][] postings;

  /**
   * Indexes every tool of {@code connectors} and every snippet.
   *
   * @throws IllegalArgumentException when two connectors or two snippets have the same name
   */
  public SearchIndex(List<ConnectorDescriptor> connectors, List<Snippet> snippets) {
    List<Item> indexed = new ArrayList<>();
    Set<String> connectorNames = new HashSet<>();
    for (ConnectorDescriptor connector : connectors) {
      if (!connectorNames.add(connector.name())) {
        throw new IllegalArgumentException("Two connectors are named " + connector.name());
      }
      for (ToolDescriptor tool : connector.tools()) {
        indexed.add(
            Item.of(
                connector.name() + "." + tool.name(),
                SearchHit.TOOL,
                connector.name(),
                tool.name(),
                tool.description(),
                tool.requiresApproval(),
                parameterNames(tool.inputSchema())));
      }
    }
    Set<String> snippetNames = new HashSet<>();
    for (Snippet snippet : snippets) {
      if (!snippetNames.add(snippet.name())) {
        throw new IllegalArgumentException("Two snippets are named " + snippet.name());
      }
      indexed.add(
          Item.of(
              snippet.name(),
              SearchHit.SNIPPET,
              SearchHit.SNIPPET,
              snippet.name(),
              snippet.description(),
              false,
              ""));
    }
    this.items = List.copyOf(indexed);
    Integer[] byPath = new Integer[items.size()];
    for (int i = 0; i < byPath.length; i++) {
      byPath[i] = i;
    }
    Arrays.sort(
        byPath,
        Comparator.comparing((Integer i) -> items.get(i).path())
            .thenComparing(i -> items.get(i).kind()));
    this.pathRank = new int[items.size()];
    this.itemByRank = new int[items.size()];
    for (int rank = 0; rank < byPath.length; rank++) {
      pathRank[byPath[rank]] = rank;
      itemByRank[rank] = byPath[rank];
    }

    TokenDictionary.Builder tokens = new TokenDictionary.Builder();
    List<IntList> slotsByToken = new ArrayList<>();
    for (int item = 0; item < items.size(); item++) {
      String[] texts = items.get(item).texts();
      for (int field = 0; field < FIELDS; field++) {
        int slot = item * FIELDS + field;
        for (int id : tokens.add(SearchText.tokens(texts[field]))) {
          while (slotsByToken.size() <= id) {
            slotsByToken.add(new IntList());
          }
          slotsByToken.get(id).addOnce(slot);
        }
      }
    }
    this.dictionary = tokens.build();
    this.postings = new int[slotsByToken.size()][];
    for (int id = 0; id < postings.length; id++) {
      postings[id] = slotsByToken.get(id).toArray();
    }
  }

  /** How many tools and snippets are indexed. */
  public int size() {
    return items.size();
  }

  /** The best {@value #DEFAULT_LIMIT} matches of {@code query}; see {@link #search(String, int)}. */
  public SearchResults search(String query) {
    return search(query, DEFAULT_LIMIT);
  }

  /**
   * The best matches of {@code query}, best first.
   *
   * @param query words of what the caller wants to do ({@code "create issue"}); a null, empty or
   *     blank query, or one without letters or digits, matches nothing
   * @param limit how many results to return at most; clamped to 1..{@value #MAX_LIMIT}
   */
  public SearchResults search(String query, int limit) {
    if (query == null) {
      return SearchResults.EMPTY;
    }
    String text =
        SearchText.normalize(
            query.length() > MAX_QUERY_LENGTH ? query.substring(0, MAX_QUERY_LENGTH) : query);
    List<String> tokens = List.copyOf(new LinkedHashSet<>(SearchText.tokens(text)));
    if (text.isEmpty() || tokens.isEmpty()) {
      return SearchResults.EMPTY;
    }
    Tally tally = tally(tokens);
    // Each match as one number that sorts best first: the score, high to low, then the path rank.
    long[] ranking = new long[tally.candidateCount];
    int total = 0;
    for (int i = 0; i < tally.candidateCount; i++) {
      int item = tally.candidates[i];
      int score = finalScore(items.get(item), item, text, tokens, tally);
      if (score >= 0) {
        tally.finalScores[item] = score;
        ranking[total++] = ((long) (Integer.MAX_VALUE - score) << 32) | pathRank[item];
      }
    }
    Arrays.sort(ranking, 0, total);
    int clamped = Math.max(1, Math.min(MAX_LIMIT, limit));
    List<SearchHit> results = new ArrayList<>(Math.min(clamped, total));
    for (int i = 0; i < Math.min(clamped, total); i++) {
      int item = itemByRank[(int) ranking[i]]; // the low half is the path rank
      results.add(items.get(item).hit(tally.finalScores[item]));
    }
    return new SearchResults(results, total, total > clamped);
  }

  /**
   * The token part of every field's score, summed per item: for each query token and each field
   * that holds a matching token, the best level (4 equal, 2 prefix, 1 inside) times the field's
   * weight.
   */
  private Tally tally(List<String> tokens) {
    Tally tally = new Tally(items.size());
    int[] best = new int[items.size() * FIELDS];
    int[] touched = new int[items.size() * FIELDS];
    for (int token = 0; token < tokens.size(); token++) {
      TokenDictionary.Matches matches = dictionary.matches(tokens.get(token));
      int touchedCount = 0;
      for (int m = 0; m < matches.ids().length; m++) {
        int level = matches.levels()[m];
        for (int slot : postings[matches.ids()[m]]) {
          if (best[slot] == 0) {
            touched[touchedCount++] = slot;
          }
          best[slot] = Math.max(best[slot], level);
        }
      }
      for (int t = 0; t < touchedCount; t++) {
        int slot = touched[t];
        int item = slot / FIELDS;
        tally.score[item] += best[slot] * WEIGHTS[slot % FIELDS];
        tally.fieldTokens[slot]++;
        if (tally.lastToken[item] != token + 1) {
          tally.lastToken[item] = token + 1;
          if (tally.matched[item]++ == 0) {
            tally.candidates[tally.candidateCount++] = item;
          }
        }
        best[slot] = 0;
      }
    }
    return tally;
  }

  /**
   * The item's score: its token points plus phrase bonuses and the item bonuses, or -1 when its
   * coverage is too low.
   */
  private static int finalScore(Item item, int index, String query, List<String> tokens, Tally tally) {
    int score = tally.score[index];
    boolean wholePhrase = false;
    String[] texts = item.texts();
    for (int field = 0; field < FIELDS; field++) {
      // A field that contains the query contains each of its tokens, so only a field in which
      // every token matched can earn a phrase bonus; the others are not compared.
      if (tally.fieldTokens[index * FIELDS + field] < tokens.size()) {
        continue;
      }
      String text = texts[field];
      int weight = WEIGHTS[field];
      if (text.equals(query)) {
        score += 14 * weight;
        wholePhrase = true;
      } else if (text.startsWith(query)) {
        score += 9 * weight;
        wholePhrase = true;
      } else if (text.contains(query)) {
        score += 6 * weight;
        wholePhrase = true;
      }
    }
    int matched = tally.matched[index];
    boolean full = matched == tokens.size();
    // At least 100% for one or two tokens, at least 60% (3/5) for more.
    boolean enough = full || (tokens.size() > 2 && matched * 5 >= tokens.size() * 3);
    if (!enough && !wholePhrase) {
      return -1;
    }
    score += full ? 25 : (int) Math.round((double) matched / tokens.size() * 10);
    String first = tokens.get(0);
    if (first.equals(item.firstPathToken()) || first.equals(item.firstToolToken())) {
      score += 8;
    }
    if (texts[PATH].equals(query) || texts[TOOL].equals(query)) {
      score += 20;
    }
    return score;
  }

  private static String parameterNames(JsonNode inputSchema) {
    JsonNode properties = inputSchema.isObject() ? inputSchema.get("properties") : null;
    if (properties == null || !properties.isObject()) {
      return "";
    }
    StringJoiner names = new StringJoiner(" ");
    for (Map.Entry<String, JsonNode> property : properties.properties()) {
      names.add(property.getKey());
    }
    return names.toString();
  }

  /** Per-search counts, by item index and by slot. */
  private static final class Tally {
    /** Token points so far. */
    final int[] score;
    /** How many distinct query tokens matched somewhere in the item. */
    final int[] matched;
    /** The last query token (from 1) counted in {@link #matched}. */
    final int[] lastToken;
    /** By slot: how many query tokens matched in that field. */
    final int[] fieldTokens;
    /** The items with at least one matched token, in the order they were first seen. */
    final int[] candidates;
    /** The whole score of each item that matched. */
    final int[] finalScores;

    int candidateCount;

    Tally(int items) {
      score = new int[items];
      matched = new int[items];
      lastToken = new int[items];
      fieldTokens = new int[items * FIELDS];
      candidates = new int[items];
      finalScores = new int[items];
    }
  }

  /** A growing list of ints that skips a value equal to the last one added. */
  private static final class IntList {
    private int[] values = new int[4];
    private int size;

    void addOnce(int value) {
      if (size > 0 && values[size - 1] == value) {
        return;
      }
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = value;
    }

    int[] toArray() {
      return Arrays.copyOf(values, size);
    }
  }

  /**
   * A tool or snippet with the normalized texts of its fields.
   *
   * @param texts the normalized text of each field, by position; empty when the field is (the
   *     reference skips empty fields, and an empty text has no tokens and contains no query)
   * @param firstPathToken the path's first token, or null when it has none
   * @param firstToolToken the tool name's first token, or null when it has none
   */
  private record Item(
      String path,
      String kind,
      String connector,
      String tool,
      String description,
      boolean requiresApproval,
      String[] texts,
      @Nullable String firstPathToken,
      @Nullable String firstToolToken) {

    static Item of(
        String path,
        String kind,
        String connector,
        String tool,
        String description,
        boolean requiresApproval,
        String parameters) {
      String[] texts = new String[FIELDS];
      texts[PATH] = SearchText.normalize(path);
      texts[TOOL] = SearchText.normalize(tool);
      texts[CONNECTOR] = SearchText.normalize(connector);
      texts[DESCRIPTION] = SearchText.normalize(description);
      texts[PARAMETERS] = SearchText.normalize(parameters);
      List<String> pathTokens = SearchText.tokens(texts[PATH]);
      List<String> toolTokens = SearchText.tokens(texts[TOOL]);
      return new Item(
          path,
          kind,
          connector,
          tool,
          description,
          requiresApproval,
          texts,
          pathTokens.isEmpty() ? null : pathTokens.get(0),
          toolTokens.isEmpty() ? null : toolTokens.get(0));
    }

    SearchHit hit(int score) {
      return new SearchHit(path, kind, connector, tool, description, requiresApproval, score);
    }
  }
}
