#!/usr/bin/env bash
# The fault-injection run of docs/reliability.md: starts the deployment of ops/lib.sh, drives a book-out through nginx
# (de.impftermin.benchmark.Chaos, the BookOut generator) and meanwhile, at fixed times after the load started:
#   +10 s  kill -9 of app instance 1 (it is started again once the other faults are over)
#   +30 s  kill -9 of the PostgreSQL primary's postmaster (Patroni fails over to the synchronous standby)
#   +65 s  SIGSTOP of every process of the standby for 15 s, then SIGCONT
#   +90 s  the SMTP and SMS gateways refuse everything for 30 s
# then checks in SQL what the generator saw acknowledged and what the gateways received, and writes the report to
# target/chaos-report.md. Bounded (CHAOS_MAX_SECONDS, default 1200, for everything after the build), loopback only,
# cleans up after itself. Sizes: CHAOS_ARGS (default "-Dchaos.arrivals=8 -Dchaos.seconds=150").
# Usage: ops/chaos.sh   (CHAOS_SKIP_BUILD=1 uses the jar and test classes already in target/)
set -euo pipefail
cd "$(dirname "$0")/.."
source ops/lib.sh

if [ -z "${CHAOS_SKIP_BUILD:-}" ]; then
    ./mvnw -q -B -ntp package -DskipTests -Dspotless.check.skip=true
fi
[ -s target/bench.cp ] || ./mvnw -q -B -ntp dependency:build-classpath -Dmdep.outputFile=target/bench.cp \
    -Dmdep.includeScope=test

started_at=$SECONDS
ops_init "${CHAOS_MAX_SECONDS:-1200}"
# Rate limits off: every citizen comes from 127.0.0.1. A short backoff and lease so that the outbox catches up within
# the run. A fixed admission rate (300/s, far above the load) so that the waiting room does not slow the load down
# when the shared machine is slow, and what the citizens see after each fault is the fault's doing.
export APP_OPTS="--impftermin.rate-limits.enabled=false --impftermin.outbox.backoff-max=5s --impftermin.outbox.lease=30s \
    --impftermin.waiting-room.adaptive=false"
start_stack

mark() { echo "$(now_ms) $1" >>"$OPS_DIR/faults.log"; log "fault: $1"; }
# at SECONDS: waits until that many seconds after the load started
at() { while [ $(($(now_ms) - load_started)) -lt $(($1 * 1000)) ]; do sleep 0.1; done; }

start generator "$JAVA_HOME/bin/java" -Xmx512m ${CHAOS_ARGS:--Dchaos.arrivals=8 -Dchaos.seconds=150} \
    -cp "target/test-classes:target/classes:$(cat target/bench.cp)" de.impftermin.benchmark.Chaos \
    "http://127.0.0.1:$WEB_PORT" "jdbc:postgresql://127.0.0.1:$DB_PORT/impftermin?connectTimeout=3" \
    impftermin "$APP_DB_PASSWORD" "$OPS_DIR"
wait_until 120 "the load to start" test -s "$OPS_DIR/load-started"
load_started="$(cat "$OPS_DIR/load-started")"
echo "$load_started load-started" >>"$OPS_DIR/faults.log"
log "load started (generator log: $OPS_DIR/generator.log)"

at 10
kill -9 "$(pid_of app1)"
mark app-kill

at 30
old_primary="$(primary_node)"
kill -9 "$(postmaster_pid "$old_primary")"
mark primary-kill
new_primary() { local n; n="$(primary_node)" && [ "$n" != "$old_primary" ]; }
wait_until 60 "a new primary" new_primary
mark primary-promoted
log "pg$(primary_node) is the primary now"

at 65
standby="$(replica_node || true)"
if [ -n "$standby" ]; then
    paused="$(postgres_pids "$standby")"
    for pid in $paused; do kill -STOP "$pid"; done
    mark standby-stop
    sleep 15
    for pid in $paused; do kill -CONT "$pid" 2>/dev/null || true; done
    mark standby-cont
else
    log "no standby to pause: pg$old_primary has not come back as a replica"
fi

at 90
touch "$OPS_DIR/gateways-fail"
mark gateways-fail
sleep 30
rm -f "$OPS_DIR/gateways-fail"
mark gateways-ok
touch "$OPS_DIR/faults-done"

start_app 1
wait_until 420 "app instance 1 to come back" app_ready 1 && mark app-restarted
log "cluster now: primary pg$(primary_node || echo ?), replica pg$(replica_node || echo ?), synchronous: $(sync_standby_up && echo yes || echo no)"

wait "$(pid_of generator)" && status=0 || status=$?
cp "$OPS_DIR/report.md" target/chaos-report.md 2>/dev/null || true
cat "$OPS_DIR/generator.log" | tail -40
log "chaos run: $((SECONDS - started_at)) s from the first start to the report; generator exit status $status"
exit "$status"
