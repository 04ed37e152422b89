#!/bin/sh
# install-check.sh: an installed concert reads the installed data, not the tree it was built
# in. `cmake --install` into a temporary prefix, then, from another directory and without
# $CONCERT_DATADIR: the installed tool prints what the build-tree tool prints; with the
# installed copy of a data file removed it fails naming the installed path (it does not fall
# back to the source tree); $CONCERT_DATADIR still overrides. Also, for a build directory
# inside the source tree: the build-tree tool finds the source tree's data/ from anywhere.
# Usage: sh tests/install-check.sh BUILD_DIR SRCDIR [CMAKE]. Exit 0 when all hold, 1 if not.
set -u
build=$(cd "$1" && pwd) && src=$(cd "$2" && pwd) || exit 1
cmake=${3:-cmake}
unset CONCERT_DATADIR
tmp=$(mktemp -d "${TMPDIR:-/tmp}/concert-install.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
fail() { echo "install-check: $*"; exit 1; }
"$cmake" --install "$build" --prefix "$tmp/prefix" >"$tmp/install.log" 2>&1 ||
  { cat "$tmp/install.log"; fail "cmake --install failed"; }
tool=$tmp/prefix/bin/concert
data=$tmp/prefix/share/concert/data
[ -x "$tool" ] || fail "no installed tool at $tool"
[ -f "$data/CONCERT_DATA_ROOT" ] || fail "no marker file in the installed data $data"
mkdir "$tmp/elsewhere" && cd "$tmp/elsewhere" || exit 1
args="history --forum G7 --years 2017-2025"
# shellcheck disable=SC2086
CONCERT_DATADIR=$src/data "$build/concert" $args >"$tmp/built.out" 2>&1 ||
  fail "the build-tree tool failed on the source tree's data"
case $(cd "$build" && pwd -P)/ in
  "$(cd "$src" && pwd -P)"/*)  # a build directory inside the source tree finds its data/
    # shellcheck disable=SC2086
    "$build/concert" $args >"$tmp/found.out" 2>&1 || fail "the build-tree tool failed from $PWD"
    cmp -s "$tmp/built.out" "$tmp/found.out" || fail "the build-tree tool read other data" ;;
esac
# shellcheck disable=SC2086
"$tool" $args >"$tmp/installed.out" 2>&1 || { cat "$tmp/installed.out"; fail "the installed tool failed"; }
cmp -s "$tmp/built.out" "$tmp/installed.out" || fail "installed and build-tree outputs differ"
rm "$data/world/g7_summits.csv"
# shellcheck disable=SC2086
if "$tool" $args >"$tmp/missing.out" 2>&1; then
  fail "the installed tool ran without its installed data (read another copy)"
fi
grep -q "$data/world/g7_summits.csv" "$tmp/missing.out" ||
  { cat "$tmp/missing.out"; fail "the refusal does not name the installed data"; }
# shellcheck disable=SC2086
CONCERT_DATADIR=$src/data "$tool" $args >"$tmp/env.out" 2>&1 ||
  fail "\$CONCERT_DATADIR did not override the installed data"
cmp -s "$tmp/built.out" "$tmp/env.out" || fail "output with \$CONCERT_DATADIR differs"
echo "install-check: the installed tool reads $data, not the source tree"
