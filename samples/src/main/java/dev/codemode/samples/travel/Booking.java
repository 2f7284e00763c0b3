package dev.codemode.samples.travel;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A booked trip.
 *
 * @param reference the booking reference (record locator)
 * @param offer the booked offer
 * @param passengers who travels
 * @param seats seat per passenger, by last name; empty until seats are chosen
 * @param payment how it was paid
 * @param status where the booking stands
 * @param bookedAt when it was booked
 * @param note a note for the agent
 */
public record Booking(
    String reference,
    FlightOffer offer,
    List<Passenger> passengers,
    Map<String, String> seats,
    Payment payment,
    BookingStatus status,
    Instant bookedAt,
    @Nullable String note) {

  /** This booking with other seats. */
  Booking withSeats(Map<String, String> newSeats) {
    return new Booking(reference, offer, passengers, newSeats, payment, status, bookedAt, note);
  }

  /** This booking with another status. */
  Booking withStatus(BookingStatus newStatus) {
    return new Booking(reference, offer, passengers, seats, payment, newStatus, bookedAt, note);
  }
}
