#!/bin/sh
# MPI (docs/sweep.md and docs/design.md, "MPI"): `mpirun -np 2 concert sweep|design` on
# localhost gives output byte-identical to one process; a command that does not split
# across ranks is refused; a rank that fails makes every rank fail without a hang.
# Exits 77 (skipped) when concert was built without its MPI plugin or mpirun is missing.
# Usage: mpi-check.sh CONCERT SRCDIR
set -u
bin=$1; src=$2
[ -e "$(dirname "$bin")/concert-mpi.so" ] || { echo "skip: built without MPI"; exit 77; }
command -v mpirun >/dev/null 2>&1 || { echo "skip: no mpirun"; exit 77; }
dir=$(mktemp -d "${TMPDIR:-/tmp}/concert-mpi.XXXXXX") || exit 1
trap 'rm -rf "$dir"' EXIT
# CI runs as root; Open MPI refuses root without these. Open MPI's own allocations at
# MPI_Init are reported as leaks by LeakSanitizer, so leak checking is off for the ranks
# (the same code paths run leak-checked in the one-process tests).
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMPI_MCA_rmaps_base_oversubscribe=1
export ASAN_OPTIONS="${ASAN_OPTIONS:-}:detect_leaks=0"
mpi() { timeout 300 mpirun --oversubscribe -np "$@"; }
g7=$src/scenarios/g7-kananaskis-2025.yaml
g5=$src/scenarios/g5-2026.yaml
status=0

same() { # name, then the command's arguments
  name=$1; shift
  "$bin" "$@" > "$dir/one.out" 2> "$dir/one.err" || { echo "FAIL $name: one process failed"; cat "$dir/one.err"; status=1; return; }
  mpi 2 "$bin" "$@" > "$dir/two.out" 2> "$dir/two.err" || { echo "FAIL $name: 2 ranks failed"; cat "$dir/two.err"; status=1; return; }
  if cmp -s "$dir/one.out" "$dir/two.out"; then echo "ok $name: 2 ranks = 1 process"
  else echo "FAIL $name: 2 ranks differ from 1 process"; diff "$dir/one.out" "$dir/two.out" | head; status=1; fi
}

same "sweep json" sweep "$g7" -n 700 --seed 5 --format json
same "sweep text, 2 threads per rank" sweep "$g5" -n 600 --seed 2 --threads 2
same "sweep csv" sweep "$g5" -n 300 --forum G5 --format csv
same "design --runs 20" design "$g5" --candidates USA,CHN,RUS,IND,JPN,DEU,GBR --size 4 --runs 20 --objective agreed --top 0 --format json
same "design point values" design "$g5" --candidates USA,CHN,RUS,IND,JPN,DEU,GBR --size 3 --objective balance --top 0 --format csv

# --db has one writer: refused under more than one rank
if mpi 2 "$bin" sweep "$g7" -n 10 --db "$dir/x.sqlite" > "$dir/db.out" 2> "$dir/db.err"; then
  echo "FAIL sweep --db under mpirun: accepted"; status=1
elif ! grep -q "runs in one process" "$dir/db.err"; then
  echo "FAIL sweep --db under mpirun: no clear message"; cat "$dir/db.err"; status=1
else echo "ok sweep --db under mpirun: refused"; fi

# a command that does not split is refused once, not run twice
if mpi 2 "$bin" run "$g7" > "$dir/run.out" 2> "$dir/run.err"; then
  echo "FAIL run under mpirun: accepted"; status=1
elif [ "$(grep -c 'does not split across MPI ranks' "$dir/run.err")" -ne 1 ]; then
  echo "FAIL run under mpirun: message not printed exactly once"; cat "$dir/run.err"; status=1
else echo "ok run under mpirun: refused once"; fi

# bad input fails on every rank, with one message and no hang
if mpi 2 "$bin" design "$g5" --candidates USA,NOPE --size 2 > "$dir/bad.out" 2> "$dir/bad.err"; then
  echo "FAIL design with a bad candidate: accepted"; status=1
elif [ "$(grep -c "no actor 'NOPE'" "$dir/bad.err")" -ne 1 ]; then
  echo "FAIL design with a bad candidate: message not printed exactly once"; cat "$dir/bad.err"; status=1
else echo "ok bad input under mpirun: one message, non-zero exit"; fi
exit $status
