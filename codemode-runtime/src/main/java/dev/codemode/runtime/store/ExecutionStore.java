package dev.codemode.runtime.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Durable storage of executions, their journals and snippets, shared by every process (and, for a
 * server database, every machine) that runs the same runtime.
 *
 * <p>Every method is atomic on its own, and every state change is conditional on the state the
 * caller saw ({@code from}), so two processes racing on one execution cannot both win: the loser
 * gets {@code false} and must re-read. Values (inputs, results, errors) are stored as JSON text of
 * at most {@link #maxValueBytes()} UTF-8 bytes; a larger one is refused with {@link
 * ValueTooLargeException} before anything is written, and nothing already stored changes.
 *
 * <p>Implementations: {@code JdbcExecutionStore} on a SQLite file (embedded default) or PostgreSQL.
 */
public interface ExecutionStore extends AutoCloseable {

  /** The largest value, in UTF-8 bytes of its JSON text, the store accepts. */
  int maxValueBytes();

  // ---- executions ---------------------------------------------------------------------------

  /**
   * Stores a new execution.
   *
   * @throws IllegalStateException when an execution with that id exists
   */
  void createExecution(ExecutionRecord execution);

  /** The execution with {@code id}, if it exists. */
  Optional<ExecutionRecord> execution(String id);

  /**
   * Moves the execution from one of {@code from} to {@code to}, and touches it.
   *
   * @return false (and changes nothing) when it does not exist or is in another status
   */
  boolean transition(String id, Set<ExecutionStatus> from, ExecutionStatus to);

  /**
   * Ends the execution: moves it from {@code from} to the terminal {@code to} with its result or
   * error and logs. A result or error over the size limit is replaced by a placeholder text that
   * says so (the caller still has the real value); logs over the limit lose their oldest lines.
   *
   * @return false (and changes nothing) when it is not in status {@code from}
   */
  boolean finish(String id, ExecutionStatus from, ExecutionStatus to, JsonNode result, JsonNode error, List<String> logs);

  /** Sets {@code updatedAt} to now; false when the execution does not exist. */
  boolean touch(String id);

  /** Executions of {@code runtime}, newest first. */
  List<ExecutionRecord> executions(String runtime, int limit, int offset);

  /**
   * Deletes the terminal executions of {@code runtime} (and their journals) beyond the newest
   * {@code keep}; running and paused executions are never deleted here.
   *
   * @return how many were deleted
   */
  int prune(String runtime, int keep);

  /**
   * Expires executions of {@code runtime} last touched before {@code cutoff}: paused ones become
   * REJECTED (their pending entries REVERTED) with the error "Expired awaiting approval", running
   * ones become ERROR with "Expired while running: the process never finished the pass". Each
   * change is conditional, so a second sweep changes nothing.
   *
   * @return the ids of the executions that changed
   */
  List<String> expire(String runtime, Instant cutoff);

  // ---- journal --------------------------------------------------------------------------------

  /** The entry {@code seq} of the execution, if recorded. */
  Optional<JournalEntry> entry(String executionId, int seq);

  /** Every entry of the execution, by {@code seq}. */
  List<JournalEntry> journal(String executionId);

  /**
   * Records a new entry (state EXECUTING or PENDING) and touches the execution, only while the
   * execution is RUNNING. When the entry is PENDING the execution becomes PAUSED in the same
   * transaction.
   *
   * @return false (and changes nothing) when the execution is not RUNNING or the seq is taken
   * @throws ValueTooLargeException when the input is over the size limit
   */
  boolean record(JournalEntry entry);

  /**
   * Moves entry {@code seq} from {@code from} to {@code to}, with {@code result} (null keeps
   * none) and {@code error}, and touches the execution.
   *
   * @return false (and changes nothing) when the entry is in another state
   * @throws ValueTooLargeException when the result is over the size limit
   */
  boolean update(String executionId, int seq, EntryState from, EntryState to, JsonNode result, String error);

  /**
   * Replaces a REVERTED entry with a fresh one (a rejected call the code makes again), under the
   * same rules as {@link #record}.
   */
  boolean replace(JournalEntry entry);

  /** The pending entries of the PAUSED executions of {@code runtime}, newest execution first. */
  List<JournalEntry> pending(String runtime);

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
