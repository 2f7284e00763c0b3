package dev.codemode.samples.travel;

/** Where a booking stands. */
public enum BookingStatus {
  CONFIRMED,
  CANCELLED
}
