package dev.codemode.runtime.discovery;

import static com.google.common.truth.Truth.assertWithMessage;

import dev.codemode.core.ConnectorDescriptor;
import dev.codemode.runtime.store.Snippet;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link SearchIndex} (token dictionary, postings, phrase check only where every token matched)
 * gives exactly what a plain port of the reference algorithm ({@link ReferenceSearch}) gives: the
 * same hits, scores, order, total and truncation, for 600 queries over the 1,000-tool
 * catalog and a few snippets.
 */
class SearchEquivalenceTest {

  private static final List<ConnectorDescriptor> CONNECTORS = SearchScaleTest.thousandTools();
  private static final List<Snippet> SNIPPETS =
      List.of(
          Catalog.snippet("weekly_report", "Summarizes the week's closed tasks.", "1"),
          Catalog.snippet("sync.contacts", "Copies CRM contacts to the mailing list.", "2"),
          Catalog.snippet("crm.create_contact", "Same path as a tool, other kind.", "3"));

  @Test
  void sameResultsAsThePlainPortForManyQueries() {
    SearchIndex index = new SearchIndex(CONNECTORS, SNIPPETS);
    ReferenceSearch reference = new ReferenceSearch(CONNECTORS, SNIPPETS);
    int compared = 0;
    for (String query : queries()) {
      List<SearchHit> expected = reference.rank(query);
      for (int limit : new int[] {SearchIndex.DEFAULT_LIMIT, 3}) {
        assertWithMessage("query \"%s\", limit %s", query, limit)
            .that(index.search(query, limit))
            .isEqualTo(ReferenceSearch.limit(expected, limit));
      }
      compared++;
    }
    assertWithMessage("queries compared").that(compared).isAtLeast(600);
  }

  /** Words of the catalog, their prefixes and inner parts, joined in odd ways, plus noise. */
  private static Set<String> queries() {
    List<String> words = new ArrayList<>();
    for (ConnectorDescriptor connector : CONNECTORS) {
      words.add(connector.name());
      connector.tools().forEach(tool -> words.add(tool.name()));
    }
    words.addAll(
        List.of("a", "in", "to", "the", "invoice", "invoices", "voice", "x", "zz", "2", "e-mail",
            "time off", "TimeOff", "API_KEY", "weekly", "contacts", "kind", "limit", "Id",
            "customerId", "crm.create_contact", "sync", "report", "closed tasks"));
    Random random = new Random(42);
    Set<String> queries = new LinkedHashSet<>(words.subList(0, 150));
    String[] joiners = {" ", "_", ".", "-", "/", "::", "  ", ", ", " a ", " for "};
    while (queries.size() < 600) {
      int count = 1 + random.nextInt(4);
      StringBuilder query = new StringBuilder();
      for (int i = 0; i < count; i++) {
        if (i > 0) {
          query.append(joiners[random.nextInt(joiners.length)]);
        }
        query.append(variant(words.get(random.nextInt(words.size())), random));
      }
      queries.add(query.toString());
    }
    queries.addAll(List.of("", " ", "...", "create create contact", "CREATE CONTACT", "x".repeat(2_000)));
    return queries;
  }

  private static String variant(String word, Random random) {
    switch (random.nextInt(6)) {
      case 0:
        return word.substring(0, 1 + random.nextInt(word.length()));
      case 1:
        return word.substring(random.nextInt(word.length()));
      case 2:
        return word.toUpperCase(java.util.Locale.ROOT);
      default:
        return word;
    }
  }
}
