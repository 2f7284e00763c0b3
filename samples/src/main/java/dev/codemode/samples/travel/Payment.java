package dev.codemode.samples.travel;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import jakarta.validation.constraints.Pattern;

/** How a booking is paid: by a stored card or by a voucher. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "method")
public sealed interface Payment {

  /**
   * A card stored in the user's profile.
   *
   * @param cardId the stored card's identifier
   */
  @JsonTypeName("card")
  record Card(String cardId) implements Payment {}

  /**
   * A travel voucher.
   *
   * @param code the voucher code
   */
  @JsonTypeName("voucher")
  record Voucher(@Pattern(regexp = "[A-Z0-9]{8}") String code) implements Payment {}
}
