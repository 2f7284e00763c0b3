package dev.codemode.sandbox;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.codemode.core.JsonCodec;
import dev.codemode.core.ToolDescriptor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;

/**
 * Tries to break every rule of the GraalJS sandbox, and checks after each attempt that the same
 * executor still runs the next execution.
 *
 * <p>Each test makes an attempt, asserts that it fails with a clear error (or gives a harmless
 * value), and ends with {@link #assertStillWorks()}. Comments that say "Found by this test" record
 * holes this suite found and what closed them; those tests must not be weakened.
 *
 * <p>The executor has a 3 s timeout. "It ended" bounds are generous ({@link #ENDED_WITHIN}):
 * they only catch executions that run far past their deadline, and hold on a machine whose cores
 * are busy with other work. A bomb may be stopped by the defence meant for it or by another one that
 * stops it too (a loop that allocates may hit the memory guard before the deadline): the tests
 * accept every defence that stops it, and check that it was stopped.
 */
@TestMethodOrder(MethodOrderer.MethodName.class)
class SandboxSecurityTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(3);
  /** An execution must have ended this long after it started, whatever it did, however busy the machine. */
  private static final Duration ENDED_WITHIN = TIMEOUT.plusSeconds(27);

  private static final JsonCodec CODEC = JsonCodec.defaults();

  /** What a tool result looks like when it tries to be more than data. */
  private static final String HOSTILE_JSON = "{\"__proto__\":{\"polluted\":true},"
      + "\"constructor\":{\"prototype\":{\"polluted\":true}},\"prototype\":{\"polluted\":true},"
      + "\"toString\":\"not a function\",\"valueOf\":1,\"hasOwnProperty\":null,\"then\":\"x\","
      + "\"nested\":[{\"__proto__\":{\"polluted\":true}},{\"constructor\":{\"name\":\"Function\"}}]}";

  private static GraalJsExecutor executor;
  private static ToolProvider tools;
  private static final AtomicInteger marks = new AtomicInteger();
  private static final AtomicInteger echoes = new AtomicInteger();
  private static final AtomicReference<JsonNode> lastInput = new AtomicReference<>();
  private static final AtomicInteger slowStarted = new AtomicInteger();
  private static final AtomicInteger slowFinished = new AtomicInteger();
  private static final AtomicInteger slowInterrupted = new AtomicInteger();

  @BeforeAll
  static void startExecutor() {
    JsonNode anyObject = CODEC.parse("{\"type\":\"object\"}");
    tools = ToolProvider.builder("tools")
        .syncTool(ToolDescriptor.of("echo", "Returns its input", anyObject, null), input -> {
          echoes.incrementAndGet();
          lastInput.set(input);
          return input;
        })
        .syncTool(ToolDescriptor.of("mark", "Counts calls", anyObject, null), input -> {
          marks.incrementAndGet();
          return NullNode.getInstance();
        })
        .syncTool(ToolDescriptor.of("data", "Returns hostile-looking JSON", anyObject, null),
            input -> CODEC.parse(HOSTILE_JSON))
        .tool(ToolDescriptor.of("fail", "Throws", anyObject, null), input -> {
          throw new IllegalStateException("secret path /etc/x");
        })
        .tool(ToolDescriptor.of("npe", "Throws a NullPointerException", anyObject, null), input -> {
          throw new NullPointerException();
        })
        .tool(ToolDescriptor.of("failAsync", "Fails later", anyObject, null),
            input -> CompletableFuture.supplyAsync(() -> {
              throw new IllegalStateException("async secret /etc/y");
            }))
        .tool(ToolDescriptor.of("slow", "Sleeps 3.5 s", anyObject, null), input -> {
          slowStarted.incrementAndGet();
          try {
            Thread.sleep(3_500);
          } catch (InterruptedException e) {
            slowInterrupted.incrementAndGet();
            Thread.currentThread().interrupt();
            throw e;
          }
          slowFinished.incrementAndGet();
          return CompletableFuture.completedFuture(NullNode.getInstance());
        })
        .build();
    executor = GraalJsExecutor.builder().timeout(TIMEOUT).build();
    // The first execution of an executor loads the normalizer and warms up the engine; on a busy
    // machine that alone can take longer than the 3 s timeout, so warm up before the tests.
    for (int i = 0; i < 5; i++) {
      if (executor.execute("1 + 1", List.of(tools)).error() == null) {
        break;
      }
    }
  }

  @AfterAll
  static void closeExecutor() {
    if (executor != null) {
      executor.close();
    }
  }

  @BeforeEach
  void resetCounters() throws InterruptedException {
    marks.set(0);
    echoes.set(0);
    lastInput.set(null);
    // Collect what the previous test left (the memory bombs' garbage), so that the heap watchdog's
    // reaction to it stays inside that test; see memoryBombGarbageDoesNotGetLaterExecutionsKilled.
    Runtime runtime = Runtime.getRuntime();
    if (runtime.totalMemory() - runtime.freeMemory() > runtime.maxMemory() / 3) {
      System.gc();
      Thread.sleep(50);
    }
  }

  // ---- helpers ----------------------------------------------------------------------------------

  /** Runs {@code code} with the test tools and checks that the execution ended in bounded time. */
  private static ExecuteResult run(String code) {
    long start = System.nanoTime();
    ExecuteResult result = executor.execute(code, List.of(tools));
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertWithMessage("the execution must end soon after its %s timeout; it took %s ms: %s",
            TIMEOUT, took.toMillis(), describe(result))
        .that(took)
        .isLessThan(ENDED_WITHIN);
    return result;
  }

  /** Runs {@code code}, asserts it completed, and returns its result. */
  private static JsonNode ok(String code) {
    ExecuteResult result = run(code);
    assertWithMessage("expected %s to complete: %s", code, describe(result)).that(result.error()).isNull();
    return result.result();
  }

  /** Runs {@code code}, asserts it failed, and returns the error. */
  private static ExecutionError failed(String code) {
    ExecuteResult result = run(code);
    assertWithMessage("expected %s to fail: %s", code, describe(result)).that(result.error()).isNotNull();
    assertNoJavaText(result.error().message());
    return result.error();
  }

  /** The next execution on the same executor still works. */
  private static void assertStillWorks() {
    ExecuteResult result = executor.execute("1 + 1", List.of(tools));
    assertWithMessage("the next execution must still work: %s", describe(result))
        .that(result.error())
        .isNull();
    assertThat(result.result().asInt()).isEqualTo(2);
  }

  private static String describe(ExecuteResult result) {
    String value = result.result().isBigInteger()
        ? "an integer of " + result.result().bigIntegerValue().bitLength() + " bits"
        : result.result().toString();
    if (value.length() > 300) {
      value = value.substring(0, 300) + "...";
    }
    return "result=" + value + " error=" + result.error() + " logs=" + result.logs().size()
        + " wall=" + result.stats().wallTime().toMillis() + "ms";
  }

  /** No Java class names or stack frames. */
  private static void assertNoJavaText(String text) {
    if (text == null) {
      return;
    }
    assertThat(text).doesNotContain("java.");
    assertThat(text).doesNotContain("at dev.codemode");
    assertThat(text).doesNotContain(".java:");
    assertThat(text).doesNotContain("org.graalvm");
    assertThat(text).doesNotContain("com.oracle");
    assertThat(text).doesNotContain("Exception:");
  }

  /** A JS snippet that evaluates {@code expression} and says whether it was undefined or threw. */
  private static String probe(String expression) {
    return "async () => {\n"
        + "  try {\n"
        + "    const v = await (" + expression + ");\n"
        + "    return v === undefined ? 'undefined' : 'value: ' + typeof v + ' ' + String(v);\n"
        + "  } catch (e) {\n"
        + "    return 'threw ' + (e && e.name) + ': ' + (e && e.message);\n"
        + "  }\n"
        + "}";
  }

  private static Set<String> strings(JsonNode array) {
    Set<String> out = new TreeSet<>();
    array.forEach(node -> out.add(node.asString()));
    return out;
  }

  // ---- 1. host class access ---------------------------------------------------------------------

  /**
   * Every global that GraalJS, Nashorn, Rhino, Node, Deno, Bun or a browser would use to reach the
   * host, files, processes or the network. All are undefined. (TextDecoder/TextEncoder and
   * performance are undefined too: js.text-encoding is off.)
   */
  @ParameterizedTest(name = "typeof {0} is undefined")
  @ValueSource(strings = {
      // GraalJS host interop and its Nashorn/Rhino compatibility globals
      "Java", "Packages", "java", "javax", "com", "org", "edu", "net", "Polyglot", "Graal",
      "load", "loadWithNewGlobal", "print", "printErr", "quit", "exit", "readline", "readFully",
      "readbuffer", "JavaImporter", "importPackage", "importClass", "JSAdapter",
      "__noSuchProperty__", "$ENV", "$ARG", "$EXEC", "$OPTIONS", "$OUT", "$ERR", "$EXIT",
      "Debug", "Realm", "nashorn", "jdk", "sun",
      // Node, Deno, Bun
      "require", "module", "exports", "process", "Buffer", "global", "Deno", "Bun",
      // browsers and workers
      "fetch", "XMLHttpRequest", "WebSocket", "EventSource", "WebAssembly", "navigator",
      "location", "document", "window", "self", "Worker", "SharedWorker", "importScripts",
      "postMessage", "performance", "crypto",
      // text encoding: fine either way; recorded: not there
      "TextDecoder", "TextEncoder"})
  void hostGlobalIsUndefined(String name) {
    JsonNode result = ok("[typeof " + name + ", '" + name + "' in globalThis,"
        + " Object.getOwnPropertyDescriptor(globalThis, '" + name + "') === undefined,"
        + " Reflect.get(globalThis, '" + name + "') === undefined]");
    assertWithMessage(name).that(result.toString()).isEqualTo("[\"undefined\",false,true,true]");
    assertStillWorks();
  }

  /** Every way of using those globals to reach a Java class or the file system fails. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "Java.type('java.lang.Runtime')",
      "Java.type('java.lang.Runtime').getRuntime().exec('id')",
      "globalThis['Java'].type('java.lang.Runtime')",
      "globalThis['Ja' + 'va']",
      "this.Java",
      "Packages.java.lang.System",
      "Packages.java.lang.System.exit(1)",
      "java.lang.System",
      "java.lang.System.getenv()",
      "javax.script.ScriptEngineManager",
      "com.sun.management",
      "org.graalvm.polyglot.Context",
      "edu.x",
      "Polyglot.eval('js', '1')",
      "Polyglot.import('x')",
      "Polyglot.export('x', 1)",
      "Graal.versionJS",
      "load('/etc/passwd')",
      "load({script: 'Java', name: 'x.js'})",
      "loadWithNewGlobal({script: '1', name: 'x.js'})",
      "print('x')",
      "printErr('x')",
      "quit()",
      "exit(1)",
      "readline()",
      "readFully('/etc/passwd')",
      "new JavaImporter(java.io)",
      "importPackage('java.io')",
      "importClass('java.io.File')",
      "Java.extend(Object)",
      "new JSAdapter({})",
      "__noSuchProperty__",
      "$ENV.HOME",
      "$ARG[0]",
      "$EXEC('id')",
      "Debug.print('x')",
      "Realm.create()",
      "Realm.global(0)",
      "Java.from([1])",
      "Java.to([1], 'int[]')",
      "Java.isJavaObject({})"})
  void hostAccessAttemptFails(String expression) {
    String outcome = ok(probe(expression)).asString();
    assertWithMessage(expression).that(outcome).matches("undefined|threw (ReferenceError|TypeError): .*");
    assertStillWorks();
  }

  // ---- 2. modules and IO ------------------------------------------------------------------------

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "require('fs')",
      "require('child_process').execSync('id')",
      "process.env",
      "process.exit(1)",
      "process.binding('fs')",
      "import('fs')",
      "import('node:fs')",
      "import('./x.js')",
      "import('/etc/passwd')",
      "import('file:///etc/passwd')",
      "import('../../../../etc/passwd')",
      "import('http://127.0.0.1/x.js')",
      "import('https://example.com/x.mjs')",
      "import('jar:file:///x.jar!/x.js')",
      "fetch('http://127.0.0.1')",
      "new XMLHttpRequest()",
      "new WebSocket('ws://127.0.0.1')",
      "WebAssembly.compile(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]))",
      "Deno.readTextFile('/etc/passwd')",
      "Bun.file('/etc/passwd')",
      "navigator.userAgent",
      "location.href",
      "document.cookie",
      "new Worker('data:text/javascript,1')"})
  void moduleAndIoRoutesFail(String expression) {
    String outcome = ok(probe(expression)).asString();
    // import() of a module name or file: "Operation is not allowed for: fs"; of a URL: "Socket IO
    // is not allowed"; everything else is not defined.
    assertWithMessage(expression).that(outcome).startsWith("threw ");
    assertNoJavaText(outcome);
    assertStillWorks();
  }

  /** A static import is rejected before anything runs. */
  @Test
  void staticImportIsASyntaxError() {
    ExecutionError error = failed("import fs from 'fs'; fs.readFileSync('/etc/passwd', 'utf8')");
    assertThat(error.kind()).isEqualTo(ExecutionError.Kind.SYNTAX);
    assertStillWorks();
  }

  /**
   * {@code import('data:...')} is allowed by GraalJS under IOAccess.NONE (recorded behaviour): it
   * evaluates module text inside the same sandbox, like {@code eval}. It sees the same globals, no
   * host access, and cannot import files, modules or URLs in turn.
   */
  @Test
  void dataUrlImportStaysInTheSandbox() {
    JsonNode result = ok("async () => {\n"
        + "  const m = await import('data:text/javascript,export default [typeof Java, typeof Polyglot,"
        + " typeof load, typeof print, typeof tools, typeof console];');\n"
        + "  let nested;\n"
        + "  try { await import('data:text/javascript,import fs from \"fs\"; export default fs'); nested = 'imported'; }\n"
        + "  catch (e) { nested = 'threw ' + e.message; }\n"
        + "  let url;\n"
        + "  try { await import('data:text/javascript,import x from \"http://127.0.0.1/x.js\"; export default x'); url = 'imported'; }\n"
        + "  catch (e) { url = 'threw ' + e.message; }\n"
        + "  return { globals: m.default, nested, url };\n"
        + "}");
    assertThat(result.get("globals").toString())
        .isEqualTo("[\"undefined\",\"undefined\",\"undefined\",\"undefined\",\"object\",\"object\"]");
    assertThat(result.get("nested").asString()).startsWith("threw ");
    assertThat(result.get("url").asString()).startsWith("threw ");
    assertStillWorks();
  }

  /**
   * The prelude deletes Atomics.wait and Atomics.waitAsync; SharedArrayBuffer stays (it cannot be
   * turned off under CONSTRAINED) but nothing can block on it.
   */
  @Test
  void atomicsWaitCannotBlock() {
    JsonNode result = ok("[typeof SharedArrayBuffer, typeof Atomics, typeof Atomics.wait,"
        + " typeof Atomics.waitAsync, 'wait' in Atomics]");
    assertThat(result.toString()).isEqualTo("[\"function\",\"object\",\"undefined\",\"undefined\",false]");
    ExecuteResult waited = run(
        "Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60000)");
    assertThat(waited.error()).isNotNull();
    assertThat(waited.error().kind()).isEqualTo(ExecutionError.Kind.RUNTIME);
    assertThat(waited.error().name()).isEqualTo("TypeError");
    assertStillWorks();
  }

  /** The host's time zone does not leak: dates are UTC. */
  @Test
  void timeZoneIsUtc() {
    JsonNode result = ok("[new Date(0).getTimezoneOffset(), Intl.DateTimeFormat().resolvedOptions().timeZone]");
    assertThat(result.toString()).isEqualTo("[0,\"UTC\"]");
    assertStillWorks();
  }

  // ---- 3. what globalThis reaches ---------------------------------------------------------------

  /** The exact set of globals. A new global, from GraalJS or the prelude, fails this test. */
  private static final Set<String> ALLOWED_GLOBALS = Set.of(
      // ECMAScript value properties and functions
      "globalThis", "NaN", "Infinity", "undefined", "eval", "isNaN", "isFinite", "parseFloat",
      "parseInt", "encodeURI", "encodeURIComponent", "decodeURI", "decodeURIComponent",
      // Annex B
      "escape", "unescape",
      // ECMAScript constructors and namespaces
      "Object", "Function", "Array", "String", "Number", "Boolean", "Symbol", "BigInt", "Date",
      "RegExp", "Math", "JSON", "Reflect", "Proxy", "Promise", "Iterator", "Map", "Set", "WeakMap",
      "WeakSet", "WeakRef", "FinalizationRegistry", "Error", "EvalError", "RangeError",
      "ReferenceError", "SyntaxError", "TypeError", "URIError", "AggregateError", "ArrayBuffer",
      "SharedArrayBuffer", "Atomics", "DataView", "Int8Array", "Uint8Array", "Uint8ClampedArray",
      "Int16Array", "Uint16Array", "Int32Array", "Uint32Array", "Float16Array", "Float32Array",
      "Float64Array", "BigInt64Array", "BigUint64Array",
      // ECMA-402
      "Intl",
      // the prelude
      "console", "setTimeout", "setInterval", "clearTimeout", "clearInterval", "queueMicrotask",
      "structuredClone",
      // the one tool provider of this test
      "tools",
      // globalThis[Symbol.toStringTag] === 'global'
      "Symbol(Symbol.toStringTag)");

  @Test
  void globalsAreExactlyTheAllowList() {
    JsonNode names = ok("Reflect.ownKeys(globalThis).map(String)");
    Set<String> actual = strings(names);
    Set<String> unexpected = new TreeSet<>(actual);
    unexpected.removeAll(ALLOWED_GLOBALS);
    Set<String> missing = new TreeSet<>(ALLOWED_GLOBALS);
    missing.removeAll(actual);
    assertWithMessage("globals that are not on the allow-list").that(unexpected).isEmpty();
    assertWithMessage("allow-listed globals that are gone").that(missing).isEmpty();
    // GraalJS's own `arguments` global (the script's command line) is switched off.
    assertThat(ok("typeof arguments").asString()).isEqualTo("undefined");
    assertStillWorks();
  }

  /**
   * Walks everything reachable from globalThis (own properties of every kind, getters and setters
   * as functions, and prototypes; getters are not called) and looks for host objects.
   *
   * <p>A GraalJS foreign (host) object is non-extensible: a probe with a ProxyExecutable and a
   * ProxyObject under the same sandbox configuration showed {@code Object.isExtensible(x) ===
   * false} for both, and {@code Reflect.ownKeys} throwing "called on non-object" for the
   * executable. Built-ins are extensible, so the only non-extensible objects reachable are those
   * the prelude froze (console) and %ThrowTypeError%, which the spec freezes.
   */
  @Test
  void globalThisReachesNoHostObject() {
    JsonNode walk = ok("() => {\n"
        + "  const seen = new Map();\n"
        + "  const queue = [[globalThis, 'globalThis']];\n"
        + "  const keyNames = new Set();\n"
        + "  const nonExtensible = [];\n"
        + "  const problems = [];\n"
        + "  const tags = new Set();\n"
        + "  const throwTypeError = (Object.getOwnPropertyDescriptor(Function.prototype, 'caller') || {}).get;\n"
        + "  const toolFunctions = new Set(Object.values(tools));\n"
        + "  const classify = (v, path) => v === console ? 'console' : v === throwTypeError ? '%ThrowTypeError%'\n"
        + "      : toolFunctions.has(v) ? 'a tool function' : path;\n"
        + "  const visit = (v, path) => {\n"
        + "    if ((typeof v === 'object' && v !== null) || typeof v === 'function') {\n"
        + "      if (!seen.has(v)) { seen.set(v, path); queue.push([v, path]); }\n"
        + "    }\n"
        + "  };\n"
        + "  while (queue.length > 0 && seen.size < 50000) {\n"
        + "    const [obj, path] = queue.shift();\n"
        + "    let keys;\n"
        + "    try { keys = Reflect.ownKeys(obj); } catch (e) { problems.push(path + ': ownKeys threw ' + e.message); continue; }\n"
        + "    if (!Object.isExtensible(obj)) nonExtensible.push(classify(obj, path));\n"
        + "    tags.add(Object.prototype.toString.call(obj));\n"
        + "    visit(Object.getPrototypeOf(obj), path + '.[[Prototype]]');\n"
        + "    for (const key of keys) {\n"
        + "      const name = String(key);\n"
        + "      keyNames.add(name);\n"
        + "      let d;\n"
        + "      try { d = Object.getOwnPropertyDescriptor(obj, key); } catch (e) { problems.push(path + '.' + name + ': descriptor threw ' + e.message); continue; }\n"
        + "      if (d === undefined) continue;\n"
        + "      if ('value' in d) visit(d.value, path + '.' + name);\n"
        + "      if (d.get) visit(d.get, path + '.' + name + '[get]');\n"
        + "      if (d.set) visit(d.set, path + '.' + name + '[set]');\n"
        + "    }\n"
        + "  }\n"
        + "  return { objects: seen.size, nonExtensible, problems, keyNames: [...keyNames], tags: [...tags] };\n"
        + "}");
    // Recorded: 697 objects are reachable (builtins, their prototypes and functions, the prelude's
    // globals and the tool functions); no toStringTag other than the standard ones and "global".
    assertThat(walk.get("objects").asInt()).isGreaterThan(500);
    assertThat(walk.get("objects").asInt()).isLessThan(50000);
    assertWithMessage("objects whose own keys cannot be listed (foreign objects)")
        .that(strings(walk.get("problems"))).isEmpty();
    // console and the tool functions (frozen by the prelude) and %ThrowTypeError% (frozen by the
    // spec); anything else is listed by its path
    Set<String> nonExtensible = strings(walk.get("nonExtensible"));
    assertWithMessage("non-extensible objects (foreign objects are non-extensible)")
        .that(nonExtensible)
        .containsExactly("console", "%ThrowTypeError%", "a tool function");
    Set<String> keyNames = strings(walk.get("keyNames"));
    for (String host : List.of("Java", "Packages", "Polyglot", "Graal", "JavaImporter",
        "importPackage", "JSAdapter", "loadWithNewGlobal", "printErr", "readFully", "$ENV",
        "$EXEC", "Realm", "process", "require")) {
      assertWithMessage("a property named " + host + " anywhere in the global graph")
          .that(keyNames).doesNotContain(host);
    }
    for (String tag : strings(walk.get("tags"))) {
      assertWithMessage("toStringTag of a reachable object").that(tag).doesNotContainMatch("(?i)java|host|foreign|polyglot");
    }
    assertStillWorks();
  }

  // ---- 4. reaching the global object ------------------------------------------------------------

  /** Function constructors and sloppy this reach the sandbox's own global, which has no host access. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "constructor.constructor('return this')()",
      "Function('return this')()",
      "new Function('return this')()",
      "(function () { return this })()",
      "eval('this')",
      "(0, eval)('this')",
      "[].constructor.constructor('return this')()",
      "({}).constructor.constructor('return this')()",
      "''.constructor.constructor('return this')()",
      "(async () => {}).constructor('return this')()",
      "(function* () {}).constructor('return this')().next().value",
      "(async function* () {}).constructor('return this')().next().then(r => r.value)",
      "Reflect.construct(Function, ['return this'])()",
      "Reflect.apply(Function.prototype.call, function () { return this }, [undefined])",
      "console.log.constructor('return this')()",
      "setTimeout.constructor('return this')()",
      "structuredClone.constructor('return this')()",
      "tools.echo.constructor('return this')()",
      "new Error('x').constructor.constructor('return this')()",
      "Symbol.constructor('return this')()",
      "Object.getPrototypeOf(async function () {}).constructor('return this')()",
      "globalThis.globalThis.globalThis",
      "new Function('return globalThis')()"})
  void globalObjectHasNoHostAccess(String expression) {
    JsonNode result = ok("async () => {\n"
        + "  const g = await (" + expression + ");\n"
        + "  return [g === globalThis, typeof g.Java, typeof g.Packages, typeof g.Polyglot,"
        + " typeof g.java, typeof g.Graal, typeof g.load, typeof g.print, typeof g.process,"
        + " typeof g.require, g.eval('typeof Java')];\n"
        + "}");
    assertWithMessage(expression).that(result.get(0).asBoolean()).isTrue();
    for (int i = 1; i < result.size(); i++) {
      assertWithMessage(expression + " [" + i + "]").that(result.get(i).asString()).isEqualTo("undefined");
    }
    assertStillWorks();
  }

  /** The namespace object has no prototype or constructor to climb. */
  @Test
  void toolNamespaceHasNothingToClimb() {
    JsonNode result = ok("[Object.getPrototypeOf(tools) === null, typeof tools.constructor,"
        + " typeof tools.__proto__, typeof tools.prototype, Reflect.ownKeys(tools).join(),"
        + " Reflect.set(tools, 'echo', 1), Reflect.defineProperty(tools, 'x', {value: 1}),"
        + " Reflect.setPrototypeOf(tools, {}), Object.isFrozen(tools.echo)]");
    assertThat(result.toString()).isEqualTo(
        "[true,\"undefined\",\"undefined\",\"undefined\",\"echo,mark,data,fail,npe,failAsync,slow\","
            + "false,false,false,true]");
    assertStillWorks();
  }

  // ---- 5. values returned by tools ------------------------------------------------------------

  @Test
  void toolResultsArePlainData() {
    JsonNode result = ok("async () => {\n"
        + "  const v = await tools.data({});\n"
        + "  const accessors = [];\n"
        + "  const functions = [];\n"
        + "  const badPrototypes = [];\n"
        + "  const walk = (x, path) => {\n"
        + "    if (x === null || typeof x !== 'object') { if (typeof x === 'function') functions.push(path); return; }\n"
        + "    const proto = Object.getPrototypeOf(x);\n"
        + "    if (proto !== (Array.isArray(x) ? Array.prototype : Object.prototype)) badPrototypes.push(path);\n"
        + "    for (const key of Reflect.ownKeys(x)) {\n"
        + "      const d = Object.getOwnPropertyDescriptor(x, key);\n"
        + "      if (!('value' in d)) { accessors.push(path + '.' + String(key)); continue; }\n"
        + "      walk(d.value, path + '.' + String(key));\n"
        + "    }\n"
        + "  };\n"
        + "  walk(v, 'v');\n"
        + "  return {\n"
        + "    plainPrototype: Object.getPrototypeOf(v) === Object.prototype,\n"
        + "    ownKeys: Reflect.ownKeys(v),\n"
        + "    protoIsOwnData: Object.getOwnPropertyDescriptor(v, '__proto__').value.polluted === true,\n"
        + "    accessors, functions, badPrototypes,\n"
        + "    objectPolluted: ({}).polluted, arrayPolluted: [].polluted,\n"
        + "    protoPolluted: Object.prototype.polluted,\n"
        + "    constructorIsData: typeof v.constructor === 'object' && v.constructor !== Object,\n"
        + "    isThenable: typeof v.then === 'function',\n"
        + "    same: JSON.stringify(v)\n"
        + "  };\n"
        + "}");
    assertThat(result.get("plainPrototype").asBoolean()).isTrue();
    assertThat(strings(result.get("ownKeys"))).containsExactly("__proto__", "constructor",
        "prototype", "toString", "valueOf", "hasOwnProperty", "then", "nested");
    assertThat(result.get("protoIsOwnData").asBoolean()).isTrue();
    assertThat(result.get("accessors").size()).isEqualTo(0);
    assertThat(result.get("functions").size()).isEqualTo(0);
    assertThat(result.get("badPrototypes").size()).isEqualTo(0);
    // undefined properties are left out of the returned JSON
    assertThat(result.has("objectPolluted")).isFalse();
    assertThat(result.has("arrayPolluted")).isFalse();
    assertThat(result.has("protoPolluted")).isFalse();
    assertThat(result.get("constructorIsData").asBoolean()).isTrue();
    assertThat(result.get("isThenable").asBoolean()).isFalse();
    assertThat(CODEC.parse(result.get("same").asString())).isEqualTo(CODEC.parse(HOSTILE_JSON));
    assertStillWorks();
  }

  // ---- 6. what the host receives --------------------------------------------------------------

  @Test
  void protoKeyReachesTheHostAsAPlainKey() {
    ok("async () => { await tools.echo(JSON.parse('{\"__proto__\": {\"admin\": true}, \"a\": 1}')); }");
    assertThat(lastInput.get()).isEqualTo(CODEC.parse("{\"__proto__\": {\"admin\": true}, \"a\": 1}"));
    assertThat(lastInput.get().has("admin")).isFalse();
    assertStillWorks();
  }

  @Test
  void inheritedPollutionIsNotSentToTheHost() {
    ok("async () => {\n"
        + "  Object.prototype.admin = true;\n"
        + "  Array.prototype.extra = 'x';\n"
        + "  Object.defineProperty(Object.prototype, 'hidden', {get() { return 'leak' }, enumerable: true});\n"
        + "  const o = Object.create({inheritedOnly: 1});\n"
        + "  o.own = [1, 2];\n"
        + "  await tools.echo(o);\n"
        + "}");
    assertThat(lastInput.get()).isEqualTo(CODEC.parse("{\"own\": [1, 2]}"));
    assertStillWorks();
  }

  /** The prelude captured JSON.stringify, so replacing it does not change what the host gets. */
  @Test
  void replacedJsonBuiltinsDoNotChangeWhatTheHostGets() {
    ok("async () => {\n"
        + "  JSON.stringify = () => '{\"forged\": true}';\n"
        + "  JSON.parse = () => ({ forged: true });\n"
        + "  const back = await tools.echo({a: 1});\n"
        + "  if (back.forged) throw new Error('the result was forged');\n"
        + "}");
    assertThat(lastInput.get()).isEqualTo(CODEC.parse("{\"a\": 1}"));
    assertStillWorks();
  }

  @Test
  void pollutionDoesNotLeakIntoTheNextExecution() {
    ok("() => {\n"
        + "  Object.prototype.x = 1; Array.prototype.y = 2; Function.prototype.z = 3;\n"
        + "  String.prototype.w = 4; Promise.all = () => 'hijacked';\n"
        + "  JSON.parse = () => 'hijacked'; globalThis.leak = 5; Math.random = () => 4;\n"
        + "  Object.freeze(Object.prototype);\n"
        + "  return 1;\n"
        + "}");
    JsonNode next = ok("async () => [typeof ({}).x, typeof [].y, typeof (() => 1).z, typeof ''.w,"
        + " typeof globalThis.leak, JSON.parse('1'), Math.random() < 1, Object.isFrozen(Object.prototype),"
        + " Promise.all([]) instanceof Promise,"
        + " await tools.echo({v: 1}).then(r => r.v)]");
    assertThat(next.toString()).isEqualTo(
        "[\"undefined\",\"undefined\",\"undefined\",\"undefined\",\"undefined\",1,true,false,true,1]");
    assertStillWorks();
  }

  /**
   * The prelude captured Promise.resolve, Promise.reject and Promise.prototype.then before model
   * code ran, so replacing them changes nothing about how the execution is settled; the next
   * execution has a fresh Promise anyway.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "Promise.prototype.then = function () { return 'hijacked' }",
      "Promise.resolve = () => 'hijacked'",
      "Function.prototype.call = function () { return 'hijacked' }"})
  void replacedPromiseMethodsDoNotChangeHowTheExecutionEnds(String hijack) {
    assertThat(ok("() => { " + hijack + "; return 1; }").asInt()).isEqualTo(1);
    assertThat(ok("async () => (await tools.echo({v: 1})).v").asInt()).isEqualTo(1);
    assertStillWorks();
  }

  // ---- 7. hostile inputs to tools -------------------------------------------------------------

  @Test
  void throwingGetterInInputIsAClearErrorAndTheToolIsNotCalled() {
    ExecutionError error = failed("async () => { await tools.echo({get x() { throw new Error('boom') }}) }");
    assertThat(error.kind()).isEqualTo(ExecutionError.Kind.RUNTIME);
    assertThat(error.name()).isEqualTo("TypeError");
    assertThat(error.message()).isEqualTo("tools.echo: the input cannot be sent to the tool as JSON: boom");
    assertThat(echoes.get()).isEqualTo(0);
    assertStillWorks();
  }

  @Test
  void getterWithSideEffectsRunsOnceInTheSandbox() {
    JsonNode result = ok("async () => {\n"
        + "  let reads = 0;\n"
        + "  const back = await tools.echo({ get x() { reads++; return reads; } });\n"
        + "  return { reads, back };\n"
        + "}");
    assertThat(result.get("reads").asInt()).isEqualTo(1);
    assertThat(lastInput.get()).isEqualTo(CODEC.parse("{\"x\": 1}"));
    assertThat(result.get("back")).isEqualTo(CODEC.parse("{\"x\": 1}"));
    assertStillWorks();
  }

  @Test
  void proxyInputArrivesAsAJsonCopy() {
    JsonNode result = ok("async () => {\n"
        + "  const log = [];\n"
        + "  const p = new Proxy({}, {\n"
        + "    get(t, k) { log.push('get ' + String(k)); return k === 'toJSON' ? undefined : 1; },\n"
        + "    ownKeys() { log.push('ownKeys'); return ['a', 'b']; },\n"
        + "    getOwnPropertyDescriptor(t, k) { return { value: 1, enumerable: true, configurable: true }; },\n"
        + "  });\n"
        + "  await tools.echo(p);\n"
        + "  return log;\n"
        + "}");
    assertThat(lastInput.get()).isEqualTo(CODEC.parse("{\"a\": 1, \"b\": 1}"));
    assertThat(lastInput.get().isObject()).isTrue();
    assertThat(result.toString()).contains("ownKeys");
    assertStillWorks();
  }

  @Test
  void cyclicInputIsAClearError() {
    ExecutionError error = failed("async () => { const o = {a: 1}; o.self = o; await tools.echo(o) }");
    assertThat(error.kind()).isEqualTo(ExecutionError.Kind.RUNTIME);
    assertThat(error.name()).isEqualTo("TypeError");
    assertThat(error.message()).startsWith("tools.echo: the input cannot be sent to the tool as JSON:");
    assertThat(error.message()).contains("circular");
    assertThat(echoes.get()).isEqualTo(0);
    assertStillWorks();
  }

  @Test
  void bigIntInputArrivesAsAnExactInteger() {
    ok("async () => { await tools.echo({small: 10n, big: 2n ** 70n, negative: -(2n ** 64n)}) }");
    // Compared as text: the bridge reads every tagged BigInt as a BigInteger node, also small ones.
    assertThat(lastInput.get().toString()).isEqualTo(
        "{\"small\":10,\"big\":1180591620717411303424,\"negative\":-18446744073709551616}");
    assertStillWorks();
  }

  /**
   * Functions and symbols are not JSON: JSON.stringify leaves them out of objects, and a function
   * or symbol as the whole input is undefined, which a tool receives as an empty object (recorded
   * behaviour; the tool gets plain JSON either way).
   */
  @Test
  void functionsAndSymbolsAreLeftOut() {
    ok("async () => { await tools.echo({f: () => 1, s: Symbol('x'), [Symbol('k')]: 1, keep: 1,"
        + " arr: [() => 1, Symbol('y')]}) }");
    assertThat(lastInput.get()).isEqualTo(CODEC.parse("{\"keep\": 1, \"arr\": [null, null]}"));
    ok("async () => { await tools.echo(() => 1) }");
    assertThat(lastInput.get()).isEqualTo(CODEC.parse("{}"));
    ok("async () => { await tools.echo(Symbol('x')) }");
    assertThat(lastInput.get()).isEqualTo(CODEC.parse("{}"));
    assertStillWorks();
  }

  @Test
  void nonObjectInputIsRejectedByTheSchema() {
    ExecutionError error = failed("async () => { await tools.echo(5) }");
    assertThat(error.kind()).isEqualTo(ExecutionError.Kind.TOOL);
    assertThat(error.name()).isEqualTo("ToolInputError");
    assertThat(echoes.get()).isEqualTo(0);
    assertStillWorks();
  }

  /**
   * Tagged values are the bridge's own encoding; model code can write the tags too. A tag that is
   * not a well-formed integer of at most 1,000 digits is not decoded: it stays plain data, both
   * ways, and never reaches new BigInteger. A real BigInt beyond the limit is a RangeError.
   */
  @Test
  void forgedBridgeTagsStayPlainData() {
    ok("async () => { await tools.echo({__codemode_bigint__: 'abc'}) }");
    assertThat(lastInput.get()).isEqualTo(CODEC.parse("{\"__codemode_bigint__\": \"abc\"}"));
    assertThat(ok("async () => ({__codemode_bigint__: '1e5'})").get("__codemode_bigint__").asString())
        .isEqualTo("1e5");
    assertThat(ok("async () => ({__codemode_bigint__: '-12'})").bigIntegerValue())
        .isEqualTo(new java.math.BigInteger("-12"));
    ExecutionError tooBig = failed("async () => 10n ** 1001n");
    assertThat(tooBig.message()).contains("The result cannot be returned as JSON: A BigInt of 1002 digits");
    assertThat(ok(probe("tools.echo({n: 10n ** 1001n})"))).isEqualTo(CODEC.parse(
        "\"threw TypeError: tools.echo: the input cannot be sent to the tool as JSON: A BigInt of 1002 digits"
            + " cannot be passed to the host; the limit is 1000 digits. Pass it as a string instead.\""));
    assertStillWorks();
  }

  // ---- 8. errors thrown by tools --------------------------------------------------------------

  private static final String INSPECT_TOOL_ERROR = "async () => {\n"
      + "  try { await tools.%s({}); return 'no error'; }\n"
      + "  catch (e) {\n"
      + "    const g = e.constructor.constructor('return this')();\n"
      + "    return {\n"
      + "      isError: e instanceof Error, name: e.name, message: e.message, stack: String(e.stack),\n"
      + "      text: String(e), tool: e.tool, own: Object.getOwnPropertyNames(e),\n"
      + "      ownSymbols: Object.getOwnPropertySymbols(e).length,\n"
      + "      constructorName: e.constructor.name,\n"
      + "      protoChain: [Object.getPrototypeOf(Object.getPrototypeOf(e)) === Error.prototype],\n"
      + "      cause: typeof e.cause,\n"
      + "      descriptors: JSON.stringify(Object.getOwnPropertyDescriptors(e)),\n"
      + "      sameGlobal: g === globalThis,\n"
      + "      host: [typeof g.Java, typeof g.Packages, typeof g.Polyglot, typeof g.java]\n"
      + "    };\n"
      + "  }\n"
      + "}";

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"fail", "npe", "failAsync"})
  void caughtToolErrorsCarryNoJavaDetails(String tool) {
    // Several rounds: the first calls go to the tool executor, later ones may run inline (ADAPTIVE).
    for (int round = 0; round < 4; round++) {
      JsonNode e = ok(String.format(INSPECT_TOOL_ERROR, tool));
      String expectedMessage = switch (tool) {
        case "fail" -> "secret path /etc/x";
        case "npe" -> "tools.npe failed and gave no reason";
        default -> "async secret /etc/y";
      };
      assertThat(e.get("isError").asBoolean()).isTrue();
      assertThat(e.get("name").asString()).isEqualTo("ToolError");
      assertThat(e.get("constructorName").asString()).isEqualTo("ToolError");
      assertThat(e.get("message").asString()).isEqualTo(expectedMessage);
      assertThat(e.get("text").asString()).isEqualTo("ToolError: " + expectedMessage);
      assertThat(e.get("tool").asString()).isEqualTo("tools." + tool);
      assertThat(strings(e.get("own"))).containsExactly("message", "stack", "tool");
      assertThat(e.get("ownSymbols").asInt()).isEqualTo(0);
      assertThat(e.get("protoChain").toString()).isEqualTo("[true]");
      assertThat(e.get("cause").asString()).isEqualTo("undefined");
      assertNoJavaText(e.get("stack").asString());
      assertNoJavaText(e.get("descriptors").asString());
      assertThat(e.get("stack").asString()).doesNotContain("IllegalStateException");
      assertThat(e.get("sameGlobal").asBoolean()).isTrue();
      assertThat(e.get("host").toString())
          .isEqualTo("[\"undefined\",\"undefined\",\"undefined\",\"undefined\"]");
    }
    assertStillWorks();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"fail", "npe", "failAsync"})
  void uncaughtToolErrorIsAToolError(String tool) {
    ExecutionError error = failed("async () => { await tools." + tool + "({}) }");
    assertThat(error.kind()).isEqualTo(ExecutionError.Kind.TOOL);
    assertThat(error.name()).isEqualTo("ToolError");
    assertThat(error.tool()).isEqualTo("tools." + tool);
    assertThat(error.message()).doesNotContain("IllegalStateException");
    assertThat(error.message()).doesNotContain("\tat ");
    assertNoJavaText(error.excerpt());
    assertStillWorks();
  }

  /** Errors the engine throws carry JavaScript frames only. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "null.x",
      "JSON.parse('{')",
      "new Uint8Array(2 ** 31 - 1)",
      "'x'.repeat(-1)",
      "BigInt('x')",
      "new Intl.DateTimeFormat('xx-invalid-locale-!!')",
      "decodeURIComponent('%')",
      "Symbol() + ''",
      "new Proxy({}, { get() { throw new Error('trap') } }).x",
      "structuredClone(() => 1)",
      "setTimeout('code', 1)",
      "tools.nope({})",
      "tools.echo.call(null, 1n ** -1n)"})
  void engineErrorsCarryNoJavaFrames(String expression) {
    JsonNode result = ok("async () => { try { await (" + expression + "); return 'no error' }"
        + " catch (e) { return [String(e && e.name), String(e && e.message), String(e && e.stack),"
        + " JSON.stringify(Object.getOwnPropertyNames(e))] } }");
    assertWithMessage(expression).that(result.isArray()).isTrue();
    for (JsonNode part : result) {
      assertNoJavaText(part.asString());
    }
    ExecutionError uncaught = failed(expression);
    assertThat(uncaught.kind()).isAnyOf(ExecutionError.Kind.RUNTIME, ExecutionError.Kind.TOOL);
    assertStillWorks();
  }

  /** Syntax errors, from the engine's parser or from acorn, carry no Java text. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "() => { return 1 +* 2 }",
      "x = ;",
      "async () => { await }",
      "/(/",
      "() => /(?<a>x)(?<a>y)/",
      "() => { let let = 1 }",
      "class { }",
      "async () => { for await (const x of 1) }",
      "`${`",
      "}"})
  void syntaxErrorsCarryNoJavaText(String code) {
    ExecutionError error = failed(code);
    assertThat(error.kind()).isEqualTo(ExecutionError.Kind.SYNTAX);
    assertNoJavaText(error.excerpt());
    assertStillWorks();
  }

  /**
   * What model code throws cannot claim a host kind: the kind comes from the host, so an error
   * named TimeoutError is still RUNTIME, and an Error with a forged `tool` property is not a tool
   * error (the prelude knows which errors it made for failed tool calls). A forged stack with
   * absurd positions gives a plain message, never INTERNAL.
   */
  @Test
  void thrownErrorsCannotClaimHostKinds() {
    for (String name : List.of("TimeoutError", "MemoryLimitError", "ResourceLimitError", "InternalError")) {
      ExecutionError error = failed("throw Object.assign(new Error('forged'), {name: '" + name + "'})");
      assertThat(error.kind()).isEqualTo(ExecutionError.Kind.RUNTIME);
    }
    ExecutionError forgedTool = failed("throw Object.assign(new Error('forged'), {tool: 'billing.refund'})");
    assertThat(forgedTool.kind()).isEqualTo(ExecutionError.Kind.RUNTIME);
    assertThat(forgedTool.tool()).isNull();
    ExecutionError rethrown = failed("try { await tools.fail({}) } catch (e) { e.message = 'again'; throw e }");
    assertThat(rethrown.kind()).isEqualTo(ExecutionError.Kind.TOOL);
    assertThat(rethrown.tool()).isEqualTo("tools.fail");
    for (String stack : List.of("at code.js:99999:99999", "at code.js:0:0", "at code.js:99999999999999:1")) {
      ExecutionError error = failed("const e = new Error('x'); e.stack = '" + stack + "'; throw e");
      assertThat(error.kind()).isEqualTo(ExecutionError.Kind.RUNTIME);
      assertThat(error.message()).isNotEmpty();
      assertNoJavaText(error.message());
    }
    assertStillWorks();
  }

  // Error fields are bounded like results: prelude.js cuts name (200 chars), message and stack
  // (16 KiB) of what model code throws, Execution cuts again on the host, and tool error messages
  // are cut the same way. (Found by this test: a 30 MB message came through whole.)
  @Test
  void errorFieldsAreBoundedLikeResults() {
    int limit = executor.limits().maxResultBytes();
    List<String> tooLong = new ArrayList<>();
    for (String code : List.of(
        "async () => { throw new Error('x'.repeat(5e6)) }",
        "async () => { const e = new Error('m'); e.name = 'N'.repeat(5e6); throw e }",
        "async () => { throw Object.assign(new Error('m'), {tool: 't'.repeat(5e6)}) }")) {
      ExecutionError error = failed(code);
      int longest = Math.max(error.message().length(),
          Math.max(error.name().length(), error.tool() == null ? 0 : error.tool().length()));
      if (longest > limit + 1000) {
        tooLong.add(code + " -> a field of " + longest + " chars");
      }
    }
    assertWithMessage("error fields longer than the result limit of %s bytes", limit).that(tooLong).isEmpty();
    assertStillWorks();
  }

  // ---- 9. network -------------------------------------------------------------------------------

  @Test
  void noNetwork() {
    JsonNode result = ok("async () => {\n"
        + "  const out = [typeof fetch, typeof XMLHttpRequest, typeof WebSocket, typeof EventSource];\n"
        + "  for (const url of ['http://127.0.0.1:1/x.js', 'https://example.com/x.mjs', 'ws://127.0.0.1/x']) {\n"
        + "    try { await import(url); out.push('IMPORTED ' + url); } catch (e) { out.push(e.message); }\n"
        + "  }\n"
        + "  return out;\n"
        + "}");
    assertThat(result.get(0).asString()).isEqualTo("undefined");
    assertThat(result.get(1).asString()).isEqualTo("undefined");
    assertThat(result.get(2).asString()).isEqualTo("undefined");
    assertThat(result.get(3).asString()).isEqualTo("undefined");
    for (int i = 4; i < result.size(); i++) {
      assertThat(result.get(i).asString()).doesNotContain("IMPORTED");
      assertThat(result.get(i).asString()).containsMatch("not allowed");
    }
    assertStillWorks();
  }

  // ---- 10. timers and tool calls after the execution ended ---------------------------------

  @Test
  void timerScheduledBeforeATimeoutNeverFires_spinning() throws InterruptedException {
    long start = System.nanoTime();
    ExecutionError error = failed("setTimeout(() => tools.mark({}), 3200); while (true) {}");
    assertThat(error.kind()).isEqualTo(ExecutionError.Kind.TIMEOUT);
    sleepUntil(start, Duration.ofMillis(4000));
    assertThat(marks.get()).isEqualTo(0);
    assertStillWorks();
  }

  @Test
  void timerScheduledBeforeATimeoutNeverFires_awaiting() throws InterruptedException {
    long start = System.nanoTime();
    ExecutionError error = failed("setTimeout(() => tools.mark({}), 3200);"
        + " await new Promise(resolve => setTimeout(resolve, 60000))");
    assertThat(error.kind()).isEqualTo(ExecutionError.Kind.TIMEOUT);
    sleepUntil(start, Duration.ofMillis(4000));
    assertThat(marks.get()).isEqualTo(0);
    assertStillWorks();
  }

  @Test
  void intervalStopsWhenTheExecutionTimesOut() throws InterruptedException {
    ExecutionError error = failed("setInterval(() => tools.mark({}), 5); await new Promise(() => {})");
    assertThat(error.kind()).isEqualTo(ExecutionError.Kind.TIMEOUT);
    int atEnd = marks.get();
    assertThat(atEnd).isGreaterThan(0);
    Thread.sleep(500);
    assertThat(marks.get()).isEqualTo(atEnd);
    assertStillWorks();
  }

  @Test
  void intervalStopsWhenTheExecutionCompletes() throws InterruptedException {
    JsonNode result = ok("setInterval(() => tools.mark({}), 5);"
        + " await new Promise(resolve => setTimeout(resolve, 200)); 'done'");
    assertThat(result.asString()).isEqualTo("done");
    int atEnd = marks.get();
    assertThat(atEnd).isGreaterThan(0);
    Thread.sleep(500);
    assertThat(marks.get()).isEqualTo(atEnd);
    assertStillWorks();
  }

  /** A tool still running when the execution times out is interrupted; its result is dropped. */
  @Test
  void pendingToolCallIsCancelledAtTheTimeout() throws InterruptedException {
    int started = slowStarted.get();
    int finished = slowFinished.get();
    int interrupted = slowInterrupted.get();
    ExecutionError error = failed("await tools.slow({}); await tools.mark({})");
    assertThat(error.kind()).isEqualTo(ExecutionError.Kind.TIMEOUT);
    // The interrupt reaches the tool's thread soon after the end; on a busy machine, give it time.
    waitUntil(() -> slowInterrupted.get() > interrupted, ENDED_WITHIN);
    assertThat(slowStarted.get()).isEqualTo(started + 1);
    assertThat(slowInterrupted.get()).isEqualTo(interrupted + 1);
    assertThat(slowFinished.get()).isEqualTo(finished);
    assertThat(marks.get()).isEqualTo(0);
    assertStillWorks();
  }

  @Test
  void timerFloodIsBounded() {
    JsonNode result = ok("() => { let n = 0; try { for (;;) { setTimeout(() => {}, 1e9); n++; } }"
        + " catch (e) { return [n, e.name, e.message]; } }");
    assertThat(result.get(0).asInt()).isEqualTo(10_000);
    assertThat(result.get(1).asString()).isEqualTo("RangeError");
    assertStillWorks();
  }

  @Test
  void hostileTimerArgumentsAreHarmless() {
    JsonNode result = ok("async () => {\n"
        + "  const out = [];\n"
        + "  for (const d of [NaN, -1, Infinity, -Infinity, 1e300, 2 ** 63, '10', {valueOf() { return 5 }}]) {\n"
        + "    const id = setTimeout(() => {}, d); clearTimeout(id); out.push(typeof id);\n"
        + "  }\n"
        + "  await new Promise(r => setTimeout(r, NaN));\n"
        + "  return out;\n"
        + "}");
    assertThat(result.size()).isEqualTo(8);
    assertStillWorks();
  }

  /** Waits until {@code condition} holds, at most {@code bound}; the assertions after it say what failed. */
  private static void waitUntil(java.util.function.BooleanSupplier condition, Duration bound) throws InterruptedException {
    long deadline = System.nanoTime() + bound.toNanos();
    while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
  }

  private static void sleepUntil(long startNanos, Duration after) throws InterruptedException {
    long remaining = after.toMillis() - (System.nanoTime() - startNanos) / 1_000_000;
    if (remaining > 0) {
      Thread.sleep(remaining);
    }
  }

  // ---- 11. resource bombs -----------------------------------------------------------------------

  // Recorded on a 2-core VM with -Xmx512m, JDK 17, GraalJS 25.4.4.1.1 (interpreter), timeout 3 s:
  //   while (true) {}                                  TIMEOUT after ~3.0 s
  //   for (;;) { await null }                          TIMEOUT after ~3.0 s
  //   microtask ping-pong                              TIMEOUT after ~3.0 s
  //   /^(a|aa)+\1$/ (backreference, backtracking)      TIMEOUT after ~3.0 s
  //   /(a+)+$/ (TRegex, linear)                        false in ~0.15 s
  //   deep recursion                                   catchable RangeError; uncaught: RUNTIME RangeError
  //   console flood                                    TIMEOUT; logs cut at 64 KiB with a notice first
  //   'x'.repeat(5e7) as the result                    completed, result cut to 1 MiB with a notice
  //   new Array(1e9).fill(0)                           LIMIT: "Java heap space" (ResourceLimitError) or
  //                                                    MemoryLimitError (heap watchdog), ~2-3 s
  //   new Uint8Array(2 ** 31 - 1)                      RUNTIME RangeError "Invalid typed array length"
  //   string doubling                                  RUNTIME RangeError "Invalid string length"
  //   arrays of 1e6 elements in a loop                 TIMEOUT after ~3.0 s
  //   millions of small objects                        LIMIT MemoryLimitError (heap watchdog) or TIMEOUT
  //   Array.from(1e6 randoms).sort()                   TIMEOUT after ~3.0 s (JavaScript comparator)

  @Test
  void bombInfiniteLoop() {
    assertThat(failed("while (true) {}").kind()).isEqualTo(ExecutionError.Kind.TIMEOUT);
    assertStillWorks();
  }

  @Test
  void bombAwaitLoop() {
    assertStoppedByTimeoutOrMemory(failed("for (;;) { await null }"));
    assertStillWorks();
  }

  /**
   * A loop that allocates as it spins is stopped at the deadline, or earlier by the memory guard
   * when the promises it makes pile up faster than the collector frees them: both stop it.
   */
  private static void assertStoppedByTimeoutOrMemory(ExecutionError error) {
    assertThat(error.kind()).isAnyOf(ExecutionError.Kind.TIMEOUT, ExecutionError.Kind.LIMIT);
    if (error.kind() == ExecutionError.Kind.TIMEOUT) {
      assertThat(error.name()).isEqualTo("TimeoutError");
      assertThat(error.message()).startsWith("The code ran longer than 3 s and was stopped.");
    } else {
      assertThat(error.name()).isEqualTo("MemoryLimitError");
    }
  }

  @Test
  void bombMicrotaskLoop() {
    assertStoppedByTimeoutOrMemory(failed(
        "const f = () => Promise.resolve().then(f); f(); await new Promise(() => {})"));
    assertStillWorks();
  }

  @Test
  void bombQueueMicrotaskLoop() {
    assertStoppedByTimeoutOrMemory(
        failed("const f = () => queueMicrotask(f); f(); await new Promise(() => {})"));
    assertStillWorks();
  }

  @Test
  void bombCatastrophicRegexWithBackreference() {
    assertThat(failed("/^(a|aa)+\\1$/.test('a'.repeat(40) + 'b')").kind())
        .isEqualTo(ExecutionError.Kind.TIMEOUT);
    assertStillWorks();
  }

  @Test
  void bombNestedQuantifierRegexIsLinearInTRegex() {
    assertThat(ok("/(a+)+$/.test('a'.repeat(50) + '!')").asBoolean()).isFalse();
    assertStillWorks();
  }

  // A default sort can be stopped: GraalJS sorts in Java when no comparator is given (no guest
  // frame, no safepoint poll), so context.close(true) waited for the sort: 1e6 random doubles ran
  // 8-15 s past a 3 s timeout. prelude.js now gives sort/toSorted (arrays and typed arrays) a
  // JavaScript comparator of the same order, so each comparison is interruptible guest code.
  @Test
  void bombHugeDefaultSort() {
    ExecutionError error = failed("Array.from({length: 6e5}, () => Math.random()).sort()");
    assertThat(error.kind()).isAnyOf(ExecutionError.Kind.TIMEOUT, ExecutionError.Kind.LIMIT);
    assertStillWorks();
  }

  // Deep recursion ends the execution at the frame limit: a catch cannot swallow it, so a
  // function that recurses again from its own catch (which ran forever before) stops, and the
  // engine never overflows its Java stack (an overflow inside a class initialiser breaks that
  // class for the whole JVM).
  @Test
  void bombDeepRecursionEndsTheExecutionAtTheFrameLimit() {
    assertThat(ok("function f(n) { return n === 0 ? 0 : 1 + f(n - 1) } return f(3000)").asInt()).isEqualTo(3000);
    for (String code : List.of(
        "function f() { return f() } try { f() } catch (e) { return 'caught' }",
        "const r = (n) => { try { return r(n + 1); } catch (e) { return r(0); } }; return r(0);",
        "const o = { get x() { return this.x } }; try { return o.x } catch (e) { return 'caught' }",
        "const o = { toString() { return `${o}` } }; try { return String(o) } catch (e) { return 'caught' }",
        "const f = () => [1].map(f); try { f() } catch (e) { return 'caught' }",
        "const p = new Proxy({}, { get(t, k, r) { return r[k] } }); try { return p.x } catch (e) { return 'caught' }",
        "const o = { toJSON() { return JSON.stringify(o) } }; try { return JSON.stringify(o) } catch (e) { return 'caught' }")) {
      ExecutionError error = failed(code);
      assertThat(error.kind()).isEqualTo(ExecutionError.Kind.LIMIT);
      assertThat(error.name()).isEqualTo(ErrorNames.RESOURCE_LIMIT);
      assertThat(error.message()).contains("more than 5,000 deep");
    }
    assertStillWorks();
  }

  @Test
  void bombConsoleFlood() {
    ExecuteResult result = run("for (;;) console.log('x'.repeat(1000))");
    assertThat(result.error()).isNotNull();
    assertStoppedByTimeoutOrMemory(result.error());
    assertThat(result.logs()).isNotEmpty();
    assertThat(result.logs().get(0)).startsWith("[codemode] The console output was ");
    long kept = result.logs().stream().skip(1).mapToLong(String::length).sum();
    // 64 KiB, plus the "…" that marks the line that was cut
    assertThat(kept).isAtMost(64 * 1024 + 1);
    assertStillWorks();
  }

  // A result past maxResultBytes comes back cut to it, and still JSON of its shape. (Before, it
  // became a string of the first MiB of JSON text, which no program could read.)
  @Test
  void bombHugeResultIsTruncatedWithANotice() {
    int limit = executor.limits().maxResultBytes();
    ExecuteResult result = run("'x'.repeat(5e7)");
    assertThat(result.error()).isNull();
    String text = result.result().asString();
    assertThat(text).startsWith("xxxxxxxxxx");
    assertThat(text).contains(" more characters. [codemode] The result was 50,000,002 bytes of JSON;"
        + " at most 1,048,576 are returned, so parts are cut and marked with \"…\".");
    assertThat(ConsoleLog.utf8Length(CODEC.toJson(result.result()))).isAtMost(limit);

    // 9.6 MB of JSON: an object with a number, an array of 100,000 records and a long string; one
    // cap on items and characters cuts both
    result = run("({total: 1e5, rows: new Array(1e5).fill({id: 7, name: 'n'.repeat(40),"
        + " tags: ['a', 'b']}), log: 'y'.repeat(2e6)})");
    assertThat(result.error()).isNull();
    JsonNode value = result.result();
    assertThat(ConsoleLog.utf8Length(CODEC.toJson(value))).isAtMost(limit);
    assertThat(value.propertyNames()).containsExactly("[codemode]", "total", "rows", "log").inOrder();
    assertThat(value.get("[codemode]").asString()).isEqualTo("The result was 9,600,034 bytes of JSON;"
        + " at most 1,048,576 are returned, so parts are cut and marked with \"…\". Return less: only"
        + " the fields or items needed, or a summary.");
    assertThat(value.get("total").asInt()).isEqualTo(100_000);
    JsonNode rows = value.get("rows");
    int kept = rows.size() - 1;
    assertThat(kept).isGreaterThan(1000);
    assertThat(rows.get(0)).isEqualTo(CODEC.parse(
        "{\"id\":7,\"name\":\"" + "n".repeat(40) + "\",\"tags\":[\"a\",\"b\"]}"));
    assertThat(rows.get(kept - 1)).isEqualTo(rows.get(0));
    assertThat(rows.get(kept).asString())
        .isEqualTo(String.format(Locale.ROOT, "… %,d more items", 100_000 - kept));
    assertThat(value.get("log").asString()).matches("y+… [0-9,]+ more characters");

    // what the JSON reader refuses is an error, large or not
    ExecutionError tooDeep =
        failed("let v = 'x'.repeat(2e6); for (let i = 0; i < 600; i++) { v = [v] }; v");
    assertThat(tooDeep.name()).isEqualTo("ResultLimitError");
    assertThat(tooDeep.message()).startsWith("The result is too large to read: Document nesting depth");
    assertStillWorks();
  }

  // The next execution must not pay for this bomb's garbage; see
  // memoryBombGarbageDoesNotGetLaterExecutionsKilled.
  @Test
  void bombHugeArrayFill() {
    ExecutionError error = failed("new Array(1e9).fill(0)");
    assertThat(error.kind()).isAnyOf(ExecutionError.Kind.LIMIT, ExecutionError.Kind.TIMEOUT);
    assertStillWorks();
  }

  @Test
  void bombHugeTypedArray() {
    ExecutionError error = failed("new Uint8Array(2 ** 31 - 1)");
    assertThat(error.kind()).isEqualTo(ExecutionError.Kind.RUNTIME);
    assertThat(error.name()).isEqualTo("RangeError");
    assertStillWorks();
  }

  @Test
  void bombStringDoubling() {
    ExecutionError error = failed("let s = 'x'; for (;;) s += s;");
    assertThat(error.kind()).isEqualTo(ExecutionError.Kind.RUNTIME);
    assertThat(error.name()).isEqualTo("RangeError");
    assertThat(error.message()).isEqualTo("Invalid string length");
    assertStillWorks();
  }

  @Test
  void bombArraysOfArrays() {
    ExecutionError error = failed("const a = []; for (;;) a.push(new Array(1e6).fill(1))");
    assertThat(error.kind()).isAnyOf(ExecutionError.Kind.LIMIT, ExecutionError.Kind.TIMEOUT);
    assertStillWorks();
  }

  // The next execution must not pay for this bomb's garbage; see
  // memoryBombGarbageDoesNotGetLaterExecutionsKilled.
  @Test
  void bombMillionsOfSmallObjects() {
    ExecutionError error = failed("const o = []; for (;;) o.push({a: 1, b: [1, 2, 3]})");
    assertThat(error.kind()).isAnyOf(ExecutionError.Kind.LIMIT, ExecutionError.Kind.TIMEOUT);
    if (error.kind() == ExecutionError.Kind.LIMIT) {
      assertThat(error.message()).containsMatch("memory|heap");
    }
    assertStillWorks();
  }

  // After a memory bomb, later innocent executions must not be killed. Found by this test: the
  // bomb's garbage is still in the old generation when the next execution starts, each young
  // collection then reports the heap as nearly full, and the heap guard stopped the live execution
  // that allocated most, even at 0 MB. The guard now only stops an execution that allocated at
  // least a tenth of the heap.
  @Test
  void memoryBombGarbageDoesNotGetLaterExecutionsKilled() {
    ExecutionError bomb = failed("const o = []; for (;;) o.push({a: 1, b: [1, 2, 3]})");
    assertThat(bomb.kind()).isAnyOf(ExecutionError.Kind.LIMIT, ExecutionError.Kind.TIMEOUT);
    // Small executions that allocate a little each, so that young collections happen.
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      ExecuteResult result = executor.execute(
          "const a = []; for (let i = 0; i < 20000; i++) a.push({i, s: 'x' + i}); a.length", List.of(tools));
      if (result.error() != null) {
        failures.add(i + ": " + result.error().summary());
      }
    }
    assertWithMessage("innocent executions after a memory bomb").that(failures).isEmpty();
    assertStillWorks();
  }

  @Test
  void bombToolCallFlood() {
    ExecutionError error = failed("for (;;) await tools.mark({})");
    assertThat(error.kind()).isEqualTo(ExecutionError.Kind.LIMIT);
    assertThat(error.name()).isEqualTo("ToolCallLimitError");
    assertThat(marks.get()).isEqualTo(1000);
    assertStillWorks();
  }

  @Test
  void bombOversizedCode() {
    ExecutionError error = failed("1 + " + "1 + ".repeat(300_000) + "1");
    assertThat(error.kind()).isEqualTo(ExecutionError.Kind.LIMIT);
    assertThat(error.name()).isEqualTo("CodeSizeError");
    assertStillWorks();
  }

  /**
   * The console renders hostile values without hanging or leaking anything. Rendering 30,000
   * nested and wide values is real work, which on a loaded 2-core machine can pass the suite's
   * 3 s timeout, so this test has its own, longer one: it is about what the console prints.
   */
  @Test
  void bombHostileConsoleValues() {
    ExecuteResult result;
    try (GraalJsExecutor patient = GraalJsExecutor.builder().timeout(Duration.ofSeconds(30)).build()) {
      result = patient.execute("() => {\n"
            + "  console.log({ toJSON() { return { toJSON: this.toJSON } } });\n"
            + "  console.log(new Proxy({}, { ownKeys() { throw new Error('no keys') } }));\n"
            + "  console.log({ get x() { throw new Error('getter') } });\n"
            + "  const deep = []; let d = deep; for (let i = 0; i < 1e4; i++) { d[0] = []; d = d[0]; }\n"
            + "  console.log(deep);\n"
            + "  const wide = {}; for (let i = 0; i < 2e4; i++) wide['k' + i] = i;\n"
            + "  console.log(wide);\n"
            + "  return 'done';\n"
            + "}", List.of(tools));
    }
    assertThat(result.error()).isNull();
    assertThat(result.logs()).isNotEmpty();
    for (String line : result.logs()) {
      assertNoJavaText(line);
    }
    assertStillWorks();
  }

  // ---- normalization: host-side work before the sandbox exists ------------------------------------

  // Normalization (acorn, and Sucrase for TypeScript) of large code must end at the deadline:
  // the watchdog interrupts the tooling context that parses for the execution.
  @Test
  void normalizationIsBoundedByTheTimeout() {
    ExecuteResult result = run("x = 1;\n".repeat(250_000 / 7));
    assertThat(result.error()).isNotNull();
    assertThat(result.error().kind()).isAnyOf(ExecutionError.Kind.TIMEOUT, ExecutionError.Kind.LIMIT);
    assertStillWorks();
  }

  // One execution's normalization must not make others time out: the tooling contexts are a
  // pool, and an execution that parses large code is interrupted at its own deadline.
  @Test
  void normalizationOfOneExecutionDoesNotStallOthers() {
    String big = "x = 1;\n".repeat(150_000 / 7);
    List<CompletableFuture<ExecuteResult>> bombs = new ArrayList<>();
    for (int i = 0; i < Runtime.getRuntime().availableProcessors(); i++) {
      bombs.add(executor.executeAsync(big, List.of(tools)).toCompletableFuture());
    }
    ExecuteResult innocent;
    try {
      Thread.sleep(300);
      innocent = executor.execute("1 + 1", List.of(tools));
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    } finally {
      bombs.forEach(CompletableFuture::join);
    }
    assertWithMessage("an innocent execution while others normalize large code: %s", describe(innocent))
        .that(innocent.error())
        .isNull();
    assertStillWorks();
  }

  // FunctionShape.isSingleFunction runs before the context exists, where the timeout cannot stop
  // it. Found by this test: it retried a full scan at every leading parenthesis, quadratic (300,000
  // parentheses took 638 s). It now looks through at most four and leaves the rest to acorn.
  @Test
  void leadingParenthesesAreCheapToCheck() {
    ExecuteResult result = run("(".repeat(30_000) + "1" + ")".repeat(30_000));
    // Any clear outcome is fine (acorn cannot nest that deep: a SyntaxError), as long as it is quick.
    assertWithMessage(describe(result)).that(result.stats().wallTime()).isLessThan(ENDED_WITHIN);
    assertStillWorks();
  }

  // CodeExtraction's fence pattern runs before anything else. Found by this test: its two
  // overlapping groups backtracked quadratically on a line of ``` and a lone backtick (200,000
  // characters took 123 s). The quantifiers are possessive now.
  @Test
  void markdownFenceScanIsLinear() {
    ExecuteResult result = run("```" + "a".repeat(55_000) + "`");
    assertWithMessage(describe(result)).that(result.stats().wallTime()).isLessThan(ENDED_WITHIN);
    assertStillWorks();
  }

  // ---- host-side work that model code controls --------------------------------------------------

  // The bridge decodes a BigInt tag with new BigInteger(String), quadratic in the digits, on the
  // host where the limits do not reach. Found by this test: 8e5 forged digits held the execution
  // for 11 s. Tags with more than 1,000 digits now stay plain data.
  @Test
  void forgedBigIntTagInTheResultIsNotParsedPastTheDeadline() {
    ExecuteResult result = run("async () => ({__codemode_bigint__: '9'.repeat(7e5)})");
    assertThat(result.stats().wallTime()).isLessThan(ENDED_WITHIN);
    assertStillWorks();
  }

  // The "did you mean" hint for an unknown tool compares names from model code with every tool.
  // Found by this test: a full edit-distance matrix per candidate, 217 MB for a 1 MB name and an
  // OutOfMemoryError at 10 MB. Names over 200 characters now get no hint, candidates whose length
  // differs too much are skipped, the distance uses three rows, and the message cuts the name.
  @Test
  void longUnknownToolNameStaysCheapOnTheHost() {
    ExecuteResult result = run("async () => {\n"
        + "  const name = 'x'.repeat(1e6);\n"
        + "  try { tools[name]({}); return 'called'; } catch (e) { return [e.name, e.message.length]; }\n"
        + "}");
    assertWithMessage(describe(result)).that(result.error()).isNull();
    assertThat(result.result().get(0).asString()).isEqualTo("TypeError");
    // The host may copy the name a few times (the message quotes it), but must not multiply it.
    assertWithMessage("bytes allocated for a 1 MB name").that(result.stats().allocatedBytes())
        .isLessThan(50L << 20);
    assertStillWorks();
  }

  // Checks the bound of an unknown input property, which goes through Jackson's name limit.
  @Test
  void longUnknownInputPropertyIsBoundedByJackson() {
    JsonNode result = ok(probe("tools.echo({['x'.repeat(1e6)]: 1})"));
    assertThat(result.asString()).startsWith("threw ToolInputError: tools.echo: the input is too large to read: Name length");
    assertThat(result.asString()).doesNotContain("StreamReadConstraints");
    assertThat(echoes.get()).isEqualTo(0);
    ExecutionError inResult = failed("async () => ({['x'.repeat(1e6)]: 1})");
    assertThat(inResult.kind()).isEqualTo(ExecutionError.Kind.LIMIT);
    assertThat(inResult.message()).startsWith("The result is too large to read: Name length");
    assertStillWorks();
  }
}
