#!/usr/bin/env bash
# Failover drill (docs/deployment.md §6): a pg_auto_failover formation on this machine — a monitor
# (port 55440) and two PostgreSQL nodes (55441, 55442; primary + synchronous standby) in a
# temporary folder — then bench/failover.mts: duban serve on the multi-host URL, reporters
# submitting, the primary killed mid-run, acknowledged writes checked on the new primary, the
# recovery time measured (RESULTS.md, ## Failover). Not part of `npm test`. Needs
# `apt-get install postgresql-15-auto-failover pg-auto-failover-cli`; run as root (or as postgres).
# FAILOVER_DEFAULTS=1 keeps the monitor's default health checks (failover in ~30 s).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v pg_autoctl >/dev/null || { echo "pg_autoctl missing: apt-get install postgresql-15-auto-failover pg-auto-failover-cli" >&2; exit 2; }
BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
WORK=$(mktemp -d /tmp/duban-failover-XXXXXX)
chmod 755 "$WORK"
[ "$(id -u)" = 0 ] && chown postgres "$WORK"
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- env XDG_CONFIG_HOME="$WORK/config" XDG_DATA_HOME="$WORK/share" "$@"; else env XDG_CONFIG_HOME="$WORK/config" XDG_DATA_HOME="$WORK/share" "$@"; fi; }
MONITOR_PORT=55440
MONITOR="postgres://autoctl_node@127.0.0.1:$MONITOR_PORT/pg_auto_failover?sslmode=disable"
PGIDS=()
cleanup() {
  for pgid in "${PGIDS[@]}"; do [ "$pgid" -gt 1 ] && kill -TERM -- "-$pgid" 2>/dev/null || true; done
  sleep 2
  for pgid in "${PGIDS[@]}"; do [ "$pgid" -gt 1 ] && kill -KILL -- "-$pgid" 2>/dev/null || true; done
  for d in monitor node1 node2; do [ -f "$WORK/$d/postmaster.pid" ] && as_pg "$BIN/pg_ctl" -D "$WORK/$d" -m immediate stop >/dev/null 2>&1 || true; done
  mkdir -p /tmp/duban-failover-logs && cp "$WORK"/*.log /tmp/duban-failover-logs/ 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
# `pg_autoctl run` in its own process group (setsid), so the drill can kill a node's whole machine
start() {
  as_pg setsid pg_autoctl "$@" >>"$WORK/$NAME.log" 2>&1 &
  local leader=
  for _ in $(seq 1 100); do
    # pg_autoctl itself (not runuser, whose command line names it too): it leads its own process group
    for p in $(pgrep -f -- "^pg_autoctl .*--pgdata $WORK/$NAME( |$)"); do [ "$(ps -o pgid= -p "$p" | tr -d ' ')" = "$p" ] && leader=$p; done
    [ -n "$leader" ] && break
    sleep 0.1
  done
  [ -n "$leader" ] || { echo "pg_autoctl for $NAME did not start" >&2; exit 1; }
  PGIDS+=("$leader")
}
state() { as_pg pg_autoctl show state --pgdata "$WORK/monitor" 2>/dev/null; }

echo "1. monitor"
as_pg pg_autoctl create monitor --pgctl "$BIN/pg_ctl" --pgdata "$WORK/monitor" --pgport $MONITOR_PORT --hostname 127.0.0.1 --auth trust --no-ssl >"$WORK/create-monitor.log" 2>&1
NAME=monitor start run --pgdata "$WORK/monitor"
for _ in $(seq 1 100); do "$BIN/pg_isready" -q -h 127.0.0.1 -p $MONITOR_PORT && break; sleep 0.2; done
if [ "${FAILOVER_DEFAULTS:-}" != 1 ]; then
  # a lost primary is noticed in ~3 s instead of ~25 s (defaults: every 5 s, 2 retries 2 s apart,
  # unhealthy after 20 s), and the standby is opened for writes 5 s after the promotion began instead
  # of 30 s; the keepers' network_partition_timeout (a primary cut off from monitor and standby
  # demotes itself) goes down with it from 20 s to 3 s, so it stays below primary_demote_timeout
  SETTINGS="health_check_period 1000 ms, health_check_timeout 1000 ms, health_check_max_retries 1, health_check_retry_delay 500 ms, node_considered_unhealthy_timeout 3000 ms, primary_demote_timeout 5000 ms; keepers' network_partition_timeout 3 s"
  "$BIN/psql" -X -q -h 127.0.0.1 -p $MONITOR_PORT -U postgres -d pg_auto_failover <<SQL
alter system set pgautofailover.health_check_period = 1000;
alter system set pgautofailover.health_check_timeout = 1000;
alter system set pgautofailover.health_check_max_retries = 1;
alter system set pgautofailover.health_check_retry_delay = 500;
alter system set pgautofailover.node_considered_unhealthy_timeout = 3000;
alter system set pgautofailover.primary_demote_timeout = 5000;
select pg_reload_conf();
SQL
else
  SETTINGS="pg_auto_failover's defaults (health_check_period 5 s, 2 retries 2 s apart, node_considered_unhealthy_timeout 20 s, primary_demote_timeout 30 s; keepers' network_partition_timeout 20 s)"
fi

echo "2. two nodes (the first becomes primary, the second its synchronous standby)"
for i in 1 2; do
  NAME=node$i start create postgres --pgctl "$BIN/pg_ctl" --pgdata "$WORK/node$i" --pgport 5544$i --listen 127.0.0.1 --hostname 127.0.0.1 \
    --name node$i --dbname duban --auth trust --no-ssl --monitor "$MONITOR" --run
  for _ in $(seq 1 600); do
    # the standby's base backup waits for a checkpoint on the primary: ask for one now
    [ $i = 2 ] && "$BIN/psql" -X -q -h 127.0.0.1 -p 55441 -U postgres -d duban -c checkpoint >/dev/null 2>&1 || true
    S=$(state || true)
    if [ $i = 1 ]; then grep -qE 'node1 .*\| +(single|wait_primary|primary) +\| +(single|wait_primary|primary)' <<<"$S" && break
    else grep -qE 'node1 .*\| +primary +\| +primary' <<<"$S" && grep -qE 'node2 .*\| +secondary +\| +secondary' <<<"$S" && break; fi
    sleep 1
  done
done
if [ "${FAILOVER_DEFAULTS:-}" != 1 ]; then
  for i in 1 2; do
    as_pg pg_autoctl config set --pgdata "$WORK/node$i" timeout.network_partition_timeout 3 >/dev/null
    as_pg pg_autoctl reload --pgdata "$WORK/node$i" >/dev/null
  done
fi
state
URL="postgres://postgres@127.0.0.1:55441,127.0.0.1:55442/duban?target_session_attrs=read-write"
echo "   synchronous_standby_names on the primary: $("$BIN/psql" -X -At -h 127.0.0.1 -p 55441 -U postgres -d duban -c 'show synchronous_standby_names')"

echo "3. rush, kill the primary, check"
DATABASE_URL=$URL FAILOVER_SETTINGS="$SETTINGS" FAILOVER_NODES="55441:$WORK/node1:${PGIDS[1]},55442:$WORK/node2:${PGIDS[2]}" \
  node bin/run-ts.mjs bench/failover.mts
state
