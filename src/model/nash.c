/* nash.c: the asymmetric Nash bargaining solution over the reversion point d:
 *   x* = argmax_x  sum_i c_i log(u_i(x) - u_i(d)),  u_i(x) = -s_i |x - x_i|^p, p = 1 or 2,
 * over the x that leave every stakeholder (c_i s_i > 0) strictly better off than d.
 * When no such x exists (stakeholders on both sides of d, or one sitting at d) the
 * solution is d itself. Sources and derivation: docs/models/nash.md.
 * Per issue: O(n) to find the feasible interval and O(120 n) to maximise it by
 * golden-section search (the objective is concave there). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "model/model_i.h"
#include "status/diag.h"

typedef struct nash_issue_t {
  size_t n;
  const double *x, *s, *c; /* positions, saliences, capabilities */
  double d;                /* reversion point */
  int power;               /* 1 linear loss, 2 quadratic */
} nash_issue_t;

static double loss(const nash_issue_t *q, size_t i, double x) {
  double t = fabs(x - q->x[i]);
  return q->s[i] * (q->power == 1 ? t : t * t);
}

/* Minus the Nash product's logarithm (GSL minimises); +inf outside the feasible set. */
static double neg_log_product(double x, void *ctx) {
  const nash_issue_t *q = ctx;
  double f = 0;
  for (size_t i = 0; i < q->n; i++) {
    if (q->c[i] * q->s[i] <= 0) continue;
    double g = loss(q, i, q->d) - loss(q, i, x);
    if (!(g > 0)) return HUGE_VAL;
    f -= q->c[i] * log(g);
  }
  return f;
}

/* The Nash solution on one issue. */
static double nash_one(const nash_issue_t *q) {
  double lo = 0, hi = 100;
  size_t stake = 0;
  for (size_t i = 0; i < q->n; i++) {
    if (q->c[i] * q->s[i] <= 0) continue;
    stake++;
    double r = fabs(q->d - q->x[i]);
    if (q->x[i] - r > lo) lo = q->x[i] - r;
    if (q->x[i] + r < hi) hi = q->x[i] + r;
  }
  if (stake == 0 || !(hi - lo > 1e-9)) return q->d;
  /* The objective is concave on (lo, hi) (a sum of logarithms of positive concave
   * functions), so golden-section search converges to the maximiser. 120 steps shrink
   * the bracket by 0.618^120, far below double precision on a 0-100 scale. */
  const double phi = 0.6180339887498949;
  double a = lo, b = hi, x1 = b - phi * (b - a), x2 = a + phi * (b - a);
  double f1 = neg_log_product(x1, (void *)q), f2 = neg_log_product(x2, (void *)q);
  for (int it = 0; it < 120 && b - a > 1e-12; it++) {
    if (f1 <= f2) {
      b = x2, x2 = x1, f2 = f1;
      x1 = b - phi * (b - a);
      f1 = neg_log_product(x1, (void *)q);
    } else {
      a = x1, x1 = x2, f1 = f2;
      x2 = a + phi * (b - a);
      f2 = neg_log_product(x2, (void *)q);
    }
  }
  double x = (a + b) / 2;
  return isfinite(neg_log_product(x, (void *)q)) ? x : q->d;
}

static const concert_param_spec nash_params[] = {
    {.key = "loss", .is_word = true, .words = "quadratic|linear",
     .doc = "utility loss in distance: quadratic (Achen 2006) or linear"},
};

static double nash_issue(size_t n, const double *pos, const double *sal, const double *cap,
                         double reversion, void *ctx) {
  nash_issue_t q = {.n = n, .x = pos, .s = sal, .c = cap, .d = reversion, .power = *(int *)ctx};
  return nash_one(&q);
}

static concert_status solve(const concert_params *params, const concert_problem *p,
                            concert_solution *sol, concert_diag *d) {
  int power = strcmp(concert_params_word(params, "loss", "quadratic"), "linear") == 0 ? 1 : 2;
  return concert_i_solve_issuewise(p, sol, nash_issue, &power, false, d);
}

const concert_model concert_i_model_nash = {
    .name = "nash",
    .summary = "asymmetric Nash bargaining solution over the reversion point",
    .min_issues = 1,
    .needs_reversion = true,
    .params = nash_params,
    .n_params = sizeof nash_params / sizeof nash_params[0],
    .solve = solve,
};
