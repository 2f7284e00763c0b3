package dev.codemode.runtime.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Durable storage of executions, their journals and snippets, shared by every process (and, for a
 * server database, every machine) that runs the same runtime.
 *
 * <p>A store offers compare-and-set changes ({@link #apply}) and queries, nothing more: which moves
 * are legal and what they mean is the runtime's journal state machine. Two processes racing on one
 * execution cannot both win: a change whose condition does not hold changes nothing, and its caller
 * must re-read. Values (inputs, results, errors) are stored as JSON text of at most {@link
 * #maxValueBytes()} UTF-8 bytes and read back exactly as they were written; a larger input or result
 * is refused with {@link ValueTooLargeException} before anything is written.
 *
 * <p>Implementations: {@code JdbcExecutionStore} on a SQLite file (the embedded default) or
 * PostgreSQL. Another store (another database, an in-memory store for tests) implements this
 * interface and passes the contract test that ships with the runtime's test jar, {@code
 * ExecutionStoreContract}.
 */
public interface ExecutionStore extends AutoCloseable {

  /** The largest value, in UTF-8 bytes of its JSON text, the store accepts. */
  int maxValueBytes();

  // ---- executions ---------------------------------------------------------------------------

  /**
   * Stores a new execution.
   *
   * @throws IllegalStateException when an execution with that id exists
   * @throws ValueTooLargeException when its result or error is over the size limit
   */
  void createExecution(ExecutionRecord execution);

  /** The execution with {@code id}, if it exists. */
  Optional<ExecutionRecord> execution(String id);

  /** Executions of {@code runtime}, newest first. */
  List<ExecutionRecord> executions(String runtime, int limit, int offset);

  /**
   * Executions of {@code runtime} in one of {@code statuses} that were last changed before {@code
   * cutoff}, oldest first: the candidates of an expiry.
   */
  List<ExecutionRecord> untouchedSince(String runtime, Set<ExecutionStatus> statuses, Instant cutoff);

  /**
   * Deletes the terminal executions of {@code runtime} (and their journals) beyond the newest
   * {@code keep}; running and paused executions are never deleted here.
   *
   * @return how many were deleted
   */
  int prune(String runtime, int keep);

  // ---- journal --------------------------------------------------------------------------------

  /** The entry {@code seq} of the execution, if recorded. */
  Optional<JournalEntry> entry(String executionId, int seq);

  /** Every entry of the execution, by {@code seq}. */
  List<JournalEntry> journal(String executionId);

  /** The PENDING entries of the PAUSED executions of {@code runtime}, newest execution first. */
  List<JournalEntry> pending(String runtime);

  // ---- changes --------------------------------------------------------------------------------

  /**
   * Makes {@code changes} in one transaction, in order, all or none, and stamps the {@code
   * updatedAt} of every execution they touch.
   *
   * @return true when every change's condition held and all were made; false when one did not hold
   *     (or an execution does not exist), and nothing changed
   * @throws ValueTooLargeException when an entry's input or result is over the size limit; nothing
   *     changed
   */
  boolean apply(List<StoreChange> changes);

  /** {@link #apply(List)} of these changes. */
  default boolean apply(StoreChange... changes) {
    return apply(List.of(changes));
  }

  // ---- snippets -------------------------------------------------------------------------------

  /** Stores the snippet, replacing one of the same runtime and name. */
  void saveSnippet(Snippet snippet);

  /** The snippet of {@code runtime} named {@code name}. */
  Optional<Snippet> snippet(String runtime, String name);

  /** The snippets of {@code runtime}, by name. */
  List<Snippet> snippets(String runtime);

  /** Deletes the snippet; false when there was none. */
  boolean deleteSnippet(String runtime, String name);

  /** Releases connections. */
  @Override
  void close();
}
