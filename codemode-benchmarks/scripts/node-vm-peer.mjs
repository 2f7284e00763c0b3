// The Node.js peer of the executor benchmarks: the same scripts (BenchmarkTools.java), each run in
// a fresh `vm` context with a tool namespace `t` whose calls copy values through JSON, as the
// GraalJS executor does. Prints one JSON object with the figures; scripts/compare.sh puts them
// beside the Java ones.
//
// Usage: node --expose-gc node-vm-peer.mjs [seconds per measurement, default 10]
//        node node-vm-peer.mjs --cold   (prints ms from process start to the first result)
import vm from 'node:vm';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';

const TRIVIAL = 'async () => { const a = await Promise.resolve(20); return {answer: a + 22}; }';
const CALLS_100 = 'async () => { let s = 0; for (let i = 0; i < 100; i++) { s += (await t.echo({i})).i; } return s; }';
const CALLS_0 = 'async () => { let s = 0; for (let i = 0; i < 100; i++) { s += (await Promise.resolve({i})).i; } return s; }';
const PROMISE_ALL = 'async () => (await Promise.all(Array.from({length: 10}, (_, i) => t.sleep({ms: 100})))).length';

function tools() {
  const copy = (value) => JSON.parse(JSON.stringify(value));
  return {
    echo: (input) => Promise.resolve(copy(input)),
    sleep: (input) => new Promise((resolve) => setTimeout(() => resolve('slept'), copy(input).ms)),
  };
}

let unique = 0;

// One execution: a new context, the code compiled and run, its result copied out as JSON.
async function execute(code, namespace) {
  const context = vm.createContext({ t: namespace, console: { log() {} } });
  const script = new vm.Script('(' + code + ')\n// ' + unique++);
  const fn = script.runInContext(context);
  const result = await fn();
  return JSON.parse(JSON.stringify(result === undefined ? null : result));
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

// Runs `code` repeatedly for `seconds` after a warm-up of the same length; latencies in µs.
async function latency(code, seconds) {
  const namespace = tools();
  const warmEnd = performance.now() + seconds * 1000;
  while (performance.now() < warmEnd) await execute(code, namespace);
  const samples = [];
  const end = performance.now() + seconds * 1000;
  while (performance.now() < end) {
    const start = performance.now();
    await execute(code, namespace);
    samples.push((performance.now() - start) * 1000);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 0.5), p99: percentile(samples, 0.99), n: samples.length };
}

// Executions per second of the trivial script on `threads` worker threads.
async function throughput(threads, seconds) {
  const self = fileURLToPath(import.meta.url);
  const counts = await Promise.all(Array.from({ length: threads }, () => new Promise((resolve, reject) => {
    const worker = new Worker(self, { workerData: { seconds } });
    worker.on('message', resolve);
    worker.on('error', reject);
  })));
  return counts.reduce((a, b) => a + b, 0) / seconds;
}

// Heap per context that waits for a tool: contexts whose code awaits a promise held back.
async function heapPerWaitingExecution(count) {
  const rounds = [];
  for (let round = 0; round < 5; round++) {
    global.gc(); global.gc();
    const before = process.memoryUsage().heapUsed;
    const releases = [];
    const namespace = { answer: () => new Promise((resolve) => releases.push(resolve)) };
    const running = [];
    for (let i = 0; i < count; i++) {
      running.push(execute('async () => { const data = {rows: [1, 2, 3]}; const a = await t.answer({}); return a + data.rows.length; }', namespace));
    }
    global.gc(); global.gc();
    const during = process.memoryUsage().heapUsed;
    releases.forEach((release) => release('ok'));
    await Promise.all(running);
    rounds.push((during - before) / 1024 / count);
  }
  rounds.sort((a, b) => a - b);
  return rounds[2];
}

if (!isMainThread) {
  const namespace = tools();
  const warmEnd = performance.now() + workerData.seconds * 1000;
  while (performance.now() < warmEnd) await execute(TRIVIAL, namespace);
  let count = 0;
  const end = performance.now() + workerData.seconds * 1000;
  while (performance.now() < end) {
    await execute(TRIVIAL, namespace);
    count++;
  }
  parentPort.postMessage(count);
} else if (process.argv[2] === '--cold') {
  await execute(TRIVIAL, tools());
  console.log('cold-start-ms ' + Math.round(performance.now()));
} else {
  if (typeof global.gc !== 'function') {
    console.error('run node with --expose-gc');
    process.exit(2);
  }
  const seconds = Number(process.argv[2] || 10);
  const figures = { node: process.version };
  figures.trivial = await latency(TRIVIAL, seconds);
  figures.calls100 = await latency(CALLS_100, seconds);
  figures.calls0 = await latency(CALLS_0, seconds);
  figures.promiseAll = await latency(PROMISE_ALL, Math.min(seconds, 5));
  figures.throughput2 = await throughput(2, seconds);
  figures.heapKbPerWaitingExecution = await heapPerWaitingExecution(1000);
  console.log(JSON.stringify(figures));
}
