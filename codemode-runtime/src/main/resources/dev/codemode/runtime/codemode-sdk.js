// The `codemode` namespace's JavaScript members and the run's recorded randomness and time, set up
// in every pass of a durable run (a SandboxSetup of CodemodeRuntime). Host code, trusted.
//   tools  - the namespace's tools: now, and the hidden _search, _describe, _step_begin, _step_end
//            and _snippet that search(), describe(), step() and run() are built on
//   config - { seed, clock }: the run's recorded Math.random seed and Date.now() value
(tools, global, config) => {
  'use strict';
  const TypeErrorCtor = TypeError;

  // Math.random: mulberry32 from the run's seed, so every pass draws the same numbers in order.
  let state = config.seed | 0;
  const random = function random() {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  Object.defineProperty(global.Math, 'random', { value: random, writable: true, configurable: true });

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
  Object.defineProperty(RealDate, 'now', { value: function now() { return clock; }, writable: true, configurable: true });
  Object.defineProperty(global, 'Date', { value: RunDate, writable: true, configurable: true });

  const evaluate = global.eval;

  async function step(name, fn) {
    if (typeof name !== 'string' || name === '' || typeof fn !== 'function') {
      throw new TypeErrorCtor('codemode.step(name, fn) takes a non-empty name and a function');
    }
    const decision = await tools._step_begin({ name });
    if (decision.replay) {
      return decision.undefined ? undefined : decision.value;
    }
    const value = await fn();
    await tools._step_end({ seq: decision.seq, value: value === undefined ? null : value, undefined: value === undefined });
    return value;
  }

  async function run(name, input) {
    if (typeof name !== 'string') {
      throw new TypeErrorCtor('codemode.run(name, input) takes the snippet name as a string');
    }
    const snippet = await tools._snippet({ name });
    const fn = evaluate('(' + snippet.code + '\n)');
    return await fn(input === undefined ? {} : input);
  }

  async function search(query, options) {
    const limit = options !== null && typeof options === 'object' ? options.limit : undefined;
    return tools._search(limit === undefined ? { query: String(query) } : { query: String(query), limit });
  }

  async function describe(target) {
    return tools._describe({ target: String(target) });
  }

  return { step, run, search, describe };
}
