/**
 * The travel desk sample: {@link dev.codemode.samples.travel.TravelConnector}, a {@code
 * @Connector} with asynchronous flight searches and bookings over nested records.
 */
@NullMarked
package dev.codemode.samples.travel;

import org.jspecify.annotations.NullMarked;
