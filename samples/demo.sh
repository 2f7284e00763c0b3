#!/usr/bin/env bash
# The main job: runs samples/scripts/weekly-cleanup.ts through the codemode CLI against the sample
# connectors, with an embedded SQLite store. The run pauses at each call that needs approval; each
# pause is approved by a new `codemode approve` process, as a person would from another terminal.
# Then it starts the local Petstore server and runs samples/scripts/petstore-restock.ts against the
# Petstore connector, whose tools the processor derived from an OpenAPI spec.
# Needs a build first: mvn -B -q -DskipTests install
set -euo pipefail
cd "$(dirname "$0")/.."
work=samples/target/demo
rm -rf "$work" && mkdir -p "$work"
java_flags=(-Dpolyglotimpl.AttachLibraryFailureAction=ignore "-Dcodemode.samples.tasksFile=$work/tasks.json")
version=$(java -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.version =/ {print $2}')
if [ "${version%%.*}" -ge 24 ]; then
  java_flags+=(--enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow)
fi
samples_jar=$(ls samples/target/samples-*.jar | grep -v -e sources -e tests | head -n 1)
codemode() {
  java "${java_flags[@]}" -cp "codemode-cli/target/codemode.jar:$samples_jar" dev.codemode.cli.Main "$@" --store "$work/codemode.db"
}

echo "\$ codemode run samples/scripts/weekly-cleanup.ts" >&2
set +e
codemode run samples/scripts/weekly-cleanup.ts | tee "$work/outcome.json"
status=${PIPESTATUS[0]}
set -e
while [ "$status" -eq 2 ]; do
  id=$(sed -n 's/.*"executionId" *: *"\(exec_[^"]*\)".*/\1/p' "$work/outcome.json" | head -n 1)
  echo "\$ codemode pending" >&2
  codemode pending
  echo "\$ codemode approve $id" >&2
  set +e
  codemode approve "$id" | tee "$work/outcome.json"
  status=${PIPESTATUS[0]}
  set -e
done
echo "exit status $status" >&2
[ "$status" -eq 0 ] || exit "$status"

# The OpenAPI sample: a real HTTP server on a free local port, called through the derived tools.
echo "\$ java dev.codemode.samples.petstore.PetstoreServer --port 0 &" >&2
mkfifo "$work/petstore.out"
java "${java_flags[@]}" -cp "codemode-cli/target/codemode.jar:$samples_jar" \
  dev.codemode.samples.petstore.PetstoreServer --port 0 >"$work/petstore.out" &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
read -r line <"$work/petstore.out"
url=${line##* }
echo "$line" >&2
java_flags+=("-Dcodemode.samples.petstoreUrl=$url")
echo "\$ codemode run samples/scripts/petstore-restock.ts" >&2
set +e
codemode run samples/scripts/petstore-restock.ts
status=$?
set -e
echo "exit status $status" >&2
exit "$status"
