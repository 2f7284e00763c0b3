package dev.codemode.runtime;

import static com.google.common.truth.Truth.assertThat;
import static dev.codemode.runtime.TestJson.json;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Replays see results in the order the code made the calls, whatever order the tools finished in
 * on the first pass: code that reacts to results (an async map whose items call again) replays the
 * same way across approvals.
 */
class ReplayOrderTest extends BoardAndLedger {

  private Outcome approveAll(Outcome outcome) {
    int approvals = 0;
    while (outcome.status() == Outcome.Status.PAUSED) {
      assertThat(++approvals).isAtMost(20);
      outcome = runtime.approve(outcome.executionId());
    }
    return outcome;
  }

  @Test
  void resultsReachTheCodeInTheOrderOfTheCallsNotOfTheTools() {
    Outcome outcome = runtime.execute(
        "const seen = [];\n"
            + "await Promise.all([300, 0, 150, 20].map((millis, i) =>\n"
            + "  board.create({title: 't' + i, millis}).then(card => seen.push(card.title))));\n"
            + "return seen");
    assertThat(outcome.result()).isEqualTo(json("['t0', 't1', 't2', 't3']"));
  }

  /**
   * The model's favourite shape: an async map whose items call again on their own results, with a
   * gated call among them. The tools finish in another order than the calls were made; every
   * approval replays the same way, and every call runs once.
   */
  @Test
  void anAsyncMapWhoseItemsCallAgainReplaysTheSameWayAcrossApprovals() {
    for (int round = 0; round < 3; round++) {
      String code = "const delays = " + (round == 0 ? "[120, 0, 60, 10, 90]" : round == 1 ? "[0, 80, 5, 40, 0]"
          : "[50, 50, 0, 0, 100]") + ";\n"
          + "const paid = await Promise.all(delays.map(async (millis, i) => {\n"
          + "  const card = await board.create({title: 'r" + round + "-' + i, millis});\n"
          + "  if (i % 2 === 0) {\n"
          + "    const payment = await ledger.pay({to: card.id, amount: i + 1});\n"
          + "    return payment.to;\n"
          + "  }\n"
          + "  return ledger.deposit({account: card.id, amount: 1});\n"
          + "}));\n"
          + "return paid";
      Outcome outcome = approveAll(runtime.execute(code));
      assertThat(outcome.toJson().toString()).contains("\"status\":\"completed\"");
      JsonNode result = outcome.result();
      assertThat(result.size()).isEqualTo(5);
      assertThat(board.calls.stream().filter(call -> call.startsWith("create:")).count()).isEqualTo(5L * (round + 1));
      assertThat(ledger.count("pay:")).isEqualTo(3L * (round + 1));
      assertThat(ledger.count("deposit:")).isEqualTo(2L * (round + 1));
    }
  }

  /** A race between two tools is won by the call made first, on every pass alike. */
  @Test
  void aRaceBetweenToolsIsDecidedByTheOrderOfTheCalls() {
    Outcome first = runtime.execute(
        "const winner = await Promise.race([board.create({title: 'slow', millis: 200}),\n"
            + "  board.create({title: 'fast'})]);\n"
            + "await ledger.pay({to: winner.title, amount: 1});\n"
            + "return winner.title");
    assertThat(first.pending().input().get("to").asString()).isEqualTo("slow");
    Outcome second = runtime.approve(first.executionId());
    assertThat(second.result().asString()).isEqualTo("slow");
  }
}
