/**
 * The {@code codemode} command ({@link dev.codemode.cli.Main}): runs model code durably against
 * the connectors on the class path, and lists, approves, rejects and rolls back runs.
 */
@NullMarked
package dev.codemode.cli;

import org.jspecify.annotations.NullMarked;
