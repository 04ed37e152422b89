#!/bin/sh
# Installs the Debian 12 packages concert builds and tests with (`setup-deps.sh build`: only
# those building and installing need). As root it runs apt-get; otherwise it prints the
# exact apt-get line and fails, so nothing half-works.
# libigraph-dev gives igraph's headers; at run time the library opens libigraph.so.3
# (Debian libigraph3) only for deal networks: a binary package should recommend it.
set -eu
PKGS="cmake make gcc pkg-config libfyaml-dev libjansson-dev libcsv-dev libgsl-dev librandom123-dev libigraph-dev libgmp-dev libsqlite3-dev openmpi-bin libopenmpi-dev scdoc"
[ "${1:-}" = build ] || PKGS="$PKGS check python3 python3-pandas g++ libxml2-utils chromium"
missing=""
for p in $PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ]; then
  echo "setup: installing:$missing"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing
else
  echo "setup: missing Debian packages:$missing" >&2
  echo "setup: run as root:  apt-get install -y$missing" >&2
  exit 1
fi
