#!/bin/sh
# limits-check.sh: the bounded-cost limits of docs/limits.md are refused up front, with the
# limit named, a non-zero exit and no time spent: smp beyond 500 actors, the exchange model
# beyond 10,000 actors x issues, validate-models beyond 5,000 issue rows. The inputs are
# generated just past each limit (the large measurements are in bench/README.md, "Limits").
# Usage: sh tests/limits-check.sh CONCERT_BIN SRCDIR. Exit 0 when all refusals hold, 1 if not.
set -u
bin=$1
cd "$2" || exit 1
dir=${TMPDIR:-/tmp}/limits-check.$$
mkdir -p "$dir" || exit 1
trap 'rm -rf "$dir"' EXIT
status=0
# expect CODE PATTERN ARGS...: runs concert ARGS, wants exit CODE and PATTERN on stderr
expect() {
  code=$1 pat=$2
  shift 2
  "$bin" "$@" >"$dir/out" 2>"$dir/err"
  rc=$?
  if [ "$rc" -ne "$code" ] || ! grep -q -- "$pat" "$dir/err"; then
    echo "limits-check: 'concert $*' exited $rc (want $code), stderr:"
    head -3 "$dir/err"
    status=1
  fi
}
# smp: 501 actors on one dimension (a BDM actor table)
awk 'BEGIN { print "Actor,Capability,Position,Salience";
             for (i = 0; i < 501; i++) printf "A%d,%d,%d,0.5\n", i, 1 + i % 7, i % 101 }' \
  >"$dir/smp501.csv"
expect 1 "the smp model takes at most 500 actors (the limit; docs/limits.md); this problem has 501 actors x 1 issues" \
  run --model smp "$dir/smp501.csv"
expect 1 "at most 500 actors" solve --model smp "$dir/smp501.csv"
# exchange: 101 actors x 100 issues = 10,100 cells
python3 bench/gen_scenario.py 101 100 >"$dir/ex.yaml" || status=1
expect 1 "the exchange model takes at most 10000 actors x issues (the limit; docs/limits.md); this problem has 101 actors x 100 issues = 10100" \
  solve --model exchange "$dir/ex.yaml"
expect 1 "at most 10000 actors x issues" run --model exchange "$dir/ex.yaml"
# just under: 100 actors x 100 issues = 10,000 cells passes the check (solve the first forum)
python3 bench/gen_scenario.py 100 100 >"$dir/ex100.yaml" || status=1
"$bin" solve --model exchange --param rounds=1 "$dir/ex100.yaml" >/dev/null 2>"$dir/err" || {
  echo "limits-check: exchange at 100 x 100 (the limit) refused:"; head -3 "$dir/err"; status=1; }
# validate-models: 5,001 issue rows after the header
awk 'BEGIN { printf "\"prnr\"\t\"isnr\"\t\"proc\"\t\"counvte\"\t\"rp\"\t\"out\"\t\"pcom\"\t\"pde\"\t\"scom\"\t\"sde\"\n";
             for (i = 0; i < 5001; i++)
               printf "\"P%d\"\t\"P%di1\"\t\"COD\"\t\"QMV\"\t0\t50\t%d\t%d\t50\t50\n", i, i, i % 101, (i * 7) % 101 }' \
  >"$dir/deu.tsv"
expect 1 "deu.tsv:5002:1: more than 5000 issue rows (the limit; docs/limits.md)" \
  validate-models "$dir/deu.tsv"
exit $status
