#!/usr/bin/env bash
# The full benchmark (docs/benchmarks.md): builds the jar, starts it with a 512 MB heap and durable commits on a
# fresh data directory, runs the scenarios against it with the load generator in a second JVM, and writes the
# report and charts to docs/. Usage: bench/run.sh [all|bookout|hotspot|feed|waitingroom] [-Dbench.…=… …]
# BENCH_APP_OPTS adds JVM options to the app (e.g. a JFR recording), BENCH_OUT writes the report elsewhere.
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
scenario="${1:-all}"
shift || true

./mvnw -q -B package -DskipTests -Dspotless.check.skip=true
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test

data="$(mktemp -d /tmp/impftermin-bench.XXXXXX)"
port="${BENCH_PORT:-18480}"
export IMPFTERMIN_ADMIN_PASSWORD="bench-$RANDOM$RANDOM"
"$JAVA_HOME/bin/java" -Xmx512m ${BENCH_APP_OPTS:-} -jar target/impftermin-*.jar \
    --impftermin.data-dir="$data" --server.port="$port" \
    --impftermin.rate-limits.enabled=false --impftermin.dev-inbox=true --impftermin.demo-data=false \
    >"$data/app.log" 2>&1 &
app=$!
cleanup() { kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; cp "$data/app.log" target/bench-app.log 2>/dev/null || true; rm -rf "$data"; }
trap cleanup EXIT

for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1 && break
    kill -0 "$app" 2>/dev/null || { cat "$data/app.log"; exit 1; }
    sleep 1
done

echo "app pid $app, data in $data; machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
"$JAVA_HOME/bin/java" -Xmx1g "$@" -cp "target/test-classes:target/classes:$(cat target/bench.cp)" \
    de.impftermin.benchmark.Bench "$scenario" "http://127.0.0.1:$port" "$data" "$app" "${BENCH_OUT:-docs}"
echo "load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
