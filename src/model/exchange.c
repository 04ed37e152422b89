/* exchange.c: the exchange model of Stokman and Van Oosten (1994): actors trade
 * positions across issues they weigh differently. Equations, sources and the choices
 * made where the sources leave room: docs/models/exchange.md.
 *
 * One round, with n actors, m issues, capabilities c_i, saliences s_ik, positions x_ik:
 *   W_k = sum_i c_i s_ik,  O_k = sum_i c_i s_ik x_ik / W_k      (compromise, expected outcome)
 *   U_i = - sum_k s_ik |x_ik - O_k|                              (utility; positions at the
 *                                                                 start of the round)
 * A pair (i, j) on opposite sides of O_f and of O_g (f != g) with
 *   s_if s_jg < s_jf s_ig                                         (i weighs f less than j)
 * trades: i moves on f toward O_f (toward j), j moves on g toward O_g (toward i). If i
 * moves by t_i, O_f moves by D = c_i s_if t_i / W_f away from i; likewise E = c_j s_jg t_j / W_g.
 *   gain_i = s_ig E - s_if D,  gain_j = s_jf D - s_jg E.
 * Equal gains fix the exchange rate E = r D with r = (s_if + s_jf) / (s_ig + s_jg), so
 *   gain = D (s_ig s_jf - s_if s_jg) / (s_ig + s_jg) > 0.
 * D is as large as allowed: D <= Dmax = min(c_i s_if |x_if - O_f| / W_f, |x_jf - O_f|) (i at
 * most reaches O_f; O_f never passes j, the demander) and r D <= Emax (same for j on g); so
 * D = min(Dmax, Emax / r) and one partner moves all the way (or to the demander's cap).
 * Feasible exchanges are made in descending order of gain (ties: lower i, j, f, g first),
 * each actor-issue position taking part in at most one exchange per round; then the
 * outcomes are recomputed and the next round starts.
 *
 * Complexity per round: a pass evaluates every pair of actors on every pair of issues,
 * O(n^2 m^2), keeping the L = max(1024, 8 n m) best feasible exchanges in a heap
 * (O(log L) each) and making them in order; a further pass, over positions still unused,
 * follows only when all L were feasible. Each pass makes at least one exchange, so a
 * round takes at most n m / 4 + 1 passes (2 or 3 measured on random problems of 50 to
 * 1,000 actors x 10 issues). Memory O(n m): 24 L bytes for the heap. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#include "model/model_i.h"
#include "status/diag.h"

enum {
  EXCHANGE_ROUND_CAP = 100 /* rounds = 0: stop on no exchange, convergence, or here */
};

/* Within this distance of the expected outcome (0-100 scale) a position is on no side. */
#define EXCHANGE_SIDE_EPS 1e-9

static const concert_param_spec exchange_params[] = {
    {.key = "rounds", .def = 0, .min = 0, .max = 10000,
     .doc = "rounds of exchange; 0 = until no exchange or converged (at most 100)"},
    {.key = "min_gain", .def = 1e-9, .min = 0, .max = 1e6,
     .doc = "an exchange is made only if each side gains more than this"},
    {.key = "tol", .def = 1e-6, .min = 0, .max = 100,
     .doc = "stop once no expected outcome moved more than this in a round (0 = off)"},
};

/* A feasible exchange found by the pair search: i concedes on f, j concedes on g. */
typedef struct candidate {
  double gain;  /* equal expected-utility gain of each side */
  uint32_t i;   /* lower actor index */
  uint32_t j;   /* higher actor index */
  uint32_t f;   /* issue on which i moves toward j */
  uint32_t g;   /* issue on which j moves toward i */
} candidate;

/* The state of one round: outcomes and per actor-issue quantities at its start. */
typedef struct round_state {
  size_t n, m;            /* actors, issues */
  const double *x;        /* positions at the start of the round, n x m */
  const double *s;        /* saliences, n x m */
  const double *c;        /* capabilities, n */
  double *w;              /* W_k, m */
  double *o;              /* O_k, m */
  double *reach;          /* c_i s_ik |x_ik - O_k| / W_k: how far i can move O_k, n x m */
  signed char *side;      /* sign(x_ik - O_k), 0 within EXCHANGE_SIDE_EPS, n x m */
} round_state;

/* The terms of one exchange (i concedes on f, j on g). */
typedef struct terms {
  double d, e;             /* outcome shifts on f and on g */
  double gain_i, gain_j;   /* each side's gain */
  double gain;             /* the closed form D (s_ig s_jf - s_if s_jg) / (s_ig + s_jg) */
  int i_full, j_full;      /* 1 if i (j) moves all the way to the expected outcome */
} terms;

/* Expected outcome of every issue: the compromise model (compromise.c). O(n m). */
static void outcomes(size_t n, size_t m, const double *x, const double *s, const double *c,
                     double *w, double *o) {
  for (size_t k = 0; k < m; k++) {
    double sw = 0, sx = 0, plain = 0;
    for (size_t a = 0; a < n; a++) {
      double wk = c[a] * s[a * m + k];
      sw += wk;
      sx += wk * x[a * m + k];
      plain += x[a * m + k];
    }
    w[k] = sw;
    o[k] = sw > 0 ? sx / sw : plain / (double)n;
  }
}

static void prepare(round_state *st) {
  size_t n = st->n, m = st->m;
  outcomes(n, m, st->x, st->s, st->c, st->w, st->o);
  for (size_t a = 0; a < n; a++)
    for (size_t k = 0; k < m; k++) {
      double dx = st->x[a * m + k] - st->o[k];
      st->side[a * m + k] = dx > EXCHANGE_SIDE_EPS ? 1 : dx < -EXCHANGE_SIDE_EPS ? -1 : 0;
      st->reach[a * m + k] =
          st->w[k] > 0 ? st->c[a] * st->s[a * m + k] * fabs(dx) / st->w[k] : 0;
    }
}

/* Terms of the exchange where i concedes on f and j on g; the caller has checked that
 * they are on opposite sides on both issues and that s_if s_jg < s_jf s_ig. */
static terms exchange_terms(const round_state *st, size_t i, size_t j, size_t f, size_t g) {
  size_t m = st->m;
  double sif = st->s[i * m + f], sig = st->s[i * m + g];
  double sjf = st->s[j * m + f], sjg = st->s[j * m + g];
  double dmax = fmin(st->reach[i * m + f], fabs(st->x[j * m + f] - st->o[f]));
  double emax = fmin(st->reach[j * m + g], fabs(st->x[i * m + g] - st->o[g]));
  double r = (sif + sjf) / (sig + sjg);
  terms t;
  t.d = fmin(dmax, emax / r);
  t.e = r * t.d;
  t.gain_i = sig * t.e - sif * t.d;
  t.gain_j = sjf * t.d - sjg * t.e;
  t.gain = t.d * (sig * sjf - sif * sjg) / (sig + sjg);
  t.i_full = t.d >= st->reach[i * m + f];
  t.j_full = t.e >= st->reach[j * m + g];
  return t;
}

/* Descending gain; ties by ascending (i, j, f, g) so that the order is total. */
static int by_gain(const void *pa, const void *pb) {
  const candidate *a = pa, *b = pb;
  if (a->gain != b->gain) return a->gain > b->gain ? -1 : 1;
  if (a->i != b->i) return a->i < b->i ? -1 : 1;
  if (a->j != b->j) return a->j < b->j ? -1 : 1;
  if (a->f != b->f) return a->f < b->f ? -1 : 1;
  if (a->g != b->g) return a->g < b->g ? -1 : 1;
  return 0;
}

/* The cap earliest candidates (in by_gain order) offered so far, as a binary heap whose
 * root is the latest of them; sorted by search() once full or exhausted. */
typedef struct chunk {
  candidate *v; /* cap slots */
  size_t len;   /* candidates held */
  size_t cap;   /* capacity L */
} chunk;

/* Offers a candidate to the chunk. O(log L). */
static void chunk_offer(chunk *h, candidate c) {
  size_t k;
  if (h->len < h->cap) { /* sift up from a new leaf */
    k = h->len++;
    while (k > 0) {
      size_t up = (k - 1) / 2;
      if (by_gain(&h->v[up], &c) >= 0) break;
      h->v[k] = h->v[up];
      k = up;
    }
    h->v[k] = c;
    return;
  }
  if (by_gain(&c, &h->v[0]) >= 0) return; /* not earlier than the latest kept */
  k = 0;                                  /* replace the root and sift down */
  for (;;) {
    size_t l = 2 * k + 1, r = l + 1, late = k;
    const candidate *lv = &c;
    if (l < h->len && by_gain(&h->v[l], lv) > 0) late = l, lv = &h->v[l];
    if (r < h->len && by_gain(&h->v[r], lv) > 0) late = r, lv = &h->v[r];
    if (late == k) break;
    h->v[k] = h->v[late];
    k = late;
  }
  h->v[k] = c;
}

/* The pair search: the L earliest (highest-gain) feasible exchanges of the round whose
 * four actor-issue positions are all unused and whose gains exceed min_gain, sorted.
 * O(n^2 m^2 log L) time at worst, O(L) memory. */
static void search(const round_state *st, double min_gain, const unsigned char *used,
                   chunk *h) {
  size_t n = st->n, m = st->m;
  h->len = 0;
  for (size_t i = 0; i < n; i++)
    for (size_t j = i + 1; j < n; j++)
      for (size_t f = 0; f < m; f++) {
        if (st->side[i * m + f] * st->side[j * m + f] >= 0) continue;
        if (used[i * m + f] || used[j * m + f]) continue;
        for (size_t g = f + 1; g < m; g++) {
          if (st->side[i * m + g] * st->side[j * m + g] >= 0) continue;
          if (used[i * m + g] || used[j * m + g]) continue;
          double p = st->s[i * m + f] * st->s[j * m + g]; /* s_if s_jg */
          double q = st->s[j * m + f] * st->s[i * m + g]; /* s_jf s_ig */
          size_t cf, cg;                                  /* issues i, j concede on */
          if (p < q) cf = f, cg = g;
          else if (q < p) cf = g, cg = f;
          else continue; /* proportional saliences: nothing to trade */
          terms t = exchange_terms(st, i, j, cf, cg);
          if (!(t.gain_i > min_gain && t.gain_j > min_gain)) continue;
          candidate c = {.gain = t.gain, .i = (uint32_t)i, .j = (uint32_t)j,
                         .f = (uint32_t)cf, .g = (uint32_t)cg};
          chunk_offer(h, c);
        }
      }
  if (h->len > 1) qsort(h->v, h->len, sizeof *h->v, by_gain);
}

/* Makes the exchanges of a sorted chunk in order, skipping any that touches a used
 * actor-issue position; writes new positions into next and the deals into sol; adds
 * the number made to *made. O(L). */
static concert_status execute(const round_state *st, const chunk *h, size_t round,
                              double *next, unsigned char *used, concert_solution *sol,
                              size_t *made) {
  size_t m = st->m;
  for (size_t q = 0; q < h->len; q++) {
    size_t i = h->v[q].i, j = h->v[q].j, f = h->v[q].f, g = h->v[q].g;
    if (used[i * m + f] || used[i * m + g] || used[j * m + f] || used[j * m + g]) continue;
    used[i * m + f] = used[i * m + g] = used[j * m + f] = used[j * m + g] = 1;
    terms tm = exchange_terms(st, i, j, f, g);
    /* Position shifts that produce the outcome shifts D and E, toward the outcome. */
    double ti = tm.d * st->w[f] / (st->c[i] * st->s[i * m + f]);
    double tj = tm.e * st->w[g] / (st->c[j] * st->s[j * m + g]);
    double xi = st->x[i * m + f], xj = st->x[j * m + g];
    double ni = tm.i_full ? st->o[f] : xi - (double)st->side[i * m + f] * ti;
    double nj = tm.j_full ? st->o[g] : xj - (double)st->side[j * m + g] * tj;
    next[i * m + f] = ni;
    next[j * m + g] = nj;
    concert_deal deal = {.actor_a = i, .actor_b = j, .issue_a = f, .issue_b = g,
                         .shift_a = ni - xi, .shift_b = nj - xj,
                         .gain_a = tm.gain_i, .gain_b = tm.gain_j, .round = round};
    if (concert_i_solution_add_deal(sol, &deal)) return CONCERT_ERR_NOMEM;
    (*made)++;
  }
  return CONCERT_OK;
}

/* One round: chunks of the L best still-feasible exchanges until a chunk comes back
 * short of L (then no feasible exchange is left). Each full chunk makes at least its
 * first exchange, so there are at most n m / 4 + 1 chunks. This gives exactly the
 * exchanges of a greedy pass over the whole list sorted by gain: an exchange skipped by
 * that pass touches a position used before it, and positions never become free. */
static concert_status one_round(const round_state *st, double min_gain, size_t round,
                                double *next, unsigned char *used, chunk *h,
                                concert_solution *sol, size_t *made) {
  *made = 0;
  for (size_t t = 0; t < st->n * st->m; t++) used[t] = 0;
  for (;;) {
    search(st, min_gain, used, h);
    concert_status status = execute(st, h, round, next, used, sol, made);
    if (status || h->len < h->cap) return status;
  }
}

static concert_status solve(const concert_params *params, const concert_problem *p,
                            concert_solution *sol, concert_diag *d) {
  size_t n = p->n_actors, m = p->n_issues;
  double rounds_param = concert_params_number(params, "rounds", 0);
  double min_gain = concert_params_number(params, "min_gain", 1e-9);
  double tol = concert_params_number(params, "tol", 1e-6);
  if (rounds_param != floor(rounds_param))
    return concert_i_fail(d, CONCERT_ERR_INVALID, NULL, 0, 0, "rounds",
                          "exchange parameter 'rounds' is %g; it must be a whole number",
                          rounds_param);
  if (n > UINT32_MAX || m > UINT32_MAX)
    return CONCERT_FAIL(d, CONCERT_ERR_TOO_LARGE, "the exchange model takes at most %u actors "
                        "and issues", (unsigned)UINT32_MAX);
  /* bounded cost (docs/limits.md): a round weighs every pair of actors on every pair of
   * issues; 1,000 actors x 10 issues take about 16 s */
  if (m > 0 && n > CONCERT_I_EXCHANGE_MAX_CELLS / m)
    return CONCERT_FAIL(d, CONCERT_ERR_TOO_LARGE,
                        "the exchange model takes at most %d actors x issues (the limit; "
                        "docs/limits.md); this problem has %zu actors x %zu issues = %zu",
                        CONCERT_I_EXCHANGE_MAX_CELLS, n, m, n * m);
  if (n > SIZE_MAX / m / (8 * sizeof(candidate))) /* also bounds (3 nm + 3 m) doubles */
    return CONCERT_FAIL(d, CONCERT_ERR_TOO_LARGE, "problem too large");
  size_t nm = n * m, max_rounds = rounds_param > 0 ? (size_t)rounds_param : EXCHANGE_ROUND_CAP;
  /* Chunk size L = max(1024, 8 n m): a few passes per round (docs/models/exchange.md). */
  size_t lcap = nm < 128 ? 1024 : 8 * nm;
  chunk h = {.v = malloc(lcap * sizeof(candidate)), .len = 0, .cap = lcap};
  double *buf = malloc((3 * nm + 3 * m) * sizeof *buf);
  unsigned char *bytes = malloc(2 * nm);
  if (!buf || !bytes || !h.v) {
    free(buf);
    free(bytes);
    free(h.v);
    return CONCERT_FAIL(d, CONCERT_ERR_NOMEM, "out of memory");
  }
  double *cur = buf, *next = buf + nm, *reach = buf + 2 * nm, *w = buf + 3 * nm,
         *o = w + m, *prev = o + m;
  unsigned char *used = bytes;
  round_state st = {.n = n, .m = m, .x = cur, .s = p->salience, .c = p->capability,
                    .w = w, .o = o, .reach = reach, .side = (signed char *)(bytes + nm)};
  for (size_t t = 0; t < nm; t++) cur[t] = p->position[t];
  size_t r = 0;
  concert_status status = CONCERT_OK;
  const char *stop = rounds_param > 0 ? "fixed rounds" : "round cap";
  prepare(&st);
  concert_i_solution_set_round_outcome(sol, 0, o, NULL);
  for (; r < max_rounds; r++) {
    for (size_t t = 0; t < nm; t++) next[t] = cur[t];
    size_t made = 0;
    if ((status = one_round(&st, min_gain, r, next, used, &h, sol, &made))) break;
    if (made == 0) {
      stop = "no exchange";
      break;
    }
    for (size_t t = 0; t < nm; t++) cur[t] = next[t];
    double moved = 0;
    for (size_t k = 0; k < m; k++) prev[k] = o[k];
    prepare(&st);
    for (size_t k = 0; k < m; k++) moved = fmax(moved, fabs(o[k] - prev[k]));
    if ((status = concert_i_solution_push_round(sol, cur, o, NULL))) break;
    if (moved <= tol) {
      stop = "converged";
      break;
    }
  }
  free(h.v);
  if (status == CONCERT_OK) {
    concert_i_solution_set_outcome(sol, o);
    concert_i_solution_set_stop(sol, stop);
  }
  free(buf);
  free(bytes);
  if (status) return CONCERT_FAIL(d, status, "out of memory in the exchange model");
  return CONCERT_OK;
}

const concert_model concert_i_model_exchange = {
    .name = "exchange",
    .summary = "position exchange across issues, equal gains (Stokman & Van Oosten 1994)",
    .min_issues = 2,
    .needs_reversion = false,
    .params = exchange_params,
    .n_params = sizeof exchange_params / sizeof exchange_params[0],
    .solve = solve,
};
