/**
 * The JSON Schema to TypeScript renderer: {@link dev.codemode.core.typescript.TypeScriptRenderer}
 * turns connector descriptors into the declarations model code is written against.
 */
@NullMarked
package dev.codemode.core.typescript;

import org.jspecify.annotations.NullMarked;
