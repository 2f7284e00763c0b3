package dev.codemode.samples.travel;

import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;

/**
 * An amount of money.
 *
 * @param amount the amount, exact to the cent
 * @param currency the ISO 4217 currency code
 */
public record Money(BigDecimal amount, @Pattern(regexp = "[A-Z]{3}") String currency) {}
