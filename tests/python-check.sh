#!/bin/sh
# python-check.sh: the Python package's unittest suite (python/tests) against this build's
# libconcert.so and concert tool. Usage: sh tests/python-check.sh LIB CLI SRCDIR [PRELOAD]
# PRELOAD: the sanitizer runtimes a sanitized library needs loaded first in python3.
# Exit 77 (skipped) without python3.
set -u
command -v python3 >/dev/null 2>&1 || { echo "python-check: no python3, skipped"; exit 77; }
CONCERT_LIB=$1 CONCERT_CLI=$2
export CONCERT_LIB CONCERT_CLI
cd "$3" || exit 1
if [ -n "${4:-}" ]; then
  # python3 itself leaks by design: only the library's errors matter here.
  LD_PRELOAD=$4 ASAN_OPTIONS=detect_leaks=0 exec python3 -m unittest discover -s python/tests
fi
exec python3 -m unittest discover -s python/tests
