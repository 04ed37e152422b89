report scenarios/g7-kananaskis-2025.yaml -o "$tmp/r.html" && head -c 60 "$tmp/r.html"
