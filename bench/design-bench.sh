#!/bin/sh
# Whole-process timings of `concert design` on Kananaskis: all 16 actors as candidates,
# forums of 5 (4,368), template G7, at the point values and with --runs 100, at 1 and 2
# threads; median of 3 wall-clock times. Usage: design-bench.sh BUILD
set -eu
bin=${1:-build}/concert
cands=USA,CAN,FRA,DEU,ITA,JPN,GBR,EU,AUS,BRA,IND,IDN,KOR,MEX,ZAF,UKR
echo "| runs per forum | threads | wall (s), median of 3 |"
echo "|---:|---:|---:|"
for runs in 1 100; do
  for t in 1 2; do
    times=""
    for i in 1 2 3; do
      s=$(date +%s.%N)
      "$bin" design scenarios/g7-kananaskis-2025.yaml --candidates $cands --size 5 \
        --template G7 --runs $runs --threads $t --top 1 > /dev/null
      e=$(date +%s.%N)
      times="$times $(echo "$e - $s" | bc)"
    done
    med=$(printf '%s\n' $times | sort -n | sed -n 2p)
    printf '| %s | %s | %.2f |\n' "$runs" "$t" "$med"
  done
done
