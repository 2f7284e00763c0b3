// Run once when an executor starts, at a shallow depth: it makes the engine load and initialise
// the classes behind the features model code uses most, so that their first use is not at the
// bottom of a deep recursion. The result is thrown away.
async () => {
  const out = [];
  const o = { a: 1, 'b-c': 2, [Symbol.iterator]: undefined, 3: 'three' };
  const a = [1, 2.5, 'x', null, undefined, true, { k: 1 }, [2]];
  const ints = [3, 1, 2];
  const doubles = [1.5, 0.25, -3.75];
  out.push(o.a, o['b-c'], o[3], a[0], a[1], ints[1], doubles[2], a.length, a[100]);
  o.d = 4; o[5] = 5; delete o.d; ints[5] = 9; doubles[0] = 2.5; a.length = 8;
  const { a: x1, ...rest } = o; const [h, ...t] = a;
  out.push(x1, rest, h, t, { ...o, e: 1 }, [...ints, ...'ab']);
  out.push(ints.map((n) => n * 2).filter((n) => n > 2).reduce((s, n) => s + n, 0));
  out.push(a.indexOf(null), a.includes('x'), ints.slice().sort((p, q) => p - q), ints.join('-'),
    ints.concat(doubles).reverse(), a.flat(), a.flatMap((v) => [v]), a.find((v) => v === 'x'),
    a.findIndex((v) => v === true), a.some(Boolean), a.every(Boolean), Array.from({ length: 3 }, (_, i) => i),
    Array.of(1, 2), ints.entries().next(), Object.keys(o), Object.values(o), Object.entries(o),
    Object.assign({}, o), Object.freeze({ f: 1 }), Object.fromEntries([['k', 1]]), Array.isArray(a));
  for (const v of a) out.push(typeof v);
  for (const k in o) out.push(k);
  for (let i = 0; i < 3; i++) { if (i === 1) continue; out.push(i); }
  let w = 0; while (w < 2) w++; do { w--; } while (w > 0);
  label: for (const i of [1, 2]) { for (const j of [1, 2]) { if (j === 2) continue label; out.push(i * j); } }
  switch (w) { case 0: out.push('zero'); break; default: out.push('other'); }
  const s = 'Hello, Wörld ✓ 😀';
  out.push(s.length, s.toUpperCase(), s.toLowerCase(), s.slice(1, 3), s.substring(2), s.split(', '),
    s.replace('l', 'L'), s.replaceAll('l', 'L'), s.indexOf('W'), s.includes('W'), s.startsWith('H'),
    s.endsWith('😀'), s.trim(), s.padStart(20, '*'), s.padEnd(20), s.repeat(2), s.at(-1),
    s.codePointAt(14), s.charCodeAt(0), String.fromCharCode(65), s.normalize('NFD'), [...s].length,
    s.localeCompare('a'), `t${s}t`, String.raw`a\nb`, s.match(/l+/g), s.search(/W/), s.matchAll(/l/g).next());
  const re = /(?<word>\w+)\s(\d+)/giu;
  out.push(re.exec('abc 123'), 'a1b2'.replace(/\d/g, (m) => m * 2), /^[a-z]+$/i.test('Abc'), re.lastIndex);
  out.push(JSON.stringify({ a: [1, { b: 'c' }], d: null }), JSON.parse('{"x":[1,2,{"y":"z"}],"n":1.5}'),
    JSON.stringify(a, null, 2), JSON.parse('[1]', (k, v) => v));
  out.push(Math.max(...ints), Math.floor(2.5), Math.round(-1.5), Math.abs(-1), Math.sqrt(2), Math.pow(2, 10),
    Math.min(), Math.random() < 2, Number('12.5'), parseInt('ff', 16), parseFloat('1e3'), (1234.5678).toFixed(2),
    (255).toString(16), Number.isInteger(5), Number.MAX_SAFE_INTEGER, 0.1 + 0.2, 7 % 3, 2 ** 10, ~5, 5 >>> 1, 1 << 3);
  out.push(10n ** 20n, BigInt(12) * 3n, BigInt.asUintN(8, 257n), (2n ** 70n).toString(), typeof 1n, 5n > 3);
  const d = new Date(Date.UTC(2024, 1, 29, 12, 30, 15, 500));
  out.push(d.toISOString(), d.getTime(), d.getUTCDay(), d.toJSON(), Date.parse('2024-01-01T00:00:00Z'),
    d.toString(), d.toDateString(), d.toLocaleDateString('en-US'), d.toLocaleString('de-DE'), d.toLocaleTimeString(),
    new Date('2024-03-01').getUTCMonth(), new Date(2024, 0, 1).getFullYear());
  out.push(new Intl.DateTimeFormat('en-GB', { dateStyle: 'full', timeStyle: 'long', timeZone: 'UTC' }).format(d),
    new Intl.NumberFormat('en-US', { style: 'currency', currency: 'EUR' }).format(1234.5),
    (1234567.891).toLocaleString(), new Intl.Collator('de').compare('ä', 'z'),
    new Intl.PluralRules('en').select(1), new Intl.RelativeTimeFormat('en').format(-1, 'day'),
    new Intl.ListFormat('en').format(['a', 'b']), ['b', 'a'].sort(new Intl.Collator('en').compare));
  const m = new Map([[1, 'a'], ['k', { v: 1 }]]); m.set(o, 2); const st = new Set([1, 2, 2]); st.add('x');
  const wm = new WeakMap([[o, 1]]); const ws = new WeakSet([o]);
  out.push(m.get(1), m.has('k'), m.size, [...m.keys()], [...st], st.has(2), wm.get(o), ws.has(o), [...m.entries()]);
  class Base { #secret = 1; static count = 0; constructor(n) { this.n = n; Base.count++; } get twice() { return this.n * 2; }
    set twice(v) { this.n = v / 2; } method() { return this.#secret + this.n; } static make() { return new Base(1); } }
  class Derived extends Base { constructor() { super(5); } method() { return super.method() * 10; } toString() { return 'D'; } }
  const inst = new Derived(); inst.twice = 8;
  out.push(inst.twice, inst.method(), Base.make().n, `${inst}`, inst instanceof Base, Object.getPrototypeOf(inst) === Derived.prototype);
  function* gen() { yield 1; yield* [2, 3]; return 4; }
  async function* agen() { yield 1; await null; yield 2; }
  for await (const v of agen()) out.push(v);
  out.push([...gen()], gen().next());
  const sym = Symbol('s'); const obj2 = { [sym]: 1, get g() { return 2; }, set g(v) {} };
  Object.defineProperty(obj2, 'hidden', { value: 3, enumerable: false });
  out.push(obj2[sym], obj2.g, Object.getOwnPropertyNames(obj2), Object.getOwnPropertyDescriptor(obj2, 'g'),
    Reflect.ownKeys(obj2), Reflect.has(obj2, 'g'), sym.toString(), Symbol.for('k') === Symbol.for('k'));
  const prox = new Proxy({}, { get: (tg, k) => (typeof k === 'string' ? k.length : undefined), has: () => true });
  out.push(prox.abc, 'z' in prox);
  try { null.x; } catch (e) { out.push(e instanceof TypeError, e.message, e.stack.length > 0); }
  try { throw new RangeError('r'); } catch ({ name, message }) { out.push(name, message); } finally { out.push('f'); }
  try { undefinedName; } catch (e) { out.push(e.name); }
  try { JSON.parse('{'); } catch (e) { out.push(e.name); }
  const err = new Error('outer', { cause: new Error('inner') }); out.push(err.cause.message, String(err));
  out.push(await Promise.all([1, Promise.resolve(2), new Promise((r) => r(3))]),
    await Promise.allSettled([Promise.reject(new Error('x')), 1]), await Promise.race([1, 2]),
    await Promise.any([Promise.reject(1), 2]), await new Promise((r) => setTimeout(() => r('timer'), 0)));
  const f = function named(p1, p2 = 2, ...more) { return [p1, p2, more, arguments.length, this]; };
  out.push(f(1), f.call({}, 1, 2, 3), f.apply(null, [1]), f.bind(null, 9)(), f.name, f.length, (() => 1).toString());
  const ta = new Uint8Array([1, 2, 300]); const f64 = new Float64Array(2); const dv = new DataView(new ArrayBuffer(8));
  dv.setInt32(0, 42); out.push(ta[2], f64.length, dv.getInt32(0), Array.from(ta), ta.subarray(1).length);
  out.push(encodeURIComponent('a b/ü'), decodeURIComponent('%C3%BC'), encodeURI('http://x/ a'));
  out.push(globalThis === this, typeof globalThis, void 0, null ?? 'n', o?.z?.y, (w ||= 3), (w &&= 4), (o.q ??= 5));
  out.push(String(Symbol.iterator), [1, [2, [3, [4]]]].flat(Infinity), 'abc'.split(''), Object.is(NaN, NaN), isNaN('x'), new Boolean(false) ? 1 : 0);
  console.log('warm', out.length);
  console.warn(JSON.stringify(out, (k, v) => (typeof v === 'bigint' ? String(v) : v)).length);
  return out.length;
}
