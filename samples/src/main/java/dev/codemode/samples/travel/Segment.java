package dev.codemode.samples.travel;

import java.time.OffsetDateTime;

/**
 * One flight of a journey.
 *
 * @param flightNumber the carrier's flight number
 * @param from IATA code of the departure airport
 * @param to IATA code of the arrival airport
 * @param departure local departure time with offset
 * @param arrival local arrival time with offset
 */
public record Segment(
    String flightNumber, String from, String to, OffsetDateTime departure, OffsetDateTime arrival) {}
