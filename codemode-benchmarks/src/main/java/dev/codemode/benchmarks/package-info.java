/**
 * JMH benchmarks of the annotation processor, the sandbox executor, tool calls, the store's
 * journal and approvals, and the loading of large OpenAPI connectors.
 */
@NullMarked
package dev.codemode.benchmarks;

import org.jspecify.annotations.NullMarked;
