/* test_eum.c: the expected utility model (src/model/eum.c).
 *
 * 1. Reference runs: the BDM (1994) emission-standards example and the 17-actor "Sultan"
 *    example under jmckib's conventions, against the trajectory printed in
 *    MODELS-REFERENCE.md section 1.9 (4 decimals, tolerance 1e-4) and against the full
 *    precision values of jmckib's bdm_scholz_model.py (commit 55f63e9) run under
 *    Python 3.11 on this machine (tolerance 1e-6, the issue's target).
 * 2. Hand-computed small cases for the utilities, probabilities, expected utilities,
 *    risk exponents and one full round (the arithmetic is in the comments).
 * 3. Invariants on seeded random problems: positions stay in the hull, permutation and
 *    affine invariance, identical actors stay put.
 * 4. Bad parameters refused with the key named. */
#include <check.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <concert.h>
#include "splitmix64.h"

#include "model/eum_i.h"
#include "check_main.h"

/* The emissions example: jmckib ExampleActors.csv (data/decisions, McKibben copy). */
enum { NE = 10 };
static const double em_cap[NE] = {0.08, 0.08, 0.03, 0.16, 0.16, 0.16, 0.16, 0.05, 0.05, 0.08};
static const double em_pos[NE] = {4, 7, 4, 4, 10, 10, 10, 7, 4, 7};
static const double em_sal[NE] = {0.8, 0.4, 0.2, 0.8, 0.6, 0.6, 0.9, 0.1, 1.0, 0.7};
/* NL BE LU DE FR IT UK IE DK GR */

/* Medians and means after rounds 1..10, as printed in MODELS-REFERENCE.md 1.9. */
static const double printed_median[10] = {8.4159, 9.6109, 9.9620, 9.9620, 9.9620,
                                          7.4720, 8.8246, 9.6711, 9.6711, 7.0000};
static const double printed_mean[10] = {7.4613, 7.5525, 7.5901, 7.3581, 7.3492,
                                        7.4149, 7.5105, 7.5724, 7.3250, 7.2421};
/* The same from jmckib's code at full precision (Python 3.11, %.17g). */
static const double full_median[10] = {8.4159323154267636, 9.6108591341201883,
                                       9.9619795904013113, 9.9619795904013113,
                                       9.9619795904013113, 7.4720463619162896,
                                       8.8245938552624228, 9.6711297698020484,
                                       9.6711297698020484, 7.0};
static const double full_mean[10] = {7.4613143782771889, 7.552500865855845,
                                     7.5901449974515467, 7.3581305313342007,
                                     7.3491739896752115, 7.4148775453729581,
                                     7.5104571836772189, 7.5724470975502998,
                                     7.324989065683666, 7.242130958473938};
/* Risk exponents of round 1 from the same run. */
static const double full_r1[NE] = {1.4056527842180304, 0.75419592724368612,
                                   0.50886379102694057, 1.4056527842180304,
                                   1.0465238960570615, 1.0465238960570615,
                                   1.9648982295073372, 0.50000000000000011,
                                   1.9999999999999998, 1.1121249708582579};

/* The Sultan example: jmckib Sultan.csv (data/decisions/sultan_oil_mckibben.csv). */
enum { NS = 17 };
static const double su_cap[NS] = {0.65, 0.85, 0.55, 0.7, 0.5, 0.75, 0.65, 0.85, 0.95,
                                  0.6,  0.95, 0.45, 1.0, 1.05, 0.6, 0.8, 0.75};
static const double su_pos[NS] = {14.25, 14.20, 14.20, 14.10, 14.10, 14.00,
                                  14.00, 13.95, 13.90, 13.75, 13.40, 13.35,
                                  13.25, 13.00, 13.00, 12.90, 12.85};
static const double su_sal[NS] = {0.8, 0.85, 0.65, 0.75, 0.75, 0.85, 0.9, 0.85, 0.9,
                                  0.8, 0.95, 0.75, 0.9,  0.9,  0.7,  0.85, 0.75};

static const char *const jmckib_switches[] = {"risk=observer",        "denominator=all_pairs",
                                              "votes=risk",           "compromise=eu_weighted",
                                              "capitulation=jmckib_typo", "range=fixed"};

static concert_params *jmckib_params(void) {
  concert_params *p = concert_params_new();
  ck_assert_ptr_nonnull(p);
  for (size_t i = 0; i < sizeof jmckib_switches / sizeof jmckib_switches[0]; i++)
    ck_assert_int_eq(concert_params_set_text(p, jmckib_switches[i], NULL), CONCERT_OK);
  return p;
}

static concert_solution *run(const concert_params *params, size_t n, size_t m, const double *pos,
                             const double *sal, const double *cap) {
  double *rev = malloc(m * sizeof *rev);
  ck_assert_ptr_nonnull(rev);
  for (size_t k = 0; k < m; k++) rev[k] = NAN;
  concert_problem p = {.n_actors = n, .n_issues = m, .position = pos, .salience = sal,
                       .capability = cap, .reversion = rev};
  concert_solution *s = NULL;
  concert_diag d;
  concert_status st = concert_model_solve(concert_model_find("eum"), params, &p, &s, &d);
  free(rev);
  ck_assert_msg(st == CONCERT_OK, "solve failed: %s", d.message);
  return s;
}

/* ---- 1. reference runs ---------------------------------------------------------- */

START_TEST(emissions_jmckib_trajectory) {
  concert_params *p = jmckib_params();
  concert_solution *s = run(p, NE, 1, em_pos, em_sal, em_cap);
  ck_assert_uint_eq(concert_solution_rounds(s), 11);
  ck_assert_double_eq_tol(concert_solution_round_outcome(s, 0, 0), 7.0, 1e-12);
  ck_assert_double_eq_tol(concert_solution_round_mean(s, 0, 0), 7.3899556868537672, 1e-12);
  for (size_t r = 1; r <= 10; r++) {
    double med = concert_solution_round_outcome(s, r, 0);
    double mean = concert_solution_round_mean(s, r, 0);
    ck_assert_msg(fabs(med - printed_median[r - 1]) <= 1e-4, "round %zu median %.6f", r, med);
    ck_assert_msg(fabs(mean - printed_mean[r - 1]) <= 1e-4, "round %zu mean %.6f", r, mean);
    ck_assert_msg(fabs(med - full_median[r - 1]) <= 1e-6, "round %zu median %.12f", r, med);
    ck_assert_msg(fabs(mean - full_mean[r - 1]) <= 1e-6, "round %zu mean %.12f", r, mean);
  }
  /* positions after round 1: NL 4, BE 8.416, LU 7, DE 4, FR/IT/UK 10, IE 4, DK 4, GR 7 */
  const double after1[NE] = {4, 8.4159323154267636, 7, 4, 10, 10, 10, 4, 4, 7};
  for (size_t a = 0; a < NE; a++)
    ck_assert_double_eq_tol(concert_solution_position(s, 1, a, 0), after1[a], 1e-9);
  ck_assert_double_eq_tol(concert_solution_outcome(s, 0), 7.0, 1e-12);
  ck_assert_str_eq(concert_solution_stop_reason(s), "fixed rounds");
  concert_solution_free(s);
  concert_params_free(p);
}
END_TEST

START_TEST(emissions_jmckib_risk_exponents) {
  concert_i_eum_config cfg;
  concert_params *p = jmckib_params();
  ck_assert_int_eq(concert_i_eum_config_from(p, &cfg, NULL), CONCERT_OK);
  concert_i_eum_issue st;
  ck_assert(concert_i_eum_issue_init(&st, NE, cfg.votes_risk));
  for (size_t a = 0; a < NE; a++) {
    st.x[a] = em_pos[a];
    st.s[a] = em_sal[a];
    st.w[a] = em_cap[a] * em_sal[a];
  }
  concert_i_eum_round(&st, &cfg, 6.0);
  for (size_t a = 0; a < NE; a++) ck_assert_double_eq_tol(st.r[a], full_r1[a], 1e-12);
  ck_assert_double_eq(st.mu, 7.0);
  concert_i_eum_issue_free(&st);
  concert_params_free(p);
}
END_TEST

START_TEST(sultan_jmckib_stalemate) {
  /* jmckib's code moves no one in 10 rounds: median 13.9, mean 13.619912134884823. */
  concert_params *p = jmckib_params();
  concert_solution *s = run(p, NS, 1, su_pos, su_sal, su_cap);
  ck_assert_uint_eq(concert_solution_rounds(s), 11);
  for (size_t r = 0; r <= 10; r++) {
    ck_assert_double_eq_tol(concert_solution_round_outcome(s, r, 0), 13.9, 1e-12);
    ck_assert_double_eq_tol(concert_solution_round_mean(s, r, 0), 13.619912134884823, 1e-9);
  }
  for (size_t a = 0; a < NS; a++)
    ck_assert_double_eq_tol(concert_solution_position(s, 10, a, 0), su_pos[a], 1e-12);
  concert_solution_free(s);
  concert_params_free(p);
}
END_TEST

START_TEST(emissions_textbook_runs) {
  /* Textbook switches: eq. 31 probabilities make conflicts frequent (docs/models/eum.md).
   * No published reference: these are regression values of this implementation. BE, IE
   * and GR at 7 face equidistant conflicts with 4 and 10 (the tie rule decides). */
  concert_solution *s = run(NULL, NE, 1, em_pos, em_sal, em_cap);
  ck_assert_uint_eq(concert_solution_rounds(s), 11);
  ck_assert_double_eq_tol(concert_solution_round_outcome(s, 1, 0), 7.0, 1e-12);
  ck_assert_double_eq_tol(concert_solution_round_mean(s, 1, 0), 7.8463810930576052, 1e-9);
  ck_assert_double_eq_tol(concert_solution_position(s, 1, 1, 0), 10.0, 1e-12); /* BE */
  ck_assert_double_eq_tol(concert_solution_outcome(s, 0), 7.0, 1e-12);
  concert_solution_free(s);
}
END_TEST

/* ---- 2. hand-computed cases ----------------------------------------------------- */

START_TEST(utilities_by_hand) {
  /* d = 0.5, r = 1: 2 - 4 * 0.25 = 1 and 2 - 4 * 0.75 = -1 */
  ck_assert_double_eq_tol(concert_i_eum_u_success(0.5, 1), 1.0, 1e-15);
  ck_assert_double_eq_tol(concert_i_eum_u_failure(0.5, 1), -1.0, 1e-15);
  /* r = 2: 2 - 4 * 0.0625 = 1.75 and 2 - 4 * 0.5625 = -0.25 */
  ck_assert_double_eq_tol(concert_i_eum_u_success(0.5, 2), 1.75, 1e-15);
  ck_assert_double_eq_tol(concert_i_eum_u_failure(0.5, 2), -0.25, 1e-15);
  /* status quo: r = 1 -> 0, r = 2 -> 1, r = 0.5 -> 2 - 4 sqrt(0.5) */
  ck_assert_double_eq_tol(concert_i_eum_u_status_quo(1), 0.0, 1e-15);
  ck_assert_double_eq_tol(concert_i_eum_u_status_quo(2), 1.0, 1e-15);
  ck_assert_double_eq_tol(concert_i_eum_u_status_quo(0.5), 2 - 4 * sqrt(0.5), 1e-15);
  /* better/worse with dm = 0.2, d = 0.6, r = 1: 2 - 4 (0.5 -+ 0.2) = 0.8, -0.8 */
  ck_assert_double_eq_tol(concert_i_eum_u_better(0.2, 0.6, 1), 0.8, 1e-15);
  ck_assert_double_eq_tol(concert_i_eum_u_worse(0.2, 0.6, 1), -0.8, 1e-15);
  /* d = 1: success 2, failure -2 whatever r */
  ck_assert_double_eq_tol(concert_i_eum_u_success(1, 0.7), 2.0, 1e-15);
  ck_assert_double_eq_tol(concert_i_eum_u_failure(1, 0.7), -2.0, 1e-15);
}
END_TEST

START_TEST(risk_exponent_by_hand) {
  ck_assert_double_eq_tol(concert_i_eum_risk_exponent(3, 3, -1), 0.5, 1e-15); /* R = +1 */
  ck_assert_double_eq_tol(concert_i_eum_risk_exponent(-1, 3, -1), 2.0, 1e-15); /* R = -1 */
  ck_assert_double_eq_tol(concert_i_eum_risk_exponent(1, 3, -1), 1.0, 1e-15); /* R = 0 */
  /* sec = 2: R = (4 - 2)/4 = 0.5, r = (1 - 1/6)/(1 + 1/6) = 5/7 */
  ck_assert_double_eq_tol(concert_i_eum_risk_exponent(2, 3, -1), 5.0 / 7.0, 1e-15);
  ck_assert_double_eq(concert_i_eum_risk_exponent(4, 4, 4), 1.0); /* max == min */
}
END_TEST

/* Three actors at 0, 40, 100 with weights 1, 0.5, 1 (capability 1, saliences 1, .5, 1). */
static void three_actors(concert_i_eum_issue *st) {
  ck_assert(concert_i_eum_issue_init(st, 3, false));
  const double x[3] = {0, 40, 100}, s[3] = {1, 0.5, 1};
  for (size_t a = 0; a < 3; a++) {
    st->x[a] = x[a];
    st->s[a] = s[a];
    st->w[a] = s[a];
    st->r[a] = 1;
  }
  st->range = 100;
  concert_i_eum_issue_index(st);
}

START_TEST(probability_by_hand) {
  concert_i_eum_issue st;
  three_actors(&st);
  concert_i_eum_config cfg = concert_i_eum_defaults();
  for (int direct = 0; direct < 2; direct++) { /* prefix sums, then the O(n) sum */
    st.use_exp = direct;
    /* 0 vs 100: votes a_k = |x_k-100| - |x_k-0| = 100, 20 (x0.5), -100: 110/210 */
    ck_assert_double_eq_tol(concert_i_eum_probability(&st, &cfg, 0, 2), 110.0 / 210, 1e-14);
    ck_assert_double_eq_tol(concert_i_eum_probability(&st, &cfg, 2, 0), 100.0 / 210, 1e-14);
    /* 0 vs 40: a_k = 40, -40 (x0.5), -40: 40/100 */
    ck_assert_double_eq_tol(concert_i_eum_probability(&st, &cfg, 0, 1), 0.4, 1e-14);
    ck_assert_double_eq_tol(concert_i_eum_probability(&st, &cfg, 1, 0), 0.6, 1e-14);
    ck_assert_double_eq(concert_i_eum_probability(&st, &cfg, 1, 1), 0.0);
  }
  /* all pairs: voter 0 sees {0,.4,1}: 2 (.4+1+.6) = 4; voter 1 {.4,0,.6}: 2 (1.2) x .5 = 1.2;
   * voter 2: 4. D = 9.2 and P(0 beats 100) = (110/100) / 9.2. */
  st.use_exp = false;
  ck_assert_double_eq_tol(concert_i_eum_all_pairs_denominator(&st), 9.2, 1e-13);
  cfg.all_pairs = true;
  st.denom = 9.2;
  ck_assert_double_eq_tol(concert_i_eum_probability(&st, &cfg, 0, 2), 1.1 / 9.2, 1e-14);
  concert_i_eum_issue_free(&st);
}
END_TEST

/* Two actors at 0 and 100, capabilities 1, saliences 1 and 0.5. */
static void two_actors(concert_i_eum_issue *st) {
  ck_assert(concert_i_eum_issue_init(st, 2, false));
  st->x[0] = 0, st->x[1] = 100;
  st->s[0] = 1, st->s[1] = 0.5;
  st->w[0] = 1, st->w[1] = 0.5;
  st->r[0] = st->r[1] = 1;
  st->range = 100;
  concert_i_eum_issue_index(st);
  st->mu = concert_i_eum_median(st); /* f(0) = 50 < f(100) = 100: mu = 0 */
}

START_TEST(expected_utility_by_hand) {
  concert_i_eum_issue st;
  two_actors(&st);
  ck_assert_double_eq(st.mu, 0.0);
  concert_i_eum_config cfg = concert_i_eum_defaults();
  /* P(0 beats 1) = 100 / 150 = 2/3; d = 1: Us = 2, Uf = -2, Usq(1) = 0.
   * E0(U01) = 0.5 (2/3 2 - 1/3 2) + 0.5 2 = 4/3; E1(U10) = 1 (1/3 2 - 2/3 2) = -2/3 */
  ck_assert_double_eq_tol(concert_i_eum_expected_utility(&st, &cfg, 0, 1, 1), 4.0 / 3, 1e-14);
  ck_assert_double_eq_tol(concert_i_eum_expected_utility(&st, &cfg, 1, 0, 1), -2.0 / 3, 1e-14);
  /* r = 2 for actor 0: Usq = 1: 1/3 + 1 - 1 = 1/3. r = 0.5 for 1: -2/3 - (2 - 4 sqrt .5) */
  ck_assert_double_eq_tol(concert_i_eum_expected_utility(&st, &cfg, 0, 1, 2), 1.0 / 3, 1e-14);
  ck_assert_double_eq_tol(concert_i_eum_expected_utility(&st, &cfg, 1, 0, 0.5),
                          -2.0 / 3 - (2 - 4 * sqrt(0.5)), 1e-14);
  /* Q = 0.5: for 0, |0 - mu| = 0 < 100 so T = 1, Ub = 2 - 4 (0.5 - 0.25) = 1:
   * 4/3 - 0.5 * 0 - 0.5 * 1 = 5/6. For 1, T = 0, Uw = 2 - 4 (0.5 + 0.5) = -2:
   * -2/3 + 1 = 1/3. */
  cfg.q = 0.5;
  ck_assert_double_eq_tol(concert_i_eum_expected_utility(&st, &cfg, 0, 1, 1), 5.0 / 6, 1e-14);
  ck_assert_double_eq_tol(concert_i_eum_expected_utility(&st, &cfg, 1, 0, 1), 1.0 / 3, 1e-14);
  concert_i_eum_issue_free(&st);
}
END_TEST

START_TEST(offer_regions) {
  concert_i_eum_config cfg = concert_i_eum_defaults();
  double pos, key;
  /* conflict i loses: a = 0.3 < b = 0.5 -> i moves to x_j = 80 */
  ck_assert_int_eq(concert_i_eum_offer(&cfg, 0.3, 0.5, 20, 80, &pos, &key),
                   CONCERT_I_EUM_OFFER_CONFLICT);
  ck_assert_double_eq(pos, 80);
  ck_assert_double_eq(key, 60);
  /* conflict i wins, i has the upper hand, stalemate, ties: no offer to i */
  ck_assert_int_eq(concert_i_eum_offer(&cfg, 0.5, 0.3, 20, 80, &pos, &key), 0);
  ck_assert_int_eq(concert_i_eum_offer(&cfg, 0.5, -0.3, 20, 80, &pos, &key), 0);
  ck_assert_int_eq(concert_i_eum_offer(&cfg, -0.5, -0.3, 20, 80, &pos, &key), 0);
  ck_assert_int_eq(concert_i_eum_offer(&cfg, 0.4, 0.4, 20, 80, &pos, &key), 0);
  ck_assert_int_eq(concert_i_eum_offer(&cfg, -0.4, 0.4, 20, 80, &pos, &key), 0);
  ck_assert_double_eq(pos, 20);
  /* compromise: a = -0.25, b = 1: i moves a quarter of the way, 20 + 60/4 = 35 */
  ck_assert_int_eq(concert_i_eum_offer(&cfg, -0.25, 1, 20, 80, &pos, &key),
                   CONCERT_I_EUM_OFFER_COMPROMISE);
  ck_assert_double_eq_tol(pos, 35, 1e-12);
  ck_assert_double_eq_tol(key, 15, 1e-12);
  /* jmckib's ranking key: (0.25 * 20 + 1 * 80) / 1.25 = 68 */
  cfg.eu_weighted = true;
  concert_i_eum_offer(&cfg, -0.25, 1, 20, 80, &pos, &key);
  ck_assert_double_eq_tol(key, 68, 1e-12);
  /* capitulation: a = -1, b = 0.5 -> i moves to x_j; never with jmckib's typo */
  ck_assert_int_eq(concert_i_eum_offer(&cfg, -1, 0.5, 20, 80, &pos, &key),
                   CONCERT_I_EUM_OFFER_CAPITULATION);
  ck_assert_double_eq(pos, 80);
  cfg.capitulation_typo = true;
  ck_assert_int_eq(concert_i_eum_offer(&cfg, -1, 0.5, 20, 80, &pos, &key), 0);
}
END_TEST

START_TEST(round_by_hand) {
  /* Pass 1: Sec_0 = E1(U10) = -2/3, Sec_1 = E0(U01) = 4/3, so r_0 = 2, r_1 = 0.5.
   * Pass 2: E0(U01; 2) = 1/3, E1(U10; .5) = -2/3 + 4 sqrt(.5) - 2 = 0.16176.
   * Mover 0: a = 1/3 > b > 0: it wins the conflict, stays. Mover 1: a = 0.16 < b = 1/3,
   * both > 0: it loses the conflict and moves to 0. */
  concert_i_eum_issue st;
  two_actors(&st);
  concert_i_eum_config cfg = concert_i_eum_defaults();
  concert_i_eum_round(&st, &cfg, 100);
  ck_assert_double_eq_tol(st.r[0], 2.0, 1e-14);
  ck_assert_double_eq_tol(st.r[1], 0.5, 1e-14);
  ck_assert_double_eq(st.next[0], 0.0);
  ck_assert_double_eq(st.next[1], 0.0);
  concert_i_eum_issue_free(&st);
}
END_TEST

START_TEST(compromise_by_hand) {
  /* Three actors at 0, 50, 100, capability 1, saliences 1, 1, 0.1 (weights = s), r = 1:
   * the actor at 100 receives a compromise offer from the actor at 50. */
  concert_i_eum_issue st;
  ck_assert(concert_i_eum_issue_init(&st, 3, false));
  const double x[3] = {0, 50, 100}, s[3] = {1, 1, 0.1};
  for (size_t a = 0; a < 3; a++) st.x[a] = x[a], st.s[a] = s[a], st.w[a] = s[a], st.r[a] = 1;
  st.range = 100;
  concert_i_eum_issue_index(&st);
  st.mu = concert_i_eum_median(&st);
  ck_assert_double_eq(st.mu, 50.0); /* f(50) = 55 < f(0) = 60 < f(100) = 150 */
  concert_i_eum_config cfg = concert_i_eum_defaults();
  /* P(2 beats 1) = votes for 100 against 50: only actor 2 (0.1 x 50) over
   * 1 x 50 + 1 x 50 + 0.1 x 50 = 105: 5/105. d = 0.5, r = 1: Us = 1, Uf = -1.
   * E2(U21) = s_1 (P - (1-P)) + 0 = 10/105 - 1 = -95/105.
   * E1(U12) = s_2 (P' - (1-P')) + 0.9 = 0.1 (100/105 - 5/105) + 0.9 = 9.5/105 + 0.9 */
  double a = concert_i_eum_expected_utility(&st, &cfg, 2, 1, 1);
  double b = concert_i_eum_expected_utility(&st, &cfg, 1, 2, 1);
  ck_assert_double_eq_tol(a, -95.0 / 105, 1e-14);
  ck_assert_double_eq_tol(b, 9.5 / 105 + 0.9, 1e-14);
  /* b = 0.990 > |a| = 0.905: a compromise, 100 + (50 - 100) |a / b| = 54.31... */
  double pos, key;
  ck_assert_int_eq(concert_i_eum_offer(&cfg, a, b, 100, 50, &pos, &key),
                   CONCERT_I_EUM_OFFER_COMPROMISE);
  ck_assert_double_eq_tol(pos, 100 - 50 * (95.0 / 105) / (9.5 / 105 + 0.9), 1e-12);
  ck_assert_double_eq_tol(key, 100 - pos, 1e-12);
  concert_i_eum_issue_free(&st);
}
END_TEST

/* ---- 3. invariants on seeded random problems ------------------------------------- */

typedef struct rproblem {
  size_t n, m;
  double pos[12 * 3], sal[12 * 3], cap[12];
} rproblem;

static void random_problem(rproblem *q, uint64_t seed) {
  q->n = 12, q->m = 3;
  for (size_t a = 0; a < q->n; a++) {
    q->cap[a] = 0.1 + sm64_unit(&seed);
    for (size_t k = 0; k < q->m; k++) {
      q->pos[a * q->m + k] = (double)(sm64_next(&seed) % 101); /* whole numbers: some ties */
      q->sal[a * q->m + k] = 0.05 + 0.95 * sm64_unit(&seed);
    }
  }
}

static concert_params *switch_set(int which) {
  if (which == 1) return jmckib_params();
  concert_params *p = concert_params_new();
  if (which == 2) {
    concert_params_set_text(p, "q=0.5", NULL);
    concert_params_set_text(p, "range=fixed", NULL);
  }
  return p;
}

START_TEST(positions_stay_in_hull) {
  for (int which = 0; which < 3; which++)
    for (uint64_t seed = 1; seed <= 20; seed++) {
      rproblem q;
      random_problem(&q, seed);
      concert_params *p = switch_set(which);
      concert_solution *s = run(p, q.n, q.m, q.pos, q.sal, q.cap);
      for (size_t k = 0; k < q.m; k++) {
        double lo = 1e9, hi = -1e9;
        for (size_t a = 0; a < q.n; a++) {
          lo = fmin(lo, q.pos[a * q.m + k]);
          hi = fmax(hi, q.pos[a * q.m + k]);
        }
        for (size_t r = 0; r < concert_solution_rounds(s); r++) {
          for (size_t a = 0; a < q.n; a++) {
            double x = concert_solution_position(s, r, a, k);
            ck_assert(x >= lo - 1e-12 && x <= hi + 1e-12);
          }
          double med = concert_solution_round_outcome(s, r, k);
          double mean = concert_solution_round_mean(s, r, k);
          ck_assert(med >= lo && med <= hi && mean >= lo - 1e-9 && mean <= hi + 1e-9);
        }
        double out = concert_solution_outcome(s, k);
        ck_assert(out >= lo && out <= hi);
      }
      concert_solution_free(s);
      concert_params_free(p);
    }
}
END_TEST

START_TEST(permutation_invariance) {
  for (int which = 0; which < 3; which++)
    for (uint64_t seed = 100; seed < 110; seed++) {
      rproblem q, w;
      random_problem(&q, seed);
      w = q;
      size_t perm[12];
      for (size_t a = 0; a < q.n; a++) perm[a] = (a * 5 + 3) % q.n; /* 5 is prime to 12 */
      for (size_t a = 0; a < q.n; a++) {
        w.cap[a] = q.cap[perm[a]];
        for (size_t k = 0; k < q.m; k++) {
          w.pos[a * q.m + k] = q.pos[perm[a] * q.m + k];
          w.sal[a * q.m + k] = q.sal[perm[a] * q.m + k];
        }
      }
      concert_params *p = switch_set(which);
      concert_solution *s1 = run(p, q.n, q.m, q.pos, q.sal, q.cap);
      concert_solution *s2 = run(p, w.n, w.m, w.pos, w.sal, w.cap);
      ck_assert_uint_eq(concert_solution_rounds(s1), concert_solution_rounds(s2));
      for (size_t r = 0; r < concert_solution_rounds(s1); r++)
        for (size_t k = 0; k < q.m; k++) {
          ck_assert_double_eq_tol(concert_solution_round_outcome(s1, r, k),
                                  concert_solution_round_outcome(s2, r, k), 1e-9);
          ck_assert_double_eq_tol(concert_solution_round_mean(s1, r, k),
                                  concert_solution_round_mean(s2, r, k), 1e-9);
          for (size_t a = 0; a < q.n; a++)
            ck_assert_double_eq_tol(concert_solution_position(s1, r, perm[a], k),
                                    concert_solution_position(s2, r, a, k), 1e-9);
        }
      concert_solution_free(s1);
      concert_solution_free(s2);
      concert_params_free(p);
    }
}
END_TEST

START_TEST(affine_invariance) {
  /* x -> 0.5 x + 20 maps every round's positions the same way (R scales along). */
  for (uint64_t seed = 200; seed < 210; seed++) {
    rproblem q, w;
    random_problem(&q, seed);
    w = q;
    for (size_t i = 0; i < q.n * q.m; i++) w.pos[i] = 0.5 * q.pos[i] + 20;
    concert_solution *s1 = run(NULL, q.n, q.m, q.pos, q.sal, q.cap);
    concert_solution *s2 = run(NULL, w.n, w.m, w.pos, w.sal, w.cap);
    for (size_t r = 0; r < concert_solution_rounds(s1); r++)
      for (size_t k = 0; k < q.m; k++)
        for (size_t a = 0; a < q.n; a++)
          ck_assert_double_eq_tol(0.5 * concert_solution_position(s1, r, a, k) + 20,
                                  concert_solution_position(s2, r, a, k), 1e-9);
    concert_solution_free(s1);
    concert_solution_free(s2);
  }
}
END_TEST

START_TEST(identical_actors_stay) {
  double pos[5 * 2], sal[5 * 2], cap[5];
  for (size_t a = 0; a < 5; a++) {
    cap[a] = 0.3;
    pos[a * 2] = 42, pos[a * 2 + 1] = 0;
    sal[a * 2] = 0.6, sal[a * 2 + 1] = 1;
  }
  for (int which = 0; which < 3; which++) {
    concert_params *p = switch_set(which);
    concert_solution *s = run(p, 5, 2, pos, sal, cap);
    for (size_t r = 0; r < concert_solution_rounds(s); r++)
      for (size_t a = 0; a < 5; a++) {
        ck_assert_double_eq(concert_solution_position(s, r, a, 0), 42);
        ck_assert_double_eq(concert_solution_position(s, r, a, 1), 0);
      }
    ck_assert_double_eq(concert_solution_outcome(s, 0), 42);
    ck_assert_double_eq(concert_solution_outcome(s, 1), 0);
    concert_solution_free(s);
    concert_params_free(p);
  }
}
END_TEST

START_TEST(twins_move_together) {
  /* Every actor of a random problem gets an identical twin: twins stay together. */
  for (int which = 0; which < 3; which++)
    for (uint64_t seed = 300; seed < 306; seed++) {
      rproblem q;
      random_problem(&q, seed);
      size_t n = 2 * q.n, m = q.m;
      double pos[24 * 3], sal[24 * 3], cap[24];
      for (size_t a = 0; a < n; a++) {
        cap[a] = q.cap[a / 2];
        for (size_t k = 0; k < m; k++) {
          pos[a * m + k] = q.pos[(a / 2) * m + k];
          sal[a * m + k] = q.sal[(a / 2) * m + k];
        }
      }
      concert_params *p = switch_set(which);
      concert_solution *s = run(p, n, m, pos, sal, cap);
      for (size_t r = 0; r < concert_solution_rounds(s); r++)
        for (size_t k = 0; k < m; k++)
          for (size_t a = 0; a < n; a += 2)
            ck_assert_double_eq_tol(concert_solution_position(s, r, a, k),
                                    concert_solution_position(s, r, a + 1, k), 1e-9);
      concert_solution_free(s);
      concert_params_free(p);
    }
}
END_TEST

START_TEST(single_actor_and_zero_weights) {
  double pos1 = 30, sal1 = 0.5, cap1 = 1;
  concert_solution *s = run(NULL, 1, 1, &pos1, &sal1, &cap1);
  ck_assert_double_eq(concert_solution_outcome(s, 0), 30);
  concert_solution_free(s);
  /* nobody has any weight: no division by zero, everything finite and in the hull */
  double pos[3] = {10, 50, 90}, sal[3] = {0, 0, 0}, cap[3] = {1, 2, 3};
  for (int which = 0; which < 3; which++) {
    concert_params *p = switch_set(which);
    s = run(p, 3, 1, pos, sal, cap);
    for (size_t r = 0; r < concert_solution_rounds(s); r++) {
      ck_assert(isfinite(concert_solution_round_mean(s, r, 0)));
      for (size_t a = 0; a < 3; a++) {
        double x = concert_solution_position(s, r, a, 0);
        ck_assert(x >= 10 && x <= 90);
      }
    }
    concert_solution_free(s);
    concert_params_free(p);
  }
}
END_TEST

START_TEST(issues_are_independent) {
  /* The emissions example on two identical issues gives the same trajectory on both. */
  double pos[NE * 2], sal[NE * 2];
  for (size_t a = 0; a < NE; a++) {
    pos[2 * a] = pos[2 * a + 1] = em_pos[a];
    sal[2 * a] = sal[2 * a + 1] = em_sal[a];
  }
  concert_params *p = jmckib_params();
  concert_solution *s = run(p, NE, 2, pos, sal, em_cap);
  for (size_t r = 1; r <= 10; r++) {
    ck_assert_double_eq_tol(concert_solution_round_outcome(s, r, 1), full_median[r - 1], 1e-6);
    ck_assert_double_eq_tol(concert_solution_round_mean(s, r, 0), full_mean[r - 1], 1e-6);
  }
  concert_solution_free(s);
  concert_params_free(p);
}
END_TEST

START_TEST(stop_converge_and_forecast) {
  /* Textbook medians on emissions: 7 in every round: with epsilon 0.5 and patience 2 the
   * medians settle after rounds 1 and 2. */
  concert_params *p = concert_params_new();
  concert_params_set_text(p, "stop=converge", NULL);
  concert_params_set_text(p, "rounds=50", NULL);
  concert_solution *s = run(p, NE, 1, em_pos, em_sal, em_cap);
  ck_assert_uint_eq(concert_solution_rounds(s), 3);
  ck_assert_str_eq(concert_solution_stop_reason(s), "converged");
  concert_solution_free(s);
  /* a cap of 1 round is reached before patience 2 */
  concert_params_set_text(p, "rounds=1", NULL);
  s = run(p, NE, 1, em_pos, em_sal, em_cap);
  ck_assert_uint_eq(concert_solution_rounds(s), 2);
  ck_assert_str_eq(concert_solution_stop_reason(s), "round cap reached before the medians settled");
  concert_solution_free(s);
  concert_params_free(p);
  /* forecast=mean: the outcome is the last round's weighted mean */
  p = jmckib_params();
  concert_params_set_text(p, "forecast=mean", NULL);
  concert_params_set_text(p, "rounds=3", NULL);
  s = run(p, NE, 1, em_pos, em_sal, em_cap);
  ck_assert_uint_eq(concert_solution_rounds(s), 4);
  ck_assert_double_eq_tol(concert_solution_outcome(s, 0), full_mean[2], 1e-9);
  concert_solution_free(s);
  concert_params_free(p);
}
END_TEST

/* ---- 4. bad parameters ---------------------------------------------------------- */

static void refused(const char *text, concert_status want, const char *key) {
  concert_params *p = concert_params_new();
  ck_assert_int_eq(concert_params_set_text(p, text, NULL), CONCERT_OK);
  double rev = NAN;
  concert_problem pr = {.n_actors = NE, .n_issues = 1, .position = em_pos, .salience = em_sal,
                        .capability = em_cap, .reversion = &rev};
  concert_solution *s = (concert_solution *)&pr; /* must be reset to NULL */
  concert_diag d;
  concert_status st = concert_model_solve(concert_model_find("eum"), p, &pr, &s, &d);
  ck_assert_msg(st == want, "%s: got %s (%s)", text, concert_status_name(st), d.message);
  ck_assert_ptr_null(s);
  ck_assert_str_eq(d.path, key);
  ck_assert(strlen(d.message) > 0);
  concert_params_free(p);
}

/* The O(1) votes=risk probabilities (prefix rows of st->pu) agree with the direct O(n) sum
 * over voters, and the O(n^2) all-pairs denominator with the brute-force double sum, on
 * random issues with ties, zero weights and exponents between 1/2 and 2. */
START_TEST(fast_votes_match_direct_sums) {
  for (uint64_t seed = 1; seed <= 20; seed++) {
    uint64_t g = seed;
    size_t n = 2 + (size_t)(sm64_next(&g) % 60);
    concert_i_eum_issue st;
    ck_assert(concert_i_eum_issue_init(&st, n, true));
    for (size_t a = 0; a < n; a++) {
      st.x[a] = (double)(sm64_next(&g) % 41) * 2.5; /* ties */
      st.s[a] = sm64_unit(&g);
      st.w[a] = a % 7 == 3 ? 0 : st.s[a] * (0.1 + sm64_unit(&g));
      st.r[a] = 0.5 + 1.5 * sm64_unit(&g);
    }
    st.range = 100;
    st.use_exp = true;
    concert_i_eum_issue_index(&st);
    concert_i_eum_issue_votes(&st);
    concert_i_eum_config cfg = concert_i_eum_defaults();
    double *pu = st.pu;
    for (size_t i = 0; i < n; i++)
      for (size_t j = 0; j < n; j++) {
        st.pu = pu;
        double fast = concert_i_eum_probability(&st, &cfg, i, j);
        st.pu = NULL;
        double direct = concert_i_eum_probability(&st, &cfg, i, j);
        ck_assert_msg(fabs(fast - direct) <= 1e-12, "seed %llu, %zu vs %zu: %.17g vs %.17g",
                      (unsigned long long)seed, i, j, fast, direct);
      }
    st.pu = pu;
    double brute = 0;
    for (size_t k = 0; k < n; k++)
      for (size_t a = 0; a < n; a++)
        for (size_t b = 0; b < n; b++)
          brute += st.w[k] * fabs(pow(fabs(st.x[k] - st.x[b]) / 100, st.r[k]) -
                                  pow(fabs(st.x[k] - st.x[a]) / 100, st.r[k]));
    double fast = concert_i_eum_all_pairs_denominator(&st);
    ck_assert_msg(fabs(fast - brute) <= 1e-10 * (1 + brute), "seed %llu: %.17g vs %.17g",
                  (unsigned long long)seed, fast, brute);
    concert_i_eum_issue_free(&st);
  }
}
END_TEST

START_TEST(bad_params_refused) {
  refused("rounds=0", CONCERT_ERR_RANGE, "rounds");
  refused("rounds=2.5", CONCERT_ERR_RANGE, "rounds");
  refused("rounds=1e9", CONCERT_ERR_RANGE, "rounds");
  refused("patience=1.5", CONCERT_ERR_RANGE, "patience");
  refused("q=1.5", CONCERT_ERR_RANGE, "q");
  refused("q=-0.1", CONCERT_ERR_RANGE, "q");
  refused("epsilon=-1", CONCERT_ERR_RANGE, "epsilon");
  refused("risk=target_x", CONCERT_ERR_INVALID, "risk");
  refused("denominator=3", CONCERT_ERR_TYPE, "denominator");
  refused("stop=never", CONCERT_ERR_INVALID, "stop");
  refused("rounds=ten", CONCERT_ERR_TYPE, "rounds");
  refused("Q=0.5", CONCERT_ERR_UNKNOWN_FIELD, "Q");
}
END_TEST

START_TEST(model_registered) {
  const concert_model *m = concert_model_find("eum");
  ck_assert_ptr_nonnull(m);
  ck_assert_uint_eq(concert_model_min_issues(m), 1);
  size_t n = 0;
  const concert_param_spec *spec = concert_model_params(m, &n);
  ck_assert_uint_eq(n, 12);
  for (size_t i = 0; i < n; i++) ck_assert(spec[i].doc && strlen(spec[i].doc) > 10);
}
END_TEST

static Suite *eum_suite(void) {
  Suite *s = suite_create("eum");
  TCase *ref = tcase_create("reference");
  tcase_add_test(ref, emissions_jmckib_trajectory);
  tcase_add_test(ref, emissions_jmckib_risk_exponents);
  tcase_add_test(ref, sultan_jmckib_stalemate);
  tcase_add_test(ref, emissions_textbook_runs);
  suite_add_tcase(s, ref);
  TCase *hand = tcase_create("hand");
  tcase_add_test(hand, utilities_by_hand);
  tcase_add_test(hand, risk_exponent_by_hand);
  tcase_add_test(hand, probability_by_hand);
  tcase_add_test(hand, expected_utility_by_hand);
  tcase_add_test(hand, offer_regions);
  tcase_add_test(hand, round_by_hand);
  tcase_add_test(hand, compromise_by_hand);
  suite_add_tcase(s, hand);
  TCase *inv = tcase_create("invariants");
  tcase_set_timeout(inv, 60);
  tcase_add_test(inv, positions_stay_in_hull);
  tcase_add_test(inv, permutation_invariance);
  tcase_add_test(inv, affine_invariance);
  tcase_add_test(inv, identical_actors_stay);
  tcase_add_test(inv, twins_move_together);
  tcase_add_test(inv, single_actor_and_zero_weights);
  tcase_add_test(inv, issues_are_independent);
  tcase_add_test(inv, stop_converge_and_forecast);
  tcase_add_test(inv, fast_votes_match_direct_sums);
  suite_add_tcase(s, inv);
  TCase *bad = tcase_create("bad input");
  tcase_add_test(bad, bad_params_refused);
  tcase_add_test(bad, model_registered);
  suite_add_tcase(s, bad);
  return s;
}

int main(void) {
  return concert_test_run(eum_suite());
}
