package dev.codemode.runtime.discovery;

import static com.google.common.truth.Truth.assertThat;
import static dev.codemode.runtime.discovery.Catalog.approvalTool;
import static dev.codemode.runtime.discovery.Catalog.connector;
import static dev.codemode.runtime.discovery.Catalog.snippet;
import static dev.codemode.runtime.discovery.Catalog.tool;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.codemode.core.ConnectorDescriptor;
import dev.codemode.core.ToolDescriptor;
import dev.codemode.runtime.store.Snippet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The scoring rules of {@link SearchIndex}, each checked with scores computed by hand from the
 * rules (see the class Javadoc): weights path 12, tool 10, connector 8, description 5, parameters
 * 3; phrase 14w/9w/6w; tokens 4w/2w/1w; coverage bonus 25 or round(coverage × 10); +8 first
 * token; +20 exact path or tool.
 */
class SearchIndexTest {

  private static final ConnectorDescriptor GITHUB =
      connector(
          "github",
          "GitHub repositories",
          approvalTool("create_issue", "Create a repository issue"),
          tool("list_issues", "List repository issues"));

  private static SearchIndex index(ConnectorDescriptor... connectors) {
    return new SearchIndex(List.of(connectors), List.of());
  }

  private static List<String> paths(SearchResults results) {
    return results.results().stream().map(SearchHit::path).toList();
  }

  /**
   * The reference's worked example. create_issue: path "github create issue" contains the phrase
   * (6 × 12 = 72) and both tokens (2 × 4 × 12 = 96) = 168; tool "create issue" equals it (14 × 10
   * = 140) plus 80 = 220; connector "github" 0; description both tokens 2 × 4 × 5 = 40; sum 428,
   * +25 full coverage, +8 first tool token, +20 tool equals query = 481. list_issues matches only
   * "issue" (a prefix of "issues"): 50% coverage of a two-token query, dropped. The tools have no
   * input properties, so the parameter field plays no part.
   */
  @Test
  void workedExampleScores481AndDropsTheHalfMatch() {
    SearchResults results = index(GITHUB).search("create issue");

    assertThat(results.results())
        .containsExactly(
            new SearchHit(
                "github.create_issue", "tool", "github", "create_issue",
                "Create a repository issue", true, 481));
    assertThat(results.total()).isEqualTo(1);
    assertThat(results.truncated()).isFalse();
  }

  /**
   * "issue": create_issue 72+48 + 60+40 + 30+20 = 270, +25 = 295; list_issues has "issue" only as
   * a prefix: 72+24 + 60+20 + 30+10 = 216, +25 = 241.
   */
  @Test
  void anExactTokenOutranksAPrefix() {
    SearchResults results = index(GITHUB).search("issue");

    assertThat(results.results().stream().map(hit -> hit.path() + "=" + hit.score()).toList())
        .containsExactly("github.create_issue=295", "github.list_issues=241")
        .inOrder();
  }

  /**
   * billing.refundInvoice for "refund invoice": path "billing refund invoice" 72+96 = 168; tool
   * "refund invoice" 140+80 = 220; description "refunds an invoice" 10+20 = 30; 418 +25 +8 +20 =
   * 471, however the query is spelt.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {"refund invoice", "refundInvoice", "refund_invoice", "REFUND-INVOICE",
          "  refund.invoice  ", "refund/invoice", "refund::invoice"})
  void camelCaseSnakeCaseAndSeparatorsAreWordBoundaries(String query) {
    SearchIndex index =
        index(
            connector(
                "billing", "", tool("refundInvoice", "Refunds an invoice."),
                tool("sendInvoice", "Sends an invoice.")));

    SearchResults results = index.search(query);

    assertThat(results.results().get(0).path()).isEqualTo("billing.refundInvoice");
    assertThat(results.results().get(0).score()).isEqualTo(471);
    assertThat(results.total()).isEqualTo(1);
  }

  @Test
  void snakeCaseToolsAreFoundByCamelCaseQueries() {
    SearchIndex index = index(connector("crm", "", tool("create_contact", "Creates a contact.")));

    assertThat(index.search("createContact").results().get(0).score())
        .isEqualTo(index.search("create contact").results().get(0).score());
  }

  @Test
  void normalizationSplitsAndLowerCases() {
    assertThat(SearchText.normalize("getHTTPResponse")).isEqualTo("get httpresponse");
    assertThat(SearchText.normalize("v2Api")).isEqualTo("v2 api");
    assertThat(SearchText.normalize("crm.create_contact")).isEqualTo("crm create contact");
    assertThat(SearchText.normalize("a__b..c//d::e--f")).isEqualTo("a b c d e f");
    assertThat(SearchText.normalize("_Lead_")).isEqualTo("lead");
    assertThat(SearchText.tokens(SearchText.normalize("What's new, GitHub?")))
        .containsExactly("what", "s", "new", "git", "hub")
        .inOrder();
    assertThat(SearchText.tokens("  ")).isEmpty();
  }

  /**
   * Only the description ("zz.<name>" shares nothing with the query): equal 14 × 5 = 70, starts
   * with 9 × 5 = 45, contains 6 × 5 = 30, no phrase 0; plus two exact tokens 40 and 25.
   */
  @Test
  void phraseBonusesForEqualStartsWithAndContains() {
    SearchIndex index =
        index(
            connector(
                "zz", "",
                tool("delta", "Send an email"),
                tool("charlie", "Quickly send email"),
                tool("bravo", "Send email to a customer"),
                tool("alpha", "Send email")));

    SearchResults results = index.search("send email");

    assertThat(results.results().stream().map(hit -> hit.tool() + "=" + hit.score()).toList())
        .containsExactly("alpha=135", "bravo=110", "charlie=95", "delta=65")
        .inOrder();
  }

  /** Description "invoice totals", weight 5; no phrase; each line's two tokens score alike. */
  @Test
  void tokensScoreByExactPrefixOrSubstring() {
    SearchIndex index = index(connector("zz", "", tool("echo", "invoice totals")));

    // a query token is a prefix of a field token: 2 × 5 each
    assertThat(index.search("inv total").results().get(0).score()).isEqualTo(10 + 10 + 25);
    // a field token is a prefix of a query token
    SearchIndex longer = index(connector("zz", "", tool("echo", "invoice total")));
    assertThat(longer.search("invoices totals").results().get(0).score()).isEqualTo(10 + 10 + 25);
    // a query token occurs inside the field text: 1 × 5 each
    assertThat(index.search("voice otal").results().get(0).score()).isEqualTo(5 + 5 + 25);
  }

  /** One or two tokens: every token must match. */
  @Test
  void twoTokenQueriesNeedFullCoverage() {
    SearchIndex index =
        index(
            connector(
                "shop", "",
                tool("addToCart", "Adds an item to the cart."),
                tool("checkoutCart", "Pays for what is in the cart.")));

    assertThat(paths(index.search("cart checkout"))).containsExactly("shop.checkoutCart");
    assertThat(paths(index.search("cart"))).hasSize(2);
  }

  /**
   * Three tokens or more: 60% is enough. "add item cart" against addCoupon matches add and cart,
   * 2/3: path add 48, tool add 40, description "adds a coupon to the cart" add prefix 10 + cart
   * 20; 118 + round(6.67) = 7, + 8 first tool token = 133.
   */
  @Test
  void longerQueriesNeedSixtyPercent() {
    SearchIndex index =
        index(
            connector(
                "shop", "",
                tool("addToCart", "Adds an item to the cart."),
                tool("addCoupon", "Adds a coupon to the cart"),
                tool("removeItem", "Removes an item.")));

    SearchResults three = index.search("add item cart");
    assertThat(paths(three)).containsExactly("shop.addToCart", "shop.addCoupon").inOrder();
    assertThat(three.results().get(1).score()).isEqualTo(133);

    // 3 of 5 tokens (add, coupon, to) is exactly 60%: kept
    assertThat(paths(index.search("add coupon code to basket"))).contains("shop.addCoupon");
    // 2 of 4 is 50%: dropped
    assertThat(paths(index.search("add coupon gift basket"))).doesNotContain("shop.addCoupon");
  }

  @Test
  void tiesGoByPathAscending() {
    SearchIndex index =
        index(
            connector("beta", "", tool("ping", "Checks the service.")),
            connector("alpha", "", tool("ping", "Checks the service.")));

    SearchResults results = index.search("ping");

    assertThat(paths(results)).containsExactly("alpha.ping", "beta.ping").inOrder();
    assertThat(results.results().get(0).score()).isEqualTo(results.results().get(1).score());
  }

  @Test
  void resultsAreCutAtTheLimitAndSaySo() {
    SearchIndex index = index(bulk(250));

    SearchResults byDefault = index.search("report");
    assertThat(byDefault.results()).hasSize(SearchIndex.DEFAULT_LIMIT);
    assertThat(byDefault.total()).isEqualTo(250);
    assertThat(byDefault.truncated()).isTrue();
    // equal scores: path order, as text
    assertThat(paths(byDefault).subList(0, 4))
        .containsExactly("bulk.report0", "bulk.report1", "bulk.report10", "bulk.report100")
        .inOrder();

    assertThat(index.search("report", 10).results()).hasSize(10);
    assertThat(index.search("report", 0).results()).hasSize(1);
    assertThat(index.search("report", -3).results()).hasSize(1);
    assertThat(index.search("report", 1_000).results()).hasSize(SearchIndex.MAX_LIMIT);
    assertThat(index.search("report", 1_000).truncated()).isTrue();

    SearchResults all = index(bulk(60)).search("report", 60);
    assertThat(all.results()).hasSize(60);
    assertThat(all.truncated()).isFalse();
  }

  @Test
  void snippetsAreSearchedToo() {
    Snippet weekly = snippet("weekly_report", "Summarizes the week's closed tasks", "async () => 1");
    SearchIndex index =
        new SearchIndex(
            List.of(connector("tasks", "", tool("list", "Lists tasks."))),
            List.of(weekly, snippet("cleanup", "Deletes old drafts", "async () => 2")));

    SearchHit hit = index.search("weekly report").results().get(0);
    assertThat(hit)
        .isEqualTo(
            new SearchHit(
                "weekly_report", "snippet", "snippet", "weekly_report",
                "Summarizes the week's closed tasks", false, hit.score()));
    assertThat(paths(index.search("closed tasks"))).contains("weekly_report");
    // the connector field of every snippet is "snippet"
    assertThat(paths(index.search("snippet"))).containsExactly("cleanup", "weekly_report");
    assertThat(index.size()).isEqualTo(3);
  }

  /**
   * Only the parameter field (weight 3) matches: "customer email limit" starts with the query, 9 ×
   * 3 = 27, two exact tokens 24, +25 = 76.
   */
  @Test
  void inputPropertyNamesAreSearched() {
    SearchIndex index =
        index(
            connector(
                "crm", "",
                tool("lookup", "Finds a record.", "customerEmail", "limit"),
                tool("lookupCompany", "Finds a company.", "domain")));

    SearchResults results = index.search("customer email");

    assertThat(results.results().stream().map(hit -> hit.path() + "=" + hit.score()).toList())
        .containsExactly("crm.lookup=76");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "...", "-_-", "!?"})
  void emptyQueriesFindNothing(String query) {
    assertThat(index(GITHUB).search(query)).isEqualTo(SearchResults.EMPTY);
  }

  @Test
  void nullQueryFindsNothing() {
    assertThat(index(GITHUB).search(null)).isEqualTo(SearchResults.EMPTY);
  }

  /**
   * Deliberately unlike the reference, a repeated token counts once: the reference would score
   * "issue issue" at 50% coverage and drop everything.
   */
  @Test
  void repeatedQueryTokensCountOnce() {
    SearchResults results = index(GITHUB).search("issue issue");

    assertThat(results.results().stream().map(hit -> hit.path() + "=" + hit.score()).toList())
        .containsExactly("github.create_issue=133", "github.list_issues=79")
        .inOrder();
  }

  @Test
  void aHugeQueryIsReadOnlyInPart() {
    String query = "create issue" + " x".repeat(100_000);

    assertThat(paths(index(GITHUB).search(query))).containsExactly("github.create_issue");
  }

  @Test
  void namesMustBeDistinct() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new SearchIndex(List.of(GITHUB, GITHUB), List.of()));
    Snippet one = snippet("s", "", "1");
    assertThrows(
        IllegalArgumentException.class, () -> new SearchIndex(List.of(), List.of(one, one)));
  }

  private static ConnectorDescriptor bulk(int count) {
    List<ToolDescriptor> tools = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      tools.add(tool("report" + i, "Builds report number " + i + "."));
    }
    return new ConnectorDescriptor("bulk", "", tools);
  }
}
