#!/usr/bin/env python3
"""unga_issue_support.py: per country, calendar year and issue family, how far a country
supported the UN General Assembly's recorded-vote resolutions of that family.

Writes OUT/unga_issue_support.csv with the columns
  iso3      ISO 3166-1 alpha-3 code (data/derived/unga_country_iso3.csv maps the vote
            tables' country codes; former states get ISO 3166-3 codes)
  year      calendar year of the vote date
  family    co, di, ec, hr, me, nu (Voeten's issue codes) or ua (Ukraine, see below)
  n_votes   the family's roll calls of that year on which the country voted yes, abstain or no
  support   mean over those roll calls of yes = 1, abstain = 0.5, no = 0, 4 decimals
sorted by (iso3, year, family), LF line ends: the output is deterministic.

Inputs
  1946-2019 (and 74/267 of 14 Jan 2020): data/world/unga_votes.csv, unga_roll_calls.csv and
            unga_roll_call_issues.csv of this repository (Voeten's data, CC0).
  2020-2025: SHARED/unga_votes_2020_2025.csv, unga_roll_calls_2020_2025.csv and
            unga_roll_call_issues_2020_2025.csv (United Nations DGACM extracts; the issue codes
            are a keyword rule, see SHARED/PROVENANCE.md section 10). These rows are the
            United Nations' and are not shipped; only this derived table is.
  Titles for the `ua` family of 1946-2019: SHARED/unga_roll_calls.csv (the full copy of
            Voeten's roll-call table; the repository's copy drops the title columns).

Family `ua`: a roll call whose title matches the word UKRAINE, or CRIMEA, or SEVASTOPOL,
plus every resolution of the eleventh emergency special session (symbol .../ES-11/...),
in both eras. The title is `short` for 2020-2025; for 1946-2019 it is `short` and the first
160 characters of `descr` (Voeten's `short` is often a subject heading and `descr` holds the
title, or for some rows the meeting record, whose later text names voting countries).

Usage: python3 scripts/derive/unga_issue_support.py SHARED [SRCDIR [OUTDIR]]
SHARED is the folder of the 2020-2025 files (the project's shared data/world); SRCDIR the
repository root (default: two levels above this file); OUTDIR defaults to
SRCDIR/data/derived. Python 3 standard library only.
"""
import csv
import os
import re
import sys

FAMILIES = ("co", "di", "ec", "hr", "me", "nu", "ua")
VALUE = {"yes": 1.0, "abstain": 0.5, "no": 0.0}
UA_TITLE = re.compile(r"\bUKRAINE\b|CRIMEA|SEVASTOPOL")
UA_SYMBOL = re.compile(r"ES-11/")
DESCR_CHARS = 160


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def roll_calls(path, titles_path=None):
    """rcid -> (year, is_ua) from a roll-call table; titles from titles_path if given."""
    rows = read_csv(path)
    text = {}
    for r in read_csv(titles_path) if titles_path else rows:
        t = r.get("short", "")
        if titles_path:
            t += " " + r.get("descr", "")[:DESCR_CHARS]
        text[r["rcid"]] = (t.upper(), r.get("unres", ""))
    out = {}
    for r in rows:
        t, sym = text.get(r["rcid"], ("", r.get("unres", "")))
        ua = bool(UA_TITLE.search(t)) or bool(UA_SYMBOL.search(sym or r.get("unres", "")))
        out[r["rcid"]] = (int(r["date"][:4]), ua)
    return out


def main(argv):
    if len(argv) < 2:
        sys.stderr.write(__doc__)
        return 2
    shared = argv[1]
    here = os.path.dirname(os.path.abspath(__file__))
    src = argv[2] if len(argv) > 2 else os.path.normpath(os.path.join(here, "..", ".."))
    out = argv[3] if len(argv) > 3 else os.path.join(src, "data", "derived")
    world = os.path.join(src, "data", "world")

    iso3 = {r["country_code"]: r["iso3"]
            for r in read_csv(os.path.join(src, "data", "derived", "unga_country_iso3.csv"))}
    eras = [
        (os.path.join(world, "unga_votes.csv"),
         roll_calls(os.path.join(world, "unga_roll_calls.csv"),
                    os.path.join(shared, "unga_roll_calls.csv")),
         os.path.join(world, "unga_roll_call_issues.csv")),
        (os.path.join(shared, "unga_votes_2020_2025.csv"),
         roll_calls(os.path.join(shared, "unga_roll_calls_2020_2025.csv")),
         os.path.join(shared, "unga_roll_call_issues_2020_2025.csv")),
    ]
    acc = {}   # (iso3, year, family) -> [n, sum]
    seen = set()
    for votes, calls, issues in eras:
        fams = {}
        for r in read_csv(issues):
            fams.setdefault(r["rcid"], set()).add(r["short_name"])
        for rcid, (_, ua) in calls.items():
            if ua:
                fams.setdefault(rcid, set()).add("ua")
        for r in read_csv(votes):
            v = VALUE.get(r["vote"])
            if v is None or r["rcid"] not in fams:
                continue
            code = iso3.get(r["country_code"])
            if code is None:
                raise SystemExit("%s: country code %s has no ISO3 in unga_country_iso3.csv"
                                 % (votes, r["country_code"]))
            if r["rcid"] not in calls:
                raise SystemExit("%s: roll call %s has no date" % (votes, r["rcid"]))
            if (code, r["rcid"]) in seen:
                raise SystemExit("%s: %s votes twice on roll call %s" % (votes, code, r["rcid"]))
            seen.add((code, r["rcid"]))
            year = calls[r["rcid"]][0]
            for fam in fams[r["rcid"]]:
                if fam not in FAMILIES:
                    raise SystemExit("%s: unknown issue code %s" % (issues, fam))
                a = acc.setdefault((code, year, fam), [0, 0.0])
                a[0] += 1
                a[1] += v
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "unga_issue_support.csv"), "w", newline="",
              encoding="utf-8") as f:
        wr = csv.writer(f, lineterminator="\n")
        wr.writerow(["iso3", "year", "family", "n_votes", "support"])
        for (code, year, fam) in sorted(acc):
            n, s = acc[(code, year, fam)]
            wr.writerow([code, year, fam, n, "%.4f" % (s / n)])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
