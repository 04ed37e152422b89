#!/bin/sh
# inputs-check.sh: every input path refuses a FIFO, a directory and a device at once (never
# blocks), '-' reads a scenario from standard input, and an output file that cannot be
# written is an error (issue 11, item 2). Usage: sh tests/inputs-check.sh CONCERT_BIN SRCDIR.
# Exit 0 when all hold, 1 if not.
set -u
bin=$1
cd "$2" || exit 1
tmp=$(mktemp -d "${TMPDIR:-/tmp}/concert-inputs.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
status=0
mkfifo "$tmp/in.yaml" "$tmp/in.csv" "$tmp/in.tsv" || exit 1
mkdir "$tmp/dir.yaml" "$tmp/data" "$tmp/data/world"
mkfifo "$tmp/data/world/g7_summits.csv" "$tmp/data/world/unga_countries.csv"
# expect_refusal WHAT ARGS...: exits 1 within 10 s, saying what the path is
expect_refusal() {
  what=$1; shift
  timeout 10 "$bin" "$@" >/dev/null 2>"$tmp/err"; rc=$?
  if [ "$rc" -eq 124 ]; then echo "inputs: 'concert $*' blocked"; status=1
  elif [ "$rc" -ne 1 ]; then echo "inputs: 'concert $*' exited $rc, not 1"; status=1
  elif ! grep -q "$what" "$tmp/err"; then
    echo "inputs: 'concert $*' did not say '$what':"; cat "$tmp/err"; status=1
  fi
}
expect_refusal "is a FIFO" validate "$tmp/in.yaml"
expect_refusal "is a FIFO" run "$tmp/in.yaml"
expect_refusal "is a FIFO" validate "$tmp/in.csv"
expect_refusal "is a FIFO" validate-models "$tmp/in.tsv"
expect_refusal "is a FIFO" derive "$tmp/in.yaml"
expect_refusal "is a FIFO" power --csv "$tmp/in.csv" --games-csv "$tmp/in.csv" --game-id x
expect_refusal "is a FIFO" history --data "$tmp/data"
expect_refusal "is a FIFO" cohesion --members USA,CHN --data "$tmp/data"
expect_refusal "is a directory" validate "$tmp/dir.yaml"
expect_refusal "is a directory" run "$tmp/dir.yaml"
expect_refusal "is a device" validate /dev/zero
expect_refusal "is a device" validate-models /dev/zero
# '-' is standard input
if ! "$bin" validate - < scenarios/g5-2026.yaml | grep -q '^-: ok'; then
  echo "inputs: 'concert validate -' did not read standard input"; status=1
fi
"$bin" run scenarios/g5-2026.yaml > "$tmp/a.out" 2>&1
"$bin" run - < scenarios/g5-2026.yaml > "$tmp/b.out" 2>&1
if ! cmp -s "$tmp/a.out" "$tmp/b.out"; then echo "inputs: 'concert run -' differs from the file"; status=1; fi
# output files that cannot be written
if [ -w /dev/full ]; then
  expect_refusal "cannot write" sensitivity scenarios/g5-2026.yaml --forum G2 -o /dev/full
  expect_refusal "cannot write" validate-models tests/data/deu_ok.tsv --predictions /dev/full
  expect_refusal "cannot write" derive scenarios/src/g5-2026.spec.yaml -o /dev/full
fi
[ "$status" -eq 0 ] && echo "inputs: FIFOs, directories and devices refused; '-' read; write errors reported"
exit "$status"
