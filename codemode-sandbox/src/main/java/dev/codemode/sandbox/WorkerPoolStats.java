package dev.codemode.sandbox;

import org.jspecify.annotations.Nullable;

/**
 * What the worker tier of a {@link GraalJsExecutor} holds and did so far.
 *
 * @param size the workers it keeps
 * @param live workers started and not gone
 * @param idle live workers waiting for code
 * @param waiting executions waiting for a worker
 * @param started workers started since the executor was built
 * @param retired workers gone since: killed at a deadline, unfit after an execution, or ended
 * @param lastRetirement why the last worker that went did, or {@code null}
 * @param lastStartFailure why the last worker that failed to start did, or {@code null}
 */
public record WorkerPoolStats(
    int size, int live, int idle, int waiting, long started, long retired, @Nullable String lastRetirement,
    @Nullable String lastStartFailure) {}
