#!/bin/sh
# bench/scaling.sh BUILD: whole-process scaling of the two parallel commands, at 1 and 2
# threads and at 1 and 2 MPI ranks (one thread each), same inputs and seed: the median of
# 3 wall-clock times (hyperfine) and the parallel efficiency t1 / (2 t2). Cases:
#   sweep:  concert sweep scenarios/g7-kananaskis-2025.yaml -n RUNS (compromise model)
#   design: concert design on bench/kan20.py's 20-actor Kananaskis, 20 choose 5 = 15,504
#           forums x 100 runs each (the issue 9 target: under a minute on 2 cores)
# Environment: SWEEP_RUNS (default 200000). Needs hyperfine, jq, mpirun (ranks rows are
# skipped without the MPI plugin) and python3 with PyYAML for kan20.py.
set -eu
build=${1:-build}
bin=$build/concert
runs=${SWEEP_RUNS:-200000}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/concert-scaling.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
mpi=0
[ -e "$build/concert-mpi.so" ] && command -v mpirun >/dev/null 2>&1 && mpi=1

median() { # command...: hyperfine's median wall time in seconds
  hyperfine -N --runs 3 --export-json "$tmp/h.json" "$*" >/dev/null 2>&1
  jq '.results[0].median' "$tmp/h.json"
}

row() { # case, threads, ranks, t1, t
  awk -v c="$1" -v th="$2" -v r="$3" -v t1="$4" -v t="$5" 'BEGIN {
    p = th * r; e = p > 1 ? sprintf("%.0f%%", 100 * t1 / (p * t)) : "-";
    printf "| %s | %d | %d | %.3f | %s |\n", c, th, r, t, e }'
}

echo "| case | threads | ranks | median s | efficiency |"
echo "|---|---:|---:|---:|---:|"
sweep="$bin sweep scenarios/g7-kananaskis-2025.yaml -n $runs --format json"
t1=$(median $sweep --threads 1)
row "sweep, $runs runs" 1 1 "$t1" "$t1"
row "sweep, $runs runs" 2 1 "$t1" "$(median $sweep --threads 2)"
[ $mpi = 1 ] && row "sweep, $runs runs" 1 2 "$t1" "$(median mpirun --oversubscribe -np 2 $sweep --threads 1)"

python3 bench/kan20.py "$tmp/kan20.yaml"
c=USA,CAN,FRA,DEU,ITA,JPN,GBR,EU,AUS,BRA,IND,IDN,KOR,MEX,ZAF,UKR,CHN,RUS,SAU,ARG
design="$bin design $tmp/kan20.yaml --candidates $c --size 5 --template G7 --runs 100 --objective agreed --top 10"
t1=$(median $design --threads 1)
row "design, 15,504 forums x 100 runs" 1 1 "$t1" "$t1"
row "design, 15,504 forums x 100 runs" 2 1 "$t1" "$(median $design --threads 2)"
[ $mpi = 1 ] && row "design, 15,504 forums x 100 runs" 1 2 "$t1" "$(median mpirun --oversubscribe -np 2 $design --threads 1)"
exit 0
