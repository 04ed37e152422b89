#!/usr/bin/env python3
"""kan20.py OUT.yaml: Kananaskis with 4 more actors (CHN, RUS, SAU, ARG) whose stances and
capabilities copy KOR, BRA, MEX and IDN, for timing the 20-choose-5 design search only (the
numbers mean nothing). Needs PyYAML."""
import copy, sys
import yaml

d = yaml.safe_load(open("scenarios/g7-kananaskis-2025.yaml"))
byid = {a["id"]: a for a in d["actors"]}
for nid, src in {"CHN": "KOR", "RUS": "BRA", "SAU": "MEX", "ARG": "IDN"}.items():
    a = copy.deepcopy(byid[src])
    a["id"], a["name"] = nid, nid + " (copy of " + src + ", bench only)"
    d["actors"].append(a)
d.pop("codebook", None)
yaml.safe_dump(d, open(sys.argv[1], "w"), sort_keys=False, allow_unicode=True)
