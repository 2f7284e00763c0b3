package dev.codemode.runtime;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.codemode.runtime.store.EntryState;
import dev.codemode.runtime.store.ExecutionRecord;
import dev.codemode.runtime.store.ExecutionStatus;
import dev.codemode.runtime.store.ExecutionStore;
import dev.codemode.runtime.store.JournalEntry;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.NullNode;

/** The journal state machine's legal moves, as a table, and its refusal of every other move. */
class JournalTest {

  /** Every legal move of a run, written out: from -> the statuses it may move to. */
  private static final Map<ExecutionStatus, String> RUN_TABLE = Map.of(
      ExecutionStatus.RUNNING, "PAUSED COMPLETED ERROR",
      ExecutionStatus.PAUSED, "RUNNING REJECTED ROLLED_BACK",
      ExecutionStatus.COMPLETED, "ROLLED_BACK",
      ExecutionStatus.ERROR, "ROLLED_BACK",
      ExecutionStatus.REJECTED, "ROLLED_BACK",
      ExecutionStatus.ROLLED_BACK, "ROLLED_BACK");

  /** Every legal move of an entry, written out. */
  private static final Map<EntryState, String> ENTRY_TABLE = Map.of(
      EntryState.EXECUTING, "APPLIED ERROR",
      EntryState.PENDING, "EXECUTING REVERTED",
      EntryState.APPLIED, "REVERTED",
      EntryState.ERROR, "",
      EntryState.REVERTED, "");

  @Test
  void runsMoveExactlyAsTheTableSays() {
    for (ExecutionStatus from : ExecutionStatus.values()) {
      for (ExecutionStatus to : ExecutionStatus.values()) {
        boolean legal = List.of(RUN_TABLE.get(from).split(" ")).contains(to.name());
        assertWithMessage(from + " -> " + to).that(Journal.canMove(from, to)).isEqualTo(legal);
      }
    }
    assertThat(Journal.RUN_START).isEqualTo(ExecutionStatus.RUNNING);
    // Every terminal status has no way back to running, and only paused runs resume.
    for (ExecutionStatus status : ExecutionStatus.values()) {
      assertThat(Journal.canMove(status, ExecutionStatus.RUNNING)).isEqualTo(status == ExecutionStatus.PAUSED);
    }
  }

  @Test
  void entriesMoveExactlyAsTheTableSays() {
    for (EntryState from : EntryState.values()) {
      for (EntryState to : EntryState.values()) {
        boolean legal = List.of(ENTRY_TABLE.get(from).split(" ")).contains(to.name());
        assertWithMessage(from + " -> " + to).that(Journal.canMove(from, to)).isEqualTo(legal);
      }
    }
    assertThat(Journal.ENTRY_STARTS).containsExactly(EntryState.EXECUTING, EntryState.PENDING, EntryState.APPLIED);
  }

  /** A store that records what it was asked and changes nothing. */
  private static ExecutionStore recording(List<String> asked) {
    return (ExecutionStore) Proxy.newProxyInstance(JournalTest.class.getClassLoader(), new Class<?>[] {ExecutionStore.class},
        (proxy, method, args) -> {
          asked.add(method.getName());
          return method.getReturnType() == boolean.class ? Boolean.TRUE : null;
        });
  }

  private static JournalEntry entry(EntryState state) {
    return new JournalEntry("exec_1", 3, "tasks", "create", NullNode.getInstance(), null, false, state, null,
        Instant.EPOCH);
  }

  @Test
  void anIllegalMoveIsRefusedBeforeTheStoreIsAsked() {
    List<String> asked = new ArrayList<>();
    Journal journal = new Journal(recording(asked));
    for (EntryState state : EnumSet.of(EntryState.APPLIED, EntryState.ERROR, EntryState.REVERTED, EntryState.PENDING)) {
      IllegalStateException e = assertThrows(IllegalStateException.class,
          () -> journal.settled(entry(state), NullNode.getInstance(), null));
      assertThat(e).hasMessageThat().contains("Illegal journal move");
    }
    assertThrows(IllegalStateException.class, () -> journal.approved(entry(EntryState.APPLIED)));
    assertThrows(IllegalStateException.class, () -> journal.revert(entry(EntryState.EXECUTING)));
    assertThrows(IllegalStateException.class, () -> journal.add(entry(EntryState.PENDING)));
    assertThrows(IllegalStateException.class, () -> journal.add(entry(EntryState.REVERTED)));
    assertThrows(IllegalStateException.class, () -> journal.pause(entry(EntryState.EXECUTING)));
    assertThrows(IllegalStateException.class, () -> journal.rolledBack("exec_1", ExecutionStatus.RUNNING));
    assertThrows(IllegalStateException.class, () -> journal.begin(new ExecutionRecord("exec_1", "r", "code",
        ExecutionStatus.PAUSED, null, null, List.of(), Map.of(), 0, 0, Instant.EPOCH, Instant.EPOCH)));
    assertThat(asked).isEmpty();

    // The legal ones reach the store.
    assertThat(journal.settled(entry(EntryState.EXECUTING), NullNode.getInstance(), null)).isTrue();
    assertThat(journal.approved(entry(EntryState.PENDING))).isTrue();
    assertThat(journal.revert(entry(EntryState.APPLIED))).isTrue();
    assertThat(journal.rolledBack("exec_1", ExecutionStatus.COMPLETED)).isTrue();
    assertThat(asked).containsExactly("apply", "apply", "apply", "apply");
  }
}
