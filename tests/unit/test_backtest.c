/* test_backtest.c: `concert backtest` on the hand-made record tests/data/backtest-mini
 * (docs/backtest.md). Every score below is worked out by hand from the record and from what
 * `concert run` prints for its four scenarios; bad records are refused at file:line:column.
 *
 * The record (fates observed / concert's point-run forecast):
 *   t3-2019 T3 agree.yaml  issued  / issued   k joint all, m joint all (no blockers)
 *   t3-2020 T3 split.yaml  issued  / issued   k none (C blocks), m joint all
 *   t3-2021 T3 fail.yaml   failed  / forgone  k minilateral A;B (C blocks), m unknown
 *   u3-2021 U3 apart.yaml  forgone / issued   k none (no blockers), m none (blockers unknown)
 *   t3-2022 T3 agree.yaml  unknown / issued   no statement rows: all unknown
 * concert (runs 1), texts counted as the record counts them (concert_outcome_issue_text: a
 * statement, or the issue's paragraph in the issued communique): agree: joint statements on
 * k and m signed by A, B, C; split: m joint; no statement on k (C objects), but the issued
 * communique holds k's paragraph, softened, endorsed by A, B, C: a joint text, so nobody
 * blocks; fail: nothing, C blocks k and m, the chair forgoes; apart: no statement, but the
 * communique is issued with both paragraphs softened: joint texts on k and m, no blocker.
 * ln 0.99 = -0.0100503, ln 0.01 = -4.6051702 (the clipping at EPS = 0.01). */
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

static concert_record *load_mini(void) {
  concert_record *r = NULL;
  concert_diag d;
  concert_status st = concert_record_load(MINI, &r, &d);
  ck_assert_msg(st == CONCERT_OK, "%s:%d:%d: %s", d.file, d.line, d.column, d.message);
  return r;
}

static concert_backtest *run_mini(const concert_record *r, size_t runs, unsigned threads) {
  concert_backtest_options o;
  concert_backtest_options_init(&o);
  o.runs = runs;
  o.threads = threads;
  concert_backtest *b = NULL;
  concert_diag d;
  concert_status st = concert_backtest_run(r, &o, &b, &d);
  ck_assert_msg(st == CONCERT_OK, "%s:%d:%d: %s", d.file, d.line, d.column, d.message);
  return b;
}

static void expect(const concert_backtest *b, concert_forecaster f, concert_backtest_target t,
                   size_t n, size_t unknown, double acc, double brier, double logs) {
  concert_backtest_score s = concert_backtest_get_score(b, f, t);
  ck_assert_msg(s.n == n && s.unknown == unknown, "%s/%s: n %zu unknown %zu",
                concert_forecaster_name(f), concert_backtest_target_name(t), s.n, s.unknown);
  ck_assert_msg(fabs(s.accuracy - acc) < 1e-9, "%s/%s accuracy %.9f, expected %.9f",
                concert_forecaster_name(f), concert_backtest_target_name(t), s.accuracy, acc);
  ck_assert_msg(fabs(s.brier - brier) < 1e-9, "%s/%s Brier %.9f, expected %.9f",
                concert_forecaster_name(f), concert_backtest_target_name(t), s.brier, brier);
  ck_assert_msg(fabs(s.log_score - logs) < 1e-6, "%s/%s log %.9f, expected %.9f",
                concert_forecaster_name(f), concert_backtest_target_name(t), s.log_score, logs);
}

START_TEST(record_loads) {
  concert_record *r = load_mini();
  ck_assert_uint_eq(concert_record_summit_count(r), 5);
  ck_assert_str_eq(concert_record_summit_id(r, 3), "u3-2021");
  ck_assert_str_eq(concert_record_summit_forum_name(r, 3), "U3");
  ck_assert_str_eq(concert_record_summit_date(r, 3), "2021-03-01");
  concert_document_fate f;
  ck_assert(concert_record_summit_fate(r, 2, &f));
  ck_assert_int_eq(f, CONCERT_DOCUMENT_FAILED);
  ck_assert(!concert_record_summit_fate(r, 4, &f)); /* unknown stays unknown */
  ck_assert_ptr_null(concert_record_summit_id(r, 5));
  concert_record_free(r);
  concert_record_free(NULL);
}
END_TEST

/* The document's fate: 4 known, 1 unknown. */
START_TEST(fate_scores) {
  concert_record *r = load_mini();
  concert_backtest *b = run_mini(r, 1, 1);
  const concert_backtest_summit *s = concert_backtest_summit_at(b, 2);
  ck_assert_int_eq(s->forecast, CONCERT_DOCUMENT_FORGONE);
  ck_assert(s->known && s->observed == CONCERT_DOCUMENT_FAILED);
  ck_assert_uint_eq(s->previous, 1);                                       /* t3-2020 */
  ck_assert_uint_eq(concert_backtest_summit_at(b, 3)->previous, SIZE_MAX); /* first of U3 */
  /* concert: right on 2019, 2020 (Brier 0, ln .99), wrong on 2021 and u3 with p = 1 on
   * another fate: Brier (1-0)^2 + (0-1)^2 = 2, ln .01. Accuracy 2/4; Brier 4/4 = 1;
   * log (2 ln .99 + 2 ln .01) / 4. */
  expect(b, CONCERT_FORECASTER_CONCERT, CONCERT_TARGET_FATE, 4, 1, 0.5, 1.0,
         (2 * L99 + 2 * L01) / 4);
  /* always a communique: issued everywhere, the same calls as concert here. */
  expect(b, CONCERT_FORECASTER_ALWAYS, CONCERT_TARGET_FATE, 4, 1, 0.5, 1.0,
         (2 * L99 + 2 * L01) / 4);
  /* base rate, leave one out (the other three known fates):
   *  2019: issued, failed, forgone -> 1/3 each; argmax (ties: first) issued, right;
   *        Brier (2/3)^2 + (1/3)^2 + (1/3)^2 = 6/9; ln 1/3.   2020: the same.
   *  2021 (failed): issued 2/3, forgone 1/3; wrong; Brier 4/9 + 1/9 + 1 = 14/9; p(failed) = 0
   *        -> ln .01.   u3 (forgone): issued 2/3, failed 1/3; wrong; 14/9; ln .01.
   *  Accuracy 2/4; Brier (6 + 6 + 14 + 14) / 9 / 4 = 40/36; log (2 ln 1/3 + 2 ln .01) / 4. */
  expect(b, CONCERT_FORECASTER_BASE_RATE, CONCERT_TARGET_FATE, 4, 1, 0.5, 40.0 / 36,
         (2 * log(1.0 / 3) + 2 * L01) / 4);
  /* previous: 2019 first of T3 -> the base rate (right, 6/9, ln 1/3); 2020 as 2019 issued
   * (right, 0, ln .99); 2021 as 2020 issued (wrong, 2, ln .01); u3 first of U3 -> base rate
   * (wrong, 14/9, ln .01). Brier (6/9 + 2 + 14/9) / 4 = 38/36. Two fallbacks. */
  expect(b, CONCERT_FORECASTER_PREVIOUS, CONCERT_TARGET_FATE, 4, 1, 0.5, 38.0 / 36,
         (log(1.0 / 3) + L99 + 2 * L01) / 4);
  ck_assert_uint_eq(
      concert_backtest_get_score(b, CONCERT_FORECASTER_PREVIOUS, CONCERT_TARGET_FATE).fallbacks, 2);
  concert_backtest_free(b);
  concert_record_free(r);
}
END_TEST

/* Statement or not: known 2019 k=1 m=1, 2020 k=0 m=1, 2021 k=1, u3 k=0 m=0 (7; 4 ones);
 * unknown 2021 m and 2022 k, m (3). */
START_TEST(statement_scores) {
  concert_record *r = load_mini();
  concert_backtest *b = run_mini(r, 1, 1);
  /* concert 1,1 / 1,1 / 0 / 1,1: right on 2019 k, m and 2020 m; wrong on 2020 k, 2021 k,
   * u3 k, m. Accuracy 3/7, Brier 4/7. */
  expect(b, CONCERT_FORECASTER_CONCERT, CONCERT_TARGET_STATEMENT, 7, 3, 3.0 / 7, 4.0 / 7,
         (3 * L99 + 4 * L01) / 7);
  /* base rate LOO: 2019: the other 5 have 2 ones -> 0.4 (both wrong, .36 each, ln .4);
   * 2020: 3/5 = 0.6 (k=0 wrong .36 ln .4; m=1 right .16 ln .6); 2021: 3/6 = 0.5 (p >= 0.5
   * calls yes: right, .25, ln .5); u3: 4/5 = 0.8 (both wrong, .64 each, ln .2).
   * Accuracy 2/7; Brier (.36 + .36 + .36 + .16 + .25 + .64 + .64) / 7 = 2.77 / 7. */
  expect(b, CONCERT_FORECASTER_BASE_RATE, CONCERT_TARGET_STATEMENT, 7, 3, 2.0 / 7, 2.77 / 7,
         (3 * log(0.4) + log(0.6) + log(0.5) + 2 * log(0.2)) / 7);
  /* always: p = 1; 4 of 7 right; Brier 3/7. */
  expect(b, CONCERT_FORECASTER_ALWAYS, CONCERT_TARGET_STATEMENT, 7, 3, 4.0 / 7, 3.0 / 7,
         (4 * L99 + 3 * L01) / 7);
  /* previous: 2019 base rate 0.4 (wrong twice); 2020 as 2019 (k 1 vs 0 wrong, m right);
   * 2021 k as 2020 k = 0 (wrong); u3 base rate 0.8 (wrong twice). Right 1/7; Brier
   * (.36 + .36 + 1 + 0 + 1 + .64 + .64) / 7 = 4 / 7. */
  expect(b, CONCERT_FORECASTER_PREVIOUS, CONCERT_TARGET_STATEMENT, 7, 3, 1.0 / 7, 4.0 / 7,
         (2 * log(0.4) + 2 * L01 + L99 + 2 * log(0.2)) / 7);
  concert_backtest_free(b);
  concert_record_free(r);
}
END_TEST

/* Signatories (A, B, C per issue): known 2019 k 111 m 111, 2020 k 000 (no statement)
 * m 111 (all), 2021 k 110 (A;B), u3 k 000 m 000: 21 known, 11 ones; 9 unknown. */
START_TEST(signatory_scores) {
  concert_record *r = load_mini();
  concert_backtest *b = run_mini(r, 1, 1);
  /* concert: 2019 all six right; 2020 k: A, B, C endorse the communique's k paragraph
   * (three wrong), m right; 2021 nothing (A, B wrong, C right); u3: all endorse both
   * paragraphs (six wrong). Right 10/21, Brier 11/21. */
  expect(b, CONCERT_FORECASTER_CONCERT, CONCERT_TARGET_SIGNATORY, 21, 9, 10.0 / 21, 11.0 / 21,
         (10 * L99 + 11 * L01) / 21);
  /* base rate LOO, per summit (n, ones): 2019 (6,6), 2020 (6,3), 2021 (3,2), u3 (6,0).
   * 2019: others 5/15 = 1/3: six wrong, 6 x 4/9; 2020: 8/15: k three wrong 3 x (8/15)^2,
   * m three right 3 x (7/15)^2; 2021: 9/18 = .5: A, B right, C wrong, 3 x .25;
   * u3: 11/15: six wrong, 6 x (11/15)^2. Right 5/21. */
  double brier = (6 * 4.0 / 9 + 3 * 64.0 / 225 + 3 * 49.0 / 225 + 0.75 + 6 * 121.0 / 225) / 21;
  double logs = (6 * log(1.0 / 3) + 3 * log(7.0 / 15) + 3 * log(8.0 / 15) + 3 * log(0.5) +
                 6 * log(4.0 / 15)) /
                21;
  expect(b, CONCERT_FORECASTER_BASE_RATE, CONCERT_TARGET_SIGNATORY, 21, 9, 5.0 / 21, brier, logs);
  /* always: everyone signs: 11/21 right, Brier 10/21. */
  expect(b, CONCERT_FORECASTER_ALWAYS, CONCERT_TARGET_SIGNATORY, 21, 9, 11.0 / 21, 10.0 / 21,
         (11 * L99 + 10 * L01) / 21);
  /* previous: 2019 base rate 1/3 (six wrong); 2020 as 2019: k 1 vs 0 three wrong, m right;
   * 2021 k as 2020 k (0): A, B wrong, C right; u3 base rate 11/15 (six wrong). Right 4/21;
   * Brier (6 x 4/9 + 3 + 2 + 6 x 121/225) / 21. */
  brier = (6 * 4.0 / 9 + 3 + 2 + 6 * 121.0 / 225) / 21;
  logs = (6 * log(1.0 / 3) + 5 * L01 + 4 * L99 + 6 * log(4.0 / 15)) / 21;
  expect(b, CONCERT_FORECASTER_PREVIOUS, CONCERT_TARGET_SIGNATORY, 21, 9, 4.0 / 21, brier, logs);
  concert_backtest_free(b);
  concert_record_free(r);
}
END_TEST

/* Blockers: known 2019 k, m 000, 2020 k 001 m 000, 2021 k 001, u3 k 000: 18 known, 2 ones;
 * unknown 2021 m, u3 m, 2022 k and m (12). */
START_TEST(blocker_scores) {
  concert_record *r = load_mini();
  concert_backtest *b = run_mini(r, 1, 1);
  /* concert blocks only 2021 k (C): 2020 k and u3 k have joint texts. Wrong only on 2020 k C
   * (observed a blocker). */
  expect(b, CONCERT_FORECASTER_CONCERT, CONCERT_TARGET_BLOCKER, 18, 12, 17.0 / 18, 1.0 / 18,
         (17 * L99 + L01) / 18);
  /* base rate LOO, (n, ones): 2019 (6,0) 2020 (6,1) 2021 (3,1) u3 (3,0).
   * 2019: 2/12 = 1/6, six right, 6/36; 2020: 1/12: five right 5/144, C wrong (11/12)^2;
   * 2021: 1/15: A, B right 2/225, C wrong (14/15)^2; u3: 2/15: three right 3 x 4/225.
   * Right 16/18. */
  double brier = (6.0 / 36 + 5.0 / 144 + 121.0 / 144 + 2.0 / 225 + 196.0 / 225 + 12.0 / 225) / 18;
  double logs = (6 * log(5.0 / 6) + 5 * log(11.0 / 12) + log(1.0 / 12) + 2 * log(14.0 / 15) +
                 log(1.0 / 15) + 3 * log(13.0 / 15)) /
                18;
  expect(b, CONCERT_FORECASTER_BASE_RATE, CONCERT_TARGET_BLOCKER, 18, 12, 16.0 / 18, brier, logs);
  /* always: nobody blocks: 16/18, Brier 2/18. */
  expect(b, CONCERT_FORECASTER_ALWAYS, CONCERT_TARGET_BLOCKER, 18, 12, 16.0 / 18, 2.0 / 18,
         (16 * L99 + 2 * L01) / 18);
  /* previous: 2019 base rate 1/6 (six right, 6/36); 2020 as 2019 (all 0: C k wrong, 1);
   * 2021 k as 2020 k (0, 0, 1: all right); u3 base rate 2/15 (three right, 12/225). */
  brier = (6.0 / 36 + 1 + 12.0 / 225) / 18;
  logs = (6 * log(5.0 / 6) + 5 * L99 + L01 + 3 * L99 + 3 * log(13.0 / 15)) / 18;
  expect(b, CONCERT_FORECASTER_PREVIOUS, CONCERT_TARGET_BLOCKER, 18, 12, 17.0 / 18, brier, logs);
  concert_backtest_free(b);
  concert_record_free(r);
}
END_TEST

/* Calibration: concert's 0/1 forecasts fall in the first and last bins. p = 0: statements
 * 1 (2021 k: 1 one), signatories 3 (2021 k: 2 ones), blockers 17 (2020 k C: 1 one) = 21
 * with 4 ones; p = 1: statements 6 (3 ones), signatories 18 (9), blockers 1 (1) = 25 with
 * 13 ones. */
START_TEST(calibration_bins) {
  concert_record *r = load_mini();
  concert_backtest *b = run_mini(r, 1, 1);
  concert_backtest_bin lo = concert_backtest_calibration(b, 0),
                       hi = concert_backtest_calibration(b, CONCERT_BACKTEST_BINS - 1);
  ck_assert_uint_eq(lo.n, 21);
  ck_assert_double_eq_tol(lo.observed, 4.0 / 21, 1e-12);
  ck_assert_double_eq_tol(lo.forecast, 0, 1e-12);
  ck_assert_uint_eq(hi.n, 25);
  ck_assert_double_eq_tol(hi.observed, 13.0 / 25, 1e-12);
  ck_assert_double_eq_tol(hi.lo, 0.9, 1e-12);
  for (size_t k = 1; k + 1 < CONCERT_BACKTEST_BINS; k++)
    ck_assert_uint_eq(concert_backtest_calibration(b, k).n, 0);
  ck_assert(!concert_backtest_fitted(b));
  concert_backtest_free(b);
  concert_record_free(r);
}
END_TEST

/* The mini scenarios have no judgment ranges: a sweep gives the point run's probabilities
 * (every run plays the same numbers), at any thread count. */
START_TEST(sweep_matches_point) {
  concert_record *r = load_mini();
  concert_backtest *p = run_mini(r, 1, 1), *w = run_mini(r, 20, 1), *w2 = run_mini(r, 20, 2);
  ck_assert_uint_eq(concert_backtest_item_count(p), concert_backtest_item_count(w));
  for (size_t i = 0; i < concert_backtest_item_count(p); i++) {
    ck_assert_double_eq(concert_backtest_item_at(p, i)->p[0], concert_backtest_item_at(w, i)->p[0]);
    ck_assert_double_eq(concert_backtest_item_at(w2, i)->p[0],
                        concert_backtest_item_at(w, i)->p[0]);
  }
  for (size_t i = 0; i < concert_backtest_summit_count(p); i++)
    ck_assert_int_eq(concert_backtest_summit_at(p, i)->forecast,
                     concert_backtest_summit_at(w, i)->forecast);
  ck_assert_uint_eq(concert_backtest_runs(w), 20);
  concert_backtest_free(p);
  concert_backtest_free(w);
  concert_backtest_free(w2);
  concert_record_free(r);
}
END_TEST

/* A held-out fit is called once per summit with that summit held out. */
static concert_status count_fit(const concert_record *r, const concert_backtest_options *o,
                                size_t held_out, concert_params **protocol,
                                void *user, concert_diag *diag) {
  (void)r, (void)o, (void)diag;
  size_t *calls = user;
  calls[held_out]++;
  *protocol = NULL;
  return CONCERT_OK;
}

START_TEST(fit_hook_held_out) {
  concert_record *r = load_mini();
  size_t calls[5] = {0};
  concert_backtest_options o;
  concert_backtest_options_init(&o);
  o.fit = count_fit;
  o.fit_user = calls;
  concert_backtest *b = NULL;
  ck_assert_int_eq(concert_backtest_run(r, &o, &b, NULL), CONCERT_OK);
  for (int i = 0; i < 5; i++) ck_assert_uint_eq(calls[i], 1);
  ck_assert(concert_backtest_fitted(b));
  concert_backtest_free(b);
  concert_record_free(r);
}
END_TEST

/* Parses a summits table (and a statements table) over the mini record's directory; returns
 * the status and fills d. */
static const char *provenance; /* PROVENANCE.md text for parse (NULL: not checked) */

static concert_status parse(const char *summits, const char *statements, concert_diag *d) {
  concert_record *r = concert_i_record_new(MINI);
  if (provenance) r->provenance = strdup(provenance);
  concert_status st = concert_i_record_parse_summits(r, summits, strlen(summits), "summits.csv", d);
  if (!st && statements)
    st = concert_i_record_parse_statements(r, statements, strlen(statements), "statements.csv", d);
  concert_record_free(r);
  return st;
}

#define SH "id,forum_name,date,scenario,forum,fate,carved_out,left_early,absent,sources,note\n"
#define TH "summit,issue,statement,signatories,blockers,sources,note\n"
#define ROW "a,T3,2020-01-01,agree.yaml,T3,issued,,,,M1,\n"

static void refused(const char *summits, const char *statements, concert_status st,
                    const char *file, int line, int col, const char *path, const char *needle) {
  concert_diag d;
  concert_diag_clear(&d);
  ck_assert_int_eq(parse(summits, statements, &d), st);
  ck_assert_str_eq(d.file, file);
  ck_assert_int_eq(d.line, line);
  ck_assert_int_eq(d.column, col);
  ck_assert_str_eq(d.path, path);
  ck_assert_msg(strstr(d.message, needle), "message '%s' lacks '%s'", d.message, needle);
}

START_TEST(bad_records) {
  concert_diag d;
  ck_assert_int_eq(parse(SH ROW, TH "a,k,joint,all,,M1,\n", &d), CONCERT_OK);
  /* fate "adopted" at line 2, column 31 (after the 30 bytes "a,T3,2020-01-01,agree.yaml,T3,") */
  refused(SH "a,T3,2020-01-01,agree.yaml,T3,adopted,,,,M1,\n", NULL, CONCERT_ERR_INVALID,
          "summits.csv", 2, 31, "fate", "unknown fate 'adopted'");
  refused(SH "a,T3,2020-01-01,nowhere.yaml,T3,issued,,,,M1,\n", NULL, CONCERT_ERR_IO, "summits.csv",
          2, 17, "scenario", "nowhere.yaml");
  refused(SH "a,T3,2020-13-01,agree.yaml,T3,issued,,,,M1,\n", NULL, CONCERT_ERR_SYNTAX,
          "summits.csv", 2, 6, "date", "YYYY-MM-DD");
  refused(SH "a,T3,2020-01-01,agree.yaml,G7,issued,,,,M1,\n", NULL, CONCERT_ERR_UNKNOWN_ID,
          "summits.csv", 2, 28, "forum", "no forum 'G7'");
  refused(SH "a,T3,2020-01-01,agree.yaml,T3,issued,,,USA,M1,\n", NULL, CONCERT_ERR_UNKNOWN_ID,
          "summits.csv", 2, 40, "absent", "unknown actor 'USA'");
  refused(SH ROW ROW, NULL, CONCERT_ERR_DUPLICATE_ID, "summits.csv", 3, 1, "id",
          "already given on line 2");
  refused(SH "a,T3,2020-01-01,agree.yaml,T3,issued,C,,,M1,\n", NULL, CONCERT_ERR_INVALID,
          "summits.csv", 2, 38, "carved_out", "carved out");
  refused(SH ROW, TH "a,x,joint,all,,M1,\n", CONCERT_ERR_UNKNOWN_ID, "statements.csv", 2, 3,
          "issue", "unknown issue 'x'");
  refused(SH ROW, TH "b,k,joint,all,,M1,\n", CONCERT_ERR_UNKNOWN_ID, "statements.csv", 2, 1,
          "summit", "unknown summit 'b'");
  refused(SH ROW, TH "a,k,agreed,all,,M1,\n", CONCERT_ERR_INVALID, "statements.csv", 2, 5,
          "statement", "unknown statement 'agreed'");
  refused(SH ROW, TH "a,k,none,A,,M1,\n", CONCERT_ERR_INVALID, "statements.csv", 2, 10,
          "signatories", "'none'");
  refused(SH ROW, TH "a,k,joint,A;Z,,M1,\n", CONCERT_ERR_UNKNOWN_ID, "statements.csv", 2, 11,
          "signatories", "unknown actor 'Z'");
  refused(SH ROW, TH "a,k,none,,A;A,M1,\n", CONCERT_ERR_DUPLICATE_ID, "statements.csv", 2, 11,
          "blockers", "listed twice");
  refused(SH ROW, TH "a,k,none,,,,\n", CONCERT_ERR_SYNTAX, "statements.csv", 2, 12, "sources",
          "source ids");
  refused(SH ROW, "summit,issue\n", CONCERT_ERR_MISSING, "statements.csv", 1, 13, "statement",
          "header");
  /* every source id is listed in PROVENANCE.md (M2 is not here; "M1" inside text is not a
   * listing) */
  provenance = "# Sources\n| id | reference |\n|---|---|\n| M1 | a reference |\nsee M2\n";
  ck_assert_int_eq(parse(SH ROW, TH "a,k,joint,all,,M1,\n", &d), CONCERT_OK);
  refused(SH "a,T3,2020-01-01,agree.yaml,T3,issued,,,,M1;M2,\n", NULL, CONCERT_ERR_UNKNOWN_ID,
          "summits.csv", 2, 41, "sources", "source 'M2' is not listed in PROVENANCE.md");
  refused(SH ROW, TH "a,k,joint,all,,M2,\n", CONCERT_ERR_UNKNOWN_ID, "statements.csv", 2, 16,
          "sources", "source 'M2'");
  provenance = NULL;
}
END_TEST

/* An issue of the scenario that is not on the forum's agenda is refused when played. */
START_TEST(off_agenda_issue) {
  char dir[] = "/tmp/concert-backtest-XXXXXX";
  ck_assert_ptr_nonnull(mkdtemp(dir));
  char path[256], yaml[4096];
  FILE *in = fopen(MINI "/agree.yaml", "r");
  ck_assert_ptr_nonnull(in);
  size_t n = fread(yaml, 1, sizeof yaml - 1, in);
  fclose(in);
  yaml[n] = '\0';
  /* the same scenario with a third issue z that no forum puts on its agenda */
  char *issues = strstr(yaml, "actors:");
  ck_assert_ptr_nonnull(issues);
  snprintf(path, sizeof path, "%s/s.yaml", dir);
  FILE *out = fopen(path, "w");
  fprintf(out, "%.*s  - {id: z, title: Z, reversion: 0}\n%s", (int)(issues - yaml), yaml, issues);
  fclose(out);
  snprintf(path, sizeof path, "%s/summits.csv", dir);
  out = fopen(path, "w");
  fprintf(out, SH "a,T3,2020-01-01,s.yaml,T3,issued,,,,M1,\n");
  fclose(out);
  snprintf(path, sizeof path, "%s/statements.csv", dir);
  out = fopen(path, "w");
  fprintf(out, TH "a,k,joint,all,,M1,\na,z,none,,,M1,\n");
  fclose(out);
  char prov[256];
  snprintf(prov, sizeof prov, "%s/PROVENANCE.md", dir);
  out = fopen(prov, "w");
  fprintf(out, "| id | reference |\n|---|---|\n| M1 | test |\n");
  fclose(out);
  concert_record *r = NULL;
  concert_diag d;
  ck_assert_int_eq(concert_record_load(dir, &r, &d), CONCERT_OK);
  concert_backtest *b = NULL;
  ck_assert_int_eq(concert_backtest_run(r, NULL, &b, &d), CONCERT_ERR_UNKNOWN_ID);
  ck_assert_ptr_null(b);
  ck_assert_int_eq(d.line, 3);
  ck_assert_int_eq(d.column, 3);
  ck_assert_str_eq(d.path, "issue");
  ck_assert_msg(strstr(d.message, "not on the agenda"), "%s", d.message);
  concert_record_free(r);
  remove(path);
  snprintf(path, sizeof path, "%s/summits.csv", dir);
  remove(path);
  snprintf(path, sizeof path, "%s/s.yaml", dir);
  remove(path);
  remove(prov);
  remove(dir);
}
END_TEST

/* The keys of object o joined by ','. */
static const char *keys(json_t *o, char *buf, size_t size) {
  buf[0] = '\0';
  size_t len = 0;
  const char *k;
  json_t *v;
  json_object_foreach(o, k, v) {
    (void)v;
    int n = snprintf(buf + len, size - len, "%s%s", len ? "," : "", k);
    if (n < 0 || (size_t)n >= size - len) break;
    len += (size_t)n;
  }
  return buf;
}

/* concert-backtest/1: keys in the documented order (docs/json-schema.md) and the values of
 * the accessors; unknowns are null, never NaN. */
START_TEST(json_document) {
  concert_record *r = load_mini();
  concert_backtest *b = run_mini(r, 1, 1);
  char *text = NULL, buf[512];
  ck_assert_int_eq(concert_backtest_to_json(b, &text, NULL), CONCERT_OK);
  json_error_t err;
  json_t *j = json_loads(text, 0, &err);
  ck_assert_msg(j != NULL, "not JSON: %s", err.text);
  free(text);
  ck_assert_str_eq(keys(j, buf, sizeof buf),
                   "schema,record,runs,seed,fitted,fitting,log_eps,summits,items,scores,"
                   "calibration");
  ck_assert_str_eq(json_string_value(json_object_get(j, "schema")), "concert-backtest/1");
  ck_assert_str_eq(json_string_value(json_object_get(j, "fitting")),
                   "no parameter fitted on the record");
  json_t *s = json_array_get(json_object_get(j, "summits"), 2);
  ck_assert_str_eq(keys(s, buf, sizeof buf),
                   "id,forum_name,date,scenario,forum,forecast,p_forecast,observed,right,"
                   "p_observed,previous,previous_fallback,probabilities");
  ck_assert_str_eq(json_string_value(json_object_get(s, "forecast")), "forgone");
  ck_assert_str_eq(json_string_value(json_object_get(s, "observed")), "failed");
  ck_assert(json_is_false(json_object_get(s, "right")));
  ck_assert_str_eq(json_string_value(json_object_get(s, "previous")), "t3-2020");
  /* base rate of 'issued' for t3-2021: the other known fates issued, issued, forgone */
  json_t *p = json_object_get(json_object_get(s, "probabilities"), "base_rate");
  ck_assert_double_eq_tol(json_real_value(json_object_get(p, "issued")), 2.0 / 3, 1e-6);
  s = json_array_get(json_object_get(j, "summits"), 4);
  ck_assert(json_is_null(json_object_get(s, "observed")));
  ck_assert(json_is_null(json_object_get(s, "right")));
  ck_assert(json_is_null(json_object_get(s, "p_observed")));
  ck_assert_uint_eq(json_array_size(json_object_get(j, "items")), concert_backtest_item_count(b));
  json_t *it = json_array_get(json_object_get(j, "items"), 0);
  ck_assert_str_eq(keys(it, buf, sizeof buf),
                   "summit,target,issue,actor,observed,p,previous_fallback");
  ck_assert(json_is_null(json_object_get(it, "actor")));
  json_t *sc = json_array_get(json_object_get(j, "scores"), 0);
  ck_assert_str_eq(keys(sc, buf, sizeof buf),
                   "target,forecaster,n,unknown,accuracy,brier,log_score,fallbacks");
  ck_assert_double_eq_tol(json_real_value(json_object_get(sc, "brier")), 1.0, 1e-9);
  ck_assert_uint_eq(json_array_size(json_object_get(j, "scores")), 16);
  json_t *bin = json_array_get(json_object_get(j, "calibration"), 5);
  ck_assert(json_is_null(json_object_get(bin, "observed")));
  ck_assert_int_eq(json_integer_value(json_object_get(bin, "n")), 0);
  json_decref(j);
  concert_backtest_free(b);
  concert_record_free(r);
}
END_TEST

static Suite *suite(void) {
  Suite *s = suite_create("backtest");
  TCase *t = tcase_create("core");
  tcase_set_timeout(t, 120);
  tcase_add_test(t, record_loads);
  tcase_add_test(t, fate_scores);
  tcase_add_test(t, statement_scores);
  tcase_add_test(t, signatory_scores);
  tcase_add_test(t, blocker_scores);
  tcase_add_test(t, calibration_bins);
  tcase_add_test(t, sweep_matches_point);
  tcase_add_test(t, fit_hook_held_out);
  tcase_add_test(t, bad_records);
  tcase_add_test(t, off_agenda_issue);
  tcase_add_test(t, json_document);
  suite_add_tcase(s, t);
  return s;
}

int main(void) { return concert_test_run(suite()); }
