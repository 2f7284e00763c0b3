package dev.codemode.runtime.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

/**
 * One conditional change of an {@link ExecutionStore}: a compare-and-set on one execution or one
 * journal entry. {@link ExecutionStore#apply} makes a list of them in one transaction, all or none:
 * when one condition does not hold, nothing changes.
 *
 * <p>Changes carry no policy: which moves are legal, and what a move means, is the durable
 * runtime's journal state machine. Every change stamps its execution's {@code updatedAt}.
 */
public sealed interface StoreChange {

  /** The execution the change is about. */
  String executionId();

  /**
   * Adds a journal entry. Holds when the execution exists and no entry has the entry's {@code seq}.
   *
   * @param entry the new entry, in the state it starts in
   */
  record AddEntry(JournalEntry entry) implements StoreChange {

    /** Checks that the entry is present. */
    public AddEntry {
      Objects.requireNonNull(entry, "entry");
    }

    @Override
    public String executionId() {
      return entry.executionId();
    }
  }

  /**
   * Moves entry {@code seq} from {@code from} to {@code to} and sets its result and error. Holds when
   * the entry is in state {@code from}.
   *
   * @param executionId the entry's execution
   * @param seq the entry's number
   * @param from the state it must be in
   * @param to the state it moves to (may equal {@code from})
   * @param result the result it holds afterwards: null for none, a {@code MissingNode} for {@code undefined}
   * @param error why the call failed, or null
   */
  record MoveEntry(String executionId, int seq, EntryState from, EntryState to, @Nullable JsonNode result,
      @Nullable String error)
      implements StoreChange {

    /** Checks that the execution and states are present. */
    public MoveEntry {
      Objects.requireNonNull(executionId, "executionId");
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
    }
  }

  /**
   * Moves an execution from one of {@code from} to {@code to}. Holds when it is in one of {@code
   * from} and, when {@code untouchedSince} is set, was last changed before that instant.
   *
   * @param executionId the execution
   * @param from the statuses it may be in (not empty)
   * @param to the status it moves to (may be one of {@code from}: a check that also stamps it)
   * @param ending what it ended with, for a terminal {@code to}; null changes none of that
   * @param untouchedSince when set, the move holds only for an execution unchanged since then
   */
  record MoveExecution(
      String executionId, Set<ExecutionStatus> from, ExecutionStatus to, @Nullable Ending ending,
      @Nullable Instant untouchedSince)
      implements StoreChange {

    /** Checks that the statuses are present and that only a terminal status has an ending. */
    public MoveExecution {
      Objects.requireNonNull(executionId, "executionId");
      from = Set.copyOf(from);
      if (from.isEmpty()) {
        throw new IllegalArgumentException("a move needs at least one status to move from");
      }
      Objects.requireNonNull(to, "to");
      if (ending != null && !to.isTerminal()) {
        throw new IllegalArgumentException("only a terminal status has an ending, not " + to);
      }
    }

    /** A plain move: no ending, no age condition. */
    public MoveExecution(String executionId, Set<ExecutionStatus> from, ExecutionStatus to) {
      this(executionId, from, to, null, null);
    }
  }

  /**
   * What an execution ended with. A result or error over the store's size limit is stored as a
   * placeholder that says so; logs over it lose their oldest lines.
   *
   * @param result the final result, or null
   * @param error the final error as JSON ({@code name}, {@code message}, {@code line}, {@code column}), or null
   * @param logs the console output of the last pass, or null to keep the stored logs
   */
  record Ending(@Nullable JsonNode result, @Nullable JsonNode error, @Nullable List<String> logs) {

    /** Copies the logs. */
    public Ending {
      logs = logs == null ? null : List.copyOf(logs);
    }
  }
}
