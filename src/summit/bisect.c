/* bisect.c: the flip point of one number between its value and a range end (docs/sensitivity.md,
 * "Bisection"). Shared by the document hinges of forgo.c and the tipping points of
 * src/sensitivity: one mechanism for both. */
#include <math.h>

#include "summit/engine_i.h"

concert_status concert_i_bisect(double from, double to, int base, int r_to, double tol,
                                concert_i_probe probe, void *user, double *at, int *r_at,
                                size_t *n_eval) {
  size_t n = 0;
  concert_status st = CONCERT_OK;
  /* invariant: result(from) == base, result(to) == r_to != base */
  while (fabs(to - from) > tol) {
    double mid = from + (to - from) / 2;
    if (mid == from || mid == to) break;
    int r;
    if ((st = probe(user, mid, &r))) break;
    n++;
    if (r == base)
      from = mid;
    else
      to = mid, r_to = r;
  }
  *at = to, *r_at = r_to;
  if (n_eval) *n_eval += n;
  return st;
}

double concert_i_bisect_tol(concert_hinge_field field) {
  switch (field) {
    case CONCERT_HINGE_SALIENCE:
      return 0.001;
    case CONCERT_HINGE_CAPABILITY:
      return 0.01;
    default:
      return 0.05;
  }
}
