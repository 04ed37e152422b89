/* compromise.c: the compromise model, x = sum c_i s_i x_i / sum c_i s_i, issue by issue.
 * Equations and sources: docs/models/compromise.md. O(n m). */
#include <math.h>
#include <stdlib.h>

#include "model/model_i.h"
#include "status/diag.h"

double concert_i_weighted_mean(size_t n, const double *pos, const double *w) {
  double sw = 0, sx = 0;
  for (size_t i = 0; i < n; i++) sw += w[i], sx += w[i] * pos[i];
  if (sw > 0) return sx / sw;
  double t = 0; /* no one has any weight: the plain mean */
  for (size_t i = 0; i < n; i++) t += pos[i];
  return t / (double)n;
}

/* Weights c_i s_i: concert_i_weighted_mean's sums, each weight formed as it is added (the
 * same operations in the same order, without an array of weights). */
static double compromise_issue(size_t n, const double *pos, const double *sal, const double *cap,
                               double reversion, void *ctx) {
  (void)reversion, (void)ctx;
  double sw = 0, sx = 0;
  for (size_t i = 0; i < n; i++) {
    double w = cap[i] * sal[i];
    sw += w, sx += w * pos[i];
  }
  if (sw > 0) return sx / sw;
  double t = 0; /* no one has any weight: the plain mean */
  for (size_t i = 0; i < n; i++) t += pos[i];
  return t / (double)n;
}

static concert_status solve(const concert_params *params, const concert_problem *p,
                            concert_solution *sol, concert_diag *d) {
  return concert_i_solve_issuewise(p, sol, compromise_issue, NULL, true, d);
}

const concert_model concert_i_model_compromise = {
    .name = "compromise",
    .summary = "capability x salience weighted mean of positions (Achen 2006)",
    .min_issues = 1,
    .needs_reversion = false,
    .params = NULL,
    .n_params = 0,
    .solve = solve,
    .issue = compromise_issue,
};
