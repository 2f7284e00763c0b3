/**
 * Layer 3 of Codemode for Java: durable runs. {@link dev.codemode.runtime.CodemodeRuntime} runs
 * model code in the sandbox with every tool call journaled, pauses at calls that need a person's
 * approval, resumes by replaying the run against its journal, rolls runs back, keeps snippets, and
 * answers {@code codemode.search} and {@code codemode.describe}. What a run came to is an {@link
 * dev.codemode.runtime.Outcome}, the outcome JSON of every front; every error name the host gives is
 * in {@link dev.codemode.runtime.ErrorCatalog}.
 *
 * <p>The extension points:
 *
 * <ul>
 *   <li><b>Connectors from a DI container</b> (Spring, CDI, Guice): {@link
 *       dev.codemode.runtime.CodemodeRuntime.Builder#connector(dev.codemode.core.ConnectorDefinition,
 *       Object)} with the container's instance; {@link
 *       dev.codemode.runtime.CodemodeRuntime.Builder#discoverConnectors(ClassLoader)} creates the ones
 *       with a public no-arg constructor itself.
 *   <li><b>Tools found at run time</b> (an MCP server's): {@link
 *       dev.codemode.runtime.CodemodeRuntime.Builder#connector(dev.codemode.sandbox.ToolProvider)};
 *       their calls are journaled, and cannot be rolled back.
 *   <li><b>Another sandbox</b>: any {@link dev.codemode.sandbox.Executor}, through {@link
 *       dev.codemode.runtime.CodemodeRuntime.Builder#executor(dev.codemode.sandbox.Executor)}.
 *   <li><b>Another database</b>: implement {@link dev.codemode.runtime.store.ExecutionStore} and run
 *       its contract test ({@code ExecutionStoreContract} in this module's test jar).
 * </ul>
 */
@NullMarked
package dev.codemode.runtime;

import org.jspecify.annotations.NullMarked;
