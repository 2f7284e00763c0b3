package dev.codemode.samples.travel;

import java.util.List;
import java.util.Map;

/**
 * A flight that can be booked.
 *
 * @param id the offer's identifier, used to book it
 * @param segments the flights, in order
 * @param cabin the cabin
 * @param price the price for all passengers
 * @param seatsLeft how many seats are left at this price
 * @param fareRules conditions of the fare by topic, such as "refund" or "change"
 */
public record FlightOffer(
    String id,
    List<Segment> segments,
    CabinClass cabin,
    Money price,
    int seatsLeft,
    Map<String, String> fareRules) {}
