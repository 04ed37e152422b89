/* eum.c: the expected utility ("challenge") model of Bueno de Mesquita, as specified and
 * replicated by Scholz, Calbert and Smith (2011), issue by issue. Each round: the median
 * (weighted Condorcet winner), the security levels and risk exponents (first pass with
 * r = 1), the expected utilities of every ordered pair (second pass), the offers each actor
 * receives (conflict, compromise, capitulation), the best offer per actor, and all moves
 * at once. The conventions of jmckib's public replication are switches (eum_i.h).
 * Equations, switches, tie rules and the replication: docs/models/eum.md.
 * Per issue and round: O(n^2 log n) time with linear votes (O(n^3) with votes=risk),
 * O(n) memory; in all O(n m) memory for n actors and m issues plus the recorded rounds. */
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
  st->tmp = malloc(n * sizeof *st->tmp);
  if (votes_risk) {
    if (n > SIZE_MAX / n / sizeof *st->u) return false;
    st->u = malloc(n * n * sizeof *st->u);
    if (!st->u) return false;
  }
  return st->x && st->s && st->w && st->r && st->sec && st->next && st->keys && st->sx &&
         st->cw && st->cwx && st->tmp;
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
  free(st->tmp);
  free(st->u);
  memset(st, 0, sizeof *st);
}

static int cmp_key(const void *pa, const void *pb) {
  const concert_i_eum_key *a = pa, *b = pb;
  if (a->x != b->x) return a->x < b->x ? -1 : 1;
  return (a->i > b->i) - (a->i < b->i);
}

static int cmp_double(const void *pa, const void *pb) {
  double a = *(const double *)pa, b = *(const double *)pb;
  return (a > b) - (a < b);
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

/* Linear votes for the lower (L) and upper (H) of two positions, from the prefix sums:
 * voter k gives w_k (|x_k - other| - |x_k - own|) to whichever of the two it is closer
 * to. Not divided by R. O(log n). */
static void linear_votes(const concert_i_eum_issue *st, double L, double H, double *v_low,
                         double *v_high) {
  size_t n = st->n;
  double d = H - L, mid = 0.5 * (L + H);
  size_t a = count_below(st->sx, n, L, false);  /* x <= L: full vote d for L */
  size_t b = count_below(st->sx, n, mid, false); /* L < x <= mid: L + H - 2x for L */
  size_t c = count_below(st->sx, n, H, true);   /* mid < x < H: 2x - L - H for H */
  double lo = d * st->cw[a] + (L + H) * (st->cw[b] - st->cw[a]) - 2 * (st->cwx[b] - st->cwx[a]);
  double hi = d * (st->cw[n] - st->cw[c]) + 2 * (st->cwx[c] - st->cwx[b]) -
              (L + H) * (st->cw[c] - st->cw[b]);
  *v_low = lo > 0 ? lo : 0; /* cancellation can leave -1e-17 */
  *v_high = hi > 0 ? hi : 0;
}

double concert_i_eum_probability(const concert_i_eum_issue *st, const concert_i_eum_config *cfg,
                                 size_t i, size_t j) {
  double xi = st->x[i], xj = st->x[j];
  if (xi == xj) return 0;
  double num, tot;
  if (st->use_exp) { /* each voter's exponent: direct sum, O(n) */
    num = tot = 0;
    size_t n = st->n;
    for (size_t k = 0; k < n; k++) {
      if (st->w[k] == 0) continue;
      double v;
      if (st->u) {
        v = st->w[k] * (st->u[k * n + j] - st->u[k * n + i]);
      } else {
        double e = st->r[k];
        v = st->w[k] * (power(fabs(st->x[k] - xj) / st->range, e) -
                        power(fabs(st->x[k] - xi) / st->range, e));
      }
      if (v > 0) num += v;
      tot += fabs(v);
    }
  } else {
    double lo, hi;
    linear_votes(st, xi < xj ? xi : xj, xi < xj ? xj : xi, &lo, &hi);
    num = (xi < xj ? lo : hi) / st->range;
    tot = (lo + hi) / st->range;
  }
  if (cfg->all_pairs) return st->denom > 0 ? num / st->denom : 0;
  return tot > 0 ? num / tot : 0.5; /* no votes at all: even odds */
}

void concert_i_eum_issue_votes(concert_i_eum_issue *st) {
  if (!st->u) return;
  size_t n = st->n;
  for (size_t k = 0; k < n; k++)
    for (size_t a = 0; a < n; a++)
      st->u[k * n + a] = power(fabs(st->x[k] - st->x[a]) / st->range, st->r[k]);
}

double concert_i_eum_all_pairs_denominator(concert_i_eum_issue *st) {
  size_t n = st->n;
  double total = 0;
  for (size_t k = 0; k < n; k++) {
    if (st->w[k] == 0) continue;
    double e = st->use_exp ? st->r[k] : 1.0;
    for (size_t a = 0; a < n; a++)
      st->tmp[a] = (st->u && st->use_exp) ? st->u[k * n + a]
                                          : power(fabs(st->x[k] - st->x[a]) / st->range, e);
    qsort(st->tmp, n, sizeof *st->tmp, cmp_double);
    double s = 0; /* sum over ordered pairs of |u_a - u_b| = 2 sum_t u_(t) (2t - n + 1) */
    for (size_t t = 0; t < n; t++) s += st->tmp[t] * (2.0 * (double)t - (double)n + 1.0);
    total += st->w[k] * 2 * s;
  }
  return total;
}

double concert_i_eum_expected_utility(const concert_i_eum_issue *st,
                                      const concert_i_eum_config *cfg, size_t i, size_t j,
                                      double rho) {
  double dij = fabs(st->x[i] - st->x[j]);
  double d = dij / st->range;
  double p = concert_i_eum_probability(st, cfg, i, j);
  double us = concert_i_eum_u_success(d, rho), uf = concert_i_eum_u_failure(d, rho);
  double sj = st->s[j];
  double e = sj * (p * us + (1 - p) * uf) + (1 - sj) * us - cfg->q * concert_i_eum_u_status_quo(rho);
  if (cfg->q < 1) {
    double dmu = fabs(st->x[i] - st->mu);
    bool t = dmu < dij; /* j drifting to the median helps i (Scholz cases 1, 3A) */
    double dm = dmu / st->range;
    double u = t ? concert_i_eum_u_better(dm, d, rho) : concert_i_eum_u_worse(dm, d, rho);
    e -= (1 - cfg->q) * u;
  }
  return e;
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

  /* First pass: r = 1, security levels Sec_i = sum_{j != i} E^j(U_ji). */
  for (size_t k = 0; k < n; k++) st->r[k] = 1.0;
  st->use_exp = cfg->votes_risk;
  if (st->use_exp) concert_i_eum_issue_votes(st);
  if (cfg->all_pairs) st->denom = concert_i_eum_all_pairs_denominator(st);
  double smax = -HUGE_VAL, smin = HUGE_VAL;
  for (size_t i = 0; i < n; i++) {
    double sec = 0;
    for (size_t j = 0; j < n; j++)
      if (j != i) sec += concert_i_eum_expected_utility(st, cfg, j, i, 1.0);
    st->sec[i] = sec;
    if (sec > smax) smax = sec;
    if (sec < smin) smin = sec;
  }
  for (size_t i = 0; i < n; i++) st->r[i] = concert_i_eum_risk_exponent(st->sec[i], smax, smin);

  /* Second pass: expected utilities with the exponents; each actor's best offer. */
  if (st->use_exp) concert_i_eum_issue_votes(st);
  if (cfg->all_pairs && st->use_exp) st->denom = concert_i_eum_all_pairs_denominator(st);
  for (size_t i = 0; i < n; i++) {
    int best = CONCERT_I_EUM_OFFER_NONE;
    double best_key = 0, best_pos = st->x[i], best_b = 0;
    for (size_t j = 0; j < n; j++) {
      if (st->x[j] == st->x[i]) continue;
      double a = concert_i_eum_expected_utility(st, cfg, i, j, st->r[i]);
      double b = concert_i_eum_expected_utility(st, cfg, j, i,
                                                cfg->risk_observer ? st->r[i] : st->r[j]);
      double pos, key;
      int type = concert_i_eum_offer(cfg, a, b, st->x[i], st->x[j], &pos, &key);
      if (type == CONCERT_I_EUM_OFFER_NONE) continue;
      /* the preferred type first, then the smallest key; on an exact tie the proposer
       * with the higher EU (Scholz 6.2: concede to the strongest), then the lower position */
      bool better = best == CONCERT_I_EUM_OFFER_NONE || type < best;
      if (!better && type == best) {
        if (key != best_key)
          better = key < best_key;
        else if (b != best_b)
          better = b > best_b;
        else
          better = pos < best_pos;
      }
      if (better) {
        best = type;
        best_key = key;
        best_pos = pos;
        best_b = b;
      }
    }
    st->next[i] = best_pos;
  }
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
    {.key = "rounds", .def = 10, .min = 1, .max = 10000,
     .doc = "rounds to run (stop=fixed) or the most rounds (stop=converge); whole number"},
    {.key = "stop", .is_word = true, .words = "fixed|converge",
     .doc = "fixed: run all rounds; converge: stop when every median settles"},
    {.key = "epsilon", .def = 0.5, .min = 0, .max = 100,
     .doc = "converge: a median settles when it moves by no more than this"},
    {.key = "patience", .def = 2, .min = 1, .max = 10000,
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
