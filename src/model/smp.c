/* smp.c: the spatial model of politics (SMP) in the style of KTAB (KAPSARC), on all
 * issues jointly: every actor has a multi-dimensional position; each turn every actor
 * picks the most profitable actor to challenge, proposes an interpolated bargain, and
 * each actor then adopts the bargain in its queue that the capability-weighted PCE
 * favours. Equations, options and sources: docs/models/smp.md.
 * Per turn O(n^2 (n + m)) time for n actors and m issues; memory O(n (n + m)). */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "model/smp_i.h"
#include "status/diag.h"

#define SMP_POS_TOL 1e-3    /* positions closer than this (0..1 scale) are one option */
#define SMP_MIN_EDU 1e-5    /* smallest expected gain worth a challenge */
#define SMP_MIN_CLTN 1e-10  /* empty coalition strength in a challenge */
#define SMP_MIN_SIG 1e-4    /* guards the first move against 0/0 in the stopping rule */
#define SMP_NO_BARGAIN SIZE_MAX

/* A proposed bargain: the initiator i and the receiver j each get a new position. */
typedef struct smp_bargain_pos {
  size_t init, rcvr; /* actor indices, init != rcvr */
  double *pi, *pj;   /* m coordinates for the initiator and for the receiver */
} smp_bargain_pos;

/* One run's working state; everything on the 0..1 scale as in KTAB. */
typedef struct smp_run {
  size_t n, m;            /* actors, dimensions */
  const smp_config *cfg;  /* options */
  double *cap;            /* n capabilities */
  double *sal;            /* n x m saliences, each actor's summing to <= 1 */
  double *stot;           /* n total saliences */
  double *pos;            /* n x m current positions */
  double *ideal;          /* n x m ideal points (track positions: identity affinity) */
  double *dist;           /* n x n: dist(ideal_i, pos_j) weighted by i's saliences */
  double *dist_t;         /* n x n: the transpose of dist, dist_t[j n + i] = dist[i n + j] */
  int dist_le1;           /* every entry of dist is <= 1 (enables the vectorised sweep) */
  double *risk;           /* n risk attitudes of the current state */
  size_t *uniq;           /* indices of the first actor of each distinct position */
  size_t n_uniq;          /* number of distinct positions */
  double *prob_u;         /* n_uniq: probability that each distinct position wins */
  double *wsc;            /* n: total salience x capability */
  double *rowsum;         /* n: sum_x u^a(a, x), for bargain values */
  double *work;           /* general scratch, sized by ensure_work */
  size_t work_size;       /* doubles in work */
} smp_run;

/* Salience-weighted normalised distance between point a (of actor i) and point b. */
static double wdist(const smp_run *r, size_t i, const double *a, const double *b) {
  const double *s = r->sal + i * r->m;
  double num = 0, den = 0;
  for (size_t k = 0; k < r->m; k++) {
    double t = s[k] * (a[k] - b[k]);
    num += t * t;
    den += s[k] * s[k];
  }
  return den > 0 ? sqrt(num / den) : 0.0;
}

static double norm_diff(const double *a, const double *b, size_t m) {
  double s = 0;
  for (size_t k = 0; k < m; k++) s += (a[k] - b[k]) * (a[k] - b[k]);
  return sqrt(s);
}

static int ensure_work(smp_run *r, size_t need) {
  if (need <= r->work_size) return 0;
  double *w = realloc(r->work, need * sizeof *w);
  if (!w) return 1;
  r->work = w;
  r->work_size = need;
  return 0;
}

/* Distances, distinct positions, risk attitudes and the winning probabilities of the
 * current state (KTAB's setAllAUtil and pDist). Returns a status. */
static concert_status setup_state(smp_run *r, concert_diag *d) {
  size_t n = r->n, m = r->m;
  r->dist_le1 = 1;
  for (size_t i = 0; i < n; i++)
    for (size_t j = 0; j < n; j++) {
      double dij = wdist(r, i, r->ideal + i * m, r->pos + j * m);
      r->dist[i * n + j] = r->dist_t[j * n + i] = dij;
      if (!(dij <= 1)) r->dist_le1 = 0;
    }
  r->n_uniq = 0;
  for (size_t i = 0; i < n; i++) {
    int seen = 0;
    for (size_t u = 0; u < r->n_uniq && !seen; u++)
      seen = norm_diff(r->pos + i * m, r->pos + r->uniq[u] * m, m) < SMP_POS_TOL;
    if (!seen) r->uniq[r->n_uniq++] = i;
  }
  if (ensure_work(r, 5 * n * n + 3 * n))
    return CONCERT_FAIL(d, CONCERT_ERR_NOMEM, "out of memory in the smp model");
  double *u = r->work, *c = u + n * n, *scratch = c + n * n, *p = scratch + 3 * n * n + 2 * n;
  /* risk-neutral utilities, capability-weighted coalitions over every actor's position */
  for (size_t k = 0; k < n; k++)
    for (size_t i = 0; i < n; i++) u[k * n + i] = smp_util(r->dist[k * n + i], 0.0);
  concert_i_smp_coalitions(r->cfg->voting, n, n, r->cap, u, c);
  if (concert_i_smp_pce(r->cfg->pce, r->cfg->victory, n, c, p, scratch))
    return CONCERT_FAIL(d, CONCERT_ERR_NUMERIC, "smp: the Markov PCE did not converge");
  concert_i_smp_big_r(r->cfg->r_range, n, p, r->risk);
  /* winning probabilities of the distinct positions, each actor judging by its own
   * risk-aware utility; KTAB fixes the proportional voting rule here */
  size_t nu = r->n_uniq;
  for (size_t k = 0; k < n; k++) {
    double rk = smp_est_r(r->cfg->r_adjust, r->risk[k], r->risk[k]);
    for (size_t v = 0; v < nu; v++)
      u[k * nu + v] = smp_util(r->dist[k * n + r->uniq[v]], rk);
  }
  concert_i_smp_coalitions(SMP_VR_PROP, n, nu, r->cap, u, c);
  if (concert_i_smp_pce(r->cfg->pce, r->cfg->victory, nu, c, r->prob_u, scratch))
    return CONCERT_FAIL(d, CONCERT_ERR_NUMERIC, "smp: the Markov PCE did not converge");
  return CONCERT_OK;
}

/* Probability that actor a's position wins (the last distinct position equivalent to it,
 * as KTAB's posProb scans). */
static double actor_prob(const smp_run *r, size_t a) {
  double p = 0;
  for (size_t v = 0; v < r->n_uniq; v++)
    if (norm_diff(r->pos + a * r->m, r->pos + r->uniq[v] * r->m, r->m) < SMP_POS_TOL)
      p = r->prob_u[v];
  return p;
}

/* h's estimate of actor x's utility of a position at normalised distance d (KTAB's
 * risk-adjusted utility with x's attitude as h perceives it). */
static double uh_of(const smp_run *r, size_t h, size_t x, double d) {
  return smp_util(d, smp_est_r(r->cfg->r_adjust, r->risk[h], r->risk[x]));
}

/* Third party's vote in the contest i against j (KTAB thirdPartyVoteSU, sum of
 * utilities): it compares joining i with joining j, given the little-coalition odds pin
 * that i wins with it; uni, unj, unn are its utilities of i's, j's and its own position. */
static inline __attribute__((always_inline)) double third_party_vote(
    smp_voting_rule vr, smp_commit tp, double wn, double pin, double uni, double unj,
    double unn) {
  double pjn = 1.0 - pin;
  double ik_def_j, j_def_ik, i_def_jk, jk_def_i;
  switch (tp) {
    case SMP_TP_FULL:
      ik_def_j = 3 * uni, j_def_ik = 3 * unj, i_def_jk = 3 * uni, jk_def_i = 3 * unj;
      break;
    case SMP_TP_NONE:
      ik_def_j = uni + uni + unn, j_def_ik = unj + unj + unn;
      i_def_jk = uni + uni + unn, jk_def_i = unj + unj + unn;
      break;
    case SMP_TP_SEMI:
    default:
      ik_def_j = uni + uni + unn, j_def_ik = unj + unj + unj;
      i_def_jk = uni + uni + uni, jk_def_i = unj + unj + unn;
      break;
  }
  double u_ik_j = pin * ik_def_j + pjn * j_def_ik;
  double u_i_jk = pin * i_def_jk + pjn * jk_def_i;
  return smp_vote(vr, wn, u_ik_j, u_i_jk);
}

/* The third parties' sweep of challenges(): for one third party x (weight wn, risk
 * attitude rx as h sees it, utilities uni of i's position and unn of its own), adds its
 * vote in each of cnt contests i against j to the sums cij[t] (for i) and cji[t] (for j).
 * du[t] is x's distance to j's position; base_i/base_j are the principals' own coalition
 * strengths. One accumulator per contest, so each sum adds the third parties in
 * the order x = 0..n-1 as KTAB's loop does (adding +0.0 leaves a positive sum unchanged). */
static inline __attribute__((always_inline)) void third_party_sweep(
    smp_voting_rule vr, smp_commit tp, int le1, size_t cnt, double wn, double rx,
    double uni, double unn, const double *restrict du, const double *restrict base_i,
    const double *restrict base_j, double *restrict cij, double *restrict cji) {
  for (size_t t = 0; t < cnt; t++) {
    /* the d <= 1 branch of smp_util without a branch, when every distance is <= 1 */
    double unj = le1 ? (1 - du[t]) * (1 + du[t] * rx) : smp_util(du[t], rx);
    double vn = smp_vote(vr, wn, uni, unj);
    /* selects before the additions (bit-identical: b + 0.0 = b for b > 0) let gcc
     * vectorise; b + (-v) is b - v exactly */
    double cni = base_i[t] + (vn > 0 ? vn : 0.0), cnj = base_j[t] + (vn < 0 ? -vn : 0.0);
    double pin = cni / (cni + cnj);
    double v = third_party_vote(vr, tp, wn, pin, uni, unj, unn);
    cij[t] += v > 0 ? v : 0.0;
    cji[t] += v < 0 ? -v : 0.0;
  }
}

/* Signature shared by the specialised sweeps. */
#define SMP_SWEEP_ARGS                                                                    \
  size_t cnt, double wn, double rx, double uni, double unn, const double *restrict du,    \
      const double *restrict base_i, const double *restrict base_j, double *restrict cij, \
      double *restrict cji
#define SMP_SWEEP_CALL cnt, wn, rx, uni, unn, du, base_i, base_j, cij, cji
/* KTAB's defaults (proportional votes, semi-committed third parties) with every distance
 * <= 1 (always so for positions in [0, 1]), SSE2 and AVX2. */
static void sweep_prop_semi(SMP_SWEEP_ARGS) {
  third_party_sweep(SMP_VR_PROP, SMP_TP_SEMI, 1, SMP_SWEEP_CALL);
}
#if defined(__x86_64__) && defined(__GNUC__)
__attribute__((target("avx2"))) static void sweep_prop_semi_avx2(SMP_SWEEP_ARGS) {
  third_party_sweep(SMP_VR_PROP, SMP_TP_SEMI, 1, SMP_SWEEP_CALL);
}
#define SMP_HAVE_AVX2() __builtin_cpu_supports("avx2")
#else /* elsewhere the portable sweep serves (same operations, same results) */
#define sweep_prop_semi_avx2 sweep_prop_semi
#define SMP_HAVE_AVX2() 0
#endif
/* Any other combination of options (the same operations, not specialised). */
static void sweep_any(smp_voting_rule vr, smp_commit tp, SMP_SWEEP_ARGS) {
  third_party_sweep(vr, tp, 0, SMP_SWEEP_CALL);
}

/* Perspective h's estimates, for initiator i and each of the nc receivers j = cand[t]
 * (j != i), of the probability p[t] that i beats j and of i's expected gain edu[t] from
 * challenging j (KTAB probEduChlg with k = i). wk holds (n + 5) nc doubles; inv has n
 * entries, all SMP_NO_BARGAIN on entry and on return. Utilities come from the distances
 * on the fly. O(n nc). */
static void challenges(const smp_run *r, size_t h, size_t i, const size_t *cand, size_t nc,
                       double *p, double *edu, double *wk, size_t *inv) {
  size_t n = r->n;
  smp_voting_rule vr = r->cfg->voting;
  smp_commit tp = r->cfg->commit;
  double *base_i = wk, *base_j = wk + nc, *cij = wk + 2 * nc, *cji = wk + 3 * nc;
  double *uij = wk + 4 * nc, *dcol = wk + 5 * nc;
  double uii = uh_of(r, h, i, r->dist[i * n + i]);
  for (size_t t = 0; t < nc; t++) {
    size_t j = cand[t];
    inv[j] = t;
    uij[t] = uh_of(r, h, i, r->dist[i * n + j]);
    double uji = uh_of(r, h, j, r->dist[j * n + i]), ujj = uh_of(r, h, j, r->dist[j * n + j]);
    double ci = smp_vote(vr, r->stot[i] * r->cap[i], uii, uij[t]);
    double cj = smp_vote(vr, r->stot[j] * r->cap[j], uji, ujj);
    double chij = SMP_MIN_CLTN, chji = SMP_MIN_CLTN;
    if (ci > 0) chij += ci;
    if (ci < 0) chji -= ci;
    if (cj > 0) chij += cj;
    if (cj < 0) chji -= cj;
    cij[t] = base_i[t] = chij;
    cji[t] = base_j[t] = chji;
  }
  /* everyone's distances to the receivers' positions, x-major: dcol[x nc + t] */
  concert_i_smp_gather(r->dist_t, n, cand, nc, dcol);
  int fast = vr == SMP_VR_PROP && tp == SMP_TP_SEMI && r->dist_le1;
  int avx2 = fast && nc >= 16 && SMP_HAVE_AVX2();
  for (size_t x = 0; x < n; x++) {
    if (x == i) continue;
    double rx = smp_est_r(r->cfg->r_adjust, r->risk[h], r->risk[x]);
    double wn = r->wsc[x], uni = smp_util(r->dist_t[i * n + x], rx);
    double unn = smp_util(r->dist_t[x * n + x], rx);
    const double *du = dcol + x * nc;
    /* the two ranges around receiver x, which is no third party in its own contest */
    size_t tx = inv[x] == SMP_NO_BARGAIN ? nc : inv[x];
    size_t lo[2] = {0, tx + 1}, hi[2] = {tx, nc};
    for (int s = 0; s < 2; s++) {
      if (lo[s] >= hi[s]) continue;
      size_t cnt = hi[s] - lo[s], o = lo[s];
      if (avx2)
        sweep_prop_semi_avx2(cnt, wn, rx, uni, unn, du + o, base_i + o, base_j + o, cij + o,
                             cji + o);
      else if (fast)
        sweep_prop_semi(cnt, wn, rx, uni, unn, du + o, base_i + o, base_j + o, cij + o,
                        cji + o);
      else
        sweep_any(vr, tp, cnt, wn, rx, uni, unn, du + o, base_i + o, base_j + o, cij + o,
                  cji + o);
    }
  }
  for (size_t t = 0; t < nc; t++) {
    inv[cand[t]] = SMP_NO_BARGAIN;
    double pj = cij[t] / (cij[t] + cji[t]);
    double eu_sq = uii + uij[t], eu_vict = 2 * uii, eu_lose = 2 * uij[t];
    double sj = r->stot[cand[t]];
    double eu_contest = pj * eu_vict + (1 - pj) * eu_lose;
    double eu_chlg = (1 - sj) * eu_vict + sj * eu_contest;
    p[t] = pj;
    edu[t] = eu_chlg - eu_sq;
  }
}

/* A receiver and the upper bound of the initiator's gain from challenging it. */
typedef struct smp_cand {
  double ub; /* bound on edu, whatever the probability of winning */
  size_t j;  /* receiver */
} smp_cand;

/* Larger bounds first, then smaller receivers: a total order. */
static int cand_before(const smp_cand *x, const smp_cand *y) {
  return x->ub > y->ub || (x->ub == y->ub && x->j < y->j);
}

/* Reorders c[0..nc) so that its first k entries are the k first in cand_before order
 * (in no particular order among themselves): quickselect, median-of-three pivots.
 * O(nc) on average. */
static void select_first(smp_cand *c, size_t nc, size_t k) {
  size_t lo = 0, hi = nc; /* the boundary k lies in [lo, hi) */
  while (k > lo && k < hi && hi - lo > 1) {
    size_t mid = lo + (hi - lo) / 2;
    smp_cand a = c[lo], b = c[mid], d = c[hi - 1], piv;
    if (cand_before(&a, &b))
      piv = cand_before(&b, &d) ? b : (cand_before(&a, &d) ? d : a);
    else
      piv = cand_before(&a, &d) ? a : (cand_before(&b, &d) ? d : b);
    /* three-way partition: before the pivot, the pivot itself (unique: j breaks ties), after */
    size_t lt = lo, gt = hi;
    for (size_t t = lo; t < gt;) {
      if (cand_before(&c[t], &piv)) {
        smp_cand x = c[t];
        c[t++] = c[lt], c[lt++] = x;
      } else if (cand_before(&piv, &c[t])) {
        smp_cand x = c[t];
        c[t] = c[--gt], c[gt] = x;
      } else {
        t++;
      }
    }
    if (k <= lt) hi = lt;
    else if (k >= gt) lo = gt;
    else return;
  }
}

#define SMP_BATCH 48 /* receivers evaluated together in best_challenge */

/* Scratch of best_challenge, allocated once per turn. */
typedef struct smp_chlg_work {
  smp_cand *cand; /* n candidates */
  size_t *idx;    /* SMP_BATCH receivers of a batch */
  size_t *inv;    /* n: position of an actor in the batch, or SMP_NO_BARGAIN */
  double *p;      /* SMP_BATCH probabilities that i wins */
  double *edu;    /* SMP_BATCH expected gains */
  double *wk;     /* (n + 5) SMP_BATCH doubles for challenges() */
} smp_chlg_work;

/* Initiator i's best target: the receiver j with the largest expected gain edu above
 * SMP_MIN_EDU, the smallest j among equals (KTAB's scan in order of j), or
 * SMP_NO_BARGAIN; *p_out is i's estimate that it beats j. The gain is a convex mix of
 * eu_vict = 2 u(i,i) and eu_contest, itself a mix of eu_vict and eu_lose = 2 u(i,j), less
 * eu_sq = u(i,i) + u(i,j); so it cannot exceed max(eu_vict, eu_lose) - eu_sq whatever the
 * probability. The receivers are evaluated in batches of the largest bounds (plus 1e-9
 * for rounding, utilities being in [0, 1]); after each batch those whose bound is below
 * the best gain found are dropped: they cannot win, so the choice is the one of the full
 * scan, and each evaluated gain is computed exactly as before. Usually a small fraction
 * of the n - 1 receivers is evaluated. O(n^2) per batch. */
static size_t best_challenge(const smp_run *r, size_t i, smp_chlg_work *w, double *p_out) {
  size_t n = r->n, nc = 0;
  double uii = uh_of(r, i, i, r->dist[i * n + i]);
  for (size_t j = 0; j < n; j++) {
    if (j == i) continue;
    double uij = uh_of(r, i, i, r->dist[i * n + j]);
    double ev = 2 * uii, el = 2 * uij;
    double ub = (ev > el ? ev : el) - (uii + uij) + 1e-9;
    if (!(ub >= -HUGE_VAL)) ub = HUGE_VAL; /* NaN: always evaluate */
    if (!(ub <= SMP_MIN_EDU)) w->cand[nc++] = (smp_cand){ub, j};
  }
  size_t best = SMP_NO_BARGAIN;
  double best_edu = -1.0, best_p = 0;
  while (nc > 0) {
    size_t nb = nc < SMP_BATCH ? nc : SMP_BATCH;
    select_first(w->cand, nc, nb);
    for (size_t t = 0; t < nb; t++) w->idx[t] = w->cand[t].j;
    challenges(r, i, i, w->idx, nb, w->p, w->edu, w->wk, w->inv);
    for (size_t t = 0; t < nb; t++) {
      double edu = w->edu[t];
      size_t j = w->idx[t];
      if (SMP_MIN_EDU < edu && (best_edu < edu || (best_edu == edu && j < best)))
        best = j, best_edu = edu, best_p = w->p[t];
    }
    /* keep the receivers not yet evaluated whose bound reaches the best gain */
    size_t keep = 0;
    for (size_t t = nb; t < nc; t++)
      if (!(w->cand[t].ub < best_edu)) w->cand[keep++] = w->cand[t];
    nc = keep;
  }
  *p_out = best_p;
  return best;
}

/* KTAB's round to 4 decimals of a non-negative coordinate. */
static double round4(double x) { return floor(0.5 + x * 10000.0) / 10000.0; }

/* Interpolated bargain between ti (salience si, probability pi) and tj, one dimension. */
static void interp(smp_interp iv, double ti, double si, double pi, double tj, double sj,
                   double pj, double *bi, double *bj) {
  const double eps = 1e-6;
  if (iv == SMP_IV_S2PMAX) {
    double di = pj > pi ? pj - pi : 0, dj = pi > pj ? pi - pj : 0;
    double si2 = si * si, sj2 = sj * sj;
    double dik = (di * sj2) / ((di * sj2) + eps + ((1 - di) * si2));
    double djk = (dj * si2) / ((dj * si2) + eps + ((1 - dj) * sj2));
    *bi = ti + dik * (tj - ti);
    *bj = tj + djk * (ti - tj);
    return;
  }
  double wi = iv == SMP_IV_S1P1 ? si * pi : si * si * pi * pi;
  double wj = iv == SMP_IV_S1P1 ? sj * pj : sj * sj * pj * pj;
  *bi = round4(((wi + eps) * ti + wj * tj) / (wi + eps + wj));
  *bj = round4((wi * ti + (eps + wj) * tj) / (wi + eps + wj));
}

/* Fills b with the bargain i proposes to j given probability p that i wins. */
static void make_bargain(const smp_run *r, size_t i, size_t j, double p, smp_bargain_pos *b) {
  b->init = i;
  b->rcvr = j;
  for (size_t k = 0; k < r->m; k++)
    interp(r->cfg->interp, r->pos[i * r->m + k], r->sal[i * r->m + k], p,
           r->pos[j * r->m + k], r->sal[j * r->m + k], 1 - p, &b->pi[k], &b->pj[k]);
}

/* One bargain/challenge/negotiate turn: writes the new positions to next (n x m). */
static concert_status do_turn(smp_run *r, double *next, concert_diag *d) {
  size_t n = r->n, m = r->m;
  concert_status st = CONCERT_OK;
  size_t max_b = 2 * n;
  smp_bargain_pos *bs = calloc(max_b, sizeof *bs);
  double *bmem = malloc(2 * max_b * m * sizeof *bmem);
  size_t *qlen = calloc(n, sizeof *qlen), *queue = malloc(n * (2 * n + 1) * sizeof *queue);
  double *tmp = malloc(2 * m * sizeof *tmp);
  double *pu_i = malloc(max_b * n * sizeof *pu_i), *pu_j = malloc(max_b * n * sizeof *pu_j);
  smp_chlg_work cw = {.cand = malloc(n * sizeof *cw.cand),
                      .idx = malloc(SMP_BATCH * sizeof *cw.idx),
                      .inv = malloc(n * sizeof *cw.inv),
                      .p = malloc((n + 7) * SMP_BATCH * sizeof *cw.p)};
  size_t nb = 0;
  if (!bs || !bmem || !qlen || !queue || !tmp || !pu_i || !pu_j || !cw.cand || !cw.idx ||
      !cw.inv || !cw.p) {
    st = CONCERT_FAIL(d, CONCERT_ERR_NOMEM, "out of memory in the smp model");
    goto done;
  }
  cw.edu = cw.p + SMP_BATCH, cw.wk = cw.p + 2 * SMP_BATCH;
  for (size_t a = 0; a < n; a++) cw.inv[a] = SMP_NO_BARGAIN;
  for (size_t b = 0; b < max_b; b++) bs[b].pi = bmem + 2 * b * m, bs[b].pj = bmem + (2 * b + 1) * m;
#define SMP_PUSH(a, id) (queue[(a) * (2 * n + 1) + qlen[a]++] = (id))
  for (size_t i = 0; i < n; i++) {
    SMP_PUSH(i, SMP_NO_BARGAIN); /* the status quo */
    double best_p;
    size_t best = best_challenge(r, i, &cw, &best_p);
    if (best == SMP_NO_BARGAIN) continue;
    size_t j = best;
    smp_bargain_pos *bi = &bs[nb];
    make_bargain(r, i, j, best_p, bi);
    if (r->cfg->bargain == SMP_BM_INIT_ONLY) {
      SMP_PUSH(i, nb);
      SMP_PUSH(j, nb);
      nb++;
      continue;
    }
    /* the receiver's own estimate of the probability that i wins */
    double pj_est, edu_j;
    challenges(r, j, i, &j, 1, &pj_est, &edu_j, cw.wk, cw.inv);
    smp_bargain_pos *bj = &bs[nb + 1];
    make_bargain(r, i, j, pj_est, bj);
    if (r->cfg->bargain == SMP_BM_INIT_RCVR) {
      SMP_PUSH(i, nb);
      SMP_PUSH(i, nb + 1);
      SMP_PUSH(j, nb);
      SMP_PUSH(j, nb + 1);
      nb += 2;
      continue;
    }
    double wi = r->cap[i] * r->stot[i], wj = r->cap[j] * r->stot[j];
    double den = wi + wj > 0 ? wi + wj : 1.0;
    for (size_t k = 0; k < m; k++) {
      tmp[k] = (wi * bi->pi[k] + wj * bj->pi[k]) / den;
      tmp[m + k] = (wi * bi->pj[k] + wj * bj->pj[k]) / den;
    }
    memcpy(bi->pi, tmp, m * sizeof *tmp);
    memcpy(bi->pj, tmp + m, m * sizeof *tmp);
    SMP_PUSH(i, nb);
    SMP_PUSH(j, nb);
    nb++;
  }
#undef SMP_PUSH
  /* each actor's utility of each bargain's two new positions, and of the present state */
  for (size_t a = 0; a < n; a++) {
    double ra = smp_est_r(r->cfg->r_adjust, r->risk[a], r->risk[a]);
    double s = 0;
    for (size_t x = 0; x < n; x++) s += smp_util(r->dist[a * n + x], ra);
    r->rowsum[a] = s;
    for (size_t b = 0; b < nb; b++) {
      pu_i[b * n + a] = smp_util(wdist(r, a, r->pos + a * m, bs[b].pi), r->risk[a]);
      pu_j[b * n + a] = smp_util(wdist(r, a, r->pos + a * m, bs[b].pj), r->risk[a]);
      /* a's mean utility of the state after bargain b (the same for every queue):
       * pu_i now holds it */
      double v = r->rowsum[a];
      v += pu_i[b * n + a] + pu_j[b * n + a];
      v -= smp_util(r->dist[a * n + bs[b].init], ra);
      v -= smp_util(r->dist[a * n + bs[b].rcvr], ra);
      pu_i[b * n + a] = v / (double)n;
    }
  }
  size_t qmax = 1;
  for (size_t k = 0; k < n; k++)
    if (qlen[k] > qmax) qmax = qlen[k];
  if (ensure_work(r, n * qmax + 4 * qmax * qmax + 3 * qmax)) {
    st = CONCERT_FAIL(d, CONCERT_ERR_NOMEM, "out of memory in the smp model");
    goto done;
  }
  for (size_t k = 0; k < n; k++) {
    size_t q = qlen[k];
    const size_t *qk = queue + k * (2 * n + 1);
    double *u = r->work, *c = u + n * q, *scratch = c + q * q, *p = scratch + 3 * q * q + 2 * q;
    for (size_t o = 0; o < q; o++) {
      size_t b = qk[o];
      if (b == SMP_NO_BARGAIN)
        for (size_t a = 0; a < n; a++) u[a * q + o] = r->rowsum[a] / (double)n;
      else
        for (size_t a = 0; a < n; a++) u[a * q + o] = pu_i[b * n + a];
    }
    concert_i_smp_coalitions(r->cfg->voting, n, q, r->cap, u, c);
    if (concert_i_smp_pce(r->cfg->pce, r->cfg->victory, q, c, p, scratch)) {
      st = CONCERT_FAIL(d, CONCERT_ERR_NUMERIC, "smp: the Markov PCE did not converge");
      goto done;
    }
    size_t best = 0;
    for (size_t o = 1; o < q; o++)
      if (fabs(p[o]) > fabs(p[best])) best = o;
    size_t b = qk[best];
    const double *src = r->pos + k * m;
    if (b != SMP_NO_BARGAIN) src = bs[b].init == k ? bs[b].pi : bs[b].pj;
    memcpy(next + k * m, src, m * sizeof *src);
  }
done:
  free(bs);
  free(bmem);
  free(qlen);
  free(queue);
  free(tmp);
  free(pu_i);
  free(pu_j);
  free(cw.cand);
  free(cw.idx);
  free(cw.inv);
  free(cw.p);
  return st;
}

void concert_i_smp_config_default(smp_config *cfg) {
  memset(cfg, 0, sizeof *cfg); /* every enum's first value is KTAB's default */
  cfg->max_turns = 100;
  cfg->min_turns = 2;
  cfg->stop_ratio = 0.02;
}

static double total_move(const double *a, const double *b, size_t n, size_t m) {
  double s = 0;
  for (size_t i = 0; i < n; i++) s += norm_diff(a + i * m, b + i * m, m);
  return s;
}

/* The forecast of a state: the PCE-weighted mean of the distinct positions (0..100), and
 * the capability x salience weighted mean of all positions. */
static void forecast(const smp_run *r, const concert_problem *p, double *out, double *mean) {
  for (size_t k = 0; k < r->m; k++) {
    double s = 0, sw = 0, sx = 0, tot = 0;
    for (size_t v = 0; v < r->n_uniq; v++) {
      s += r->prob_u[v] * r->pos[r->uniq[v] * r->m + k];
      tot += r->prob_u[v];
    }
    out[k] = 100.0 * (tot > 0 ? s / tot : 0);
    for (size_t a = 0; a < r->n; a++) {
      double w = p->capability[a] * p->salience[a * r->m + k];
      sw += w;
      sx += w * r->pos[a * r->m + k];
    }
    if (sw > 0) {
      mean[k] = 100.0 * sx / sw;
    } else {
      double t = 0;
      for (size_t a = 0; a < r->n; a++) t += r->pos[a * r->m + k];
      mean[k] = 100.0 * t / (double)r->n;
    }
  }
}

concert_status concert_i_smp_run(const concert_problem *p, const smp_config *cfg,
                                 concert_solution *sol, smp_trace *trace, concert_diag *d) {
  size_t n = p->n_actors, m = p->n_issues;
  /* bounded cost (docs/limits.md): a turn costs about n^2 log n per issue; 1,000 actors
   * take 1.6 s a turn, 160 s at the default 100 turns */
  if (n > CONCERT_I_SMP_MAX_ACTORS)
    return CONCERT_FAIL(d, CONCERT_ERR_TOO_LARGE,
                        "the smp model takes at most %d actors (the limit; docs/limits.md); "
                        "this problem has %zu actors x %zu issues",
                        CONCERT_I_SMP_MAX_ACTORS, n, m);
  smp_run r = {.n = n, .m = m, .cfg = cfg};
  concert_status st = CONCERT_OK;
  size_t cap_states = cfg->max_turns + 1;
  r.cap = malloc(n * sizeof *r.cap);
  r.stot = malloc(n * sizeof *r.stot);
  r.risk = malloc(n * sizeof *r.risk);
  r.prob_u = malloc(n * sizeof *r.prob_u);
  r.wsc = malloc(n * sizeof *r.wsc);
  r.rowsum = malloc(n * sizeof *r.rowsum);
  r.uniq = malloc(n * sizeof *r.uniq);
  r.sal = malloc(n * m * sizeof *r.sal);
  r.pos = malloc(n * m * sizeof *r.pos);
  r.ideal = malloc(n * m * sizeof *r.ideal);
  r.dist = malloc(n * n * sizeof *r.dist);
  r.dist_t = malloc(n * n * sizeof *r.dist_t);
  double *prev = malloc(n * m * sizeof *prev), *next = malloc(n * m * sizeof *next);
  double *scaled = malloc(n * m * sizeof *scaled);
  double *out = malloc(2 * m * sizeof *out);
  if (trace) {
    trace->states = 0;
    trace->prob = malloc(cap_states * n * sizeof *trace->prob);
    trace->change = malloc(cap_states * sizeof *trace->change);
  }
  if (!r.cap || !r.stot || !r.risk || !r.prob_u || !r.wsc || !r.rowsum || !r.uniq || !r.sal ||
      !r.pos || !r.ideal || !r.dist || !r.dist_t || !prev || !next || !scaled || !out ||
      (trace && (!trace->prob || !trace->change))) {
    st = CONCERT_FAIL(d, CONCERT_ERR_NOMEM, "out of memory in the smp model");
    goto done;
  }
  for (size_t a = 0; a < n; a++) {
    double s = 0;
    for (size_t k = 0; k < m; k++) s += p->salience[a * m + k];
    double scale = s > 1 ? 1 / s : 1; /* KTAB needs total salience <= 1 */
    r.stot[a] = s > 1 ? 1 : s;
    r.cap[a] = p->capability[a];
    r.wsc[a] = r.stot[a] * r.cap[a];
    for (size_t k = 0; k < m; k++) {
      r.sal[a * m + k] = p->salience[a * m + k] * scale;
      r.pos[a * m + k] = p->position[a * m + k] / 100.0;
    }
  }
  memcpy(r.ideal, r.pos, n * m * sizeof *r.pos);
  memcpy(prev, r.pos, n * m * sizeof *r.pos);
  const char *reason = "turn limit";
  double d01 = 0;
  for (size_t t = 0;; t++) {
    st = setup_state(&r, d);
    if (st) goto done;
    forecast(&r, p, out, out + m);
    concert_i_solution_set_round_outcome(sol, t, out, out + m);
    if (trace) {
      for (size_t a = 0; a < n; a++) trace->prob[t * n + a] = actor_prob(&r, a);
      trace->states = t + 1;
    }
    if (t > 0) {
      double dt = total_move(r.pos, prev, n, m);
      if (t == 1) d01 = dt + SMP_MIN_SIG;
      double ratio = dt / d01;
      if (trace) trace->change[t] = ratio;
      if (t >= cfg->max_turns) break;
      if (t >= cfg->min_turns && ratio < cfg->stop_ratio) {
        reason = "converged";
        break;
      }
    } else if (trace) {
      trace->change[0] = NAN;
    }
    if (t >= cfg->max_turns) break;
    st = do_turn(&r, next, d);
    if (st) goto done;
    memcpy(prev, r.pos, n * m * sizeof *r.pos);
    memcpy(r.pos, next, n * m * sizeof *r.pos);
    memcpy(r.ideal, r.pos, n * m * sizeof *r.pos); /* identity affinity */
    for (size_t x = 0; x < n * m; x++) scaled[x] = 100.0 * r.pos[x];
    st = concert_i_solution_push_round(sol, scaled, NULL, NULL);
    if (st) {
      st = CONCERT_FAIL(d, st, "out of memory for the smp trajectory");
      goto done;
    }
  }
  concert_i_solution_set_outcome(sol, out);
  concert_i_solution_set_stop(sol, reason);
done:
  free(r.cap);
  free(r.stot);
  free(r.risk);
  free(r.prob_u);
  free(r.wsc);
  free(r.rowsum);
  free(r.uniq);
  free(r.sal);
  free(r.pos);
  free(r.ideal);
  free(r.dist);
  free(r.dist_t);
  free(r.work);
  free(prev);
  free(next);
  free(scaled);
  free(out);
  if (st && trace) {
    free(trace->prob);
    free(trace->change);
    trace->prob = trace->change = NULL;
  }
  return st;
}

/* ---- the model descriptor ---- */

static const concert_param_spec smp_params[] = {
    {"voting_rule", true, 0, 0, 0, "prop|binary|propbin|propcbc|cubic|asymprosp",
     "how a utility difference becomes a vote (KTAB VotingRule)"},
    {"victory_prob", true, 0, 0, 0, "linear|square|quartic|octic|binary",
     "coalition strengths to victory probability (KTAB VictoryProbModel)"},
    {"pce", true, 0, 0, 0, "conditional|markov-uniform|markov-incentive",
     "probability of each option being the outcome (KTAB PCEModel)"},
    {"risk_range", true, 0, 0, 0, "mid|min|max",
     "range of inferred risk attitudes: [-1/2,1], [0,1], [-1,1] (KTAB BigRRange)"},
    {"risk_adjust", true, 0, 0, 0, "one-third|none|half|two-thirds|full",
     "weight of i's own attitude in h's estimate of it (KTAB BigRAdjust)"},
    {"third_party", true, 0, 0, 0, "semi|full|none",
     "when third parties adopt the winner's position (KTAB ThirdPartyCommit)"},
    {"interpolation", true, 0, 0, 0, "s2p2|s1p1|s2pmax",
     "bargain interpolation weights (KTAB InterVecBrgn)"},
    {"bargain_model", true, 0, 0, 0, "init-only|init-rcvr|pw-comp",
     "whose victory estimate forms the bargain (KTAB BargnModel)"},
    {"max_turns", false, 100, 1, 10000, NULL, "stop after this many turns"},
    {"min_turns", false, 2, 1, 10000, NULL, "turns before the quiet rule may stop the run"},
    {"stop_ratio", false, 0.02, 0, 1, NULL,
     "stop when a turn moves less than this fraction of the first turn's move"},
};

/* Index of word w in the '|'-separated list (0 when absent: the default). */
static int word_index(const char *w, const char *list) {
  if (!w) return 0;
  size_t wl = strlen(w);
  int idx = 0;
  for (const char *s = list; *s; idx++) {
    const char *bar = strchr(s, '|');
    size_t l = bar ? (size_t)(bar - s) : strlen(s);
    if (l == wl && strncmp(s, w, l) == 0) return idx;
    if (!bar) break;
    s = bar + 1;
  }
  return 0;
}

static concert_status solve(const concert_params *params, const concert_problem *p,
                            concert_solution *sol, concert_diag *d) {
  smp_config cfg;
  concert_i_smp_config_default(&cfg);
#define SMP_WORD(field, type, i) \
  cfg.field = (type)word_index(concert_params_word(params, smp_params[i].key, NULL), smp_params[i].words)
  SMP_WORD(voting, smp_voting_rule, 0);
  SMP_WORD(victory, smp_victory, 1);
  SMP_WORD(pce, smp_pce, 2);
  SMP_WORD(r_range, smp_r_range, 3);
  SMP_WORD(r_adjust, smp_r_adjust, 4);
  SMP_WORD(commit, smp_commit, 5);
  SMP_WORD(interp, smp_interp, 6);
  SMP_WORD(bargain, smp_bargain, 7);
#undef SMP_WORD
  double mt = concert_params_number(params, "max_turns", 100);
  double mn = concert_params_number(params, "min_turns", 2);
  if (mt != floor(mt) || mn != floor(mn))
    return concert_i_fail(d, CONCERT_ERR_INVALID, NULL, 0, 0, "max_turns",
                          "smp: max_turns and min_turns must be whole numbers");
  cfg.max_turns = (size_t)mt;
  cfg.min_turns = (size_t)mn;
  cfg.stop_ratio = concert_params_number(params, "stop_ratio", 0.02);
  return concert_i_smp_run(p, &cfg, sol, NULL, d);
}

const concert_model concert_i_model_smp = {
    .name = "smp",
    .summary = "spatial model of politics: KTAB-style challenges and bargains over all issues",
    .min_issues = 1,
    .needs_reversion = false,
    .params = smp_params,
    .n_params = sizeof smp_params / sizeof smp_params[0],
    .solve = solve,
};
