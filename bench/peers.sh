#!/bin/sh
# bench/peers.sh BUILD [RUNS]: the whole-process times behind bench/README.md, "Start-up and
# like-for-like comparisons": /bin/true and an idle `concert models` (start-up), then the
# `concert` tool itself, start-up included, on the same inputs as the peers' recorded
# whole-process times (jmckib's Python EUM on the two BDM examples, KTAB's smpc on its CSVs,
# EPIC on the power games). Prints one markdown row per case: median and min wall time, mean
# user+sys CPU (hyperfine -N, 3 warm-ups). Needs hyperfine and jq. Run from the source tree.
set -eu
build=${1:-build}
runs=${2:-30}
tool=$build/concert
for t in hyperfine jq; do
  command -v "$t" >/dev/null 2>&1 || { echo "bench/peers.sh: $t is missing" >&2; exit 1; }
done
json=$(mktemp)
trap 'rm -f "$json"' EXIT
J="--param risk=observer --param denominator=all_pairs --param votes=risk"
J="$J --param compromise=eu_weighted --param capitulation=jmckib_typo --param range=fixed"
echo "| case | command | median ms | min ms | user+sys ms |"
echo "|---|---|---:|---:|---:|"
while IFS='|' read -r name cmd; do
  hyperfine -N --warmup 3 --runs "$runs" --export-json "$json" "$cmd" >/dev/null 2>&1 ||
    { echo "| $name | \`$cmd\` | failed | | |"; continue; }
  jq -r --arg n "$name" --arg c "$cmd" '.results[0] |
    "| \($n) | `\($c)` | \(.median*1000*100|round/100) | \(.min*1000*100|round/100) | \((.user+.system)*1000*100|round/100) |"' "$json"
done <<EOF2
start-up, /bin/true|/bin/true
start-up, idle tool|$tool models
EUM emissions (10 actors)|$tool solve tests/data/table_bdm1994_emission_standards_mckibben.csv --model eum $J
EUM Sultan (17 actors)|$tool solve tests/data/table_sultan_oil_mckibben.csv --model eum $J
SMP 7 x 3|$tool solve data/ktab/smp/dummyData_3Dim.csv --model smp
SMP 13 x 2|$tool solve data/ktab/smp/SOE-Pol-Comp.csv --model smp
SMP 50 x 3|$tool solve data/ktab/synthetic/synth_50x3.csv --model smp
SMP 100 x 3|$tool solve data/ktab/synthetic/synth_100x3.csv --model smp
Banzhaf EU-27|$tool power --game eu27 --index banzhaf
Shapley-Shubik EU-27|$tool power --game eu27 --index shapley
Banzhaf IMF 2016|$tool power --game imf2016_bps_50 --index banzhaf
Shapley-Shubik IMF 2016|$tool power --game imf2016_bps_50 --index shapley
Banzhaf imflike200_50|$tool power --game imflike200_50 --index banzhaf
EOF2
