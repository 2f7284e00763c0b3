package dev.codemode.sandbox;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.codemode.core.JsonCodec;
import dev.codemode.core.ToolDescriptor;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;

/**
 * Model code that replaces the built-ins the prelude uses, or puts getters and setters on their
 * prototypes, must not reach the prelude's state (its maps of pending calls, timers and namespace
 * members, the resolve functions of pending calls, the namespace's proxy handler) and must not be
 * able to make an error look like the failure of a tool call that never happened.
 *
 * <p>Each tampering shape installs hooks that count what they are handed and try to forge, with
 * everything they are handed, the host's answer {@code {"name":"ToolError","message":"forged",
 * "tool":"tasks.remove"}} for a running call. Then the same code makes tool calls (one that
 * succeeds, one that fails), uses timers, the namespace, console and structuredClone. Every shape
 * runs on an executor that answers calls at once and on one where every call is still running when
 * the prelude gets its answer, so both ways a result comes back are attacked.
 */
class PreludeTamperingTest {

  private static final JsonCodec CODEC = JsonCodec.defaults();
  private static final AtomicInteger removes = new AtomicInteger();
  private static ToolProvider tasks;
  private static GraalJsExecutor inline;
  private static GraalJsExecutor pending;

  @BeforeAll
  static void start() {
    JsonNode anyObject = CODEC.parse("{\"type\":\"object\"}");
    tasks = ToolProvider.builder("tasks")
        .syncTool(ToolDescriptor.of("create", "Returns its input", anyObject, null), input -> input)
        .syncTool(ToolDescriptor.of("remove", "Counts calls", anyObject, null), input -> {
          removes.incrementAndGet();
          return NullNode.getInstance();
        })
        .tool(ToolDescriptor.of("fail", "Throws", anyObject, null), input -> {
          throw new IllegalStateException("boom");
        })
        .build();
    // Generous: the machine may be busy, and nothing here measures time.
    inline = GraalJsExecutor.builder().timeout(Duration.ofSeconds(30))
        .toolDispatch(GraalJsExecutor.ToolDispatch.CALLING_THREAD).build();
    pending = GraalJsExecutor.builder().timeout(Duration.ofSeconds(30))
        .toolDispatch(GraalJsExecutor.ToolDispatch.TOOL_EXECUTOR).build();
  }

  @AfterAll
  static void stop() {
    inline.close();
    pending.close();
  }

  @BeforeEach
  void reset() {
    removes.set(0);
  }

  /**
   * Runs before the tampering, with the built-ins still intact: what the hooks use. {@code grab}
   * counts a hook's call and tries every function it was handed as the resolve function of a call
   * (in the shapes the prelude has used), and the values of every Map and Set it was handed the
   * same way.
   */
  private static final String HARNESS = """
      const FORGED = JSON.stringify({name: 'ToolError', message: 'forged', tool: 'tasks.remove'});
      const apply = Reflect.apply;
      const defineProperty = Object.defineProperty;
      const isPrototypeOf = Object.prototype.isPrototypeOf;
      const mapForEach = Map.prototype.forEach;
      const setForEach = Set.prototype.forEach;
      const realThen = Promise.prototype.then;
      const reflectOwnKeys = Reflect.ownKeys;
      const objectIsExtensible = Object.isExtensible;
      const sampleMap = new Map([[1, new Set([2])]]);
      const counts = Object.create(null);
      let forging = false;
      const forge = (x) => {
        if (forging) return;
        forging = true;
        try {
          if (typeof x === 'function') {
            try { apply(x, undefined, [{error: FORGED}]); } catch (e) {}
            try { apply(x, undefined, ['E', FORGED]); } catch (e) {}
          } else if (x !== null && typeof x === 'object') {
            if (apply(isPrototypeOf, Map.prototype, [x])) {
              apply(mapForEach, x, [(v) => { forging = false; forge(v); forging = true; }]);
            } else if (apply(isPrototypeOf, Set.prototype, [x])) {
              apply(setForEach, x, [(v) => { forging = false; forge(v); forging = true; }]);
            }
          }
        } catch (e) {
        } finally {
          forging = false;
        }
      };
      const grab = (kind, self, args) => {
        counts[kind] = (counts[kind] | 0) + 1;
        forge(self);
        for (let i = 0; args !== undefined && i < args.length; i++) forge(args[i]);
      };
      // Replaces owner[name] with a function that grabs what it is handed and then does what the
      // original did.
      const spy = (owner, name, label) => {
        const original = owner[name];
        defineProperty(owner, name, {__proto__: null, configurable: true, writable: true, value: function () {
          grab(label, this, arguments);
          return apply(original, this, arguments);
        }});
      };
      // Descriptors without a prototype, so that the getters the shapes put on Object.prototype do
      // not end up in the descriptors of the next ones.
      const accessor = (get, set) => ({__proto__: null, configurable: true, get, set});
      const data = (value) => ({__proto__: null, configurable: true, writable: true, value});
      // An answer that looks like one the prelude passes itself: an outcome object, or nothing.
      const looksInternal = (v) => v === undefined
          || (v !== null && typeof v === 'object' && ('error' in v || 'value' in v || 'kind' in v));
      """;

  /** Tool calls, timers, the namespace, console and structuredClone, after the tampering. */
  private static final String CALLS = """
      const call = tasks.create({v: 1});
      let failure;
      try { await tasks.fail({}); } catch (e) { failure = [e.name, e.tool, e.message]; }
      const timer = setTimeout(() => {}, 1);
      clearTimeout(timer);
      await new Promise((resolve) => setTimeout(resolve, 1, 'x'));
      const namespace = ['create' in tasks, typeof tasks.create, reflectOwnKeys(tasks).length,
          objectIsExtensible(tasks), typeof tasks.then];
      console.log('logged', {a: [1, 'b']}, sampleMap);
      structuredClone({a: [1, {b: sampleMap}]});
      const got = await call;
      return {got, failure, namespace, counts};
      """;

  /** A shape: its name, its JavaScript, and whether model code's own awaits call its hooks. */
  record Shape(String name, String code, boolean hooksSeeModelCode) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> shapes() {
    return Stream.of(
        new Shape("Map methods", """
            for (const name of ['get', 'set', 'has', 'delete', 'forEach', 'keys', 'values', 'entries', 'clear']) {
              spy(Map.prototype, name, 'Map.' + name);
            }
            spy(Map.prototype, Symbol.iterator, 'Map.iterator');
            """, false),
        new Shape("Set methods", """
            for (const name of ['has', 'add', 'delete', 'forEach', 'keys', 'values', 'entries']) {
              spy(Set.prototype, name, 'Set.' + name);
            }
            """, false),
        new Shape("WeakMap and WeakSet methods", """
            for (const name of ['get', 'set', 'has', 'delete']) spy(WeakMap.prototype, name, 'WeakMap.' + name);
            for (const name of ['add', 'has', 'delete']) spy(WeakSet.prototype, name, 'WeakSet.' + name);
            WeakMap.prototype.get = function (key) { grab('WeakMap.get forged', this, [key]); return 'tasks.remove'; };
            """, false),
        new Shape("Array methods and iterators", """
            for (const name of ['push', 'pop', 'shift', 'indexOf', 'includes', 'slice', 'join', 'concat',
                'map', 'forEach', 'filter', 'splice', 'fill']) {
              spy(Array.prototype, name, 'Array.' + name);
            }
            const arrayIterator = Object.getPrototypeOf([][Symbol.iterator]());
            spy(Array.prototype, Symbol.iterator, 'Array.iterator');
            spy(arrayIterator, 'next', 'ArrayIterator.next');
            spy(Object.getPrototypeOf(new Map().entries()), 'next', 'MapIterator.next');
            """, false),
        new Shape("setters and getters on Array.prototype indices", """
            for (let i = 0; i < 4; i++) {
              defineProperty(Array.prototype, i, accessor(
                  function () { grab('Array[' + i + '] get', this); return undefined; },
                  function (v) { grab('Array[' + i + '] set', this, [v]); }));
            }
            """, false),
        new Shape("Function.prototype call, apply, bind and toString", """
            for (const name of ['call', 'apply', 'bind', 'toString']) spy(Function.prototype, name, 'Function.' + name);
            """, false),
        new Shape("Reflect", """
            for (const name of ['apply', 'construct', 'get', 'set', 'has', 'getOwnPropertyDescriptor', 'ownKeys',
                'defineProperty', 'getPrototypeOf']) {
              spy(Reflect, name, 'Reflect.' + name);
            }
            """, false),
        new Shape("Object functions", """
            for (const name of ['defineProperty', 'freeze', 'keys', 'hasOwn', 'create', 'getPrototypeOf',
                'fromEntries', 'entries', 'assign', 'isFrozen', 'getOwnPropertyDescriptor']) {
              spy(Object, name, 'Object.' + name);
            }
            spy(Object.prototype, 'hasOwnProperty', 'Object.prototype.hasOwnProperty');
            spy(Object.prototype, 'isPrototypeOf', 'Object.prototype.isPrototypeOf');
            """, false),
        new Shape("JSON", """
            JSON.stringify = function () { grab('JSON.stringify', this, arguments); return FORGED; };
            JSON.parse = function () { grab('JSON.parse', this, arguments); return {name: 'ToolError', tool: 'tasks.remove'}; };
            """, false),
        new Shape("String, RegExp, Math and Number", """
            for (const name of ['slice', 'startsWith', 'indexOf', 'charCodeAt', 'replace', 'split', 'toString']) {
              spy(String.prototype, name, 'String.' + name);
            }
            for (const name of ['exec', 'test', Symbol.replace]) spy(RegExp.prototype, name, 'RegExp.' + String(name));
            for (const name of ['max', 'min', 'floor']) spy(Math, name, 'Math.' + name);
            globalThis.Number = function () { grab('Number', this, arguments); return 0; };
            globalThis.String = function () { grab('String', this, arguments); return 'forged'; };
            """, false),
        new Shape("Promise.prototype.then", """
            Promise.prototype.then = function (onValue, onError) {
              grab('Promise.then', this, []);
              const forged = typeof onValue === 'function'
                  ? (v) => onValue(looksInternal(v) ? {error: FORGED} : v) : onValue;
              return apply(realThen, this, [forged, onError]);
            };
            """, true),
        new Shape("Promise.prototype.then and constructor", """
            Promise.prototype.constructor = function Fake() {};
            Promise.prototype.then = function (onValue, onError) {
              grab('Promise.then', this, []);
              const forged = typeof onValue === 'function'
                  ? (v) => onValue(looksInternal(v) ? {error: FORGED} : v) : onValue;
              return apply(realThen, this, [forged, onError]);
            };
            """, true),
        new Shape("Promise species and statics", """
            defineProperty(Promise, Symbol.species,
                accessor(function () { grab('Promise.species', this); return Promise; }));
            for (const name of ['resolve', 'reject', 'all', 'race']) spy(Promise, name, 'Promise.' + name);
            """, false),
        new Shape("Object.prototype.then", """
            defineProperty(Object.prototype, 'then', accessor(function () {
              if (!looksInternal(this)) return undefined;
              grab('Object.then', this);
              return (resolve) => resolve({error: FORGED});
            }));
            """, true),
        new Shape("getters on Object.prototype", """
            const answers = {error: FORGED, tool: 'tasks.remove', value: {v: 'forged'}, kind: 'E', payload: FORGED,
                callback: () => {}, args: [], repeat: 1, extras: new Map(), members: new Map(),
                get: undefined, set: undefined, writable: true, enumerable: true,
                isExtensible: () => true, preventExtensions: () => true, apply: () => 1, construct: () => ({}),
                __codemode_binary__: 'AAAA', __codemode_bigint__: '1'};
            for (const key of Object.keys(answers)) {
              defineProperty(Object.prototype, key,
                  accessor(function () { grab('Object.prototype.' + key, this); return answers[key]; }));
            }
            """, false),
        new Shape("setters on Object.prototype and Error.prototype", """
            for (const key of ['tool', 'name', 'message', 'stack', 'error', 'value', '0', '1']) {
              defineProperty(Object.prototype, key, accessor(
                  function () { return undefined; },
                  function (v) { grab('Object.prototype.' + key + ' set', this, [v]); }));
            }
            defineProperty(Error.prototype, 'tool', accessor(
                function () { grab('Error.tool get', this); return 'tasks.remove'; },
                function (v) { grab('Error.tool set', this, [v]); }));
            """, false),
        new Shape("instanceof and brands of errors", """
            for (const C of [Error, TypeError, Map, Set, Date, RegExp, ArrayBuffer]) {
              defineProperty(C, Symbol.hasInstance, data(function (v) { grab('hasInstance', this, [v]); return true; }));
            }
            """, false),
        new Shape("toJSON on Object.prototype", """
            defineProperty(Object.prototype, 'toJSON', data(function () {
              if (!('stack' in this || 'thrown' in this)) return this;
              grab('toJSON', this);
              return {name: 'ToolError', message: 'forged', tool: 'tasks.remove'};
            }));
            """, false))
        .map(Arguments::of);
  }

  static Stream<Arguments> shapesOnBothExecutors() {
    return shapes().flatMap(shape -> Stream.of(
        Arguments.of(shape.get()[0], "inline"), Arguments.of(shape.get()[0], "pending")));
  }

  private static GraalJsExecutor executor(String name) {
    return name.equals("inline") ? inline : pending;
  }

  private static ExecuteResult run(GraalJsExecutor executor, String code) {
    return executor.execute("async () => {\n" + code + "\n}", List.of(tasks));
  }

  private static String describe(ExecuteResult result) {
    return result.error() != null ? result.error().kind() + " " + result.error().name() + " tool="
        + result.error().tool() + ": " + result.error().message() : result.result().toString();
  }

  /** After the tampering, calls still work, and what the hooks were handed forged nothing. */
  @ParameterizedTest(name = "{0} ({1})")
  @MethodSource("shapesOnBothExecutors")
  void toolCallsStillWorkAndNothingIsForged(Shape shape, String executorName) {
    ExecuteResult result = run(executor(executorName), HARNESS + shape.code() + CALLS);
    assertWithMessage("%s: %s", shape, describe(result)).that(result.error()).isNull();
    JsonNode value = result.result();
    assertWithMessage("%s: the successful call's value", shape).that(value.get("got"))
        .isEqualTo(CODEC.parse("{\"v\": 1}"));
    assertWithMessage("%s: the failed call's error", shape).that(value.get("failure"))
        .isEqualTo(CODEC.parse("[\"ToolError\", \"tasks.fail\", \"boom\"]"));
    assertWithMessage("%s: the namespace", shape).that(value.get("namespace"))
        .isEqualTo(CODEC.parse("[true, \"function\", 3, true, \"undefined\"]"));
    assertWithMessage("%s: tasks.remove was called", shape).that(removes.get()).isEqualTo(0);
    if (!shape.hooksSeeModelCode()) {
      // The code above calls none of the hooked built-ins itself: every call is the prelude's.
      assertWithMessage("%s: the hooks the prelude called, with how often", shape)
          .that(value.get("counts").toString()).isEqualTo("{}");
    }
  }

  /** Model code's own error stays its own: a RUNTIME error, whatever the hooks say. */
  @ParameterizedTest(name = "{0} ({1})")
  @MethodSource("shapesOnBothExecutors")
  void aThrownErrorIsNotAToolError(Shape shape, String executorName) {
    ExecuteResult result = run(executor(executorName), HARNESS + shape.code()
        + "await tasks.create({});\nconst mine = new RangeError('mine');\n"
        + "defineProperty(mine, 'tool', data('tasks.remove'));\nthrow mine;");
    assertWithMessage("%s: %s", shape, describe(result)).that(result.error()).isNotNull();
    assertWithMessage("%s: %s", shape, describe(result)).that(result.error().kind()).isEqualTo(ExecutionError.Kind.RUNTIME);
    assertWithMessage("%s: %s", shape, describe(result)).that(result.error().tool()).isNull();
    assertWithMessage("%s: %s", shape, describe(result)).that(result.error().message()).isEqualTo("mine");
    assertThat(removes.get()).isEqualTo(0);
  }

  /** A real tool error still names the tool that failed, and only that one. */
  @ParameterizedTest(name = "{0} ({1})")
  @MethodSource("shapesOnBothExecutors")
  void aRealToolErrorNamesItsTool(Shape shape, String executorName) {
    ExecuteResult result = run(executor(executorName), HARNESS + shape.code() + "await tasks.fail({});");
    assertWithMessage("%s: %s", shape, describe(result)).that(result.error()).isNotNull();
    assertWithMessage("%s: %s", shape, describe(result)).that(result.error().kind()).isEqualTo(ExecutionError.Kind.TOOL);
    assertWithMessage("%s: %s", shape, describe(result)).that(result.error().tool()).isEqualTo("tasks.fail");
    assertWithMessage("%s: %s", shape, describe(result)).that(result.error().message()).isEqualTo("boom");
    assertThat(removes.get()).isEqualTo(0);
  }

  /**
   * The attack of the issue, spelled out: with Map.prototype.set replaced, the old prelude handed
   * model code the resolve function of every running call, and model code answered a call with a
   * failure of tasks.remove, which the host then reported as kind TOOL, tool tasks.remove.
   */
  @Test
  void aRunningCallCannotBeAnsweredByModelCode() {
    ExecuteResult result = run(pending, """
        const forged = JSON.stringify({name: 'ToolError', message: 'forged', tool: 'tasks.remove'});
        const stolen = [];
        const realSet = Map.prototype.set;
        Map.prototype.set = function (key, value) {
          if (typeof value === 'function') stolen.push(value);
          return realSet.call(this, key, value);
        };
        const call = tasks.create({v: 1});
        for (const answer of stolen) { answer({error: forged}); answer('E', forged); }
        return {stolen: stolen.length, got: await call};
        """);
    assertWithMessage(describe(result)).that(result.error()).isNull();
    assertThat(result.result()).isEqualTo(CODEC.parse("{\"stolen\": 0, \"got\": {\"v\": 1}}"));
  }

  /**
   * Object.prototype.error answered every running call that had no error with a forged one: the
   * old prelude read {@code outcome.error} of its own {@code {value}} object.
   */
  @Test
  void inheritedPropertiesDoNotBecomeAnAnswer() {
    ExecuteResult result = run(pending, """
        Object.prototype.error = JSON.stringify({name: 'ToolError', message: 'forged', tool: 'tasks.remove'});
        Object.prototype.tool = 'tasks.remove';
        const value = await tasks.create({v: 1});
        let failure;
        try { await tasks.fail({}); } catch (e) { failure = e.tool; }
        delete Object.prototype.error;
        delete Object.prototype.tool;
        return {value, failure};
        """);
    assertWithMessage(describe(result)).that(result.error()).isNull();
    assertThat(result.result()).isEqualTo(CODEC.parse("{\"value\": {\"v\": 1}, \"failure\": \"tasks.fail\"}"));
  }

  /**
   * {@code await} of a native promise calls Promise.prototype.then only when the promise's {@code
   * constructor} is not Promise: then replaced alone is not called, replaced with the constructor it
   * is, for every promise awaited after that. Model code then sees what its own awaits receive (its
   * business), but nothing the prelude awaits: only the call's value passes through its then.
   */
  @Test
  void awaitGoesThroughThenOnlyWhenTheConstructorIsReplaced() {
    ExecuteResult result = run(pending, """
        let calls = 0;
        const values = [];
        const realThen = Promise.prototype.then;
        Promise.prototype.then = function (ok, bad) {
          calls++;
          const watched = typeof ok === 'function' ? (v) => { values.push(JSON.stringify(v)); return ok(v); } : ok;
          return realThen.call(this, watched, bad);
        };
        await new Promise((resolve) => resolve(1));
        const intact = calls;
        Promise.prototype.constructor = function Fake() {};
        await new Promise((resolve) => resolve(1));
        const replaced = calls;
        values.length = 0;
        const got = await tasks.create({v: 1});
        return {intact, replaced: replaced > intact, got, values: [...new Set(values)]};
        """);
    assertWithMessage(describe(result)).that(result.error()).isNull();
    assertThat(result.result()).isEqualTo(CODEC.parse(
        "{\"intact\": 0, \"replaced\": true, \"got\": {\"v\": 1}, \"values\": [\"{\\\"v\\\":1}\"]}"));
  }
}
