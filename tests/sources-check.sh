#!/bin/sh
# Every source id used by the record tables, the scenarios, data/ and docs/ resolves to a full
# reference inside the repository (tests/sources-check.py), and the checker fails on the
# faults of tests/data/sources-bad (an unknown id in two tables and in a scenario, a cell that
# is not an id, a row without an address, an id defined twice). Skipped without python3.
set -u
root=$1
command -v python3 >/dev/null 2>&1 || { echo "python3 not found: skipped"; exit 77; }
python3 "$root/tests/sources-check.py" "$root" || exit 1
out=$(python3 "$root/tests/sources-check.py" "$root/tests/data/sources-bad" 2>&1)
status=$?
[ "$status" = 1 ] || { echo "the faulty fixture passed (exit $status):"; echo "$out"; exit 1; }
for want in \
  "data/world/table.csv:3: Q99: no reference" \
  "scenarios/fixture.yaml:4: Z99: no reference" \
  "data/record.csv:2: M99: no reference" \
  "data/world/table.csv:4: source_ids: 'bad!' is not a source id" \
  "data/SOURCES.md:6: S02: no address, DOI or handle" \
  "data/SOURCES.md:7: S01: defined again with another address (first at data/SOURCES.md:5)"; do
  case $out in
    *"$want"*) ;;
    *) echo "missing from the fixture's report: $want"; echo "$out"; exit 1 ;;
  esac
done
echo "sources-check: the repository resolves every id; the faulty fixture fails as expected"
