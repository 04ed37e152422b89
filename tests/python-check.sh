#!/bin/sh
# python-check.sh: the Python package's unittest suite (python/tests) and the Python
# examples of docs/python.md and README.md (doctest) against this build's libconcert.so and
# concert tool. Usage: sh tests/python-check.sh LIB CLI SRCDIR [PRELOAD]
# PRELOAD: the sanitizer runtimes a sanitized library needs loaded first in python3.
# Exit 77 (skipped) without python3.
set -u
command -v python3 >/dev/null 2>&1 || { echo "python-check: no python3, skipped"; exit 77; }
CONCERT_LIB=$1 CONCERT_CLI=$2
export CONCERT_LIB CONCERT_CLI
cd "$3" || exit 1
PYTHONPATH=$3/python${PYTHONPATH:+:$PYTHONPATH}
export PYTHONPATH
if [ -n "${4:-}" ]; then
  # python3 itself leaks by design: only the library's errors matter here.
  LD_PRELOAD=$4 ASAN_OPTIONS=detect_leaks=0
  export LD_PRELOAD ASAN_OPTIONS
fi
python3 -m unittest discover -s python/tests || exit 1
python3 -m doctest docs/python.md README.md || { echo "python-check: doctest failed"; exit 1; }
echo "python-check: unittest and the documented examples pass"
