#!/usr/bin/env python3
"""gen_scenario.py: a synthetic scenario at a given size, for the bounded-cost measurements
(bench/README.md, "Limits"). N actors x M issues, F forums of all N actors each, the agenda
split over S sessions (issues dealt round-robin), one departure before the last session;
positions, saliences, capabilities and reversion points from a seeded generator, so the
same arguments give the same bytes.

Usage: gen_scenario.py ACTORS ISSUES [FORUMS [SESSIONS [SEED]]] > FILE.yaml"""
import random
import sys


def main(argv):
    if len(argv) < 3:
        sys.stderr.write(__doc__.split("\n\n")[1] + "\n")
        return 2
    n, m = int(argv[1]), int(argv[2])
    nf = int(argv[3]) if len(argv) > 3 else 1
    ns = int(argv[4]) if len(argv) > 4 else 2
    rng = random.Random(int(argv[5]) if len(argv) > 5 else 1)
    w = sys.stdout.write
    w("name: synthetic %d x %d\nsource: generated (bench/gen_scenario.py)\nissues:\n" % (n, m))
    for k in range(m):
        w("  - {id: i%d, title: I%d, reversion: %d}\n" % (k, k, rng.randrange(101)))
    w("actors:\n")
    for a in range(n):
        st = ", ".join("i%d: {position: %d, salience: %.2f}"
                       % (k, rng.randrange(101), 0.05 + rng.randrange(95) / 100)
                       for k in range(m))
        w("  - {id: A%d, capability: %.3f, stances: {%s}}\n"
          % (a, 0.1 + rng.randrange(1000) / 1000, st))
    w("forums:\n")
    members = ", ".join("A%d" % a for a in range(n))
    for f in range(nf):
        w("  - id: F%d\n    members: [%s]\n    chair: A%d\n    agenda:\n" % (f, members, n - 1))
        for j in range(ns):
            iss = ", ".join("i%d" % k for k in range(j, m, ns))
            w("      - {session: s%d, issues: [%s]}\n" % (j, iss))
        if n > 2 and ns > 1:
            w("    events: [{before_session: s%d, depart: A0, source: generated}]\n" % (ns - 1))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
