#!/usr/bin/env python3
"""check_scenarios.py: the shipped scenarios use the derived numbers, not stale copies.

For each scenarios/*.yaml it checks, line by line (the files keep one actor field or one
stance per line, so no YAML parser is needed):
  - every actor's capability equals data/derived/capabilities.csv (EU -> row EU_REST);
  - every stance whose source begins "UNGA alignment" has the position of
    data/derived/unga_alignment.csv (EU -> row EU27), and every "not an MSP member" stance
    the actor's alignment score too.
Usage: python3 scripts/derive/check_scenarios.py [SRCDIR]. Exit 0 when all match, 1 if not.
Python 3 standard library only.
"""
import csv
import glob
import os
import re
import sys

ACTOR = re.compile(r"^\s*- id: ([A-Z][A-Z0-9_]*)\s*$")
CAP = re.compile(r"^\s*capability: \{value: ([0-9.]+),")
STANCE = re.compile(r"^\s*([a-z_]+): \{position: ([0-9.]+),.*source: \"([^\"]*)\"")
CAP_ROW = {"EU": "EU_REST"}
ALIGN_ROW = {"EU": "EU27"}


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    src = argv[1] if len(argv) > 1 else os.path.normpath(os.path.join(here, "..", ".."))
    with open(os.path.join(src, "data", "derived", "capabilities.csv"), encoding="utf-8") as f:
        cap = {r["actor"]: r["capability"] for r in csv.DictReader(f)}
    with open(os.path.join(src, "data", "derived", "unga_alignment.csv"), encoding="utf-8") as f:
        align = {r["actor"]: r["alignment_0_100"] for r in csv.DictReader(f)}
    bad = checked = 0
    for path in sorted(glob.glob(os.path.join(src, "scenarios", "*.yaml"))):
        actor = None
        in_actors = False
        with open(path, encoding="utf-8") as f:
            for no, line in enumerate(f, 1):
                if line.startswith("actors:"):
                    in_actors = True
                elif line[:1].isalpha():
                    in_actors = False
                if not in_actors:
                    continue
                m = ACTOR.match(line)
                if m:
                    actor = m.group(1)
                    continue
                m = CAP.match(line)
                if m and actor:
                    want = cap.get(CAP_ROW.get(actor, actor))
                    checked += 1
                    if want is None or float(want) != float(m.group(1)):
                        print("%s:%d: %s capability %s, derived %s" % (path, no, actor, m.group(1), want))
                        bad += 1
                    continue
                m = STANCE.match(line)
                if m and actor and (m.group(3).startswith("UNGA alignment")
                                    or m.group(3).startswith("not an MSP member")):
                    want = align.get(ALIGN_ROW.get(actor, actor))
                    checked += 1
                    if want is None or float(want) != float(m.group(2)):
                        print("%s:%d: %s %s position %s, derived %s" % (
                            path, no, actor, m.group(1), m.group(2), want))
                        bad += 1
    print("check_scenarios: %d derived numbers checked, %d mismatches" % (checked, bad))
    return 1 if bad or not checked else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
