#!/bin/sh
# no-nan.sh: no output of concert prints nan or inf (issue 11, item 1). Every command runs on
# a set of inputs, among them a forum every member leaves before the last session
# (tests/data/all_departed.yaml) and an actor table without a reversion point
# (tests/data/table_no_reversion.csv); standard output and standard error are searched for
# a nan or inf word (as printf writes them: nan, -nan, inf, -inf, any case).
# Usage: sh tests/no-nan.sh CONCERT_BIN SRCDIR. Exit 0 when none does, 1 if any does.
set -u
bin=$1
cd "$2" || exit 1
status=0
out=${TMPDIR:-/tmp}/no-nan.$$.out
dep=tests/data/all_departed.yaml
tab=tests/data/table_no_reversion.csv
for args in \
  "run $dep" "run $dep --format json" "run $dep --model eum" "run $dep --model median" \
  "run $dep --model exchange" "run $dep --model smp" \
  "run $tab" "run $tab --format json" "run $tab --model eum" "run $tab --model median" \
  "run $tab --model smp" "run $tab --model exchange" "run $tab --format json --model eum" \
  "run tests/data/table_sultan_oil_mckibben.csv" \
  "run tests/data/table_bdm_china_1991_masad.csv --format json" \
  "solve $dep" "solve $tab" "solve $tab --model eum" \
  "compare $dep --forums S,S" "compare $dep --forums S,S --runs 3" \
  "sensitivity $dep" "sensitivity $tab" "sensitivity $tab --format json" \
  "sweep $dep -n 5" "sweep $tab -n 5" \
  "validate $dep $tab" \
  "design $dep --candidates AAA,BBB --size 1" \
  "run scenarios/g7-kananaskis-2025.yaml" \
  "run scenarios/g5-2026.yaml --forum G5 --format json" \
  "history --years 2017-2025" \
  "power --game unsc" \
  "cohesion --members USA,CHN --data tests/data/unga_tiny" \
  "validate-models tests/data/deu_ok.tsv" \
  "models"; do
  # shellcheck disable=SC2086 # the arguments are split on purpose
  "$bin" $args >"$out" 2>&1
  if grep -E -i -n '(^|[^a-z_])-?(nan|inf)([^a-z_]|$)' "$out" >/dev/null; then
    echo "no-nan: 'concert $args' prints nan or inf:"
    grep -E -i -n '(^|[^a-z_])-?(nan|inf)([^a-z_]|$)' "$out" | head -5
    status=1
  fi
done
rm -f "$out"
exit $status
