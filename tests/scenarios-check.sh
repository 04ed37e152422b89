#!/bin/sh
# scenarios-check.sh: every shipped scenario is what `concert derive` makes of its spec.
# For each scenarios/src/NAME.spec.yaml (and scenarios/record/src/NAME.spec.yaml, the coded
# summits of the record), runs `concert derive` and compares the result byte for byte with
# scenarios/NAME.yaml (scenarios/record/NAME.yaml), then validates it strictly (codebook
# files).
# Usage: sh tests/scenarios-check.sh CONCERT_BIN SRCDIR. Exit 0 when all match, 1 if not.
set -u
bin=$1
src=$2
tmp=$(mktemp -d "${TMPDIR:-/tmp}/scenarios-check.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
status=0
n=0
for spec in "$src"/scenarios/src/*.spec.yaml "$src"/scenarios/record/src/*.spec.yaml; do
  [ -e "$spec" ] || continue
  name=$(basename "$spec" .spec.yaml)
  dir=scenarios
  case $spec in */scenarios/record/src/*) dir=scenarios/record ;; esac
  n=$((n + 1))
  if ! (cd "$src" && "$bin" derive "$dir/src/$name.spec.yaml" -o "$tmp/$name.yaml" 2>"$tmp/err"); then
    echo "scenarios-check: derive failed on $name:"; cat "$tmp/err"; status=1; continue
  fi
  if ! cmp -s "$tmp/$name.yaml" "$src/$dir/$name.yaml"; then
    echo "scenarios-check: $dir/$name.yaml is not what derive makes of its spec:"
    diff "$src/$dir/$name.yaml" "$tmp/$name.yaml" | head -20
    status=1
  fi
  (cd "$src" && "$bin" validate "$dir/$name.yaml" >/dev/null) || { echo "scenarios-check: $name does not validate"; status=1; }
done
[ "$n" -gt 0 ] || { echo "scenarios-check: no spec found"; exit 1; }
[ "$status" -eq 0 ] && echo "scenarios-check: $n scenarios reproduced by concert derive and valid"
exit "$status"
