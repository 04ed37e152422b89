#!/usr/bin/env python3
"""derive_milex.py: derive the military-expenditure figures that concert ships.

Reads SIPRI's military expenditure table as reshaped in the shared data folder
(sipri_milex.csv, column milex_current_usd_m) and the crosswalk focus_countries.csv, and
writes data/derived/milex/milex_current_usd.csv with only what the measures need:

  * one row per (focus country, year) with a current-US$ value, keyed by ISO3;
  * one row per year with code WLD: the sum of the current-US$ values of every SIPRI
    country that has one that year, the "European Union" entry (spending of the EU
    institutions, not an aggregate of its members) left out.

Exact zeros are dropped from the country rows (they are conversion artefacts, e.g. Russia
1987-1992 beside the USSR); they add nothing to the world sums. The method and its
caveats are in data/derived/PROVENANCE-milex.md.

Usage: scripts/derive_milex.py [SHARED_WORLD_DIR] [OUT_CSV]
  defaults: /work/shared/data/world  data/derived/milex/milex_current_usd.csv
"""
import csv
import os
import sys
from collections import defaultdict


def main() -> int:
    src = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data/world"
    out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "data", "derived", "milex",
        "milex_current_usd.csv")
    with open(os.path.join(src, "focus_countries.csv"), encoding="utf-8", newline="") as f:
        focus = {r["sipri_country_name"]: r["iso3"] for r in csv.DictReader(f)}
    rows = []
    world = defaultdict(float)
    world_n = defaultdict(int)
    with open(os.path.join(src, "sipri_milex.csv"), encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            v = r["milex_current_usd_m"]
            if v == "":
                continue
            x = float(v)
            y = int(r["year"])
            if r["country"] != "European Union":
                world[y] += x
                world_n[y] += 1
            iso3 = focus.get(r["country"])
            if iso3 and x > 0:
                rows.append((iso3, y, x, r["country"]))
    missing = sorted(set(focus) - {r[3] for r in rows})
    if missing:
        print("focus countries without SIPRI rows:", missing, file=sys.stderr)
    rows.sort(key=lambda t: (t[0], t[1]))
    with open(out, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["iso3", "year", "milex_current_usd_m", "sipri_country"])
        for iso3, y, x, name in rows:
            w.writerow([iso3, y, f"{x:.1f}", name])
        for y in sorted(world):
            w.writerow(["WLD", y, f"{world[y]:.1f}",
                        f"World: sum of {world_n[y]} SIPRI countries"])
    print(f"{out}: {len(rows)} country rows, {len(world)} world rows", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
