package dev.codemode.runtime.discovery;

import dev.codemode.core.ConnectorDescriptor;
import dev.codemode.core.ToolDescriptor;
import dev.codemode.runtime.store.Snippet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The search of {@code @cloudflare/codemode} ({@code searchConnectors}) ported line by line, slow
 * and plain, to check {@link SearchIndex} against: every item and field visited, every token
 * compared as a string. It has the extensions and deliberate differences of {@link SearchIndex}
 * (the parameter field, distinct query tokens, ties by path then kind, the query cut) and nothing
 * else.
 */
final class ReferenceSearch {

  private record Item(
      String path, String kind, String connector, String method, String description,
      boolean requiresApproval, String parameters, List<PreparedField> prepared) {

    Item(
        String path, String kind, String connector, String method, String description,
        boolean requiresApproval, String parameters) {
      // The reference prepares the fields on every search; they do not depend on the query, so
      // they are prepared once here, in the reference's field order.
      this(path, kind, connector, method, description, requiresApproval, parameters,
          List.of(
              prepareField(path), prepareField(connector), prepareField(method),
              prepareField(description), prepareField(parameters)));
    }
  }

  private record PreparedField(String raw, List<String> tokens) {}

  private static PreparedField prepareField(String value) {
    return new PreparedField(normalizeSearchText(value), tokenize(value));
  }

  private record FieldScore(int score, Set<String> matchedTokens, boolean exactPhrase) {}

  private final List<Item> items = new ArrayList<>();

  ReferenceSearch(List<ConnectorDescriptor> connectors, List<Snippet> snippets) {
    for (ConnectorDescriptor connector : connectors) {
      for (ToolDescriptor tool : connector.tools()) {
        items.add(
            new Item(
                connector.name() + "." + tool.name(), "tool", connector.name(), tool.name(),
                tool.description(), tool.requiresApproval(), parameters(tool.inputSchema())));
      }
    }
    for (Snippet snippet : snippets) {
      items.add(
          new Item(
              snippet.name(), "snippet", "snippet", snippet.name(), snippet.description(), false,
              ""));
    }
  }

  /** Every match of {@code query}, best first. */
  List<SearchHit> rank(String query) {
    String cut = query.length() > SearchIndex.MAX_QUERY_LENGTH
        ? query.substring(0, SearchIndex.MAX_QUERY_LENGTH)
        : query;
    // The reference normalizes the query for every item; once per search gives the same.
    String normalizedQuery = normalizeSearchText(cut);
    // Deliberate difference: each token once.
    List<String> queryTokens = List.copyOf(new LinkedHashSet<>(tokenize(cut)));
    List<SearchHit> ranked = new ArrayList<>();
    for (Item item : items) {
      SearchHit hit = scoreMatch(item, normalizedQuery, queryTokens);
      if (hit != null) {
        ranked.add(hit);
      }
    }
    ranked.sort(
        Comparator.comparingInt(SearchHit::score).reversed()
            .thenComparing(SearchHit::path)
            .thenComparing(SearchHit::kind));
    return ranked;
  }

  /** The first {@code limit} (clamped as {@link SearchIndex} does) of {@code ranked}. */
  static SearchResults limit(List<SearchHit> ranked, int limit) {
    int clamped = Math.max(1, Math.min(SearchIndex.MAX_LIMIT, limit));
    return new SearchResults(
        ranked.subList(0, Math.min(clamped, ranked.size())), ranked.size(),
        ranked.size() > clamped);
  }

  private static final Pattern CAMEL = Pattern.compile("([a-z0-9])([A-Z])");
  private static final Pattern SEPARATORS = Pattern.compile("[_./:-]+");
  private static final Pattern NON_TOKEN = Pattern.compile("[^a-z0-9]+");

  private static String normalizeSearchText(String value) {
    String split = CAMEL.matcher(value).replaceAll("$1 $2");
    return SEPARATORS.matcher(split).replaceAll(" ")
        .toLowerCase(java.util.Locale.ROOT)
        .strip();
  }

  private static List<String> tokenize(String value) {
    List<String> tokens = new ArrayList<>();
    for (String token : NON_TOKEN.split(normalizeSearchText(value))) {
      if (!token.isEmpty()) {
        tokens.add(token);
      }
    }
    return tokens;
  }

  private static FieldScore scoreField(
      String query, List<String> queryTokens, PreparedField field, int weight) {
    String raw = field.raw();
    List<String> tokens = field.tokens();
    if (raw.isEmpty()) {
      return new FieldScore(0, Set.of(), false);
    }
    int score = 0;
    Set<String> matchedTokens = new HashSet<>();
    boolean exactPhrase = !query.isEmpty() && raw.contains(query);
    if (!query.isEmpty()) {
      if (raw.equals(query)) {
        score += weight * 14;
      } else if (raw.startsWith(query)) {
        score += weight * 9;
      } else if (exactPhrase) {
        score += weight * 6;
      }
    }
    for (String token : queryTokens) {
      if (tokens.contains(token)) {
        score += weight * 4;
        matchedTokens.add(token);
      } else if (anyPrefix(tokens, token)) {
        score += weight * 2;
        matchedTokens.add(token);
      } else if (raw.contains(token)) {
        score += weight;
        matchedTokens.add(token);
      }
    }
    return new FieldScore(score, matchedTokens, exactPhrase);
  }

  /** {@code fieldTokens.some((c) => c.startsWith(token) || token.startsWith(c))}. */
  private static boolean anyPrefix(List<String> fieldTokens, String token) {
    for (String c : fieldTokens) {
      if (c.startsWith(token) || token.startsWith(c)) {
        return true;
      }
    }
    return false;
  }

  private static SearchHit scoreMatch(
      Item item, String normalizedQuery, List<String> queryTokens) {
    if (normalizedQuery.isEmpty() || queryTokens.isEmpty()) {
      return null;
    }
    List<FieldScore> fields =
        List.of(
            scoreField(normalizedQuery, queryTokens, item.prepared().get(0), 12),
            scoreField(normalizedQuery, queryTokens, item.prepared().get(1), 8),
            scoreField(normalizedQuery, queryTokens, item.prepared().get(2), 10),
            scoreField(normalizedQuery, queryTokens, item.prepared().get(3), 5),
            scoreField(normalizedQuery, queryTokens, item.prepared().get(4), 3));
    Set<String> matchedTokens = new HashSet<>();
    int score = 0;
    boolean exactPhrase = false;
    for (FieldScore field : fields) {
      score += field.score();
      exactPhrase |= field.exactPhrase();
      matchedTokens.addAll(field.matchedTokens());
    }
    if (matchedTokens.isEmpty()) {
      return null;
    }
    double coverage = (double) matchedTokens.size() / queryTokens.size();
    double minimumCoverage = queryTokens.size() <= 2 ? 1 : 0.6;
    if (coverage < minimumCoverage && !exactPhrase) {
      return null;
    }
    if (coverage == 1) {
      score += 25;
    } else {
      score += (int) Math.round(coverage * 10);
    }
    List<String> pathTokens = item.prepared().get(0).tokens();
    List<String> methodTokens = item.prepared().get(2).tokens();
    String first = queryTokens.get(0);
    if ((!pathTokens.isEmpty() && pathTokens.get(0).equals(first))
        || (!methodTokens.isEmpty() && methodTokens.get(0).equals(first))) {
      score += 8;
    }
    if (item.prepared().get(0).raw().equals(normalizedQuery)
        || item.prepared().get(2).raw().equals(normalizedQuery)) {
      score += 20;
    }
    return new SearchHit(
        item.path(), item.kind(), item.connector(), item.method(), item.description(),
        item.requiresApproval(), score);
  }

  private static String parameters(JsonNode schema) {
    JsonNode properties = schema.isObject() ? schema.get("properties") : null;
    if (properties == null || !properties.isObject()) {
      return "";
    }
    List<String> names = new ArrayList<>();
    for (Map.Entry<String, JsonNode> property : properties.properties()) {
      names.add(property.getKey());
    }
    return String.join(" ", names);
  }
}
