/* test_exchange.c: the exchange model (src/model/exchange.c, docs/models/exchange.md):
 * a hand-computed two-actor exchange, the conditions under which nothing is traded,
 * invariants on random problems, and refused inputs. */
#include <check.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <concert.h>
#include "splitmix64.h"
#include "check_main.h"

static const concert_model *model(void) {
  const concert_model *m = concert_model_find("exchange");
  ck_assert_ptr_nonnull(m);
  return m;
}

/* Solves with an optional "rounds" value (< 0: default) and an optional "key=value"
 * (NULL: none); fails the test on error. */
static concert_solution *run_with(const concert_problem *p, double rounds, const char *extra) {
  concert_params *ps = concert_params_new();
  ck_assert_ptr_nonnull(ps);
  if (rounds >= 0) ck_assert_int_eq(concert_params_set_number(ps, "rounds", rounds), CONCERT_OK);
  if (extra) ck_assert_int_eq(concert_params_set_text(ps, extra, NULL), CONCERT_OK);
  concert_solution *s = NULL;
  concert_diag d;
  concert_status st = concert_model_solve(model(), ps, p, &s, &d);
  ck_assert_msg(st == CONCERT_OK, "solve failed: %s", d.message);
  concert_params_free(ps);
  return s;
}

static concert_solution *run(const concert_problem *p, double rounds) {
  return run_with(p, rounds, NULL);
}

/* Two actors, two issues, capabilities 1 (docs/models/exchange.md, worked example):
 *   A: x = (20, 30), s = (0.2, 0.8);  B: x = (80, 90), s = (0.6, 0.2).
 * W = (0.8, 1.0); O_0 = (0.2*20 + 0.6*80)/0.8 = 65; O_1 = 0.8*30 + 0.2*90 = 42.
 * s_A0 s_B1 = 0.04 < s_B0 s_A1 = 0.48: A concedes on issue 0, B on issue 1.
 * Dmax = min(0.2*45/0.8, |80-65|) = 11.25; Emax = min(0.2*48/1, |30-42|) = 9.6;
 * r = (0.2+0.6)/(0.8+0.2) = 0.8; D = min(11.25, 9.6/0.8 = 12) = 11.25 (A goes all the
 * way to 65, shift +45); E = 9; B's shift = -9*1.0/0.2 = -45 (90 -> 45).
 * gain_A = 0.8*9 - 0.2*11.25 = 4.95; gain_B = 0.6*11.25 - 0.2*9 = 4.95.
 * New outcomes: O_0 = (0.2*65 + 0.6*80)/0.8 = 76.25; O_1 = 0.8*30 + 0.2*45 = 33. */
static const double hand_x[] = {20, 30, 80, 90};
static const double hand_s[] = {0.2, 0.8, 0.6, 0.2};
static const double hand_c[] = {1, 1};
static const double no_rev[] = {NAN, NAN, NAN, NAN};

static concert_problem hand_problem(void) {
  concert_problem p = {.n_actors = 2, .n_issues = 2, .position = hand_x, .salience = hand_s,
                       .capability = hand_c, .reversion = no_rev, .actor_ids = NULL};
  return p;
}

START_TEST(hand_one_round) {
  concert_problem p = hand_problem();
  concert_solution *s = run(&p, 1);
  ck_assert_uint_eq(concert_solution_deal_count(s), 1);
  const concert_deal *dl = concert_solution_deal(s, 0);
  ck_assert_uint_eq(dl->actor_a, 0);
  ck_assert_uint_eq(dl->actor_b, 1);
  ck_assert_uint_eq(dl->issue_a, 0);
  ck_assert_uint_eq(dl->issue_b, 1);
  ck_assert_double_eq_tol(dl->shift_a, 45, 1e-12);
  ck_assert_double_eq_tol(dl->shift_b, -45, 1e-12);
  ck_assert_double_eq_tol(dl->gain_a, 4.95, 1e-12);
  ck_assert_double_eq_tol(dl->gain_b, 4.95, 1e-12);
  ck_assert_uint_eq(dl->round, 0);
  ck_assert_uint_eq(concert_solution_rounds(s), 2);
  ck_assert_double_eq_tol(concert_solution_round_outcome(s, 0, 0), 65, 1e-12);
  ck_assert_double_eq_tol(concert_solution_round_outcome(s, 0, 1), 42, 1e-12);
  ck_assert_double_eq_tol(concert_solution_position(s, 1, 0, 0), 65, 1e-12);
  ck_assert_double_eq_tol(concert_solution_position(s, 1, 0, 1), 30, 1e-12);
  ck_assert_double_eq_tol(concert_solution_position(s, 1, 1, 0), 80, 1e-12);
  ck_assert_double_eq_tol(concert_solution_position(s, 1, 1, 1), 45, 1e-12);
  ck_assert_double_eq_tol(concert_solution_outcome(s, 0), 76.25, 1e-12);
  ck_assert_double_eq_tol(concert_solution_outcome(s, 1), 33, 1e-12);
  ck_assert_str_eq(concert_solution_stop_reason(s), "fixed rounds");
  concert_solution_free(s);
}
END_TEST

/* Round 2 repeats round 1 scaled by 1/4 (A again reaches the outcome: Dmax = 2.8125,
 * Emax / r = 3), so the shifts on issue 0 sum to 45 * 4/3 = 60 and the outcomes tend
 * to (80, 30): A concedes issue 0 to B, B concedes issue 1 to A. With tol = 0, gains
 * 4.95 / 4^r exceed min_gain = 1e-9 for r = 0..16 (4.95 / 4^16 = 1.15e-9, 4.95 / 4^17 =
 * 2.9e-10): 17 deals, 18 recorded rounds. */
START_TEST(hand_until_no_exchange) {
  concert_problem p = hand_problem();
  concert_solution *s = run_with(&p, -1, "tol=0");
  ck_assert_uint_ge(concert_solution_deal_count(s), 2);
  const concert_deal *d2 = concert_solution_deal(s, 1);
  ck_assert_uint_eq(d2->round, 1);
  ck_assert_double_eq_tol(d2->shift_a, 11.25, 1e-12);
  ck_assert_double_eq_tol(d2->shift_b, -11.25, 1e-12);
  ck_assert_double_eq_tol(d2->gain_a, 4.95 / 4, 1e-12);
  ck_assert_uint_eq(concert_solution_deal_count(s), 17);
  ck_assert_double_eq_tol(concert_solution_outcome(s, 0), 80, 1e-7);
  ck_assert_double_eq_tol(concert_solution_outcome(s, 1), 30, 1e-7);
  ck_assert_str_eq(concert_solution_stop_reason(s), "no exchange");
  ck_assert_uint_eq(concert_solution_rounds(s), 18);
  concert_solution_free(s);
}
END_TEST

/* With the default tol = 1e-6: round r moves O_0 by 11.25 / 4^(r-1), first <= 1e-6 at
 * r = 13 (6.7e-7; r = 12 gives 2.7e-6): 13 deals, 14 recorded rounds, "converged". */
START_TEST(hand_converged) {
  concert_problem p = hand_problem();
  concert_solution *s = run(&p, -1);
  ck_assert_uint_eq(concert_solution_deal_count(s), 13);
  ck_assert_uint_eq(concert_solution_rounds(s), 14);
  ck_assert_str_eq(concert_solution_stop_reason(s), "converged");
  /* O_0 = 80 - 15 / 4^13 after 13 rounds (each round takes 3/4 of what is left). */
  ck_assert_double_eq_tol(concert_solution_outcome(s, 0), 80 - 15 / pow(4, 13), 1e-9);
  concert_solution_free(s);
}
END_TEST

START_TEST(one_issue_refused) {
  double x[] = {10, 90}, sal[] = {0.5, 0.5}, c[] = {1, 1}, rev[] = {50};
  concert_problem p = {.n_actors = 2, .n_issues = 1, .position = x, .salience = sal,
                       .capability = c, .reversion = rev};
  concert_solution *s = NULL;
  concert_diag d;
  concert_diag_clear(&d);
  ck_assert_int_eq(concert_model_solve(model(), NULL, &p, &s, &d), CONCERT_ERR_UNSUPPORTED);
  ck_assert_ptr_null(s);
  ck_assert_str_eq(d.message,
                   "the exchange model needs at least 2 issues (it trades across issues); "
                   "this problem has 1");
}
END_TEST

/* B's saliences are twice A's: s_A0 s_B1 = s_B0 s_A1, no trade although the two are on
 * opposite sides of both outcomes. */
START_TEST(proportional_saliences_no_trade) {
  double x[] = {20, 30, 80, 90}, sal[] = {0.2, 0.4, 0.4, 0.8}, c[] = {1, 3};
  concert_problem p = {.n_actors = 2, .n_issues = 2, .position = x, .salience = sal,
                       .capability = c, .reversion = no_rev};
  concert_solution *s = run(&p, -1);
  ck_assert_uint_eq(concert_solution_deal_count(s), 0);
  ck_assert_uint_eq(concert_solution_rounds(s), 1);
  ck_assert_str_eq(concert_solution_stop_reason(s), "no exchange");
  /* The outcome is the compromise: (0.2*20 + 1.2*80)/1.4 and (0.4*30 + 2.4*90)/2.8. */
  ck_assert_double_eq_tol(concert_solution_outcome(s, 0), 100.0 / 1.4, 1e-12);
  ck_assert_double_eq_tol(concert_solution_outcome(s, 1), 228.0 / 2.8, 1e-12);
  concert_solution_free(s);
}
END_TEST

/* A and B (complementary saliences) are both below O_0 = (2 + 16 + 450)/6 = 78, and C
 * sits exactly at O_1 = 26, so no pair is on opposite sides of both outcomes. Moving B
 * to 95 on issue 0 (above O_0) makes the A-B trade possible. */
START_TEST(same_side_no_trade) {
  double x[] = {10, 10, 20, 90, 90, 26}, sal[] = {0.2, 0.8, 0.8, 0.2, 0.5, 0.5},
         c[] = {1, 1, 10}, rev[] = {NAN, NAN};
  concert_problem p = {.n_actors = 3, .n_issues = 2, .position = x, .salience = sal,
                       .capability = c, .reversion = rev};
  concert_solution *s = run(&p, -1);
  ck_assert_double_eq_tol(concert_solution_round_outcome(s, 0, 0), 78, 1e-12);
  ck_assert_double_eq_tol(concert_solution_round_outcome(s, 0, 1), 26, 1e-12);
  ck_assert_uint_eq(concert_solution_deal_count(s), 0);
  concert_solution_free(s);
  x[2] = 95;
  s = run(&p, 1);
  ck_assert_uint_eq(concert_solution_deal_count(s), 1);
  const concert_deal *dl = concert_solution_deal(s, 0);
  ck_assert_uint_eq(dl->actor_a, 0);
  ck_assert_uint_eq(dl->actor_b, 1);
  ck_assert_uint_eq(dl->issue_a, 0);
  ck_assert_uint_eq(dl->issue_b, 1);
  concert_solution_free(s);
}
END_TEST

START_TEST(identical_actors_no_trade) {
  double x[12], sal[12], c[4] = {2, 2, 2, 2}, rev[3] = {NAN, NAN, NAN};
  for (int a = 0; a < 4; a++) {
    x[a * 3] = 15, x[a * 3 + 1] = 60, x[a * 3 + 2] = 85;
    sal[a * 3] = 0.9, sal[a * 3 + 1] = 0.1, sal[a * 3 + 2] = 0.5;
  }
  concert_problem p = {.n_actors = 4, .n_issues = 3, .position = x, .salience = sal,
                       .capability = c, .reversion = rev};
  concert_solution *s = run(&p, -1);
  ck_assert_uint_eq(concert_solution_deal_count(s), 0);
  ck_assert_double_eq_tol(concert_solution_outcome(s, 0), 15, 1e-12);
  ck_assert_double_eq_tol(concert_solution_outcome(s, 1), 60, 1e-12);
  ck_assert_double_eq_tol(concert_solution_outcome(s, 2), 85, 1e-12);
  concert_solution_free(s);
}
END_TEST

enum { RN = 7, RM = 4 };

/* Random problem number `seed`; actor a of the problem is actor perm[a] of the data. */
static void random_problem(uint64_t seed, const size_t *perm, double *x, double *sal,
                           double *c) {
  double bx[RN * RM], bs[RN * RM], bc[RN];
  uint64_t st = seed;
  for (size_t a = 0; a < RN; a++) {
    bc[a] = 0.5 + 9.5 * sm64_unit(&st);
    for (size_t k = 0; k < RM; k++) {
      bx[a * RM + k] = 100 * sm64_unit(&st);
      bs[a * RM + k] = 0.05 + 0.95 * sm64_unit(&st);
    }
  }
  for (size_t a = 0; a < RN; a++) {
    c[a] = bc[perm[a]];
    for (size_t k = 0; k < RM; k++) {
      x[a * RM + k] = bx[perm[a] * RM + k];
      sal[a * RM + k] = bs[perm[a] * RM + k];
    }
  }
}

/* Outcome within the hull of initial positions; every position stays in its hull;
 * equal positive gains; each actor-issue position in at most one deal per round;
 * the same answer, relabelled, when the actors are permuted. */
START_TEST(invariants_random) {
  size_t id[RN], rev[RN];
  for (size_t a = 0; a < RN; a++) id[a] = a, rev[a] = RN - 1 - a;
  double rv[RM];
  for (size_t k = 0; k < RM; k++) rv[k] = NAN;
  size_t total_deals = 0;
  for (uint64_t seed = 1; seed <= 40; seed++) {
    double x[RN * RM], sal[RN * RM], c[RN], x2[RN * RM], sal2[RN * RM], c2[RN];
    random_problem(seed, id, x, sal, c);
    random_problem(seed, rev, x2, sal2, c2);
    concert_problem p = {.n_actors = RN, .n_issues = RM, .position = x, .salience = sal,
                         .capability = c, .reversion = rv};
    concert_problem p2 = {.n_actors = RN, .n_issues = RM, .position = x2, .salience = sal2,
                          .capability = c2, .reversion = rv};
    concert_solution *s = run(&p, -1), *s2 = run(&p2, -1);
    size_t nd = concert_solution_deal_count(s);
    total_deals += nd;
    for (size_t k = 0; k < RM; k++) {
      double lo = 100, hi = 0;
      for (size_t a = 0; a < RN; a++) {
        lo = fmin(lo, x[a * RM + k]);
        hi = fmax(hi, x[a * RM + k]);
      }
      double o = concert_solution_outcome(s, k);
      ck_assert(o >= lo - 1e-9 && o <= hi + 1e-9);
      size_t last = concert_solution_rounds(s) - 1;
      for (size_t a = 0; a < RN; a++) {
        double y = concert_solution_position(s, last, a, k);
        ck_assert(y >= lo - 1e-9 && y <= hi + 1e-9);
        /* Permutation: actor a here is actor RN-1-a there. */
        ck_assert_double_eq_tol(y, concert_solution_position(s2, last, RN - 1 - a, k), 1e-9);
      }
      ck_assert_double_eq_tol(o, concert_solution_outcome(s2, k), 1e-9);
    }
    ck_assert_uint_eq(nd, concert_solution_deal_count(s2));
    ck_assert_uint_eq(concert_solution_rounds(s), concert_solution_rounds(s2));
    double g1 = 0, g2 = 0;
    for (size_t q = 0; q < nd; q++) {
      const concert_deal *dl = concert_solution_deal(s, q);
      ck_assert(dl->gain_a > 0 && dl->gain_b > 0);
      ck_assert_double_eq_tol(dl->gain_a, dl->gain_b, 1e-9 * (1 + dl->gain_a));
      ck_assert(dl->actor_a < dl->actor_b && dl->issue_a != dl->issue_b);
      g1 += dl->gain_a;
      g2 += concert_solution_deal(s2, q)->gain_a;
      for (size_t q2 = q + 1; q2 < nd; q2++) {
        const concert_deal *e = concert_solution_deal(s, q2);
        if (e->round != dl->round) continue;
        size_t da[2] = {dl->actor_a, dl->actor_b}, ea[2] = {e->actor_a, e->actor_b};
        for (int u = 0; u < 2; u++)
          for (int v = 0; v < 2; v++)
            if (da[u] == ea[v])
              ck_assert(dl->issue_a != e->issue_a && dl->issue_a != e->issue_b &&
                        dl->issue_b != e->issue_a && dl->issue_b != e->issue_b);
      }
    }
    ck_assert_double_eq_tol(g1, g2, 1e-9 * (1 + g1));
    concert_solution_free(s);
    concert_solution_free(s2);
  }
  ck_assert_uint_gt(total_deals, 40); /* the property tests did exercise trades */
}
END_TEST

/* A reference first round written directly from the equations (docs/models/exchange.md):
 * every feasible exchange, sorted by gain (ties by i, j, f, g), made greedily. Used to
 * check the library's chunked pair search on a problem that needs several passes. */
typedef struct ref_deal {
  double gain, shift_i, shift_j;
  size_t i, j, f, g;
} ref_deal;

static int ref_order(const void *pa, const void *pb) {
  const ref_deal *a = pa, *b = pb;
  if (a->gain != b->gain) return a->gain > b->gain ? -1 : 1;
  if (a->i != b->i) return a->i < b->i ? -1 : 1;
  if (a->j != b->j) return a->j < b->j ? -1 : 1;
  if (a->f != b->f) return a->f < b->f ? -1 : 1;
  return a->g < b->g ? -1 : a->g > b->g;
}

static size_t reference_round(size_t n, size_t m, const double *x, const double *s,
                              const double *c, ref_deal **out) {
  double *w = calloc(m, sizeof *w), *o = calloc(m, sizeof *o);
  for (size_t k = 0; k < m; k++) {
    double sx = 0;
    for (size_t a = 0; a < n; a++) {
      w[k] += c[a] * s[a * m + k];
      sx += c[a] * s[a * m + k] * x[a * m + k];
    }
    o[k] = sx / w[k];
  }
  size_t len = 0, cap = n * n * m * m + 1;
  ref_deal *v = malloc(cap * sizeof *v);
  for (size_t i = 0; i < n; i++)
    for (size_t j = i + 1; j < n; j++)
      for (size_t f = 0; f < m; f++)
        for (size_t g = 0; g < m; g++) {
          if (f == g) continue;
          double sif = s[i * m + f], sig = s[i * m + g], sjf = s[j * m + f], sjg = s[j * m + g];
          double dif = x[i * m + f] - o[f], djf = x[j * m + f] - o[f];
          double dig = x[i * m + g] - o[g], djg = x[j * m + g] - o[g];
          if (!(dif * djf < 0 && dig * djg < 0)) continue;
          if (!(sif * sjg < sjf * sig)) continue; /* i concedes on f, j on g */
          double dmax = fmin(c[i] * sif * fabs(dif) / w[f], fabs(djf));
          double emax = fmin(c[j] * sjg * fabs(djg) / w[g], fabs(dig));
          double r = (sif + sjf) / (sig + sjg), dd = fmin(dmax, emax / r), ee = r * dd;
          double gi = sig * ee - sif * dd, gj = sjf * dd - sjg * ee;
          if (!(gi > 1e-9 && gj > 1e-9)) continue;
          ref_deal rd = {.gain = dd * (sig * sjf - sif * sjg) / (sig + sjg),
                         .shift_i = (dif < 0 ? 1 : -1) * dd * w[f] / (c[i] * sif),
                         .shift_j = (djg < 0 ? 1 : -1) * ee * w[g] / (c[j] * sjg),
                         .i = i, .j = j, .f = f, .g = g};
          v[len++] = rd;
        }
  qsort(v, len, sizeof *v, ref_order);
  unsigned char *used = calloc(n * m, 1);
  size_t made = 0;
  for (size_t q = 0; q < len; q++) {
    size_t i = v[q].i, j = v[q].j, f = v[q].f, g = v[q].g;
    if (used[i * m + f] || used[i * m + g] || used[j * m + f] || used[j * m + g]) continue;
    used[i * m + f] = used[i * m + g] = used[j * m + f] = used[j * m + g] = 1;
    v[made++] = v[q];
  }
  free(used);
  free(w);
  free(o);
  *out = v;
  return made;
}

/* 60 actors x 6 issues: about 6,600 feasible exchanges against a chunk of 8 n m = 2,880,
 * so the library needs a second pass; its first round must equal the reference. */
START_TEST(chunked_search_matches_reference) {
  enum { N = 60, M = 6 };
  static double x[N * M], sal[N * M], c[N], rv[M];
  uint64_t st = 2024;
  for (size_t a = 0; a < N; a++) {
    c[a] = 0.5 + 9.5 * sm64_unit(&st);
    for (size_t k = 0; k < M; k++) {
      x[a * M + k] = 100 * sm64_unit(&st);
      sal[a * M + k] = 0.05 + 0.95 * sm64_unit(&st);
    }
  }
  for (size_t k = 0; k < M; k++) rv[k] = NAN;
  concert_problem p = {.n_actors = N, .n_issues = M, .position = x, .salience = sal,
                       .capability = c, .reversion = rv};
  concert_solution *s = run(&p, 1);
  ref_deal *ref = NULL;
  size_t nref = reference_round(N, M, x, sal, c, &ref);
  ck_assert_uint_gt(nref, 20);
  ck_assert_uint_eq(concert_solution_deal_count(s), nref);
  for (size_t q = 0; q < nref; q++) {
    const concert_deal *dl = concert_solution_deal(s, q);
    ck_assert_uint_eq(dl->actor_a, ref[q].i);
    ck_assert_uint_eq(dl->actor_b, ref[q].j);
    ck_assert_uint_eq(dl->issue_a, ref[q].f);
    ck_assert_uint_eq(dl->issue_b, ref[q].g);
    ck_assert_double_eq_tol(dl->gain_a, ref[q].gain, 1e-9 * (1 + ref[q].gain));
    ck_assert_double_eq_tol(dl->shift_a, ref[q].shift_i, 1e-9);
    ck_assert_double_eq_tol(dl->shift_b, ref[q].shift_j, 1e-9);
  }
  free(ref);
  concert_solution_free(s);
}
END_TEST

static concert_status solve_with(const char *assignment, concert_diag *d) {
  concert_params *ps = concert_params_new();
  ck_assert_int_eq(concert_params_set_text(ps, assignment, d), CONCERT_OK);
  concert_problem p = hand_problem();
  concert_solution *s = NULL;
  concert_status st = concert_model_solve(model(), ps, &p, &s, d);
  concert_solution_free(s);
  concert_params_free(ps);
  return st;
}

START_TEST(bad_params) {
  concert_diag d;
  ck_assert_int_eq(solve_with("rounds=-1", &d), CONCERT_ERR_RANGE);
  ck_assert_str_eq(d.path, "rounds");
  ck_assert_int_eq(solve_with("rounds=2.5", &d), CONCERT_ERR_INVALID);
  ck_assert_str_eq(d.path, "rounds");
  ck_assert_int_eq(solve_with("min_gain=-1", &d), CONCERT_ERR_RANGE);
  ck_assert_int_eq(solve_with("rounds=many", &d), CONCERT_ERR_TYPE);
  ck_assert_int_eq(solve_with("loss=linear", &d), CONCERT_ERR_UNKNOWN_FIELD);
  ck_assert_ptr_nonnull(strstr(d.message, "rounds, min_gain, tol"));
  ck_assert_int_eq(solve_with("tol=-0.5", &d), CONCERT_ERR_RANGE);
  ck_assert_int_eq(solve_with("rounds=3", &d), CONCERT_OK);
}
END_TEST

/* A salience of NaN or a position outside [0, 100] is refused before the model runs. */
START_TEST(bad_problem) {
  double x[] = {20, 30, 80, 101}, sal[] = {0.2, 0.8, NAN, 0.2}, c[] = {1, 1};
  concert_problem p = {.n_actors = 2, .n_issues = 2, .position = x, .salience = hand_s,
                       .capability = c, .reversion = no_rev};
  concert_solution *s = NULL;
  concert_diag d;
  ck_assert_int_eq(concert_model_solve(model(), NULL, &p, &s, &d), CONCERT_ERR_RANGE);
  p.position = hand_x;
  p.salience = sal;
  ck_assert_int_eq(concert_model_solve(model(), NULL, &p, &s, &d), CONCERT_ERR_RANGE);
  ck_assert_ptr_null(s);
}
END_TEST

/* Zero capability: an actor without influence cannot buy or sell anything. */
START_TEST(powerless_actor_no_trade) {
  double c[] = {0, 1};
  concert_problem p = hand_problem();
  p.capability = c;
  concert_solution *s = run(&p, -1);
  ck_assert_uint_eq(concert_solution_deal_count(s), 0);
  concert_solution_free(s);
}
END_TEST

static Suite *suite(void) {
  Suite *s = suite_create("exchange");
  TCase *t = tcase_create("core");
  tcase_add_test(t, hand_one_round);
  tcase_add_test(t, hand_until_no_exchange);
  tcase_add_test(t, hand_converged);
  tcase_add_test(t, one_issue_refused);
  tcase_add_test(t, proportional_saliences_no_trade);
  tcase_add_test(t, same_side_no_trade);
  tcase_add_test(t, identical_actors_no_trade);
  tcase_add_test(t, invariants_random);
  tcase_add_test(t, chunked_search_matches_reference);
  tcase_add_test(t, bad_params);
  tcase_add_test(t, bad_problem);
  tcase_add_test(t, powerless_actor_no_trade);
  suite_add_tcase(s, t);
  return s;
}

int main(void) {
  return concert_test_run(suite());
}
