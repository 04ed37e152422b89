/* power/mitm.c: exact swing counts by coalition size by meeting in the middle.
 *
 * The players are split into halves A and B. The 2^|A| and 2^|B| subset sums of each
 * half are listed once in weight order (by merging, no sort). For player i in A, the
 * number of subsets T of the others with |T| = s and w(T) >= theta is one sweep over the
 * subsets of A without i in weight order, with a pointer moving down B and a running count
 * by size of the subsets of B above the pointer (and the same with the halves swapped for
 * i in B). Two thresholds (q - w_i and q) give the swings. Used for one weight vector plus
 * member rules (EU Council), n <= 36. O(n^2 2^(n/2)) time, O(2^(n/2)) memory (the halves'
 * subset lists; the running counts take O(n)). */
#include <stdlib.h>
#include <string.h>

#include "power/power_i.h"

/* Width of a running count vector: sizes 0..h of a half, padded so adding it is a
 * fixed-length (unrolled, vectorised) loop: 16 when h <= 15, that is n <= 30, else 20
 * (n <= 36 gives h <= 18). */
#define ROW_SMALL 16
#define ROW_LARGE 20

/* Scratch space, 2^(h-1) + 1 entries for the larger half of h players: the merge buffer
 * of half_build (its last merge reads 2^(h-1) subsets from here), then the subsets of the
 * query half without one player (half of them; the filter writes one past the last). */
typedef struct scratch {
  int64_t *w;     /* weights */
  uint8_t *s;     /* sizes */
  uint32_t *mask; /* members */
} scratch;

/* One half of the players: its subsets in weight order, as parallel arrays. */
typedef struct half {
  int64_t *w;     /* 2^h subset weights, ascending */
  uint8_t *s;     /* their sizes */
  uint32_t *mask; /* their members, bit b = player b of the half */
  size_t len;     /* 2^h */
  size_t h;       /* players in the half */
} half;

static void half_free(half *x) {
  free(x->w);
  free(x->s);
  free(x->mask);
}

/* All 2^m subsets of v[0..m) in increasing weight order, by repeated merging (branch
 * free) between the half's arrays and the scratch arrays. */
static concert_status half_build(const int64_t *v, size_t m, half *out, scratch *tmp) {
  size_t total = (size_t)1 << m;
  out->h = m;
  out->len = total;
  out->w = malloc(total * sizeof *out->w);
  out->s = malloc(total);
  out->mask = malloc(total * sizeof *out->mask);
  if (!out->w || !out->s || !out->mask) {
    half_free(out);
    return CONCERT_ERR_NOMEM;
  }
  /* after m merges the result lands in out when m is even, so start in the other one */
  int64_t *aw = m % 2 ? tmp->w : out->w, *bw = m % 2 ? out->w : tmp->w;
  uint8_t *as = m % 2 ? tmp->s : out->s, *bs = m % 2 ? out->s : tmp->s;
  uint32_t *am = m % 2 ? tmp->mask : out->mask, *bm = m % 2 ? out->mask : tmp->mask;
  aw[0] = 0;
  as[0] = 0;
  am[0] = 0;
  size_t len = 1;
  for (size_t k = 0; k < m; k++) {
    size_t x = 0, y = 0;
    int64_t add = v[k];
    uint32_t bit = (uint32_t)1 << k;
    for (size_t o = 0; o < 2 * len; o++) {
      size_t yy = y < len ? y : len - 1;
      int64_t wy = aw[yy] + add;
      bool take_x = x < len && (y >= len || aw[x] <= wy);
      size_t xx = x < len ? x : len - 1;
      bw[o] = take_x ? aw[xx] : wy;
      bs[o] = take_x ? as[xx] : (uint8_t)(as[yy] + 1);
      bm[o] = take_x ? am[xx] : am[yy] | bit;
      x += take_x;
      y += !take_x;
    }
    len *= 2;
    int64_t *tw = aw;
    aw = bw;
    bw = tw;
    uint8_t *ts = as;
    as = bs;
    bs = ts;
    uint32_t *tm = am;
    am = bm;
    bm = tm;
  }
  return CONCERT_OK;
}

/* The sweep: for each subset x of the query half (in weight order) and both thresholds,
 * add the size counts of the subsets y of the other half with w(y) >= theta - w(x). As x
 * grows in weight, theta - w(x) falls, so the first such y (the pointer i0, resp. i1)
 * only moves down, and the counts by size of the subsets at and above it only grow:
 *
 *   run0[s] = #{j >= i0 : ys[j] = s},   run1[s] = #{j >= i1 : ys[j] = s}
 *
 * holds after each pointer step (each y passed by the pointer adds one to its size).
 * Those counts are added at offset |x| to 32-bit sums (a count is at most 2^18, so 4096
 * rows are safe), which are flushed into 64-bit counts. */
typedef uint32_t v4u __attribute__((vector_size(16))); /* four 32-bit lanes */

/* c[0..RW) += r[0..RW), RW a multiple of 4 */
#define ADD_ROW(c, r, RW)                                                          \
  for (size_t s = 0; s < (RW); s += 4) {                                           \
    v4u h, p;                                                                      \
    memcpy(&h, (r) + s, sizeof h);                                                 \
    memcpy(&p, (c) + s, sizeof p);                                                 \
    p += h;                                                                        \
    memcpy((c) + s, &p, sizeof p);                                                 \
  }

#define SWEEP_BODY(RW)                                                             \
  uint32_t acc0[CONCERT_I_MITM_MAX + RW + 2], acc1[CONCERT_I_MITM_MAX + RW + 2];   \
  uint32_t run0[RW], run1[RW];                                                     \
  memset(acc0, 0, sizeof acc0);                                                    \
  memset(acc1, 0, sizeof acc1);                                                    \
  memset(run0, 0, sizeof run0);                                                    \
  memset(run1, 0, sizeof run1);                                                    \
  const int64_t *yw = Y->w;                                                        \
  const uint8_t *ys = Y->s;                                                        \
  size_t i0 = Y->len, i1 = Y->len;                                                 \
  for (size_t x = 0; x < nq; x++) {                                                \
    int64_t t0 = theta0 - xw[x], t1 = theta1 - xw[x];                              \
    while (i0 > 0 && yw[i0 - 1] >= t0) run0[ys[--i0]]++;                           \
    while (i1 > 0 && yw[i1 - 1] >= t1) run1[ys[--i1]]++;                           \
    uint32_t *c0 = acc0 + xs[x], *c1 = acc1 + xs[x];                               \
    ADD_ROW(c0, run0, RW)                                                          \
    ADD_ROW(c1, run1, RW)                                                          \
    if ((x & 4095) == 4095 || x + 1 == nq)                                         \
      for (size_t s = 0; s < stride; s++) {                                        \
        cnt[s] += acc0[s];                                                         \
        cnt[stride + s] += acc1[s];                                                \
        acc0[s] = acc1[s] = 0;                                                     \
      }                                                                            \
  }

#define SWEEP_ARGS                                                                     \
  const int64_t *xw, const uint8_t *xs, size_t nq, const half *Y, int64_t theta0,      \
      int64_t theta1, uint64_t *cnt, size_t stride
__attribute__((target("avx2"))) static void sweep16_avx2(SWEEP_ARGS) { SWEEP_BODY(ROW_SMALL) }
static void sweep16_base(SWEEP_ARGS) { SWEEP_BODY(ROW_SMALL) }
__attribute__((target("avx2"))) static void sweep20_avx2(SWEEP_ARGS) { SWEEP_BODY(ROW_LARGE) }
static void sweep20_base(SWEEP_ARGS) { SWEEP_BODY(ROW_LARGE) }

/* cnt[s] and cnt[stride + s] += #{(x, y): x in Q without bit skip (32: none), y in Y,
 * |x| + |y| = s, w(x) + w(y) >= theta0 (resp. theta1)}. tmp holds |Q|/2 + 1 entries (it
 * is not used when skip is 32). */
static void query(const half *Q, unsigned skip, const half *Y, int64_t theta0, int64_t theta1,
                  uint64_t *cnt, size_t stride, scratch *tmp, bool avx2) {
  const int64_t *xw = Q->w;
  const uint8_t *xs = Q->s;
  size_t nq = Q->len;
  if (skip < 32) {
    uint32_t bit = (uint32_t)1 << skip;
    nq = 0;
    for (size_t x = 0; x < Q->len; x++) { /* branch-free filter, keeps the order */
      tmp->w[nq] = Q->w[x];
      tmp->s[nq] = Q->s[x];
      nq += !(Q->mask[x] & bit);
    }
    xw = tmp->w;
    xs = tmp->s;
  }
  if (Y->h + 1 <= ROW_SMALL)
    (avx2 ? sweep16_avx2 : sweep16_base)(xw, xs, nq, Y, theta0, theta1, cnt, stride);
  else
    (avx2 ? sweep20_avx2 : sweep20_base)(xw, xs, nq, Y, theta0, theta1, cnt, stride);
}

static uint64_t binom(size_t n, size_t k) {
  if (k > n) return 0;
  uint64_t r = 1;
  for (size_t j = 1; j <= k; j++) r = r * (n - k + j) / j; /* exact at every step */
  return r;
}

/* The players [lo, hi) of one meet-in-the-middle run (a job, so players could be shared
 * between threads: each player's counts depend on nothing else). */
typedef struct mitm_job {
  const concert_game *g; /* the game */
  const int64_t *v;      /* weights (zeros without a weight vector) */
  const half *A, *B;     /* the two halves, shared read-only */
  size_t lo, hi;         /* players to do */
  uint64_t *sw;          /* output rows sw[i*n + s] (disjoint between jobs) */
  scratch *tmp;          /* scratch of the job */
  bool avx2;             /* use the AVX2 kernels */
  concert_status st;     /* result */
} mitm_job;

static void mitm_players(mitm_job *job) {
  const concert_game *g = job->g;
  size_t n = g->n, ha = job->A->h, mn = g->min_members, aw = g->always_win;
  int64_t q = g->k ? g->q[0] : 0;
  uint64_t *cnt = malloc(2 * (n + 1) * sizeof *cnt);
  scratch *tmp = job->tmp;
  job->st = cnt ? CONCERT_OK : CONCERT_ERR_NOMEM;
  for (size_t i = job->lo; i < job->hi && !job->st; i++) {
    size_t m = n - 1; /* the other players */
    int64_t theta0 = q - job->v[i];
    memset(cnt, 0, 2 * (n + 1) * sizeof *cnt);
    if (i < ha)
      query(job->A, (unsigned)i, job->B, theta0, q, cnt, n + 1, tmp, job->avx2);
    else
      query(job->B, (unsigned)(i - ha), job->A, theta0, q, cnt, n + 1, tmp, job->avx2);
    const uint64_t *n1 = cnt, *n2 = cnt + (n + 1);
    for (size_t s = 0; s < n; s++) {
      uint64_t x;
      uint64_t win_s = s >= mn ? n2[s] : 0; /* S wins on the weighted rule */
      if (aw && s >= aw)
        x = 0;
      else if (aw && s + 1 >= aw)
        x = binom(m, s) - win_s;
      else
        x = (s + 1 >= mn ? n1[s] : 0) - win_s;
      job->sw[i * n + s] = x;
    }
  }
  free(cnt);
}

concert_status concert_i_power_mitm(const concert_game *g, uint64_t *sw, uint64_t *winning) {
  size_t n = g->n;
  if (g->k > 1 || n > CONCERT_I_MITM_MAX) return CONCERT_ERR_UNSUPPORTED;
  int64_t q = g->k ? g->q[0] : 0;
  int64_t v[CONCERT_I_MITM_MAX + 1] = {0};
  for (size_t j = 0; j < n; j++) v[j] = g->k ? g->w[j] : 0;
  size_t ha = n / 2, hb = n - ha, mn = g->min_members, aw = g->always_win;
  half A = {0}, B = {0};
  bool avx2 = __builtin_cpu_supports("avx2");
  size_t big = ((size_t)1 << hb) / 2 + 1;
  scratch tmp = {malloc(big * sizeof *tmp.w), malloc(big), malloc(big * sizeof *tmp.mask)};
  concert_status st = tmp.w && tmp.s && tmp.mask ? CONCERT_OK : CONCERT_ERR_NOMEM;
  if (!st) st = half_build(v, ha, &A, &tmp);
  if (!st) st = half_build(v + ha, hb, &B, &tmp);
  if (st) {
    half_free(&A);
    free(tmp.w);
    free(tmp.s);
    free(tmp.mask);
    return st;
  }
  if (sw) {
    mitm_job job = {g, v, &A, &B, 0, n, sw, &tmp, avx2, CONCERT_OK};
    mitm_players(&job);
    st = job.st;
  }
  if (!st && winning) {
    uint64_t *cnt = malloc(2 * (n + 1) * sizeof *cnt);
    if (cnt) {
      memset(cnt, 0, 2 * (n + 1) * sizeof *cnt);
      query(&A, 32, &B, q, q, cnt, n + 1, &tmp, avx2);
      uint64_t tot = 0;
      for (size_t s = 0; s <= n; s++)
        tot += (aw && s >= aw) ? binom(n, s) : (s >= mn ? cnt[s] : 0);
      *winning = tot;
    } else {
      st = CONCERT_ERR_NOMEM;
    }
    free(cnt);
  }
  free(tmp.w);
  free(tmp.s);
  free(tmp.mask);
  half_free(&A);
  half_free(&B);
  return st;
}

concert_status concert_i_power_brute(const concert_game *g, uint64_t *sw, uint64_t *winning) {
  size_t n = g->n, k = g->k;
  if (n > CONCERT_I_BRUTE_MAX) return CONCERT_ERR_UNSUPPORTED;
  size_t total = (size_t)1 << n;
  unsigned char *win = malloc(total);
  if (!win) return CONCERT_ERR_NOMEM;
  int64_t sums[CONCERT_GAME_MAX_WEIGHTS] = {0};
  size_t size = 0;
  uint64_t nwin = 0;
  /* Gray code: coalition number c = x ^ (x >> 1); one member changes per step */
  for (size_t x = 0; x < total; x++) {
    size_t c = x ^ (x >> 1);
    if (x > 0) {
      size_t bit = (size_t)__builtin_ctzll((unsigned long long)x);
      bool in = (c >> bit) & 1;
      size += in ? 1 : (size_t)-1;
      for (size_t j = 0; j < k; j++) sums[j] += in ? g->w[j * n + bit] : -g->w[j * n + bit];
    }
    bool ok = size >= g->min_members;
    for (size_t j = 0; j < k && ok; j++) ok = sums[j] >= g->q[j];
    if (g->always_win && size >= g->always_win) ok = true;
    win[c] = ok;
    nwin += ok;
  }
  memset(sw, 0, n * n * sizeof *sw);
  for (size_t i = 0; i < n; i++) {
    size_t bit = (size_t)1 << i;
    for (size_t c = 0; c < total; c++)
      if (!(c & bit) && win[c | bit] && !win[c])
        sw[i * n + (size_t)__builtin_popcountll((unsigned long long)c)]++;
  }
  if (winning) *winning = nwin;
  free(win);
  return CONCERT_OK;
}
