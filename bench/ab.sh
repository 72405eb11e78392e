#!/usr/bin/env bash
# Same-hour comparison of code versions: runs one part of the workflow bench (bench/one.mts) on
# each version in turn, ROUNDS times round, so a busy spell of the shared machine falls on all of
# them alike; prints one line per run: version, round, the part's JSON.
#   bench/ab.sh rush|scale postgres|pglite ROUNDS REV... (REV: a commit, or . for this working tree)
# e.g. bench/ab.sh rush postgres 3 80b29bc^ .    (BENCH_SECONDS, BENCH_SCALES … as for one.mts)
# Each commit is unpacked (git archive) into a temporary folder sharing this tree's node_modules.
set -euo pipefail
cd "$(dirname "$0")/.."
part=$1 engine=$2 rounds=$3
shift 3
work=$(mktemp -d /tmp/duban-ab-XXXXXX)
trap 'rm -rf "$work"' EXIT
dirs=()
for rev in "$@"; do
  if [ "$rev" = . ]; then dirs+=("$PWD"); continue; fi
  d="$work/$(git rev-parse --short "$rev")"
  mkdir -p "$d"
  git archive "$rev" | tar -x -C "$d"
  ln -s "$PWD/node_modules" "$d/node_modules"
  dirs+=("$d")
done
export DATABASE_URL=${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}
for round in $(seq 1 "$rounds"); do
  for i in "${!dirs[@]}"; do
    out=$(cd "${dirs[$i]}" && node bin/run-ts.mjs bench/one.mts "$part" "$engine" 2>/dev/null | grep -E '^(load |\[)' | tail -1 | sed 's/^load [a-z]*: //')
    echo "$(echo "$@" | cut -d' ' -f$((i + 1))) $round $(cut -d' ' -f1 /proc/loadavg) $out"
  done
done
