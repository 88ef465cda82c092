# shellcheck shell=bash
# The deployment of docs/reliability.md on one machine, as functions for ops/up.sh and ops/chaos.sh: etcd, two
# PostgreSQL 15 nodes managed by Patroni (primary + synchronous standby), HAProxy routing to the current primary,
# stand-in SMS/SMTP gateways, two app instances (the built jar) and nginx in front of them. Everything listens on
# 127.0.0.1 only, lives in one temporary directory and is stopped (and the directory removed) by ops_cleanup, which
# ops_init installs as the EXIT trap together with a watchdog that ends the script after OPS_MAX_SECONDS.
#
# Settings (environment): OPS_PORT_BASE (25400; the ports used are base+0 … base+61), OPS_MAX_SECONDS (hard limit of
# the whole script), OPS_KEEP_LOGS (directory to copy the logs into before the temporary one is removed),
# JAVA_HOME (/usr/lib/jvm/temurin-25-jdk-amd64), PG_BIN (/usr/lib/postgresql/15/bin), APP_HEAP (512m).

OPS_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
PORT_BASE="${OPS_PORT_BASE:-25400}"
ETCD_PORT=$((PORT_BASE + 0)) ETCD_PEER_PORT=$((PORT_BASE + 1))
PG_PORT_1=$((PORT_BASE + 10)) PG_PORT_2=$((PORT_BASE + 11))
REST_PORT_1=$((PORT_BASE + 20)) REST_PORT_2=$((PORT_BASE + 21))
DB_PORT=$((PORT_BASE + 30)) HAPROXY_STATS_PORT=$((PORT_BASE + 31))
APP_PORT_1=$((PORT_BASE + 40)) APP_PORT_2=$((PORT_BASE + 41))
WEB_PORT=$((PORT_BASE + 50))
SMS_PORT=$((PORT_BASE + 60)) SMTP_PORT=$((PORT_BASE + 61))
OPS_DIR=""
OPS_STARTED=()

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
now_ms() { date +%s%3N; }
secret() { head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n'; }

# Creates the temporary directory, the cleanup trap and the watchdog that stops the script after $1 seconds.
ops_init() {
    local max_seconds="$1"
    command -v patroni etcd haproxy nginx >/dev/null || {
        echo "needs: apt-get install -y patroni etcd-server haproxy nginx postgresql" >&2
        exit 2
    }
    [ "$(id -u)" = 0 ] || { echo "run as root: PostgreSQL runs as the user postgres, nginx workers as nobody" >&2; exit 2; }
    OPS_DIR="$(mktemp -d /tmp/impftermin-ops.XXXXXX)"
    chmod 755 "$OPS_DIR"
    mkdir -p "$OPS_DIR/pids"
    trap ops_cleanup EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
    ( sleep "$max_seconds"; log "watchdog: $max_seconds s are over, stopping"; kill -TERM $$ ) >/dev/null 2>&1 &
    OPS_WATCHDOG=$!
    SUPERUSER_PASSWORD="$(secret)" REPLICATION_PASSWORD="$(secret)" REWIND_PASSWORD="$(secret)"
    APP_DB_PASSWORD="$(secret)"
    export IMPFTERMIN_ADMIN_PASSWORD="${IMPFTERMIN_ADMIN_PASSWORD:-ops-$(secret)}"
    log "working in $OPS_DIR (ports $PORT_BASE…$((PORT_BASE + 61)), 127.0.0.1 only)"
}

# start NAME COMMAND…: runs COMMAND in the background with its output in $OPS_DIR/NAME.log.
start() {
    local name="$1"
    shift
    "$@" >"$OPS_DIR/$name.log" 2>&1 &
    echo $! >"$OPS_DIR/pids/$name"
    OPS_STARTED+=("$name")
}

pid_of() { cat "$OPS_DIR/pids/$1" 2>/dev/null; }

# wait_until SECONDS DESCRIPTION COMMAND…: polls COMMAND every 0.2 s until it succeeds; fails after SECONDS.
wait_until() {
    local seconds="$1" what="$2"
    shift 2
    local deadline=$((SECONDS + seconds))
    until "$@" >/dev/null 2>&1; do
        if [ "$SECONDS" -ge "$deadline" ]; then
            log "gave up waiting for $what after $seconds s"
            return 1
        fi
        sleep 0.2
    done
}

http_ok() { [ "$(curl -s -o /dev/null -m 2 -w '%{http_code}' "$1")" = 200 ]; }

start_etcd() {
    mkdir -p "$OPS_DIR/etcd"
    start etcd etcd --name ops --data-dir "$OPS_DIR/etcd" \
        --listen-client-urls "http://127.0.0.1:$ETCD_PORT" --advertise-client-urls "http://127.0.0.1:$ETCD_PORT" \
        --listen-peer-urls "http://127.0.0.1:$ETCD_PEER_PORT" \
        --initial-advertise-peer-urls "http://127.0.0.1:$ETCD_PEER_PORT" \
        --initial-cluster "ops=http://127.0.0.1:$ETCD_PEER_PORT" --log-level warn
    wait_until 30 etcd http_ok "http://127.0.0.1:$ETCD_PORT/health"
}

# Patroni's configuration for node $1 (1 or 2). The timings make a crashed primary fail over within seconds:
# primary_start_timeout 0 (fail over instead of restarting in place; safe because the standby is synchronous),
# loop_wait 1 s, ttl 10 s; wal_sender_timeout 5 s lets the primary notice a frozen standby and Patroni then stops
# waiting for it (synchronous_mode_strict off: stay writable with no standby rather than stop).
patroni_config() {
    local node="$1" pg_port rest_port
    pg_port="PG_PORT_$node" rest_port="REST_PORT_$node"
    cat <<EOF
scope: impftermin-ops
name: pg$node
log:
  level: INFO
restapi:
  listen: 127.0.0.1:${!rest_port}
  connect_address: 127.0.0.1:${!rest_port}
etcd3:
  hosts: 127.0.0.1:$ETCD_PORT
bootstrap:
  dcs:
    ttl: 10
    loop_wait: 1
    retry_timeout: 4
    maximum_lag_on_failover: 1048576
    primary_start_timeout: 0
    synchronous_mode: true
    synchronous_mode_strict: false
    postgresql:
      use_pg_rewind: true
      use_slots: true
      parameters:
        max_connections: 200
        shared_buffers: 128MB
        wal_level: replica
        hot_standby: "on"
        wal_log_hints: "on"
        max_wal_senders: 5
        max_replication_slots: 5
        wal_sender_timeout: 5s
        wal_receiver_status_interval: 1s
        fsync: "on"
        synchronous_commit: "on"
        full_page_writes: "on"
        timezone: UTC
  initdb:
    - encoding: UTF8
    - locale: C.UTF-8
postgresql:
  listen: 127.0.0.1:${!pg_port}
  connect_address: 127.0.0.1:${!pg_port}
  data_dir: $OPS_DIR/pg$node/data
  bin_dir: $PG_BIN
  pgpass: $OPS_DIR/pg$node/pgpass
  remove_data_directory_on_rewind_failure: true
  remove_data_directory_on_diverged_timelines: true
  authentication:
    superuser: {username: postgres, password: $SUPERUSER_PASSWORD}
    replication: {username: replicator, password: $REPLICATION_PASSWORD}
    rewind: {username: rewinder, password: $REWIND_PASSWORD}
  parameters:
    unix_socket_directories: $OPS_DIR/pg$node
  pg_hba:
    - local all all trust
    - host replication replicator 127.0.0.1/32 scram-sha-256
    - host all all 127.0.0.1/32 scram-sha-256
EOF
}

start_patroni() {
    local node="$1"
    mkdir -p "$OPS_DIR/pg$node"
    patroni_config "$node" >"$OPS_DIR/pg$node/patroni.yml"
    chown -R postgres:postgres "$OPS_DIR/pg$node"
    chmod 700 "$OPS_DIR/pg$node"
    start "patroni$node" setpriv --reuid=postgres --regid=postgres --init-groups -- \
        env HOME="$OPS_DIR/pg$node" patroni "$OPS_DIR/pg$node/patroni.yml"
}

# The node (1 or 2) whose Patroni says it runs the primary, or nothing.
primary_node() {
    local node
    for node in 1 2; do
        local port="REST_PORT_$node"
        http_ok "http://127.0.0.1:${!port}/primary" && { echo "$node"; return 0; }
    done
    return 1
}

# The node whose Patroni says it is a running replica, or nothing.
replica_node() {
    local node
    for node in 1 2; do
        local port="REST_PORT_$node"
        http_ok "http://127.0.0.1:${!port}/replica" && { echo "$node"; return 0; }
    done
    return 1
}

sync_standby_up() {
    local node
    for node in 1 2; do
        local port="REST_PORT_$node"
        http_ok "http://127.0.0.1:${!port}/sync" && return 0
    done
    return 1
}

postmaster_pid() { head -1 "$OPS_DIR/pg$1/data/postmaster.pid" 2>/dev/null; }

# The postmaster of node $1 and all its children (the server processes a SIGSTOP must reach).
postgres_pids() {
    local pm
    pm="$(postmaster_pid "$1")" || return 0
    [ -n "$pm" ] || return 0
    echo "$pm"
    ps -o pid= --ppid "$pm" 2>/dev/null | tr -d ' '
}

start_database() {
    start_etcd
    start_patroni 1
    wait_until 60 "the first primary" primary_node
    start_patroni 2
    wait_until 90 "a synchronous standby" sync_standby_up
    log "PostgreSQL: primary pg$(primary_node), synchronous standby pg$(replica_node)"
}

start_haproxy() {
    cat >"$OPS_DIR/haproxy.cfg" <<EOF
global
    maxconn 2000
defaults
    mode tcp
    timeout connect 2s
    timeout queue 2s
    timeout client 1h
    timeout server 1h
    timeout check 1s
# Always the current primary: Patroni's REST API answers GET /primary with 200 only on the leader. A node that stops
# being it is dropped within ~1 s and its open connections are cut, so the pool reconnects to the new one.
listen postgres_primary
    bind 127.0.0.1:$DB_PORT
    option httpchk GET /primary
    http-check expect status 200
    default-server inter 500ms fastinter 250ms fall 2 rise 1 on-marked-down shutdown-sessions
    server pg1 127.0.0.1:$PG_PORT_1 maxconn 150 check port $REST_PORT_1
    server pg2 127.0.0.1:$PG_PORT_2 maxconn 150 check port $REST_PORT_2
listen stats
    mode http
    bind 127.0.0.1:$HAPROXY_STATS_PORT
    stats enable
    stats uri /
EOF
    start haproxy haproxy -db -f "$OPS_DIR/haproxy.cfg"
    wait_until 30 "HAProxy to the primary" psql_admin -c "select 1"
}

psql_admin() {
    PGPASSWORD="$SUPERUSER_PASSWORD" PGCONNECT_TIMEOUT=3 psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$DB_PORT" \
        -U postgres "$@"
}

# psql as the app's own user on its database, through HAProxy.
psql_app() {
    PGPASSWORD="$APP_DB_PASSWORD" PGCONNECT_TIMEOUT=3 psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$DB_PORT" \
        -U impftermin impftermin "$@"
}

create_app_database() {
    psql_admin -c "create role impftermin login password '$APP_DB_PASSWORD'" \
        -c "create database impftermin owner impftermin"
}

start_gateways() {
    start gateways python3 "$OPS_ROOT/ops/gateways.py" "$SMS_PORT" "$SMTP_PORT" "$OPS_DIR/gateway-messages.jsonl" \
        "$OPS_DIR/gateways-fail"
    wait_until 10 "the stand-in gateways" bash -c "exec 3<>/dev/tcp/127.0.0.1/$SMTP_PORT"
}

app_jar() { ls "$OPS_ROOT"/target/impftermin-*.jar 2>/dev/null | grep -v '\.original$' | head -1; }

# start_app N: instance N (1 or 2) of the jar against the primary behind HAProxy, the gateways above, and the
# settings of docs/reliability.md. APP_OPTS adds arguments (e.g. faster outbox backoff for a chaos run).
start_app() {
    local node="$1" port="APP_PORT_$1" jar
    jar="$(app_jar)"
    [ -n "$jar" ] || { log "no jar in target/: run ./mvnw package -DskipTests first"; return 1; }
    start "app$node" "$JAVA_HOME/bin/java" -Xmx"${APP_HEAP:-512m}" -jar "$jar" \
        --server.port="${!port}" --server.address=127.0.0.1 \
        --spring.datasource.url="jdbc:postgresql://127.0.0.1:$DB_PORT/impftermin?connectTimeout=3&tcpKeepAlive=true" \
        --spring.datasource.username=impftermin --spring.datasource.password="$APP_DB_PASSWORD" \
        --spring.mail.host=127.0.0.1 --spring.mail.port="$SMTP_PORT" \
        --impftermin.sms.url="http://127.0.0.1:$SMS_PORT/sms" \
        --impftermin.waitlist.link-base="http://127.0.0.1:$WEB_PORT" \
        --impftermin.data-dir="$OPS_DIR/app$node" ${APP_OPTS:-}
}

app_ready() { local port="APP_PORT_$1"; http_ok "http://127.0.0.1:${!port}/actuator/health/readiness"; }

start_apps() {
    start_app 1
    start_app 2
    wait_until 420 "app instance 1" app_ready 1
    wait_until 420 "app instance 2" app_ready 2
    log "app instances on 127.0.0.1:$APP_PORT_1 and :$APP_PORT_2"
}

start_nginx() {
    mkdir -p "$OPS_DIR/nginx"
    chown nobody "$OPS_DIR/nginx"
    cat >"$OPS_DIR/nginx.conf" <<EOF
daemon off;
worker_processes 1;
user nobody nogroup;
pid $OPS_DIR/nginx/nginx.pid;
error_log $OPS_DIR/nginx-error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    client_body_temp_path $OPS_DIR/nginx/body;
    proxy_temp_path $OPS_DIR/nginx/proxy;
    fastcgi_temp_path $OPS_DIR/nginx/fastcgi;
    uwsgi_temp_path $OPS_DIR/nginx/uwsgi;
    scgi_temp_path $OPS_DIR/nginx/scgi;
    upstream impftermin {
        # an instance that refused a connection is left alone for 3 s
        server 127.0.0.1:$APP_PORT_1 max_fails=1 fail_timeout=3s;
        server 127.0.0.1:$APP_PORT_2 max_fails=1 fail_timeout=3s;
        keepalive 64;
    }
    server {
        listen 127.0.0.1:$WEB_PORT;
        client_max_body_size 1m;
        location / {
            proxy_pass http://impftermin;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host \$host;
            proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto \$scheme;
            proxy_connect_timeout 1s;
            proxy_read_timeout 60s;
            # A request that never reached an instance (refused, reset before it was sent) goes to the other one;
            # one that was sent is not sent again: a POST is not safe to repeat blindly.
            proxy_next_upstream error timeout;
            proxy_next_upstream_tries 2;
            proxy_intercept_errors off;
            error_page 502 =503 @unavailable;
        }
        location = /api/v1/availability/stream {
            proxy_pass http://impftermin;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_buffering off;
            proxy_read_timeout 1h;
        }
        # The instance died while answering: the client cannot know whether it was done. A confirmation sent again
        # with its Idempotency-Key is never booked twice, so this is the same "come back shortly" as any 503.
        location @unavailable {
            default_type application/problem+json;
            add_header Retry-After 2 always;
            add_header Cache-Control no-store always;
            return 503 '{"type":"about:blank","title":"Service Unavailable","status":503,"code":"INSTANCE_UNAVAILABLE","detail":"The server handling your request stopped. Please try again in 2 seconds; a confirmation sent again with the same Idempotency-Key is never booked twice."}';
        }
    }
}
EOF
    start nginx nginx -c "$OPS_DIR/nginx.conf"
    wait_until 30 nginx http_ok "http://127.0.0.1:$WEB_PORT/actuator/health"
    log "nginx on http://127.0.0.1:$WEB_PORT"
}

# The whole stack, in order.
start_stack() {
    start_database
    start_haproxy
    create_app_database
    start_gateways
    start_apps
    start_nginx
}

stop_pid() {
    local pid="$1" patience="${2:-10}"
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
    kill -CONT "$pid" 2>/dev/null
    kill -TERM "$pid" 2>/dev/null
    for _ in $(seq 1 $((patience * 5))); do
        kill -0 "$pid" 2>/dev/null || return 0
        sleep 0.2
    done
    kill -KILL "$pid" 2>/dev/null
}

ops_cleanup() {
    local code=$?
    set +e
    trap - EXIT INT TERM
    [ -n "$OPS_DIR" ] || exit "$code"
    log "cleaning up"
    kill "${OPS_WATCHDOG:-}" 2>/dev/null
    # a paused server must run again before it can stop
    local node pid
    for node in 1 2; do
        for pid in $(postgres_pids "$node"); do kill -CONT "$pid" 2>/dev/null; done
    done
    for name in nginx app1 app2 haproxy gateways generator; do
        stop_pid "$(pid_of "$name")" 10
    done
    # Patroni stops its PostgreSQL; one left behind by a killed Patroni is stopped through its pid file
    for node in 1 2; do stop_pid "$(pid_of "patroni$node")" 20; done
    for node in 1 2; do stop_pid "$(postmaster_pid "$node")" 10; done
    stop_pid "$(pid_of etcd)" 10
    if [ -n "${OPS_KEEP_LOGS:-}" ]; then
        mkdir -p "$OPS_KEEP_LOGS"
        cp "$OPS_DIR"/*.log "$OPS_DIR"/*.jsonl "$OPS_DIR"/*.txt "$OPS_DIR"/*.csv "$OPS_DIR"/*.md "$OPS_KEEP_LOGS"/ 2>/dev/null
        for node in 1 2; do cp "$OPS_DIR/pg$node/patroni.yml" "$OPS_KEEP_LOGS/patroni$node.yml" 2>/dev/null; done
    fi
    rm -rf "$OPS_DIR"
    log "stopped everything and removed $OPS_DIR"
    exit "$code"
}
