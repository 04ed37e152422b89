#!/bin/sh
# cli-conventions.sh: every subcommand that `concert --help` lists keeps the conventions of
# cli/options.h: --help (and -h) anywhere on the line, even after a bad option, prints its
# help and exits 0, the same text as `concert help CMD`; an unknown option, arguments too
# many and a bad --format are usage errors: exit 2 with "concert CMD: usage: " first on
# stderr; the option lines of the help fit 80 columns.
# Usage: sh tests/cli-conventions.sh CONCERT SRCDIR
set -u
bin=$1
cd "$2" || exit 1
tmp=$(mktemp -d "${TMPDIR:-/tmp}/cli-conventions.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
status=0
fail() { echo "cli-conventions: $*"; status=1; }
cmds=$("$bin" --help | awk '/^Commands:/ { on = 1; next } on && /^  [a-z]/ { print $1 } on && /^$/ { on = 0 }')
[ -n "$cmds" ] || { echo "cli-conventions: no command listed by concert --help"; exit 1; }
n=0
for c in $cmds; do
  n=$((n + 1))
  "$bin" "$c" --help > "$tmp/help" 2>&1 || fail "$c --help exits $?"
  head -n 1 "$tmp/help" | grep -q "^usage: concert $c" || fail "$c --help does not start with 'usage: concert $c'"
  grep -q -- "--help" "$tmp/help" || fail "$c --help does not list --help"
  "$bin" help "$c" > "$tmp/help2" 2>&1 || fail "help $c exits $?"
  cmp -s "$tmp/help" "$tmp/help2" || fail "'help $c' differs from '$c --help'"
  "$bin" "$c" --no-such-option -h > "$tmp/help3" 2>&1 || fail "$c --no-such-option -h exits $?"
  cmp -s "$tmp/help" "$tmp/help3" || fail "$c: -h after a bad option does not print the help"
  # the options fit an 80-column terminal (their descriptions are wrapped)
  wide=$(sed -n '/^Options:/,/^  -h, --help/p' "$tmp/help" | awk 'length > 80' | head -n 1)
  [ -z "$wide" ] || fail "$c --help: an option line wider than 80 columns: $wide"
  # usage errors: exit 2, the one prefix
  check_usage() { # label, args...
    label=$1; shift
    "$bin" "$@" > /dev/null 2> "$tmp/err"
    rc=$?
    [ "$rc" = 2 ] || fail "$label: exit $rc, not 2"
    head -n 1 "$tmp/err" | grep -q "^concert $c: usage: " ||
      fail "$label: stderr does not start with 'concert $c: usage: ' ($(head -n 1 "$tmp/err"))"
  }
  check_usage "$c --no-such-option" "$c" --no-such-option
  [ "$c" = validate ] || check_usage "$c with five arguments" "$c" a1 a2 a3 a4 a5
  if grep -q -- "--format" "$tmp/help"; then
    check_usage "$c --format nonsense" "$c" --format nonsense
  fi
  # every option the help lists is in the man page
  for o in $(grep -o -- '--[a-z][a-z-]*' "$tmp/help" | sort -u); do
    grep -q -- "\*$o\*" docs/concert.1.scd || fail "$c: $o is not in docs/concert.1.scd"
  done
done
[ "$status" = 0 ] && echo "cli-conventions: $n commands keep --help, help CMD and the usage-error form"
exit "$status"
