/* games.c: concentration (Herfindahl-Hirschman) and Shapley values of cost games: the
 * airport game in closed form (Littlechild and Owen, 1973) and any game of up to 20
 * players by enumeration of its coalitions. */
#include <math.h>
#include <stdlib.h>

#include <concert/measures.h>

#include "status/diag.h"

concert_status concert_hhi(const double *x, size_t n, double *hhi, size_t *largest,
                           double *largest_share) {
  if (!x && n) return CONCERT_ERR_ARGUMENT;
  if (n == 0) return CONCERT_ERR_EMPTY;
  double sum = 0;
  size_t arg = 0;
  for (size_t i = 0; i < n; i++) {
    if (!isfinite(x[i]) || x[i] < 0) return CONCERT_ERR_RANGE;
    sum += x[i];
    if (x[i] > x[arg]) arg = i;
  }
  if (!(sum > 0) || !isfinite(sum)) return CONCERT_ERR_RANGE;
  double h = 0;
  for (size_t i = 0; i < n; i++) h += (x[i] / sum) * (x[i] / sum);
  if (hhi) *hhi = h;
  if (largest) *largest = arg;
  if (largest_share) *largest_share = x[arg] / sum;
  return CONCERT_OK;
}

/* Sort key: need and original position. */
typedef struct need {
  double c;  /* the member's need */
  size_t i;  /* its position in the input */
} need;

static int need_cmp(const void *a, const void *b) {
  const need *x = a, *y = b;
  if (x->c != y->c) return x->c < y->c ? -1 : 1;
  return (x->i > y->i) - (x->i < y->i);
}

concert_status concert_shapley_airport(const double *c, size_t n, double *phi) {
  if (n == 0) return CONCERT_ERR_EMPTY;
  if (!c || !phi) return CONCERT_ERR_ARGUMENT;
  for (size_t i = 0; i < n; i++)
    if (!isfinite(c[i]) || c[i] < 0) return CONCERT_ERR_RANGE;
  need *v = malloc(n * sizeof *v);
  if (!v) return CONCERT_ERR_NOMEM;
  for (size_t i = 0; i < n; i++) v[i] = (need){c[i], i};
  qsort(v, n, sizeof *v, need_cmp);
  /* The j-th smallest (0-based) need adds c_(j) - c_(j-1); the n - j members from j on
   * need it, and split it equally. phi of the j-th is the running sum of those parts. */
  double acc = 0, prev = 0;
  for (size_t j = 0; j < n; j++) {
    acc += (v[j].c - prev) / (double)(n - j);
    prev = v[j].c;
    phi[v[j].i] = acc;
  }
  free(v);
  return CONCERT_OK;
}

concert_status concert_shapley_exact(size_t n, concert_coalition_fn fn, void *user,
                                     double *phi) {
  if (n == 0) return CONCERT_ERR_EMPTY;
  if (!fn || !phi) return CONCERT_ERR_ARGUMENT;
  if (n > 20) return CONCERT_ERR_TOO_LARGE;
  size_t m = (size_t)1 << n;
  double *v = malloc(m * sizeof *v);
  if (!v) return CONCERT_ERR_NOMEM;
  for (size_t s = 0; s < m; s++) {
    v[s] = fn((uint32_t)s, user);
    if (!isfinite(v[s])) {
      free(v);
      return CONCERT_ERR_RANGE;
    }
  }
  /* w[k] = k! (n-k-1)! / n! = 1 / (n * C(n-1, k)); C(n-1, k) is exact in a double. */
  double w[20];
  double binom = 1;
  for (size_t k = 0; k < n; k++) {
    w[k] = 1.0 / ((double)n * binom);
    binom = binom * (double)(n - 1 - k) / (double)(k + 1);
  }
  for (size_t i = 0; i < n; i++) phi[i] = 0;
  for (size_t s = 0; s < m; s++) {
    size_t k = (size_t)__builtin_popcountl((unsigned long)s);
    for (size_t i = 0; i < n; i++) {
      size_t bit = (size_t)1 << i;
      if (s & bit) continue;
      phi[i] += w[k] * (v[s | bit] - v[s]);
    }
  }
  free(v);
  return CONCERT_OK;
}
