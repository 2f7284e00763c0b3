package dev.codemode.samples.travel;

import jakarta.validation.constraints.NotBlank;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A person who travels.
 *
 * @param firstName given name as in the passport
 * @param lastName family name as in the passport
 * @param birthDate date of birth
 * @param loyaltyNumber frequent flyer number
 */
public record Passenger(
    @NotBlank String firstName,
    @NotBlank String lastName,
    LocalDate birthDate,
    Optional<String> loyaltyNumber) {}
