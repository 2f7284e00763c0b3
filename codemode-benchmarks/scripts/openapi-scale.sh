#!/usr/bin/env bash
# Scale of OpenAPI connectors: GitHub's REST API spec (@octokit/openapi, 1,223 operations) as an
# @OpenApi connector.
#  1. Build time: a fresh javac compiles `@OpenApi(spec = "api.github.com.json") class GitHub`
#     RUNS times with the Codemode processor and RUNS times with -proc:none (alternating); medians.
#  2. Sizes of the generated files.
#  3. Run time: a fresh JVM loads the generated connector RUNS times (OpenApiLoad): definition and
#     descriptor, TypeScript, a CodemodeRuntime with it, the first execution, a search; medians.
# Needs: mvn -DskipTests install (codemode-benchmarks/target/benchmarks.jar) and the specs
# (cd tools/openapi-specs && npm ci). JAVA_HOME picks the JDK.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${RUNS:-5}
java_bin=${JAVA_HOME:+$JAVA_HOME/bin/}java
javac_bin=${JAVA_HOME:+$JAVA_HOME/bin/}javac
jar=codemode-benchmarks/target/benchmarks.jar
spec_dir=tools/openapi-specs/node_modules/@octokit/openapi/generated
if [ ! -f "$spec_dir/api.github.com.json" ]; then
  (cd tools/openapi-specs && npm ci --no-audit --no-fund >/dev/null) || {
    echo "Cannot install the specs with npm in tools/openapi-specs; install Node.js 20+ with npm" >&2
    exit 1
  }
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/src/bench"
cat >"$work/src/bench/GitHub.java" <<'JAVA'
package bench;

import dev.codemode.annotations.OpenApi;
import dev.codemode.openapi.OpenApiConnector;

/** GitHub's REST API. */
@OpenApi(spec = "api.github.com.json", name = "github")
public class GitHub extends OpenApiConnector {}
JAVA
java_flags=(-Dpolyglotimpl.AttachLibraryFailureAction=ignore)
version=$("$java_bin" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.version =/ {print $2}')
if [ "${version%%.*}" -ge 24 ]; then
  java_flags+=(--enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow)
fi
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

with=() without=()
for i in $(seq "$runs"); do
  for mode in with without; do
    rm -rf "$work/out" && mkdir -p "$work/out"
    flags=(-processorpath "$jar" -J-Xmx2g)
    [ "$mode" = without ] && flags=(-proc:none)
    start=$(date +%s%N)
    "$javac_bin" --release 17 -parameters -cp "$jar" -sourcepath "$spec_dir" "${flags[@]}" \
      -d "$work/out" -s "$work/out" "$work/src/bench/GitHub.java"
    elapsed=$(( ($(date +%s%N) - start) / 1000000 ))
    if [ "$mode" = with ]; then with+=("$elapsed"); rm -rf "$work/generated"; cp -r "$work/out" "$work/generated"; else without+=("$elapsed"); fi
  done
done
echo "== $("$java_bin" -version 2>&1 | head -n 1), $(nproc) cores, $runs runs each"
echo "build, fresh javac with the Codemode processor: median $(median "${with[@]}") ms (${with[*]})"
echo "build, fresh javac with -proc:none:             median $(median "${without[@]}") ms (${without[*]})"
echo "generated files:"
( cd "$work/generated" && find . -type f \( -name 'github*' -o -name 'GitHub_Codemode*' \) -printf '  %P %s bytes\n' | sort )

declare -A figures
for i in $(seq "$runs"); do
  line=$("$java_bin" "${java_flags[@]}" -cp "$jar" dev.codemode.benchmarks.OpenApiLoad "$work/generated")
  echo "  run $i: $line"
  for pair in $line; do
    key=${pair%%=*}; value=${pair#*=}
    case "$key" in *_ms) figures[$key]="${figures[$key]:-} $value" ;; esac
  done
done
echo "load in a fresh JVM, medians:"
for key in load_ms typescript_ms engine_warmup_ms runtime_ms first_execution_ms search_ms next_execution_ms; do
  # shellcheck disable=SC2086
  echo "  $key $(median ${figures[$key]})"
done
