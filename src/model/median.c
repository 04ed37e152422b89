/* median.c: the weighted median (capability x salience weights), issue by issue.
 * Ties: when the cumulative weight reaches exactly half at a position, the outcome is the
 * midpoint between it and the next distinct position (docs/models/median.md). O(n log n). */
#include <math.h>
#include <stdlib.h>

#include "model/model_i.h"
#include "status/diag.h"

typedef struct pw {
  double x, w; /* position, weight */
} pw;

static int by_position(const void *a, const void *b) {
  double x = ((const pw *)a)->x, y = ((const pw *)b)->x;
  return (x > y) - (x < y);
}

double concert_i_weighted_median(size_t n, const double *pos, const double *w) {
  pw *v = malloc(n * sizeof *v);
  if (!v) return NAN;
  double total = 0;
  for (size_t i = 0; i < n; i++) total += w[i];
  bool plain = !(total > 0);
  if (plain) total = (double)n;
  for (size_t i = 0; i < n; i++) {
    v[i].x = pos[i];
    v[i].w = plain ? 1.0 : w[i];
  }
  qsort(v, n, sizeof *v, by_position);
  double half = total / 2, eps = 1e-12 * total, cum = 0, med = v[n - 1].x;
  for (size_t i = 0; i < n;) {
    size_t j = i; /* group equal positions */
    while (j < n && v[j].x == v[i].x) cum += v[j++].w;
    if (cum > half + eps) {
      med = v[i].x;
      break;
    }
    if (fabs(cum - half) <= eps && j < n) {
      med = (v[i].x + v[j].x) / 2;
      break;
    }
    i = j;
  }
  free(v);
  return med;
}

static double median_issue(size_t n, const double *pos, const double *sal, const double *cap,
                           double reversion, void *ctx) {
  double *w = malloc(n * sizeof *w);
  if (!w) return NAN;
  for (size_t i = 0; i < n; i++) w[i] = cap[i] * sal[i];
  double med = concert_i_weighted_median(n, pos, w);
  free(w);
  return med;
}

static concert_status solve(const concert_params *params, const concert_problem *p,
                            concert_solution *sol, concert_diag *d) {
  return concert_i_solve_issuewise(p, sol, median_issue, NULL, false, d);
}

const concert_model concert_i_model_median = {
    .name = "median",
    .summary = "capability x salience weighted median of positions",
    .min_issues = 1,
    .needs_reversion = false,
    .params = NULL,
    .n_params = 0,
    .solve = solve,
    .issue = median_issue,
};
