#!/bin/sh
# derive-check.sh: the derived scenario tables are reproducible and used. Re-runs
# scripts/derive/derive.py from data/world/ into a temporary directory and compares every
# output byte for byte with the committed data/derived/*.csv, then checks that the
# scenarios' capabilities and UNGA-derived positions equal those tables.
# Usage: sh tests/derive-check.sh [SRCDIR]   (SRCDIR defaults to the parent of tests/)
# Exit 0 when identical, 1 on any difference, 77 (skip) when python3 is missing.
# ctest: add_test(NAME data/derive-reproducible COMMAND sh tests/derive-check.sh SRCDIR)
#        with set_tests_properties(... SKIP_RETURN_CODE 77).
set -u
src=${1:-$(cd "$(dirname "$0")/.." && pwd)}
command -v python3 >/dev/null 2>&1 || { echo "derive-check: python3 not found, skipped"; exit 77; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/derive-check.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
python3 "$src/scripts/derive/derive.py" "$src" "$tmp" || { echo "derive-check: derive.py failed"; exit 1; }
status=0
n=0
for f in "$src"/data/derived/*.csv; do
  name=$(basename "$f")
  n=$((n + 1))
  if [ ! -f "$tmp/$name" ]; then
    echo "derive-check: $name is committed but no longer produced"; status=1; continue
  fi
  if ! cmp -s "$f" "$tmp/$name"; then
    echo "derive-check: $name differs from a fresh derivation:"; diff "$f" "$tmp/$name" | head -20; status=1
  fi
done
for f in "$tmp"/*.csv; do
  [ -f "$src/data/derived/$(basename "$f")" ] || { echo "derive-check: $(basename "$f") produced but not committed"; status=1; }
done
[ "$status" -eq 0 ] && echo "derive-check: $n tables reproduced byte for byte"
# The scenarios carry the derived numbers, not stale copies.
python3 "$src/scripts/derive/check_scenarios.py" "$src" || status=1
exit "$status"
