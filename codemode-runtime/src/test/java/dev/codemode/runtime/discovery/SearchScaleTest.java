package dev.codemode.runtime.discovery;

import static com.google.common.truth.Truth.assertThat;

import dev.codemode.core.ConnectorDescriptor;
import dev.codemode.core.ToolDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Search over 1,000 tools: 20 connectors of 50 tools each (10 verbs × 5 nouns), named in
 * snake_case or camelCase by connector, with near misses around every target (same verb, other
 * noun; same noun, other verb; the same words in another connector).
 */
class SearchScaleTest {

  /** A connector: name, what it is, camelCase or snake_case tool names, verbs and nouns. */
  private record Domain(String name, String what, boolean camel, List<String> verbs, List<String> nouns) {}

  private static final List<Domain> DOMAINS =
      List.of(
          domain("crm", "customer relationships", false,
              "create get list update delete merge assign export import tag",
              "contact company deal lead note"),
          domain("billing", "invoices and subscriptions", true,
              "create get list update delete refund send void finalize pay",
              "invoice subscription customer coupon credit_note"),
          domain("payments", "card payments", false,
              "create get list capture refund cancel dispute export verify retry",
              "charge payout transfer payment_method balance"),
          domain("github", "repositories on GitHub", true,
              "create get list update close merge comment label assign search",
              "issue pull_request release branch repository"),
          domain("slack", "the team chat", true,
              "send get list update delete pin react archive schedule search",
              "message channel reminder user file"),
          domain("email", "the user's mailbox", false,
              "send get list delete archive forward reply draft search label",
              "message thread attachment contact folder"),
          domain("calendar", "the user's calendar", false,
              "schedule reschedule cancel get list update invite decline accept search",
              "meeting event room availability attendee"),
          domain("drive", "files in the cloud drive", false,
              "upload download get list move copy delete share rename search",
              "file folder permission revision comment"),
          domain("storage", "object storage buckets", true,
              "upload download get list delete copy restore lock tag presign",
              "object bucket version policy lifecycle_rule"),
          domain("tasks", "the user's to-do list", true,
              "create get list update delete complete reopen assign move search",
              "task project label section reminder"),
          domain("hr", "people and time off", false,
              "create get list update approve reject terminate onboard export search",
              "employee time_off_request payroll_run department position"),
          domain("inventory", "stock in warehouses", true,
              "create get list update delete adjust reserve release count transfer",
              "product stock_level warehouse sku batch"),
          domain("shipping", "parcels and carriers", false,
              "create get list cancel track label quote schedule return void",
              "shipment parcel pickup carrier rate"),
          domain("analytics", "product analytics", true,
              "create get list update delete run export share schedule compare",
              "report dashboard funnel cohort metric"),
          domain("support", "the help desk", false,
              "create get list update close reopen assign escalate merge reply",
              "ticket conversation macro agent satisfaction_survey"),
          domain("marketing", "campaigns and audiences", true,
              "create get list update delete send schedule pause duplicate test",
              "campaign audience contact_list segment template"),
          domain("auth", "users and access", false,
              "create get list update delete disable enable reset revoke rotate",
              "user role api_key session password"),
          domain("notes", "the user's notes", true,
              "create get list update delete pin archive share search export",
              "note notebook tag attachment checklist"),
          domain("social", "social media accounts", false,
              "create get list update delete schedule publish boost like reply",
              "post comment story mention follower"),
          domain("weather", "forecasts and alerts", true,
              "get list subscribe unsubscribe compare search export forecast track explain",
              "forecast alert station radar_image air_quality"));

  private static final SearchIndex INDEX = new SearchIndex(catalog(), List.of());

  /** The 1,000 tools. */
  static List<ConnectorDescriptor> thousandTools() {
    return catalog();
  }

  private static Domain domain(
      String name, String what, boolean camel, String verbs, String nouns) {
    return new Domain(name, what, camel, List.of(verbs.split(" ")), List.of(nouns.split(" ")));
  }

  private static List<ConnectorDescriptor> catalog() {
    List<ConnectorDescriptor> connectors = new ArrayList<>();
    for (Domain domain : DOMAINS) {
      List<ToolDescriptor> tools = new ArrayList<>();
      for (String verb : domain.verbs()) {
        for (String noun : domain.nouns()) {
          String snake = verb + "_" + noun;
          String name = domain.camel() ? camel(snake) : snake;
          boolean plural = verb.equals("list") || verb.equals("search") || verb.equals("export");
          String words = noun.replace('_', ' ') + (plural ? "s" : "");
          String description =
              capitalize(verb) + (verb.endsWith("h") ? "es " : "s ") + (plural ? "" : "a ")
                  + words + " in " + domain.what() + ".";
          tools.add(Catalog.tool(name, description, camel(noun) + "Id", "limit"));
        }
      }
      connectors.add(new ConnectorDescriptor(domain.name(), "Works with " + domain.what() + ".", tools));
    }
    return connectors;
  }

  @Test
  void theCatalogHasAThousandTools() {
    assertThat(INDEX.size()).isEqualTo(1_000);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "create contact, crm.create_contact",
    "refund invoice, billing.refundInvoice",
    "refund a charge, payments.refund_charge",
    "send slack message, slack.sendMessage",
    "send email message, email.send_message",
    "schedule meeting, calendar.schedule_meeting",
    "reschedule meeting, calendar.reschedule_meeting",
    "list pull requests, github.listPullRequest",
    "merge pull request, github.mergePullRequest",
    "upload file, drive.upload_file",
    "upload object, storage.uploadObject",
    "complete task, tasks.completeTask",
    "approve time off request, hr.approve_time_off_request",
    "track shipment, shipping.track_shipment",
    "run report, analytics.runReport",
    "escalate ticket, support.escalate_ticket",
    "pause campaign, marketing.pauseCampaign",
    "rotate api key, auth.rotate_api_key",
    "weather forecast for station, weather.forecastStation",
    "get air quality, weather.getAirQuality",
    "adjustStockLevel, inventory.adjustStockLevel",
    "publish_post, social.publish_post",
    "crm.assign_lead, crm.assign_lead",
  })
  void theRightToolComesFirst(String query, String expected) {
    SearchResults results = INDEX.search(query);

    assertThat(results.results()).isNotEmpty();
    assertThat(results.results().get(0).path()).isEqualTo(expected);
  }

  @Test
  void nearMissesRankBelowTheTarget() {
    List<String> paths =
        INDEX.search("create contact").results().stream().map(SearchHit::path).toList();

    assertThat(paths.get(0)).isEqualTo("crm.create_contact");
    // the same words elsewhere are still found, lower
    assertThat(paths).contains("marketing.createContactList");
    assertThat(paths.indexOf("marketing.createContactList")).isGreaterThan(0);
  }

  /**
   * Like the reference, search knows no stop words: "to" is a token to match like any other. No
   * storage tool's description has "to", and every one ends "in object storage buckets", so
   * uploadBucket matches all four tokens and uploadObject three (75%, no full-coverage bonus).
   */
  @Test
  void stopWordsCountLikeOtherWords() {
    List<String> paths =
        INDEX.search("upload object to bucket").results().stream().map(SearchHit::path).toList();

    assertThat(paths.subList(0, 2))
        .containsExactly("storage.uploadBucket", "storage.uploadObject")
        .inOrder();
  }

  @Test
  void aSearchOverAThousandToolsTakesAFewHundredMicroseconds() {
    String[] queries = {
      "create contact", "refund invoice", "send slack message", "list pull requests",
      "approve time off request", "upload file", "weather forecast for station", "x"
    };
    for (int i = 0; i < 20_000; i++) {
      INDEX.search(queries[i % queries.length]);
    }
    int rounds = 20_000;
    long start = System.nanoTime();
    int found = 0;
    for (int i = 0; i < rounds; i++) {
      found += INDEX.search(queries[i % queries.length]).total();
    }
    double micros = (System.nanoTime() - start) / 1_000.0 / rounds;
    System.out.printf(
        Locale.ROOT, "SearchIndex: %.1f µs per search over %d tools (%d matches in all)%n",
        micros, INDEX.size(), found);
    assertThat(found).isGreaterThan(0);
  }

  private static String camel(String snake) {
    StringBuilder out = new StringBuilder();
    boolean upper = false;
    for (char c : snake.toCharArray()) {
      if (c == '_') {
        upper = true;
      } else {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return out.toString();
  }

  private static String capitalize(String word) {
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }
}
