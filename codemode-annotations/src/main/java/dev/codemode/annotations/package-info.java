/**
 * The annotations a developer writes on Java classes to expose them to model-written code: {@link
 * dev.codemode.annotations.Connector}, {@link dev.codemode.annotations.Tool}, {@link
 * dev.codemode.annotations.Param}, {@link dev.codemode.annotations.Revert} and {@link
 * dev.codemode.annotations.OpenApi}.
 */
@NullMarked
package dev.codemode.annotations;

import org.jspecify.annotations.NullMarked;
