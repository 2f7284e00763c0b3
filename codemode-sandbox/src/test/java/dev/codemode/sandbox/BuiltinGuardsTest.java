package dev.codemode.sandbox;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.codemode.core.JsonCodec;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * Built-ins that GraalJS runs in Java without a safepoint, which the watchdog cannot stop once they
 * have started: the prelude checks what they will do and refuses, with a RangeError, the calls
 * whose work is known to be too large, and makes JSON.stringify run guest code.
 *
 * <p>Before, each attack below ran until it was done, which for an array-like of length 2 ** 53 - 1
 * is never: the execution did not end, whatever its timeout. So every run here is awaited for a
 * bounded time ({@link #ENDED_WITHIN}) and a run still going then fails the test; the bound is
 * generous, the refusals come at once, and nothing here measures time.
 *
 * <p>Not covered, and not coverable by the prelude: BigInt operators ({@code 3n ** 100000000n}, the
 * product of two 64 M-bit numbers, {@code <<}, {@code ==} with a long string of digits) are not
 * functions and cannot be wrapped; such an operation runs to its end before the watchdog can stop
 * the code (about a minute for {@code 3n ** 100000000n} on a busy machine).
 */
class BuiltinGuardsTest {

  private static final Duration ENDED_WITHIN = Duration.ofSeconds(120);
  private static final JsonCodec CODEC = JsonCodec.defaults();
  private static final String HUGE = "2 ** 53 - 1";
  private static final String HUGE_TEXT = "9,007,199,254,740,991";

  private static GraalJsExecutor executor;

  @BeforeAll
  static void start() {
    executor = GraalJsExecutor.builder().timeout(Duration.ofSeconds(20)).build();
  }

  @AfterAll
  static void stop() {
    executor.close();
  }

  /** Runs {@code code}, failing the test when it does not end within {@link #ENDED_WITHIN}. */
  private static ExecuteResult run(String code) {
    try {
      return executor.executeAsync(code, List.of()).toCompletableFuture()
          .get(ENDED_WITHIN.toSeconds(), TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError("the execution did not end within " + ENDED_WITHIN + ": " + code, e);
    } catch (InterruptedException | ExecutionException e) {
      throw new AssertionError(e);
    }
  }

  private static JsonNode ok(String code) {
    ExecuteResult result = run(code);
    assertWithMessage("%s: %s", code, result.error()).that(result.error()).isNull();
    return result.result();
  }

  /** The message of the RangeError {@code code} fails with. */
  private static String refused(String code) {
    ExecuteResult result = run(code);
    assertWithMessage("%s completed with %s", code, result.result()).that(result.error()).isNotNull();
    assertWithMessage("%s: %s", code, result.error()).that(result.error().kind()).isEqualTo(ExecutionError.Kind.RUNTIME);
    assertWithMessage("%s: %s", code, result.error()).that(result.error().name()).isEqualTo("RangeError");
    return result.error().message();
  }

  private static String arrayLikeRefusal(String method, String length) {
    return method + " was called on an array-like object whose length is " + length
        + "; at most 16,777,216 is allowed for objects that are not arrays. Use a real array.";
  }

  // ---- array-likes ------------------------------------------------------------------------------

  /** Each generic array method on an object that is no array but says it has 2 ** 53 - 1 elements. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "indexOf(1)", "lastIndexOf(1)", "lastIndexOf(1, -1)", "includes(1)", "forEach(() => {})",
      "filter(() => true)", "every(() => true)", "some(() => false)", "map((x) => x)", "reduce((a) => a, 0)",
      "reduceRight((a) => a, 0)", "find(() => false)", "findIndex(() => false)", "findLast(() => false)",
      "findLastIndex(() => false)", "join()", "toLocaleString()", "fill(1)", "copyWithin(0, 1)", "reverse()",
      "sort()", "toSorted()", "toReversed()", "toSpliced(0, 1)", "with(0, 1)", "shift()", "unshift(1)",
      "splice(0, 1)", "slice(0, 2)", "flat()", "flatMap((x) => x)"})
  void arrayMethodsRefuseHugeArrayLikes(String call) {
    String method = call.substring(0, call.indexOf('('));
    String arguments = call.substring(call.indexOf('(') + 1, call.length() - 1);
    String code = "Array.prototype." + method + ".call({length: " + HUGE + "}" + (arguments.isEmpty() ? "" : ", " + arguments) + ")";
    assertThat(refused(code)).isEqualTo(arrayLikeRefusal("Array.prototype." + method, HUGE_TEXT));
  }

  @Test
  void copyingHugeArrayLikesIsRefused() {
    assertThat(refused("Array.from({length: 1e9})")).isEqualTo(arrayLikeRefusal("Array.from", "1,000,000,000"));
    assertThat(refused("Array.from({length: 2 ** 32 - 1}, (x) => x)"))
        .isEqualTo(arrayLikeRefusal("Array.from", "4,294,967,295"));
    assertThat(refused("Uint8Array.from({length: 2 ** 30})"))
        .isEqualTo(arrayLikeRefusal("%TypedArray%.from", "1,073,741,824"));
    assertThat(refused("new Uint8Array({length: 2 ** 30})")).isEqualTo(arrayLikeRefusal("Uint8Array", "1,073,741,824"));
    assertThat(refused("new Float64Array({length: 2 ** 28})")).isEqualTo(arrayLikeRefusal("Float64Array", "268,435,456"));
  }

  /**
   * A real array needs no limit for most methods (they skip the holes of a sparse one), but
   * toReversed, toSorted, toSpliced and with write every index of their copy: the copy is checked.
   */
  // Listing the keys of a typed array of 2^28 elements made 268 million strings in Java and never
  // ended; it is refused, and small listings are as before.
  @Test
  void listingTheKeysOfHugeTypedArraysAndStringsIsRefused() {
    for (String listing : List.of("Object.keys", "Object.values", "Object.entries", "Object.getOwnPropertyNames",
        "Object.getOwnPropertyDescriptors", "Reflect.ownKeys")) {
      assertThat(refused(listing + "(new Uint8Array(2 ** 28))")).isEqualTo(listing
          + " would list the 268,435,456 indexes of a typed array; at most 16,777,216 are allowed. Work on a slice of it.");
    }
    assertThat(refused("Object.keys('x'.repeat(2 ** 25))")).startsWith("Object.keys would list the 33,554,432 indexes of a string");
    assertThat(ok("[Object.keys(new Uint8Array(3)), Object.entries('ab'), Reflect.ownKeys({b: 1}), Object.keys.name,"
        + " Object.keys.length, String(Object.keys)]").toString())
        .isEqualTo("[[\"0\",\"1\",\"2\"],[[\"0\",\"a\"],[\"1\",\"b\"]],[\"b\"],\"keys\",1,"
            + "\"function keys() { [native code] }\"]");
  }

  @Test
  void copiesOfSparseArraysAreRefused() {
    for (String call : List.of("toReversed()", "toSorted()", "with(0, 1)", "toSpliced(0, 0, 1)")) {
      String length = call.startsWith("toSpliced") ? "4,294,967,296" : "4,294,967,295";
      assertThat(refused("const a = []; a.length = 2 ** 32 - 1; return a." + call))
          .isEqualTo("Array.prototype." + call.substring(0, call.indexOf('(')) + " would make an array of " + length
              + " elements, one for every index of the array, holes included; at most 16,777,216 are allowed for a"
              + " copy. Change the array in place (reverse, sort, splice or an assignment) instead.");
    }
    JsonNode result = ok("""
        const a = []; a.length = 2 ** 32 - 1; a[1] = 'x';
        let converted = 0;
        const start = {valueOf() { converted++; return 0; }};
        return [a.toSpliced(0, 2 ** 32 - 3).length, a.toSpliced(3, 2 ** 32, 'y'), a.toSpliced(start, 2 ** 32 - 2),
          converted, a.reverse().length, [3, 1, 2].toSorted(), [1, 2].with(0, 9), [1, 2, 3].toSpliced(1, 1)];
        """);
    assertThat(result).isEqualTo(CODEC.parse(
        "[2, [null, \"x\", null, \"y\"], [null], 1, 4294967295, [1, 2, 3], [9, 2], [1, 3]]"));
  }

  /**
   * The length the check reads is the length the built-in uses: a getter, a length with valueOf or
   * a proxy that answers small to the first read and huge to the next gets its first answer, read
   * once; a proxy that says it is an array is not taken for one.
   */
  @Test
  void aLengthCannotChangeBetweenTheCheckAndTheBuiltin() {
    JsonNode result = ok("""
        let reads = 0;
        const getter = {get length() { return reads++ === 0 ? 2 : 2 ** 53 - 1; }, 0: 'a', 1: 'b'};
        const fromGetter = Array.prototype.indexOf.call(getter, 'b');
        const getterReads = reads;
        let conversions = 0;
        const valueOf = {length: {valueOf() { return conversions++ === 0 ? 1 : 2 ** 53 - 1; }}, 0: 'x'};
        const fromValueOf = Array.prototype.map.call(valueOf, (x) => x + '!');
        let proxyReads = 0;
        const flip = new Proxy([], {get(t, k) { return k === 'length' ? (proxyReads++ === 0 ? 0 : 2 ** 53 - 1) : t[k]; }});
        const fromProxy = Array.prototype.lastIndexOf.call(flip, 1);
        // fill returns its receiver: the object itself, not the view of it the method ran on
        const two = {get length() { return 2; }};
        const filled = Array.prototype.fill.call(two, 'z');
        return {fromGetter, getterReads, fromValueOf, conversions, fromProxy, proxyReads,
          filledIsTheObject: filled === two, filled: [two[0], two[1]]};
        """);
    assertThat(result).isEqualTo(CODEC.parse("{\"fromGetter\": 1, \"getterReads\": 1, \"fromValueOf\": [\"x!\"],"
        + " \"conversions\": 1, \"fromProxy\": -1, \"proxyReads\": 1, \"filledIsTheObject\": true,"
        + " \"filled\": [\"z\", \"z\"]}"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "new Proxy([], {get: (t, k) => k === 'length' ? 2 ** 53 - 1 : t[k]})",
      "new Proxy({}, {get: (t, k) => k === 'length' ? 2 ** 53 - 1 : undefined})",
      "Proxy.revocable([], {get: (t, k) => k === 'length' ? 2 ** 53 - 1 : t[k]}).proxy",
      "Object.create(new Proxy({}, {get: (t, k) => k === 'length' ? 2 ** 53 - 1 : undefined}))",
      "Object.create({length: 2 ** 53 - 1})",
      "{get length() { return 2 ** 53 - 1 }}",
      "{length: {valueOf: () => 2 ** 53 - 1}}",
      "{length: '9007199254740991'}",
      "Object.defineProperty(new Uint8Array(4), 'length', {value: 2 ** 53 - 1})",
      "'x'.repeat(2 ** 24 + 1)"})
  void everyKindOfHugeArrayLikeIsRefused(String receiver) {
    ExecuteResult result = run("Array.prototype.indexOf.call(" + receiver + ", 1)");
    assertWithMessage("%s: %s", receiver, result.error()).that(result.error()).isNotNull();
    assertThat(result.error().name()).isEqualTo("RangeError");
    assertThat(result.error().message()).startsWith("Array.prototype.indexOf was called on an array-like object whose length is ");
  }

  /** What code normally does with arrays and array-likes works as before. */
  @Test
  void ordinaryUsesAreUnchanged() {
    JsonNode result = ok("""
        const sparse = []; sparse.length = 1e9; sparse[7] = 'x';
        function args() { return Array.prototype.slice.call(arguments, 1); }
        const like = {length: 3, 0: 'a', 1: 'b', 2: 'c'};
        class MyArray extends Array {}
        return [
          [3, 1, 2].sort(), [10, 9, 1].sort(), [3, 1, 2].toSorted((a, b) => b - a), [1, 2, 3].map((x) => x * 2),
          sparse.indexOf('x'), sparse.lastIndexOf('x'), sparse.length,
          args(1, 2, 3), Array.prototype.map.call('abc', (c) => c + c), Array.prototype.join.call(like, '-'),
          Array.from(like), Array.from({length: 3}, (_, i) => i * i), Array.from(new Set([1, 2])), Array.from('hé'),
          MyArray.from([1]) instanceof MyArray, Array.prototype.reverse.call(like) === like, like[0],
          Array.prototype.filter.call(new Uint8Array([1, 2, 3]), (x) => x > 1),
          [].indexOf.name, [].indexOf.length, [].map.length, [].reduce.length, Array.from.length, [].join.length,
          Object.keys(Array.prototype).length, 'prototype' in [].map, String([].sort),
          Function.prototype.toString.call([].forEach), Array.prototype.flat.call([[1, [2]], 3], 2),
          [1, 2, 3].with(1, 9), [1, 2, 3].toSpliced(1, 1), [1, 2, 3].toReversed(), new Array(5).join('ab'),
        ];
        """);
    assertThat(result).isEqualTo(CODEC.parse("""
        [[1, 2, 3], [1, 10, 9], [3, 2, 1], [2, 4, 6], 7, 7, 1000000000,
         [2, 3], ["aa", "bb", "cc"], "a-b-c", ["a", "b", "c"], [0, 1, 4], [1, 2], ["h", "é"],
         true, true, "c", [2, 3], "indexOf", 1, 1, 1, 1, 1, 0, false,
         "function sort() { [native code] }", "function forEach() { [native code] }", [1, 2, 3],
         [1, 9, 3], [1, 3], [3, 2, 1], "abababab"]
        """));
  }

  /** The constructors the prelude wraps still behave as constructors, and look as they did. */
  @Test
  void wrappedConstructorsLookAndBehaveAsBefore() {
    JsonNode result = ok("""
        const revocable = Proxy.revocable({a: 1}, {});
        const before = revocable.proxy.a;
        revocable.revoke();
        let afterRevoke;
        try { revocable.proxy.a; afterRevoke = 'no error'; } catch (e) { afterRevoke = e.name; }
        let called;
        try { Proxy({}, {}); called = 'no error'; } catch (e) { called = e.name; }
        let newBigInt;
        try { new BigInt(1); newBigInt = 'no error'; } catch (e) { newBigInt = e.name; }
        class U extends Uint8Array {}
        const buffer = new ArrayBuffer(4);
        return [
          new Proxy({}, {get: () => 7}).x, before, afterRevoke, called, typeof Proxy, Proxy.length, Proxy.name,
          'prototype' in Proxy, String(Proxy), new Uint8Array(2).constructor === Uint8Array,
          new U(2) instanceof U, new U(2) instanceof Uint8Array, Object.getPrototypeOf(Uint8Array) === Object.getPrototypeOf(Int8Array),
          new Uint8Array([1, 2]).join(), new Uint8Array(buffer, 1).length, new Uint8Array(new Uint16Array([3, 4])).join(),
          Uint8Array.from({length: 2}, (_, i) => i + 1).join(), Uint8Array.BYTES_PER_ELEMENT, String(Uint8Array),
          new Uint8Array(2).slice(0, 1) instanceof Uint8Array, Uint8Array.prototype.constructor === Uint8Array,
          typeof BigInt, BigInt(10).toString(), BigInt('  -42 ').toString(), BigInt(true).toString(),
          BigInt({valueOf: () => 5}).toString(), BigInt.asIntN(8, 255n).toString(), BigInt.prototype.constructor === BigInt,
          Object(1n) instanceof BigInt, newBigInt, String(BigInt), BigInt.length, BigInt.name,
          BigInt('0'.repeat(1e6) + '1').toString(),
        ];
        """);
    assertThat(result).isEqualTo(CODEC.parse("""
        [7, 1, "TypeError", "TypeError", "function", 2, "Proxy", false, "function Proxy() { [native code] }",
         true, true, true, true, "1,2", 3, "3,4", "1,2", 1, "function Uint8Array() { [native code] }", true, true,
         "function", "10", "-42", "1", "5", "-1", true, true, "TypeError", "function BigInt() { [native code] }",
         1, "BigInt", "1"]
        """));
  }

  // ---- strings --------------------------------------------------------------------------------

  private static String stringRefusal(String method, String length) {
    return method + " would make a string of " + length + " characters; at most 134,217,728 are allowed."
        + " Build less text at once.";
  }

  @Test
  void stringsLongerThanTheLimitAreRefusedBeforeTheyAreMade() {
    assertThat(refused("'x'.repeat(2 ** 27 + 1)")).isEqualTo(stringRefusal("String.prototype.repeat", "134,217,729"));
    assertThat(refused("'ab'.repeat(1e8)")).isEqualTo(stringRefusal("String.prototype.repeat", "200,000,000"));
    assertThat(refused("''.padStart(2 ** 29, 'ab')")).isEqualTo(stringRefusal("String.prototype.padStart", "536,870,912"));
    assertThat(refused("'x'.padEnd(2 ** 29)")).isEqualTo(stringRefusal("String.prototype.padEnd", "536,870,912"));
    assertThat(refused("'x'.repeat(7e7).replaceAll('', 'y')"))
        .isEqualTo(stringRefusal("String.prototype.replaceAll", "140,000,001"));
    assertThat(refused("'x'.repeat(1e7).replaceAll('xxxx', 'y'.repeat(60))"))
        .isEqualTo(stringRefusal("String.prototype.replaceAll", "150,000,000"));
    // $' inserts what follows the match: quadratic (before, the JVM ran out of heap)
    assertThat(refused("'x'.repeat(1e4).replace('x', \"$'\".repeat(1e5))"))
        .isEqualTo(stringRefusal("String.prototype.replace", "999,909,999"));
    assertThat(refused("new Array(2 ** 27).join('ab')"))
        .isEqualTo(stringRefusal("Array.prototype.join", "at least 268,435,454"));
  }

  @Test
  void ordinaryStringUsesAreUnchanged() {
    JsonNode result = ok("""
        const counted = {toString() { return 'ab'; }};
        return [
          'ab'.repeat(3), ''.repeat(1e9), 'x'.repeat(0), 'x'.padStart(4, 'ab'), 'x'.padEnd(3), 'abc'.padStart(2, 'z'),
          'x'.padStart(5, ''), 'abc'.replace('b', "[$&$`$'$$]"), 'aaa'.replaceAll('a', '$&$&'), 'abc'.replaceAll('', '-'),
          'a.b.c'.replace(/\\./g, '/'), 'abc'.replace('b', (m) => m.toUpperCase()), String.prototype.repeat.call(counted, 2),
          'x'.repeat.length, 'x'.padStart.length, 'x'.replaceAll.length, String(''.repeat), 'a$b'.replace('$', '$1$<x>$'),
        ];
        """);
    assertThat(result).isEqualTo(CODEC.parse("""
        ["ababab", "", "", "abax", "x  ", "abc", "x", "a[bac$]c", "aaaaaa", "-a-b-c-", "a/b/c", "aBc", "abab",
         1, 1, 2, "function repeat() { [native code] }", "a$1$<x>$b"]
        """));
    List<String> invalid = List.of("'x'.repeat(-1)", "'x'.repeat(Infinity)", "String.prototype.repeat.call(null, 1)",
        "String.prototype.padStart.call(undefined, 3)");
    for (String code : invalid) {
      ExecuteResult result2 = run(code);
      assertWithMessage(code).that(result2.error()).isNotNull();
      assertThat(result2.error().name()).isAnyOf("RangeError", "TypeError");
      assertThat(result2.error().message()).doesNotContain("at most");
    }
  }

  // ---- JSON.stringify ---------------------------------------------------------------------------

  /** What it writes out is far larger than what is in memory: it runs guest code now, and is stopped. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "JSON.stringify(new Array(2 ** 28)).length",
      "JSON.stringify(new Array(2 ** 28), ['x']).length",
      "JSON.stringify({a: new Array(2 ** 28)}, null, 2).length",
      "(() => { let x = [1]; for (let i = 0; i < 40; i++) x = [x, x]; return JSON.stringify(x).length; })()",
      "(() => { let x = {a: 1}; for (let i = 0; i < 40; i++) x = {l: x, r: x}; return JSON.stringify(x, ['l', 'r', 'a']).length; })()"})
  void hugeJsonTextsAreStopped(String code) {
    ExecuteResult result = run(code);
    assertWithMessage("%s completed with %s", code, result.result()).that(result.error()).isNotNull();
    assertThat(result.error().kind()).isAnyOf(ExecutionError.Kind.TIMEOUT, ExecutionError.Kind.LIMIT);
  }

  @Test
  void jsonStringifyWritesWhatItWroteBefore() {
    JsonNode result = ok("""
        const cyclic = {a: 1}; cyclic.self = {back: cyclic};
        const cyclicArray = [1]; cyclicArray.push({inner: cyclicArray});
        const error = (f) => { try { return f(); } catch (e) { return e.name; } };
        const dag = {shared: {x: 1}}; dag.again = dag.shared;
        return [
          JSON.stringify({b: 1, a: [1, 'x', null, undefined, () => 1], c: {d: new Date(0)}}),
          JSON.stringify({b: 1, a: 2, c: {a: 3, z: 4}}, ['a', 'c', 'a', 1]),
          JSON.stringify({1: 'one', 2: 'two'}, [new Number(1), new String('2')]),
          JSON.stringify([{a: 1, b: 2}], ['b']),
          JSON.stringify({a: new Number(3), b: new String('s'), c: new Boolean(false)}, ['a', 'b', 'c']),
          JSON.stringify({a: {toJSON() { return {b: 2, c: 3}; }}}, ['a', 'b']),
          JSON.stringify({a: 1, b: [1, 2]}, null, 2), JSON.stringify({a: 1}, null, '--'),
          JSON.stringify({a: 1, b: 2}, (k, v) => k === 'b' ? undefined : v), JSON.stringify(undefined) === undefined,
          JSON.stringify('x'), JSON.stringify({r: JSON.rawJSON('1e1000')}), JSON.stringify({r: JSON.rawJSON('7')}, ['r']),
          error(() => JSON.stringify(cyclic)), error(() => JSON.stringify(cyclic, ['a', 'self', 'back'])),
          error(() => JSON.stringify(cyclicArray, ['inner'])), error(() => JSON.stringify({n: 1n})),
          JSON.stringify(dag, ['shared', 'again', 'x']), JSON.stringify.length, JSON.stringify.name,
        ];
        """);
    assertThat(result).isEqualTo(CODEC.parse("""
        ["{\\"b\\":1,\\"a\\":[1,\\"x\\",null,null,null],\\"c\\":{\\"d\\":\\"1970-01-01T00:00:00.000Z\\"}}",
         "{\\"a\\":2,\\"c\\":{\\"a\\":3}}", "{\\"1\\":\\"one\\",\\"2\\":\\"two\\"}", "[{\\"b\\":2}]",
         "{\\"a\\":3,\\"b\\":\\"s\\",\\"c\\":false}", "{\\"a\\":{\\"b\\":2}}",
         "{\\n  \\"a\\": 1,\\n  \\"b\\": [\\n    1,\\n    2\\n  ]\\n}", "{\\n--\\"a\\": 1\\n}", "{\\"a\\":1}", true,
         "\\"x\\"", "{\\"r\\":1e1000}", "{\\"r\\":7}", "TypeError", "TypeError", "TypeError", "TypeError",
         "{\\"shared\\":{\\"x\\":1},\\"again\\":{\\"x\\":1}}", 3, "stringify"]
        """));
  }

  // ---- BigInt ---------------------------------------------------------------------------------

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "BigInt('1'.repeat(3e6))",
      "BigInt('-' + '9'.repeat(400000))",
      "BigInt('0x' + 'f'.repeat(300000))",
      "BigInt('0b' + '1'.repeat(1100000))",
      "BigInt({valueOf: () => '1'.repeat(1e6)})",
      "BigInt({[Symbol.toPrimitive]: () => ' ' + '7'.repeat(1e6) + ' '})"})
  void bigIntsFromLongTextAreRefused(String code) {
    assertThat(refused(code)).matches("BigInt\\(\\) was given an integer of at least [0-9,]+ bits; at most 1,048,576"
        + " are allowed\\. Work with smaller numbers\\.");
  }

  /** The prelude converts no huge BigInt to text itself: logging or returning one is quick. */
  @Test
  void hugeBigIntsAreNotConvertedByThePrelude() {
    ExecuteResult logged = run("console.log('big', 1n << 3000000n); return 1");
    assertWithMessage("%s", logged.error()).that(logged.error()).isNull();
    assertThat(logged.logs()).containsExactly("big [BigInt of more than 315,652 digits]");
    ExecuteResult returned = run("return {n: 1n << 3000000n}");
    assertThat(returned.error()).isNotNull();
    assertThat(returned.error().message()).contains("A BigInt of more than 315,652 digits cannot be passed to the host");
    ExecuteResult small = run("console.log(2n ** 64n); return {n: 2n ** 64n}");
    assertThat(small.logs()).containsExactly("18446744073709551616n");
    assertThat(small.result().get("n").bigIntegerValue().toString()).isEqualTo("18446744073709551616");
  }
}
