// The sandbox prelude of codemode-sandbox, evaluated first in every execution context.
//
// It is one function expression. The host calls it once with its bridge functions and keeps the
// object it returns; nothing of the host is stored on globalThis. What model code sees:
//   - one global per tool provider (a namespace: tasks.create({...}) returns a Promise),
//   - console (log, info, warn, error, debug, trace, dir, assert), rendering values as JSON,
//   - setTimeout, clearTimeout, setInterval, clearInterval, queueMicrotask, structuredClone.
//
// Model code runs after this function, in the same realm, and may replace any built-in: JSON,
// Map.prototype.set, Promise.prototype.then and .constructor, Function.prototype.call, getters and
// setters on Object.prototype or Error.prototype. So the prelude captures every built-in it uses
// here, before model code runs, and calls them as plain functions (see `uncurry`); it keeps its
// state in closures, builds the objects it reads back without a prototype, and never awaits or
// resolves with a value whose `then` model code could supply. What model code installs then never
// runs with the prelude's state in reach, and cannot change what the prelude tells the host.
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

  // ---- built-ins, captured before model code runs ------------------------------------------------

  const G = globalThis;
  // uncurry(Map.prototype.set)(map, key, value) is map.set(key, value) with the original set and
  // the original Function.prototype.call: a bound function looks up nothing when it is called.
  const uncurry = Function.prototype.bind.bind(Function.prototype.call);
  const apply = Reflect.apply;
  const construct = Reflect.construct;
  const reflectGet = Reflect.get;
  const reflectSet = Reflect.set;
  const ownDescriptor = Reflect.getOwnPropertyDescriptor;
  const defineProperty = Object.defineProperty;
  const freeze = Object.freeze;
  const keysOf = Object.keys;
  const getPrototypeOf = Object.getPrototypeOf;
  const createObject = Object.create;
  const hasOwn = Object.hasOwn;
  const ObjectCtor = Object;
  const ObjectPrototype = Object.prototype;
  const isPrototypeOf = uncurry(Object.prototype.isPrototypeOf);
  const stringify = JSON.stringify;
  const parse = JSON.parse;
  const PromiseCtor = Promise;
  const resolved = Promise.resolve.bind(Promise);
  const rejected = Promise.reject.bind(Promise);
  const ProxyCtor = Proxy;
  const ArrayCtor = Array;
  const ArrayPrototype = Array.prototype;
  const isArray = Array.isArray;
  const arrayJoin = uncurry(Array.prototype.join);
  const isView = ArrayBuffer.isView;
  const StringCtor = String;
  const StringPrototype = String.prototype;
  const stringSlice = uncurry(String.prototype.slice);
  const startsWith = uncurry(String.prototype.startsWith);
  const charCodeAt = uncurry(String.prototype.charCodeAt);
  const indexOfText = uncurry(String.prototype.indexOf);
  const stringTrim = uncurry(String.prototype.trim);
  const mathMax = Math.max;
  const mathMin = Math.min;
  const mathFloor = Math.floor;
  const mathTrunc = Math.trunc;
  const NumberCtor = Number;
  const BigIntCtor = BigInt;
  const bigIntToString = uncurry(BigInt.prototype.toString);
  const SymbolIterator = Symbol.iterator;
  const SymbolReplace = Symbol.replace;
  const SymbolToPrimitive = Symbol.toPrimitive;
  const MapCtor = Map;
  const MapPrototype = Map.prototype;
  const mapGet = uncurry(Map.prototype.get);
  const mapSet = uncurry(Map.prototype.set);
  const mapHas = uncurry(Map.prototype.has);
  const mapDelete = uncurry(Map.prototype.delete);
  const mapForEach = uncurry(Map.prototype.forEach);
  const mapSize = uncurry(ownDescriptor(Map.prototype, 'size').get);
  const SetCtor = Set;
  const SetPrototype = Set.prototype;
  const setHas = uncurry(Set.prototype.has);
  const setAdd = uncurry(Set.prototype.add);
  const setDelete = uncurry(Set.prototype.delete);
  const setForEach = uncurry(Set.prototype.forEach);
  const setSize = uncurry(ownDescriptor(Set.prototype, 'size').get);
  const WeakMapCtor = WeakMap;
  const weakMapGet = uncurry(WeakMap.prototype.get);
  const weakMapSet = uncurry(WeakMap.prototype.set);
  const WeakSetCtor = WeakSet;
  const weakSetHas = uncurry(WeakSet.prototype.has);
  const weakSetAdd = uncurry(WeakSet.prototype.add);
  const ErrorCtor = Error;
  const ErrorPrototype = Error.prototype;
  const TypeErrorCtor = TypeError;
  const RangeErrorCtor = RangeError;
  const Uint8ArrayCtor = Uint8Array;
  const TypedArrayPrototype = getPrototypeOf(Uint8Array.prototype);
  const typedArrayLength = ownDescriptor(TypedArrayPrototype, 'length').get;
  // Undefined for anything but a typed array: a brand check that throws nothing.
  const typedArrayTag = uncurry(ownDescriptor(TypedArrayPrototype, Symbol.toStringTag).get);
  const ArrayBufferPrototype = ArrayBuffer.prototype;
  const arrayBufferSlice = uncurry(ArrayBuffer.prototype.slice);
  const DateCtor = Date;
  const DatePrototype = Date.prototype;
  const dateGetTime = uncurry(Date.prototype.getTime);
  const dateToISOString = uncurry(Date.prototype.toISOString);
  const RegExpCtor = RegExp;
  const RegExpPrototype = RegExp.prototype;
  const regExpSource = uncurry(ownDescriptor(RegExp.prototype, 'source').get);
  const regExpFlags = uncurry(ownDescriptor(RegExp.prototype, 'flags').get);
  const functionToString = uncurry(Function.prototype.toString);
  const BINARY = '__codemode_binary__';
  const BIGINT = '__codemode_bigint__';
  // Same limit as JsonBridge.MAX_BIGINT_DIGITS on the host.
  const MAX_BIGINT_DIGITS = 1000;

  // A property descriptor without a prototype: defineProperty reads `get`, `set` and `value` from
  // the descriptor, inherited ones too, and model code may have put those on Object.prototype.
  function dataProperty(value, enumerable) {
    return { __proto__: null, value, writable: true, enumerable, configurable: true };
  }

  // Adds to the end of an array of the prelude's own without push, which model code may replace,
  // and without [[Set]], which would call a setter model code put on Array.prototype.
  function append(list, value) {
    defineProperty(list, list.length, dataProperty(value, true));
  }

  // `value` of an object the prelude parsed, when it is the object's own: an inherited one is
  // whatever model code put on Object.prototype.
  function own(object, key) {
    return hasOwn(object, key) ? object[key] : undefined;
  }

  // GraalJS's `arguments` global holds the command line of a script run; the option that turns
  // it off is experimental, so it is deleted here instead.
  delete G.arguments;

  // Atomics.wait blocks the thread outside the host's control; nothing in model code needs it.
  if (typeof Atomics === 'object') {
    delete Atomics.wait;
    delete Atomics.waitAsync;
  }

  // ---- built-ins the watchdog cannot stop ---------------------------------------------------------
  //
  // Some built-ins run in GraalJS's Java code without polling a safepoint, so the watchdog's
  // context.close(true) waits until they finish, which may be never:
  // Array.prototype.indexOf.call({length: 2 ** 53 - 1}, 1) would run for years. Where the work is
  // known before the built-in starts, it is checked here and the call refused with a RangeError
  // that names the limit; sort and JSON.stringify are made to run guest code the watchdog can
  // stop instead. Not covered: BigInt operators (**, *, <<, == and < with a string), which are
  // not functions and cannot be wrapped: they rely on the watchdog, which can stop the code only
  // once the one operation has ended.

  // Array-likes that are not arrays may be at most this long for the array methods. Real arrays
  // need no limit: their length is their own data property, and the methods skip the holes of a
  // sparse one.
  const ARRAY_LIKE_LIMIT = 2 ** 24;
  // The longest string the checked string methods make (GraalJS's own limit is about 2 ** 30).
  const STRING_LIMIT = 2 ** 27;
  // The most bits of a BigInt that BigInt() makes from text.
  const BIGINT_BITS_LIMIT = 2 ** 20;

  // Whether `value` has the internal slot `read` (a captured getter or valueOf) reads.
  function hasBrand(value, read) {
    try {
      read(value);
      return true;
    } catch (e) {
      return false;
    }
  }

  // 16777216 as '16,777,216'.
  function grouped(n) {
    let text = '' + n;
    if (!(n < 1e21)) return text; // written with an exponent
    let out = '';
    while (text.length > 3) {
      out = ',' + stringSlice(text, text.length - 3) + out;
      text = stringSlice(text, 0, text.length - 3);
    }
    return text + out;
  }

  // The built-ins replaced here keep their name, length and non-enumerability, and print as the
  // originals do ("function indexOf() { [native code] }"), so code that inspects them sees no
  // difference.
  const originalOf = new WeakMapCtor();
  function install(owner, key, original, replacement) {
    defineProperty(replacement, 'length', { __proto__: null, value: original.length, configurable: true });
    weakMapSet(originalOf, replacement, original);
    defineProperty(owner, key, { __proto__: null, value: replacement, writable: true, enumerable: false, configurable: true });
  }
  install(Function.prototype, 'toString', Function.prototype.toString, {
    toString() {
      const original = weakMapGet(originalOf, this);
      return functionToString(original === undefined ? this : original);
    },
  }.toString);

  // Every proxy model code makes, so that the checks can tell a real array from a proxy that
  // says it is one (Array.isArray says true for both) and could report one length to a check and
  // another to the built-in.
  const proxies = new WeakSetCtor();
  // Whether any of them is a proxy of an array: until then, an array needs no lookup in `proxies`.
  let arrayProxyMade = false;
  function isRealArray(value) {
    return isArray(value) && !(arrayProxyMade && weakSetHas(proxies, value));
  }
  {
    const revocable = Proxy.revocable;
    const CheckedProxy = new ProxyCtor(ProxyCtor, {
      __proto__: null,
      construct(target, args, newTarget) {
        const made = construct(target, args, newTarget);
        weakSetAdd(proxies, made);
        if (isArray(made)) arrayProxyMade = true;
        return made;
      },
    });
    weakMapSet(originalOf, CheckedProxy, ProxyCtor);
    install(ProxyCtor, 'revocable', revocable, {
      revocable(target, handler) {
        const made = revocable(target, handler);
        weakSetAdd(proxies, own(made, 'proxy'));
        if (isArray(own(made, 'proxy'))) arrayProxyMade = true;
        return made;
      },
    }.revocable);
    defineProperty(G, 'Proxy', { __proto__: null, value: CheckedProxy, writable: true, enumerable: false, configurable: true });
  }

  // What reading `key` from `object` gives when reading it runs no model code (a data property,
  // found on objects that are not proxies, or a typed array's own length); UNKNOWN otherwise.
  const UNKNOWN = createObject(null);
  function knownProperty(object, key) {
    for (let current = object; current !== null; current = getPrototypeOf(current)) {
      if (weakSetHas(proxies, current)) return UNKNOWN;
      const descriptor = ownDescriptor(current, key);
      if (descriptor !== undefined) {
        if (hasOwn(descriptor, 'value')) return descriptor.value;
        if (key === 'length' && descriptor.get === typedArrayLength && typedArrayTag(object) !== undefined) {
          return apply(typedArrayLength, object, []);
        }
        return UNKNOWN;
      }
    }
    return undefined;
  }

  // ToLength, for a value already read.
  function lengthOf(value) {
    const n = +value;
    if (!(n > 0)) return 0;
    return n >= 2 ** 53 - 1 ? 2 ** 53 - 1 : mathFloor(n);
  }

  // A proxy of `object` that answers `pinned`'s keys with its values and passes everything else
  // through as if `object` itself were used: what a built-in runs on when `object` could give it
  // another length (or iterator) than the one checked here.
  function pinnedView(object, pinned) {
    return new ProxyCtor(object, {
      __proto__: null,
      get: (target, key) => (hasOwn(pinned, key) ? pinned[key] : reflectGet(target, key, object)),
      set: (target, key, value) => reflectSet(target, key, value, object),
    });
  }

  function refuseLongArrayLike(name, length) {
    if (length > ARRAY_LIKE_LIMIT) {
      throw new RangeErrorCtor(name + ' was called on an array-like object whose length is ' + grouped(length)
        + '; at most ' + grouped(ARRAY_LIKE_LIMIT) + ' is allowed for objects that are not arrays. Use a real array.');
    }
  }

  // What a built-in that reads `object`'s length (`object` is `receiver` as an object) is run on:
  // `receiver` itself when that length is known here, else a view of `object` with the length read
  // once here (a getter, a proxy or a length with valueOf could answer one length to the check and
  // another to the built-in). `pinned` holds more keys the view must answer; with it there is
  // always a view.
  function checkedArrayLike(name, receiver, object, pinned) {
    if (pinned === undefined) {
      const known = knownProperty(object, 'length');
      if (known !== UNKNOWN && (known === null || (typeof known !== 'object' && typeof known !== 'function'))) {
        refuseLongArrayLike(name, typeof known === 'symbol' || typeof known === 'bigint' ? 0 : lengthOf(known));
        return receiver;
      }
    }
    const length = lengthOf(reflectGet(object, 'length', object));
    refuseLongArrayLike(name, length);
    const keys = pinned === undefined ? createObject(null) : pinned;
    keys.length = length;
    return pinnedView(object, keys);
  }

  // Calls a generic array method on `receiver`: at once for a real array, after checking the
  // length it will read for anything else.
  function callOnArrayLike(method, name, receiver, args) {
    if (receiver === null || receiver === undefined || isRealArray(receiver)) {
      return apply(method, receiver, args);
    }
    const object = ObjectCtor(receiver);
    const target = checkedArrayLike(name, receiver, object, undefined);
    const result = apply(method, target, args);
    return target !== receiver && result === target ? object : result;
  }

  // GraalJS sorts in Java when no comparator is given: no JavaScript runs during the sort, so a
  // huge sort cannot be stopped at the deadline. With a JavaScript comparator of the same order,
  // every comparison is guest code, which the watchdog can interrupt.
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

  // toReversed, toSorted, toSpliced and with write every index of their copy, holes included, in
  // Java: from a sparse array (a.length = 2 ** 32 - 1 makes one) that is more than memory holds.
  // So the copy of a real array is checked too: its length, exactly. For toSpliced that takes the
  // start and the count, which are converted here, once, and given to the method converted.
  function checkedCopyArguments(name, array, args) {
    const length = array.length;
    if (length <= ARRAY_LIKE_LIMIT) return args;
    let copyLength = length;
    let checked = args;
    if (name === 'toSpliced' && args.length > 0) {
      const toInteger = (value) => {
        const n = +value;
        return n !== n ? 0 : mathTrunc(n);
      };
      const start = toInteger(args[0]);
      const from = start < 0 ? mathMax(length + start, 0) : mathMin(start, length);
      checked = [start];
      let removed = length - from;
      if (args.length > 1) {
        const count = toInteger(args[1]);
        append(checked, count);
        removed = mathMin(mathMax(count, 0), length - from);
      }
      for (let i = 2; i < args.length; i++) append(checked, args[i]);
      copyLength = length + mathMax(args.length - 2, 0) - removed;
    }
    if (copyLength > ARRAY_LIKE_LIMIT) {
      throw new RangeErrorCtor('Array.prototype.' + name + ' would make an array of ' + grouped(copyLength)
        + ' elements, one for every index of the array, holes included; at most ' + grouped(ARRAY_LIKE_LIMIT)
        + ' are allowed for a copy. Change the array in place (reverse, sort, splice or an assignment) instead.');
    }
    return checked;
  }

  // The generic array methods whose work grows with the receiver's length.
  {
    const checked = ['indexOf', 'lastIndexOf', 'includes', 'forEach', 'filter', 'every', 'some', 'map',
      'reduce', 'reduceRight', 'find', 'findIndex', 'findLast', 'findLastIndex', 'toLocaleString',
      'fill', 'copyWithin', 'reverse', 'shift', 'unshift', 'splice', 'slice', 'flat', 'flatMap'];
    for (let i = 0; i < checked.length; i++) {
      const name = checked[i];
      const method = ArrayPrototype[name];
      if (typeof method !== 'function') continue;
      const qualified = 'Array.prototype.' + name;
      install(ArrayPrototype, name, method, {
        [name]() {
          // A real array, the usual receiver, goes straight to the method.
          return isRealArray(this) ? apply(method, this, arguments) : callOnArrayLike(method, qualified, this, arguments);
        },
      }[name]);
    }
    const copies = ['toReversed', 'toSpliced', 'with'];
    for (let i = 0; i < copies.length; i++) {
      const name = copies[i];
      const method = ArrayPrototype[name];
      if (typeof method !== 'function') continue;
      const qualified = 'Array.prototype.' + name;
      install(ArrayPrototype, name, method, {
        [name]() {
          return isRealArray(this)
            ? apply(method, this, checkedCopyArguments(name, this, arguments))
            : callOnArrayLike(method, qualified, this, arguments);
        },
      }[name]);
    }
    const sorts = ['sort', 'toSorted'];
    for (let i = 0; i < sorts.length; i++) {
      const name = sorts[i];
      const method = ArrayPrototype[name];
      const qualified = 'Array.prototype.' + name;
      if (typeof method === 'function') {
        install(ArrayPrototype, name, method, {
          [name](compare) {
            const args = [compare === undefined ? defaultOrder : compare];
            if (name === 'toSorted' && isRealArray(this)) checkedCopyArguments(name, this, args);
            return callOnArrayLike(method, qualified, this, args);
          },
        }[name]);
      }
      const typedMethod = TypedArrayPrototype[name];
      if (typeof typedMethod === 'function') {
        install(TypedArrayPrototype, name, typedMethod, {
          [name](compare) {
            return apply(typedMethod, this, [compare === undefined ? numericOrder : compare]);
          },
        }[name]);
      }
    }
  }

  // join makes a string of at least (length - 1) separators, whatever the elements are. It reads
  // the length, then converts the separator: so does this, and gives join the converted separator.
  {
    const join = ArrayPrototype.join;
    const checkedJoin = function (separator) {
      const length = lengthOf(this.length);
      const text = separator === undefined ? ',' : `${separator}`;
      if (length > 1 && (length - 1) * text.length > STRING_LIMIT) {
        refuseLongString('Array.prototype.join', (length - 1) * text.length, 'at least ');
      }
      return apply(join, this, [text]);
    };
    install(ArrayPrototype, 'join', join, {
      join(separator) {
        return callOnArrayLike(checkedJoin, 'Array.prototype.join', this, [separator]);
      },
    }.join);
  }

  // What a built-in that takes an iterable or an array-like (Array.from, %TypedArray%.from, the
  // typed array constructors) is given for `items`: items itself when the way the built-in will
  // read it is known here, else an iterable that calls the iterator method read once here, or a
  // view without an iterator and with the length read once here. An array-like's length is checked.
  function checkedItems(name, items) {
    if (items === null || (typeof items !== 'object' && typeof items !== 'function') || isRealArray(items)) {
      return items;
    }
    const iterator = knownProperty(items, SymbolIterator);
    if (iterator === UNKNOWN) {
      const method = reflectGet(items, SymbolIterator, items);
      return method !== undefined && method !== null
        ? { __proto__: null, [SymbolIterator]: () => apply(method, items, []) }
        : checkedArrayLike(name, items, items, { __proto__: null, [SymbolIterator]: method });
    }
    return iterator === undefined || iterator === null ? checkedArrayLike(name, items, items, undefined) : items;
  }

  // Listing the keys of a typed array or a string makes one string per index, in Java: the keys
  // of a huge one take longer than any deadline and cannot be interrupted.
  {
    const listings = [[ObjectCtor, 'keys', 'Object.keys'], [ObjectCtor, 'values', 'Object.values'],
      [ObjectCtor, 'entries', 'Object.entries'], [ObjectCtor, 'getOwnPropertyNames', 'Object.getOwnPropertyNames'],
      [ObjectCtor, 'getOwnPropertyDescriptors', 'Object.getOwnPropertyDescriptors'], [Reflect, 'ownKeys', 'Reflect.ownKeys']];
    for (let i = 0; i < listings.length; i++) {
      const owner = listings[i][0];
      const key = listings[i][1];
      const name = listings[i][2];
      const list = owner[key];
      install(owner, key, list, {
        [key](object) {
          // (Reflect.ownKeys refuses a string itself: it takes objects only.)
          const length = typeof object === 'string' ? (owner === ObjectCtor ? object.length : 0)
            : typedArrayTag(object) !== undefined ? apply(typedArrayLength, object, []) : 0;
          if (length > ARRAY_LIKE_LIMIT) {
            throw new RangeErrorCtor(name + ' would list the ' + grouped(length) + ' indexes of a '
              + (typeof object === 'string' ? 'string' : 'typed array') + '; at most ' + grouped(ARRAY_LIKE_LIMIT)
              + ' are allowed. Work on a slice of it.');
          }
          return apply(list, this, arguments);
        },
      }[key]);
    }
  }

  // Array.from and %TypedArray%.from copy an array-like element by element in Java.
  {
    const froms = [[ArrayCtor, 'Array.from'], [getPrototypeOf(Uint8ArrayCtor), '%TypedArray%.from']];
    for (let i = 0; i < froms.length; i++) {
      const owner = froms[i][0];
      const name = froms[i][1];
      const from = owner.from;
      install(owner, 'from', from, {
        from(items) {
          const checked = arguments.length > 0 ? checkedItems(name, items) : items;
          if (checked === items) return apply(from, this, arguments);
          const args = [checked];
          for (let j = 1; j < arguments.length; j++) append(args, arguments[j]);
          return apply(from, this, args);
        },
      }.from);
    }
  }

  // So do the typed array constructors, given an object that is neither a typed array nor an
  // ArrayBuffer. Each global constructor becomes a proxy of the original that checks that object.
  {
    const bufferByteLength = uncurry(ownDescriptor(ArrayBuffer.prototype, 'byteLength').get);
    const sharedByteLength = typeof SharedArrayBuffer === 'function'
      ? uncurry(ownDescriptor(SharedArrayBuffer.prototype, 'byteLength').get) : bufferByteLength;
    const isBuffer = (value) => hasBrand(value, bufferByteLength) || hasBrand(value, sharedByteLength);
    const names = ['Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array',
      'Uint32Array', 'Float16Array', 'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array'];
    for (let i = 0; i < names.length; i++) {
      const original = G[names[i]];
      if (typeof original !== 'function') continue;
      const name = names[i];
      const checked = new ProxyCtor(original, {
        __proto__: null,
        construct(target, args, newTarget) {
          const first = args.length > 0 ? args[0] : undefined;
          if (first === null || (typeof first !== 'object' && typeof first !== 'function') || isRealArray(first)
              || typedArrayTag(first) !== undefined || isBuffer(first)) {
            return construct(target, args, newTarget);
          }
          const items = checkedItems(name, first);
          if (items === first) return construct(target, args, newTarget);
          const copy = [items];
          for (let j = 1; j < args.length; j++) append(copy, args[j]);
          return construct(target, copy, newTarget);
        },
      });
      weakMapSet(originalOf, checked, original);
      defineProperty(original.prototype, 'constructor', { __proto__: null, value: checked, writable: true, enumerable: false, configurable: true });
      defineProperty(G, name, { __proto__: null, value: checked, writable: true, enumerable: false, configurable: true });
    }
  }

  function refuseLongString(name, length, atLeast) {
    throw new RangeErrorCtor(name + ' would make a string of ' + atLeast + grouped(length) + ' characters; at most '
      + grouped(STRING_LIMIT) + ' are allowed. Build less text at once.');
  }

  // repeat, padStart and padEnd: the length of the result is known from the arguments. The
  // arguments are converted here, once, in the built-in's order, and the built-in is given the
  // converted values.
  {
    const repeat = StringPrototype.repeat;
    const repeatText = uncurry(repeat);
    install(StringPrototype, 'repeat', repeat, {
      repeat(count) {
        // The usual case first: a string, and a number that makes it short enough.
        if (typeof this === 'string' && typeof count === 'number' && this.length * count <= STRING_LIMIT) {
          return repeatText(this, count);
        }
        if (this === null || this === undefined) return apply(repeat, this, [count]);
        const text = `${this}`;
        const n = +count;
        const times = n !== n ? 0 : mathTrunc(n);
        if (times > 0 && times !== Infinity && text.length * times > STRING_LIMIT) {
          refuseLongString('String.prototype.repeat', text.length * times, '');
        }
        return apply(repeat, text, [times]);
      },
    }.repeat);
    const pads = ['padStart', 'padEnd'];
    for (let i = 0; i < pads.length; i++) {
      const name = pads[i];
      const pad = StringPrototype[name];
      install(StringPrototype, name, pad, {
        [name](maxLength, fillString) {
          if (this === null || this === undefined) return apply(pad, this, [maxLength, fillString]);
          const text = `${this}`;
          const length = lengthOf(+maxLength);
          if (length <= text.length) return text;
          const filler = fillString === undefined ? ' ' : `${fillString}`;
          if (filler !== '' && length > STRING_LIMIT) refuseLongString('String.prototype.' + name, length, '');
          return apply(pad, text, [length, filler]);
        },
      }[name]);
    }
  }

  // The length of `text` with `search` replaced by `replacement` (both strings, so the
  // replacement's $ patterns have no groups to refer to), at every match or at the first.
  function replacedLength(text, search, replacement, all) {
    let fixed = 0;
    let matched = 0;
    let before = 0;
    let after = 0;
    for (let i = 0; i < replacement.length; i++) {
      const c = charCodeAt(replacement, i);
      const next = i + 1 < replacement.length ? charCodeAt(replacement, i + 1) : -1;
      if (c === 36 && next === 38) { matched++; i++; } // $& is the match
      else if (c === 36 && next === 96) { before++; i++; } // $` what precedes it
      else if (c === 36 && next === 39) { after++; i++; } // $' what follows it
      else { fixed++; if (c === 36 && next === 36) i++; } // $$ is one $; anything else is itself
    }
    const n = text.length;
    const s = search.length;
    const added = (p) => fixed + matched * s + before * p + after * (n - p - s) - s;
    if (!all) {
      const p = indexOfText(text, search, 0);
      return p < 0 ? n : n + added(p);
    }
    if (s === 0) {
      // a match at every position, 0 to n
      return n + (n + 1) * fixed + (before + after) * ((n * (n + 1)) / 2);
    }
    // An upper bound first: counting the matches only pays when it is past the limit.
    if (n + mathFloor(n / s) * mathMax(0, fixed + matched * s + (before + after) * n - s) <= STRING_LIMIT) {
      return n;
    }
    let length = n;
    for (let p = indexOfText(text, search, 0); p >= 0; p = indexOfText(text, search, p + s)) {
      length += added(p);
    }
    return length;
  }

  // Whether replace with a string pattern would call a Symbol.replace method model code put on
  // String.prototype or what it inherits from (or may, through a proxy): then it runs no check.
  function replaceIsHooked() {
    for (let current = StringPrototype; current !== null; current = getPrototypeOf(current)) {
      if (weakSetHas(proxies, current) || ownDescriptor(current, SymbolReplace) !== undefined) return true;
    }
    return false;
  }

  {
    const replaces = [['replace', false], ['replaceAll', true]];
    for (let i = 0; i < replaces.length; i++) {
      const name = replaces[i][0];
      const all = replaces[i][1];
      const replace = StringPrototype[name];
      install(StringPrototype, name, replace, {
        [name](search, replacement) {
          if (this !== null && this !== undefined && typeof search === 'string' && typeof replacement === 'string'
              && !replaceIsHooked()) {
            const text = `${this}`;
            const length = replacedLength(text, search, replacement, all);
            if (length > STRING_LIMIT) refuseLongString('String.prototype.' + name, length, '');
            return apply(replace, text, [search, replacement]);
          }
          return apply(replace, this, arguments);
        },
      }[name]);
    }
  }

  // JSON.stringify writes values out in Java, and what it writes can be far larger than what is in
  // memory: new Array(2 ** 28) is 1.3 GB of "null,", and x = [x, x] forty times over is 2 ** 40
  // values. With a replacer function every value it writes is guest code, which the watchdog can
  // stop: the model's own, or one that keeps every value (or applies a property list as the
  // built-in would).
  {
    const keep = (key, value) => value;
    install(JSON, 'stringify', stringify, {
      stringify(value, replacer, space) {
        const walk = typeof replacer === 'function' ? replacer : isArray(replacer) ? listReplacer(replacer) : keep;
        return apply(stringify, JSON, [value, walk, space]);
      },
    }.stringify);
  }

  // A replacer function that does what a property list (an array replacer) does: an object is
  // written with the listed keys only, in the list's order, so each object is replaced by a copy
  // of those; arrays and other values are written as they are. The copies would hide a cycle
  // from the built-in, so cycles through them are found here, from each holder's chain of parents.
  const isRawJSON = typeof JSON.isRawJSON === 'function' ? JSON.isRawJSON : () => false;
  const thisNumberValue = uncurry(Number.prototype.valueOf);
  const thisStringValue = uncurry(String.prototype.valueOf);
  const thisBooleanValue = uncurry(Boolean.prototype.valueOf);
  const thisBigIntValue = uncurry(BigInt.prototype.valueOf);
  function listReplacer(replacer) {
    const keys = [];
    const listed = new SetCtor();
    const length = lengthOf(replacer.length);
    for (let i = 0; i < length; i++) {
      const v = replacer[i];
      let key;
      if (typeof v === 'string') key = v;
      else if (typeof v === 'number') key = '' + v;
      else if (v !== null && typeof v === 'object' && (hasBrand(v, thisStringValue) || hasBrand(v, thisNumberValue))) key = `${v}`;
      if (key !== undefined && !setHas(listed, key)) {
        setAdd(listed, key);
        append(keys, key);
      }
    }
    const originals = new WeakMapCtor();
    const parents = new WeakMapCtor();
    return function (key, value) {
      if (value === null || typeof value !== 'object' || isRawJSON(value) || hasBrand(value, thisNumberValue)
          || hasBrand(value, thisStringValue) || hasBrand(value, thisBooleanValue) || hasBrand(value, thisBigIntValue)) {
        return value;
      }
      for (let holder = this; holder !== undefined; holder = weakMapGet(parents, holder)) {
        const original = weakMapGet(originals, holder);
        if ((original === undefined ? holder : original) === value) {
          throw new TypeErrorCtor('Converting circular structure to JSON');
        }
      }
      if (isArray(value)) {
        weakMapSet(parents, value, this);
        return value;
      }
      const copy = {};
      for (let i = 0; i < keys.length; i++) defineProperty(copy, keys[i], dataProperty(value[keys[i]], true));
      weakMapSet(originals, copy, value);
      weakMapSet(parents, copy, this);
      return copy;
    };
  }

  // BigInt(text) converts in Java in time that grows with the square of the digits: three million
  // digits take minutes. The text is checked first; an object is converted to a primitive here, as
  // the built-in would (Symbol.toPrimitive, valueOf, toString), so it is read once.
  {
    const toPrimitive = (input) => {
      const exotic = input[SymbolToPrimitive];
      if (exotic !== undefined && exotic !== null) {
        const result = apply(exotic, input, ['number']);
        if (result !== null && (typeof result === 'object' || typeof result === 'function')) {
          throw new TypeErrorCtor('Cannot convert object to primitive value');
        }
        return result;
      }
      const methods = ['valueOf', 'toString'];
      for (let i = 0; i < methods.length; i++) {
        const method = input[methods[i]];
        if (typeof method === 'function') {
          const result = apply(method, input, []);
          if (result === null || (typeof result !== 'object' && typeof result !== 'function')) return result;
        }
      }
      throw new TypeErrorCtor('Cannot convert object to primitive value');
    };
    // The fewest bits the integer `text` (as StringToBigInt reads it) can have.
    const leastBits = (text) => {
      const trimmed = stringTrim(text);
      let start = 0;
      let bitsPerDigit = 3.321928094887362; // log2(10)
      const second = trimmed.length > 1 ? charCodeAt(trimmed, 1) | 32 : 0;
      if (charCodeAt(trimmed, 0) === 48 && (second === 120 || second === 111 || second === 98)) {
        start = 2;
        bitsPerDigit = second === 120 ? 4 : second === 111 ? 3 : 1; // 0x, 0o, 0b
      } else if (charCodeAt(trimmed, 0) === 43 || charCodeAt(trimmed, 0) === 45) {
        start = 1; // + or -
      }
      while (start < trimmed.length && charCodeAt(trimmed, start) === 48) start++;
      return (trimmed.length - start - 1) * bitsPerDigit;
    };
    const CheckedBigInt = new ProxyCtor(BigIntCtor, {
      __proto__: null,
      apply(target, thisArg, args) {
        const value = args.length > 0 ? args[0] : undefined;
        const primitive = value !== null && (typeof value === 'object' || typeof value === 'function') ? toPrimitive(value) : value;
        if (typeof primitive === 'string' && primitive.length > BIGINT_BITS_LIMIT / 4) {
          const bits = leastBits(primitive);
          if (bits > BIGINT_BITS_LIMIT) {
            throw new RangeErrorCtor('BigInt() was given an integer of at least ' + grouped(mathFloor(bits))
              + ' bits; at most ' + grouped(BIGINT_BITS_LIMIT) + ' are allowed. Work with smaller numbers.');
          }
        }
        return BigIntCtor(primitive);
      },
    });
    weakMapSet(originalOf, CheckedBigInt, BigIntCtor);
    defineProperty(BigIntCtor.prototype, 'constructor', { __proto__: null, value: CheckedBigInt, writable: true, enumerable: false, configurable: true });
    defineProperty(G, 'BigInt', { __proto__: null, value: CheckedBigInt, writable: true, enumerable: false, configurable: true });
  }

  // ---- values crossing to the host ------------------------------------------------------------

  const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  // The value of each base64 character by its char code, -1 for other characters.
  const BASE64_VALUE = new Uint8ArrayCtor(128).fill(255);
  for (let i = 0; i < 64; i++) BASE64_VALUE[charCodeAt(BASE64, i)] = i;

  function bytesOf(value) {
    if (isPrototypeOf(ArrayBufferPrototype, value)) {
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
        append(parts, chunk);
        chunk = '';
      }
    }
    if (i < bytes.length) {
      const n = (bytes[i] << 16) | (i + 1 < bytes.length ? bytes[i + 1] << 8 : 0);
      chunk += BASE64[n >> 18] + BASE64[(n >> 12) & 63];
      chunk += i + 1 < bytes.length ? BASE64[(n >> 6) & 63] + '=' : '==';
    }
    append(parts, chunk);
    return arrayJoin(parts, '');
  }

  function fromBase64(text) {
    let end = text.length;
    while (end > 0 && charCodeAt(text, end - 1) === 61 /* = */) end--;
    const bytes = new Uint8ArrayCtor(mathFloor((end * 3) / 4));
    let buffer = 0;
    let bits = 0;
    let j = 0;
    for (let i = 0; i < end; i++) {
      const code = charCodeAt(text, i);
      const v = code < 128 ? BASE64_VALUE[code] : 255;
      if (v === 255) {
        continue;
      }
      buffer = (buffer << 6) | v;
      bits += 6;
      if (bits >= 8) {
        bits -= 8;
        bytes[j++] = (buffer >> bits) & 255;
      }
    }
    if (j === bytes.length) {
      return bytes;
    }
    const exact = new Uint8ArrayCtor(j);
    for (let i = 0; i < j; i++) exact[i] = bytes[i];
    return exact;
  }

  // Converting a BigInt to decimal text takes Java time that grows faster than its size: the
  // prelude converts none of BIGINT_BITS_LIMIT bits or more (which have more than this many digits).
  const HUGE_BIGINT_DIGITS = grouped(mathFloor(BIGINT_BITS_LIMIT * 0.3010299956639812));
  let hugeBigInt;
  function isHugeBigInt(value) {
    if (hugeBigInt === undefined) hugeBigInt = 1n << BigIntCtor(BIGINT_BITS_LIMIT);
    return value >= hugeBigInt || value <= -hugeBigInt;
  }

  // JSON.stringify replacer for values going to the host: binary data as base64 text (what a Java
  // byte[] reads), BigInt as an exact integer, Map as an object, Set as an array.
  function toHost(key, value) {
    if (typeof value === 'bigint') {
      const digits = isHugeBigInt(value) ? undefined : bigIntToString(value);
      const count = digits === undefined ? undefined : value < 0n ? digits.length - 1 : digits.length;
      if (count === undefined || count > MAX_BIGINT_DIGITS) {
        throw new RangeErrorCtor('A BigInt of ' + (count === undefined ? 'more than ' + HUGE_BIGINT_DIGITS : count)
            + ' digits cannot be passed to the host; the limit is ' + MAX_BIGINT_DIGITS + ' digits. Pass it as a string instead.');
      }
      return { [BIGINT]: digits };
    }
    if (value !== null && typeof value === 'object') {
      if (isView(value) || isPrototypeOf(ArrayBufferPrototype, value)) {
        return toBase64(bytesOf(value));
      }
      if (isPrototypeOf(MapPrototype, value)) {
        const object = {};
        mapForEach(value, (item, k) => { defineProperty(object, k, dataProperty(item, true)); });
        return object;
      }
      if (isPrototypeOf(SetPrototype, value)) {
        const list = [];
        setForEach(value, (item) => append(list, item));
        return list;
      }
    }
    return value;
  }

  // An integer as the host writes it: an optional minus and at most MAX_BIGINT_DIGITS digits.
  function isIntegerText(text) {
    const start = charCodeAt(text, 0) === 45 /* - */ ? 1 : 0;
    if (text.length <= start || text.length - start > MAX_BIGINT_DIGITS) return false;
    for (let i = start; i < text.length; i++) {
      const c = charCodeAt(text, i);
      if (c < 48 || c > 57) return false;
    }
    return true;
  }

  // JSON.parse reviver for values coming from the host: tagged binary and big integers.
  function fromHost(key, value) {
    if (value !== null && typeof value === 'object' && !isArray(value) && keysOf(value).length === 1) {
      const binary = own(value, BINARY);
      if (typeof binary === 'string') {
        return fromBase64(binary);
      }
      const digits = own(value, BIGINT);
      if (typeof digits === 'string' && isIntegerText(digits)) {
        return BigIntCtor(digits);
      }
    }
    return value;
  }

  // ---- errors ---------------------------------------------------------------------------------

  class ToolError extends ErrorCtor {
    // Explicit, so that making one spreads no arguments (an iterator model code could replace).
    constructor(message) {
      super(message);
    }
  }
  defineProperty(ToolError.prototype, 'name', { value: 'ToolError', writable: true, configurable: true });

  // Errors the prelude made for failed tool calls, with the tool that failed. Only these are
  // reported to the host as tool errors: a `tool` property that model code sets proves nothing,
  // and model code cannot add to this map (it is in this closure, and used only through the
  // WeakMap methods captured above).
  const toolOfError = new WeakMapCtor();

  // The error of a failed tool call, from the host's JSON ({name, message, tool}), or the prelude's
  // own ({name, message}) about the call of `tool`. Only own properties of the parsed JSON count.
  function errorFromHost(json, tool) {
    const info = parse(json);
    const name = own(info, 'name');
    const message = own(info, 'message');
    const failed = typeof own(info, 'tool') === 'string' ? own(info, 'tool') : tool;
    const error = name === 'TypeError' ? new TypeErrorCtor(message) : new ToolError(message);
    if (name !== 'TypeError' && name !== 'ToolError' && typeof name === 'string') {
      defineProperty(error, 'name', dataProperty(name, false));
    }
    if (failed !== undefined) {
      defineProperty(error, 'tool', dataProperty(failed, true));
      weakMapSet(toolOfError, error, failed);
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
        : stringSlice(text, 0, max) + '… [cut: the text has ' + text.length + ' characters]';
  }

  function safeString(value) {
    try {
      return StringCtor(value);
    } catch (e) {
      return '[value that cannot be converted to a string]';
    }
  }

  // What the host learns of a thrown value: never a silent success, whatever was thrown. The
  // object has no prototype, so that stringify finds no toJSON model code put on Object.prototype.
  function describeThrown(thrown) {
    if (isPrototypeOf(ErrorPrototype, thrown)) {
      let name = 'Error';
      let message = '';
      let stack = '';
      try { name = cut(safeString(thrown.name), MAX_NAME_CHARS); } catch (e) { /* keep the default */ }
      try { message = cut(safeString(thrown.message), MAX_MESSAGE_CHARS); } catch (e) { /* keep the default */ }
      try { stack = cut(safeString(thrown.stack), MAX_STACK_CHARS); } catch (e) { /* keep the default */ }
      const tool = weakMapGet(toolOfError, thrown);
      return { __proto__: null, name, message, stack, tool };
    }
    const kind = thrown === null ? 'null' : isArray(thrown) ? 'array' : typeof thrown;
    const shown = kind === 'string'
      ? stringify(thrown.length > 2000 ? stringSlice(thrown, 0, 2000) + '…' : thrown)
      : render(thrown, 2000);
    return {
      __proto__: null,
      name: 'Error',
      message: 'Uncaught ' + kind + ' ' + shown
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
    const ancestors = new SetCtor();
    function emit(text) {
      if (out.length < budget) {
        out += text.length > budget - out.length ? stringSlice(text, 0, budget - out.length) + '…' : text;
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
          emit(StringCtor(v));
          return;
        case 'undefined':
          emit('undefined');
          return;
        case 'bigint':
          emit(isHugeBigInt(v) ? '[BigInt of more than ' + HUGE_BIGINT_DIGITS + ' digits]' : bigIntToString(v) + 'n');
          return;
        case 'symbol':
          emit(StringCtor(v));
          return;
        case 'function': {
          let text;
          try {
            text = startsWith(functionToString(v), 'class') ? '[class ' : '[Function ';
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
      if (setHas(ancestors, v)) {
        emit('[Circular]');
        return;
      }
      if (depth > 20) {
        emit(isArray(v) ? '[Array]' : '[Object]');
        return;
      }
      setAdd(ancestors, v);
      try {
        if (isPrototypeOf(ErrorPrototype, v)) {
          emit(safeString(v.stack || (v.name + ': ' + v.message)));
        } else if (isPrototypeOf(DatePrototype, v)) {
          const time = dateGetTime(v);
          emit(time !== time ? 'Invalid Date' : dateToISOString(v));
        } else if (isPrototypeOf(RegExpPrototype, v)) {
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
          const n = mathMin(v.length, 50);
          for (let i = 0; i < n; i++) {
            if (i > 0) emit(',');
            emit(StringCtor(v[i]));
          }
          emit(v.length > n ? ',…]' : ']');
        } else if (isPrototypeOf(MapPrototype, v)) {
          emit('Map(' + mapSize(v) + ') {');
          let first = true;
          mapForEach(v, (item, k) => {
            if (out.length >= budget) return;
            if (!first) emit(',');
            first = false;
            walk(k, depth + 1);
            emit(' => ');
            walk(item, depth + 1);
          });
          emit('}');
        } else if (isPrototypeOf(SetPrototype, v)) {
          emit('Set(' + setSize(v) + ') {');
          let first = true;
          setForEach(v, (item) => {
            if (out.length >= budget) return;
            if (!first) emit(',');
            first = false;
            walk(item, depth + 1);
          });
          emit('}');
        } else if (typeof v.toJSON === 'function') {
          walk(v.toJSON(), depth + 1);
        } else {
          const proto = getPrototypeOf(v);
          const name = proto && proto !== ObjectPrototype && proto.constructor && proto.constructor.name;
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
        setDelete(ancestors, v);
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

  // `arguments` rather than rest parameters and spreads, which iterate with an iterator model code
  // may replace.
  const consoleObject = {
    log: function log() { logLine('log', arguments); },
    info: function info() { logLine('info', arguments); },
    warn: function warn() { logLine('warn', arguments); },
    error: function error() { logLine('error', arguments); },
    debug: function debug() { logLine('debug', arguments); },
    trace: function trace() { logLine('debug', arguments); },
    dir: function dir(value) { logLine('log', [value]); },
    assert: function assert(condition) {
      if (!condition) {
        const line = ['Assertion failed' + (arguments.length > 1 ? ':' : '')];
        for (let i = 1; i < arguments.length; i++) append(line, arguments[i]);
        logLine('error', line);
      }
    },
  };

  // ---- timers ---------------------------------------------------------------------------------

  const timers = new MapCtor();
  let nextTimer = 1;

  function addTimer(callback, delay, args, repeat) {
    if (typeof callback !== 'function') {
      throw new TypeErrorCtor('setTimeout and setInterval take a function; strings are not evaluated');
    }
    let ms = NumberCtor(delay);
    if (!(ms >= 0)) ms = 0;
    const id = nextTimer++;
    mapSet(timers, id, { __proto__: null, callback, args, repeat: repeat ? mathMax(ms, 1) : 0 });
    const problem = timer(id, ms);
    if (problem !== null && problem !== undefined) {
      mapDelete(timers, id);
      throw new RangeErrorCtor(problem);
    }
    return id;
  }

  // The arguments after the first two of a setTimeout or setInterval call.
  function timerArguments(all) {
    const args = [];
    for (let i = 2; i < all.length; i++) append(args, all[i]);
    return args;
  }

  function removeTimer(id) {
    if (mapDelete(timers, id)) {
      timer(id, CANCEL_TIMER);
    }
  }

  function fire(id) {
    const entry = mapGet(timers, id);
    if (entry === undefined) {
      return;
    }
    if (entry.repeat) {
      timer(id, entry.repeat);
    } else {
      mapDelete(timers, id);
    }
    try {
      apply(entry.callback, undefined, entry.args);
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
    if (mapHas(seen, value)) return mapGet(seen, value);
    let copy;
    if (isPrototypeOf(DatePrototype, value)) {
      copy = new DateCtor(dateGetTime(value));
    } else if (isPrototypeOf(RegExpPrototype, value)) {
      copy = new RegExpCtor(regExpSource(value), regExpFlags(value));
    } else if (isView(value)) {
      copy = new value.constructor(value);
    } else if (isPrototypeOf(ArrayBufferPrototype, value)) {
      copy = arrayBufferSlice(value, 0);
    } else if (isPrototypeOf(MapPrototype, value)) {
      copy = new MapCtor();
      mapSet(seen, value, copy);
      mapForEach(value, (v, k) => { mapSet(copy, structuredCloneValue(k, seen), structuredCloneValue(v, seen)); });
      return copy;
    } else if (isPrototypeOf(SetPrototype, value)) {
      copy = new SetCtor();
      mapSet(seen, value, copy);
      setForEach(value, (v) => { setAdd(copy, structuredCloneValue(v, seen)); });
      return copy;
    } else if (isArray(value)) {
      copy = [];
      mapSet(seen, value, copy);
      for (let i = 0; i < value.length; i++) defineProperty(copy, i, dataProperty(structuredCloneValue(value[i], seen), true));
      return copy;
    } else if (isPrototypeOf(ErrorPrototype, value)) {
      copy = new ErrorCtor(value.message);
      defineProperty(copy, 'name', dataProperty(value.name, false));
    } else {
      copy = {};
      mapSet(seen, value, copy);
      const keys = keysOf(value);
      for (let i = 0; i < keys.length; i++) defineProperty(copy, keys[i], dataProperty(structuredCloneValue(value[keys[i]], seen), true));
      return copy;
    }
    mapSet(seen, value, copy);
    return copy;
  }

  // ---- tool namespaces ------------------------------------------------------------------------

  // Calls still running, by id: what settle() hands the host's answer to.
  const waiting = new MapCtor();

  // A call whose result is not there yet. The answer is parsed, and the error made, after the
  // await, so that the error's stack includes the model code that awaited the call.
  //
  // The await is on a promise whose own `constructor` is the real Promise, and it is resolved with
  // undefined: so the engine takes its internal then, and neither a Promise.prototype.then or
  // .constructor nor an Object.prototype.then of model code is called with its resolve function
  // (which would let model code answer the call itself).
  async function pendingResult(id, qualified) {
    let answerKind;
    let answerText;
    const answered = new PromiseCtor((resolve) => {
      mapSet(waiting, id, (kind, payload) => {
        answerKind = kind;
        answerText = payload;
        resolve();
      });
    });
    defineProperty(answered, 'constructor', { __proto__: null, value: PromiseCtor });
    await answered;
    if (answerKind === SETTLE_ERROR) {
      throw errorFromHost(answerText, qualified);
    }
    if (answerKind === SETTLE_UNDEFINED) {
      return undefined;
    }
    let value;
    try {
      value = answerKind === SETTLE_RESULT ? parse(answerText) : parse(answerText, fromHost);
    } catch (e) {
      throw errorFromHost(stringify({ __proto__: null, name: 'ToolError', message: 'the tool result is not valid JSON' }), qualified);
    }
    return value;
  }

  function settle(id, kind, payload) {
    const answer = mapGet(waiting, id);
    if (answer === undefined) {
      return;
    }
    mapDelete(waiting, id);
    answer(kind, payload);
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
        return pendingResult(reply, qualified);
      }
      if (reply === UNDEFINED_REPLY) {
        return resolved(undefined);
      }
      if (reply === TAGGED_REPLY) {
        return resolved(parse(callPayload(), fromHost));
      }
      if (reply === ERROR_REPLY) {
        return rejected(errorFromHost(callPayload(), qualified));
      }
      return rejected(new TypeErrorCtor(qualified + ': the host gave an answer the prelude does not know'));
    };
    defineProperty(call, 'name', { __proto__: null, value: tool });
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
    mapSet(extrasByNamespace, namespace, { __proto__: null, extras, members });
    let names;
    const listNames = () => {
      if (names === undefined) {
        const all = parse(toolNames(namespace));
        const known = new SetCtor();
        for (let i = 0; i < all.length; i++) setAdd(known, all[i]);
        mapForEach(extras, (value, name) => {
          if (!setHas(known, name)) append(all, name);
        });
        names = freeze(all);
      }
      return names;
    };
    const isName = (name) => {
      const all = listNames();
      for (let i = 0; i < all.length; i++) if (all[i] === name) return true;
      return false;
    };
    const member = (name) => {
      let value = mapGet(members, name);
      if (value === undefined && mapHas(extras, name)) {
        value = mapGet(extras, name);
        mapSet(members, name, value);
      }
      if (value === undefined) {
        // A number is the tool's handle; a string says why there is no such tool.
        const bound = bindTool(namespace, name);
        if (typeof bound === 'number') {
          value = makeTool(namespace, name, bound);
        } else if (setHas(PROBED, name)) {
          value = null;
        } else {
          value = freeze(function () { throw new TypeErrorCtor(bound); });
        }
        mapSet(members, name, value);
      }
      return value === null ? undefined : value;
    };
    const target = createObject(null);
    // The handler has no prototype: a trap it lacks is not looked up on Object.prototype, where
    // model code could put one and be handed the handler.
    return new ProxyCtor(target, freeze({
      __proto__: null,
      get(t, name) {
        // The hot path of every tool call: one map lookup once the tool has been seen.
        const known = mapGet(members, name);
        if (known !== undefined) {
          return known === null ? undefined : known;
        }
        return typeof name === 'string' ? member(name) : undefined;
      },
      has(t, name) {
        return typeof name === 'string' && isName(name);
      },
      ownKeys() {
        const all = listNames();
        const copy = [];
        for (let i = 0; i < all.length; i++) append(copy, all[i]);
        return copy;
      },
      getOwnPropertyDescriptor(t, name) {
        if (typeof name !== 'string' || !isName(name)) return undefined;
        return { __proto__: null, value: member(name), writable: false, enumerable: true, configurable: true };
      },
      set() { return false; },
      defineProperty() { return false; },
      deleteProperty() { return false; },
      setPrototypeOf() { return false; },
      getPrototypeOf() { return null; },
    }));
  }

  // ---- globals --------------------------------------------------------------------------------

  function define(name, value) {
    defineProperty(G, name, { value, writable: false, enumerable: false, configurable: false });
  }

  define('console', freeze(consoleObject));
  define('setTimeout', function setTimeout(callback, delay) { return addTimer(callback, delay, timerArguments(arguments), false); });
  define('setInterval', function setInterval(callback, delay) { return addTimer(callback, delay, timerArguments(arguments), true); });
  define('clearTimeout', function clearTimeout(id) { removeTimer(id); });
  define('clearInterval', function clearInterval(id) { removeTimer(id); });
  define('queueMicrotask', function queueMicrotask(callback) {
    if (typeof callback !== 'function') throw new TypeErrorCtor('queueMicrotask takes a function');
    // Awaiting undefined takes the engine's internal then, whatever model code did to Promise.
    (async () => {
      await undefined;
      callback();
    })();
  });
  define('structuredClone', function structuredClone(value) { return structuredCloneValue(value, new MapCtor()); });
  {
    const names = parse(namespaceNames);
    for (let i = 0; i < names.length; i++) {
      define(names[i], makeNamespace(names[i]));
    }
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
      json = stringify({ __proto__: null, name: 'Error', message: 'the code threw a value that cannot be described' });
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
      return !startsWith(functionToString(value), 'class');
    } catch (e) {
      return true;
    }
  }

  // The result of the model's function, once it settles. `await` rather than then: it looks up
  // nothing on Promise.prototype unless the result is a promise model code made its own.
  async function settleResult(result) {
    let value;
    try {
      value = await result;
    } catch (e) {
      fail(e);
      return;
    }
    succeed(value);
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
    settleResult(result);
  }

  // Runs a provider's trusted setup script (SandboxSetup) and adds what it returns to the namespace.
  // Its host functions are made here from handles the host bound for this setup alone: they are
  // not members of any namespace, so only the setup's closure can call them.
  function extend(namespace, setup, configJson, hostHandlesJson) {
    const entry = mapGet(extrasByNamespace, namespace);
    const handles = parse(hostHandlesJson);
    const host = createObject(null);
    const handleNames = keysOf(handles);
    for (let i = 0; i < handleNames.length; i++) {
      host[handleNames[i]] = makeTool(namespace, handleNames[i], handles[handleNames[i]]);
    }
    const added = setup(freeze(host), G, parse(configJson));
    if (added === undefined || added === null) return;
    const addedNames = keysOf(added);
    for (let i = 0; i < addedNames.length; i++) {
      const key = addedNames[i];
      const value = added[key];
      mapSet(entry.extras, key, typeof value === 'function' || (typeof value === 'object' && value !== null) ? freeze(value) : value);
      mapDelete(entry.members, key);
    }
  }

  return freeze({ run, settle, fire, isCallable, extend });
})
