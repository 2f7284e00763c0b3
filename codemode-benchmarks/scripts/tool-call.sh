#!/usr/bin/env bash
# The overhead of one synchronous tool call: runs ToolCallBenchmark (calls and loop, with and
# without input validation; each benchmark in its own JVM with the same warm-up), RUNS times, and
# prints per run and as medians calls - loop, the time a tool call adds to a loop iteration.
# Running all four in one JVM (-f 0) looked attractive but is biased: the benchmarks that run first
# do so in a colder JVM. ToolCallProbe alternates the two executions in one JVM instead.
#
#   codemode-benchmarks/scripts/tool-call.sh [runs, default 3] [extra JMH options...]
#
# Needs codemode-benchmarks/target/benchmarks.jar (mvn -DskipTests package). JAVA_HOME picks the
# JDK. Results land in codemode-benchmarks/target/tool-call/.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-3}
shift || true
java_bin=${JAVA_HOME:+$JAVA_HOME/bin/}java
jar=codemode-benchmarks/target/benchmarks.jar
out=codemode-benchmarks/target/tool-call
mkdir -p "$out"
rm -f "$out"/run-*.json
version=$("$java_bin" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.version =/ {print $2}')
flags=(-Xmx2g -Dpolyglotimpl.AttachLibraryFailureAction=ignore)
if [ "${version%%.*}" -ge 24 ]; then
  flags+=(--enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow)
fi
echo "== JDK $version, $(nproc) cores" >&2
for run in $(seq 1 "$runs"); do
  "$java_bin" "${flags[@]}" -jar "$jar" ToolCallBenchmark -jvmArgsAppend "${flags[*]}" \
    -rf json -rff "$out/run-$run.json" "$@" >&2
done
python3 - "$out" "$version" <<'PY'
import glob, json, statistics, sys
out, version = sys.argv[1], sys.argv[2]
per = {}
for path in sorted(glob.glob(f"{out}/run-*.json")):
    scores = {}
    for r in json.load(open(path)):
        raw = [s for fork in r["primaryMetric"]["rawData"] for s in fork]
        scores[(r["benchmark"].rsplit(".", 1)[1], r["params"]["validate"])] = statistics.median(raw)
    for validate in ("true", "false"):
        calls, loop = scores[("calls", validate)], scores[("loop", validate)]
        per.setdefault(validate, []).append((calls - loop, calls, loop))
        print(f"{path}: validate={validate} calls {calls:.2f} loop {loop:.2f} per call {calls - loop:.2f} µs")
for validate, rows in per.items():
    print(f"JDK {version} validate={validate}: per tool call median {statistics.median(r[0] for r in rows):.2f} µs"
          f" (runs: {', '.join(f'{r[0]:.2f}' for r in rows)}; loop iteration {statistics.median(r[2] for r in rows):.2f} µs)")
PY
