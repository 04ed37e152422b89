#!/bin/sh
# Golden CLI test: run the arguments in NAME.cmd with the concert binary, capture stdout
# and the exit status, compare with NAME.out. CONCERT_UPDATE_GOLDEN=1 rewrites NAME.out.
set -u
bin=$1; cmd=$2; out=${cmd%.cmd}.out
args=$(cat "$cmd")
# a private scratch directory for commands that write files ("$tmp/..."), shown as $TMP in
# the output, so that tests running at the same time never share a file
tmp=$(mktemp -d "${TMPDIR:-/tmp}/concert-golden.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
actual=$({ eval "\"$bin\" $args" 2>&1; echo "exit: $?"; } | sed "s#$tmp#\$TMP#g")
if [ "${CONCERT_UPDATE_GOLDEN:-0}" = 1 ]; then printf '%s\n' "$actual" > "$out"; exit 0; fi
expected=$(cat "$out")
if [ "$actual" != "$expected" ]; then
  printf '%s\n' "$actual" > "$tmp/actual"
  diff -u "$out" "$tmp/actual"
  exit 1
fi
