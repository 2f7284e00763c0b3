package dev.codemode.runtime.discovery;

import java.util.List;

/**
 * What {@link SearchIndex#search} found.
 *
 * @param results the best matches, best first, at most the limit asked for
 * @param total how many items matched in all
 * @param truncated whether {@code total} is more than the limit, so that some matches are not in
 *     {@code results}
 */
public record SearchResults(List<SearchHit> results, int total, boolean truncated) {

  /** No match. */
  public static final SearchResults EMPTY = new SearchResults(List.of(), 0, false);

  /** Copies {@code results}. */
  public SearchResults {
    results = List.copyOf(results);
  }
}
