#!/bin/sh
# full-output.sh: output that cannot be written is an error for every command that prints:
# each runs with standard output on /dev/full and must exit non-zero with a message.
# Usage: sh tests/full-output.sh CONCERT_BIN SRCDIR. Exit 0 when all do, 1 if not, 77 (skip)
# without /dev/full.
set -u
bin=$1
cd "$2" || exit 1
[ -w /dev/full ] || { echo "full-output: no /dev/full, skipped"; exit 77; }
status=0
# a file of this run alone: other builds may run this test at the same time
err=${TMPDIR:-/tmp}/full-output.$$.err
for args in \
  "run scenarios/g7-kananaskis-2025.yaml" \
  "run scenarios/g5-2026.yaml --forum G5 --format json" \
  "run scenarios/g5-2026.yaml --forum G5 --format csv" \
  "compare scenarios/g5-2026.yaml --forums G7,G5 --format csv" \
  "compare scenarios/g5-2026.yaml --forums G7,G2 --runs 5 --format csv" \
  "solve scenarios/g5-2026.yaml --forum G2 --format csv" \
  "history --years 2017-2025 --format csv" \
  "cohesion --members USA,CHN --data tests/data/unga_tiny --format csv" \
  "power --game unsc --format csv" \
  "compare scenarios/g5-2026.yaml --forums G7,G5" \
  "compare scenarios/g5-2026.yaml --forums G7,G2 --runs 5" \
  "sweep scenarios/g5-2026.yaml --forum G2 -n 5" \
  "sensitivity scenarios/g5-2026.yaml --forum G2" \
  "design scenarios/g5-2026.yaml --candidates USA,CHN,JPN --size 2" \
  "derive scenarios/src/g5-2026.spec.yaml" \
  "history --years 2017-2025" \
  "backtest tests/data/backtest-mini" \
  "backtest tests/data/backtest-mini --format csv" \
  "validate scenarios/g5-2026.yaml tests/data/table_sultan_oil_mckibben.csv" \
  "solve scenarios/g5-2026.yaml --forum G2" \
  "power --game unsc" \
  "cohesion --members USA,CHN --data tests/data/unga_tiny" \
  "validate-models tests/data/deu_ok.tsv" \
  "validate-models tests/data/deu_ok.tsv --bootstrap 0 --format csv" \
  "report scenarios/g7-kananaskis-2025.yaml" \
  "plot issue scenarios/g7-kananaskis-2025.yaml --issue trade" \
  "plot history --forum G20" \
  "models"; do
  # shellcheck disable=SC2086
  if "$bin" $args >/dev/full 2>"$err"; then
    echo "full-output: 'concert $args' exited 0 with its output lost"; status=1
  elif ! grep -q "cannot write" "$err"; then
    echo "full-output: 'concert $args' failed without saying it could not write"; status=1
  fi
done
rm -f "$err"
[ "$status" -eq 0 ] && echo "full-output: every command refuses to lose its output"
exit "$status"
