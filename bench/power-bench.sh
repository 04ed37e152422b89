#!/bin/sh
# power-bench.sh: times `concert`'s power indices on the data/power games and on synthetic
# games of growing size; prints the markdown tables of bench/README.md (## Voting power).
# usage: sh bench/power-bench.sh [BUILD_DIR]   (run from the source folder; needs hyperfine)
set -eu
B=${1:-build}/bench/bench_power
[ -x "$B" ] || { echo "power-bench: build $B first" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# EPIC figures from issue 4 (seconds): Banzhaf / Shapley-Shubik, "-" = not given
epic() {
  case "$1:$2" in
    eu27:banzhaf) echo 0.07 ;; imf2016_bps_50:banzhaf) echo 0.06 ;;
    imflike200_50:banzhaf) echo 4.0 ;; eu27:shapley) echo 1.05 ;;
    imf2016_bps_50:shapley) echo 6.7 ;; imflike200_50:shapley) echo 270 ;;
    *) echo - ;;
  esac
}

echo "| game | n | index | median wall (s) | min wall (s) | CPU user+sys (s) | peak RSS (MB) | EPIC (s) | EPIC / median wall | EPIC / CPU |"
echo "|---|---:|---|---:|---:|---:|---:|---:|---:|---:|"
for g in unsc eu27 eu27_rqmv imf2016_bps_50 imf2016_bps_85 imflike200_50 imflike200_85; do
  for idx in banzhaf shapley; do
    runs=20
    [ "$g:$idx" = imflike200_50:shapley ] || [ "$g:$idx" = imflike200_85:shapley ] && runs=5
    hyperfine -N -w 1 -r $runs --export-json "$tmp/h.json" "$B --repeat 1 --index $idx $g" \
      >/dev/null 2>&1
    /usr/bin/time -v "$B" --repeat 1 --index $idx $g >/dev/null 2>"$tmp/t.txt"
    rss=$(awk -F: '/Maximum resident/ {printf "%.1f", $2/1024}' "$tmp/t.txt")
    n=$("$B" --repeat 1 --index banzhaf $g | awk 'NR==2 {print $2}')
    python3 - "$tmp/h.json" "$g" "$n" "$idx" "$rss" "$(epic $g $idx)" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"][0]
med, mn, cpu = r["median"], r["min"], r["user"] + r["system"]
epic = sys.argv[6]
ratio = "-" if epic == "-" else "%.0fx" % (float(epic) / med)
rcpu = "-" if epic == "-" else "%.0fx" % (float(epic) / cpu)
if sys.argv[2].startswith("imflike200") and sys.argv[4] == "shapley" and epic != "-":
    epic, ratio, rcpu = "> 270 (not finished)", "> %.0fx" % (270 / med), "> %.0fx" % (270 / cpu)
print("| %s | %s | %s | %.4f | %.4f | %.4f | %s | %s | %s | %s |" % (sys.argv[2], sys.argv[3],
      sys.argv[4], med, mn, cpu, sys.argv[5], epic, ratio, rcpu))
PY
  done
done

echo
echo "Growth (CPU seconds inside the process, median of 3; synthetic rand:N:W games):"
echo
echo '```'
"$B" --repeat 3 rand:50:1000000 rand:100:1000000 rand:200:1000000 rand:400:1000000
"$B" --repeat 3 rand:200:100000 rand:200:10000000
echo '```'
