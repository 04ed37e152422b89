/* test_smp.c: the smp model's building blocks against hand-computed values, a two-actor
 * run worked out by hand (docs/models/smp.md, "A worked example"), invariants (hull,
 * identical actors, permutation, salience rescaling) and bad parameters. */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <concert.h>

#include "model/smp_i.h"
#include "check_main.h"

#define NEAR(a, b, tol) \
  ck_assert_msg(fabs((a) - (b)) <= (tol), "%.15g != %.15g", (double)(a), (double)(b))

START_TEST(kernel_values) {
  NEAR(concert_i_smp_util(0.5, 0.5), 0.625, 1e-15); /* (1 - d)(1 + d R) */
  NEAR(concert_i_smp_util(0.25, 0), 0.75, 1e-15);
  NEAR(concert_i_smp_util(0.25, -0.5), 0.75 * 0.875, 1e-15);
  NEAR(concert_i_smp_util(1.5, 1), -1.0, 1e-15); /* (1 - d)(1 + R) beyond 1 */
  NEAR(concert_i_smp_vote(SMP_VR_PROP, 2, 0.7, 0.2), 1.0, 1e-15);
  NEAR(concert_i_smp_vote(SMP_VR_BINARY, 2, 0.7, 0.2), 2.0, 1e-15);
  NEAR(concert_i_smp_vote(SMP_VR_PROPBIN, 2, 0.7, 0.2), 2 * (0.8 * 0.5 + 0.2), 1e-15);
  NEAR(concert_i_smp_vote(SMP_VR_PROPCBC, 2, 0.7, 0.2), 2 * (0.25 + 0.0625), 1e-15);
  NEAR(concert_i_smp_vote(SMP_VR_CUBIC, 2, 0.7, 0.2), 0.25, 1e-15);
  NEAR(concert_i_smp_vote(SMP_VR_ASYMPROSP, 3, 0.7, 0.2), 1.0, 1e-15);
  NEAR(concert_i_smp_vote(SMP_VR_ASYMPROSP, 3, 0.2, 0.7), -1.5, 1e-15);
  NEAR(concert_i_smp_vprob(SMP_VP_LINEAR, 3, 1), 0.75, 1e-15);
  NEAR(concert_i_smp_vprob(SMP_VP_SQUARE, 3, 1), 0.9, 1e-15);
  NEAR(concert_i_smp_vprob(SMP_VP_QUARTIC, 1, 1), 0.5, 1e-15);
  NEAR(concert_i_smp_vprob(SMP_VP_OCTIC, 2, 1), 256.0 / 257.0, 1e-15);
  NEAR(concert_i_smp_vprob(SMP_VP_BINARY, 1.2, 1), 1 / (1 + 1e-6), 1e-15);
  NEAR(concert_i_smp_vprob(SMP_VP_BINARY, 1.05, 1), ((1.05 / 2.05) * 2.1 - 1) / 0.1, 1e-12);
  /* risk attitudes from p = (0.1, 0.3, 0.6): Mid gives 3p - 0.8 */
  double p[3] = {0.1, 0.3, 0.6}, r[3];
  concert_i_smp_big_r(SMP_RR_MID, 3, p, r);
  NEAR(r[0], -0.5, 1e-12);
  NEAR(r[1], 0.1, 1e-12);
  NEAR(r[2], 1.0, 1e-12);
  concert_i_smp_big_r(SMP_RR_MIN, 3, p, r);
  NEAR(r[1], 0.4, 1e-12);
  concert_i_smp_big_r(SMP_RR_MAX, 3, p, r);
  NEAR(r[0], -1.0, 1e-12);
  double flat[2] = {0.5, 0.5};
  concert_i_smp_big_r(SMP_RR_MID, 2, flat, r);
  ck_assert(r[0] == 0 && r[1] == 0);
  NEAR(concert_i_smp_est_r(SMP_RA_ONE_THIRD, 1.0, -0.5), 0.5, 1e-15);
  NEAR(concert_i_smp_est_r(SMP_RA_TWO_THIRDS, 1.0, -0.5), 0.0, 1e-15);
  NEAR(concert_i_smp_est_r(SMP_RA_HALF, 1.0, -0.5), 0.25, 1e-15);
  NEAR(concert_i_smp_est_r(SMP_RA_NONE, 1.0, -0.5), 1.0, 1e-15);
  NEAR(concert_i_smp_est_r(SMP_RA_FULL, 1.0, -0.5), -0.5, 1e-15);
}
END_TEST

START_TEST(kernel_coalitions_pce) {
  /* two actors, two options: actor 0 (weight 3) prefers option 0 by 1, actor 1 (weight 1)
   * prefers option 1 by 1: c(0,1) = 3 + 1e-8, c(1,0) = 1 + 1e-8 */
  double w[2] = {3, 1}, u[4] = {1, 0, 0, 1}, c[4], pr[2], scratch[3 * 4 + 4];
  concert_i_smp_coalitions(SMP_VR_PROP, 2, 2, w, u, c);
  NEAR(c[1], 3 + 1e-8, 1e-15);
  NEAR(c[2], 1 + 1e-8, 1e-15);
  NEAR(c[0], 1e-8, 1e-20);
  ck_assert_int_eq(concert_i_smp_pce(SMP_PCE_CONDITIONAL, SMP_VP_LINEAR, 2, c, pr, scratch), 0);
  NEAR(pr[0], 0.75, 1e-8);
  NEAR(pr[1], 0.25, 1e-8);
  /* Markov uniform: fixed point p_i = (1/n) sum_j P(i>j)(p_i + p_j) gives p_0 = 3/4 too */
  ck_assert_int_eq(concert_i_smp_pce(SMP_PCE_MARKOV_UNIFORM, SMP_VP_LINEAR, 2, c, pr, scratch), 0);
  NEAR(pr[0] + pr[1], 1, 1e-9);
  NEAR(pr[0], 0.75, 1e-5);
  ck_assert_int_eq(concert_i_smp_pce(SMP_PCE_MARKOV_INCENTIVE, SMP_VP_LINEAR, 2, c, pr, scratch),
                   0);
  NEAR(pr[0] + pr[1], 1, 1e-9);
  ck_assert(pr[0] > pr[1]);
  /* 1000 options whose products underflow (below 1e-250): option 0 beats every other with
   * 0.55, the rest are even among themselves; the logarithmic path gives
   * p_i / p_0 = (0.45/0.55) (0.5/0.55)^998, about 1e-42 */
  size_t n = 1000;
  double *cc = malloc(n * n * sizeof *cc), *pp = malloc(n * sizeof *pp);
  double *sc = malloc((3 * n * n + 2 * n) * sizeof *sc);
  for (size_t i = 0; i < n; i++)
    for (size_t j = 0; j < n; j++) cc[i * n + j] = i == j ? 1e-8 : (i == 0 ? 1.1 : (j == 0 ? 0.9 : 1e-3));
  ck_assert_int_eq(concert_i_smp_pce(SMP_PCE_CONDITIONAL, SMP_VP_LINEAR, n, cc, pp, sc), 0);
  double tot = 0;
  for (size_t i = 0; i < n; i++) tot += pp[i];
  NEAR(tot, 1, 1e-9);
  ck_assert(pp[0] > 0.999 && pp[1] == pp[2] && pp[1] > 0);
  NEAR(log(pp[1] / pp[0]), log(0.45 / 0.55) + 998 * log(0.5 / 0.55), 1e-6);
  free(cc);
  free(pp);
  free(sc);
}
END_TEST

/* A problem from plain arrays (n actors, m issues). */
static concert_problem make(size_t n, size_t m, const double *x, const double *s, const double *c,
                            double *rev) {
  for (size_t k = 0; k < m; k++) rev[k] = NAN;
  return (concert_problem){n, m, x, s, c, rev, NULL};
}

static concert_solution *solve(const concert_problem *p, const concert_params *prm) {
  concert_solution *s = NULL;
  concert_diag d = {0};
  concert_status st = concert_model_solve(concert_model_find("smp"), prm, p, &s, &d);
  ck_assert_msg(st == CONCERT_OK, "%s", d.message);
  return s;
}

START_TEST(two_actor_worked_example) {
  /* A (capability 3) at 0, B (capability 1) at 100, salience 1 each. By hand: P(A beats B)
   * = 3/4, so R_A = 1, R_B = -1/2; A challenges B (expected gain 1/2), B does not
   * challenge; the S2P2 bargain puts both at round4(0.0625 / 0.625) = 0.1, i.e. 10; both
   * queues pick it (coalition 1.47 against 0.445); turn 2 moves nothing: converged. */
  double x[2] = {0, 100}, s[2] = {1, 1}, c[2] = {3, 1}, rev[1];
  concert_problem p = make(2, 1, x, s, c, rev);
  smp_config cfg;
  concert_i_smp_config_default(&cfg);
  concert_solution *sol = concert_i_solution_new(&p);
  smp_trace tr;
  concert_diag d;
  ck_assert_int_eq(concert_i_smp_run(&p, &cfg, sol, &tr, &d), CONCERT_OK);
  ck_assert_uint_eq(concert_solution_rounds(sol), 3);
  ck_assert_str_eq(concert_solution_stop_reason(sol), "converged");
  NEAR(concert_solution_position(sol, 1, 0, 0), 10, 1e-9);
  NEAR(concert_solution_position(sol, 1, 1, 0), 10, 1e-9);
  NEAR(concert_solution_position(sol, 2, 0, 0), 10, 1e-9);
  NEAR(tr.prob[0], 0.75, 1e-7);
  NEAR(tr.prob[1], 0.25, 1e-7);
  NEAR(tr.prob[2], 1.0, 1e-12); /* one distinct position left */
  NEAR(tr.change[1], 1.0 / 1.0001, 1e-12);
  NEAR(tr.change[2], 0.0, 1e-15);
  NEAR(concert_solution_outcome(sol, 0), 10, 1e-9);
  NEAR(concert_solution_round_outcome(sol, 0, 0), 25, 1e-5); /* 0.75*0 + 0.25*100 */
  free(tr.prob);
  free(tr.change);
  concert_solution_free(sol);
}
END_TEST

START_TEST(identical_actors) {
  double x[8] = {40, 70, 40, 70, 40, 70, 40, 70}, s[8] = {.3, .5, .2, .2, .5, .5, .1, .9};
  double c[4] = {1, 5, 2, 9}, rev[2];
  concert_problem p = make(4, 2, x, s, c, rev);
  concert_solution *sol = solve(&p, NULL);
  size_t R = concert_solution_rounds(sol);
  for (size_t a = 0; a < 4; a++) {
    NEAR(concert_solution_position(sol, R - 1, a, 0), 40, 0);
    NEAR(concert_solution_position(sol, R - 1, a, 1), 70, 0);
  }
  NEAR(concert_solution_outcome(sol, 0), 40, 1e-12);
  NEAR(concert_solution_outcome(sol, 1), 70, 1e-12);
  concert_solution_free(sol);
}
END_TEST

static concert_table *load(const char *rel) {
  concert_table *t = NULL;
  concert_diag d;
  ck_assert_int_eq(concert_table_load(rel, &t, &d), CONCERT_OK);
  return t;
}

START_TEST(hull_and_permutation) {
  concert_table *t = load(CONCERT_SRCDIR "/data/ktab/synthetic/synth_20x3.csv");
  concert_problem p;
  concert_table_problem(t, &p);
  size_t n = p.n_actors, m = p.n_issues;
  concert_solution *sol = solve(&p, NULL);
  size_t R = concert_solution_rounds(sol);
  ck_assert(R >= 3);
  /* every position of every turn within the hull of the initial positions (bargains are
   * convex combinations rounded to 4 decimals on the 0..1 scale: 0.005 on 0..100) */
  for (size_t k = 0; k < m; k++) {
    double lo = 100, hi = 0;
    for (size_t a = 0; a < n; a++) {
      lo = fmin(lo, p.position[a * m + k]);
      hi = fmax(hi, p.position[a * m + k]);
    }
    for (size_t r = 0; r < R; r++)
      for (size_t a = 0; a < n; a++) {
        double v = concert_solution_position(sol, r, a, k);
        ck_assert(v >= lo - 0.005 && v <= hi + 0.005);
      }
    double o = concert_solution_outcome(sol, k);
    ck_assert(o >= lo - 0.005 && o <= hi + 0.005);
  }
  /* reversing the actors' order reverses the trajectory */
  double *x = malloc(n * m * sizeof *x), *s = malloc(n * m * sizeof *s), *c = malloc(n * sizeof *c);
  for (size_t a = 0; a < n; a++) {
    size_t b = n - 1 - a;
    c[b] = p.capability[a];
    for (size_t k = 0; k < m; k++) {
      x[b * m + k] = p.position[a * m + k];
      s[b * m + k] = p.salience[a * m + k];
    }
  }
  double rev[3];
  concert_problem q = make(n, m, x, s, c, rev);
  concert_solution *sq = solve(&q, NULL);
  ck_assert_uint_eq(concert_solution_rounds(sq), R);
  for (size_t r = 0; r < R; r++)
    for (size_t a = 0; a < n; a++)
      for (size_t k = 0; k < m; k++)
        NEAR(concert_solution_position(sq, r, n - 1 - a, k), concert_solution_position(sol, r, a, k),
             1e-9);
  for (size_t k = 0; k < m; k++)
    NEAR(concert_solution_outcome(sq, k), concert_solution_outcome(sol, k), 1e-9);
  free(x);
  free(s);
  free(c);
  concert_solution_free(sq);
  concert_solution_free(sol);
  concert_table_free(t);
}
END_TEST

START_TEST(salience_rescaling_and_degenerate) {
  /* saliences summing above 1 are divided by their sum: (0.9, 0.9) behaves as (0.5, 0.5) */
  double x[6] = {10, 80, 60, 20, 90, 50}, s1[6] = {.9, .9, .6, .6, .8, .8},
         s2[6] = {.5, .5, .5, .5, .5, .5}, c[3] = {2, 1, 1.5}, rev[2];
  concert_problem p1 = make(3, 2, x, s1, c, rev), p2 = make(3, 2, x, s2, c, rev);
  concert_solution *a = solve(&p1, NULL), *b = solve(&p2, NULL);
  ck_assert_uint_eq(concert_solution_rounds(a), concert_solution_rounds(b));
  for (size_t r = 0; r < concert_solution_rounds(a); r++)
    for (size_t i = 0; i < 3; i++)
      for (size_t k = 0; k < 2; k++)
        NEAR(concert_solution_position(a, r, i, k), concert_solution_position(b, r, i, k), 1e-12);
  concert_solution_free(a);
  concert_solution_free(b);
  /* one actor; zero capability; zero salience: finite answers, no crash */
  double x1[1] = {33}, s0[1] = {0}, c0[1] = {0}, r1[1];
  concert_problem one = make(1, 1, x1, s0, c0, r1);
  concert_solution *o = solve(&one, NULL);
  NEAR(concert_solution_outcome(o, 0), 33, 1e-12);
  concert_solution_free(o);
  double x3[3] = {0, 50, 100}, z3[3] = {0, 0, 0}, c3[3] = {1, 0, 2}, r3[1];
  concert_problem zero = make(3, 1, x3, z3, c3, r3);
  o = solve(&zero, NULL);
  ck_assert(isfinite(concert_solution_outcome(o, 0)));
  concert_solution_free(o);
}
END_TEST

START_TEST(options_run) {
  concert_table *t = load(CONCERT_SRCDIR "/data/ktab/smp/dummyData_3Dim.csv");
  concert_problem p;
  concert_table_problem(t, &p);
  const char *sets[][2] = {
      {"voting_rule", "binary"},          {"voting_rule", "propbin"},
      {"voting_rule", "propcbc"},         {"voting_rule", "cubic"},
      {"voting_rule", "asymprosp"},       {"victory_prob", "square"},
      {"victory_prob", "quartic"},        {"victory_prob", "octic"},
      {"victory_prob", "binary"},         {"pce", "markov-uniform"},
      {"pce", "markov-incentive"},        {"risk_range", "min"},
      {"risk_range", "max"},              {"risk_adjust", "none"},
      {"risk_adjust", "half"},            {"risk_adjust", "two-thirds"},
      {"risk_adjust", "full"},            {"third_party", "full"},
      {"third_party", "none"},            {"interpolation", "s1p1"},
      {"interpolation", "s2pmax"},        {"bargain_model", "init-rcvr"},
      {"bargain_model", "pw-comp"},
  };
  for (size_t i = 0; i < sizeof sets / sizeof sets[0]; i++) {
    concert_params *prm = concert_params_new();
    ck_assert_int_eq(concert_params_set_word(prm, sets[i][0], sets[i][1]), CONCERT_OK);
    concert_solution *s = solve(&p, prm);
    for (size_t k = 0; k < 3; k++) {
      double o = concert_solution_outcome(s, k);
      ck_assert_msg(o >= 0 && o <= 100, "%s=%s gives %g", sets[i][0], sets[i][1], o);
    }
    concert_solution_free(s);
    concert_params_free(prm);
  }
  /* max_turns caps the run */
  concert_params *prm = concert_params_new();
  concert_params_set_number(prm, "max_turns", 3);
  concert_solution *s = solve(&p, prm);
  ck_assert_uint_eq(concert_solution_rounds(s), 4);
  ck_assert_str_eq(concert_solution_stop_reason(s), "turn limit");
  concert_solution_free(s);
  concert_params_free(prm);
  concert_table_free(t);
}
END_TEST

START_TEST(shipped_tables_run) {
  /* every KTAB example small enough for a sanitizer build runs to convergence */
  const char *files[] = {"smp/SOE-Policy.csv", "smp/SOE-Competitive.csv", "smp/dummyData_6Dim.csv",
                         "smp/dummyData-a040.csv", "synthetic/synth_10x3.csv"};
  for (size_t f = 0; f < sizeof files / sizeof files[0]; f++) {
    char path[512];
    snprintf(path, sizeof path, "%s/data/ktab/%s", CONCERT_SRCDIR, files[f]);
    concert_table *t = load(path);
    concert_problem p;
    concert_table_problem(t, &p);
    concert_solution *sol = solve(&p, NULL);
    ck_assert_msg(strcmp(concert_solution_stop_reason(sol), "converged") == 0, "%s", files[f]);
    for (size_t k = 0; k < p.n_issues; k++) {
      double o = concert_solution_outcome(sol, k);
      ck_assert_msg(o >= 0 && o <= 100, "%s: %g", files[f], o);
    }
    concert_solution_free(sol);
    concert_table_free(t);
  }
}
END_TEST

START_TEST(bad_params) {
  double x[3] = {0, 50, 100}, sl[3] = {1, 1, 1}, c[3] = {1, 1, 1}, rev[1];
  concert_problem p = make(3, 1, x, sl, c, rev);
  const concert_model *m = concert_model_find("smp");
  ck_assert_ptr_nonnull(m);
  ck_assert_uint_eq(concert_model_min_issues(m), 1);
  struct {
    const char *text;
    concert_status want;
  } cases[] = {
      {"pce=markov", CONCERT_ERR_INVALID},   {"voting_rule=3", CONCERT_ERR_TYPE},
      {"max_turns=0", CONCERT_ERR_RANGE},    {"max_turns=2.5", CONCERT_ERR_INVALID},
      {"stop_ratio=2", CONCERT_ERR_RANGE},   {"turns=5", CONCERT_ERR_UNKNOWN_FIELD},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    concert_params *prm = concert_params_new();
    concert_diag d;
    ck_assert_int_eq(concert_params_set_text(prm, cases[i].text, &d), CONCERT_OK);
    concert_solution *s = NULL;
    concert_status st = concert_model_solve(m, prm, &p, &s, &d);
    ck_assert_msg(st == cases[i].want, "%s: %s", cases[i].text, concert_status_name(st));
    ck_assert_ptr_null(s);
    ck_assert(d.message[0] != '\0');
    concert_params_free(prm);
  }
}
END_TEST

static Suite *suite(void) {
  Suite *s = suite_create("smp");
  TCase *tc = tcase_create("smp");
  tcase_set_timeout(tc, 120);
  tcase_add_test(tc, kernel_values);
  tcase_add_test(tc, kernel_coalitions_pce);
  tcase_add_test(tc, two_actor_worked_example);
  tcase_add_test(tc, identical_actors);
  tcase_add_test(tc, hull_and_permutation);
  tcase_add_test(tc, salience_rescaling_and_degenerate);
  tcase_add_test(tc, options_run);
  tcase_add_test(tc, shipped_tables_run);
  tcase_add_test(tc, bad_params);
  suite_add_tcase(s, tc);
  return s;
}

int main(void) {
  return concert_test_run(suite());
}
