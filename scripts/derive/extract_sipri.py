#!/usr/bin/env python3
"""extract_sipri.py: cut the SIPRI figures the scenarios need out of the full SIPRI table.

SIPRI's licence for redistribution is unclear (data/world/PROVENANCE.md), so the project
ships only this extract: one row per country the scenarios use (military expenditure in
2024, current US$ m) plus one derived row, WORLD_SUM, the sum over every country of the
table with a 2024 value. It was run once against the shared copy of the table:

    python3 scripts/derive/extract_sipri.py /work/shared/data/world/sipri_milex.csv \
        data/world/focus_countries.csv > data/world/sipri_milex_2024_extract.csv

It is not part of the reproducibility check (the full table is not shipped).
Python 3 standard library only.
"""
import csv
import sys

YEAR = "2024"
# Countries outside focus_countries.csv that the Kananaskis scenario invites.
EXTRA = {"ARE": "United Arab Emirates"}


def main(argv):
    if len(argv) != 3:
        sys.stderr.write("usage: extract_sipri.py SIPRI_MILEX.csv FOCUS_COUNTRIES.csv\n")
        return 2
    names = {}
    with open(argv[2], newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            names[row["sipri_country_name"]] = row["iso3"]
    for iso3, name in EXTRA.items():
        names[name] = iso3
    found = {}
    total = 0.0
    n = 0
    with open(argv[1], newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["year"] != YEAR or row["milex_current_usd_m"] == "":
                continue
            v = float(row["milex_current_usd_m"])
            total += v
            n += 1
            if row["country"] in names:
                found[names[row["country"]]] = (row["country"], row["milex_current_usd_m"])
    w = csv.writer(sys.stdout, lineterminator="\n")
    w.writerow(["iso3", "sipri_country", "year", "milex_current_usd_m", "note"])
    for name, iso3 in sorted(names.items(), key=lambda t: t[1]):
        if iso3 in found:
            w.writerow([iso3, found[iso3][0], YEAR, found[iso3][1], ""])
        else:
            w.writerow([iso3, name, YEAR, "", "no 2024 value in the SIPRI table"])
    w.writerow(["WORLD_SUM", "sum of all countries with a 2024 value", YEAR,
                "%.1f" % total, "%d countries" % n])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
