package dev.codemode.samples;

import static com.google.common.truth.Truth.assertThat;
import static dev.codemode.samples.ToolCalls.json;

import dev.codemode.samples.travel.TravelConnector;
import dev.codemode.samples.travel.TravelConnector_Codemode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The travel sample, driven through its generated dispatch table with JSON. */
class TravelConnectorTest {

  private final TravelConnector connector =
      new TravelConnector(Clock.fixed(Instant.parse("2026-11-21T09:00:00Z"), ZoneOffset.UTC), 100);
  private final TravelConnector_Codemode definition = new TravelConnector_Codemode();
  private final ToolCalls<TravelConnector> travel = new ToolCalls<>(definition, connector);

  private static final String SEARCH =
      "{'from':'FRA','to':'CDG','date':'2026-12-01','cabin':'BUSINESS','passengers':2}";
  private static final String PASSENGERS =
      "[{'firstName':'Ann','lastName':'Lee','birthDate':'1990-04-01','loyaltyNumber':'LH123'},"
          + "{'firstName':'Bo','lastName':'Lee','birthDate':'1992-06-30'}]";

  @Test
  void searchIsAsynchronousAndReturnsOffersCheapestFirst() throws Exception {
    CompletableFuture<JsonNode> pending =
        definition.invoke(connector, "searchFlights", json(SEARCH)).toCompletableFuture();
    assertThat(pending.isDone()).isFalse();
    JsonNode offers = pending.get(10, TimeUnit.SECONDS);
    assertThat(offers.size()).isEqualTo(3);
    double previous = 0;
    for (JsonNode offer : offers) {
      double price = offer.at("/price/amount").asDouble();
      assertThat(price).isAtLeast(previous);
      previous = price;
      assertThat(offer.get("cabin").asString()).isEqualTo("BUSINESS");
      assertThat(offer.at("/price/currency").asString()).isEqualTo("EUR");
    }
    travel.call("searchFlights", SEARCH); // the same search, with its output checked against the schema
  }

  @Test
  void bookChooseSeatsAndCancelByRevert() {
    String offerId = travel.call("searchFlights", SEARCH).get(0).get("id").asString();
    String bookInput =
        "{'offerId':'" + offerId + "','passengers':" + PASSENGERS
            + ",'payment':{'method':'card','cardId':'card-1'},'note':'window please'}";
    JsonNode booking = travel.call("book", bookInput);
    assertThat(booking.get("status").asString()).isEqualTo("CONFIRMED");
    assertThat(booking.get("payment")).isEqualTo(json("{'method':'card','cardId':'card-1'}"));
    String reference = booking.get("reference").asString();
    JsonNode seated =
        travel.call("chooseSeats", "{'reference':'" + reference + "','seats':{'Lee':'12A'}}");
    assertThat(seated.get("seats")).isEqualTo(json("{'Lee':'12A'}"));
    travel.revert("book", bookInput, booking);
    assertThat(travel.call("booking", "{'reference':'" + reference + "'}").get("status").asString())
        .isEqualTo("CANCELLED");
  }

  @Test
  void payingByVoucherUsesTheOtherSubtype() {
    String offerId = travel.call("searchFlights", SEARCH).get(1).get("id").asString();
    JsonNode booking =
        travel.call(
            "book",
            "{'offerId':'" + offerId + "','passengers':" + PASSENGERS
                + ",'payment':{'method':'voucher','code':'AB12CD34'}}");
    assertThat(booking.at("/payment/method").asString()).isEqualTo("voucher");
    assertThat(booking.get("note").isNull()).isTrue();
  }

  @Test
  void unknownPaymentMethodIsRejected() {
    Throwable failure =
        travel.fail(
            "book",
            "{'offerId':'x','passengers':" + PASSENGERS + ",'payment':{'method':'cash'}}");
    assertThat(failure)
        .hasMessageThat()
        .isEqualTo(
            "travel.book: property \"payment\" names the unknown type \"cash\"; the known types"
                + " are \"card\", \"voucher\"");
  }

  @Test
  void paymentWithoutItsMethodSaysSo() {
    Throwable failure =
        travel.fail(
            "book", "{'offerId':'x','passengers':" + PASSENGERS + ",'payment':{'cardId':'c'}}");
    assertThat(failure)
        .hasMessageThat()
        .startsWith("travel.book: property \"payment\" lacks the property that names its type");
  }

  @Test
  void exchangeRatesAreExact() {
    JsonNode rates = travel.call("exchangeRates", "{'base':'EUR'}");
    assertThat(rates.get("USD").decimalValue()).isEqualTo(new java.math.BigDecimal("1.0800"));
    assertThat(travel.fail("exchangeRates", "{'base':'XXX'}"))
        .hasMessageThat()
        .isEqualTo("No rates for XXX; known currencies: EUR, USD, GBP, CHF");
  }

  @Test
  void bookingAnUnknownOfferSaysWhatToDo() {
    Throwable failure =
        travel.fail(
            "book",
            "{'offerId':'nope','passengers':" + PASSENGERS
                + ",'payment':{'method':'card','cardId':'c'}}");
    assertThat(failure).isInstanceOf(NoSuchElementException.class);
    assertThat(failure).hasMessageThat().contains("search again");
  }
}
