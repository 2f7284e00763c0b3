// The `codemode` namespace's JavaScript members and the run's recorded randomness and time, set up
// in every pass of a durable run (the SandboxSetup of SdkNamespace). Host code, trusted.
//   host   - the host functions stepBegin, stepEnd, snippet, search and describe: the private channel
//            of this script, kept in this closure; model code cannot name or reach them
//   global - globalThis
//   config - { seed, clock }: the run's recorded Math.random seed and Date.now() value
// Model code sees codemode.search, describe, step, run (returned here) and now (a tool), nothing else.
(host, global, config) => {
  'use strict';
  const TypeErrorCtor = TypeError;
  const ErrorCtor = Error;
  const StringCtor = String;
  const defineProperty = Object.defineProperty;
  const evaluate = global.eval;

  // Math.random: mulberry32 from the run's seed, so every pass draws the same numbers in order.
  let state = config.seed | 0;
  const random = function random() {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  defineProperty(global.Math, 'random', { value: random, writable: true, configurable: true });

  // The time the run started, the same on every pass, by every route to the current time:
  // Date.now(), new Date(), Date(), Reflect.construct(Date, []), subclasses of Date, the
  // constructor Date.prototype.constructor names, and Intl.DateTimeFormat's format and
  // formatToParts without a date. (A replay must see the time the first pass saw.)
  const RealDate = global.Date;
  const clock = config.clock;
  const reflectConstruct = Reflect.construct;
  const apply = Reflect.apply;
  const dateToString = RealDate.prototype.toString;
  const RunDate = new Proxy(RealDate, {
    construct(target, args, newTarget) {
      return reflectConstruct(target, args.length === 0 ? [clock] : args, newTarget === RunDate ? target : newTarget);
    },
    apply() {
      return apply(dateToString, new RealDate(clock), []);
    },
  });
  defineProperty(RealDate, 'now', { value: function now() { return clock; }, writable: true, configurable: true });
  defineProperty(RealDate.prototype, 'constructor', { value: RunDate, writable: true, configurable: true });
  defineProperty(global, 'Date', { value: RunDate, writable: true, configurable: true });

  // Intl.DateTimeFormat formats the current time when it is given no date: the recorded one here.
  // format is a getter that returns a function bound to the format (the same one every time).
  const DateTimeFormatPrototype = global.Intl.DateTimeFormat.prototype;
  const boundFormat = Object.getOwnPropertyDescriptor(DateTimeFormatPrototype, 'format').get;
  const formatToParts = DateTimeFormatPrototype.formatToParts;
  const WeakMapCtor = WeakMap;
  const weakGet = WeakMap.prototype.get;
  const weakSet = WeakMap.prototype.set;
  const recordedFormats = new WeakMapCtor();
  defineProperty(DateTimeFormatPrototype, 'format', {
    get: Object.getOwnPropertyDescriptor({
      get format() {
        const format = apply(boundFormat, this, []);
        let recorded = apply(weakGet, recordedFormats, [format]);
        if (recorded === undefined) {
          // Anonymous, like the function the engine binds.
          recorded = (0, function (date) { return format(date === undefined ? clock : date); });
          apply(weakSet, recordedFormats, [format, recorded]);
        }
        return recorded;
      },
    }, 'format').get,
    enumerable: false,
    configurable: true,
  });
  defineProperty(DateTimeFormatPrototype, 'formatToParts', {
    value: {
      formatToParts(date) {
        return apply(formatToParts, this, [date === undefined ? clock : date]);
      },
    }.formatToParts,
    writable: true,
    enumerable: false,
    configurable: true,
  });

  // GraalJS has neither Temporal (js.temporal is off) nor performance here; should a later version
  // add them, they would read the real clock, so they are removed rather than left as a side door.
  delete global.Temporal;
  delete global.performance;

  // What a step's failure is recorded as: its name and message, never the thrown object itself.
  function failureOf(thrown) {
    let name = 'Error';
    let message = '';
    try {
      if (thrown instanceof ErrorCtor) {
        name = StringCtor(thrown.name);
        message = StringCtor(thrown.message);
      } else {
        message = 'codemode.step: the function threw ' + StringCtor(thrown);
      }
    } catch (e) {
      message = 'codemode.step: the function threw a value that cannot be described';
    }
    return { name: name.slice(0, 200), message: message.slice(0, 16384) };
  }

  function recordedFailure(failed) {
    const error = new ErrorCtor(failed.message);
    defineProperty(error, 'name', { value: failed.name, writable: true, configurable: true });
    return error;
  }

  // Runs fn once and records its outcome; later passes get the recorded value (or failure) back
  // without running fn. Every pass, the first included, gets the value as recorded: a Map comes back
  // as an object, a Date as its text, on every pass alike.
  async function step(name, fn) {
    if (typeof name !== 'string' || name === '' || typeof fn !== 'function') {
      throw new TypeErrorCtor('codemode.step(name, fn) takes a non-empty name and a function');
    }
    const decision = await host.stepBegin({ name });
    if (decision.replay === true) {
      if (decision.failed !== null) {
        throw recordedFailure(decision.failed);
      }
      return decision.undefined === true ? undefined : decision.value;
    }
    const seq = decision.seq;
    let value;
    try {
      value = await fn();
    } catch (thrown) {
      await host.stepEnd({ seq, error: failureOf(thrown) });
      throw thrown;
    }
    let recorded;
    try {
      recorded = await host.stepEnd({ seq, value: value === undefined ? null : value, undefined: value === undefined });
    } catch (e) {
      if (e instanceof TypeErrorCtor) {
        // The value is not JSON (a cycle, a function): the step fails, and is recorded as failed.
        const failure = new TypeErrorCtor('codemode.step("' + name.slice(0, 100) + '") returned a value that'
          + ' cannot be recorded: ' + StringCtor(e.message) + '. Return plain data.');
        await host.stepEnd({ seq, error: failureOf(failure) });
        throw failure;
      }
      throw e;
    }
    return recorded.undefined === true ? undefined : recorded.value;
  }

  async function run(name, input) {
    if (typeof name !== 'string') {
      throw new TypeErrorCtor('codemode.run(name, input) takes the snippet name as a string');
    }
    const snippet = await host.snippet({ name });
    const fn = evaluate('(' + snippet.code + '\n)');
    return await fn(input === undefined ? {} : input);
  }

  async function search(query, options) {
    const limit = options !== null && typeof options === 'object' ? options.limit : undefined;
    return host.search(limit === undefined ? { query: StringCtor(query) } : { query: StringCtor(query), limit });
  }

  async function describe(target) {
    return host.describe({ target: StringCtor(target) });
  }

  return { step, run, search, describe };
}
