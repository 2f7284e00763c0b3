/**
 * What the generated {@code X_Codemode} classes are built on: {@link
 * dev.codemode.core.dispatch.AbstractConnectorDefinition}, the tool signatures and argument
 * decoding they use, and {@link dev.codemode.core.dispatch.GeneratedResources}, which finds the
 * generated files on the class path and checks their hashes.
 */
@NullMarked
package dev.codemode.core.dispatch;

import org.jspecify.annotations.NullMarked;
