#!/usr/bin/env python3
"""csv-check.py: every command's --format csv is a rectangular table with the header
docs/csv.md documents, read back by Python's csv module, and by pandas when it is
installed (said so when it is not). Numbers in the numeric columns parse as floats (or are
empty: undefined); no cell says nan or inf.
Usage: csv-check.py CONCERT SRCDIR. Exit 0 when every table passes, 1 otherwise."""
import csv
import io
import math
import os
import re
import subprocess
import sys
import tempfile

concert, src = sys.argv[1], sys.argv[2]
os.chdir(src)

# section of docs/csv.md -> the command line that prints it (csv to stdout, or to a file)
CASES = [
    ("run", ["run", "scenarios/g5-2026.yaml", "--forum", "G5", "--format", "csv"]),
    ("solve", ["solve", "scenarios/g5-2026.yaml", "--forum", "G2", "--model", "eum", "--format", "csv"]),
    ("compare", ["compare", "scenarios/g5-2026.yaml", "--actor", "USA", "--format", "csv"]),
    ("compare --runs", ["compare", "scenarios/g5-2026.yaml", "--forums", "G7,G2", "--runs", "20", "--format", "csv"]),
    ("sweep", ["sweep", "scenarios/g5-2026.yaml", "--forum", "G2", "-n", "20", "--format", "csv"]),
    ("history", ["history", "--forum", "G7", "--format", "csv"]),
    ("cohesion", ["cohesion", "--members", "USA,CHN,RUS", "--years", "1990-1991", "--data", "tests/data/unga_tiny", "--format", "csv"]),
    ("power", ["power", "--game", "unsc", "--format", "csv"]),
    ("backtest", ["backtest", "tests/data/backtest-mini", "--format", "csv"]),
    ("sensitivity", ["sensitivity", "scenarios/g5-2026.yaml", "--forum", "G2", "--format", "csv"]),
    ("design", ["design", "scenarios/g5-2026.yaml", "--candidates", "USA,CHN,JPN,IND", "--size", "2", "--objective", "agreed", "--format", "csv"]),
    ("validate-models", ["validate-models", "--bootstrap", "20", "--models", "compromise", "tests/data/deu_ok.tsv", "--format", "csv"]),
    ("validate-models --predictions", ["validate-models", "--bootstrap", "0", "tests/data/deu_ok.tsv", "--predictions", "@FILE@"]),
]
NUMERIC = {"value", "se", "rank", "score", "score_se", "agreed", "agreed_se", "communique",
           "communique_se", "coverage", "evenness", "low", "high", "flip_at", "change", "year",
           "summit_no", "held", "flag", "outcome", "n", "skipped", "ci_low", "ci_high",
           "fold", "forecast", "lo50", "hi50", "lo80", "hi80"}


def documented_headers(path):
    heads, section = {}, None
    for line in open(path, encoding="utf-8"):
        m = re.match(r"^## (.+?)\s*$", line)
        if m:
            section = m.group(1)
        m = re.match(r"^Header: `([^`]*)`", line)
        if m and section:
            heads[section] = m.group(1).split(",")
    return heads


def main():
    heads = documented_headers("docs/csv.md")
    try:
        import pandas  # noqa: F401
        have_pandas = True
    except ImportError:
        have_pandas = False
        print("csv-check: pandas is not importable: checked with the csv module only")
    bad = 0
    with tempfile.TemporaryDirectory() as tmp:
        for section, args in CASES:
            out_file = os.path.join(tmp, "out.csv")
            argv = [concert] + [out_file if a == "@FILE@" else a for a in args]
            run = subprocess.run(argv, capture_output=True, text=True)
            if run.returncode != 0:
                print(f"csv-check: {section}: exit {run.returncode}: {run.stderr.strip()}")
                bad += 1
                continue
            text = open(out_file, encoding="utf-8").read() if "@FILE@" in args else run.stdout
            rows = list(csv.reader(io.StringIO(text, newline="")))
            want = heads.get(section)
            if want is None:
                print(f"csv-check: {section}: no 'Header:' line in docs/csv.md")
                bad += 1
                continue
            ok = rows and rows[0] == want
            if not ok:
                print(f"csv-check: {section}: header {rows[0] if rows else None} is not {want}")
                bad += 1
                continue
            width = len(rows[0])
            if len(rows) < 2:
                print(f"csv-check: {section}: no data row")
                bad += 1
            for i, r in enumerate(rows[1:], 2):
                if len(r) != width:
                    print(f"csv-check: {section}: row {i} has {len(r)} cells, the header {width}")
                    bad += 1
                    break
                for name, cell in zip(rows[0], r):
                    if cell.strip().lower() in ("nan", "-nan", "inf", "-inf"):
                        print(f"csv-check: {section}: row {i}: {name} is '{cell}'")
                        bad += 1
                    if name in NUMERIC and cell and not (section == "backtest" and r[0] == "fit"):
                        try:
                            if not math.isfinite(float(cell)):
                                raise ValueError
                        except ValueError:
                            if not (section == "solve" and name == "round"):
                                print(f"csv-check: {section}: row {i}: {name} '{cell}' is not a number")
                                bad += 1
            if have_pandas:
                import pandas as pd
                df = pd.read_csv(io.StringIO(text))
                if list(df.columns) != rows[0] or len(df) != len(rows) - 1:
                    print(f"csv-check: {section}: pandas reads {df.shape}, csv {len(rows) - 1} rows")
                    bad += 1
            print(f"csv-check: {section}: {len(rows) - 1} rows x {width} columns")
    if bad:
        print(f"csv-check: {bad} problem(s)")
        return 1
    print("csv-check: every table is rectangular with its documented header"
          + (" (csv and pandas)" if have_pandas else " (csv module)"))
    return 0


sys.exit(main())
