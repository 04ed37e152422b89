/* cv.c: cross-validation over proposals and the scores of a predictive distribution.
 *
 * Folds: the scored issues' proposals, numbered in the order of their ids, are put in a
 * random order drawn from the run's seed (a Fisher-Yates shuffle driven by GSL's MT19937)
 * and dealt to folds 0, 1, ..., K-1, 0, 1, ... in that order, so the folds differ in size
 * by at most one proposal and the issues of a proposal are never split.
 *
 * Predictive distributions are samples (a point forecast plus the out-of-fold errors the
 * row made on the training folds, clipped to the 0-100 scale); this file computes their
 * central intervals, the CRPS of a sample (Gneiting & Raftery 2007, eq. 21 with the
 * empirical distribution) and the interval score (ibid., section 6.2). docs/validation.md
 * states the formulas. */
#include <gsl/gsl_rng.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>
#include <math.h>
#include <stdlib.h>

#include "validation/validation_i.h"

bool concert_i_cv_folds(size_t n_groups, size_t k, uint64_t seed, size_t *fold) {
  if (n_groups == 0) return true;
  size_t *order = malloc(n_groups * sizeof *order);
  gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
  if (!order || !r) {
    free(order);
    if (r) gsl_rng_free(r);
    return false;
  }
  gsl_rng_set(r, (unsigned long)seed);
  for (size_t g = 0; g < n_groups; g++) order[g] = g;
  for (size_t i = n_groups - 1; i > 0; i--) {
    size_t j = (size_t)gsl_rng_uniform_int(r, (unsigned long)(i + 1));
    size_t t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
  for (size_t t = 0; t < n_groups; t++) fold[order[t]] = t % k;
  gsl_rng_free(r);
  free(order);
  return true;
}

double concert_i_crps_sorted(const double *x, size_t n, double y) {
  if (n == 0) return NAN;
  double a = 0, b = 0;
  for (size_t i = 0; i < n; i++) {
    a += fabs(x[i] - y);
    b += (2.0 * (double)(i + 1) - (double)n - 1.0) * x[i];
  }
  /* sum_i sum_j |x_i - x_j| = 2 sum_i (2i - n - 1) x_(i) for sorted x, 1-based i */
  return a / (double)n - b / ((double)n * (double)n);
}

double concert_i_interval_score(double lo, double hi, double alpha, double y) {
  double s = hi - lo;
  if (y < lo) s += 2.0 / alpha * (lo - y);
  if (y > hi) s += 2.0 / alpha * (y - hi);
  return s;
}

void concert_i_sample_interval(const double *x, size_t n, double level, double *lo, double *hi) {
  if (n == 0) {
    *lo = *hi = NAN;
    return;
  }
  *lo = gsl_stats_quantile_from_sorted_data(x, 1, n, (1 - level) / 2);
  *hi = gsl_stats_quantile_from_sorted_data(x, 1, n, 1 - (1 - level) / 2);
}
