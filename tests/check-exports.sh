#!/bin/sh
# Fails when the shared library exports a symbol outside the concert_ prefix.
bad=$(nm -D --defined-only "$1" | awk '$2 ~ /[TDBR]/ {print $3}' | grep -v '^concert_' | grep -v '^_')
if [ -n "$bad" ]; then echo "exported symbols outside concert_:"; echo "$bad"; exit 1; fi
echo "ok: only concert_ symbols exported"
