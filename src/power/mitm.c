/* power/mitm.c: exact swing counts by coalition size by meeting in the middle.
 *
 * The players are split into halves A and B. The 2^|A| and 2^|B| subset sums of each
 * half are listed once in weight order (by merging, no sort); for each position in that
 * order we keep how many of the subsets from there on have each size. For player i in A,
 * the number of subsets T of the others with |T| = s and w(T) >= theta is one sweep over
 * the subsets of A without i, with a pointer moving down B (and the same with the halves
 * swapped for i in B). Two thresholds (q - w_i and q) give the swings. Used for one
 * weight vector plus member rules (EU Council), n <= 36. O(n^2 2^(n/2)) time,
 * O(n 2^(n/2)) memory. */
#include <stdlib.h>
#include <string.h>

#include "power/power_i.h"

/* Width of a row of suffix counts: sizes 0..h of a half, padded so the row sum is a
 * fixed-length (unrolled, vectorised) loop. n <= 36 gives h <= 18. */
#define ROW 20

typedef struct sub {
  int64_t w;     /* subset weight */
  uint32_t s;    /* subset size */
  uint32_t mask; /* members, bit b = player b of the half */
} sub;

/* One half of the players: its subsets in weight order and, for each position idx,
 * suf[idx*ROW + s] = number of subsets at positions >= idx with size s. */
typedef struct half {
  sub *list;     /* 2^h subsets, ascending weight */
  size_t len;    /* 2^h */
  size_t h;      /* players in the half */
  uint32_t *suf; /* (len+1)*ROW suffix counts by size */
} half;

static void half_free(half *x) {
  free(x->list);
  free(x->suf);
}

/* All 2^m subsets of v[0..m) in increasing weight order, by repeated merging. */
static concert_status half_build(const int64_t *v, size_t m, half *out) {
  size_t total = (size_t)1 << m;
  out->h = m;
  out->len = total;
  out->list = malloc(total * sizeof *out->list);
  out->suf = calloc((total + 1) * ROW, sizeof *out->suf);
  sub *b = malloc(total * sizeof *b);
  if (!out->list || !out->suf || !b) {
    free(b);
    half_free(out);
    return CONCERT_ERR_NOMEM;
  }
  sub *a = out->list;
  a[0] = (sub){0, 0, 0};
  size_t len = 1;
  for (size_t k = 0; k < m; k++) {
    size_t x = 0, y = 0, o = 0;
    while (x < len || y < len) {
      if (y >= len || (x < len && a[x].w <= a[y].w + v[k]))
        b[o++] = a[x++];
      else {
        b[o++] = (sub){a[y].w + v[k], a[y].s + 1, a[y].mask | (uint32_t)1 << k};
        y++;
      }
    }
    len *= 2;
    memcpy(a, b, len * sizeof *a);
  }
  free(b);
  for (size_t idx = total; idx-- > 0;) {
    memcpy(out->suf + idx * ROW, out->suf + (idx + 1) * ROW, ROW * sizeof *out->suf);
    out->suf[idx * ROW + a[idx].s]++;
  }
  return CONCERT_OK;
}

/* cnt[t*stride + s] += #{(x, y): x in Q (skipping subsets with bit skip), y in Y,
 * |x| + |y| = s, w(x) + w(y) >= theta[t]}; skip = 32 means none. */
static void query(const half *Q, unsigned skip, const half *Y, const int64_t *theta, size_t nt,
                  uint64_t *cnt, size_t stride, sub *tmp) {
  uint32_t bit = skip < 32 ? (uint32_t)1 << skip : 0;
  size_t nq = 0;
  for (size_t x = 0; x < Q->len; x++) { /* branch-free filter, keeps the order */
    tmp[nq] = Q->list[x];
    nq += !(Q->list[x].mask & bit);
  }
  for (size_t t = 0; t < nt; t++) {
    /* rows hold at most 2^18 each: 32-bit sums are safe for 4096 rows, then flushed */
    uint32_t acc[CONCERT_I_MITM_MAX + ROW + 2] = {0};
    uint64_t *c = cnt + t * stride;
    size_t idx = Y->len;
    for (size_t x = 0; x < nq; x++) {
      const sub *a = &tmp[x];
      int64_t target = theta[t] - a->w;
      while (idx > 0 && Y->list[idx - 1].w >= target) idx--;
      const uint32_t *row = Y->suf + idx * ROW;
      uint32_t *cs = acc + a->s;
      for (size_t s = 0; s < ROW; s++) cs[s] += row[s];
      if ((x & 4095) == 4095 || x + 1 == nq)
        for (size_t s = 0; s < stride; s++) {
          c[s] += acc[s];
          acc[s] = 0;
        }
    }
  }
}

static uint64_t binom(size_t n, size_t k) {
  if (k > n) return 0;
  uint64_t r = 1;
  for (size_t j = 1; j <= k; j++) r = r * (n - k + j) / j; /* exact at every step */
  return r;
}

concert_status concert_i_power_mitm(const concert_game *g, uint64_t *sw, uint64_t *winning) {
  size_t n = g->n;
  if (g->k > 1 || n > CONCERT_I_MITM_MAX) return CONCERT_ERR_UNSUPPORTED;
  int64_t q = g->k ? g->q[0] : 0;
  int64_t v[CONCERT_I_MITM_MAX + 1] = {0};
  for (size_t j = 0; j < n; j++) v[j] = g->k ? g->w[j] : 0;
  size_t ha = n / 2, hb = n - ha, mn = g->min_members, aw = g->always_win;
  half A = {0}, B = {0};
  concert_status st = half_build(v, ha, &A);
  if (!st) st = half_build(v + ha, hb, &B);
  uint64_t *cnt = st ? NULL : malloc(2 * (n + 1) * sizeof *cnt);
  sub *tmp = st ? NULL : malloc(B.len * sizeof *tmp);
  if (!st && (!cnt || !tmp)) st = CONCERT_ERR_NOMEM;
  for (size_t i = 0; i < n && !st; i++) {
    size_t m = n - 1; /* the other players */
    int64_t theta[2] = {q - v[i], q};
    memset(cnt, 0, 2 * (n + 1) * sizeof *cnt);
    if (i < ha)
      query(&A, (unsigned)i, &B, theta, 2, cnt, n + 1, tmp);
    else
      query(&B, (unsigned)(i - ha), &A, theta, 2, cnt, n + 1, tmp);
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
      sw[i * n + s] = x;
    }
  }
  if (!st && winning) {
    memset(cnt, 0, (n + 1) * sizeof *cnt);
    query(&A, 32, &B, &q, 1, cnt, n + 1, tmp);
    uint64_t tot = 0;
    for (size_t s = 0; s <= n; s++)
      tot += (aw && s >= aw) ? binom(n, s) : (s >= mn ? cnt[s] : 0);
    *winning = tot;
  }
  half_free(&A);
  half_free(&B);
  free(cnt);
  free(tmp);
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
