package dev.codemode.samples.petstore;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The spec's {@code Order} schema. {@code shipDate} is kept as the ISO-8601 date-time text the
 * client sent, so it comes back exactly as written; {@code status} is one of {@link #STATUSES}.
 */
public record Order(
    @Nullable Long id,
    @Nullable Long petId,
    @Nullable Integer quantity,
    @Nullable String shipDate,
    @Nullable String status,
    @Nullable Boolean complete) {

  /** The values the spec allows for {@code status}, in the spec's order. */
  public static final List<String> STATUSES = List.of("placed", "approved", "delivered");

  /** This order as stored: the given id, and the spec's defaults for an absent status or flag. */
  Order placed(long newId) {
    return new Order(
        newId, petId, quantity, shipDate, status == null ? "placed" : status, complete != null && complete);
  }
}
