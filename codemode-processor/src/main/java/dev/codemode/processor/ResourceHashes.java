package dev.codemode.processor;

import org.jspecify.annotations.Nullable;

/**
 * SHA-256 (hex) of the generated resources a definition class finds and checks at run time.
 *
 * @param descriptor of {@code META-INF/codemode/<name>.json}
 * @param typeScript of {@code META-INF/codemode/<name>.d.ts}
 * @param operations of {@code META-INF/codemode/<name>.openapi.json}; only {@code @OpenApi}
 *     connectors have one
 */
record ResourceHashes(String descriptor, String typeScript, @Nullable String operations) {}
