#!/usr/bin/env python3
"""headroom.py: how much better than the plain mean can any forecaster look on a DEU file?

Reads a DEU-layout file and the per-issue forecasts that
`concert validate-models --predictions FORECASTS.csv FILE` wrote for it, and prints:

 1. a cross-check: the compromise forecasts recomputed here, independently of the C code,
    from the file (Nice Council votes, Commission and Parliament at 0.2 of the members'
    total capability) must equal the CSV's compromise forecasts to 1e-9;
 2. the smallest MAE gain over the mean that this file can show: 1.96 times the bootstrap
    standard error of the paired difference (compromise minus mean);
 3. every equal-weight average of 2 to 5 of the model forecasts (forecast combination),
    with its paired difference against the mean and a percentile bootstrap 95 % CI;
 4. the in-sample optimum of the compromise family: Commission share, Parliament share
    (COD), Parliament share (CNS), salience exponent and capability exponent chosen to
    minimise the MAE on this very file (an upper bound on what tuning can reach);
 5. leave-one-proposal-out cross-validation of the one tuned default (the institutions'
    share, on the grid 0, 0.1, 0.2, 0.3, 0.5, 1): the honest out-of-sample error.

Only the Python standard library is used. Deterministic for a seed (random.Random).
docs/validation.md, "Why the target is out of reach on this file", quotes the output.
"""
import argparse
import csv
import itertools
import random
import statistics
import sys

NICE = {'de': 29, 'fr': 29, 'it': 29, 'uk': 29, 'es': 27, 'pl': 27, 'ro': 14, 'nl': 13,
        'be': 12, 'cz': 12, 'el': 12, 'hu': 12, 'pt': 12, 'at': 10, 'bu': 10, 'se': 10,
        'dk': 7, 'ie': 7, 'lt': 7, 'sk': 7, 'fi': 7, 'cr': 7, 'cy': 4, 'ee': 4, 'lv': 4,
        'lu': 4, 'si': 4, 'mt': 3}  # Treaty of Nice votes, as in src/validation/capability.c
SHARE_GRID = (0, 0.1, 0.2, 0.3, 0.5, 1)
MODELS = ('compromise', 'median', 'eum', 'exchange', 'smp')


def read_deu(path, min_actors=3):
    """Scored issues of a DEU file: dicts with id, proposal, procedure, outcome, positions
    and saliences (0..1) of the actors recorded on the issue."""
    with open(path, newline='') as f:
        rows = [[c.strip().strip('"') for c in line.rstrip('\r\n').split('\t')] for line in f]
    head = {name: i for i, name in enumerate(rows[0])}
    actors = [c[1:] for c in rows[0]
              if c.startswith('p') and 's' + c[1:] in head and c not in ('prnr', 'proc')]

    def num(r, col):
        v = r[head[col]] if col in head else ''
        if v == '':
            return None
        x = float(v)
        return None if x == 999 else x

    issues = []
    for r in rows[1:]:
        if not r[head['isnr']]:
            continue
        out = num(r, 'out')
        pos, sal = {}, {}
        for a in actors:
            p, s = num(r, 'p' + a), num(r, 's' + a)
            if p is not None and s is not None:
                pos[a], sal[a] = p, s / 100
        if out is None or len(pos) < min_actors:
            continue
        issues.append(dict(id=r[head['isnr']], proposal=r[head['prnr']],
                           procedure=r[head['proc']] if 'proc' in head else '',
                           outcome=out, pos=pos, sal=sal))
    return issues


def compromise(issue, cs=0.2, ps=0.2, pc=0.2, a=1.0, b=1.0):
    """Capability x salience weighted mean; institutions get a share of the members' total."""
    total = sum(NICE[x] ** b for x in issue['pos'] if x in NICE)
    num = den = 0.0
    for x, p in issue['pos'].items():
        if x == 'com':
            cap = cs * total
        elif x == 'ep':
            cap = (ps if issue['procedure'] == 'COD' else pc) * total
        else:
            cap = NICE[x] ** b
        w = cap * issue['sal'][x] ** a
        num += w * p
        den += w
    if den <= 0:
        return statistics.fmean(issue['pos'].values())
    return num / den


def mae(pred, y):
    return statistics.fmean(abs(p - o) for p, o in zip(pred, y))


def paired(pred, base, y, rng, reps):
    """Mean of |pred - y| - |base - y| and its percentile bootstrap 95 % CI."""
    d = [abs(p - o) - abs(q - o) for p, q, o in zip(pred, base, y)]
    n = len(d)
    boots = sorted(statistics.fmean(d[rng.randrange(n)] for _ in range(n)) for _ in range(reps))
    return statistics.fmean(d), boots[int(0.025 * reps)], boots[int(0.975 * reps) - 1], boots


def fmt(diff, lo, hi):
    return '%+.2f [%.2f, %.2f]%s' % (diff, lo, hi, ' excludes 0' if hi < 0 or lo > 0 else '')


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('deu')
    ap.add_argument('forecasts')
    ap.add_argument('--bootstrap', type=int, default=2000)
    ap.add_argument('--seed', type=int, default=1)
    args = ap.parse_args()
    issues = read_deu(args.deu)
    # the long table (one line per issue and row) pivoted to one column of forecasts per row
    order, col = [], {}
    with open(args.forecasts, newline='') as f:
        for r in csv.DictReader(f):
            if not order or order[-1] != r['issue']:
                order.append(r['issue'])
            col.setdefault(r['row'], {})[r['issue']] = (float(r['forecast'])
                                                      if r['forecast'] != '' else None)
    if order != [i['id'] for i in issues] or any(len(c) != len(order) for c in col.values()):
        sys.exit('headroom: the forecasts do not cover the scored issues of %s' % args.deu)
    col = {k: [c[i] for i in order] for k, c in col.items()}
    y = [i['outcome'] for i in issues]
    mean = col['mean']
    rng = random.Random(args.seed)
    reps = args.bootstrap

    comp = [compromise(i) for i in issues]
    worst = max(abs(p - q) for p, q in zip(comp, col['compromise']))
    print('1. compromise recomputed independently: max |difference| %.1e (%s)'
          % (worst, 'ok' if worst < 1e-9 else 'MISMATCH'))
    if worst >= 1e-9:
        sys.exit(1)

    diff, lo, hi, boots = paired(comp, mean, y, rng, reps)
    se = statistics.stdev(boots)
    print('2. %d issues; MAE mean %.2f, compromise %.2f, diff %s; bootstrap SE %.2f,'
          ' smallest gain this file can show ~ %.2f' % (len(y), mae(mean, y), mae(comp, y),
                                                         fmt(diff, lo, hi), se, 1.96 * se))

    print('3. equal-weight averages of model forecasts (a missing forecast is left out):')
    models = [m for m in MODELS if m in col]
    results = []
    for r in range(2, len(models) + 1):
        for combo in itertools.combinations(models, r):
            pred = []
            for j in range(len(y)):
                got = [col[m][j] for m in combo if col[m][j] is not None]
                pred.append(statistics.fmean(got) if got else mean[j])
            results.append((paired(pred, mean, y, rng, reps)[:3], combo, mae(pred, y)))
    results.sort()
    for (d, l, h), combo, m in results[:5]:
        print('   %-40s MAE %.2f  diff %s' % ('+'.join(combo), m, fmt(d, l, h)))
    print('   (%d averages in all; %d exclude 0 on the better side)'
          % (len(results), sum(1 for (d, l, h), _, _ in results if h < 0)))

    def total(v):
        cs, ps, pc, a, b = v
        return mae([compromise(i, cs, ps, pc, a, b) for i in issues], y)
    best = [0.2, 0.2, 0.2, 1.0, 1.0]
    best_err = total(best)
    for step in (0.4, 0.2, 0.1, 0.05, 0.025):
        moved = True
        while moved:
            moved = False
            for k in range(5):
                for s in (-step, step):
                    v = best[:]
                    v[k] = max(0.0, v[k] + s)
                    e = total(v)
                    if e < best_err - 1e-9:
                        best, best_err, moved = v, e, True
    pred = [compromise(i, *best) for i in issues]
    print('4. in-sample optimum of the compromise family (Commission %.3g, Parliament COD %.3g,'
          ' CNS %.3g, salience^%.3g, capability^%.3g): MAE %.2f, diff %s'
          % (*best, best_err, fmt(*paired(pred, mean, y, rng, reps)[:3])))

    props = sorted(set(i['proposal'] for i in issues))
    by_share = {s: [compromise(i, s, s, s) for i in issues] for s in SHARE_GRID}
    cv = [0.0] * len(y)
    chosen = []
    for p in props:
        train = [j for j, i in enumerate(issues) if i['proposal'] != p]
        s = min(SHARE_GRID, key=lambda s: sum(abs(by_share[s][j] - y[j]) for j in train))
        chosen.append(s)
        for j, i in enumerate(issues):
            if i['proposal'] == p:
                cv[j] = by_share[s][j]
    print('5. leave-one-proposal-out choice of the share (%d folds; chosen %s):'
          ' MAE %.2f, diff %s' % (len(props), ', '.join('%g x%d' % (s, chosen.count(s))
                                                         for s in SHARE_GRID if s in chosen),
                                  mae(cv, y), fmt(*paired(cv, mean, y, rng, reps)[:3])))


if __name__ == '__main__':
    main()
