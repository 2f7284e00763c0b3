package dev.codemode.runtime;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The journal writes of one pass, made one at a time in the order they were queued: an entry is in
 * the store before any entry queued after it, so what a crash leaves behind is always a prefix of
 * the pass's calls, and a pause (queued last) is stored after every result queued before it.
 *
 * <p>Writes run on the runtime's worker threads, which nothing interrupts. Once {@link #close()}d,
 * the writer runs no write queued after that: a paused pass writes nothing after its pause.
 */
final class JournalWriter {

  /** What a write queued after {@link #close()} completes with instead of running. */
  static final class Closed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Closed() {
      super("the pass has stopped writing to the journal", null, false, false);
    }
  }

  private final Executor workers;
  private CompletableFuture<?> last = CompletableFuture.completedFuture(null);
  private boolean closed;

  JournalWriter(Executor workers) {
    this.workers = workers;
  }

  /**
   * Queues a write; its stage completes with what the write returned (or threw), after every write
   * queued before it has finished.
   */
  synchronized <T> CompletableFuture<T> submit(Supplier<T> write) {
    if (closed) {
      return CompletableFuture.failedFuture(new Closed());
    }
    CompletableFuture<T> next = last.handle((before, failure) -> null).thenApplyAsync(nothing -> write.get(), workers);
    last = next;
    return next;
  }

  /** Runs no write queued from now on; the ones queued before still run. */
  synchronized void close() {
    closed = true;
  }

  /** Completes when every write queued so far has finished. */
  synchronized CompletableFuture<Void> drained() {
    return last.handle((value, failure) -> null);
  }
}
