/* smp_kernel.c: the scalar building blocks of the SMP, as KTAB's kmodel computes them:
 * votes, victory probabilities, coalition strengths, the probability of each option
 * being the outcome (PCE) and risk attitudes inferred from those probabilities.
 * Equations: docs/models/smp.md, sections "Votes" to "Risk attitudes". */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#endif

#include "model/smp_i.h"

double concert_i_smp_util(double d, double r) { return smp_util(d, r); }

double concert_i_smp_vote(smp_voting_rule vr, double w, double ui, double uj) {
  return smp_vote(vr, w, ui, uj);
}

double concert_i_smp_vprob(smp_victory vp, double s1, double s2) {
  double x1 = s1, x2 = s2;
  switch (vp) {
    case SMP_VP_LINEAR: break;
    case SMP_VP_SQUARE: x1 = s1 * s1, x2 = s2 * s2; break;
    case SMP_VP_QUARTIC: x1 = s1 * s1 * s1 * s1, x2 = s2 * s2 * s2 * s2; break;
    case SMP_VP_OCTIC:
      x1 = s1 * s1 * s1 * s1, x2 = s2 * s2 * s2 * s2;
      x1 *= x1, x2 *= x2;
      break;
    case SMP_VP_BINARY: {
      const double t = 1.10; /* a 10% advantage gives certainty */
      if (s1 >= t * s2) return 1.0 / (1.0 + 1e-6);
      if (s2 >= t * s1) return 1e-6 / (1.0 + 1e-6);
      double r12 = s1 / (s1 + s2);
      x1 = (r12 * (t + 1.0) - 1.0) / (t - 1.0);
      x2 = 1 - x1;
      break;
    }
  }
  return x1 / (x1 + x2);
}

/* The coalition sums run over tiles: a block of SMP_CB options i (rows) and a tile of
 * SMP_CJ options j < i (columns), with the actors k in the outer loop and j innermost, so
 * that each actor's utility row is read contiguously, the sums stay in L1 and gcc
 * vectorises over j. Each sum c[i][j] still adds the actors' votes in the order k = 0..n-1
 * (one accumulator per cell), so the results are bit-identical to the plain triple loop;
 * adding +0.0 for a vote of the other sign leaves a positive sum unchanged. */
#define SMP_CB 8   /* options per row block */
#define SMP_CJ 128 /* options per column tile: 2 x 8 x 128 doubles = 16 KB of sums */

static inline __attribute__((always_inline)) void coalition_tiles(
    smp_voting_rule vr, size_t n_act, size_t n_opt, const double *restrict w,
    const double *restrict u, double *restrict c) {
  double pos[SMP_CB][SMP_CJ], neg[SMP_CB][SMP_CJ];
  for (size_t i0 = 0; i0 < n_opt; i0 += SMP_CB) {
    size_t i1 = i0 + SMP_CB < n_opt ? i0 + SMP_CB : n_opt;
    for (size_t j0 = 0; j0 + 1 < i1; j0 += SMP_CJ) {
      size_t j1 = j0 + SMP_CJ < i1 - 1 ? j0 + SMP_CJ : i1 - 1; /* columns j0..j1-1 */
      for (size_t b = 0; b < i1 - i0; b++)
        for (size_t t = 0; t < j1 - j0; t++) pos[b][t] = neg[b][t] = 1e-8;
      for (size_t k = 0; k < n_act; k++) {
        const double *uk = u + k * n_opt;
        double wk = w[k];
        for (size_t i = i0 > j0 + 1 ? i0 : j0 + 1; i < i1; i++) {
          double ui = uk[i];
          size_t je = i < j1 ? i : j1;
          double *restrict pp = pos[i - i0], *restrict pn = neg[i - i0];
          for (size_t j = j0; j < je; j++) {
            double v = smp_vote(vr, wk, ui, uk[j]);
            pp[j - j0] += v > 0 ? v : 0.0;
            pn[j - j0] += v < 0 ? -v : 0.0; /* x + (-v) is x - v exactly */
          }
        }
      }
      for (size_t i = i0 > j0 + 1 ? i0 : j0 + 1; i < i1; i++) {
        size_t je = i < j1 ? i : j1;
        for (size_t j = j0; j < je; j++) {
          c[i * n_opt + j] = pos[i - i0][j - j0];
          c[j * n_opt + i] = neg[i - i0][j - j0];
        }
      }
    }
  }
  for (size_t i = 0; i < n_opt; i++) c[i * n_opt + i] = 1e-8;
}

static void coalitions_prop(size_t n_act, size_t n_opt, const double *w, const double *u,
                            double *c) {
  coalition_tiles(SMP_VR_PROP, n_act, n_opt, w, u, c);
}

#if defined(__x86_64__) && defined(__GNUC__)
/* 4 x 4 transpose of rows a, b, c, d (lane t of row r becomes lane r of row t). */
#define SMP_TRANSPOSE4(a, b, c, d)                                              \
  do {                                                                          \
    __m256d t0_ = _mm256_unpacklo_pd(a, b), t1_ = _mm256_unpackhi_pd(a, b);     \
    __m256d t2_ = _mm256_unpacklo_pd(c, d), t3_ = _mm256_unpackhi_pd(c, d);     \
    a = _mm256_permute2f128_pd(t0_, t2_, 0x20);                                 \
    b = _mm256_permute2f128_pd(t1_, t3_, 0x20);                                 \
    c = _mm256_permute2f128_pd(t0_, t2_, 0x31);                                 \
    d = _mm256_permute2f128_pd(t1_, t3_, 0x31);                                 \
  } while (0)

/* Proportional votes with AVX2 and the sums in registers: for a block of 4 options i
 * (rows) and 4 options j < i (one vector), the 16 pairs' two sums stay in 8 registers
 * while the actors k run. The utilities are first packed by groups of 4 options, each
 * group's n_act x 4 values contiguous, so that the actors' loop streams two arrays. The
 * pairs of each diagonal block and the last n_opt mod 4 rows go through the plain loop.
 * Every sum adds the same terms in the same order k = 0..n_act-1 as coalition_tiles:
 * max(v, 0) is v > 0 ? v : +0.0 and min(v, 0) is v < 0 ? v : +0.0 (MAXPD and MINPD
 * return their second operand unless the first is greater, or less), and s - v is
 * s + (-v) exactly. Returns nonzero (nothing done) when the packed copy cannot be
 * allocated. */
__attribute__((target("avx2"))) static int coalitions_prop_avx2(size_t n_act, size_t n_opt,
                                                               const double *w,
                                                               const double *u, double *c) {
  const __m256d zero = _mm256_setzero_pd();
  size_t full = n_opt - n_opt % 4;
  double *pack = malloc(n_act * full * sizeof *pack);
  if (!pack) return 1;
  for (size_t g = 0; g < full; g += 4)
    for (size_t k = 0; k < n_act; k++)
      _mm256_storeu_pd(pack + (g * n_act + 4 * k), _mm256_loadu_pd(u + k * n_opt + g));
  for (size_t i0 = 0; i0 < full; i0 += 4) {
    const double *pi = pack + i0 * n_act;
    for (size_t j0 = 0; j0 < i0; j0 += 4) {
      const double *pj = pack + j0 * n_act;
      __m256d p0 = _mm256_set1_pd(1e-8), p1 = p0, p2 = p0, p3 = p0;
      __m256d n0 = p0, n1 = p0, n2 = p0, n3 = p0;
      for (size_t k = 0; k < n_act; k++) {
        __m256d wk = _mm256_broadcast_sd(w + k), uj = _mm256_loadu_pd(pj + 4 * k), v;
#define SMP_ROW(pr, nr, r)                                                         \
  v = _mm256_mul_pd(wk, _mm256_sub_pd(_mm256_broadcast_sd(pi + 4 * k + r), uj));   \
  pr = _mm256_add_pd(pr, _mm256_max_pd(v, zero));                                  \
  nr = _mm256_sub_pd(nr, _mm256_min_pd(v, zero))
        SMP_ROW(p0, n0, 0);
        SMP_ROW(p1, n1, 1);
        SMP_ROW(p2, n2, 2);
        SMP_ROW(p3, n3, 3);
#undef SMP_ROW
      }
      double *c0 = c + i0 * n_opt + j0, *d0 = c + j0 * n_opt + i0;
      _mm256_storeu_pd(c0, p0), _mm256_storeu_pd(c0 + n_opt, p1);
      _mm256_storeu_pd(c0 + 2 * n_opt, p2), _mm256_storeu_pd(c0 + 3 * n_opt, p3);
      SMP_TRANSPOSE4(n0, n1, n2, n3);
      _mm256_storeu_pd(d0, n0), _mm256_storeu_pd(d0 + n_opt, n1);
      _mm256_storeu_pd(d0 + 2 * n_opt, n2), _mm256_storeu_pd(d0 + 3 * n_opt, n3);
    }
  }
  free(pack);
  /* the rest: pairs inside a diagonal block, and rows i >= full */
  for (size_t i = 0; i < n_opt; i++) {
    size_t jlo = i < full ? i - i % 4 : 0;
    for (size_t j = jlo; j < i; j++) {
      double cij = 1e-8, cji = 1e-8;
      for (size_t k = 0; k < n_act; k++) {
        double v = w[k] * (u[k * n_opt + i] - u[k * n_opt + j]);
        cij += v > 0 ? v : 0.0;
        cji += v < 0 ? -v : 0.0;
      }
      c[i * n_opt + j] = cij;
      c[j * n_opt + i] = cji;
    }
    c[i * n_opt + i] = 1e-8;
  }
  return 0;
}
#define SMP_HAVE_AVX2_KERNEL 1
#endif
static void coalitions_any(smp_voting_rule vr, size_t n_act, size_t n_opt, const double *w,
                           const double *u, double *c) {
  coalition_tiles(vr, n_act, n_opt, w, u, c);
}

void concert_i_smp_coalitions(smp_voting_rule vr, size_t n_act, size_t n_opt, const double *w,
                              const double *u, double *c) {
  if (vr != SMP_VR_PROP)
    coalitions_any(vr, n_act, n_opt, w, u, c);
#ifdef SMP_HAVE_AVX2_KERNEL
  else if (n_opt >= 16 && __builtin_cpu_supports("avx2") &&
           coalitions_prop_avx2(n_act, n_opt, w, u, c) == 0)
    return;
#endif
  else
    coalitions_prop(n_act, n_opt, w, u, c);
}

/* pv[i*n+j] = P(i beats j); the diagonal is 1/2. */
static void victory_matrix(smp_victory vp, size_t n, const double *c, double *pv) {
  for (size_t i = 0; i < n; i++) {
    for (size_t j = 0; j < i; j++) {
      double p = concert_i_smp_vprob(vp, c[i * n + j], c[j * n + i]);
      pv[i * n + j] = p;
      pv[j * n + i] = 1 - p;
    }
    pv[i * n + i] = 0.5;
  }
}

int concert_i_smp_pce(smp_pce pce, smp_victory vp, size_t n, const double *c, double *p,
                      double *scratch) {
  double *pv = scratch, *inc = scratch + n * n, *chl = scratch + 2 * n * n;
  double *q = scratch + 3 * n * n;
  victory_matrix(vp, n, c, pv);
  if (pce == SMP_PCE_CONDITIONAL) {
    double sum = 0;
    for (size_t i = 0; i < n; i++) {
      double pi = 1.0;
      for (size_t j = 0; j < n; j++) pi *= pv[i * n + j];
      p[i] = pi;
      sum += pi;
    }
    if (sum > 1e-250) {
      for (size_t i = 0; i < n; i++) p[i] /= sum;
      return 0;
    }
    /* the products underflow with many options: the same ratios in logarithms */
    double top = -HUGE_VAL;
    for (size_t i = 0; i < n; i++) {
      double l = 0;
      for (size_t j = 0; j < n; j++) l += pv[i * n + j] > 0 ? log(pv[i * n + j]) : -HUGE_VAL;
      p[i] = l;
      if (l > top) top = l;
    }
    sum = 0;
    for (size_t i = 0; i < n; i++) sum += (p[i] = isfinite(top) ? exp(p[i] - top) : 1.0);
    for (size_t i = 0; i < n; i++) p[i] /= sum;
    return 0;
  }
  for (size_t i = 0; i < n; i++) p[i] = 1.0 / (double)n;
  double tol = 1e-6;
  if (pce == SMP_PCE_MARKOV_INCENTIVE) {
    tol = 1e-8;
    /* incentive of i to challenge j, and the probability that i is j's challenger */
    for (size_t i = 0; i < n; i++)
      for (size_t j = 0; j < n; j++)
        inc[i * n + j] = c[i * n + j] * pv[i * n + j] + (i == j ? 1e-10 : 0.0);
    for (size_t j = 0; j < n; j++) {
      double s = 0;
      for (size_t k = 0; k < n; k++) s += inc[k * n + j];
      for (size_t i = 0; i < n; i++) chl[i * n + j] = inc[i * n + j] / s;
    }
  }
  for (int iter = 0; iter < 10000; iter++) {
    double change = 0;
    for (size_t i = 0; i < n; i++) {
      double qi = 0;
      for (size_t j = 0; j < n; j++) {
        if (pce == SMP_PCE_MARKOV_UNIFORM)
          qi += pv[i * n + j] * (p[i] + p[j]);
        else /* flow into i from the contest (i, j) in either direction */
          qi += pv[i * n + j] * (p[i] * chl[j * n + i] + p[j] * chl[i * n + j]);
      }
      if (pce == SMP_PCE_MARKOV_UNIFORM) qi /= (double)n;
      q[i] = qi;
      double d = fabs(qi - p[i]);
      if (d > change) change = d;
    }
    for (size_t i = 0; i < n; i++) p[i] = (p[i] + q[i]) / 2;
    if (!(change > tol)) return 0;
  }
  return 1;
}

void concert_i_smp_big_r(smp_r_range rr, size_t n, const double *p, double *r) {
  double lo = 1.0, hi = 0.0;
  for (size_t i = 0; i < n; i++) {
    if (p[i] < lo) lo = p[i];
    if (p[i] > hi) hi = p[i];
  }
  for (size_t i = 0; i < n; i++) {
    if (!(hi - lo > 0)) {
      r[i] = 0; /* every option equally likely: everyone risk neutral */
      continue;
    }
    switch (rr) {
      case SMP_RR_MIN: r[i] = (p[i] - lo) / (hi - lo); break;
      case SMP_RR_MAX: r[i] = (2 * p[i] - (hi + lo)) / (hi - lo); break;
      case SMP_RR_MID: r[i] = (3 * p[i] - (hi + 2 * lo)) / (2 * (hi - lo)); break;
    }
  }
}

double concert_i_smp_est_r(smp_r_adjust ra, double rh, double ri) {
  return smp_est_r(ra, rh, ri);
}

#if defined(__x86_64__) && defined(__GNUC__)
/* Blocks of 4 columns x 4 rows through a register transpose. */
__attribute__((target("avx2"))) static size_t gather4_avx2(const double *src_t, size_t n,
                                                          const size_t *cols, size_t nc,
                                                          double *dst) {
  size_t n4 = n - n % 4, t0 = 0;
  for (; t0 + 4 <= nc; t0 += 4) {
    const double *c0 = src_t + cols[t0] * n, *c1 = src_t + cols[t0 + 1] * n;
    const double *c2 = src_t + cols[t0 + 2] * n, *c3 = src_t + cols[t0 + 3] * n;
    for (size_t x = 0; x < n4; x += 4) {
      __m256d a = _mm256_loadu_pd(c0 + x), b = _mm256_loadu_pd(c1 + x);
      __m256d c = _mm256_loadu_pd(c2 + x), d = _mm256_loadu_pd(c3 + x);
      SMP_TRANSPOSE4(a, b, c, d);
      _mm256_storeu_pd(dst + x * nc + t0, a);
      _mm256_storeu_pd(dst + (x + 1) * nc + t0, b);
      _mm256_storeu_pd(dst + (x + 2) * nc + t0, c);
      _mm256_storeu_pd(dst + (x + 3) * nc + t0, d);
    }
    for (size_t x = n4; x < n; x++) {
      double *o = dst + x * nc + t0;
      o[0] = c0[x], o[1] = c1[x], o[2] = c2[x], o[3] = c3[x];
    }
  }
  return t0;
}
#endif

void concert_i_smp_gather(const double *src_t, size_t n, const size_t *cols, size_t nc,
                          double *dst) {
  size_t t0 = 0;
#if defined(__x86_64__) && defined(__GNUC__)
  if (nc >= 4 && __builtin_cpu_supports("avx2")) t0 = gather4_avx2(src_t, n, cols, nc, dst);
#endif
  for (size_t t = t0; t < nc; t++) {
    const double *col = src_t + cols[t] * n;
    for (size_t x = 0; x < n; x++) dst[x * nc + t] = col[x];
  }
}
