package dev.codemode.runtime;

import dev.codemode.runtime.store.EntryState;
import dev.codemode.runtime.store.ExecutionRecord;
import dev.codemode.runtime.store.ExecutionStatus;
import dev.codemode.runtime.store.ExecutionStore;
import dev.codemode.runtime.store.JournalEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** What a run stands at, read from the store, which is the source of truth, as an {@link Outcome}. */
final class Outcomes {

  private final ExecutionStore store;
  private final String runtime;

  Outcomes(ExecutionStore store, String runtime) {
    this.store = store;
    this.runtime = runtime;
  }

  /** The calls paused runs of this runtime wait for, newest run first. */
  List<PendingCall> pending() {
    List<PendingCall> calls = new ArrayList<>();
    for (JournalEntry entry : store.pending(runtime)) {
      calls.add(PendingCall.of(entry));
    }
    return calls;
  }

  /** The call the paused run {@code executionId} of this runtime waits for, if it is paused. */
  Optional<PendingCall> pending(String executionId) {
    return pendingEntry(executionId).flatMap(call -> store.execution(executionId)
        .filter(execution -> execution.runtime().equals(runtime) && execution.status() == ExecutionStatus.PAUSED)
        .map(execution -> call));
  }

  /** The PENDING entry of run {@code executionId}'s journal, whatever the run's status. */
  private Optional<PendingCall> pendingEntry(String executionId) {
    for (JournalEntry entry : store.journal(executionId)) {
      if (entry.state() == EntryState.PENDING) {
        return Optional.of(PendingCall.of(entry));
      }
    }
    return Optional.empty();
  }

  /** What run {@code executionId} stands at, with {@code passLogs} (or the stored logs when null). */
  Outcome of(String executionId, @Nullable List<String> passLogs) {
    Optional<ExecutionRecord> found = store.execution(executionId).filter(execution -> execution.runtime().equals(runtime));
    if (found.isEmpty()) {
      return Outcome.failed(executionId, ErrorCatalog.UNKNOWN_EXECUTION, "No execution \"" + executionId
          + "\" in runtime \"" + runtime + "\".");
    }
    ExecutionRecord execution = found.get();
    List<String> logs = passLogs != null ? passLogs : execution.logs();
    return switch (execution.status()) {
      case COMPLETED -> Outcome.completed(executionId, execution.result(), logs);
      case PAUSED -> pendingEntry(executionId)
          .map(call -> Outcome.paused(executionId, call, logs))
          .orElseGet(() -> Outcome.failed(executionId, new Outcome.Error(ErrorCatalog.INCONSISTENT_RUN,
              "The run is paused without a pending call. Reject it, or roll it back.", null, null), logs));
      case RUNNING -> Outcome.failed(executionId, new Outcome.Error(ErrorCatalog.STILL_RUNNING,
          "The run is still running in another pass; ask for its outcome again later.", null, null), logs);
      default -> Outcome.failed(executionId, execution.error() != null
          ? Outcome.Error.fromJson(execution.error())
          : new Outcome.Error(execution.status() == ExecutionStatus.ROLLED_BACK ? ErrorCatalog.ROLLED_BACK : ErrorCatalog.ERROR,
              "The run ended as " + execution.status().wireName() + ".", null, null), logs);
    };
  }
}
