#!/usr/bin/env bash
# Runs the executor benchmarks and their Node.js `vm` peer in one go and prints the figures side by
# side with ratios (Java / Node; below 1 means the Java executor is faster or smaller).
#
#   codemode-benchmarks/scripts/compare.sh [seconds per JMH iteration, default 2]
#
# Needs: mvn -DskipTests install (for codemode-benchmarks/target/benchmarks.jar), node 20, python3.
# JAVA_HOME picks the JDK. Results land in codemode-benchmarks/target/compare/.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-2}
java_bin=${JAVA_HOME:+$JAVA_HOME/bin/}java
jar=codemode-benchmarks/target/benchmarks.jar
out=codemode-benchmarks/target/compare
mkdir -p "$out"
version=$("$java_bin" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.version =/ {print $2}')
flags=(-Dpolyglotimpl.AttachLibraryFailureAction=ignore)
if [ "${version%%.*}" -ge 24 ]; then
  flags+=(--enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow)
fi
echo "== JDK $version, $(nproc) cores, $(node --version)" >&2

"$java_bin" "${flags[@]}" -jar "$jar" ExecutorBenchmark -w "${seconds}s" -r "${seconds}s" \
  -jvmArgsAppend "${flags[*]}" -rf json -rff "$out/jmh.json" >&2
"$java_bin" "${flags[@]}" -Xmx2g -cp "$jar" dev.codemode.benchmarks.HeapPerExecution 1000 | tee "$out/heap.txt" >&2
: > "$out/cold-java.txt"
: > "$out/cold-node.txt"
for i in 1 2 3 4 5 6 7; do
  "$java_bin" "${flags[@]}" -cp "$jar" dev.codemode.benchmarks.ColdStart 2>/dev/null >> "$out/cold-java.txt"
  node codemode-benchmarks/scripts/node-vm-peer.mjs --cold >> "$out/cold-node.txt"
done
: > "$out/cold-java-aot.txt"
if [ "${version%%.*}" -ge 25 ]; then
  # JDK 25's ahead-of-time cache: one training run records loaded and linked classes.
  "$java_bin" "${flags[@]}" -XX:AOTCacheOutput="$out/codemode.aot" -cp "$jar" dev.codemode.benchmarks.ColdStart >/dev/null 2>&1
  for i in 1 2 3 4 5 6 7; do
    "$java_bin" "${flags[@]}" -XX:AOTCache="$out/codemode.aot" -cp "$jar" dev.codemode.benchmarks.ColdStart 2>/dev/null >> "$out/cold-java-aot.txt"
  done
fi
node --expose-gc codemode-benchmarks/scripts/node-vm-peer.mjs "$((seconds * 5))" > "$out/node.json"

python3 - "$out" "$version" <<'PY'
import json, re, statistics, sys
out, version = sys.argv[1], sys.argv[2]
jmh = {r["benchmark"].rsplit(".", 1)[1]: r for r in json.load(open(f"{out}/jmh.json"))}
node = json.load(open(f"{out}/node.json"))
def pct(name, p):
    return jmh[name]["primaryMetric"]["scorePercentiles"][p]
def cold(path):
    return statistics.median(int(line.split()[1]) for line in open(path) if line.startswith("cold-start-ms"))
heap = float(re.search(r"median ([0-9.]+) KB", open(f"{out}/heap.txt").read()).group(1))
rows = [
    ("trivial execution p50 (µs)", pct("trivial", "50.0"), node["trivial"]["p50"]),
    ("trivial execution p99 (µs)", pct("trivial", "99.0"), node["trivial"]["p99"]),
    ("100 tool calls p50 (µs)", pct("calls100", "50.0"), node["calls100"]["p50"]),
    ("same loop, no calls p50 (µs)", pct("calls0", "50.0"), node["calls0"]["p50"]),
    ("per tool call (µs)", (pct("calls100", "50.0") - pct("calls0", "50.0")) / 100,
     (node["calls100"]["p50"] - node["calls0"]["p50"]) / 100),
    ("Promise.all 10 x 100 ms p50 (ms)", pct("promiseAll", "50.0"), node["promiseAll"]["p50"] / 1000),
    ("executions/s on 2 threads", jmh["throughput2"]["primaryMetric"]["score"], node["throughput2"]),
    ("heap per waiting execution (KB)", heap, node["heapKbPerWaitingExecution"]),
    ("cold start to first result (ms)", cold(f"{out}/cold-java.txt"), cold(f"{out}/cold-node.txt")),
]
if open(f"{out}/cold-java-aot.txt").read().strip():
    rows.append(("cold start with the JDK 25 AOT cache (ms)", cold(f"{out}/cold-java-aot.txt"), cold(f"{out}/cold-node.txt")))
print(f"| figure (JDK {version}, Node {node['node']}) | GraalJS executor | Node vm | ratio |")
print("|---|---:|---:|---:|")
for name, java, peer in rows:
    print(f"| {name} | {java:,.1f} | {peer:,.1f} | {java / peer:.2f} |")
PY
