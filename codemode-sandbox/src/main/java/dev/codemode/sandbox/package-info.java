/**
 * Layer 2 of Codemode for Java: runs one piece of model-written JavaScript or TypeScript once, in a
 * fresh locked-down sandbox, against tool providers, and gives back its result, logs or a structured
 * error. Stateless: nothing is kept between executions, and nothing here touches a database.
 *
 * <p>Start with {@link dev.codemode.sandbox.GraalJsExecutor} and {@link
 * dev.codemode.sandbox.ToolProvider}. The extension points:
 *
 * <ul>
 *   <li><b>Tools known at compile time</b>: a {@code @Connector} class; its generated {@code
 *       ConnectorDefinition} becomes a provider with {@link
 *       dev.codemode.sandbox.ToolProvider#of(dev.codemode.core.ConnectorDefinition, Object)}, on the
 *       instance the application (or its DI container) made.
 *   <li><b>Tools found at run time</b> (an MCP server's, a plugin's): implement {@link
 *       dev.codemode.sandbox.ToolProvider}, or build one with {@link
 *       dev.codemode.sandbox.ToolProvider#builder(String)}.
 *   <li><b>A layer that must see every call in order</b> before anything runs (a journal, a
 *       policy): {@link dev.codemode.sandbox.OrderedToolProvider}.
 *   <li><b>JavaScript a provider adds to its namespace</b>, with a private channel to the host:
 *       {@link dev.codemode.sandbox.SandboxSetup}.
 *   <li><b>Another sandbox</b> (another engine, a worker process): implement {@link
 *       dev.codemode.sandbox.Executor}; model code keeps the same surface.
 * </ul>
 */
@NullMarked
package dev.codemode.sandbox;

import org.jspecify.annotations.NullMarked;
