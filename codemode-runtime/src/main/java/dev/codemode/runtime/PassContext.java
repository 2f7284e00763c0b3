package dev.codemode.runtime;

import dev.codemode.sandbox.Executor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

/**
 * What a pass needs of its runtime, and nothing more: the journal, the executor, the connectors,
 * discovery for the SDK, the threads tools and journal writes run on, and the waits.
 *
 * @param journal the journal state machine over the runtime's store
 * @param executor runs the code
 * @param connectors the runtime's connectors
 * @param discovery search, describe and snippets for {@code codemode.*}
 * @param outcomes what a run stands at, read from the store
 * @param workers where connector tools and journal writes run
 * @param settleTimeout how long a pause waits for the calls under way, and a pass's end for the
 *     calls it leaves running, before it goes on without them
 * @param clock the runtime's time, in milliseconds
 * @param maxValueBytes the largest value the store keeps
 */
record PassContext(
    Journal journal,
    Executor executor,
    List<RuntimeConnector> connectors,
    Discovery discovery,
    Outcomes outcomes,
    ExecutorService workers,
    Duration settleTimeout,
    Supplier<Instant> clock,
    int maxValueBytes) {

  PassContext {
    connectors = List.copyOf(connectors);
  }
}
