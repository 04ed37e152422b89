/* test_smp_speed.c: the smp model's fast paths give the results of the straightforward
 * code they replaced. The tiled, vectorised coalition sums are compared bit for bit with
 * the plain triple loop (every voting rule, sizes across the tile edges); whole runs on
 * seeded random problems (default options and variants that take the generic sweep) are
 * compared with the values the pre-optimisation code (commit cd322cb) printed in %a. */
#include <check.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <concert.h>
#include "random_problem.h"

#include "model/smp_i.h"
#include "check_main.h"

/* KTAB's coalition sums as the plain loop over pairs, then actors (the old kernel). */
static void coalitions_plain(smp_voting_rule vr, size_t n_act, size_t n_opt, const double *w,
                             const double *u, double *c) {
  for (size_t i = 0; i < n_opt; i++) {
    for (size_t j = 0; j < i; j++) {
      double cij = 1e-8, cji = 1e-8;
      for (size_t k = 0; k < n_act; k++) {
        double v = concert_i_smp_vote(vr, w[k], u[k * n_opt + i], u[k * n_opt + j]);
        if (v > 0) cij += v;
        if (v < 0) cji -= v;
      }
      c[i * n_opt + j] = cij;
      c[j * n_opt + i] = cji;
    }
    c[i * n_opt + i] = 1e-8;
  }
}

START_TEST(coalitions_match_plain_loop) {
  /* option counts around the 8-row blocks and 128-column tiles; some utilities repeat so
   * that zero votes occur */
  const size_t opts[] = {1, 2, 3, 7, 8, 9, 16, 17, 127, 128, 129, 130, 137, 260};
  const size_t acts[] = {1, 5, 33};
  uint64_t seed = 12345;
  for (int vr = SMP_VR_PROP; vr <= SMP_VR_ASYMPROSP; vr++)
    for (size_t a = 0; a < sizeof acts / sizeof acts[0]; a++)
      for (size_t o = 0; o < sizeof opts / sizeof opts[0]; o++) {
        size_t na = acts[a], no = opts[o];
        double *w = malloc(na * sizeof *w), *u = malloc(na * no * sizeof *u);
        double *c1 = malloc(no * no * sizeof *c1), *c2 = malloc(no * no * sizeof *c2);
        ck_assert(w && u && c1 && c2);
        for (size_t k = 0; k < na; k++) w[k] = sm64_range(&seed, 0.01, 2);
        for (size_t x = 0; x < na * no; x++)
          u[x] = x % 5 == 0 ? 0.5 : sm64_range(&seed, 0, 1);
        coalitions_plain((smp_voting_rule)vr, na, no, w, u, c1);
        concert_i_smp_coalitions((smp_voting_rule)vr, na, no, w, u, c2);
        ck_assert_msg(memcmp(c1, c2, no * no * sizeof *c1) == 0,
                      "voting rule %d, %zu actors, %zu options: not bit-identical", vr, na, no);
        free(w);
        free(u);
        free(c1);
        free(c2);
      }
}
END_TEST

/* One recorded run of the pre-optimisation code. */
typedef struct golden {
  size_t n, m;        /* actors, issues */
  uint64_t seed;      /* bench_smp --random seed */
  const char *params; /* space-separated key=value */
  size_t turns;       /* turns run */
  const char *stop;   /* stop reason */
  double checksum;    /* sum of every recorded position times 1 + (7a + 3k + r) mod 11 */
  double first;       /* last round: actor 0, issue 0 */
  double last;        /* last round: actor n-1, issue m-1 */
  double outcome;     /* forecast, issue 0 */
} golden;

/* printed by the code of commit cd322cb (before the sweep, tiling and bounded search) */
static const golden goldens[] = {
    {60, 10, 42, "max_turns=6", 6, "turn limit", 0x1.22c507641f603p+20, 0x1.49ccccccccccdp+6,
     0x1.1p+2, 0x1.52a88c59388a7p+5},
    {130, 3, 7, "max_turns=3", 3, "turn limit", 0x1.b06c10ea02f25p+18, 0x1.8f5c28f5c28f5p+4,
     0x1.cdeb851eb851fp+4, 0x1.100f663e9907p+5},
    {40, 4, 3, "max_turns=5 bargain_model=pw-comp third_party=none voting_rule=propbin", 5,
     "turn limit", 0x1.08cc6e6901473p+18, 0x1.54f387f9086aep+5, 0x1.1d33333333333p+6,
     0x1.52a8ed2a57a36p+5},
    {50, 5, 5, "max_turns=5 bargain_model=init-rcvr risk_adjust=full", 5, "turn limit",
     0x1.d65679ed8d199p+18, 0x1.97c28f5c28f5dp+5, 0x1.fe7ae147ae148p+5, 0x1.2d45f00df9ce2p+4},
    {25, 3, 9, "", 21, "converged", 0x1.ebeb4b3ec3292p+18, 0x1.1af5c28f5c29p+5,
     0x1.5470a3d70a3d7p+6, 0x1.22d5d3c5b53e2p+5},
};

/* Equal within 1e-12 relative; bit-identical where the compiler keeps IEEE order without
 * contractions (gcc in ISO C mode on x86-64, where this was recorded). */
static void same(double got, double want, const char *what, size_t c) {
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
  ck_assert_msg(got == want, "case %zu %s: %a != %a", c, what, got, want);
#else
  ck_assert_msg(fabs(got - want) <= 1e-12 * fmax(1.0, fabs(want)), "case %zu %s: %.17g != %.17g",
                c, what, got, want);
#endif
}

START_TEST(runs_match_recorded) {
  for (size_t c = 0; c < sizeof goldens / sizeof goldens[0]; c++) {
    const golden *g = &goldens[c];
    size_t n = g->n, m = g->m;
    double *buf = malloc((2 * n * m + n + m) * sizeof *buf);
    ck_assert_ptr_nonnull(buf);
    double *x = buf, *s = x + n * m, *cap = s + n * m, *rev = cap + n;
    random_smp_problem(g->seed, n, m, x, s, cap);
    for (size_t k = 0; k < m; k++) rev[k] = NAN;
    concert_problem p = {n, m, x, s, cap, rev, NULL};
    concert_params *prm = concert_params_new();
    concert_diag d = {0};
    char words[128];
    snprintf(words, sizeof words, "%s", g->params);
    for (char *save = NULL, *tok = strtok_r(words, " ", &save); tok;
         tok = strtok_r(NULL, " ", &save))
      ck_assert_int_eq(concert_params_set_text(prm, tok, &d), CONCERT_OK);
    concert_solution *sol = NULL;
    ck_assert_int_eq(concert_model_solve(concert_model_find("smp"), prm, &p, &sol, &d), CONCERT_OK);
    size_t rounds = concert_solution_rounds(sol);
    ck_assert_uint_eq(rounds - 1, g->turns);
    ck_assert_str_eq(concert_solution_stop_reason(sol), g->stop);
    double sum = 0;
    for (size_t r = 0; r < rounds; r++)
      for (size_t a = 0; a < n; a++)
        for (size_t k = 0; k < m; k++)
          sum += concert_solution_position(sol, r, a, k) * (double)(1 + (a * 7 + k * 3 + r) % 11);
    same(sum, g->checksum, "checksum", c);
    same(concert_solution_position(sol, rounds - 1, 0, 0), g->first, "first", c);
    same(concert_solution_position(sol, rounds - 1, n - 1, m - 1), g->last, "last", c);
    same(concert_solution_outcome(sol, 0), g->outcome, "outcome", c);
    concert_solution_free(sol);
    concert_params_free(prm);
    free(buf);
  }
}
END_TEST

static Suite *suite(void) {
  Suite *s = suite_create("smp_speed");
  TCase *tc = tcase_create("smp_speed");
  tcase_set_timeout(tc, 300);
  tcase_add_test(tc, coalitions_match_plain_loop);
  tcase_add_test(tc, runs_match_recorded);
  suite_add_tcase(s, tc);
  return s;
}

int main(void) {
  return concert_test_run(suite());
}
