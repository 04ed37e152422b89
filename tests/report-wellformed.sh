#!/bin/sh
# report-wellformed.sh: every chart kind and the HTML report (the Kananaskis and G5
# scenarios, UNGA cohesion, voting games, the mini backtest record) parse as well-formed XML
# with xmllint, hold no script, no external address and no "nan".
# Usage: sh tests/report-wellformed.sh CONCERT_BIN SRCDIR.
# Exit 0 when all do, 1 if not, 77 (skip, said) without xmllint (Debian libxml2-utils).
set -u
bin=$1
cd "$2" || exit 1
command -v xmllint >/dev/null 2>&1 || { echo "report-wellformed: no xmllint (apt-get install libxml2-utils), skipped"; exit 77; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/concert-report.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
k=scenarios/g7-kananaskis-2025.yaml
g5=scenarios/g5-2026.yaml
status=0
n=0
check() { # NAME ARGS...: write the file with concert, then check it
  name=$1; shift
  if ! "$bin" "$@" -o "$tmp/$name" 2>"$tmp/err"; then
    echo "report-wellformed: 'concert $*' failed:"; cat "$tmp/err"; status=1; return
  fi
  if ! xmllint --noout "$tmp/$name" 2>"$tmp/err"; then
    echo "report-wellformed: $name (concert $*) is not well-formed:"; head -5 "$tmp/err"; status=1
  fi
  if grep -qiE '<script|https?://[^"]*"[^>]*(src|href)=| src=| href=|[^a-z]nan[^a-z]' "$tmp/$name"; then
    echo "report-wellformed: $name has a script, an external address or a nan"; status=1
  fi
  n=$((n + 1))
}
for issue in trade minerals ai quantum china ukraine middle_east tnr migrant_smuggling wildfires; do
  check "issue-$issue.svg" plot issue "$k" --issue "$issue"
done
check rift.svg plot rift "$k"
check compare-g5.svg plot compare "$g5"
check sweep.svg plot sweep "$k" --runs 20
check history-g7.svg plot history --forum G7
check history-g20.svg plot history --forum G20
check kananaskis.html report "$k"
check g5.html report "$g5" --forum G5 --runs 20
check g5-eum.html report "$g5" --forum G5 --model eum
check trajectory.svg plot trajectory "$g5" --forum G5 --model eum --issue ai
check network.graphml plot network "$g5" --forum G7 --model exchange --format graphml
check network.svg plot network "$g5" --forum G7 --model exchange
check g7-exchange.html report "$g5" --forum G7 --model exchange
check distribution.svg plot distribution "$k" --runs 20
check tipping.svg plot tipping "$k"
check cohesion.svg plot cohesion --members G7 --years 2000-2019 --by-year
check cohesion-g20.svg plot cohesion --members G20 --years 2010-2019
check power-eu27.svg plot power --game eu27
check power-forum.svg plot power --scenario "$k"
check calibration.svg plot calibration tests/data/backtest-mini --runs 10
check kananaskis-runs.html report "$k" --runs 20
[ "$status" -eq 0 ] && echo "report-wellformed: $n files well-formed"
exit "$status"
