#!/usr/bin/env bash
# Cold build-time cost of the processor, as a build sees it: a fresh javac process compiles one
# connector with N tools (default 500), RUNS times with the Codemode processor and RUNS times with
# -proc:none, alternating, and prints the median wall time of each.
# Needs: mvn -DskipTests install (for codemode-benchmarks/target/benchmarks.jar). JAVA_HOME picks the JDK.
set -euo pipefail
cd "$(dirname "$0")/../.."
tools=${1:-500}
runs=${RUNS:-7}
java_bin=${JAVA_HOME:+$JAVA_HOME/bin/}java
javac_bin=${JAVA_HOME:+$JAVA_HOME/bin/}javac
jar=codemode-benchmarks/target/benchmarks.jar
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$java_bin" -cp "$jar" dev.codemode.benchmarks.LargeConnectorSource "$work/src" "$tools"
with=() without=()
for i in $(seq "$runs"); do
  for mode in with without; do
    rm -rf "$work/out" && mkdir -p "$work/out"
    flags=(-processorpath "$jar")
    [ "$mode" = without ] && flags=(-proc:none)
    start=$(date +%s%N)
    "$javac_bin" --release 17 -parameters -cp "$jar" "${flags[@]}" -d "$work/out" -s "$work/out" "$work/src/bench/Big.java"
    elapsed=$(( ($(date +%s%N) - start) / 1000000 ))
    if [ "$mode" = with ]; then with+=("$elapsed"); else without+=("$elapsed"); fi
  done
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
echo "javac $("$javac_bin" -version 2>&1 | cut -d' ' -f2), $tools tools, $runs runs each"
echo "with the Codemode processor: median $(median "${with[@]}") ms (${with[*]})"
echo "with -proc:none:             median $(median "${without[@]}") ms (${without[*]})"
