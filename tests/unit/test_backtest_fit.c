/* test_backtest_fit.c: the leave-one-summit-out grid fit of `concert backtest --fit`
 * (src/backtest/fit.c, docs/backtest.md). Choices and held-out scores worked out by hand.
 *
 * The only protocol parameter of the mini record's scenarios that moves a fate is the
 * chair's forgoing on fail.yaml: its chair expects failure with chance 1, and forgoes when
 * that chance exceeds forgo_above. So fail.yaml is forgone at forgo_above = 0.5 (1 > 0.5) and
 * failed at forgo_above = 1 (1 > 1 is false); agree.yaml, split.yaml and apart.yaml are issued
 * at both (expected chance 0). A point run's fate Brier score is 0 when right, 2 when wrong
 * ((1 - 0)^2 + (0 - 1)^2). ln 0.99 = -0.0100503, ln 0.01 = -4.6051702. */
#include <check.h>
#include <concert.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backtest/backtest_i.h"
#include "check_main.h"

#define MINI CONCERT_SRCDIR "/tests/data/backtest-mini"
#define L99 (-0.01005033585350145)
#define L01 (-4.605170185988091)

/* A record over the mini record's scenarios with these summits.csv and statements.csv. */
static concert_record *record(const char *summits, const char *statements) {
  concert_record *r = concert_i_record_new(MINI);
  concert_diag d;
  concert_status st =
      concert_i_record_parse_summits(r, summits, strlen(summits), "summits.csv", &d);
  if (!st)
    st = concert_i_record_parse_statements(r, statements, strlen(statements), "statements.csv", &d);
  ck_assert_msg(st == CONCERT_OK, "%s:%d:%d: %s", d.file, d.line, d.column, d.message);
  return r;
}

#define SH "id,forum_name,date,scenario,forum,fate,carved_out,left_early,absent,sources,note\n"
#define TH "summit,issue,statement,signatories,blockers,sources,note\n"
/* a: all agree, issued. f1, f2: the deadlock, failed. f3: the same deadlock, forgone. */
#define CONFLICT                                     \
  SH "a,T3,2020-01-01,agree.yaml,T3,issued,,,,M1,\n" \
     "f1,T3,2021-01-01,fail.yaml,T3,failed,,,,M1,\n" \
     "f2,T3,2022-01-01,fail.yaml,T3,failed,,,,M1,\n" \
     "f3,T3,2023-01-01,fail.yaml,T3,forgone,,,,M1,\n"

static concert_backtest *fit_run(const concert_record *r, concert_backtest_grid **g,
                                 const char *fit1, const char *fit2, size_t runs,
                                 concert_backtest_fit_target target) {
  concert_diag d;
  ck_assert_int_eq(concert_backtest_grid_new(g, &d), CONCERT_OK);
  ck_assert_int_eq(concert_backtest_grid_add(*g, fit1, &d), CONCERT_OK);
  if (fit2) ck_assert_int_eq(concert_backtest_grid_add(*g, fit2, &d), CONCERT_OK);
  ck_assert_int_eq(concert_backtest_grid_set_target(*g, target), CONCERT_OK);
  concert_backtest_options o;
  concert_backtest_options_init(&o);
  o.runs = runs;
  concert_backtest_grid_use(*g, &o);
  concert_backtest *b = NULL;
  concert_status st = concert_backtest_run(r, &o, &b, &d);
  ck_assert_msg(st == CONCERT_OK, "%s", d.message);
  return b;
}

static double fitted(const concert_backtest *b, size_t i, const char *key) {
  return concert_params_number(concert_backtest_summit_at(b, i)->protocol, key, NAN);
}

static void expect_fate(const concert_backtest *b, double acc, double brier, double logs) {
  concert_backtest_score s =
      concert_backtest_get_score(b, CONCERT_FORECASTER_CONCERT, CONCERT_TARGET_FATE);
  ck_assert_msg(fabs(s.accuracy - acc) < 1e-12, "accuracy %.12f, expected %.12f", s.accuracy, acc);
  ck_assert_msg(fabs(s.brier - brier) < 1e-12, "Brier %.12f, expected %.12f", s.brier, brier);
  ck_assert_msg(fabs(s.log_score - logs) < 1e-12, "log %.12f, expected %.12f", s.log_score, logs);
}

/* Grid forgo_above over {0.5, 1}; fate Brier per summit (0.5 | 1): a 0|0, f1 2|0, f2 2|0,
 * f3 0|2. Criterion = mean over the other three summits:
 *   a held out:  0.5: (2+2+0)/3 = 4/3   1: (0+0+2)/3 = 2/3  -> 1    a issued: right (0)
 *   f1 held out: 0.5: (0+2+0)/3 = 2/3   1: (0+0+2)/3 = 2/3  -> tie, the first: 0.5
 *                f1 forgone, observed failed: wrong (2)
 *   f2 held out: the same as f1 -> 0.5: wrong (2)
 *   f3 held out: 0.5: (0+2+2)/3 = 4/3   1: (0+0+0)/3 = 0    -> 1
 *                the value right on every other summit; f3 failed, observed forgone: wrong (2)
 * Held out: accuracy 1/4, Brier (0+2+2+2)/4 = 1.5, log (ln 0.99 + 3 ln 0.01)/4. Fitted on
 * all four summits, 1 would score 3/4: the held-out score is the lower one. */
START_TEST(conflict_held_out) {
  concert_record *r = record(CONFLICT, TH);
  concert_backtest_grid *g = NULL;
  concert_backtest *b = fit_run(r, &g, "forgo_above=0.5,1", NULL, 1, CONCERT_FIT_FATE);
  ck_assert_uint_eq(concert_backtest_grid_size(g), 2);
  ck_assert(fabs(concert_backtest_grid_criterion(g, 0, 0) - 4.0 / 3) < 1e-12);
  ck_assert(fabs(concert_backtest_grid_criterion(g, 0, 1) - 2.0 / 3) < 1e-12);
  ck_assert(fabs(concert_backtest_grid_criterion(g, 1, 0) - 2.0 / 3) < 1e-12);
  ck_assert(fabs(concert_backtest_grid_criterion(g, 1, 1) - 2.0 / 3) < 1e-12);
  ck_assert(fabs(concert_backtest_grid_criterion(g, 3, 0) - 4.0 / 3) < 1e-12);
  ck_assert(fabs(concert_backtest_grid_criterion(g, 3, 1) - 0.0) < 1e-12);
  ck_assert(isnan(concert_backtest_grid_criterion(g, 4, 0)));
  ck_assert(isnan(concert_backtest_grid_criterion(g, 0, 2)));
  const double want[4] = {1, 0.5, 0.5, 1};
  for (size_t i = 0; i < 4; i++) ck_assert(fitted(b, i, "forgo_above") == want[i]);
  ck_assert_int_eq(concert_backtest_summit_at(b, 1)->forecast, CONCERT_DOCUMENT_FORGONE);
  ck_assert_int_eq(concert_backtest_summit_at(b, 3)->forecast, CONCERT_DOCUMENT_FAILED);
  expect_fate(b, 0.25, 1.5, (L99 + 3 * L01) / 4);
  ck_assert(concert_backtest_fitted(b));
  ck_assert_str_eq(concert_backtest_fit_label(b),
                   "forgo_above over {0.5, 1}; by the mean fate Brier score on the other summits");
  concert_backtest_free(b);
  concert_backtest_grid_free(g);
  concert_record_free(r);
}
END_TEST

/* The same grid in the other order: f1 and f2 tie again and now take the first value, 1:
 * failed, right. a -> 1 right, f3 -> 1 wrong. Accuracy 3/4, Brier (0+0+0+2)/4 = 0.5, log
 * (3 ln 0.99 + ln 0.01)/4. Sweeps (runs 5: the scenarios have no judgment ranges, so every
 * run is the point run) choose the same. */
START_TEST(ties_to_first_point) {
  concert_record *r = record(CONFLICT, TH);
  for (size_t runs = 1; runs <= 5; runs += 4) {
    concert_backtest_grid *g = NULL;
    concert_backtest *b = fit_run(r, &g, "forgo_above=1,0.5", NULL, runs, CONCERT_FIT_FATE);
    for (size_t i = 0; i < 4; i++) ck_assert(fitted(b, i, "forgo_above") == 1);
    expect_fate(b, 0.75, 0.5, (3 * L99 + L01) / 4);
    concert_backtest_free(b);
    concert_backtest_grid_free(g);
  }
  concert_record_free(r);
}
END_TEST

/* Two parameters: points in the order (true,0) (true,1) (false,0) (false,1), the first
 * --fit varying slowest. chair_forgoes = false makes fail.yaml fail whatever forgo_above;
 * with true it is forgone at 0.5 and failed at 1. Fate Brier (points 0..3):
 *   a 0 0 0 0; f1, f2: 2 0 0 0; f3: 0 2 2 2.
 *   a held out:  (4/3, 2/3, 2/3, 2/3) -> point 1 (true, 1)
 *   f1 held out: (2/3, 2/3, 2/3, 2/3) -> point 0 (true, 0.5): forgone, wrong
 *   f3 held out: (4/3, 0, 0, 0)       -> point 1 (true, 1): failed, wrong */
START_TEST(two_parameters) {
  concert_record *r = record(CONFLICT, TH);
  concert_backtest_grid *g = NULL;
  concert_backtest *b =
      fit_run(r, &g, "chair_forgoes=true,false", "forgo_above=0.5,1", 1, CONCERT_FIT_FATE);
  ck_assert_uint_eq(concert_backtest_grid_size(g), 4);
  ck_assert(fabs(concert_backtest_grid_criterion(g, 3, 0) - 4.0 / 3) < 1e-12);
  for (size_t k = 1; k < 4; k++) ck_assert(concert_backtest_grid_criterion(g, 3, k) == 0);
  const double want[4] = {1, 0.5, 0.5, 1};
  for (size_t i = 0; i < 4; i++) {
    const concert_params *p = concert_backtest_summit_at(b, i)->protocol;
    ck_assert_str_eq(concert_params_word(p, "chair_forgoes", "?"), "true");
    ck_assert(concert_params_number(p, "forgo_above", NAN) == want[i]);
  }
  expect_fate(b, 0.25, 1.5, (L99 + 3 * L01) / 4);
  concert_backtest_free(b);
  concert_backtest_grid_free(g);
  concert_record_free(r);
}
END_TEST

/* --fit-target all adds, per target, the mean Brier on the other summits. Give f1 a row
 * "k joint, signed by all, no blocker": concert plays fail.yaml without any text on k and with
 * C blocking k (a deadlock) at both points, so f1 adds statement 1/1 (p 0, observed 1),
 * signatory 3/3 (A, B, C: p 0, observed 1) and blocker 1/3 (C: p 1, observed 0; A, B: 0)
 * whenever f1 is among the other summits. a held out: 0.5: 4/3 + 1 + 1 + 1/3 = 11/3;
 * 1: 2/3 + 1 + 1 + 1/3 = 3. f1 held out: no other known item, the fate means only. */
START_TEST(target_all) {
  concert_record *r = record(CONFLICT, TH "f1,k,joint,all,,M1,\n");
  concert_backtest_grid *g = NULL;
  concert_backtest *b = fit_run(r, &g, "forgo_above=0.5,1", NULL, 1, CONCERT_FIT_ALL);
  ck_assert(fabs(concert_backtest_grid_criterion(g, 0, 0) - 11.0 / 3) < 1e-12);
  ck_assert(fabs(concert_backtest_grid_criterion(g, 0, 1) - 3.0) < 1e-12);
  ck_assert(fabs(concert_backtest_grid_criterion(g, 1, 0) - 2.0 / 3) < 1e-12);
  ck_assert(fabs(concert_backtest_grid_criterion(g, 1, 1) - 2.0 / 3) < 1e-12);
  const double want[4] = {1, 0.5, 0.5, 1};
  for (size_t i = 0; i < 4; i++) ck_assert(fitted(b, i, "forgo_above") == want[i]);
  concert_backtest_free(b);
  concert_backtest_grid_free(g);
  concert_record_free(r);
}
END_TEST

/* The mini record itself (tests/cli/backtest_fit_mini.out): only t3-2021 (fail.yaml, failed)
 * tells the two values apart (Brier 2 at 0.5, 0 at 1); u3-2021 (apart.yaml, forgone, played
 * issued) costs 2 at both, t3-2022 is unknown. Held out t3-2021: the others tie -> 0.5:
 * forgone, wrong. Every other summit: 1. Held-out fate scores: t3-2019, t3-2020 right,
 * t3-2021 and u3-2021 wrong: accuracy 2/4, Brier 4/4 = 1, log (2 ln 0.99 + 2 ln 0.01)/4,
 * the unfitted scores. The JSON carries each summit's fitted value. */
START_TEST(mini_record) {
  concert_record *r = NULL;
  ck_assert_int_eq(concert_record_load(MINI, &r, NULL), CONCERT_OK);
  concert_backtest_grid *g = NULL;
  concert_backtest *b = fit_run(r, &g, "forgo_above=0.5,1", NULL, 1, CONCERT_FIT_FATE);
  const double want[5] = {1, 1, 0.5, 1, 1};
  for (size_t i = 0; i < 5; i++) ck_assert(fitted(b, i, "forgo_above") == want[i]);
  expect_fate(b, 0.5, 1.0, (2 * L99 + 2 * L01) / 4);
  char *json = NULL;
  ck_assert_int_eq(concert_backtest_to_json(b, &json, NULL), CONCERT_OK);
  json_t *j = json_loads(json, 0, NULL);
  ck_assert_ptr_nonnull(j);
  json_t *s2 = json_array_get(json_object_get(j, "summits"), 2);
  ck_assert(json_real_value(
                json_object_get(json_object_get(s2, "fitted_protocol"), "forgo_above")) == 0.5);
  ck_assert(json_is_true(json_object_get(j, "fitted")));
  json_decref(j);
  free(json);
  concert_backtest_free(b);
  concert_backtest_grid_free(g);
  concert_record_free(r);
}
END_TEST

/* Refusals by the protocol's parameter table, the key in diag.path. */
START_TEST(refusals) {
  concert_backtest_grid *g = NULL;
  concert_diag d;
  ck_assert_int_eq(concert_backtest_grid_new(&g, &d), CONCERT_OK);
  ck_assert_int_eq(concert_backtest_grid_add(g, "nokey=1", &d), CONCERT_ERR_UNKNOWN_FIELD);
  ck_assert_str_eq(d.path, "nokey");
  ck_assert_int_eq(concert_backtest_grid_add(g, "carve_out_max=0,x", &d), CONCERT_ERR_TYPE);
  ck_assert_str_eq(d.path, "carve_out_max");
  ck_assert_int_eq(concert_backtest_grid_add(g, "forgo_above=0.5,1.5", &d), CONCERT_ERR_RANGE);
  ck_assert_int_eq(concert_backtest_grid_add(g, "redraft=true,no", &d), CONCERT_ERR_INVALID);
  ck_assert_int_eq(concert_backtest_grid_add(g, "forgo_above=0.5,", &d), CONCERT_ERR_INVALID);
  ck_assert_int_eq(concert_backtest_grid_add(g, "=1", &d), CONCERT_ERR_INVALID);
  ck_assert_int_eq(concert_backtest_grid_add(g, "forgo_above", &d), CONCERT_ERR_INVALID);
  ck_assert_uint_eq(concert_backtest_grid_size(g), 0); /* nothing was added */
  ck_assert_int_eq(concert_backtest_grid_add(g, "forgo_above=0.5", &d), CONCERT_OK);
  ck_assert_int_eq(concert_backtest_grid_add(g, "forgo_above=1", &d), CONCERT_ERR_DUPLICATE_ID);
  ck_assert_int_eq(concert_backtest_grid_add(g, "tolerance=0,1,2,3,4,5,6,7", &d), CONCERT_OK);
  ck_assert_int_eq(concert_backtest_grid_add(g, "summary_agreed=0,1,2,3,4,5,6,7", &d), CONCERT_OK);
  ck_assert_int_eq(concert_backtest_grid_add(g, "summary_discussed=0,1,2,3,4,5,6,7", &d),
                   CONCERT_OK);
  ck_assert_int_eq(concert_backtest_grid_add(g, "carve_out_max=0,1,2,3,4,5,6,7,8", &d),
                   CONCERT_ERR_TOO_LARGE); /* 512 x 9 > 4096 */
  ck_assert_uint_eq(concert_backtest_grid_size(g), 512);
  ck_assert_int_eq(concert_backtest_grid_set_target(g, (concert_backtest_fit_target)7),
                   CONCERT_ERR_ARGUMENT);
  concert_backtest_grid_free(g);
  concert_backtest_grid_free(NULL);
  /* an empty grid refuses to fit */
  ck_assert_int_eq(concert_backtest_grid_new(&g, &d), CONCERT_OK);
  concert_record *r = record(CONFLICT, TH);
  concert_backtest_options o;
  concert_backtest_options_init(&o);
  concert_backtest_grid_use(g, &o);
  concert_backtest *b = NULL;
  ck_assert_int_eq(concert_backtest_run(r, &o, &b, &d), CONCERT_ERR_EMPTY);
  ck_assert_ptr_null(b);
  concert_backtest_grid_free(g);
  concert_record_free(r);
}
END_TEST

static Suite *suite(void) {
  Suite *s = suite_create("backtest_fit");
  TCase *t = tcase_create("core");
  tcase_set_timeout(t, 120);
  tcase_add_test(t, conflict_held_out);
  tcase_add_test(t, ties_to_first_point);
  tcase_add_test(t, two_parameters);
  tcase_add_test(t, target_all);
  tcase_add_test(t, mini_record);
  tcase_add_test(t, refusals);
  suite_add_tcase(s, t);
  return s;
}

int main(void) { return concert_test_run(suite()); }
