/* eum.c: the expected utility ("challenge") model of Bueno de Mesquita, as specified and
 * replicated by Scholz, Calbert and Smith (2011), issue by issue. Each round: the median
 * (weighted Condorcet winner), the security levels and risk exponents (first pass with
 * r = 1), the expected utilities of every ordered pair (second pass), the offers each actor
 * receives (conflict, compromise, capitulation), the best offer per actor, and all moves
 * at once. The conventions of jmckib's public replication are switches (eum_i.h).
 * Equations, switches, tie rules and the replication: docs/models/eum.md.
 * Per issue and round: O(n^2) time, with linear votes and with voters' exponents
 * (votes=risk), with or without the all-pairs denominator; O(n) memory (O(n^2) with
 * votes=risk); in all O(n m) memory for n actors and m issues, plus n m per recorded
 * round. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "model/eum_i.h"
#include "status/diag.h"

/* b^r with the exact shortcut for r = 1 (the first pass); b is clamped at 0. */
static double power(double b, double r) {
  if (b <= 0) return 0;
  return r == 1.0 ? b : pow(b, r);
}

double concert_i_eum_u_success(double d, double r) { return 2 - 4 * power(0.5 - 0.5 * d, r); }
double concert_i_eum_u_failure(double d, double r) { return 2 - 4 * power(0.5 + 0.5 * d, r); }
double concert_i_eum_u_better(double dm, double d, double r) {
  return 2 - 4 * power(0.5 - 0.25 * (dm + d), r);
}
double concert_i_eum_u_worse(double dm, double d, double r) {
  return 2 - 4 * power(0.5 + 0.25 * (dm + d), r);
}
double concert_i_eum_u_status_quo(double r) { return 2 - 4 * power(0.5, r); }

double concert_i_eum_risk_exponent(double sec, double sec_max, double sec_min) {
  double span = sec_max - sec_min;
  double rb = span > 0 ? (2 * sec - sec_max - sec_min) / span : 0; /* guard max == min */
  if (rb > 1) rb = 1;
  if (rb < -1) rb = -1;
  return (1 - rb / 3) / (1 + rb / 3);
}

bool concert_i_eum_issue_init(concert_i_eum_issue *st, size_t n, bool votes_risk) {
  memset(st, 0, sizeof *st);
  st->n = n;
  st->x = malloc(n * sizeof *st->x);
  st->s = malloc(n * sizeof *st->s);
  st->w = malloc(n * sizeof *st->w);
  st->r = malloc(n * sizeof *st->r);
  st->sec = malloc(n * sizeof *st->sec);
  st->next = malloc(n * sizeof *st->next);
  st->keys = malloc(n * sizeof *st->keys);
  st->sx = malloc(n * sizeof *st->sx);
  st->cw = malloc((n + 1) * sizeof *st->cw);
  st->cwx = malloc((n + 1) * sizeof *st->cwx);
  st->usq = malloc(n * sizeof *st->usq);
  st->le = malloc(n * sizeof *st->le);
  st->lt = malloc(n * sizeof *st->lt);
  st->best = malloc(n * sizeof *st->best);
  if (!st->usq || !st->le || !st->lt || !st->best) return false;
  if (votes_risk) {
    if (n + 1 > SIZE_MAX / n / sizeof *st->pu) return false;
    st->pu = malloc(n * (n + 1) * sizeof *st->pu);
    if (!st->pu) return false;
  }
  return st->x && st->s && st->w && st->r && st->sec && st->next && st->keys && st->sx &&
         st->cw && st->cwx;
}

void concert_i_eum_issue_free(concert_i_eum_issue *st) {
  if (!st) return;
  free(st->x);
  free(st->s);
  free(st->w);
  free(st->r);
  free(st->sec);
  free(st->next);
  free(st->keys);
  free(st->sx);
  free(st->cw);
  free(st->cwx);
  free(st->pu);
  free(st->usq);
  free(st->le);
  free(st->lt);
  free(st->best);
  memset(st, 0, sizeof *st);
}

static int cmp_key(const void *pa, const void *pb) {
  const concert_i_eum_key *a = pa, *b = pb;
  if (a->x != b->x) return a->x < b->x ? -1 : 1;
  return (a->i > b->i) - (a->i < b->i);
}

void concert_i_eum_issue_index(concert_i_eum_issue *st) {
  size_t n = st->n;
  for (size_t a = 0; a < n; a++) st->keys[a] = (concert_i_eum_key){.x = st->x[a], .i = a};
  qsort(st->keys, n, sizeof *st->keys, cmp_key);
  st->cw[0] = st->cwx[0] = 0;
  for (size_t t = 0; t < n; t++) {
    size_t a = st->keys[t].i;
    st->sx[t] = st->keys[t].x;
    st->cw[t + 1] = st->cw[t] + st->w[a];
    st->cwx[t + 1] = st->cwx[t] + st->w[a] * st->x[a];
  }
  for (size_t t = 0; t < n;) { /* ranks of each group of equal positions */
    size_t e = t;
    while (e < n && st->sx[e] == st->sx[t]) e++;
    for (size_t g = t; g < e; g++) {
      st->lt[st->keys[g].i] = t;
      st->le[st->keys[g].i] = e;
    }
    t = e;
  }
}

double concert_i_eum_median(const concert_i_eum_issue *st) {
  size_t n = st->n;
  double W = st->cw[n], X = st->cwx[n];
  double scale = W * (st->sx[n - 1] - st->sx[0] + 1) + 1e-300;
  double best = HUGE_VAL, pos = st->sx[0];
  for (size_t t = 0; t < n; t++) {
    if (t > 0 && st->sx[t] == st->sx[t - 1]) continue;
    size_t e = t + 1; /* the group of equal positions contributes 0 either way */
    double y = st->sx[t];
    double f = y * st->cw[e] - st->cwx[e] + (X - st->cwx[e]) - y * (W - st->cw[e]);
    if (f < best - 1e-12 * scale) { /* ties: the smallest position (scanned first) */
      best = f;
      pos = y;
    }
  }
  return pos;
}

double concert_i_eum_mean(const concert_i_eum_issue *st) {
  double sw = 0, sx = 0;
  for (size_t a = 0; a < st->n; a++) {
    sw += st->w[a];
    sx += st->w[a] * st->x[a];
  }
  if (sw > 0) return sx / sw;
  double s = 0;
  for (size_t a = 0; a < st->n; a++) s += st->x[a];
  return s / (double)st->n;
}

/* Number of sorted positions <= v (strict: < v). O(log n). */
static size_t count_below(const double *sx, size_t n, double v, bool strict) {
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (strict ? sx[mid] < v : sx[mid] <= v)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

/* P(i beats j) and P(j beats i) for x_i != x_j. Voter k gives w_k (u_k(other) - u_k(own))
 * to whichever of the two it is closer to, u_k growing with the distance: the voters at or
 * below the midpoint back the lower position, the others the higher one. b must be the
 * number of positions <= the midpoint. Linear votes (u = distance) come from the prefix
 * sums of w and w x, voters' exponents from the rows of st->pu, each in O(1); without
 * st->pu (unit tests), the direct O(n) sum over voters is the reference. */
static void pair_probabilities(const concert_i_eum_issue *st, const concert_i_eum_config *cfg,
                               size_t i, size_t j, size_t b, double *pij, double *pji) {
  size_t n = st->n;
  double ni = 0, nj = 0;
  bool i_low = st->x[i] < st->x[j];
  size_t lo_a = i_low ? i : j, hi_a = i_low ? j : i;
  if (st->use_exp && st->pu) {
    const double *pl = st->pu + lo_a * (n + 1), *ph = st->pu + hi_a * (n + 1);
    double vl = ph[b] - pl[b];                     /* voters t < b: u(H) - u(L) >= 0 */
    double vh = (pl[n] - pl[b]) - (ph[n] - ph[b]); /* voters t >= b: u(L) - u(H) >= 0 */
    vl = vl > 0 ? vl : 0;                          /* cancellation can leave -1e-17 */
    vh = vh > 0 ? vh : 0;
    ni = i_low ? vl : vh;
    nj = i_low ? vh : vl;
  } else if (st->use_exp) {
    for (size_t k = 0; k < n; k++) {
      if (st->w[k] == 0) continue;
      double e = st->r[k];
      double v = st->w[k] * (power(fabs(st->x[k] - st->x[j]) / st->range, e) -
                             power(fabs(st->x[k] - st->x[i]) / st->range, e));
      if (v > 0)
        ni += v;
      else
        nj -= v;
    }
  } else {
    double L = st->x[lo_a], H = st->x[hi_a], d = H - L;
    size_t a = st->le[lo_a]; /* x <= L: full vote d for L */
    size_t c = st->lt[hi_a]; /* x >= H: full vote d for H; L < x <= mid: L + H - 2x for L */
    if (b < a) b = a;        /* mid < x < H: 2x - L - H for H */
    if (b > c) b = c;
    double vl = d * st->cw[a] + (L + H) * (st->cw[b] - st->cw[a]) - 2 * (st->cwx[b] - st->cwx[a]);
    double vh = d * (st->cw[n] - st->cw[c]) + 2 * (st->cwx[c] - st->cwx[b]) -
                (L + H) * (st->cw[c] - st->cw[b]);
    vl = vl > 0 ? vl / st->range : 0; /* cancellation can leave -1e-17 */
    vh = vh > 0 ? vh / st->range : 0;
    ni = i_low ? vl : vh;
    nj = i_low ? vh : vl;
  }
  if (cfg->all_pairs) {
    *pij = st->denom > 0 ? ni / st->denom : 0;
    *pji = st->denom > 0 ? nj / st->denom : 0;
  } else {
    double tot = ni + nj;
    *pij = tot > 0 ? ni / tot : 0.5; /* no votes at all: even odds */
    *pji = tot > 0 ? nj / tot : 0.5;
  }
}

double concert_i_eum_probability(const concert_i_eum_issue *st, const concert_i_eum_config *cfg,
                                 size_t i, size_t j) {
  if (st->x[i] == st->x[j]) return 0;
  size_t b = count_below(st->sx, st->n, 0.5 * (st->x[i] + st->x[j]), false);
  double pij, pji;
  pair_probabilities(st, cfg, i, j, b, &pij, &pji);
  return pij;
}

void concert_i_eum_issue_votes(concert_i_eum_issue *st) {
  if (!st->pu) return;
  size_t n = st->n;
  for (size_t a = 0; a < n; a++) {
    double *row = st->pu + a * (n + 1), sum = 0;
    row[0] = 0;
    for (size_t t = 0; t < n; t++) {
      size_t k = st->keys[t].i;
      sum += st->w[k] * power(fabs(st->x[k] - st->x[a]) / st->range, st->r[k]);
      row[t + 1] = sum;
    }
  }
}

/* Voter k's utilities grow with the distance, so walking outwards from k's place in the
 * sorted positions visits them in increasing order, and then
 * sum_{a,b} |u_a - u_b| = 2 sum_t u_(t) (2t - n + 1). O(n) per voter. */
double concert_i_eum_all_pairs_denominator(concert_i_eum_issue *st) {
  size_t n = st->n;
  double total = 0;
  for (size_t k = 0; k < n; k++) {
    if (st->w[k] == 0) continue;
    double e = st->use_exp ? st->r[k] : 1.0, xk = st->x[k];
    size_t lo = st->lt[k], hi = st->lt[k]; /* next candidates: sx[lo - 1] and sx[hi] */
    double s = 0;
    for (size_t t = 0; t < n; t++) {
      double d;
      if (lo > 0 && (hi == n || xk - st->sx[lo - 1] <= st->sx[hi] - xk))
        d = xk - st->sx[--lo];
      else
        d = st->sx[hi++] - xk;
      s += power(d / st->range, e) * (2.0 * (double)t - (double)n + 1.0);
    }
    total += st->w[k] * 2 * s;
  }
  return total;
}

/* What the utilities of a pair share: d = |x_i - x_j| / R and the bases of U_s, U_f
 * with their logarithms, so that base^r = exp(r log base) costs one exp per exponent. */
typedef struct pair_geo {
  double dist;           /* |x_i - x_j| */
  double d;              /* dist / R */
  double bs, bf;         /* 0.5 - 0.5 d and 0.5 + 0.5 d */
  double ls, lf;         /* their logarithms (-inf for 0) */
} pair_geo;

static pair_geo geometry(const concert_i_eum_issue *st, size_t i, size_t j, bool logs) {
  pair_geo g;
  g.dist = fabs(st->x[i] - st->x[j]);
  g.d = g.dist / st->range;
  g.bs = 0.5 - 0.5 * g.d;
  if (g.bs < 0) g.bs = 0;
  g.bf = 0.5 + 0.5 * g.d;
  g.ls = logs && g.bs > 0 ? log(g.bs) : -HUGE_VAL;
  g.lf = logs ? log(g.bf) : 0;
  return g;
}

/* base^r from a precomputed logarithm, exact for r = 1. */
static double power_log(double base, double lg, double r) {
  if (r == 1.0) return base;
  return base > 0 ? exp(r * lg) : 0;
}

/* E(U_ij) with exponent rho, P(i beats j) = p and U_sq = usq (eqs. 5-7). */
static double eu_core(const concert_i_eum_issue *st, const concert_i_eum_config *cfg, size_t i,
                      size_t j, double rho, double usq, double p, const pair_geo *g) {
  double us = 2 - 4 * power_log(g->bs, g->ls, rho), uf = 2 - 4 * power_log(g->bf, g->lf, rho);
  double sj = st->s[j];
  double e = sj * (p * us + (1 - p) * uf) + (1 - sj) * us - cfg->q * usq;
  if (cfg->q < 1) {
    double dmu = fabs(st->x[i] - st->mu);
    bool t = dmu < g->dist; /* j drifting to the median helps i (Scholz cases 1, 3A) */
    double dm = dmu / st->range;
    double u = t ? concert_i_eum_u_better(dm, g->d, rho) : concert_i_eum_u_worse(dm, g->d, rho);
    e -= (1 - cfg->q) * u;
  }
  return e;
}

double concert_i_eum_expected_utility(const concert_i_eum_issue *st,
                                      const concert_i_eum_config *cfg, size_t i, size_t j,
                                      double rho) {
  pair_geo g = geometry(st, i, j, true);
  double p = concert_i_eum_probability(st, cfg, i, j);
  return eu_core(st, cfg, i, j, rho, concert_i_eum_u_status_quo(rho), p, &g);
}

int concert_i_eum_offer(const concert_i_eum_config *cfg, double a, double b, double xi,
                        double xj, double *pos, double *key) {
  int type = CONCERT_I_EUM_OFFER_NONE;
  *pos = xi;
  if (a > 0 && b > a) { /* a conflict that i expects to lose: i moves to j */
    type = CONCERT_I_EUM_OFFER_CONFLICT;
    *pos = xj;
  } else if (a < 0 && b > 0 && b > -a) { /* j has the upper hand: i moves part way */
    type = CONCERT_I_EUM_OFFER_COMPROMISE;
    *pos = xi + (xj - xi) * fabs(a / b);
  } else if (a < 0 && b > 0 && -a > b && !cfg->capitulation_typo) {
    type = CONCERT_I_EUM_OFFER_CAPITULATION; /* i gives in to j */
    *pos = xj;
  }
  if (type == CONCERT_I_EUM_OFFER_COMPROMISE && cfg->eu_weighted)
    *key = (fabs(a) * xi + fabs(b) * xj) / (fabs(a) + fabs(b));
  else
    *key = fabs(xi - *pos);
  return type;
}

/* Records the offer j makes to mover i (a = E(U_ij), b = E(U_ji) as i sees them) if it
 * beats i's best so far: the preferred type first, then the smallest key; on an exact tie
 * the proposer with the higher EU (Scholz 6.2: concede to the strongest), then the lower
 * position. The order in which offers arrive does not matter. */
static void consider(concert_i_eum_issue *st, const concert_i_eum_config *cfg, size_t i,
                     size_t j, double a, double b) {
  double pos, key;
  int type = concert_i_eum_offer(cfg, a, b, st->x[i], st->x[j], &pos, &key);
  if (type == CONCERT_I_EUM_OFFER_NONE) return;
  concert_i_eum_best *best = &st->best[i];
  bool better = best->type == CONCERT_I_EUM_OFFER_NONE || type < best->type;
  if (!better && type == best->type) {
    if (key != best->key)
      better = key < best->key;
    else if (b != best->b)
      better = b > best->b;
    else
      better = pos < best->pos;
  }
  if (better) *best = (concert_i_eum_best){.type = type, .key = key, .pos = pos, .b = b};
}

void concert_i_eum_round(concert_i_eum_issue *st, const concert_i_eum_config *cfg,
                         double initial_range) {
  size_t n = st->n;
  concert_i_eum_issue_index(st);
  st->mu = concert_i_eum_median(st);
  double range = cfg->range_fixed ? initial_range : st->sx[n - 1] - st->sx[0];
  if (!(range > 0)) { /* everyone at one point (or a zero fixed range): nobody moves */
    memcpy(st->next, st->x, n * sizeof *st->x);
    return;
  }
  st->range = range;

  /* First pass: r = 1, security levels Sec_i = sum_{j != i} E^j(U_ji). Each unordered
   * pair is visited once, in position order, so that the midpoint count q only moves
   * forward for a fixed lower actor. */
  for (size_t k = 0; k < n; k++) {
    st->r[k] = 1.0;
    st->sec[k] = 0;
  }
  st->use_exp = cfg->votes_risk;
  if (st->use_exp) concert_i_eum_issue_votes(st);
  if (cfg->all_pairs) st->denom = concert_i_eum_all_pairs_denominator(st);
  double usq1 = concert_i_eum_u_status_quo(1.0);
  for (size_t t1 = 0; t1 < n; t1++) {
    size_t i = st->keys[t1].i, q = t1;
    for (size_t t2 = t1 + 1; t2 < n; t2++) {
      size_t j = st->keys[t2].i;
      double pij = 0, pji = 0;
      if (st->x[j] != st->x[i]) {
        double mid = 0.5 * (st->x[i] + st->x[j]);
        while (q < n && st->sx[q] <= mid) q++;
        pair_probabilities(st, cfg, i, j, q, &pij, &pji);
      }
      pair_geo g = geometry(st, i, j, false);
      st->sec[i] += eu_core(st, cfg, j, i, 1.0, usq1, pji, &g);
      st->sec[j] += eu_core(st, cfg, i, j, 1.0, usq1, pij, &g);
    }
  }
  double smax = -HUGE_VAL, smin = HUGE_VAL;
  for (size_t i = 0; i < n; i++) {
    if (st->sec[i] > smax) smax = st->sec[i];
    if (st->sec[i] < smin) smin = st->sec[i];
  }
  for (size_t i = 0; i < n; i++) {
    st->r[i] = concert_i_eum_risk_exponent(st->sec[i], smax, smin);
    st->usq[i] = concert_i_eum_u_status_quo(st->r[i]);
    st->best[i] = (concert_i_eum_best){.type = CONCERT_I_EUM_OFFER_NONE, .pos = st->x[i]};
  }

  /* Second pass: expected utilities with the exponents; the offers of each unordered pair
   * to both of its actors. */
  if (st->use_exp) concert_i_eum_issue_votes(st);
  if (cfg->all_pairs && st->use_exp) st->denom = concert_i_eum_all_pairs_denominator(st);
  for (size_t t1 = 0; t1 < n; t1++) {
    size_t i = st->keys[t1].i, q = t1;
    for (size_t t2 = t1 + 1; t2 < n; t2++) {
      size_t j = st->keys[t2].i;
      if (st->x[j] == st->x[i]) continue;
      double mid = 0.5 * (st->x[i] + st->x[j]);
      while (q < n && st->sx[q] <= mid) q++;
      double pij, pji;
      pair_probabilities(st, cfg, i, j, q, &pij, &pji);
      pair_geo g = geometry(st, i, j, true);
      double eij = eu_core(st, cfg, i, j, st->r[i], st->usq[i], pij, &g); /* i's own view */
      double eji = eu_core(st, cfg, j, i, st->r[j], st->usq[j], pji, &g); /* j's own view */
      if (cfg->risk_observer) { /* each mover prices the other's challenge with its own r */
        consider(st, cfg, i, j, eij, eu_core(st, cfg, j, i, st->r[i], st->usq[i], pji, &g));
        consider(st, cfg, j, i, eji, eu_core(st, cfg, i, j, st->r[j], st->usq[j], pij, &g));
      } else {
        consider(st, cfg, i, j, eij, eji);
        consider(st, cfg, j, i, eji, eij);
      }
    }
  }
  for (size_t i = 0; i < n; i++) st->next[i] = st->best[i].pos;
}

concert_i_eum_config concert_i_eum_defaults(void) {
  return (concert_i_eum_config){.rounds = 10, .converge = false, .epsilon = 0.5,
                                .patience = 2, .q = 1.0};
}

static bool word_is(const concert_params *p, const char *key, const char *word) {
  const char *w = concert_params_word(p, key, NULL);
  return w && strcmp(w, word) == 0;
}

static concert_status whole(const concert_params *p, const char *key, double def, size_t *out,
                            concert_diag *d) {
  double v = concert_params_number(p, key, def);
  if (v != floor(v))
    return concert_i_fail(d, CONCERT_ERR_RANGE, NULL, 0, 0, key,
                          "eum parameter '%s' is %g; it must be a whole number", key, v);
  *out = (size_t)v;
  return CONCERT_OK;
}

concert_status concert_i_eum_config_from(const concert_params *p, concert_i_eum_config *cfg,
                                         concert_diag *d) {
  *cfg = concert_i_eum_defaults();
  concert_status st = whole(p, "rounds", 10, &cfg->rounds, d);
  if (st) return st;
  st = whole(p, "patience", 2, &cfg->patience, d);
  if (st) return st;
  cfg->converge = word_is(p, "stop", "converge");
  cfg->epsilon = concert_params_number(p, "epsilon", 0.5);
  cfg->q = concert_params_number(p, "q", 1.0);
  cfg->risk_observer = word_is(p, "risk", "observer");
  cfg->all_pairs = word_is(p, "denominator", "all_pairs");
  cfg->votes_risk = word_is(p, "votes", "risk");
  cfg->eu_weighted = word_is(p, "compromise", "eu_weighted");
  cfg->capitulation_typo = word_is(p, "capitulation", "jmckib_typo");
  cfg->range_fixed = word_is(p, "range", "fixed");
  cfg->forecast_mean = word_is(p, "forecast", "mean");
  return CONCERT_OK;
}

static const concert_param_spec eum_params[] = {
    {.key = "rounds", .def = 10, .min = 1, .max = 1000,
     .doc = "rounds to run (stop=fixed) or the most rounds (stop=converge); whole number"},
    {.key = "stop", .is_word = true, .words = "fixed|converge",
     .doc = "fixed: run all rounds; converge: stop when every median settles"},
    {.key = "epsilon", .def = 0.5, .min = 0, .max = 100,
     .doc = "converge: a median settles when it moves by no more than this"},
    {.key = "patience", .def = 2, .min = 1, .max = 1000,
     .doc = "converge: settled rounds in a row needed to stop; whole number"},
    {.key = "q", .def = 1.0, .min = 0, .max = 1,
     .doc = "probability Q of the status quo when j is not challenged (Scholz 2011: 1)"},
    {.key = "risk", .is_word = true, .words = "own|observer",
     .doc = "exponent of E(U_ji): j's own (textbook) or the mover i's (jmckib)"},
    {.key = "denominator", .is_word = true, .words = "textbook|all_pairs",
     .doc = "probability denominator: votes on the pair (eq. 31) or all pairs (jmckib)"},
    {.key = "votes", .is_word = true, .words = "linear|risk",
     .doc = "third-party votes: linear distance (eq. 31) or each voter's exponent (jmckib)"},
    {.key = "compromise", .is_word = true, .words = "move_least|eu_weighted",
     .doc = "ranking of compromise offers: smallest move, or jmckib's EU-weighted point"},
    {.key = "capitulation", .is_word = true, .words = "textbook|jmckib_typo",
     .doc = "jmckib_typo: never offer capitulation, as jmckib's code does"},
    {.key = "range", .is_word = true, .words = "dynamic|fixed",
     .doc = "R: range of the current positions, or of the initial ones (jmckib)"},
    {.key = "forecast", .is_word = true, .words = "median|mean",
     .doc = "final outcome: last round's median or capability x salience weighted mean"},
};

/* Loads issue k's current positions (from cur, n x m), saliences and weights into st. */
static void load_issue(concert_i_eum_issue *st, const concert_problem *p, const double *cur,
                       size_t k) {
  size_t n = p->n_actors, m = p->n_issues;
  for (size_t a = 0; a < n; a++) {
    st->x[a] = cur[a * m + k];
    st->s[a] = p->salience[a * m + k];
    st->w[a] = p->capability[a] * st->s[a];
  }
}

static concert_status solve(const concert_params *params, const concert_problem *p,
                            concert_solution *sol, concert_diag *d) {
  concert_i_eum_config cfg;
  concert_status rc = concert_i_eum_config_from(params, &cfg, d);
  if (rc) return rc;
  size_t n = p->n_actors, m = p->n_issues;
  double *buf = malloc((n * m + 4 * m) * sizeof *buf);
  concert_i_eum_issue st;
  bool ok = concert_i_eum_issue_init(&st, n, cfg.votes_risk);
  if (!buf || !ok) {
    free(buf);
    concert_i_eum_issue_free(&st);
    return CONCERT_FAIL(d, CONCERT_ERR_NOMEM, "out of memory for the eum model");
  }
  double *cur = buf, *r0 = buf + n * m, *med = r0 + m, *mean = med + m, *prev = mean + m;
  memcpy(cur, p->position, n * m * sizeof *cur);
  for (size_t k = 0; k < m; k++) {
    load_issue(&st, p, cur, k);
    concert_i_eum_issue_index(&st);
    r0[k] = st.sx[n - 1] - st.sx[0];
    med[k] = concert_i_eum_median(&st);
    mean[k] = concert_i_eum_mean(&st);
  }
  concert_i_solution_set_round_outcome(sol, 0, med, mean);
  const char *stop = "fixed rounds";
  if (cfg.converge) stop = "round cap reached before the medians settled";
  size_t settled = 0;
  for (size_t t = 1; t <= cfg.rounds; t++) {
    memcpy(prev, med, m * sizeof *med);
    for (size_t k = 0; k < m; k++) {
      load_issue(&st, p, cur, k);
      concert_i_eum_round(&st, &cfg, r0[k]);
      memcpy(st.x, st.next, n * sizeof *st.x);
      for (size_t a = 0; a < n; a++) cur[a * m + k] = st.x[a];
      concert_i_eum_issue_index(&st);
      med[k] = concert_i_eum_median(&st);
      mean[k] = concert_i_eum_mean(&st);
    }
    rc = concert_i_solution_push_round(sol, cur, med, mean);
    if (rc) {
      free(buf);
      concert_i_eum_issue_free(&st);
      return CONCERT_FAIL(d, rc, "out of memory for the eum rounds");
    }
    if (cfg.converge) {
      bool calm = true;
      for (size_t k = 0; k < m; k++)
        if (!(fabs(med[k] - prev[k]) <= cfg.epsilon)) calm = false;
      settled = calm ? settled + 1 : 0;
      if (settled >= cfg.patience) {
        stop = "converged";
        break;
      }
    }
  }
  concert_i_solution_set_outcome(sol, cfg.forecast_mean ? mean : med);
  concert_i_solution_set_stop(sol, stop);
  free(buf);
  concert_i_eum_issue_free(&st);
  return CONCERT_OK;
}

const concert_model concert_i_model_eum = {
    .name = "eum",
    .summary = "expected utility (challenge) model of Bueno de Mesquita, per Scholz et al. 2011",
    .min_issues = 1,
    .needs_reversion = false,
    .params = eum_params,
    .n_params = sizeof eum_params / sizeof eum_params[0],
    .solve = solve,
};
