package dev.codemode.samples.petstore;

import org.jspecify.annotations.Nullable;

/** The spec's {@code Category} schema: the kind of animal a pet is, such as "Dogs". */
public record Category(@Nullable Long id, @Nullable String name) {}
