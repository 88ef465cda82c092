#!/usr/bin/env bash
# Starts the deployment of docs/reliability.md on this machine (loopback only) and keeps it up for at most
# OPS_HOLD seconds (default 1800) or until Ctrl-C; then stops everything and removes its temporary directory.
# Needs root (PostgreSQL runs as the user postgres), the Debian packages patroni etcd-server haproxy nginx
# postgresql, and the built jar (./mvnw package -DskipTests). Usage: ops/up.sh
set -euo pipefail
source "$(dirname "$0")/lib.sh"
hold="${OPS_HOLD:-1800}"
ops_init $((hold + 300))
start_stack
cat <<INFO
Up for $hold s (Ctrl-C stops it earlier):
  portal / API   http://127.0.0.1:$WEB_PORT  (nginx → 127.0.0.1:$APP_PORT_1, 127.0.0.1:$APP_PORT_2)
  staff          admin / $IMPFTERMIN_ADMIN_PASSWORD
  PostgreSQL     127.0.0.1:$DB_PORT (HAProxy → current primary), user impftermin / $APP_DB_PASSWORD
  HAProxy stats  http://127.0.0.1:$HAPROXY_STATS_PORT
  Patroni        http://127.0.0.1:$REST_PORT_1/cluster
  gateway log    $OPS_DIR/gateway-messages.jsonl (touch $OPS_DIR/gateways-fail to make SMS and SMTP fail)
  logs           $OPS_DIR/*.log
INFO
sleep "$hold" &
wait $!
