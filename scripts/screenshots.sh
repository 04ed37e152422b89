#!/bin/sh
# screenshots.sh: the README's pictures, taken by Debian's headless chromium:
# OUT/kananaskis-report.png (the Kananaskis report, top 1000 x 3000 px) and
# OUT/g5-compare.png (the G5 file's forum comparison chart at its own size) and
# OUT/kananaskis-distribution.png (the Kananaskis outcome distributions over 1,000 runs).
# Usage: sh scripts/screenshots.sh CONCERT_BIN OUT. Without chromium it says so and exits 0.
set -eu
bin=$1 out=$2
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  echo "screenshots: chromium is not installed (apt-get install chromium): no screenshots"
  exit 0
fi
mkdir -p "$out"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/concert-shots.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
flags="--headless --no-sandbox --disable-gpu --disable-background-networking --no-first-run
  --hide-scrollbars --user-data-dir=$tmp/profile"
"$bin" report scenarios/g7-kananaskis-2025.yaml -o "$tmp/k.html"
# shellcheck disable=SC2086
"$browser" $flags --screenshot="$out/kananaskis-report.png" --window-size=1000,3000 \
  "file://$tmp/k.html" >/dev/null 2>&1
"$bin" plot compare scenarios/g5-2026.yaml -o "$tmp/g5.svg"
h=$(sed -n 's/^<svg [^>]* height="\([0-9]*\)[.0-9]*".*/\1/p' "$tmp/g5.svg" | head -n 1)
# shellcheck disable=SC2086
"$browser" $flags --screenshot="$out/g5-compare.png" --window-size="800,$h" \
  "file://$tmp/g5.svg" >/dev/null 2>&1
"$bin" plot distribution scenarios/g7-kananaskis-2025.yaml --runs 1000 -o "$tmp/dist.svg"
h=$(sed -n 's/^<svg [^>]* height="\([0-9]*\)[.0-9]*".*/\1/p' "$tmp/dist.svg" | head -n 1)
# shellcheck disable=SC2086
"$browser" $flags --screenshot="$out/kananaskis-distribution.png" --window-size="800,$h" \
  "file://$tmp/dist.svg" >/dev/null 2>&1
echo "screenshots: $out/kananaskis-report.png $out/g5-compare.png $out/kananaskis-distribution.png"
