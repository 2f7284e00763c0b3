// The sandbox prelude of codemode-sandbox, evaluated first in every execution context.
//
// It is one function expression. The host calls it once with its bridge functions and keeps the
// object it returns; nothing of the host is stored on globalThis. What model code sees:
//   - one global per tool provider (a namespace: tasks.create({...}) returns a Promise),
//   - console (log, info, warn, error, debug, trace, dir, assert), rendering values as JSON,
//   - setTimeout, clearTimeout, setInterval, clearInterval, queueMicrotask, structuredClone.
// Built-ins are captured here before model code runs, so that replacing JSON, Promise or
// Object.prototype methods in model code cannot change how values cross to the host.
//
// Host calls (all arguments and results are strings, numbers or booleans), with the codes of the
// protocol block below:
//   bindTool(namespace, tool)             -> the tool's handle (a number) when it exists, else the
//                                            message to throw
//   callTool(handle, inputJson)           -> the result's JSON (a string) when the call has finished
//                                            with a plain result, else a number: UNDEFINED_REPLY,
//                                            n > 0 for a call still running (settled later with id
//                                            n), TAGGED_REPLY for JSON with tags or ERROR_REPLY for
//                                            an error, whose JSON text callPayload() then returns
//   callPayload()                         -> the text of the last TAGGED_REPLY or ERROR_REPLY
//   toolNames(namespace)                  -> JSON array of tool names
//   log(level, text)
//   timer(id, delayMs)                    -> schedules fire(id); timer(id, CANCEL_TIMER) cancels
//   done(kind, payload)                   -> DONE_RESULT with the result's JSON (undefined for
//                                            undefined), or DONE_ERROR with the error's JSON
// The host calls back settle(id, kind, payload) with a SETTLE_* kind, fire(id), run(fn) and
// extend(namespace, setup, configJson, hostHandlesJson).
(function (callTool, callPayload, bindTool, toolNames, log, timer, done, namespaceNames) {
  'use strict';

  // ---- protocol: the same names and values as PreludeProtocol.java (PreludeProtocolTest) -------
  const UNDEFINED_REPLY = 0;
  const TAGGED_REPLY = -1;
  const ERROR_REPLY = -2;
  const SETTLE_RESULT = 'R';
  const SETTLE_TAGGED = 'T';
  const SETTLE_UNDEFINED = 'U';
  const SETTLE_ERROR = 'E';
  const DONE_RESULT = 0;
  const DONE_ERROR = 1;
  const CANCEL_TIMER = -1;
  // ---- end of protocol

  const G = globalThis;
  const stringify = JSON.stringify;
  const parse = JSON.parse;
  const PromiseCtor = Promise;
  // Captured now: model code may replace Promise.resolve, Promise.prototype.then or
  // Function.prototype.call later, and the prelude must keep working as written.
  const apply = Reflect.apply;
  const resolved = Promise.resolve.bind(Promise);
  const rejected = Promise.reject.bind(Promise);
  const thenMethod = Promise.prototype.then;
  const promiseThen = (promise, onValue, onError) => apply(thenMethod, promise, [onValue, onError]);
  const defineProperty = Object.defineProperty;
  const freeze = Object.freeze;
  const keysOf = Object.keys;
  const getPrototypeOf = Object.getPrototypeOf;
  const isArray = Array.isArray;
  const isView = ArrayBuffer.isView;
  const fromCharCode = String.fromCharCode;
  const MapCtor = Map;
  const SetCtor = Set;
  const ErrorCtor = Error;
  const TypeErrorCtor = TypeError;
  const Uint8ArrayCtor = Uint8Array;
  const ArrayBufferCtor = ArrayBuffer;
  const DateCtor = Date;
  const RegExpCtor = RegExp;
  const functionToString = Function.prototype.toString;
  const mapEntries = Map.prototype.entries;
  const setValues = Set.prototype.values;
  const arrayFrom = Array.from;
  const objectFromEntries = Object.fromEntries;
  const BINARY = '__codemode_binary__';
  const BIGINT = '__codemode_bigint__';
  // Same limit as JsonBridge.MAX_BIGINT_DIGITS on the host.
  const MAX_BIGINT_DIGITS = 1000;
  const INTEGER_TEXT = /^-?[0-9]{1,1000}$/;
  const regExpTest = RegExp.prototype.test;

  // GraalJS's `arguments` global holds the command line of a script run; the option that turns
  // it off is experimental, so it is deleted here instead.
  delete G.arguments;

  // Atomics.wait blocks the thread outside the host's control; nothing in model code needs it.
  if (typeof Atomics === 'object') {
    delete Atomics.wait;
    delete Atomics.waitAsync;
  }

  // GraalJS sorts in Java when no comparator is given: no JavaScript runs during the sort, so a
  // huge sort cannot be stopped at the deadline. With a JavaScript comparator of the same order,
  // every comparison is guest code, which the watchdog can interrupt.
  {
    const defaultOrder = (a, b) => {
      const x = `${a}`;
      const y = `${b}`;
      return x < y ? -1 : x > y ? 1 : 0;
    };
    const numericOrder = (a, b) => {
      if (a < b) return -1;
      if (a > b) return 1;
      if (a === b) return a === 0 && b === 0 ? (1 / a < 0 ? (1 / b < 0 ? 0 : -1) : (1 / b < 0 ? 1 : 0)) : 0;
      return a !== a ? (b !== b ? 0 : 1) : -1; // NaN sorts last
    };
    const wrapSort = (proto, name, order) => {
      const original = proto[name];
      if (typeof original !== 'function') return;
      const wrapper = {
        [name](compare) {
          return apply(original, this, [compare === undefined ? order : compare]);
        },
      }[name];
      defineProperty(proto, name, { value: wrapper, writable: true, enumerable: false, configurable: true });
    };
    wrapSort(Array.prototype, 'sort', defaultOrder);
    wrapSort(Array.prototype, 'toSorted', defaultOrder);
    const TypedArrayPrototype = getPrototypeOf(Uint8Array.prototype);
    wrapSort(TypedArrayPrototype, 'sort', numericOrder);
    wrapSort(TypedArrayPrototype, 'toSorted', numericOrder);
  }

  // ---- values crossing to the host ------------------------------------------------------------

  const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

  function bytesOf(value) {
    if (value instanceof ArrayBufferCtor) {
      return new Uint8ArrayCtor(value);
    }
    return new Uint8ArrayCtor(value.buffer, value.byteOffset, value.byteLength);
  }

  function toBase64(bytes) {
    const parts = [];
    let chunk = '';
    let i = 0;
    for (; i + 2 < bytes.length; i += 3) {
      const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
      chunk += BASE64[n >> 18] + BASE64[(n >> 12) & 63] + BASE64[(n >> 6) & 63] + BASE64[n & 63];
      if (chunk.length >= 8192) {
        parts.push(chunk);
        chunk = '';
      }
    }
    if (i < bytes.length) {
      const n = (bytes[i] << 16) | (i + 1 < bytes.length ? bytes[i + 1] << 8 : 0);
      chunk += BASE64[n >> 18] + BASE64[(n >> 12) & 63];
      chunk += i + 1 < bytes.length ? BASE64[(n >> 6) & 63] + '=' : '==';
    }
    parts.push(chunk);
    return parts.join('');
  }

  function fromBase64(text) {
    const clean = text.replace(/=+$/, '');
    const bytes = new Uint8ArrayCtor(Math.floor((clean.length * 3) / 4));
    let buffer = 0;
    let bits = 0;
    let j = 0;
    for (let i = 0; i < clean.length; i++) {
      const v = BASE64.indexOf(clean[i]);
      if (v < 0) {
        continue;
      }
      buffer = (buffer << 6) | v;
      bits += 6;
      if (bits >= 8) {
        bits -= 8;
        bytes[j++] = (buffer >> bits) & 255;
      }
    }
    return j === bytes.length ? bytes : bytes.subarray(0, j);
  }

  // JSON.stringify replacer for values going to the host: binary data as base64 text (what a Java
  // byte[] reads), BigInt as an exact integer, Map as an object, Set as an array.
  function toHost(key, value) {
    if (typeof value === 'bigint') {
      const digits = value.toString();
      const count = value < 0n ? digits.length - 1 : digits.length;
      if (count > MAX_BIGINT_DIGITS) {
        throw new RangeError('A BigInt of ' + count + ' digits cannot be passed to the host;'
            + ' the limit is ' + MAX_BIGINT_DIGITS + ' digits. Pass it as a string instead.');
      }
      return { [BIGINT]: digits };
    }
    if (value !== null && typeof value === 'object') {
      if (isView(value) || value instanceof ArrayBufferCtor) {
        return toBase64(bytesOf(value));
      }
      if (value instanceof MapCtor) {
        return objectFromEntries(mapEntries.call(value));
      }
      if (value instanceof SetCtor) {
        return arrayFrom(setValues.call(value));
      }
    }
    return value;
  }

  // JSON.parse reviver for values coming from the host: tagged binary and big integers.
  function fromHost(key, value) {
    if (value !== null && typeof value === 'object' && !isArray(value)) {
      if (typeof value[BINARY] === 'string' && keysOf(value).length === 1) {
        return fromBase64(value[BINARY]);
      }
      if (typeof value[BIGINT] === 'string' && keysOf(value).length === 1
          && apply(regExpTest, INTEGER_TEXT, [value[BIGINT]])) {
        return BigInt(value[BIGINT]);
      }
    }
    return value;
  }

  // ---- errors ---------------------------------------------------------------------------------

  class ToolError extends ErrorCtor {}
  defineProperty(ToolError.prototype, 'name', { value: 'ToolError', writable: true, configurable: true });

  // Errors the prelude made for failed tool calls, with the tool that failed. Only these are
  // reported to the host as tool errors: a `tool` property that model code sets proves nothing.
  const toolOfError = new WeakMap();
  const weakGet = WeakMap.prototype.get;
  const weakSet = WeakMap.prototype.set;

  function errorFromHost(json) {
    const info = parse(json);
    const error = info.name === 'TypeError' ? new TypeErrorCtor(info.message) : new ToolError(info.message);
    if (info.name !== 'TypeError' && info.name !== 'ToolError') {
      defineProperty(error, 'name', { value: info.name, writable: true, configurable: true });
    }
    if (info.tool !== undefined) {
      error.tool = info.tool;
      apply(weakSet, toolOfError, [error, info.tool]);
    }
    return error;
  }

  // Bounds on what an error carries to the host (Execution cuts again on its side).
  const MAX_NAME_CHARS = 200;
  const MAX_MESSAGE_CHARS = 16384;
  const MAX_STACK_CHARS = 16384;

  function cut(text, max) {
    return text.length <= max
        ? text
        : text.slice(0, max) + '… [cut: the text has ' + text.length + ' characters]';
  }

  function safeString(value) {
    try {
      return String(value);
    } catch (e) {
      return '[value that cannot be converted to a string]';
    }
  }

  // What the host learns of a thrown value: never a silent success, whatever was thrown.
  function describeThrown(thrown) {
    if (thrown instanceof ErrorCtor) {
      let name = 'Error';
      let message = '';
      let stack = '';
      let tool;
      try { name = cut(safeString(thrown.name), MAX_NAME_CHARS); } catch (e) { /* keep the default */ }
      try { message = cut(safeString(thrown.message), MAX_MESSAGE_CHARS); } catch (e) { /* keep the default */ }
      try { stack = cut(safeString(thrown.stack), MAX_STACK_CHARS); } catch (e) { /* keep the default */ }
      tool = apply(weakGet, toolOfError, [thrown]);
      return { name, message, stack, tool };
    }
    const kind = thrown === null ? 'null' : isArray(thrown) ? 'array' : typeof thrown;
    return {
      name: 'Error',
      message: 'Uncaught ' + kind + ' ' + (kind === 'string' ? stringify(thrown.length > 2000 ? thrown.slice(0, 2000) + '…' : thrown) : render(thrown, 2000))
        + ' (the code threw a value that is not an Error; throw new Error("...") to get a message and a line)',
      thrown: kind,
    };
  }

  // ---- console --------------------------------------------------------------------------------

  // Renders a value for a log line: strings as they are, everything else as compact JSON-like text
  // with cycles marked, functions, undefined, BigInt, Map, Set, Date and errors shown readably.
  // Stops at `budget` characters so that logging a huge value cannot build a huge string.
  function render(value, budget) {
    let out = '';
    const ancestors = [];
    function emit(text) {
      if (out.length < budget) {
        out += text.length > budget - out.length ? text.slice(0, budget - out.length) + '…' : text;
      }
    }
    function walk(v, depth) {
      if (out.length >= budget) {
        return;
      }
      switch (typeof v) {
        case 'string':
          emit(depth === 0 ? v : stringify(v));
          return;
        case 'number':
        case 'boolean':
          emit(String(v));
          return;
        case 'undefined':
          emit('undefined');
          return;
        case 'bigint':
          emit(v.toString() + 'n');
          return;
        case 'symbol':
          emit(v.toString());
          return;
        case 'function': {
          let text;
          try {
            text = functionToString.call(v).startsWith('class') ? '[class ' : '[Function ';
          } catch (e) {
            text = '[Function ';
          }
          emit(text + (v.name || '(anonymous)') + ']');
          return;
        }
        default:
          break;
      }
      if (v === null) {
        emit('null');
        return;
      }
      if (ancestors.indexOf(v) >= 0) {
        emit('[Circular]');
        return;
      }
      if (depth > 20) {
        emit(isArray(v) ? '[Array]' : '[Object]');
        return;
      }
      ancestors.push(v);
      try {
        if (v instanceof ErrorCtor) {
          emit(safeString(v.stack || (v.name + ': ' + v.message)));
        } else if (v instanceof DateCtor) {
          emit(isNaN(v.getTime()) ? 'Invalid Date' : v.toISOString());
        } else if (v instanceof RegExpCtor) {
          emit(safeString(v));
        } else if (isArray(v)) {
          emit('[');
          for (let i = 0; i < v.length && out.length < budget; i++) {
            if (i > 0) emit(',');
            walk(v[i], depth + 1);
          }
          emit(']');
        } else if (isView(v)) {
          emit(v.constructor.name + '(' + v.length + ') [');
          const n = Math.min(v.length, 50);
          for (let i = 0; i < n; i++) {
            if (i > 0) emit(',');
            emit(String(v[i]));
          }
          emit(v.length > n ? ',…]' : ']');
        } else if (v instanceof MapCtor) {
          emit('Map(' + v.size + ') {');
          let first = true;
          for (const [k, item] of mapEntries.call(v)) {
            if (!first) emit(',');
            first = false;
            walk(k, depth + 1);
            emit(' => ');
            walk(item, depth + 1);
            if (out.length >= budget) break;
          }
          emit('}');
        } else if (v instanceof SetCtor) {
          emit('Set(' + v.size + ') {');
          let first = true;
          for (const item of setValues.call(v)) {
            if (!first) emit(',');
            first = false;
            walk(item, depth + 1);
            if (out.length >= budget) break;
          }
          emit('}');
        } else if (typeof v.toJSON === 'function') {
          walk(v.toJSON(), depth + 1);
        } else {
          const proto = getPrototypeOf(v);
          const name = proto && proto !== Object.prototype && proto.constructor && proto.constructor.name;
          emit((name ? name + ' ' : '') + '{');
          const keys = keysOf(v);
          for (let i = 0; i < keys.length && out.length < budget; i++) {
            if (i > 0) emit(',');
            emit(stringify(keys[i]) + ':');
            walk(v[keys[i]], depth + 1);
          }
          emit('}');
        }
      } catch (e) {
        emit('[value that cannot be shown: ' + safeString(e && e.message) + ']');
      } finally {
        ancestors.pop();
      }
    }
    walk(value, 0);
    return out;
  }

  const LOG_LINE_BUDGET = 1 << 20;

  function logLine(level, args) {
    let text = '';
    for (let i = 0; i < args.length; i++) {
      if (i > 0) text += ' ';
      text += render(args[i], LOG_LINE_BUDGET);
      if (text.length >= LOG_LINE_BUDGET) break;
    }
    log(level, text);
  }

  const consoleObject = {
    log: function log(...args) { logLine('log', args); },
    info: function info(...args) { logLine('info', args); },
    warn: function warn(...args) { logLine('warn', args); },
    error: function error(...args) { logLine('error', args); },
    debug: function debug(...args) { logLine('debug', args); },
    trace: function trace(...args) { logLine('debug', args); },
    dir: function dir(value) { logLine('log', [value]); },
    assert: function assert(condition, ...args) {
      if (!condition) logLine('error', ['Assertion failed' + (args.length ? ':' : ''), ...args]);
    },
  };

  // ---- timers ---------------------------------------------------------------------------------

  const timers = new MapCtor();
  let nextTimer = 1;

  function addTimer(callback, delay, args, repeat) {
    if (typeof callback !== 'function') {
      throw new TypeErrorCtor('setTimeout and setInterval take a function; strings are not evaluated');
    }
    let ms = Number(delay);
    if (!(ms >= 0)) ms = 0;
    const id = nextTimer++;
    timers.set(id, { callback, args, repeat: repeat ? Math.max(ms, 1) : 0 });
    const problem = timer(id, ms);
    if (problem !== null && problem !== undefined) {
      timers.delete(id);
      throw new RangeError(problem);
    }
    return id;
  }

  function removeTimer(id) {
    if (timers.delete(id)) {
      timer(id, CANCEL_TIMER);
    }
  }

  function fire(id) {
    const entry = timers.get(id);
    if (entry === undefined) {
      return;
    }
    if (entry.repeat) {
      timer(id, entry.repeat);
    } else {
      timers.delete(id);
    }
    try {
      entry.callback(...entry.args);
    } catch (e) {
      fail(e);
    }
  }

  function structuredCloneValue(value, seen) {
    if (value === null || typeof value !== 'object') {
      if (typeof value === 'function' || typeof value === 'symbol') {
        throw new TypeErrorCtor(safeString(value && value.name || value) + ' could not be cloned');
      }
      return value;
    }
    if (seen.has(value)) return seen.get(value);
    let copy;
    if (value instanceof DateCtor) {
      copy = new DateCtor(value.getTime());
    } else if (value instanceof RegExpCtor) {
      copy = new RegExpCtor(value.source, value.flags);
    } else if (isView(value)) {
      copy = new value.constructor(value);
    } else if (value instanceof ArrayBufferCtor) {
      copy = value.slice(0);
    } else if (value instanceof MapCtor) {
      copy = new MapCtor();
      seen.set(value, copy);
      for (const [k, v] of mapEntries.call(value)) copy.set(structuredCloneValue(k, seen), structuredCloneValue(v, seen));
      return copy;
    } else if (value instanceof SetCtor) {
      copy = new SetCtor();
      seen.set(value, copy);
      for (const v of setValues.call(value)) copy.add(structuredCloneValue(v, seen));
      return copy;
    } else if (isArray(value)) {
      copy = [];
      seen.set(value, copy);
      for (let i = 0; i < value.length; i++) copy[i] = structuredCloneValue(value[i], seen);
      return copy;
    } else if (value instanceof ErrorCtor) {
      copy = new ErrorCtor(value.message);
      defineProperty(copy, 'name', { value: value.name, writable: true, configurable: true });
    } else {
      copy = {};
      seen.set(value, copy);
      for (const k of keysOf(value)) copy[k] = structuredCloneValue(value[k], seen);
      return copy;
    }
    seen.set(value, copy);
    return copy;
  }

  // ---- tool namespaces ------------------------------------------------------------------------

  const waiting = new MapCtor();

  // A call whose result is not there yet: the error, if any, is created after the await, so that
  // its stack includes the model code that awaited the call.
  async function pendingResult(id) {
    const outcome = await new PromiseCtor((resolve) => waiting.set(id, resolve));
    if (outcome.error !== undefined) {
      throw errorFromHost(outcome.error);
    }
    return outcome.value;
  }

  function settle(id, kind, payload) {
    const resolve = waiting.get(id);
    if (resolve === undefined) {
      return;
    }
    waiting.delete(id);
    if (kind === SETTLE_ERROR) {
      resolve({ error: payload });
      return;
    }
    let value;
    try {
      value = kind === SETTLE_UNDEFINED ? undefined : kind === SETTLE_RESULT ? parse(payload) : parse(payload, fromHost);
    } catch (e) {
      resolve({ error: stringify({ name: 'ToolError', message: 'the tool result is not valid JSON' }) });
      return;
    }
    resolve({ value });
  }

  function makeTool(namespace, tool, handle) {
    const qualified = namespace + '.' + tool;
    const call = function (input) {
      let json;
      try {
        json = input === undefined ? undefined : stringify(input, toHost);
      } catch (e) {
        return rejected(new TypeErrorCtor(qualified + ': the input cannot be sent to the tool as JSON: '
          + safeString(e && e.message)));
      }
      const reply = callTool(handle, json);
      // The usual reply, a plain result, is its JSON text: no tag to read and cut off.
      if (typeof reply === 'string') {
        return resolved(parse(reply));
      }
      if (reply > 0) {
        return pendingResult(reply);
      }
      if (reply === UNDEFINED_REPLY) {
        return resolved(undefined);
      }
      if (reply === TAGGED_REPLY) {
        return resolved(parse(callPayload(), fromHost));
      }
      if (reply === ERROR_REPLY) {
        return rejected(errorFromHost(callPayload()));
      }
      return rejected(new TypeErrorCtor(qualified + ': the host gave an answer the prelude does not know'));
    };
    defineProperty(call, 'name', { value: tool });
    return freeze(call);
  }

  // Names that libraries and engines probe on any object; answering them with a tool would make a
  // namespace look like a promise, a JSON value or a DOM node.
  const PROBED = new SetCtor(['then', 'catch', 'finally', 'toJSON', 'constructor', 'valueOf',
    'toString', 'toLocaleString', 'inspect', 'prototype', '__proto__', 'nodeType', '$$typeof',
    'asymmetricMatch']);

  // Members a provider's setup script added to its namespace, by namespace.
  const extrasByNamespace = new MapCtor();

  function makeNamespace(namespace) {
    const members = new MapCtor();
    const extras = new MapCtor();
    extrasByNamespace.set(namespace, { extras, members });
    let names;
    const listNames = () => {
      if (names === undefined) {
        const all = parse(toolNames(namespace));
        for (const name of extras.keys()) if (all.indexOf(name) < 0) all.push(name);
        names = freeze(all);
      }
      return names;
    };
    const member = (name) => {
      let value = members.get(name);
      if (value === undefined && extras.has(name)) {
        value = extras.get(name);
        members.set(name, value);
      }
      if (value === undefined) {
        // A number is the tool's handle; a string says why there is no such tool.
        const bound = bindTool(namespace, name);
        if (typeof bound === 'number') {
          value = makeTool(namespace, name, bound);
        } else if (PROBED.has(name)) {
          value = null;
        } else {
          value = freeze(function () { throw new TypeErrorCtor(bound); });
        }
        members.set(name, value);
      }
      return value === null ? undefined : value;
    };
    const target = Object.create(null);
    return new Proxy(target, {
      get(t, name) {
        // The hot path of every tool call: one map lookup once the tool has been seen.
        const known = members.get(name);
        if (known !== undefined) {
          return known === null ? undefined : known;
        }
        return typeof name === 'string' ? member(name) : undefined;
      },
      has(t, name) {
        return typeof name === 'string' && listNames().indexOf(name) >= 0;
      },
      ownKeys() {
        return listNames().slice();
      },
      getOwnPropertyDescriptor(t, name) {
        if (typeof name !== 'string' || listNames().indexOf(name) < 0) return undefined;
        return { value: member(name), writable: false, enumerable: true, configurable: true };
      },
      set() { return false; },
      defineProperty() { return false; },
      deleteProperty() { return false; },
      setPrototypeOf() { return false; },
      getPrototypeOf() { return null; },
    });
  }

  // ---- globals --------------------------------------------------------------------------------

  function define(name, value) {
    defineProperty(G, name, { value, writable: false, enumerable: false, configurable: false });
  }

  define('console', freeze(consoleObject));
  define('setTimeout', function setTimeout(callback, delay, ...args) { return addTimer(callback, delay, args, false); });
  define('setInterval', function setInterval(callback, delay, ...args) { return addTimer(callback, delay, args, true); });
  define('clearTimeout', function clearTimeout(id) { removeTimer(id); });
  define('clearInterval', function clearInterval(id) { removeTimer(id); });
  define('queueMicrotask', function queueMicrotask(callback) {
    if (typeof callback !== 'function') throw new TypeErrorCtor('queueMicrotask takes a function');
    promiseThen(resolved(undefined), () => callback());
  });
  define('structuredClone', function structuredClone(value) { return structuredCloneValue(value, new MapCtor()); });
  const names = parse(namespaceNames);
  for (let i = 0; i < names.length; i++) {
    define(names[i], makeNamespace(names[i]));
  }

  // ---- running the model's function -----------------------------------------------------------

  let finished = false;

  function finish(kind, payload) {
    if (!finished) {
      finished = true;
      done(kind, payload);
    }
  }

  function fail(thrown) {
    let json;
    try {
      json = stringify(describeThrown(thrown));
    } catch (e) {
      json = stringify({ name: 'Error', message: 'the code threw a value that cannot be described' });
    }
    finish(DONE_ERROR, json);
  }

  function succeed(value) {
    let json;
    try {
      json = value === undefined ? undefined : stringify(value, toHost);
    } catch (e) {
      fail(new TypeErrorCtor('The result cannot be returned as JSON: ' + safeString(e && e.message)
        + '. Return plain data: objects, arrays, strings, numbers, booleans and null.'));
      return;
    }
    finish(DONE_RESULT, json);
  }

  function isCallable(value) {
    if (typeof value !== 'function') {
      return false;
    }
    try {
      return !functionToString.call(value).startsWith('class');
    } catch (e) {
      return true;
    }
  }

  function run(fn) {
    if (!isCallable(fn)) {
      fail(new TypeErrorCtor('The code must be a function; it evaluated to ' + render(fn, 200)));
      return;
    }
    let result;
    try {
      result = fn();
    } catch (e) {
      fail(e);
      return;
    }
    promiseThen(resolved(result), succeed, fail);
  }

  // Runs a provider's trusted setup script (SandboxSetup) and adds what it returns to the namespace.
  // Its host functions are made here from handles the host bound for this setup alone: they are
  // not members of any namespace, so only the setup's closure can call them.
  function extend(namespace, setup, configJson, hostHandlesJson) {
    const entry = extrasByNamespace.get(namespace);
    const handles = parse(hostHandlesJson);
    const host = Object.create(null);
    for (const name of keysOf(handles)) {
      host[name] = makeTool(namespace, name, handles[name]);
    }
    const added = setup(freeze(host), G, parse(configJson));
    if (added === undefined || added === null) return;
    for (const key of keysOf(added)) {
      const value = added[key];
      entry.extras.set(key, typeof value === 'function' || (typeof value === 'object' && value !== null) ? freeze(value) : value);
      entry.members.delete(key);
    }
  }

  return freeze({ run, settle, fire, isCallable, extend });
})
