package dev.codemode.runtime;

import dev.codemode.sandbox.ToolReply;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;
import org.jspecify.annotations.Nullable;

/**
 * Hands the results of a pass's tool calls to the code in the order the code made the calls: a
 * result waits until the results of every earlier call have been handed over. Every pass, first or
 * replay, does the same, so a replay sees its results in the order the first pass saw them, however
 * fast the recorded results come and however slow the tools were: {@code Promise.all}, async maps
 * and calls chained on other calls' results replay the same way.
 */
final class DeliveryOrder {

  /** A call waiting for its turn: its reply, and its outcome once it has one. */
  private static final class Slot {
    final ToolReply reply;
    boolean ready;
    @Nullable JsonNode value;
    @Nullable Throwable error;

    Slot(ToolReply reply) {
      this.reply = reply;
    }
  }

  private final ArrayDeque<Integer> order = new ArrayDeque<>();
  private final Map<Integer, Slot> slots = new HashMap<>();
  private boolean closed;

  /** A call the code made, in the order it made them; its result is handed over in that order. */
  synchronized void expect(int seq, ToolReply reply) {
    slots.put(seq, new Slot(reply));
    order.add(seq);
  }

  /** Call {@code seq} has its result (or {@code error}); hands over every result whose turn has come. */
  synchronized void ready(int seq, @Nullable JsonNode value, @Nullable Throwable error) {
    Slot slot = slots.get(seq);
    if (slot == null || slot.ready) {
      return;
    }
    slot.ready = true;
    slot.value = value;
    slot.error = error;
    while (!closed && !order.isEmpty()) {
      Slot next = slots.get(order.peek());
      if (next == null || !next.ready) {
        return;
      }
      slots.remove(order.poll());
      Throwable failed = next.error;
      if (failed != null) {
        next.reply.failure(failed);
      } else {
        next.reply.result(next.value == null ? NullNode.getInstance() : next.value);
      }
    }
  }

  /** Hands over nothing more: the pass has stopped (paused or failed). */
  synchronized void close() {
    closed = true;
  }

  /**
   * Answers every call still waiting with {@code abort}, which ends the sandbox, and hands over
   * nothing more: the pass failed while the code waits for calls.
   */
  synchronized void abortWaiting(RuntimeException abort) {
    closed = true;
    for (Slot waiting : slots.values()) {
      waiting.reply.failure(abort);
    }
    order.clear();
    slots.clear();
  }
}
