/* power/dp.c: weighted quota games with one weight vector and no member rules, any size.
 *
 * Counting (Banzhaf, swings, winning coalitions), exact: the generating function
 * c[a] = #{S : w(S) = a}, a < q, is built player by player (c[a] += c[a - w]) modulo r
 * primes just below 2^62 (r = floor(n/61) + 1, so their product exceeds 2^n), then
 * eta_i = #{S not containing i : q - w_i <= w(S) < q} is recovered for every player in
 * O(q / w_i) steps: with windows W_j = [q - (j+1) w_i, q - j w_i) and D_j the window sums
 * of c, removing player i gives eta_i = sum_j (-1)^j D_j (exact in modular arithmetic).
 * The residues are joined by the Chinese remainder theorem in GMP. O(r n q) time,
 * O(q) memory.
 *
 * Shapley-Shubik: SS_i = integral over t in [0,1] of P_i(t), where P_i(t) is the
 * probability that i swings when every other player joins independently with probability
 * t (Owen's multilinear extension). P_i is a polynomial of degree n - 1, so Gauss-Legendre
 * quadrature with ceil(n/2) nodes integrates it exactly. At a node t <= 1/2 the probability
 * distribution of w(S) below q is built by d[a] = (1-t) d[a] + t d[a - w] (no cancellation),
 * and P_i(t) is recovered by the stable window recursion
 * S_j = (D_j - t S_{j+1}) / (1 - t), |t / (1-t)| <= 1. At t > 1/2 the same is done for the
 * complementary coalition (probability 1 - t, quota W - q + 1). O(n^2 q / 2) time, O(q)
 * memory; the error bound is derived in docs/power.md. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "power/power_i.h"

/** Largest array the engine allocates, in entries (8 bytes each). */
#define DP_MAX_ENTRIES ((int64_t)1 << 26)

/* ---- vector kernels, with an AVX2 copy chosen at run time ---- */

#define ADDMOD_BODY                                     \
  for (size_t j = 0; j < len; j++) {                    \
    uint64_t s = dst[j] + src[j];                       \
    dst[j] = s >= p ? s - p : s;                        \
  }
__attribute__((target("avx2"))) static void addmod_avx2(uint64_t *restrict dst,
                                                        const uint64_t *restrict src,
                                                        size_t len, uint64_t p) {
  ADDMOD_BODY
}
static void addmod_base(uint64_t *restrict dst, const uint64_t *restrict src, size_t len,
                        uint64_t p) {
  ADDMOD_BODY
}

#define MIX_BODY                                        \
  for (size_t j = 0; j < len; j++) dst[j] = a * dst[j] + b * src[j];
__attribute__((target("avx2"))) static void mix_avx2(double *restrict dst,
                                                     const double *restrict src, size_t len,
                                                     double a, double b) {
  MIX_BODY
}
static void mix_base(double *restrict dst, const double *restrict src, size_t len, double a,
                     double b) {
  MIX_BODY
}

/* Sorted order of the players with positive weight (ascending weight, then index), so the
 * support of the partial sums grows slowly. Returns their number. */
typedef struct wi {
  int64_t w;  /* weight */
  size_t i;   /* player */
} wi;
static int cmp_wi(const void *x, const void *y) {
  const wi *a = x, *b = y;
  if (a->w != b->w) return a->w < b->w ? -1 : 1;
  return a->i < b->i ? -1 : a->i > b->i;
}
static size_t positive_sorted(const concert_game *g, wi *out) {
  size_t m = 0;
  for (size_t i = 0; i < g->n; i++)
    if (g->w[i] > 0) out[m++] = (wi){g->w[i], i};
  qsort(out, m, sizeof *out, cmp_wi);
  return m;
}

/* c[a] for a < q: in place, downward, in blocks of w so source and target never overlap. */
static void dp_mod(uint64_t *c, int64_t q, const wi *pl, size_t m, uint64_t p, bool avx2) {
  memset(c, 0, (size_t)q * sizeof *c);
  c[0] = 1;
  int64_t hi = 1;
  for (size_t k = 0; k < m; k++) {
    int64_t w = pl[k].w, nh = hi + w < q ? hi + w : q;
    for (int64_t top = nh; top > w;) {
      int64_t lo = top - w > w ? top - w : w;
      if (avx2)
        addmod_avx2(c + lo, c + lo - w, (size_t)(top - lo), p);
      else
        addmod_base(c + lo, c + lo - w, (size_t)(top - lo), p);
      top = lo;
    }
    hi = nh;
  }
}

concert_status concert_i_power_dp_swings(const concert_game *g, mpz_t *eta, mpz_t winning) {
  if (g->k != 1 || g->min_members > 1 || g->always_win) return CONCERT_ERR_UNSUPPORTED;
  int64_t q = g->q[0];
  size_t n = g->n;
  if (q > DP_MAX_ENTRIES) return CONCERT_ERR_TOO_LARGE;
  size_t r = n / 61 + 1;
  wi *pl = malloc(n * sizeof *pl);
  uint64_t *c = malloc(((size_t)q + 1) * sizeof *c);
  uint64_t *res = malloc((n + 1) * r * sizeof *res), *primes = malloc(r * sizeof *primes);
  if (!pl || !c || !res || !primes) {
    free(pl);
    free(c);
    free(res);
    free(primes);
    return CONCERT_ERR_NOMEM;
  }
  size_t m = positive_sorted(g, pl), zeros = n - m;
  bool avx2 = __builtin_cpu_supports("avx2");
  mpz_t P, x, M, t, inv;
  mpz_inits(P, x, M, t, inv, NULL);
  mpz_set_ui(P, 1);
  mpz_mul_2exp(P, P, 61);
  for (size_t k = 0; k < r; k++) {
    mpz_nextprime(P, P);
    uint64_t p = (uint64_t)mpz_get_ui(P);
    primes[k] = p;
    dp_mod(c, q, pl, m, p, avx2);
    /* c becomes the prefix sums: c[x] = sum_{a < x} c[a], x = 0..q */
    uint64_t acc = 0;
    for (int64_t a = 0; a <= q; a++) {
      uint64_t v = a < q ? c[a] : 0;
      c[a] = acc;
      acc += v;
      if (acc >= p) acc -= p;
    }
    for (size_t u = 0; u < m; u++) {
      int64_t w = pl[u].w;
      uint64_t e = 0;
      size_t j = 0;
      for (int64_t top = q; top > 0; top -= w, j++) {
        int64_t lo = top - w > 0 ? top - w : 0;
        uint64_t D = c[top] >= c[lo] ? c[top] - c[lo] : c[top] + p - c[lo];
        if (j % 2 == 0) {
          e += D;
          if (e >= p) e -= p;
        } else
          e = e >= D ? e - D : e + p - D;
      }
      res[pl[u].i * r + k] = e;
    }
    res[n * r + k] = c[q]; /* coalitions of positive-weight players that lose */
  }
  /* Chinese remainder theorem, one player at a time (Garner's incremental form). */
  for (size_t i = 0; i <= n; i++) {
    if (i < n && g->w[i] == 0) {
      mpz_set_ui(eta[i], 0);
      continue;
    }
    mpz_set_ui(x, (unsigned long)res[i * r]);
    mpz_set_ui(M, (unsigned long)primes[0]);
    for (size_t k = 1; k < r; k++) {
      mpz_set_ui(P, (unsigned long)primes[k]);
      mpz_set_ui(t, (unsigned long)res[i * r + k]);
      mpz_sub(t, t, x); /* (r_k - x) / M mod p_k; M is invertible: distinct primes */
      mpz_invert(inv, M, P);
      mpz_mul(t, t, inv);
      mpz_mod(t, t, P);
      mpz_addmul(x, M, t);
      mpz_mul(M, M, P);
    }
    if (i < n) {
      mpz_mul_2exp(eta[i], x, zeros);
    } else if (winning) {
      /* winning = 2^n - 2^zeros * (losing coalitions of the positive-weight players) */
      mpz_mul_2exp(t, x, zeros);
      mpz_set_ui(winning, 1);
      mpz_mul_2exp(winning, winning, n);
      mpz_sub(winning, winning, t);
    }
  }
  mpz_clears(P, x, M, t, inv, NULL);
  free(pl);
  free(c);
  free(res);
  free(primes);
  return CONCERT_OK;
}

void concert_i_gauss_legendre01(size_t m, double *t, double *w) {
  for (size_t k = 0; k < m; k++) {
    long double x = cosl(3.14159265358979323846264338327950288L * ((long double)k + 0.75L) /
                         ((long double)m + 0.5L));
    long double dp = 1;
    for (int it = 0; it < 100; it++) {
      long double p0 = 1, p1 = x;
      for (size_t j = 1; j < m; j++) {
        long double p2 = ((2.0L * (long double)j + 1) * x * p1 - (long double)j * p0) /
                         ((long double)j + 1);
        p0 = p1;
        p1 = p2;
      }
      if (m == 0) break;
      long double pm = m == 1 ? x : p1, pm1 = m == 1 ? 1 : p0;
      dp = (long double)m * (x * pm - pm1) / (x * x - 1);
      long double dx = pm / dp;
      x -= dx;
      if (fabsl(dx) < 1e-19L) break;
    }
    /* recompute the derivative at the final node for the weight */
    long double p0 = 1, p1 = x;
    for (size_t j = 1; j < m; j++) {
      long double p2 =
          ((2.0L * (long double)j + 1) * x * p1 - (long double)j * p0) / ((long double)j + 1);
      p0 = p1;
      p1 = p2;
    }
    long double pm = m == 1 ? x : p1, pm1 = m == 1 ? 1 : p0;
    dp = (long double)m * (x * pm - pm1) / (x * x - 1);
    t[k] = (double)((1 + x) / 2);
    w[k] = (double)(1 / ((1 - x * x) * dp * dp)); /* 2/((1-x^2)P'^2), halved for [0,1] */
  }
}

/* One quadrature node: adds weight * P_i(t) to out[i] for every positive player. */
static void ss_node(const concert_game *g, const wi *pl, size_t m, double t, double weight,
                    double *d, double *H, double *L, double *out, bool avx2) {
  int64_t W = g->total[0], q = g->q[0];
  double p = t;
  int64_t Q = q;
  if (t > 0.5) {
    p = 1 - t;
    Q = W - q + 1;
  }
  double a = 1 - p;
  memset(d, 0, (size_t)Q * sizeof *d);
  d[0] = 1;
  int64_t hi = 1;
  for (size_t k = 0; k < m; k++) {
    int64_t w = pl[k].w, nh = hi + w < Q ? hi + w : Q;
    for (int64_t top = nh; top > w;) {
      int64_t lo = top - w > w ? top - w : w;
      if (avx2)
        mix_avx2(d + lo, d + lo - w, (size_t)(top - lo), a, p);
      else
        mix_base(d + lo, d + lo - w, (size_t)(top - lo), a, p);
      top = lo;
    }
    int64_t low = w < nh ? w : nh;
    for (int64_t x = 0; x < low; x++) d[x] *= a;
    hi = nh;
  }
  /* prefix sums in double-double: H[x] + L[x] = sum_{y < x} d[y] */
  double sh = 0, sl = 0;
  for (int64_t x = 0; x <= Q; x++) {
    H[x] = sh;
    L[x] = sl;
    if (x == Q) break;
    double v = d[x], s = sh + v, bb = s - sh;
    double err = (sh - (s - bb)) + (v - bb); /* TwoSum */
    sh = s;
    sl += err;
  }
  double inv = 1 / a;
  for (size_t u = 0; u < m; u++) {
    int64_t w = pl[u].w;
    int64_t J = (Q - 1) / w; /* windows j = 0..J cover [0, Q) */
    double S = 0;
    for (int64_t j = J; j >= 0; j--) {
      int64_t top = Q - j * w, lo = top - w > 0 ? top - w : 0;
      double D = (H[top] - H[lo]) + (L[top] - L[lo]);
      S = (D - p * S) * inv;
    }
    if (S < 0) S = 0;
    out[pl[u].i] += weight * S;
  }
}

concert_status concert_i_power_dp_shapley(const concert_game *g, double *out) {
  if (g->k != 1 || g->min_members > 1 || g->always_win) return CONCERT_ERR_UNSUPPORTED;
  int64_t q = g->q[0], W = g->total[0];
  int64_t Qmax = q > W - q + 1 ? q : W - q + 1;
  if (Qmax > DP_MAX_ENTRIES) return CONCERT_ERR_TOO_LARGE;
  size_t n = g->n;
  wi *pl = malloc(n * sizeof *pl);
  double *d = malloc((size_t)(Qmax + 1) * sizeof *d);
  double *H = malloc((size_t)(Qmax + 1) * sizeof *H), *L = malloc((size_t)(Qmax + 1) * sizeof *L);
  size_t nodes = n / 2 + 1;
  double *tn = malloc(nodes * sizeof *tn), *tw = malloc(nodes * sizeof *tw);
  concert_status st = CONCERT_OK;
  if (!pl || !d || !H || !L || !tn || !tw) {
    st = CONCERT_ERR_NOMEM;
    goto done;
  }
  size_t m = positive_sorted(g, pl);
  size_t mq = (m + 1) / 2; /* exact for degree m - 1 <= 2 mq - 1 */
  if (mq == 0) mq = 1;
  concert_i_gauss_legendre01(mq, tn, tw);
  for (size_t i = 0; i < n; i++) out[i] = 0;
  bool avx2 = __builtin_cpu_supports("avx2");
  for (size_t k = 0; k < mq; k++) ss_node(g, pl, m, tn[k], tw[k], d, H, L, out, avx2);
done:
  free(pl);
  free(d);
  free(H);
  free(L);
  free(tn);
  free(tw);
  return st;
}

/* ---- counts by size for one weight vector with member rules, any n ---- */

concert_status concert_i_power_dp_sized(const concert_game *g, mpz_t *swz, mpz_t winning) {
  if (g->k != 1) return CONCERT_ERR_UNSUPPORTED;
  size_t n = g->n, S = n + 1;
  int64_t q = g->q[0];
  if ((int64_t)S * q > DP_MAX_ENTRIES / 4) return CONCERT_ERR_TOO_LARGE;
  size_t r = n / 61 + 1, Q = (size_t)q;
  uint64_t *C = malloc(S * Q * sizeof *C), *X = malloc(S * Q * sizeof *X);
  uint64_t *res = malloc((n * n + 1) * r * sizeof *res), *primes = malloc(r * sizeof *primes);
  uint64_t *bin = malloc(2 * S * sizeof *bin); /* C(n-1, s) and C(n, s) mod p */
  if (!C || !X || !res || !primes || !bin) {
    free(C);
    free(X);
    free(res);
    free(primes);
    free(bin);
    return CONCERT_ERR_NOMEM;
  }
  bool avx2 = __builtin_cpu_supports("avx2");
  size_t mn = g->min_members, aw = g->always_win;
  mpz_t P, x, M, t, inv;
  mpz_inits(P, x, M, t, inv, NULL);
  mpz_set_ui(P, 1);
  mpz_mul_2exp(P, P, 61);
  for (size_t k = 0; k < r; k++) {
    mpz_nextprime(P, P);
    uint64_t p = (uint64_t)mpz_get_ui(P);
    primes[k] = p;
    for (size_t s = 0; s <= n; s++) {
      mpz_bin_uiui(t, n - 1, s);
      bin[s] = (uint64_t)mpz_fdiv_ui(t, p);
      mpz_bin_uiui(t, n, s);
      bin[S + s] = (uint64_t)mpz_fdiv_ui(t, p);
    }
    /* C[s*Q + a] = #{T : |T| = s, w(T) = a} mod p, a < q */
    memset(C, 0, S * Q * sizeof *C);
    C[0] = 1;
    for (size_t i = 0; i < n; i++) {
      int64_t w = g->w[i];
      if (w >= q) {
        /* the player only moves coalitions to sums >= q; sizes still shift */
        continue;
      }
      for (size_t s = i + 1; s >= 1; s--) {
        if (s > n) continue;
        if (avx2)
          addmod_avx2(C + s * Q + w, C + (s - 1) * Q, Q - (size_t)w, p);
        else
          addmod_base(C + s * Q + w, C + (s - 1) * Q, Q - (size_t)w, p);
      }
    }
    /* winning coalitions: N_q(s) = C(n, s) - #{|T| = s, w(T) < q} */
    uint64_t wins = 0;
    for (size_t s = 0; s <= n; s++) {
      uint64_t below = 0;
      for (size_t a = 0; a < Q; a++) {
        below += C[s * Q + a];
        if (below >= p) below -= p;
      }
      uint64_t ns = bin[S + s] >= below ? bin[S + s] - below : bin[S + s] + p - below;
      uint64_t v = (aw && s >= aw) ? bin[S + s] : (s >= mn ? ns : 0);
      wins += v;
      if (wins >= p) wins -= p;
    }
    res[n * n * r + k] = wins;
    for (size_t i = 0; i < n; i++) {
      int64_t w = g->w[i];
      /* X = C without player i: X[s][a] = C[s][a] - X[s-1][a-w] */
      for (size_t s = 0; s < n; s++) {
        uint64_t *xs = X + s * Q;
        const uint64_t *cs = C + s * Q;
        if (s == 0 || w >= q) {
          memcpy(xs, cs, Q * sizeof *xs);
          continue;
        }
        const uint64_t *xp = X + (s - 1) * Q;
        memcpy(xs, cs, (size_t)w * sizeof *xs);
        for (size_t a = (size_t)w; a < Q; a++) {
          uint64_t y = xp[a - (size_t)w];
          xs[a] = cs[a] >= y ? cs[a] - y : cs[a] + p - y;
        }
      }
      int64_t th1 = q - w;
      for (size_t s = 0; s < n; s++) {
        uint64_t l1 = 0, l2 = 0; /* #{w < q - w_i}, #{w < q} */
        for (size_t a = 0; a < Q; a++) {
          if ((int64_t)a < th1) {
            l1 += X[s * Q + a];
            if (l1 >= p) l1 -= p;
          }
          l2 += X[s * Q + a];
          if (l2 >= p) l2 -= p;
        }
        uint64_t b = bin[s];
        uint64_t n1 = th1 <= 0 ? b : (b >= l1 ? b - l1 : b + p - l1);
        uint64_t n2 = b >= l2 ? b - l2 : b + p - l2;
        uint64_t win_s = s >= mn ? n2 : 0, v;
        if (aw && s >= aw)
          v = 0;
        else if (aw && s + 1 >= aw)
          v = b >= win_s ? b - win_s : b + p - win_s;
        else {
          uint64_t u = s + 1 >= mn ? n1 : 0;
          v = u >= win_s ? u - win_s : u + p - win_s;
        }
        res[(i * n + s) * r + k] = v;
      }
    }
  }
  for (size_t e = 0; e <= n * n; e++) {
    mpz_set_ui(x, (unsigned long)res[e * r]);
    mpz_set_ui(M, (unsigned long)primes[0]);
    for (size_t k = 1; k < r; k++) {
      mpz_set_ui(P, (unsigned long)primes[k]);
      mpz_set_ui(t, (unsigned long)res[e * r + k]);
      mpz_sub(t, t, x);
      mpz_invert(inv, M, P);
      mpz_mul(t, t, inv);
      mpz_mod(t, t, P);
      mpz_addmul(x, M, t);
      mpz_mul(M, M, P);
    }
    if (e < n * n)
      mpz_set(swz[e], x);
    else if (winning)
      mpz_set(winning, x);
  }
  mpz_clears(P, x, M, t, inv, NULL);
  free(C);
  free(X);
  free(res);
  free(primes);
  free(bin);
  return CONCERT_OK;
}
