package dev.codemode.runtime;

import static com.google.common.truth.Truth.assertThat;
import static dev.codemode.runtime.TestJson.json;

import dev.codemode.runtime.fixtures.BoardConnector;
import dev.codemode.runtime.store.EntryState;
import dev.codemode.runtime.store.ExecutionStatus;
import dev.codemode.runtime.store.JournalEntry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Attacks on the durable surface from model code: the {@code codemode} global, its hidden members,
 * forged and replayed sequence numbers, steps that never end or end twice, hostile step values,
 * snippets by odd names, and calls that race a pause. Every attempt fails with a clear error and
 * leaves the journal exactly as the real calls wrote it.
 */
class DurableSdkSecurityTest extends BoardAndLedger {

  private static JsonNode completed(Outcome outcome) {
    assertThat(outcome.toJson().toString()).contains("\"status\":\"completed\"");
    return outcome.result();
  }

  private List<String> journal(Outcome outcome) {
    return runtime.journal(outcome.executionId()).stream()
        .map(e -> e.seq() + " " + e.connector() + "." + e.tool() + " " + e.state() + " "
            + (e.result() == null ? "-" : e.result().toString()))
        .toList();
  }

  /**
   * Model code that replaces Promise.prototype.then and the constructor, so that every await of a
   * native promise goes through it, and rewrites each step decision the SDK awaits with {@code
   * rewrite} (a JavaScript expression of the decision {@code v}); {@link #RESTORE} puts both back.
   */
  private static String forgingDecisions(String rewrite) {
    return "const realThen = Promise.prototype.then;\n"
        + "Promise.prototype.constructor = function Fake() {};\n"
        + "Promise.prototype.then = function (ok, bad) {\n"
        + "  return realThen.call(this, v => ok(v && typeof v === 'object' && 'seq' in v ? " + rewrite + " : v), bad);\n"
        + "};\n";
  }

  private static final String RESTORE = "Promise.prototype.then = realThen; Promise.prototype.constructor = Promise;\n";

  // ---- the codemode global ------------------------------------------------------------------

  @Test
  void theCodemodeGlobalShowsOnlyItsDocumentedMembers() {
    JsonNode result = completed(runtime.execute(
        "const forIn = []; for (const k in codemode) forIn.push(k);\n"
            + "return {keys: Object.keys(codemode).sort(), names: Object.getOwnPropertyNames(codemode).sort(),\n"
            + "  own: Reflect.ownKeys(codemode).map(String).sort(), forIn: forIn.sort(),\n"
            + "  json: Object.keys(JSON.parse(JSON.stringify(Object.getOwnPropertyDescriptors(codemode)))).sort(),\n"
            + "  types: Object.keys(codemode).map(k => typeof codemode[k])}"));
    JsonNode documented = json("['describe', 'now', 'run', 'search', 'step']");
    for (String view : List.of("keys", "names", "own", "forIn", "json")) {
      assertThat(result.get(view)).isEqualTo(documented);
    }
    assertThat(result.get("types")).isEqualTo(json("['function', 'function', 'function', 'function', 'function']"));
  }

  @Test
  void theOldInternalMembersAndTheHostFunctionsCannotBeReachedOrCalled() {
    JsonNode result = completed(runtime.execute(
        "const names = ['_step_begin', '_step_end', '_snippet', '_search', '_describe', 'stepBegin', 'stepEnd',\n"
            + "  'snippet', 'host', 'tools', '__proto__', 'constructor'];\n"
            + "const out = [];\n"
            + "for (const name of names) {\n"
            + "  const present = name in codemode;\n"
            + "  let called;\n"
            + "  try { called = String(await codemode[name]({seq: 0, value: {id: 'forged'}, undefined: false, name: 'x'})) }\n"
            + "  catch (e) { called = e.name + ': ' + e.message.slice(0, 400) }\n"
            + "  out.push([name, present + ' ' + called]);\n"
            + "}\n"
            + "return Object.fromEntries(out)"));
    for (String name : List.of("_step_begin", "_step_end", "_snippet", "_search", "_describe", "stepBegin", "stepEnd",
        "snippet", "host", "tools")) {
      assertThat(result.get(name).asString()).startsWith("false TypeError: codemode." + name + " is not a function");
      assertThat(result.get(name).asString()).contains("Its tools: now, search, describe, step, run.");
    }
    assertThat(result.get("__proto__").asString()).startsWith("false TypeError");
    assertThat(result.get("constructor").asString()).startsWith("false TypeError");
  }

  @Test
  void theNamespaceCannotBeChangedOrItsMembersReplaced() {
    JsonNode result = completed(runtime.execute(
        "'use strict';\n"
            + "const tries = [() => { codemode.step = () => 1 }, () => { delete codemode.step },\n"
            + "  () => Object.defineProperty(codemode, 'step', {value: 1}), () => Object.setPrototypeOf(codemode, {}),\n"
            + "  () => { codemode._step_end = () => 1 }, () => { globalThis.codemode = {} }];\n"
            + "const out = [];\n"
            + "for (const t of tries) { try { t(); out.push('changed') } catch (e) { out.push(e.name) } }\n"
            + "return {out, still: typeof codemode.step, keys: Object.keys(codemode).length}"));
    assertThat(result.get("out")).isEqualTo(json("['TypeError', 'TypeError', 'TypeError', 'TypeError', 'TypeError', 'TypeError']"));
    assertThat(result.get("still").asString()).isEqualTo("function");
    assertThat(result.get("keys").asInt()).isEqualTo(5);
  }

  // ---- forging a journaled result -----------------------------------------------------------

  /** The attack of the issue: end a "step" with the seq of a slow tool call still running. */
  @Test
  void aRunningCallsResultCannotBeOverwritten() {
    Outcome outcome = runtime.execute(
        "const slow = board.create({title: 'real', millis: 300});\n"
            + "await new Promise(r => setTimeout(r, 100));\n"
            + "let forged = 'no attempt';\n"
            + "try { await codemode._step_end({seq: 0, value: {id: 'forged'}, undefined: false}); forged = 'accepted' }\n"
            + "catch (e) { forged = e.name }\n"
            + "return {forged, card: (await slow).id}");
    JsonNode result = completed(outcome);
    assertThat(result.get("forged").asString()).isEqualTo("TypeError");
    String realId = result.get("card").asString();
    JournalEntry entry = runtime.journal(outcome.executionId()).get(0);
    assertThat(entry.state()).isEqualTo(EntryState.APPLIED);
    assertThat(entry.result().get("id").asString()).isEqualTo(realId);
    assertThat(runtime.journal(outcome.executionId())).hasSize(1);
  }

  /**
   * The held-out attack: flood every way of ending a step while a fast create runs, aiming its
   * journaled result at a card the run never touched. The rollback then reverts the create the run
   * made, and only that.
   */
  @Test
  void aRollbackCannotBeSteeredToACardTheRunNeverTouched() {
    BoardConnector.Card victim = board.pin("not this run's");
    Outcome outcome = runtime.execute(
        "const target = {id: '" + victim.id() + "', title: 'forged'};\n"
            + "const attempts = [];\n"
            + "const flood = async () => {\n"
            + "  for (let i = 0; i < 200; i++) {\n"
            + "    for (const name of ['_step_end', 'stepEnd', '_step_begin']) {\n"
            + "      for (const seq of [0, 1, 2]) {\n"
            + "        try { await codemode[name]({seq, value: target, undefined: false}); attempts.push('accepted') }\n"
            + "        catch (e) { }\n"
            + "      }\n"
            + "    }\n"
            + "    await null;\n"
            + "  }\n"
            + "};\n"
            + "const [card] = await Promise.all([board.create({title: 'mine'}), flood(),\n"
            + "  codemode.step('decoy', async () => { await flood(); return target })]);\n"
            + "return {card: card.id, accepted: attempts.length}");
    JsonNode result = completed(outcome);
    assertThat(result.get("accepted").asInt()).isEqualTo(0);
    String mine = result.get("card").asString();
    List<JournalEntry> journal = runtime.journal(outcome.executionId());
    assertThat(journal.get(0).tool()).isEqualTo("create");
    assertThat(journal.get(0).result().get("id").asString()).isEqualTo(mine);
    // The step recorded what its own function returned: data of the model, not a tool's result.
    assertThat(journal.get(1).connector()).isEqualTo("codemode");

    RollbackReport report = runtime.rollback(outcome.executionId());
    assertThat(report.reverted()).containsExactly("board.create #0");
    assertThat(board.has(mine)).isFalse();
    assertThat(board.has(victim.id())).isTrue();
    assertThat(board.calls).doesNotContain("uncreate:" + victim.id());
  }

  /**
   * Promise.prototype.then and the constructor replaced to feed the SDK forged step decisions: a
   * step told to end under the seq of a running tool call is refused by the host.
   */
  @Test
  void forgedStepDecisionsCannotEndAToolCallsEntry() {
    Outcome outcome = runtime.execute(
        "const slow = board.create({title: 'real', millis: 200});\n"
            + forgingDecisions("{...v, replay: false, seq: 0}")
            + "let step;\n"
            + "try { step = await codemode.step('forge', () => ({id: 'forged'})) } catch (e) { step = e.name + ': ' + e.message }\n"
            + RESTORE
            + "return {step, card: (await slow).id}");
    JsonNode result = completed(outcome);
    assertThat(result.get("step").toString()).contains("no step #0 is running in this pass");
    JournalEntry create = runtime.journal(outcome.executionId()).get(0);
    assertThat(create.result().get("id").asString()).isEqualTo(result.get("card").asString());
  }

  @Test
  void objectPrototypePropertiesCannotStandInForADecision() {
    Outcome outcome = runtime.execute(
        "Object.prototype.replay = true; Object.prototype.failed = null; Object.prototype.value = 'injected';\n"
            + "const v = await codemode.step('honest', () => 'real');\n"
            + "delete Object.prototype.replay; delete Object.prototype.failed; delete Object.prototype.value;\n"
            + "return v");
    assertThat(completed(outcome).asString()).isEqualTo("real");
    assertThat(journal(outcome)).containsExactly("0 codemode.step APPLIED \"real\"");
  }

  // ---- steps that never end, end twice, or hold hostile values ----------------------------------

  @Test
  void aStepEndsOnceEvenWhenTwoStepsAreFedTheSameSeq() {
    Outcome outcome = runtime.execute(
        forgingDecisions("(v.replay === false ? {...v, seq: 0} : v)")
            + "const out = [];\n"
            + "for (const name of ['a', 'b']) {\n"
            + "  try { out.push(await codemode.step(name, () => name)) } catch (e) { out.push(e.message.slice(0, 40)) }\n"
            + "}\n"
            + RESTORE
            + "return out");
    JsonNode result = completed(outcome);
    assertThat(result.get(0).asString()).isEqualTo("a");
    assertThat(result.get(1).asString()).startsWith("codemode.step: no step #0 is running");
    assertThat(journal(outcome)).containsExactly("0 codemode.step APPLIED \"a\"", "1 codemode.step EXECUTING -").inOrder();
  }

  @Test
  void aStepThatNeverEndsLeavesItsEntryOpenAndTheRunTimesOut() {
    try (CodemodeRuntime quick = runtime(Duration.ofSeconds(3))) {
      Outcome outcome = quick.execute("await codemode.step('forever', () => new Promise(() => {}))");
      assertThat(outcome.status()).isEqualTo(Outcome.Status.ERROR);
      assertThat(outcome.error().name()).isIn(List.of(ErrorCatalog.TIMEOUT, ErrorCatalog.ERROR));
      assertThat(quick.journal(outcome.executionId()).stream().map(e -> e.tool() + " " + e.state()).toList())
          .containsExactly("step EXECUTING");
    }
  }

  @Test
  void hostileStepValuesFailTheStepWithAClearError() {
    JsonNode result = completed(runtime.execute(
        "const cyclic = {}; cyclic.self = cyclic;\n"
            + "const values = {cyclic: () => cyclic, fn: () => () => 1, symbol: () => Symbol('s'),\n"
            + "  getter: () => ({get boom() { throw new Error('getter went off') }}),\n"
            + "  toJSON: () => ({toJSON() { throw new RangeError('no json for you') }}),\n"
            + "  proxy: () => new Proxy({}, {ownKeys() { throw new Error('trap') }})};\n"
            + "const out = {};\n"
            + "for (const [name, make] of Object.entries(values)) {\n"
            + "  try { const v = await codemode.step(name, make); out[name] = 'ok ' + JSON.stringify(v) }\n"
            + "  catch (e) { out[name] = e.name + ': ' + e.message }\n"
            + "}\n"
            + "return out"));
    assertThat(result.get("cyclic").asString()).startsWith("TypeError: codemode.step(\"cyclic\") returned a value that"
        + " cannot be recorded");
    assertThat(result.get("getter").asString()).contains("getter went off");
    assertThat(result.get("toJSON").asString()).contains("no json for you");
    assertThat(result.get("proxy").asString()).contains("trap");
    // A function or symbol is not JSON: it is recorded as what JSON makes of it, the same on every pass.
    assertThat(result.get("fn").asString()).startsWith("ok");
    assertThat(result.get("symbol").asString()).startsWith("ok");
  }

  @Test
  void aStepsFailureIsRecordedAndReplayedWithoutRunningItAgain() {
    Outcome first = runtime.execute(
        "let seen;\n"
            + "try { await codemode.step('fails', () => { console.log('step ran'); throw new RangeError('bad input') }) }\n"
            + "catch (e) { seen = e.name + ': ' + e.message }\n"
            + "await ledger.pay({to: 'x', amount: 1});\n"
            + "return seen");
    assertThat(first.status()).isEqualTo(Outcome.Status.PAUSED);
    assertThat(first.logs()).containsExactly("step ran");
    Outcome second = runtime.approve(first.executionId());
    assertThat(completed(second).asString()).isEqualTo("RangeError: bad input");
    assertThat(second.logs()).isEmpty();
    assertThat(runtime.journal(first.executionId()).get(0).state()).isEqualTo(EntryState.ERROR);
  }

  @Test
  void aHugeStepValueFailsTheRunBeforeItIsRecorded() {
    Outcome outcome = runtime.execute("await codemode.step('big', () => 'x'.repeat(1_200_000)); return 'went on'");
    assertThat(outcome.status()).isEqualTo(Outcome.Status.ERROR);
    assertThat(outcome.error().name()).isEqualTo(ErrorCatalog.JOURNAL_ERROR);
    assertThat(outcome.error().message()).contains("The value of codemode.step(\"big\") is 1,200,002 bytes of JSON;"
        + " the store keeps at most 1,000,000");
    assertThat(journal(outcome)).containsExactly("0 codemode.step EXECUTING -");
  }

  @Test
  void aStepValueTheStoreRefusesFailsTheRunAndTheEntrySaysWhy() {
    // 200,002 bytes as UTF-8 text, but each lone surrogate is stored as a 6-byte escape: 1,200,002.
    Outcome outcome = runtime.execute(
        "await codemode.step('surrogates', () => '\\ud800'.repeat(200_000)); return 'went on'");
    assertThat(outcome.status()).isEqualTo(Outcome.Status.ERROR);
    assertThat(outcome.error().name()).isEqualTo(ErrorCatalog.JOURNAL_ERROR);
    assertThat(outcome.error().message()).contains("1,200,002 bytes");
    JournalEntry step = runtime.journal(outcome.executionId()).get(0);
    assertThat(step.state()).isEqualTo(EntryState.ERROR);
    assertThat(step.error()).contains("1,200,002 bytes");
  }

  @Test
  void stepsNeedANameAndAFunction() {
    JsonNode result = completed(runtime.execute(
        "const out = [];\n"
            + "for (const args of [[], [''], ['x'], [1, () => 1], ['x', 'not a function'], [{toString() { return 'x' }}, () => 1]]) {\n"
            + "  try { await codemode.step(...args); out.push('ran') } catch (e) { out.push(e.name) }\n"
            + "}\n"
            + "return out"));
    assertThat(result).isEqualTo(json("['TypeError', 'TypeError', 'TypeError', 'TypeError', 'TypeError', 'TypeError']"));
  }

  // ---- snippets by odd names --------------------------------------------------------------------

  @Test
  void snippetsByOddNamesAreNotFoundWithABoundedMessage() {
    JsonNode result = completed(runtime.execute(
        "const out = [];\n"
            + "for (const name of ['../../etc/passwd', '', 'x'.repeat(100000), 'a\\nb\"c', '__proto__', 'constructor']) {\n"
            + "  try { await codemode.run(name); out.push('ran') } catch (e) { out.push(e.message.length + ' ' + e.message.slice(0, 30)) }\n"
            + "}\n"
            + "try { await codemode.run({toString() { return 'x' }}) } catch (e) { out.push(e.name) }\n"
            + "return out"));
    for (int i = 0; i < 6; i++) {
      assertThat(result.get(i).asString()).contains("There is no snippet named");
      assertThat(Integer.parseInt(result.get(i).asString().split(" ")[0])).isLessThan(1000);
    }
    assertThat(result.get(6).asString()).isEqualTo("TypeError");
  }

  // ---- replays --------------------------------------------------------------------------------

  /**
   * A script that notices it is replaying (a step's function runs only on the first pass) and makes
   * another call instead: the call is refused before it runs, and the approved call never runs.
   */
  @Test
  void aReplayThatChangesItsCallsIsRefusedBeforeTheCallRuns() {
    String code = "let first = false;\n"
        + "await codemode.step('probe', () => { first = true; return 1 });\n"
        + "await board.create({title: first ? 'on the first pass' : 'only on a replay'});\n"
        + "await ledger.pay({to: 'x', amount: 1});\n"
        + "return 'done'";
    Outcome first = runtime.execute(code);
    assertThat(first.status()).isEqualTo(Outcome.Status.PAUSED);
    Outcome second = runtime.approve(first.executionId());
    assertThat(second.status()).isEqualTo(Outcome.Status.ERROR);
    assertThat(second.error().name()).isEqualTo(ErrorCatalog.REPLAY_DIVERGENCE);
    assertThat(second.error().message()).contains("only on a replay");
    assertThat(board.calls).hasSize(1);
    assertThat(ledger.count("pay")).isEqualTo(0);
    assertThat(runtime.execution(first.executionId()).orElseThrow().status()).isEqualTo(ExecutionStatus.ERROR);
  }

  /** A lone surrogate in a gated call's input: the approval matches it, once; no endless pauses. */
  @Test
  void aLoneSurrogateInAGatedCallsInputIsApprovedOnce() {
    String code = "const p = await ledger.pay({to: 'a\\ud800b', amount: 1}); return p.to === 'a\\ud800b'";
    Outcome first = runtime.execute(code);
    assertThat(first.status()).isEqualTo(Outcome.Status.PAUSED);
    assertThat(first.pending().input().get("to").asString()).isEqualTo("a\ud800b");
    Outcome second = runtime.approve(first.executionId());
    assertThat(completed(second).asBoolean()).isTrue();
    assertThat(ledger.count("pay:a\ud800b")).isEqualTo(1);
  }

  @Test
  void codeTheStoreCannotKeepExactlyIsRefusedWithItsPosition() {
    Outcome outcome = runtime.execute("const a = 1;\nreturn 'x\ud800'");
    assertThat(outcome.status()).isEqualTo(Outcome.Status.ERROR);
    assertThat(outcome.executionId()).isEmpty();
    assertThat(outcome.error().name()).isEqualTo(ErrorCatalog.CODE_REFUSED);
    assertThat(outcome.error().message()).contains("U+D800 at line 2, column 10");
    assertThat(runtime.executions(10, 0)).isEmpty();
  }

  // ---- racing a pause -----------------------------------------------------------------------

  /** Steps and calls racing a pause: only what came before the gated call in the code's order is kept. */
  @Test
  void stepsAndCallsRacingAPauseAreDecidedInTheCodesOrder() {
    String code = "const r = await Promise.all([codemode.step('a', () => 'A'), board.create({title: 'before', millis: 50}),\n"
        + "  ledger.pay({to: 'x', amount: 1}), codemode.step('c', () => 'C'), board.create({title: 'after'})]);\n"
        + "return r.map(v => typeof v === 'object' ? v.title ?? v.id : v)";
    Outcome first = runtime.execute(code);
    assertThat(first.status()).isEqualTo(Outcome.Status.PAUSED);
    assertThat(first.pending().seq()).isEqualTo(2);
    List<String> paused = journal(first);
    assertThat(paused).hasSize(3);
    assertThat(paused.get(1)).startsWith("1 board.create APPLIED");
    assertThat(paused.get(2)).startsWith("2 ledger.pay PENDING");
    assertThat(board.calls).hasSize(1);

    Outcome second = runtime.approve(first.executionId());
    assertThat(completed(second)).isEqualTo(json("['A', 'before', 'p-x-1', 'C', 'after']"));
    assertThat(board.calls).hasSize(2);
    assertThat(ledger.count("pay")).isEqualTo(1);
  }
}
