/**
 * Discovery for the durable runtime: what model code finds with {@code codemode.search} ({@link
 * dev.codemode.runtime.discovery.SearchIndex}), reads with {@code codemode.describe} ({@link
 * dev.codemode.runtime.discovery.Describer}), and the model-facing tool description that tells it
 * how ({@link dev.codemode.runtime.discovery.ToolDescription}).
 */
@NullMarked
package dev.codemode.runtime.discovery;

import org.jspecify.annotations.NullMarked;
