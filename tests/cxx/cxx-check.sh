#!/bin/sh
# cxx-check.sh: libconcert is usable from C++ through its installed files. `cmake --install`
# into a temporary prefix, then tests/cxx/use_concert.cpp is compiled with g++ -std=c++17
# against the installed headers twice: once with the flags of the installed concert.pc
# (pkg-config), once through find_package(concert) (the installed CMake package config).
# Both programs run on a shipped scenario. Every public header must carry the guards.
# Usage: sh tests/cxx/cxx-check.sh BUILD_DIR SRCDIR CMAKE [EXTRA_FLAGS]
# EXTRA_FLAGS: compile and link flags the library was built with (sanitizers).
# Exit 0 when all hold, 77 without g++ or pkg-config, 1 otherwise.
set -u
build=$(cd "$1" && pwd) && src=$(cd "$2" && pwd) || exit 1
cmake=$3
extra=${4:-}
command -v g++ >/dev/null 2>&1 || { echo "cxx-check: no g++, skipped"; exit 77; }
command -v pkg-config >/dev/null 2>&1 || { echo "cxx-check: no pkg-config, skipped"; exit 77; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/concert-cxx.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
fail() { echo "cxx-check: $*"; exit 1; }
# Every public header (those added later too) carries the guards.
for h in "$src/include/concert.h" "$src"/include/concert/*.h "$src"/include/concert/*.h.in; do
  grep -q '^extern "C" {$' "$h" || fail "$h has no extern \"C\" guard"
done
prefix=$tmp/prefix
"$cmake" --install "$build" --prefix "$prefix" >"$tmp/install.log" 2>&1 ||
  { cat "$tmp/install.log"; fail "cmake --install failed"; }
pc=$(find "$prefix" -name concert.pc | head -n 1)
[ -n "$pc" ] || fail "no installed concert.pc"
cfg=$(find "$prefix" -name concertConfig.cmake | head -n 1)
[ -n "$cfg" ] || fail "no installed concertConfig.cmake"
[ -f "$prefix/include/concert/version.h" ] || fail "no installed concert/version.h"
libdir=$(dirname "$(dirname "$pc")")
scenario=$src/scenarios/g7-kananaskis-2025.yaml
export CONCERT_DATADIR="$src/data"

# 1. pkg-config (the .pc names the configured prefix: point it at the temporary one).
flags=$(PKG_CONFIG_PATH=$(dirname "$pc") pkg-config --define-variable=prefix="$prefix" \
        --cflags --libs concert) || fail "pkg-config --cflags --libs concert failed"
# shellcheck disable=SC2086
g++ -std=c++17 -Wall -Wextra -Werror $extra "$src/tests/cxx/use_concert.cpp" -o "$tmp/pc" \
    $flags -Wl,-rpath,"$libdir" 2>"$tmp/pc.log" ||
  { cat "$tmp/pc.log"; fail "g++ with pkg-config flags failed"; }
"$tmp/pc" "$scenario" || fail "the pkg-config build failed to run"

# 2. find_package(concert) from a CMake project.
mkdir "$tmp/proj"
cat >"$tmp/proj/CMakeLists.txt" <<CMAKE
cmake_minimum_required(VERSION 3.25)
project(use_concert LANGUAGES CXX)
find_package(concert 0.1 REQUIRED)
add_executable(use_concert $src/tests/cxx/use_concert.cpp)
set_target_properties(use_concert PROPERTIES CXX_STANDARD 17 CXX_STANDARD_REQUIRED ON)
target_link_libraries(use_concert PRIVATE concert::concert)
CMAKE
"$cmake" -S "$tmp/proj" -B "$tmp/proj/build" -DCMAKE_PREFIX_PATH="$prefix" \
  -DCMAKE_CXX_COMPILER=g++ -DCMAKE_CXX_FLAGS="$extra" -DCMAKE_EXE_LINKER_FLAGS="$extra" \
  >"$tmp/cmake.log" 2>&1 || { cat "$tmp/cmake.log"; fail "find_package(concert) failed"; }
"$cmake" --build "$tmp/proj/build" >"$tmp/build.log" 2>&1 ||
  { cat "$tmp/build.log"; fail "building against concert::concert failed"; }
"$tmp/proj/build/use_concert" "$scenario" || fail "the find_package build failed to run"
echo "cxx-check: g++ -std=c++17 builds and runs against the installed headers (pkg-config, find_package)"
