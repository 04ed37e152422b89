#!/usr/bin/env python3
"""derive.py: derive the scenarios' capabilities and UNGA alignment scores from real data.

Reads data/world/ (World Bank GDP and population, the SIPRI 2024 extract, the
Bailey-Strezhnev-Voeten ideal points, the country crosswalk) and writes two tables:

  OUT/capabilities.csv     capability = mean of world shares of GDP (current US$, 2023),
                           military expenditure (current US$, 2024) and population (2023),
                           in percent of the world; a CINC-like composite
  OUT/unga_alignment.csv   mean ideal point 2019-2023 and its linear map onto 0..100
                           (world minimum -> 0, world maximum -> 100), mean USAgree

Usage: python3 scripts/derive/derive.py [SRCDIR [OUTDIR]]
SRCDIR defaults to the repository root (two levels above this file), OUTDIR to
SRCDIR/data/derived. The output is deterministic: fixed row order, fixed decimals, LF.
The method and every constant are documented in docs/scenarios.md.
Python 3 standard library only.
"""
import csv
import os
import sys

GDP_YEAR = "2023"        # latest year in wb_gdp_current_usd.csv
POP_YEAR = "2023"        # same year as GDP
MILEX_YEAR = "2024"      # latest year of the SIPRI 2025 release
IP_FIRST, IP_LAST = 2019, 2023   # last five UNGA sessions (74-78) in the BSV file
IP_MIN_YEARS = 3         # a state needs at least 3 of the 5 years to enter the min/max

# The actors of the two scenarios, in output order. EU27 and EU_REST are aggregates:
# EU27 = the 27 member states; EU_REST = EU27 minus its three G7 members (DEU, FRA, ITA),
# the capability the EU brings to the G7 table beyond members already seated there.
ACTORS = ["USA", "CAN", "FRA", "DEU", "ITA", "JPN", "GBR", "EU27", "EU_REST",
          "CHN", "RUS", "IND", "AUS", "KOR", "MEX", "ZAF", "BRA", "IDN", "SAU", "ARE"]
EU_IN_G7 = ("DEU", "FRA", "ITA")


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def wb_values(path, year):
    """World Bank long table -> {code: value} for one year."""
    out = {}
    for r in read_csv(path):
        if r["Year"] == year and r["Value"] != "":
            out[r["Country Code"]] = float(r["Value"])
    return out


def fmt(x, nd):
    return "" if x is None else ("%." + str(nd) + "f") % x


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    src = argv[1] if len(argv) > 1 else os.path.normpath(os.path.join(here, "..", ".."))
    out = argv[2] if len(argv) > 2 else os.path.join(src, "data", "derived")
    world = os.path.join(src, "data", "world")
    os.makedirs(out, exist_ok=True)

    focus = read_csv(os.path.join(world, "focus_countries.csv"))
    eu27 = sorted(r["iso3"] for r in focus if "EU27" in r["groups"].split(";"))
    if len(eu27) != 27:
        raise SystemExit("focus_countries.csv: expected 27 EU members, found %d" % len(eu27))
    members = {"EU27": eu27, "EU_REST": [c for c in eu27 if c not in EU_IN_G7]}

    gdp = wb_values(os.path.join(world, "wb_gdp_current_usd.csv"), GDP_YEAR)
    pop = wb_values(os.path.join(world, "wb_population.csv"), POP_YEAR)
    milex = {}
    for r in read_csv(os.path.join(world, "sipri_milex_2024_extract.csv")):
        if r["year"] == MILEX_YEAR and r["milex_current_usd_m"] != "":
            milex[r["iso3"]] = float(r["milex_current_usd_m"]) * 1e6
    w_gdp, w_pop, w_mil = gdp["WLD"], pop["WLD"], milex["WORLD_SUM"]

    def agg(table, code):
        if code in members:
            vals = [table.get(c) for c in members[code]]
            return None if any(v is None for v in vals) else sum(vals)
        return table.get(code)

    # ---- capabilities -------------------------------------------------------------
    rows = []
    for code in ACTORS:
        g, p, m = agg(gdp, code), agg(pop, code), agg(milex, code)
        # EU aggregates: take the World Bank's own EU aggregate where it exists (EUU),
        # so the EU27 GDP and population are the WB figures, not our sum.
        if code == "EU27":
            g, p = gdp["EUU"], pop["EUU"]
        elif code == "EU_REST":
            g = gdp["EUU"] - sum(gdp[c] for c in EU_IN_G7)
            p = pop["EUU"] - sum(pop[c] for c in EU_IN_G7)
        shares = [100 * g / w_gdp if g is not None else None,
                  100 * m / w_mil if m is not None else None,
                  100 * p / w_pop if p is not None else None]
        have = [s for s in shares if s is not None]
        cap = sum(have) / len(have)
        note = "" if len(have) == 3 else "mean of the %d shares available (no SIPRI 2024 value)" % len(have)
        rows.append([code, fmt(g / 1e9, 1), fmt(None if m is None else m / 1e9, 1),
                     fmt(p / 1e6, 2), fmt(shares[0], 3), fmt(shares[1], 3),
                     fmt(shares[2], 3), fmt(cap, 2), note])
    rows.append(["WORLD", fmt(w_gdp / 1e9, 1), fmt(w_mil / 1e9, 1), fmt(w_pop / 1e6, 2),
                 "100.000", "100.000", "100.000", "", "WB WLD aggregate; SIPRI sum of countries"])
    with open(os.path.join(out, "capabilities.csv"), "w", newline="", encoding="utf-8") as f:
        wr = csv.writer(f, lineterminator="\n")
        wr.writerow(["actor", "gdp_2023_usd_bn", "milex_2024_usd_bn", "pop_2023_m",
                     "share_gdp_pct", "share_milex_pct", "share_pop_pct", "capability",
                     "note"])
        wr.writerows(rows)

    # ---- UNGA alignment -----------------------------------------------------------
    ip, usa = {}, {}
    for r in read_csv(os.path.join(world, "unga_ideal_points_bsv_jun2024.csv")):
        y = int(r["year"])
        if not IP_FIRST <= y <= IP_LAST or r["IdealPointAll"] == "NA":
            continue
        ip.setdefault(r["iso3c"], []).append(float(r["IdealPointAll"]))
        if r["USAgree"] != "NA":
            usa.setdefault(r["iso3c"], []).append(float(r["USAgree"]))
    mean = {c: sum(v) / len(v) for c, v in ip.items() if len(v) >= IP_MIN_YEARS}
    lo_c = min(mean, key=lambda c: (mean[c], c))
    hi_c = max(mean, key=lambda c: (mean[c], c))
    lo, hi = mean[lo_c], mean[hi_c]

    def align(t):
        return 100 * (t - lo) / (hi - lo)

    rows = []
    for code in ACTORS:
        if code in members:
            vals = [mean[c] for c in members[code]]
            t = sum(vals) / len(vals)
            ua = [sum(usa[c]) / len(usa[c]) for c in members[code]]
            rows.append([code, str(len(vals)) + " states", fmt(t, 4),
                         fmt(sum(ua) / len(ua), 3), fmt(align(t), 1),
                         "unweighted mean over the member states"])
        else:
            t = mean[code]
            ua = usa.get(code, [])
            rows.append([code, str(len(ip[code])), fmt(t, 4),
                         fmt(sum(ua) / len(ua), 3) if ua else "", fmt(align(t), 1), ""])
    srt = sorted(mean.values())
    med = srt[len(srt) // 2] if len(srt) % 2 else (srt[len(srt) // 2 - 1] + srt[len(srt) // 2]) / 2
    rows.append(["WORLD_MIN", lo_c, fmt(lo, 4), "", "0.0", "lowest mean of %d states" % len(mean)])
    rows.append(["WORLD_MEDIAN", "", fmt(med, 4), "", fmt(align(med), 1), "median state"])
    rows.append(["WORLD_MAX", hi_c, fmt(hi, 4), "", "100.0", "highest mean"])
    with open(os.path.join(out, "unga_alignment.csv"), "w", newline="", encoding="utf-8") as f:
        wr = csv.writer(f, lineterminator="\n")
        wr.writerow(["actor", "years", "ideal_point_mean_2019_2023", "usagree_mean_2019_2023",
                     "alignment_0_100", "note"])
        wr.writerows(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
