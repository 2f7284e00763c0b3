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

  // Date.now() and new Date(): the time the run started, the same on every pass.
  const RealDate = global.Date;
  const clock = config.clock;
  const reflectConstruct = Reflect.construct;
  const RunDate = new Proxy(RealDate, {
    construct(target, args, newTarget) {
      return reflectConstruct(target, args.length === 0 ? [clock] : args, newTarget === RunDate ? target : newTarget);
    },
    apply() {
      return new RealDate(clock).toString();
    },
  });
  defineProperty(RealDate, 'now', { value: function now() { return clock; }, writable: true, configurable: true });
  defineProperty(global, 'Date', { value: RunDate, writable: true, configurable: true });

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
