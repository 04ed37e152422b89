#!/bin/sh
# Kill-and-resume (docs/sweep.md, "Results that survive a crash"): a `concert sweep --db`
# killed with SIGKILL midway leaves a database with some runs but not all; `--resume`
# completes it to output byte-identical to an uninterrupted sweep. On a machine so fast (or
# slow) that the kill cannot be caught mid-sweep after a few tries, exits 77 (skipped).
# Usage: sweep-resume.sh CONCERT SRCDIR
set -u
bin=$1; src=$2
scenario=$src/scenarios/g7-kananaskis-2025.yaml
dir=$(mktemp -d "${TMPDIR:-/tmp}/concert-resume.XXXXXX") || exit 1
trap 'rm -rf "$dir"' EXIT
db=$dir/sweep.sqlite

count() { # runs stored in the database
  if command -v sqlite3 >/dev/null 2>&1; then sqlite3 "$db" 'SELECT count(*) FROM run'
  elif command -v python3 >/dev/null 2>&1; then
    python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT count(*) FROM run").fetchone()[0])' "$db"
  else echo "skip: neither sqlite3 nor python3 to count the runs"; exit 77; fi
}

n=20000; nap=0.5; caught=0
for try in 1 2 3 4 5 6; do
  rm -f "$db" "$db-journal" "$db-wal" "$db-shm"
  "$bin" sweep "$scenario" -n $n --seed 7 --format json --db "$db" > "$dir/killed.json" 2>/dev/null &
  pid=$!
  sleep $nap
  if kill -9 $pid 2>/dev/null; then
    wait $pid 2>/dev/null
    stored=$(count)
    if [ "$stored" -gt 0 ] && [ "$stored" -lt $n ]; then caught=1; break; fi
    echo "try $try: killed with $stored of $n runs stored; sleeping longer"
    nap=$(awk "BEGIN { print $nap * 2 }")
  else
    wait $pid
    echo "try $try: the sweep of $n runs finished before the kill; more runs"
    n=$((n * 4))
  fi
done
if [ $caught = 0 ]; then echo "skip: could not kill the sweep midway"; exit 77; fi
echo "killed after $stored of $n runs"
# a killed database is not taken without --resume
if "$bin" sweep "$scenario" -n $n --seed 7 --db "$db" > /dev/null 2>&1; then
  echo "FAIL: an existing database was overwritten without --resume"; exit 1
fi
"$bin" sweep "$scenario" -n $n --seed 7 --threads 2 --format json --db "$db" --resume \
  > "$dir/resumed.json" || { echo "FAIL: --resume failed"; exit 1; }
[ "$(count)" -eq $n ] || { echo "FAIL: $(count) of $n runs stored after --resume"; exit 1; }
"$bin" sweep "$scenario" -n $n --seed 7 --format json > "$dir/whole.json" || exit 1
if ! cmp "$dir/resumed.json" "$dir/whole.json"; then
  echo "FAIL: the resumed sweep differs from an uninterrupted one"; exit 1
fi
echo "ok: resumed to the uninterrupted sweep's output ($n runs)"
