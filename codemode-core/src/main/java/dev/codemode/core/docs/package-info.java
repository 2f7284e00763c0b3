/**
 * The Markdown renderer: {@link dev.codemode.core.docs.MarkdownRenderer} turns a connector
 * descriptor into API documentation for people.
 */
@NullMarked
package dev.codemode.core.docs;

import org.jspecify.annotations.NullMarked;
