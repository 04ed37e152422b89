#!/usr/bin/env python3
"""check_protocol.py: a hand check of the summit protocol (docs/protocol.md) on a scenario.

An independent, deliberately plain re-implementation of the protocol's rules 1-7 under the
compromise model (x = sum c_i s_i p_i / sum c_i s_i over the members present) and linear
loss, used to work out by hand what a scenario should yield before the engine exists. It is
NOT the engine and NOT a shipped test. Needs PyYAML (only this script; derive.py is stdlib).

Usage: python3 scripts/derive/check_protocol.py SCENARIO.yaml [FORUM ...]
Prints, per forum and issue: the text x, who accepts, the document (joint statement with
its signatories, or the chair's summary with its wording and vetoes), then the chair's
communique forecast and each member's net gain over the package.
"""
import math
import sys

import yaml


def num(v):
    return v["value"] if isinstance(v, dict) else v


def main(argv):
    if len(argv) < 2:
        sys.stderr.write("usage: check_protocol.py SCENARIO.yaml [FORUM ...]\n")
        return 2
    sc = yaml.safe_load(open(argv[1], encoding="utf-8"))
    proto = dict(tolerance=0.0, partners_cosign=True, summary_agreed=10.0,
                 summary_discussed=25.0, chair_forgoes=True, withdraw=True)
    proto.update(sc.get("protocol") or {})
    issues = {i["id"]: i for i in sc["issues"]}
    actors = {a["id"]: a for a in sc["actors"]}
    want = set(argv[2:])
    for f in sc["forums"]:
        if want and f["id"] not in want:
            continue
        run_forum(f, issues, actors, proto)
    return 0


def stance(actors, a, k):
    return actors[a].get("stances", {}).get(k)


def accepts(st, x, r, proto):
    p = st["position"]
    t = st.get("tolerance", proto["tolerance"])
    ok = abs(x - p) <= abs(r - p) + t + 1e-9
    red = st.get("red_line")
    if red is not None:
        if (red >= p and x > red) or (red < p and x < red):
            ok = False
    return ok


def compromise(actors, present, k):
    sw = sx = 0.0
    for a in present:
        st = stance(actors, a, k)
        w = num(actors[a]["capability"]) * st["salience"]
        sw += w
        sx += w * st["position"]
    if sw > 0:
        return sx / sw
    return sum(stance(actors, a, k)["position"] for a in present) / len(present)


def dispersion(actors, present, k):
    ws = [stance(actors, a, k)["salience"] for a in present]
    ps = [stance(actors, a, k)["position"] for a in present]
    sw = sum(ws)
    if sw == 0:
        ws = [1.0] * len(ps)
        sw = len(ps)
    m = sum(w * p for w, p in zip(ws, ps)) / sw
    return math.sqrt(sum(w * (p - m) ** 2 for w, p in zip(ws, ps)) / sw)


def rule_ok(rule, members, present, accepting, actors):
    if rule in (None, "unanimity"):
        return set(accepting) == set(present)
    if "consensus_minus" in rule:
        return len(present) - len(accepting) <= rule["consensus_minus"]
    if "quota" in rule:
        tot = sum(num(actors[a]["capability"]) for a in present)
        return sum(num(actors[a]["capability"]) for a in accepting) >= rule["quota"] * tot
    if "double_majority" in rule:
        dm = rule["double_majority"]
        tot = sum(num(actors[a]["capability"]) for a in present)
        cap = sum(num(actors[a]["capability"]) for a in accepting)
        return len(accepting) >= dm["members"] * len(present) and cap >= dm["capability"] * tot
    raise ValueError("rule %r" % rule)


def run_forum(f, issues, actors, proto):
    members = list(f["members"])
    invited = list(f.get("invited") or [])
    rule = f.get("rule")
    mini = f.get("minilateral") or {}
    print("== forum %s (chair %s): %s" % (f["id"], f.get("chair", members[0]), " ".join(members)))
    present = list(members)
    texts = {}
    for sess in f["agenda"]:
        for ev in f.get("events") or []:
            if ev.get("before_session") == sess["session"] and "depart" in ev:
                present.remove(ev["depart"])
                print("   -- before %s: %s departs" % (sess["session"], ev["depart"]))
        for k in sess.get("issues") or []:
            r = num(issues[k]["reversion"])
            x = compromise(actors, present, k)
            texts[k] = x
            acc = [a for a in present if accepts(stance(actors, a, k), x, r, proto)]
            rej = [a for a in present if a not in acc]
            line = "   [%s] %-18s x=%6.2f r=%5.1f " % (sess["session"], k, x, r)
            if rule_ok(rule, members, present, acc, actors):
                partners = [j for j in invited if stance(actors, j, k) is not None
                            and accepts(stance(actors, j, k), x, r, proto)]
                print(line + "JOINT STATEMENT signed by %s%s" % (
                    " ".join(acc), (" + partners " + " ".join(partners)) if partners else ""))
                continue
            if mini.get("allowed"):
                coal = list(acc)
                while len(coal) >= mini.get("min_members", 2):
                    xm = compromise(actors, coal, k)
                    keep = [a for a in coal if accepts(stance(actors, a, k), xm, r, proto)]
                    if keep == coal:
                        break
                    coal = keep
                if len(coal) >= mini.get("min_members", 2):
                    partners = [j for j in invited if stance(actors, j, k) is not None
                                and accepts(stance(actors, j, k), xm, r, proto)]
                    print(line + "MINILATERAL at %.2f by %s%s (vetoes %s)" % (
                        xm, " ".join(coal), (" + " + " ".join(partners)) if partners else "",
                        " ".join(rej)))
                    continue
            d = dispersion(actors, present, k)
            word = ("agreed" if d <= proto["summary_agreed"] else
                    "discussed" if d <= proto["summary_discussed"] else "exchanged views")
            why = []
            for a in rej:
                st = stance(actors, a, k)
                why.append("%s(+%.1f)" % (a, abs(x - st["position"]) - abs(r - st["position"])))
            print(line + "chair's summary '%s' (D=%.1f); vetoes %s" % (word, d, " ".join(why)))
    # communique as the chair expects it: every member present, no events
    print("   communique forecast (all present):")
    endorse = []
    for a in members:
        g = 0.0
        crossed = []
        for sess in f["agenda"]:
            for k in sess.get("issues") or []:
                st = stance(actors, a, k)
                xk = compromise(actors, members, k)
                r = num(issues[k]["reversion"])
                g += st["salience"] * (abs(r - st["position"]) - abs(xk - st["position"]))
                red = st.get("red_line")
                p = st["position"]
                if red is not None and ((red >= p and xk > red) or (red < p and xk < red)):
                    crossed.append(k)
        ok = g >= 0 and not crossed
        if ok:
            endorse.append(a)
        print("     %-8s G=%8.2f %s%s" % (a, g, "endorses" if ok else "rejects",
                                         (" (red line crossed: %s)" % " ".join(crossed)) if crossed else ""))
    ok = rule_ok(rule, members, members, endorse, actors)
    print("   communique: %s" % ("expected to pass" if ok else
                                   ("FORGONE by the chair" if proto["chair_forgoes"] else "fails")))


if __name__ == "__main__":
    sys.exit(main(sys.argv))
