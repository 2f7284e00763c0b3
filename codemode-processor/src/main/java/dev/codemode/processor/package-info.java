/**
 * The Codemode annotation processor ({@link dev.codemode.processor.CodemodeProcessor}): validates
 * {@code @Connector} and {@code @OpenApi} classes and writes their definition classes, JSON
 * Schema descriptors, TypeScript declarations and Markdown docs at compile time.
 */
@NullMarked
package dev.codemode.processor;

import org.jspecify.annotations.NullMarked;
