/* test_validation_cv.c: cross-validation over proposals and forecast intervals: the fold
 * assignment by hand and as a property (no proposal split, balanced folds), the CRPS and
 * interval score of hand-computed cases, one issue's interval and scores computed by hand
 * on tests/data/deu_cv.tsv, coverage recounted from the per-issue intervals, the two-stage
 * model's anchors and weighted median, and that it never sees its test fold's outcomes. */
#include <check.h>
#include <concert.h>
#include <gsl/gsl_rng.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check_main.h"
#include "validation/validation_i.h"

#define DATA(name) CONCERT_SRCDIR "/tests/data/" name
#define DEU_FILE CONCERT_SRCDIR "/data/decisions/deu3_blksv.tsv"

static concert_deu *load(const char *path) {
  concert_deu *d = NULL;
  ck_assert_int_eq(concert_deu_load(path, NULL, &d, NULL), CONCERT_OK);
  return d;
}

static size_t row_index(const concert_validation *v, const char *name) {
  for (size_t i = 0; i < concert_validation_row_count(v); i++)
    if (strcmp(concert_validation_row_at(v, i)->name, name) == 0) return i;
  ck_abort_msg("no row %s", name);
  return 0;
}

/* deu_cv.tsv has proposals A..F (numbered 0..5 in id order). Seed 1, K = 3: MT19937 seeded
 * with 1 draws uniform_int(i + 1) = 2, 4, 2, 2, 0 for the swaps at i = 5..1:
 * ABCDEF -> ABFDEC -> (4 stays) -> ABDFEC -> (2 stays) -> BADFEC. Dealt 0 1 2 0 1 2 in that
 * order: B 0, A 1, D 2, F 0, E 1, C 2, i.e. A 1, B 0, C 2, D 2, E 1, F 0 (the shuffle is
 * also redone below with GSL). */
START_TEST(folds_by_hand) {
  size_t fold[6];
  ck_assert(concert_i_cv_folds(6, 3, 1, fold));
  const size_t want[6] = {1, 0, 2, 2, 1, 0};
  for (size_t g = 0; g < 6; g++) ck_assert_uint_eq(fold[g], want[g]);
  /* the documented rule, redone here */
  gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
  gsl_rng_set(r, 1);
  size_t order[6] = {0, 1, 2, 3, 4, 5};
  for (size_t i = 5; i > 0; i--) {
    size_t j = (size_t)gsl_rng_uniform_int(r, (unsigned long)(i + 1)), t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
  for (size_t t = 0; t < 6; t++) ck_assert_uint_eq(fold[order[t]], t % 3);
  gsl_rng_free(r);
  /* K = number of proposals: each proposal alone */
  ck_assert(concert_i_cv_folds(6, 6, 9, fold));
  unsigned seen = 0;
  for (size_t g = 0; g < 6; g++) seen |= 1u << fold[g];
  ck_assert_uint_eq(seen, 63);
  /* the run reports the same folds per issue */
  concert_deu *d = load(DATA("deu_cv.tsv"));
  concert_validation_options o;
  concert_validation_options_default(&o);
  o.bootstrap = 0;
  o.cv_folds = 3;
  o.models = "compromise";
  concert_validation *v = NULL;
  ck_assert_int_eq(concert_validation_run(d, &o, &v, NULL), CONCERT_OK);
  ck_assert_uint_eq(concert_validation_folds(v), 3);
  const char *ids = "AABCCCDEEF";
  for (size_t j = 0; j < 10; j++)
    ck_assert_uint_eq(concert_validation_fold(v, j), want[ids[j] - 'A']);
  ck_assert_uint_eq(concert_validation_fold(v, 10), SIZE_MAX);
  concert_validation_free(v);
  o.cv_folds = 50; /* capped at the 6 proposals */
  ck_assert_int_eq(concert_validation_run(d, &o, &v, NULL), CONCERT_OK);
  ck_assert_uint_eq(concert_validation_folds(v), 6);
  concert_validation_free(v);
  o.cv_folds = 1;
  concert_diag dg;
  ck_assert_int_eq(concert_validation_run(d, &o, &v, &dg), CONCERT_ERR_RANGE);
  ck_assert_str_eq(dg.path, "cv_folds");
  concert_deu_free(d);
}
END_TEST

/* Property: on the shipped file, for several seeds and K, every issue of a proposal is in
 * the same fold and the folds' proposal counts differ by at most one. */
START_TEST(folds_never_split_proposals) {
  concert_deu *d = load(DEU_FILE);
  concert_validation_options o;
  concert_validation_options_default(&o);
  o.bootstrap = 0;
  o.models = "compromise";
  const size_t ks[] = {2, 5, 10, 91};
  for (uint64_t seed = 1; seed <= 4; seed++)
    for (size_t t = 0; t < 4; t++) {
      o.seed = seed;
      o.cv_folds = ks[t];
      concert_validation *v = NULL;
      ck_assert_int_eq(concert_validation_run(d, &o, &v, NULL), CONCERT_OK);
      size_t m = concert_validation_scored(v), k = concert_validation_folds(v);
      ck_assert_uint_eq(k, ks[t]);
      size_t count[91] = {0};
      for (size_t i = 0; i < m; i++) {
        const char *pi = concert_deu_proposal_id(d, concert_validation_issue(v, i));
        bool first = true;
        for (size_t j = 0; j < i; j++) {
          const char *pj = concert_deu_proposal_id(d, concert_validation_issue(v, j));
          if (strcmp(pi, pj) != 0) continue;
          ck_assert_uint_eq(concert_validation_fold(v, i), concert_validation_fold(v, j));
          first = false;
        }
        if (first) count[concert_validation_fold(v, i)]++;
      }
      size_t lo = SIZE_MAX, hi = 0;
      for (size_t f = 0; f < k; f++) {
        if (count[f] < lo) lo = count[f];
        if (count[f] > hi) hi = count[f];
      }
      ck_assert_uint_le(hi - lo, 1);
      concert_validation_free(v);
    }
  concert_deu_free(d);
}
END_TEST

/* CRPS of {0, 10} at 5: mean |x - y| = 5, sum_ij |x_i - x_j| = 20, 20 / (2 * 4) = 2.5, so
 * 2.5. A point mass {7} at 3 is |7 - 3| = 4. Interval score of [10, 30] at alpha 0.2:
 * inside 20; at 5, 20 + 10 * 5 = 70; at 40, 20 + 10 * 10 = 120. */
START_TEST(scores_by_hand) {
  const double two[] = {0, 10}, one[] = {7};
  ck_assert_double_eq_tol(concert_i_crps_sorted(two, 2, 5), 2.5, 1e-12);
  ck_assert_double_eq_tol(concert_i_crps_sorted(two, 2, 0), 2.5, 1e-12); /* 5 - 2.5 */
  ck_assert_double_eq_tol(concert_i_crps_sorted(one, 1, 3), 4, 1e-12);
  ck_assert(isnan(concert_i_crps_sorted(one, 0, 3)));
  ck_assert_double_eq_tol(concert_i_interval_score(10, 30, 0.2, 20), 20, 1e-12);
  ck_assert_double_eq_tol(concert_i_interval_score(10, 30, 0.2, 5), 70, 1e-12);
  ck_assert_double_eq_tol(concert_i_interval_score(10, 30, 0.2, 40), 120, 1e-12);
  const double s[] = {0, 10, 20, 30, 40};
  double lo, hi;
  concert_i_sample_interval(s, 5, 0.5, &lo, &hi);
  ck_assert_double_eq_tol(lo, 10, 1e-12);
  ck_assert_double_eq_tol(hi, 30, 1e-12);
  concert_i_sample_interval(s, 5, 0.8, &lo, &hi); /* ranks 0.4 and 3.6 */
  ck_assert_double_eq_tol(lo, 4, 1e-12);
  ck_assert_double_eq_tol(hi, 36, 1e-12);
}
END_TEST

/* The mean row on issue F1 of deu_cv.tsv (fold 0 at seed 1, K = 3). Its forecast is
 * (10+0+40+60+20+0)/6 = 65/3. The training folds 1 and 2 hold A1 A2 C1 C2 C3 D1 E1 E2, whose
 * errors (outcome - mean) are 125/3, 5, 55, -20, -5, -40, -10/3, -80/3. The sample 65/3 + e
 * clipped to [0, 100], sorted: 0, 0, 5/3, 50/3, 55/3, 80/3, 190/3, 230/3 (n = 8).
 *  50%: quantiles at ranks 1.75 and 5.25: 0.75 * 5/3 = 1.25 and 80/3 + 0.25 * 110/3 = 430/12
 *  80%: ranks 0.7 and 6.3: 0 and 190/3 + 0.3 * 40/3 = 202/3; both cover the outcome 20.
 *  CRPS at 20: mean |x - 20| = 170/8 = 21.25; sum (2i - n - 1) x_(i) = 2790/3 = 930, so
 *  21.25 - 930/64 = 6.71875. Interval score (80%): 202/3 (covered). */
START_TEST(one_interval_by_hand) {
  concert_deu *d = load(DATA("deu_cv.tsv"));
  concert_validation_options o;
  concert_validation_options_default(&o);
  o.bootstrap = 0;
  o.cv_folds = 3;
  o.models = "compromise";
  concert_validation *v = NULL;
  ck_assert_int_eq(concert_validation_run(d, &o, &v, NULL), CONCERT_OK);
  size_t mean = row_index(v, "mean"), f1 = 9;
  ck_assert_str_eq(concert_deu_issue_id(d, concert_validation_issue(v, f1)), "F1");
  ck_assert_double_eq_tol(concert_validation_prediction(v, mean, f1), 65.0 / 3, 1e-12);
  double lo, hi;
  concert_validation_interval(v, mean, f1, 0.5, &lo, &hi);
  ck_assert_double_eq_tol(lo, 1.25, 1e-9);
  ck_assert_double_eq_tol(hi, 430.0 / 12, 1e-9);
  concert_validation_interval(v, mean, f1, 0.8, &lo, &hi);
  ck_assert_double_eq_tol(lo, 0, 1e-9);
  ck_assert_double_eq_tol(hi, 202.0 / 3, 1e-9);
  concert_validation_interval(v, mean, f1, 0.9, &lo, &hi);
  ck_assert(isnan(lo) && isnan(hi));
  /* coverage and scores recounted from the per-issue intervals */
  for (size_t i = 0; i < concert_validation_row_count(v); i++) {
    const concert_validation_row *r = concert_validation_row_at(v, i);
    if (r->kind == CONCERT_VALIDATION_PUBLISHED) continue;
    size_t n = 0, in50 = 0, in80 = 0;
    double is = 0;
    for (size_t j = 0; j < concert_validation_scored(v); j++) {
      double y = concert_deu_outcome(d, concert_validation_issue(v, j)), l5, h5, l8, h8;
      concert_validation_interval(v, i, j, 0.5, &l5, &h5);
      concert_validation_interval(v, i, j, 0.8, &l8, &h8);
      if (isnan(l5)) continue;
      n++;
      in50 += l5 <= y && y <= h5;
      in80 += l8 <= y && y <= h8;
      is += concert_i_interval_score(l8, h8, 0.2, y);
    }
    ck_assert_uint_eq(n, r->n);
    ck_assert_double_eq_tol(r->cov50, (double)in50 / (double)n, 1e-12);
    ck_assert_double_eq_tol(r->cov80, (double)in80 / (double)n, 1e-12);
    ck_assert_double_eq_tol(r->is80, is / (double)n, 1e-9);
  }
  concert_validation_free(v);
  concert_deu_free(d);
}
END_TEST

/* The two-stage model's classes and point. */
START_TEST(two_stage_point) {
  const double anchor[5] = {30, 0, 100, 50, 62};
  const unsigned char all[5] = {1, 1, 1, 1, 1}, no_rp[5] = {0, 1, 1, 1, 1};
  ck_assert_int_eq(concert_i_twostage_class(anchor, all, 30), 0);
  ck_assert_int_eq(concert_i_twostage_class(anchor, no_rp, 30), 4);
  ck_assert_int_eq(concert_i_twostage_class(anchor, all, 0), 1);
  ck_assert_int_eq(concert_i_twostage_class(anchor, all, 100), 2);
  ck_assert_int_eq(concert_i_twostage_class(anchor, all, 50), 3);
  ck_assert_int_eq(concert_i_twostage_class(anchor, all, 62), 4);
  /* sorted points 0 (0.3), 30 (0.1), 50 (0.05), 62 (0.25), 100 (0.3): the cumulative
   * probability reaches one half at 62 */
  const double p[5] = {0.1, 0.3, 0.3, 0.05, 0.25};
  ck_assert_double_eq(concert_i_twostage_point(p, anchor, all), 62);
  const double q[5] = {0.1, 0.45, 0.3, 0.05, 0.1}; /* 0.45 + 0.1 at 30 */
  ck_assert_double_eq(concert_i_twostage_point(q, anchor, all), 30);
}
END_TEST

/* The fitted model never sees its test fold: turning the outcomes of one fold upside down
 * leaves that fold's forecasts unchanged (while the features stay as they are). */
START_TEST(two_stage_never_sees_test_fold) {
  concert_deu *d = load(DATA("deu_cv.tsv"));
  concert_validation_options o;
  concert_validation_options_default(&o);
  o.bootstrap = 0;
  o.cv_folds = 3;
  o.models = "two-stage";
  concert_validation *a = NULL, *b = NULL;
  ck_assert_int_eq(concert_validation_run(d, &o, &a, NULL), CONCERT_OK);
  size_t ts = row_index(a, "two-stage"), m = concert_validation_scored(a);
  ck_assert_uint_eq(concert_validation_row_at(a, ts)->n, m);
  for (size_t f = 0; f < 3; f++) {
    for (size_t j = 0; j < m; j++)
      if (concert_validation_fold(a, j) == f) {
        concert_i_deu_issue *is = &d->issues[concert_validation_issue(a, j)];
        is->outcome = 100 - is->outcome;
      }
    ck_assert_int_eq(concert_validation_run(d, &o, &b, NULL), CONCERT_OK);
    for (size_t j = 0; j < m; j++)
      if (concert_validation_fold(a, j) == f)
        ck_assert_double_eq(concert_validation_prediction(a, ts, j),
                            concert_validation_prediction(b, ts, j));
    concert_validation_free(b);
    for (size_t j = 0; j < m; j++) /* restore */
      if (concert_validation_fold(a, j) == f) {
        concert_i_deu_issue *is = &d->issues[concert_validation_issue(a, j)];
        is->outcome = 100 - is->outcome;
      }
  }
  concert_validation_free(a);
  /* fewer than 3 folds: the row is there, every issue skipped, with the reason */
  o.cv_folds = 2;
  ck_assert_int_eq(concert_validation_run(d, &o, &a, NULL), CONCERT_OK);
  const concert_validation_row *r = concert_validation_row_at(a, row_index(a, "two-stage"));
  ck_assert_uint_eq(r->n, 0);
  ck_assert_uint_eq(r->skipped, m);
  ck_assert_ptr_nonnull(strstr(r->note, "at least 3 folds"));
  concert_validation_free(a);
  concert_deu_free(d);
}
END_TEST

/* More than 16 rows (every model, two-stage and the published rows) keep their names. */
START_TEST(many_rows_keep_names) {
  concert_deu *d = load(DATA("deu_cv.tsv"));
  concert_validation_options o;
  concert_validation_options_default(&o);
  o.bootstrap = 0;
  o.cv_folds = 3;
  concert_validation *v = NULL;
  ck_assert_int_eq(concert_validation_run(d, &o, &v, NULL), CONCERT_OK);
  ck_assert_uint_gt(concert_validation_row_count(v), 16);
  ck_assert_str_eq(concert_validation_row_at(v, 0)->name, "mean");
  ck_assert_str_eq(concert_validation_row_at(v, 0)->note,
                   "unweighted mean of the participants' positions");
  row_index(v, "two-stage");
  row_index(v, "eum old (BDM 2011)");
  concert_validation_free(v);
  concert_deu_free(d);
}
END_TEST

int main(void) {
  Suite *s = suite_create("validation-cv");
  TCase *tc = tcase_create("cv");
  tcase_set_timeout(tc, 300);
  tcase_add_test(tc, folds_by_hand);
  tcase_add_test(tc, folds_never_split_proposals);
  tcase_add_test(tc, scores_by_hand);
  tcase_add_test(tc, one_interval_by_hand);
  tcase_add_test(tc, two_stage_point);
  tcase_add_test(tc, two_stage_never_sees_test_fold);
  tcase_add_test(tc, many_rows_keep_names);
  suite_add_tcase(s, tc);
  return concert_test_run(s);
}
