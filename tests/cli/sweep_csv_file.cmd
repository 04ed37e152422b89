sweep tests/data/sweep_redline.yaml -n 20 --csv "${TMPDIR:-/tmp}/concert-sweep-$$.csv" >/dev/null && head -4 "${TMPDIR:-/tmp}/concert-sweep-$$.csv" && rm "${TMPDIR:-/tmp}/concert-sweep-$$.csv"
