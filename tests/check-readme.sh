#!/bin/sh
# Runs every example of README.md and docs/*.md written as a fenced block that starts with
# "$ concert ARGS" and compares its output with the block. A block whose last line is
# "..." only has to match the start of the output. Usage: check-readme.sh BIN FILE...
set -u
bin=$1
shift
fail=0
tmp=${TMPDIR:-/tmp}/concert-readme.$$
mkdir -p "$tmp"
for file in "$@"; do
  awk -v dir="$tmp" '
    /^```/ { if (inblock) { inblock = 0; close(out) } else { inblock = 1; n++; out = ""; first = 1 } next }
    inblock && first { first = 0; if ($0 ~ /^\$ concert /) { out = dir "/ex" n; print > (out ".cmd") ; close(out ".cmd"); out = out ".want" } else out = ""; next }
    inblock && out != "" { print > out }
  ' "$file"
  for cmd in "$tmp"/ex*.cmd; do
    [ -e "$cmd" ] || continue
    want=${cmd%.cmd}.want
    args=$(sed 's/^\$ concert //' "$cmd")
    eval "\"$bin\" $args" > "$tmp/got" 2>&1
    if [ "$(tail -n 1 "$want")" = "..." ]; then
      n=$(($(wc -l < "$want") - 1))
      head -n "$n" "$want" > "$tmp/want"
      head -n "$n" "$tmp/got" > "$tmp/got2"
      mv "$tmp/got2" "$tmp/got"
    else
      cp "$want" "$tmp/want"
    fi
    if ! cmp -s "$tmp/want" "$tmp/got"; then
      echo "$file: example '$(cat "$cmd")' differs:"
      diff -u "$tmp/want" "$tmp/got" | head -20
      fail=1
    fi
    rm -f "$cmd" "$want"
  done
done
rm -rf "$tmp"
[ $fail = 0 ] && echo "ok: documentation examples match"
exit $fail
