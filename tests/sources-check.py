#!/usr/bin/env python3
"""sources-check.py ROOT: every source id the repository uses resolves to a full reference in it.

Ids (a capital prefix of 1 to 4 letters and 2 or 3 digits: S42, P07, TAO01) are used
  - in the `source_ids` or `sources` column of every CSV under data/ (';'-separated);
  - in square brackets in the scenarios (scenarios/**/*.yaml), where a `source` string cites
    "[S42, P07]", and in the prose of data/**/*.md, docs/**/*.md and README.md ("[R01]",
    "[S49 vs S50/S61]"; a Markdown link "[text](address)" and Markdown code are not citations).
They are defined by one row of a Markdown table whose first cell is the id, in data/SOURCES.md,
in a PROVENANCE page under data/ (data/**/PROVENANCE*.md) or in a recorded scenario's
sources page (scenarios/**/sources/*.md). A definition is a full
reference only when its row gives an address (http:// or https://), a DOI or a handle.

Prints every id used, with where it is used and where it resolves, and exits 1 when an id is
used without a definition, is defined twice with no address in common (a second row may word
it differently but must name the same page), is defined without an
address, or when a `source_ids` cell holds something that is not an id. Python 3 standard
library only.
"""
import csv
import glob
import os
import re
import sys

ID = re.compile(r"[A-Z]{1,4}[0-9]{2,3}")
ROW = re.compile(r"^\|\s*([A-Z]{1,4}[0-9]{2,3})\s*\|(.*)\|\s*$")
BRACKET = re.compile(r"\[([^\[\]\n]*)\](?!\()")
REFERENCE = re.compile(r"https?://|\bdoi:|\bhdl:", re.IGNORECASE)


def rel(root, path):
    return os.path.relpath(path, root)


def registry_files(root):
    files = [os.path.join(root, "data", "SOURCES.md")]
    files += sorted(glob.glob(os.path.join(root, "data", "**", "PROVENANCE*.md"), recursive=True))
    files += sorted(glob.glob(os.path.join(root, "scenarios", "**", "sources", "*.md"),
                              recursive=True))
    return [f for f in files if os.path.isfile(f)]


ADDRESS = re.compile(r"https?://[^\s|)>\]]+")


def read_definitions(root, errors):
    defs = {}  # id -> (file, line number, row text)
    for path in registry_files(root):
        with open(path, encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                m = ROW.match(line.rstrip("\n"))
                if not m:
                    continue
                sid, body = m.group(1), m.group(2).strip()
                where = f"{rel(root, path)}:{n}"
                if not REFERENCE.search(body):
                    errors.append(f"{where}: {sid}: no address, DOI or handle: not a full reference")
                # a second row for an id (a table that lists the sources it uses, such as
                # data/record/PROVENANCE.md) may word it differently, but must name the
                # same page: at least one address in common
                if sid in defs and defs[sid][2] != body and not (
                        set(ADDRESS.findall(defs[sid][2])) & set(ADDRESS.findall(body))):
                    errors.append(f"{where}: {sid}: defined again with another address "
                                  f"(first at {defs[sid][0]})")
                    continue
                defs.setdefault(sid, (where, n, body))
    return defs


def cite(uses, sid, where):
    uses.setdefault(sid, [])
    if where not in uses[sid]:
        uses[sid].append(where)


def bracket_ids(text, markdown, registry=False):
    """Yields (line number, id) for every id inside square brackets. In Markdown, code (fenced
    blocks and `spans`: examples and command synopses) cites nothing."""
    fenced = False
    for n, line in enumerate(text.splitlines(), 1):
        if markdown:
            if line.lstrip().startswith("```"):
                fenced = not fenced
                continue
            if fenced:
                continue
            line = re.sub(r"`[^`]*`", "", line)
            if registry and ROW.match(line):
                continue
        for m in BRACKET.finditer(line):
            for token in re.split(r"[^A-Za-z0-9]+", m.group(1)):
                if ID.fullmatch(token):
                    yield n, token


def read_uses(root, errors):
    uses = {}
    registries = set(os.path.abspath(f) for f in registry_files(root))
    for path in sorted(glob.glob(os.path.join(root, "data", "**", "*.csv"), recursive=True)):
        with open(path, newline="", encoding="utf-8") as fh:
            reader = csv.reader(fh)
            header = next(reader, [])
            names = [c for c in ("source_ids", "sources") if c in header]
            if not names:
                continue
            col = header.index(names[0])
            for row in reader:
                if col >= len(row):
                    continue
                for token in re.split(r"[;\s]+", row[col].strip()):
                    if not token:
                        continue
                    where = f"{rel(root, path)}:{reader.line_num}"
                    if not ID.fullmatch(token):
                        errors.append(f"{where}: {names[0]}: '{token}' is not a source id")
                        continue
                    cite(uses, token, where)
    texts = glob.glob(os.path.join(root, "scenarios", "**", "*.yaml"), recursive=True)
    texts += glob.glob(os.path.join(root, "data", "**", "*.md"), recursive=True)
    texts += glob.glob(os.path.join(root, "docs", "**", "*.md"), recursive=True)
    texts += [os.path.join(root, "README.md")]
    texts += list(registries)
    for path in sorted(set(os.path.abspath(t) for t in texts)):
        if not os.path.isfile(path):
            continue
        with open(path, encoding="utf-8") as fh:
            for n, sid in bracket_ids(fh.read(), path.endswith(".md"), path in registries):
                cite(uses, sid, f"{rel(root, path)}:{n}")
    return uses


def main(argv):
    if len(argv) != 2:
        print("usage: sources-check.py ROOT", file=sys.stderr)
        return 2
    root = argv[1]
    errors = []
    defs = read_definitions(root, errors)
    uses = read_uses(root, errors)
    unresolved = 0
    for sid in sorted(uses):
        places = uses[sid]
        shown = ", ".join(sorted(set(p.rsplit(":", 1)[0] for p in places)))
        if sid in defs:
            print(f"{sid:7} {len(places):3} uses  -> {defs[sid][0]}  ({shown})")
        else:
            unresolved += 1
            print(f"{sid:7} {len(places):3} uses  -> UNRESOLVED  ({shown})")
            errors.append(f"{places[0]}: {sid}: no reference in data/SOURCES.md, "
                          "data/**/PROVENANCE*.md or scenarios/**/sources/*.md")
    unused = sorted(set(defs) - set(uses))
    print(f"{len(uses)} source ids used, {len(uses) - unresolved} resolved in the repository, "
          f"{unresolved} unresolved; {len(defs)} defined, {len(unused)} of them unused"
          + (f" ({' '.join(unused)})" if unused else ""))
    for e in errors:
        print(f"sources-check: {e}", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
