/* test_models.c: the static models (compromise, median, nash) against hand-computed values,
 * their invariants, and the model interface's refusal of bad problems and parameters. */
#include <check.h>
#include <concert.h>
#include <math.h>
#include <stdlib.h>
#include "check_main.h"

static double solve1(const char *model, size_t n, const double *x, const double *s,
                     const double *c, double rev, const concert_params *p) {
  concert_problem pb = {.n_actors = n, .n_issues = 1, .position = x, .salience = s,
                        .capability = c, .reversion = &rev};
  concert_solution *sol = NULL;
  concert_diag d;
  concert_diag_clear(&d);
  concert_status st = concert_model_solve(concert_model_find(model), p, &pb, &sol, &d);
  ck_assert_msg(st == CONCERT_OK, "%s: %s", model, d.message);
  double out = concert_solution_outcome(sol, 0);
  concert_solution_free(sol);
  return out;
}

START_TEST(compromise_hand) {
  /* w = c*s = (0.5, 2): (0*0.5 + 90*2) / 2.5 = 72 */
  double x[] = {0, 90}, s[] = {0.5, 1}, c[] = {1, 2};
  ck_assert_double_eq_tol(solve1("compromise", 2, x, s, c, 50, NULL), 72.0, 1e-12);
  /* every weight zero: the plain mean */
  double z[] = {0, 0};
  ck_assert_double_eq_tol(solve1("compromise", 2, x, z, c, 50, NULL), 45.0, 1e-12);
}
END_TEST

START_TEST(median_hand) {
  double x[] = {30, 10, 20}, s[] = {1, 1, 1};
  double c1[] = {1, 1, 1}, c2[] = {2, 1, 1}, c3[] = {1, 3, 1};
  ck_assert_double_eq(solve1("median", 3, x, s, c1, 0, NULL), 20.0);
  /* weights by position 10:1, 20:1, 30:2: half (2) reached exactly at 20 -> midpoint 25 */
  ck_assert_double_eq(solve1("median", 3, x, s, c2, 0, NULL), 25.0);
  ck_assert_double_eq(solve1("median", 3, x, s, c3, 0, NULL), 10.0);
}
END_TEST

START_TEST(nash_linear_hand) {
  /* d = 0, x = (40, 60), linear loss: gains on [40, 60] are (80 - x) and x, so the
   * weighted product (80-x)^c1 x^c2 peaks at x = 80 c2 / (c1 + c2), clipped to [40, 60]. */
  double x[] = {40, 60}, s[] = {1, 1};
  concert_params *p = concert_params_new();
  concert_params_set_word(p, "loss", "linear");
  double c11[] = {1, 1}, c12[] = {1, 2}, c13[] = {1, 3};
  ck_assert_double_eq_tol(solve1("nash", 2, x, s, c11, 0, p), 40.0, 1e-6);
  ck_assert_double_eq_tol(solve1("nash", 2, x, s, c12, 0, p), 160.0 / 3.0, 1e-6);
  ck_assert_double_eq_tol(solve1("nash", 2, x, s, c13, 0, p), 60.0, 1e-6);
  concert_params_free(p);
}
END_TEST

START_TEST(nash_reversion_between) {
  /* Actors on both sides of d: no text improves on d for both, the solution is d. */
  double x[] = {20, 80}, s[] = {1, 1}, c[] = {1, 1};
  ck_assert_double_eq(solve1("nash", 2, x, s, c, 50, NULL), 50.0);
}
END_TEST

START_TEST(nash_far_reversion_is_weighted_mean) {
  /* Quadratic loss, d far from everyone: the maximiser tends to the capability-weighted
   * mean (saliences cancel), here within 0.05 of (97*1 + 100*3)/4 = 99.25. */
  double x[] = {97, 100}, s[] = {0.3, 0.9}, c[] = {1, 3};
  ck_assert_double_eq_tol(solve1("nash", 2, x, s, c, 0, NULL), 99.25, 0.05);
}
END_TEST

/* Invariants for every static model over seeded random problems. */
START_TEST(properties) {
  const char *models[] = {"compromise", "median", "nash"};
  unsigned seed = 12345;
  for (int trial = 0; trial < 200; trial++) {
    size_t n = 2 + (size_t)(trial % 9);
    double x[12], s[12], c[12], px[12], ps[12], pc[12];
    for (size_t i = 0; i < n; i++) {
      seed = seed * 1103515245u + 12345u;
      x[i] = (double)(seed % 1001) / 10.0;
      seed = seed * 1103515245u + 12345u;
      s[i] = (double)(seed % 101) / 100.0;
      seed = seed * 1103515245u + 12345u;
      c[i] = 0.1 + (double)(seed % 50);
    }
    double rev = (double)(trial % 101);
    for (size_t i = 0; i < n; i++) {
      size_t j = (i + 3) % n; /* a fixed permutation */
      px[i] = x[j], ps[i] = s[j], pc[i] = c[j];
    }
    double lo = 100, hi = 0;
    for (size_t i = 0; i < n; i++) lo = fmin(lo, x[i]), hi = fmax(hi, x[i]);
    for (size_t m = 0; m < 3; m++) {
      double y = solve1(models[m], n, x, s, c, rev, NULL);
      double yp = solve1(models[m], n, px, ps, pc, rev, NULL);
      ck_assert_double_eq_tol(y, yp, m == 2 ? 1e-5 : 1e-9); /* nash: argmax precision */
      if (m < 2) ck_assert_msg(y >= lo - 1e-9 && y <= hi + 1e-9, "%s outside hull", models[m]);
      else /* nash: inside the hull of positions and reversion point */
        ck_assert(y >= fmin(lo, rev) - 1e-9 && y <= fmax(hi, rev) + 1e-9);
    }
    /* identical actors: their common position (nash: unless it sits at d) */
    double same[12], one = x[0];
    for (size_t i = 0; i < n; i++) same[i] = one;
    for (size_t m = 0; m < 3; m++) {
      double y = solve1(models[m], n, same, s, c, rev, NULL);
      double want = (m == 2 && fabs(rev - one) < 1e-12) ? rev : one;
      bool stakes = false;
      for (size_t i = 0; i < n; i++) stakes = stakes || c[i] * s[i] > 0;
      if (m == 2 && !stakes) want = rev;
      ck_assert_double_eq_tol(y, want, 1e-4); /* argmax precision ~ sqrt(eps) x range */
    }
  }
}
END_TEST

static concert_status try_solve(const char *model, const double *x, const double *s,
                                const double *c, const double *rev, size_t n, size_t m,
                                const concert_params *p, concert_diag *d) {
  concert_problem pb = {.n_actors = n, .n_issues = m, .position = x, .salience = s,
                        .capability = c, .reversion = rev};
  concert_solution *sol = NULL;
  concert_diag_clear(d);
  concert_status st = concert_model_solve(concert_model_find(model), p, &pb, &sol, d);
  concert_solution_free(sol);
  return st;
}

START_TEST(bad_problems) {
  concert_diag d;
  double x[] = {10, 20}, s[] = {0.5, 0.5}, c[] = {1, 1}, r[] = {0};
  double xn[] = {NAN, 20}, sb[] = {0.5, 1.5}, cn[] = {-1, 1}, rn[] = {NAN}, xi[] = {10, INFINITY};
  ck_assert_int_eq(try_solve("compromise", xn, s, c, r, 2, 1, NULL, &d), CONCERT_ERR_RANGE);
  ck_assert_int_eq(try_solve("compromise", xi, s, c, r, 2, 1, NULL, &d), CONCERT_ERR_RANGE);
  ck_assert_int_eq(try_solve("median", x, sb, c, r, 2, 1, NULL, &d), CONCERT_ERR_RANGE);
  ck_assert_int_eq(try_solve("compromise", x, s, cn, r, 2, 1, NULL, &d), CONCERT_ERR_RANGE);
  ck_assert_int_eq(try_solve("nash", x, s, c, rn, 2, 1, NULL, &d), CONCERT_ERR_MISSING);
  ck_assert_int_eq(try_solve("compromise", x, s, c, r, 0, 1, NULL, &d), CONCERT_ERR_EMPTY);
  concert_params *p = concert_params_new();
  concert_params_set_word(p, "loss", "cubic");
  ck_assert_int_eq(try_solve("nash", x, s, c, r, 2, 1, p, &d), CONCERT_ERR_INVALID);
  ck_assert_str_eq(d.path, "loss");
  concert_params_free(p);
  p = concert_params_new();
  concert_params_set_number(p, "rounds", 3);
  ck_assert_int_eq(try_solve("compromise", x, s, c, r, 2, 1, p, &d), CONCERT_ERR_UNKNOWN_FIELD);
  concert_params_free(p);
  ck_assert_ptr_null(concert_model_find("nope"));
}
END_TEST

START_TEST(params_text) {
  concert_params *p = concert_params_new();
  concert_diag d;
  concert_diag_clear(&d);
  ck_assert_int_eq(concert_params_set_text(p, "rounds=12", &d), CONCERT_OK);
  ck_assert_double_eq(concert_params_number(p, "rounds", 0), 12);
  ck_assert_int_eq(concert_params_set_text(p, "loss=linear", &d), CONCERT_OK);
  ck_assert_str_eq(concert_params_word(p, "loss", ""), "linear");
  ck_assert_int_eq(concert_params_set_text(p, "noequals", &d), CONCERT_ERR_SYNTAX);
  ck_assert_int_eq(concert_params_set_text(p, "x=nan", &d), CONCERT_ERR_RANGE);
  concert_params_free(p);
}
END_TEST

int main(void) {
  Suite *s = suite_create("models");
  TCase *t = tcase_create("static");
  tcase_add_test(t, compromise_hand);
  tcase_add_test(t, median_hand);
  tcase_add_test(t, nash_linear_hand);
  tcase_add_test(t, nash_reversion_between);
  tcase_add_test(t, nash_far_reversion_is_weighted_mean);
  tcase_add_test(t, properties);
  tcase_add_test(t, bad_problems);
  tcase_add_test(t, params_text);
  suite_add_tcase(s, t);
  return concert_test_run(s);
}
