#!/bin/sh
# derive-check.sh: the derived UNGA issue-support table reproduces. Re-runs
# scripts/derive/unga_issue_support.py into a temporary directory and compares its output
# byte for byte with the committed data/derived/unga_issue_support.csv.
# The 2020-2025 votes are the United Nations' and are not shipped (data/derived/PROVENANCE.md),
# so the check needs the project's shared folder of them: SHARED, else $CONCERT_UNGA_SHARED,
# else SRCDIR/../shared/data/world.
# Usage: sh tests/derive-check.sh [SRCDIR [SHARED]]   (SRCDIR defaults to the parent of tests/)
# Exit 0 when identical, 1 on any difference, 77 (skip) when python3 or SHARED is missing.
set -u
src=${1:-$(cd "$(dirname "$0")/.." && pwd)}
shared=${2:-${CONCERT_UNGA_SHARED:-$src/../shared/data/world}}
command -v python3 >/dev/null 2>&1 || { echo "derive-check: python3 not found, skipped"; exit 77; }
for f in unga_votes_2020_2025.csv unga_roll_calls_2020_2025.csv \
         unga_roll_call_issues_2020_2025.csv unga_roll_calls.csv; do
  [ -r "$shared/$f" ] || { echo "derive-check: $shared/$f not found, skipped"; exit 77; }
done
tmp=$(mktemp -d "${TMPDIR:-/tmp}/derive-check.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
python3 "$src/scripts/derive/unga_issue_support.py" "$shared" "$src" "$tmp" ||
  { echo "derive-check: unga_issue_support.py failed"; exit 1; }
if ! cmp -s "$src/data/derived/unga_issue_support.csv" "$tmp/unga_issue_support.csv"; then
  echo "derive-check: unga_issue_support.csv differs from a fresh derivation:"
  diff "$src/data/derived/unga_issue_support.csv" "$tmp/unga_issue_support.csv" | head -20
  exit 1
fi
echo "derive-check: unga_issue_support.csv reproduced byte for byte"
exit 0
