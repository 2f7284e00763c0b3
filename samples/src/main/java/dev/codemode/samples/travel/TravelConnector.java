package dev.codemode.samples.travel;

import dev.codemode.annotations.Connector;
import dev.codemode.annotations.Replay;
import dev.codemode.annotations.Revert;
import dev.codemode.annotations.Tool;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A travel desk: search flights, book them for passengers, choose seats and cancel. Booking and
 * cancelling need the user's approval. Prices are in EUR.
 */
@Connector(name = "travel")
public class TravelConnector {

  private static final String[] CARRIERS = {"LH", "AF", "KL", "BA"};

  private final Map<String, FlightOffer> offers = new ConcurrentHashMap<>();
  private final Map<String, Booking> bookings = new ConcurrentHashMap<>();
  private final Clock clock;
  private final long searchDelayMillis;

  /** A travel desk with the system clock and a 50 ms search latency. */
  public TravelConnector() {
    this(Clock.systemUTC(), 50);
  }

  /** A travel desk with the given clock and search latency, for tests. */
  public TravelConnector(Clock clock, long searchDelayMillis) {
    this.clock = clock;
    this.searchDelayMillis = searchDelayMillis;
  }

  /**
   * Searches flights for one day. Results arrive after a short delay, like a real search.
   *
   * @param from IATA code of the departure airport, such as "FRA"
   * @param to IATA code of the arrival airport, such as "CDG"
   * @param date the day of departure
   * @param cabin the cabin; ECONOMY when left out
   * @param passengers how many people travel; 1 when left out
   * @return offers, cheapest first
   */
  @Tool
  public CompletionStage<List<FlightOffer>> searchFlights(
      @Pattern(regexp = "[A-Z]{3}") String from,
      @Pattern(regexp = "[A-Z]{3}") String to,
      LocalDate date,
      Optional<CabinClass> cabin,
      @Min(1) @Max(9) Optional<Integer> passengers) {
    CabinClass chosen = cabin.orElse(CabinClass.ECONOMY);
    int travellers = passengers.orElse(1);
    return CompletableFuture.supplyAsync(
        () -> offers(from, to, date, chosen, travellers),
        CompletableFuture.delayedExecutor(searchDelayMillis, TimeUnit.MILLISECONDS));
  }

  private List<FlightOffer> offers(
      String from, String to, LocalDate date, CabinClass cabin, int travellers) {
    List<FlightOffer> found = new ArrayList<>();
    int seed = nonNegativeHash(from + to + date);
    for (int i = 0; i < 3; i++) {
      String carrier = CARRIERS[(seed + i) % CARRIERS.length];
      OffsetDateTime departure =
          OffsetDateTime.of(date, LocalTime.of(7 + 4 * i, 15 * (seed % 4)), ZoneOffset.UTC);
      OffsetDateTime arrival = departure.plusMinutes(75 + 10L * (seed % 5));
      Segment segment =
          new Segment(carrier + (100 + (seed + 37 * i) % 900), from, to, departure, arrival);
      BigDecimal base = BigDecimal.valueOf(89 + (seed + 53L * i) % 120);
      BigDecimal factor =
          switch (cabin) {
            case ECONOMY -> BigDecimal.ONE;
            case PREMIUM_ECONOMY -> new BigDecimal("1.6");
            case BUSINESS -> new BigDecimal("3.1");
            case FIRST -> new BigDecimal("5.4");
          };
      BigDecimal price =
          base.multiply(factor)
              .multiply(BigDecimal.valueOf(travellers))
              .setScale(2, RoundingMode.HALF_UP);
      Map<String, String> rules = new LinkedHashMap<>();
      rules.put("refund", i == 0 ? "not refundable" : "refundable with a fee of 50 EUR");
      rules.put("change", "changes allowed until 24 hours before departure");
      String id = (from + to + date + cabin.name().charAt(0) + i).toLowerCase(Locale.ROOT);
      FlightOffer offer =
          new FlightOffer(
              id, List.of(segment), cabin, new Money(price, "EUR"), 9 - (seed + i) % 7, rules);
      offers.put(id, offer);
      found.add(offer);
    }
    found.sort((a, b) -> a.price().amount().compareTo(b.price().amount()));
    return found;
  }

  /**
   * Books an offer from a search for the given passengers. A person must approve each booking.
   *
   * @param offerId the offer's identifier from searchFlights
   * @param passengers who travels, as in their passports
   * @param payment how to pay
   * @param note a note for the agent
   * @return the confirmed booking
   */
  @Tool(requiresApproval = true)
  public Booking book(
      String offerId,
      @Size(min = 1, max = 9) List<Passenger> passengers,
      Payment payment,
      Optional<String> note) {
    FlightOffer offer = offers.get(offerId);
    if (offer == null) {
      throw new NoSuchElementException(
          "There is no offer " + offerId + "; search again, offers are kept for this session");
    }
    String reference = reference(offerId, passengers);
    Booking booking =
        new Booking(
            reference,
            offer,
            List.copyOf(passengers),
            Map.of(),
            payment,
            BookingStatus.CONFIRMED,
            clock.instant(),
            note.orElse(null));
    bookings.put(reference, booking);
    return booking;
  }

  /** Undoes {@link #book}: cancels the booking it made. */
  @Revert("book")
  public void cancelBooked(Booking result) {
    cancel(result.reference());
  }

  /**
   * Looks up a booking.
   *
   * @param reference the booking reference
   * @return the booking
   */
  @Tool
  public Booking booking(String reference) {
    return find(reference);
  }

  /**
   * Chooses seats for the passengers of a booking.
   *
   * @param reference the booking reference
   * @param seats seat per passenger, by last name, such as {"Doe": "12A"}
   * @return the booking with its seats
   */
  @Tool
  public Booking chooseSeats(String reference, Map<String, @Pattern(regexp = "[0-9]{1,2}[A-K]") String> seats) {
    Booking booking = find(reference);
    Map<String, String> chosen = new LinkedHashMap<>(booking.seats());
    for (Map.Entry<String, String> seat : seats.entrySet()) {
      boolean known =
          booking.passengers().stream().anyMatch(p -> p.lastName().equals(seat.getKey()));
      if (!known) {
        throw new IllegalArgumentException(
            "No passenger named " + seat.getKey() + " on booking " + reference);
      }
      chosen.put(seat.getKey(), seat.getValue());
    }
    Booking updated = booking.withSeats(Map.copyOf(chosen));
    bookings.put(reference, updated);
    return updated;
  }

  /**
   * Cancels a booking. A person must approve each cancellation.
   *
   * @param reference the booking reference
   * @return the cancelled booking
   */
  @Tool(requiresApproval = true)
  public Booking cancel(String reference) {
    Booking booking = find(reference);
    Booking cancelled = booking.withStatus(BookingStatus.CANCELLED);
    bookings.put(reference, cancelled);
    return cancelled;
  }

  /**
   * Today's exchange rates from one currency to the others. Always fresh: runs again when a paused
   * run resumes.
   *
   * @param base the ISO 4217 code to convert from
   * @return units of each currency for one unit of {@code base}
   */
  @Tool(replay = Replay.REEXECUTE)
  public Map<String, BigDecimal> exchangeRates(@Pattern(regexp = "[A-Z]{3}") String base) {
    Map<String, BigDecimal> perEuro =
        Map.of(
            "EUR", BigDecimal.ONE,
            "USD", new BigDecimal("1.08"),
            "GBP", new BigDecimal("0.85"),
            "CHF", new BigDecimal("0.96"));
    BigDecimal basePerEuro = perEuro.get(base);
    if (basePerEuro == null) {
      throw new IllegalArgumentException(
          "No rates for " + base + "; known currencies: EUR, USD, GBP, CHF");
    }
    Map<String, BigDecimal> rates = new java.util.TreeMap<>();
    perEuro.forEach(
        (code, rate) -> rates.put(code, rate.divide(basePerEuro, 4, RoundingMode.HALF_UP)));
    return rates;
  }

  private Booking find(String reference) {
    Booking booking = bookings.get(reference);
    if (booking == null) {
      throw new NoSuchElementException("There is no booking " + reference);
    }
    return booking;
  }

  /**
   * The absolute value of the text's hash code, 0 for the one hash code that has none ({@code
   * Integer.MIN_VALUE}), so that it can index arrays.
   */
  private static int nonNegativeHash(String text) {
    int hash = text.hashCode();
    return hash == Integer.MIN_VALUE ? 0 : Math.abs(hash);
  }

  private static String reference(String offerId, List<Passenger> passengers) {
    int hash = nonNegativeHash(offerId + passengers);
    StringBuilder out = new StringBuilder();
    String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    for (int i = 0; i < 6; i++) {
      out.append(alphabet.charAt(hash % alphabet.length()));
      hash /= alphabet.length();
    }
    return out.toString();
  }
}
