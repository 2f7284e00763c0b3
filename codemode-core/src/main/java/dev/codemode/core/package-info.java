/**
 * The model of connectors and tools that every other module shares: the descriptors ({@link
 * dev.codemode.core.ConnectorDescriptor}, {@link dev.codemode.core.ToolDescriptor}) and their JSON
 * form, the {@link dev.codemode.core.ConnectorDefinition} SPI that generated code implements, the
 * name rules of {@link dev.codemode.core.ToolNames}, the JSON codec and the exceptions a tool call
 * can end with.
 */
@NullMarked
package dev.codemode.core;

import org.jspecify.annotations.NullMarked;
