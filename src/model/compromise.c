/* compromise.c: the compromise model, x = sum c_i s_i x_i / sum c_i s_i, issue by issue.
 * Equations and sources: docs/models/compromise.md. O(n m). */
#include <math.h>
#include <stdlib.h>

#include "model/model_i.h"
#include "status/diag.h"

double concert_i_weighted_mean(size_t n, const double *pos, const double *w) {
  double sw = 0, sx = 0;
  for (size_t i = 0; i < n; i++) {
    sw += w[i];
    sx += w[i] * pos[i];
  }
  if (sw > 0) return sx / sw;
  double s = 0; /* no one has any weight: the plain mean */
  for (size_t i = 0; i < n; i++) s += pos[i];
  return s / (double)n;
}

static concert_status solve(const concert_params *params, const concert_problem *p,
                            concert_solution *sol, concert_diag *d) {
  size_t n = p->n_actors, m = p->n_issues;
  double *buf = malloc((2 * n + m) * sizeof *buf);
  if (!buf) return CONCERT_FAIL(d, CONCERT_ERR_NOMEM, "out of memory");
  double *x = buf, *w = buf + n, *out = buf + 2 * n;
  for (size_t k = 0; k < m; k++) {
    for (size_t a = 0; a < n; a++) {
      x[a] = p->position[a * m + k];
      w[a] = p->capability[a] * p->salience[a * m + k];
    }
    out[k] = concert_i_weighted_mean(n, x, w);
  }
  concert_i_solution_set_round_outcome(sol, 0, out, out);
  concert_i_solution_set_outcome(sol, out);
  free(buf);
  return CONCERT_OK;
}

const concert_model concert_i_model_compromise = {
    .name = "compromise",
    .summary = "capability x salience weighted mean of positions (Achen 2006)",
    .min_issues = 1,
    .needs_reversion = false,
    .params = NULL,
    .n_params = 0,
    .solve = solve,
};
