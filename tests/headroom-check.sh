#!/bin/sh
# headroom-check.sh: the forecasts CSV of `concert validate-models --predictions` agrees with
# an independent Python computation of the compromise model, and the headroom analysis of
# docs/validation.md runs to the end (scripts/validation/headroom.py).
# Usage: sh tests/headroom-check.sh CONCERT SRCDIR
# Exit 0 on agreement, 1 otherwise, 77 (skip) when python3 is missing.
set -u
concert=$1
src=$2
command -v python3 >/dev/null 2>&1 || { echo "headroom-check: python3 not found, skipped"; exit 77; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/headroom-check.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
deu="$src/data/decisions/deu3_blksv.tsv"
# two-stage (fitted by nested CV, slow under the sanitizers) is not part of the analysis
"$concert" validate-models --bootstrap 0 --models compromise,median,nash,eum,exchange,smp \
  --predictions "$tmp/forecasts.csv" "$deu" >/dev/null ||
  { echo "headroom-check: validate-models failed"; exit 1; }
python3 "$src/scripts/validation/headroom.py" --bootstrap 200 "$deu" "$tmp/forecasts.csv" \
  >"$tmp/report.txt" || { cat "$tmp/report.txt"; echo "headroom-check: headroom.py failed"; exit 1; }
cat "$tmp/report.txt"
grep -q '^1\. compromise recomputed independently: .*(ok)$' "$tmp/report.txt" ||
  { echo "headroom-check: the compromise forecasts differ from the Python computation"; exit 1; }
grep -q '^5\. leave-one-proposal-out' "$tmp/report.txt" ||
  { echo "headroom-check: the report is incomplete"; exit 1; }
