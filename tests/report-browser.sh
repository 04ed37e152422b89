#!/bin/sh
# report-browser.sh: the Kananaskis report (with a sweep, and the G5 file's report with its
# forum comparison) opened in a real browser, Debian's chromium, headless: it must load with
# no console error, every chart's <svg> must be in the page with a non-zero width and height,
# and the screenshot must be a non-empty PNG.
# Usage: sh tests/report-browser.sh CONCERT_BIN SRCDIR [SCREENSHOT_DIR]
# Exit 0 when it passes, 1 if not, 77 (skip, said) when chromium is not installed.
set -u
bin=$1
cd "$2" || exit 1
shots=${3:-}
browser=$(command -v chromium || command -v chromium-browser || true)
[ -n "$browser" ] || { echo "report-browser: chromium is not installed (apt-get install chromium), skipped"; exit 77; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/concert-browser.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
# a private profile and no network; as root chromium needs --no-sandbox
flags="--headless --no-sandbox --disable-gpu --disable-background-networking --no-first-run
  --disable-extensions --disable-sync --user-data-dir=$tmp/profile"
status=0
# Any console line is an error here (the pages hold no script); an uncaught exception or a
# console error shows as "Uncaught ..." or ":CONSOLE" lines under --enable-logging.
console_errors() { # LOG: prints the offending lines, true when there are any
  grep -E "Uncaught|ERROR:CONSOLE|:CONSOLE" "$1"
}
# The detector must fire on a page that throws, or this test could never fail.
printf '<!DOCTYPE html><html><body><script>undefined_function();</script></body></html>' >"$tmp/bad.html"
# shellcheck disable=SC2086
timeout 120 "$browser" $flags --enable-logging=stderr --v=0 --dump-dom "file://$tmp/bad.html" >/dev/null 2>"$tmp/bad.log"
if ! console_errors "$tmp/bad.log" >/dev/null; then
  echo "report-browser: a page that throws logged no console error: the check cannot fail"; exit 1
fi
page() { # NAME EXPECTED_SVGS ARGS...
  name=$1 want=$2; shift 2
  "$bin" report "$@" -o "$tmp/$name.html" || { echo "report-browser: concert report $* failed"; status=1; return; }
  url="file://$tmp/$name.html"
  # shellcheck disable=SC2086
  timeout 120 "$browser" $flags --enable-logging=stderr --v=0 --dump-dom "$url" >"$tmp/$name.dom" 2>"$tmp/$name.log"
  if console_errors "$tmp/$name.log"; then
    echo "report-browser: $name: console errors"; status=1
  fi
  if grep -qiE '<(script|img|link|iframe|object)[ >]|url\(' "$tmp/$name.dom"; then
    echo "report-browser: $name: the page loads something (script, image, style sheet or url())"; status=1
  fi
  if ! grep -q '<pre>' "$tmp/$name.dom"; then
    echo "report-browser: $name: no outcome sheet in the page"; status=1
  fi
  got=$(grep -o '<svg [^>]*>' "$tmp/$name.dom" | grep -cE 'width="[1-9][0-9.]*" height="[1-9][0-9.]*"')
  all=$(grep -o '<svg ' "$tmp/$name.dom" | wc -l)
  if [ "$got" -ne "$want" ] || [ "$all" -ne "$want" ]; then
    echo "report-browser: $name: $got of $all charts with a size in the page, $want expected"; status=1
  fi
  # shellcheck disable=SC2086
  timeout 120 "$browser" $flags --screenshot="$tmp/$name.png" --window-size=1000,3000 "$url" >/dev/null 2>&1
  if [ ! -s "$tmp/$name.png" ] || [ "$(head -c 4 "$tmp/$name.png" | od -An -c | tr -d ' ')" != "211PNG" ]; then
    echo "report-browser: $name: no screenshot"; status=1
  elif [ -n "$shots" ]; then
    cp "$tmp/$name.png" "$shots/$name.png"
  fi
  [ "$status" -eq 0 ] && echo "report-browser: $name: loaded, $got charts sized, screenshot $(wc -c <"$tmp/$name.png") bytes"
}
# Kananaskis: 10 agenda issues + rift + sweep + outcome distributions + tipping points; G5
# file (4 forums) under EUM: 8 issues + rift + 8 trajectories + compare
page kananaskis 14 scenarios/g7-kananaskis-2025.yaml --runs 20
if [ -f "$tmp/kananaskis.dom" ] && ! grep -q '<table class="tipping">' "$tmp/kananaskis.dom"; then
  echo "report-browser: kananaskis: no tipping-point table in the page"; status=1
fi
page g5 18 scenarios/g5-2026.yaml --forum G5 --model eum
exit "$status"
