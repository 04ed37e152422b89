/* power/mitm.c: exact swing counts by coalition size by meeting in the middle.
 *
 * For a player i the other players are split into halves A and B. The 2^|A| and 2^|B|
 * subset sums of each half are listed in weight order (by merging, no sort); for B we keep,
 * for each position in that order, how many of the subsets from there on have each size.
 * The number of subsets T of the others with |T| = s and w(T) >= theta is then one sweep
 * over A with a pointer into B. Two thresholds (q - w_i and q) give the swings. Used for one
 * weight vector plus member rules (EU Council), n <= 36. O(n^2 2^(n/2)) time,
 * O(n 2^(n/2)) memory. */
#include <stdlib.h>
#include <string.h>

#include "power/power_i.h"

typedef struct sub {
  int64_t w;    /* subset weight */
  uint32_t s;   /* subset size */
} sub;

/* All 2^m subsets of v[0..m) in increasing weight order (ties in any fixed order). */
static sub *subsets_sorted(const int64_t *v, size_t m) {
  size_t total = (size_t)1 << m;
  sub *a = malloc(total * sizeof *a), *b = malloc(total * sizeof *b);
  if (!a || !b) {
    free(a);
    free(b);
    return NULL;
  }
  a[0] = (sub){0, 0};
  size_t len = 1;
  for (size_t k = 0; k < m; k++) {
    /* merge a[0..len) with a[0..len) + v[k] into b */
    size_t x = 0, y = 0, o = 0;
    while (x < len || y < len) {
      if (y >= len || (x < len && a[x].w <= a[y].w + v[k]))
        b[o++] = a[x++];
      else {
        b[o++] = (sub){a[y].w + v[k], a[y].s + 1};
        y++;
      }
    }
    len *= 2;
    sub *t = a;
    a = b;
    b = t;
  }
  free(b);
  return a;
}

/* cnt[t*(m+1) + s] = #{T subset of v[0..m): |T| = s, w(T) >= theta[t]}, t < nt. */
static concert_status count_ge(const int64_t *v, size_t m, const int64_t *theta, size_t nt,
                               uint64_t *cnt) {
  size_t ha = m / 2, hb = m - ha;
  size_t na = (size_t)1 << ha, nb = (size_t)1 << hb;
  sub *A = subsets_sorted(v, ha), *B = subsets_sorted(v + ha, hb);
  uint32_t *suf = A && B ? calloc((nb + 1) * (hb + 1), sizeof *suf) : NULL;
  if (!suf) {
    free(A);
    free(B);
    return CONCERT_ERR_NOMEM;
  }
  /* suf[idx*(hb+1) + s]: subsets of B at sorted positions >= idx with size s */
  for (size_t idx = nb; idx-- > 0;) {
    memcpy(suf + idx * (hb + 1), suf + (idx + 1) * (hb + 1), (hb + 1) * sizeof *suf);
    suf[idx * (hb + 1) + B[idx].s]++;
  }
  memset(cnt, 0, nt * (m + 1) * sizeof *cnt);
  for (size_t t = 0; t < nt; t++) {
    uint64_t *c = cnt + t * (m + 1);
    size_t idx = nb;
    for (size_t x = 0; x < na; x++) {
      int64_t target = theta[t] - A[x].w;
      while (idx > 0 && B[idx - 1].w >= target) idx--;
      const uint32_t *row = suf + idx * (hb + 1);
      uint64_t *cs = c + A[x].s;
      for (size_t s = 0; s <= hb; s++) cs[s] += row[s];
    }
  }
  free(A);
  free(B);
  free(suf);
  return CONCERT_OK;
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
  const int64_t *w = g->k ? g->w : NULL;
  int64_t *v = malloc((n + 1) * sizeof *v);
  uint64_t *cnt = malloc(2 * (n + 1) * sizeof *cnt);
  if (!v || !cnt) {
    free(v);
    free(cnt);
    return CONCERT_ERR_NOMEM;
  }
  concert_status st = CONCERT_OK;
  size_t mn = g->min_members, aw = g->always_win;
  for (size_t i = 0; i < n && !st; i++) {
    size_t m = 0;
    for (size_t j = 0; j < n; j++)
      if (j != i) v[m++] = w ? w[j] : 0;
    int64_t wi = w ? w[i] : 0;
    int64_t theta[2] = {q - wi, q};
    st = count_ge(v, m, theta, 2, cnt);
    if (st) break;
    const uint64_t *n1 = cnt, *n2 = cnt + (m + 1);
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
    size_t m = n;
    for (size_t j = 0; j < n; j++) v[j] = w ? w[j] : 0;
    int64_t theta = q;
    uint64_t *c = malloc((n + 1) * sizeof *c);
    if (!c) st = CONCERT_ERR_NOMEM;
    if (!st) st = count_ge(v, m, &theta, 1, c);
    if (!st) {
      uint64_t tot = 0;
      for (size_t s = 0; s <= n; s++)
        tot += (aw && s >= aw) ? binom(n, s) : (s >= mn ? c[s] : 0);
      *winning = tot;
    }
    free(c);
  }
  free(v);
  free(cnt);
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
