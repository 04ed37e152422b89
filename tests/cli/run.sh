#!/bin/sh
# Golden CLI test: run the arguments in NAME.cmd with the concert binary, capture stdout
# and the exit status, compare with NAME.out. CONCERT_UPDATE_GOLDEN=1 rewrites NAME.out.
set -u
bin=$1; cmd=$2; out=${cmd%.cmd}.out
args=$(cat "$cmd")
actual=$(eval "\"$bin\" $args" 2>&1; echo "exit: $?")
if [ "${CONCERT_UPDATE_GOLDEN:-0}" = 1 ]; then printf '%s\n' "$actual" > "$out"; exit 0; fi
expected=$(cat "$out")
if [ "$actual" != "$expected" ]; then
  printf '%s\n' "$actual" > "${TMPDIR:-/tmp}/concert-golden.actual"
  diff -u "$out" "${TMPDIR:-/tmp}/concert-golden.actual"
  exit 1
fi
