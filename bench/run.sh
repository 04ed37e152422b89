#!/bin/sh
# bench/run.sh BUILD: the benchmarks behind `make bench`. Times each case with hyperfine
# (median wall time, user time) and measures its peak RSS with /usr/bin/time -v, then
# prints one markdown table per area (paste into bench/README.md). Needs hyperfine, jq,
# GNU time and timeout. Environment: BENCH_LIMIT (seconds, default 120) skips a case
# whose single run takes longer; BENCH_SIZES (default "7 50 200 1000"); BENCH_OUT
# (default BUILD/bench/results) keeps the raw JSON and time -v logs.
set -eu
build=${1:-build}
bin=$build/bench
out=${BENCH_OUT:-$bin/results}
limit=${BENCH_LIMIT:-120}
sizes=${BENCH_SIZES:-"7 50 200 1000"}
mkdir -p "$out"
for tool in hyperfine jq timeout /usr/bin/time; do
  command -v "$tool" >/dev/null 2>&1 || { echo "bench/run.sh: $tool is missing" >&2; exit 1; }
done

# measure NAME CMD...: one markdown row "| in-process ms | median s | user s | peak RSS MB |"
# on stdout: the model's own time (median of in-process repeats, without process start-up),
# then hyperfine's median wall and mean user time of the whole process, then peak RSS.
measure() {
  name=$1
  shift
  if ! timeout "$limit" "$@" >"$out/$name.first" 2>&1; then
    echo "| skipped: one run exceeded ${limit} s or failed ($(head -c 120 "$out/$name.first" | tr '\n' ' ')) | | | |"
    return 0
  fi
  runs=10
  t=$(grep -o 'median *[0-9.]* ms' "$out/$name.first" | awk '{print $2}')
  case $t in '') ;; *) runs=$(awk -v t="$t" 'BEGIN { r = int(20000 / (t + 1)); if (r < 3) r = 3; if (r > 50) r = 50; print r }') ;; esac
  hyperfine -N --warmup 1 --runs "$runs" --export-json "$out/$name.json" "$*" >/dev/null 2>&1
  /usr/bin/time -v "$@" >/dev/null 2>"$out/$name.time"
  reps=$(awk -v t="${t:-1000}" 'BEGIN { r = int(2000 / (t + 0.01)); if (r < 1) r = 1; if (r > 201) r = 201; print r }')
  inproc=$("$@" --repeat "$reps" | grep -o 'median *[0-9.]* ms' | awk '{print $2}')
  med=$(jq '.results[0].median' "$out/$name.json")
  usr=$(jq '.results[0].user' "$out/$name.json")
  rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }' "$out/$name.time")
  printf '| %s | %s | %s | %s |\n' "$inproc" "$(awk -v x="$med" 'BEGIN { printf "%.4f", x }')" \
    "$(awk -v x="$usr" 'BEGIN { printf "%.4f", x }')" "$rss"
}

# ---- Models: every registered model on synthetic problems, EUM on jmckib's examples ----
echo "## Models"
echo
echo "| model | actors | issues | rounds | in-process ms | process median s | user s | peak RSS MB |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|"
for m in $("$bin/bench_models" --list); do
  for n in $sizes; do
    row=$(measure "model-$m-$n" "$bin/bench_models" --model "$m" --actors "$n" --issues 10)
    rounds=$(grep -o 'rounds *[0-9]*' "$out/model-$m-$n.first" 2>/dev/null | awk '{print $2}')
    echo "| $m | $n | 10 | ${rounds:-?} $row"
  done
done
jm="--param risk=observer --param denominator=all_pairs --param votes=risk --param compromise=eu_weighted --param capitulation=jmckib_typo --param range=fixed"
for n in $sizes; do
  # shellcheck disable=SC2086
  row=$(measure "eum-jmckib-$n" "$bin/bench_models" --model eum --actors "$n" --issues 10 $jm)
  echo "| eum, jmckib switches | $n | 10 | 10 $row"
done
echo
echo "| case (eum, jmckib switches, 10 rounds) | actors | Python s | in-process ms | ratio | process median s | user s | peak RSS MB |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|"
for c in emissions:10:4.50 sultan:17:119.7; do
  name=${c%%:*}
  rest=${c#*:}
  actors=${rest%%:*}
  py=${rest#*:}
  row=$(measure "case-$name" "$bin/bench_models" --case "$name")
  ms=$(echo "$row" | awk -F'|' '{ gsub(/ /, "", $2); print $2 }')
  ratio=$(awk -v p="$py" -v c="$ms" 'BEGIN { if (c > 0) printf "%.0f", 1000 * p / c; else print "?" }')
  echo "| $name | $actors | $py | $ms | ${ratio}x |$(echo "$row" | cut -d'|' -f3-)"
done

echo
echo "## Sweep (in process; summit runs per second per core, compromise, Kananaskis)"
echo
"$bin/bench_sweep" scenarios/g7-kananaskis-2025.yaml compromise 20000

echo
echo "## Sweep memory (whole process, peak RSS against RUNS, Kananaskis, 1 thread)"
echo
echo "| runs | wall s | peak RSS MB |"
echo "|---:|---:|---:|"
for n in ${BENCH_SWEEP_RUNS:-1000 10000 100000 1000000}; do
  /usr/bin/time -v "$build/concert" sweep scenarios/g7-kananaskis-2025.yaml -n "$n" \
    > /dev/null 2> "$out/sweep-mem-$n.log"
  awk -v n="$n" '/Elapsed \(wall clock\)/ { t = $NF; k = split(t, p, ":"); s = 0;
                   for (i = 1; i <= k; i++) s = s * 60 + p[i] }
                 /Maximum resident set size/ { m = $NF / 1024 }
                 END { printf "| %d | %.2f | %.1f |\n", n, s, m }' "$out/sweep-mem-$n.log"
done
