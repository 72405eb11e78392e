#!/usr/bin/env bash
# Restore drill for PostgreSQL (docs/deployment.md §5): a private cluster with WAL archiving,
# duban's demo data, a base backup, a good change, the target time, then a disaster (every
# progress report deleted); the base backup is restored with the archived WAL up to the target
# time and checked: the good change is there, the disaster is not, and duban reads the database
# (duban export). Prints the time the restore took. Starts and stops its own clusters on ports
# 55432/55433 in a temporary folder; not part of `npm test`. Run as root (or as postgres).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
WORK=$(mktemp -d /tmp/duban-drill-XXXXXX)
chmod 755 "$WORK"
PRIMARY=$WORK/primary RESTORED=$WORK/restored ARCHIVE=$WORK/wal BASE=$WORK/base
P1=55432 P2=55433
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
psql1() { as_pg "$BIN/psql" -X -q -At -h 127.0.0.1 -p "$1" -U postgres -d duban -c "$2"; }
cleanup() {
  as_pg "$BIN/pg_ctl" -D "$RESTORED" -m immediate stop >/dev/null 2>&1 || true
  as_pg "$BIN/pg_ctl" -D "$PRIMARY" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
[ "$(id -u)" = 0 ] && chown postgres "$WORK"
as_pg mkdir -p "$ARCHIVE"

echo "1. primary with WAL archiving ($PRIMARY)"
as_pg "$BIN/initdb" -D "$PRIMARY" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
cat <<CONF | as_pg tee -a "$PRIMARY/postgresql.conf" >/dev/null
port = $P1
listen_addresses = '127.0.0.1'
unix_socket_directories = '$WORK'
wal_level = replica
archive_mode = on
archive_command = 'test ! -f $ARCHIVE/%f && cp %p $ARCHIVE/%f'
CONF
as_pg "$BIN/pg_ctl" -D "$PRIMARY" -l "$WORK/primary.log" -w start >/dev/null
as_pg "$BIN/createdb" -h 127.0.0.1 -p $P1 -U postgres duban
URL1="postgres://postgres@127.0.0.1:$P1/duban"

echo "2. duban's demo data"
DATABASE_URL=$URL1 node bin/duban.mjs demo --load-only >/dev/null
REPORTS=$(psql1 $P1 'select count(*) from progress_report')
echo "   $REPORTS progress reports"

echo "3. base backup"
as_pg "$BIN/pg_basebackup" -h 127.0.0.1 -p $P1 -U postgres -D "$BASE" -X none -c fast

echo "4. a good change, the target time, then the disaster"
psql1 $P1 "insert into region (code, name, level, parent_code) values ('999901', '演练区', 'county', null)"
sleep 1.5
TARGET=$(psql1 $P1 "select now()::text")
sleep 1.5
psql1 $P1 'delete from evidence; delete from progress_report'
SEGMENT=$(psql1 $P1 'select pg_walfile_name(pg_switch_wal())')
# wait until the segment with the disaster is archived
for _ in $(seq 1 100); do
  [ "$(psql1 $P1 'select last_archived_wal from pg_stat_archiver')" \> "$SEGMENT" ] || [ "$(psql1 $P1 'select last_archived_wal from pg_stat_archiver')" = "$SEGMENT" ] && break
  sleep 0.1
done
echo "   target $TARGET; after the disaster: $(psql1 $P1 'select count(*) from progress_report') reports"
as_pg "$BIN/pg_ctl" -D "$PRIMARY" -m fast stop >/dev/null

echo "5. restore the base backup and replay the archive to the target time"
START=$(date +%s.%N)
as_pg cp -a "$BASE" "$RESTORED"
as_pg chmod 700 "$RESTORED"
cat <<CONF | as_pg tee -a "$RESTORED/postgresql.conf" >/dev/null
port = $P2
archive_mode = off
restore_command = 'cp $ARCHIVE/%f %p'
recovery_target_time = '$TARGET'
recovery_target_action = 'promote'
CONF
as_pg touch "$RESTORED/recovery.signal"
as_pg "$BIN/pg_ctl" -D "$RESTORED" -l "$WORK/restored.log" -w start >/dev/null
for _ in $(seq 1 300); do
  [ "$(psql1 $P2 'select pg_is_in_recovery()' 2>/dev/null)" = f ] && break
  sleep 0.1
done
END=$(date +%s.%N)

echo "6. checks"
GOOD=$(psql1 $P2 "select count(*) from region where code = '999901'")
AFTER=$(psql1 $P2 'select count(*) from progress_report')
DATABASE_URL="postgres://postgres@127.0.0.1:$P2/duban" node bin/duban.mjs export --out "$WORK/after-restore.json" | sed 's/^/   duban: /'
FAIL=0
[ "$GOOD" = 1 ] && echo "   ✓ the change before the target time is there" || { echo "   ✗ the change before the target time is missing"; FAIL=1; }
[ "$AFTER" = "$REPORTS" ] && echo "   ✓ all $REPORTS progress reports are back (the delete after the target is not replayed)" || { echo "   ✗ $AFTER of $REPORTS progress reports"; FAIL=1; }
printf '   restore took %.1f s (copy of the base backup + WAL replay + promotion)\n' "$(echo "$END - $START" | bc)"
exit $FAIL
