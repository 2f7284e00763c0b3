package dev.codemode.samples.petstore;

import org.jspecify.annotations.Nullable;

/** The spec's {@code Tag} schema: a label on a pet, matched by name in {@code findByTags}. */
public record Tag(@Nullable Long id, @Nullable String name) {}
