/* test_sensitivity.c: tipping points (docs/sensitivity.md) on small forums computed by hand:
 * a red line whose move past the text flips a statement, a salience at which a departed
 * leader's package gain changes sign, a forum where no number flips anything, and the
 * scenario left as it was. */
#include <check.h>
#include <concert.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_main.h"
#include "scenario_support.h"
#include "summit/engine_i.h"

static concert_sensitivity *sens(const concert_scenario *s, const char *proto) {
  concert_params *p = NULL;
  concert_diag d;
  concert_diag_clear(&d);
  if (proto) {
    p = concert_params_new();
    ck_assert_int_eq(concert_params_set_text(p, proto, &d), CONCERT_OK);
  }
  concert_sensitivity *x = NULL;
  concert_status st = concert_sensitivity_run(s, 0, NULL, NULL, p, &x, &d);
  ck_assert_msg(st == CONCERT_OK, "%s", d.message);
  concert_params_free(p);
  return x;
}

/* The statement headline on issue id (NULL if none). */
static const concert_headline *statement(const concert_sensitivity *x, const concert_scenario *s,
                                         const char *id) {
  for (size_t i = 0; i < concert_sensitivity_headline_count(x); i++) {
    const concert_headline *h = concert_sensitivity_headline(x, i);
    if (h->kind == CONCERT_HEADLINE_STATEMENT &&
        strcmp(concert_scenario_issue_id(s, h->issue), id) == 0)
      return h;
  }
  return NULL;
}

/* Issue a, reversion 0. A at 60, B at 20, equal capability and salience: the compromise
 * text is 40. B accepts texts up to |0 - 20| + 0 = 40 points from 20, i.e. up to 60, but
 * not beyond its red line 35 (range 30-45): the text 40 crosses it, no re-draft, so no
 * statement. Moving the red line up, B accepts 40 from 40 on: the flip point is 40, found
 * within 0.05; moving it down to 30 flips nothing. */
static const char *red =
    "name: red\nsource: test\nissues: [{id: a, title: A, reversion: 0}]\nactors:\n"
    "  - {id: A, capability: 1, stances: {a: {position: 60, salience: 1}}}\n"
    "  - {id: B, capability: 1, stances: {a: {position: 20, salience: 1,\n"
    "       red_line: {value: 35, low: 30, high: 45, source: \"judgment: test\"}}}}\n"
    "forums: [{id: F, members: [A, B], agenda: [{session: s, issues: [a]}]}]\n";

START_TEST(red_line_flips_at_the_text) {
  concert_scenario *s = load(red);
  concert_sensitivity *x = sens(s, "redraft=false");
  ck_assert_uint_eq(concert_sensitivity_range_count(x), 1);
  ck_assert_uint_eq(concert_sensitivity_headline_count(x), 3);
  const concert_headline *h = statement(x, s, "a");
  ck_assert_ptr_nonnull(h);
  ck_assert_int_eq(h->result.kind, CONCERT_STATEMENT_NONE);
  ck_assert_uint_eq(h->n_points, 1);
  ck_assert_uint_eq(h->n_no_flip, 1);
  const concert_tipping_point *p = &h->points[0];
  ck_assert_int_eq(p->field, CONCERT_HINGE_RED_LINE);
  ck_assert_str_eq(concert_scenario_actor_id(s, p->actor), "B");
  ck_assert_int_eq(p->direction, 1);
  ck_assert_double_eq_tol(p->value, 35, 1e-12);
  ck_assert_msg(p->at >= 40 - 1e-9 && p->at <= 40.05, "flip at %g", p->at);
  ck_assert_double_eq_tol(p->change, (p->at - 35) / 15, 1e-12);
  ck_assert(p->within);
  ck_assert_int_eq(p->result.kind, CONCERT_STATEMENT_JOINT);
  ck_assert_str_eq(concert_headline_result_words(h->kind, p->result), "joint statement");
  /* 1 play at the values, 2 at the ends, ceil(log2(10 / 0.05)) = 8 bisection steps for the
   * statement; the document (failed: nothing to endorse) flips too */
  ck_assert_uint_ge(concert_sensitivity_play_count(x), 11);
  /* the sheet, JSON and CSV say so */
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&buf, &len);
  ck_assert_int_eq(concert_sensitivity_write_text(x, f, 5), CONCERT_OK);
  fclose(f);
  ck_assert_msg(
      strstr(buf, "Statement on a: no statement\n  hinges on B red_line on a: 35.00 -> 40."), "%s",
      buf);
  free(buf);
  char *json = NULL;
  concert_diag d;
  ck_assert_int_eq(concert_sensitivity_to_json(x, &json, &d), CONCERT_OK);
  ck_assert_ptr_nonnull(strstr(json, "\"schema\": \"concert-sensitivity/1\""));
  ck_assert_ptr_nonnull(strstr(json, "\"field\": \"red_line\""));
  ck_assert_ptr_null(strstr(json, "nan"));
  free(json);
  buf = NULL;
  f = open_memstream(&buf, &len);
  ck_assert_int_eq(concert_sensitivity_write_csv(x, f), CONCERT_OK);
  fclose(f);
  ck_assert_ptr_nonnull(
      strstr(buf, "statement,a,no statement,1,B,false,red_line,a,35,30,45,up,"));
  free(buf);
  concert_sensitivity_free(x);
  concert_scenario_free(s);
}
END_TEST

/* As test_summit_hinges.c: C's leader leaves before session d2 and judges the whole package
 * with shares s_a / (s_a + .5): gain 60 s_a / (s_a + .5) - 12 / (s_a + .5), which changes sign
 * at s_a = .2 (range .1-.5, value .3). Below it the chair expects the package disowned, and
 * (with the point, the low end disowned, the high end issued: chance 2/3 > .5) forgoes it. */
static const char *gain =
    "name: hinges\nsource: test\nissues:\n  - {id: a, title: A, reversion: 0}\n  - {id: b, title: "
    "B, reversion: 50}\nactors:\n"
    "  - {id: A, capability: 1, stances: {a: {position: 60, salience: 1}, b: {position: 10, "
    "salience: 1}}}\n"
    "  - {id: B, capability: 1, stances: {a: {position: 60, salience: 1}, b: {position: 10, "
    "salience: 1}}}\n"
    "  - {id: C, capability: 1, stances: {a: {position: 60, salience: {value: 0.3, low: 0.1, high: "
    "0.5, source: \"judgment: test\"}},\n"
    "                                     b: {position: 90, salience: 0.5, tolerance: 40}}}\n"
    "forums:\n"
    "  - {id: G, members: [A, B, C], agenda: [{session: d1, issues: [a]}, {session: d2, issues: "
    "[b]}],\n"
    "     events: [{before_session: d2, leader_leaves: C}]}\n";

START_TEST(salience_where_the_gain_changes_sign) {
  concert_scenario *s = load(gain);
  concert_sensitivity *x = sens(s, NULL);
  const concert_headline *doc = concert_sensitivity_headline(x, 0);
  const concert_headline *exp = concert_sensitivity_headline(x, 1);
  ck_assert_int_eq(doc->kind, CONCERT_HEADLINE_DOCUMENT);
  ck_assert_int_eq(exp->kind, CONCERT_HEADLINE_DOCUMENT_EXPECTED);
  ck_assert_int_eq(doc->result.fate, CONCERT_DOCUMENT_ISSUED);
  ck_assert_int_eq(exp->result.fate, CONCERT_DOCUMENT_ISSUED);
  ck_assert_uint_eq(exp->n_points, 1);
  ck_assert_int_eq(exp->points[0].field, CONCERT_HINGE_SALIENCE);
  ck_assert_int_eq(exp->points[0].direction, -1);
  ck_assert_msg(exp->points[0].at >= 0.199 && exp->points[0].at <= 0.2 + 1e-12, "at %g",
                exp->points[0].at);
  ck_assert_int_eq(exp->points[0].result.fate, CONCERT_DOCUMENT_DISOWNED);
  ck_assert_double_eq_tol(exp->points[0].change, (0.3 - exp->points[0].at) / 0.4, 1e-12);
  ck_assert_uint_eq(doc->n_points, 1);
  ck_assert_msg(doc->points[0].at >= 0.199 && doc->points[0].at <= 0.2 + 1e-12, "at %g",
                doc->points[0].at);
  ck_assert_int_eq(doc->points[0].result.fate, CONCERT_DOCUMENT_FORGONE);
  ck_assert_ptr_null(concert_sensitivity_headline(x, concert_sensitivity_headline_count(x)));
  concert_sensitivity_free(x);
  concert_scenario_free(s);
}
END_TEST

/* A and B at 60 (ranges 50-70), reversion 0: every text from 0 to 100 is within 60 points
 * of both, so no number flips the statement or the communique; the scenario stays as it was
 * (the summit gives the same text before and after). */
START_TEST(nothing_flips) {
  const char *t =
      "name: calm\nsource: test\nissues: [{id: a, title: A, reversion: 0}]\nactors:\n"
      "  - {id: A, capability: {value: 1, low: 0.5, high: 2, source: \"judgment: t\"}, stances: "
      "{a: {position: {value: 60, low: 50, high: 70, source: \"judgment: t\"}, salience: {value: "
      "0.5, low: 0.2, high: 1, source: \"judgment: t\"}}}}\n"
      "  - {id: B, capability: 1, stances: {a: {position: {value: 60, low: 50, high: 70, source: "
      "\"judgment: t\"}, salience: 1}}}\n"
      "forums: [{id: F, members: [A, B], agenda: [{session: s, issues: [a]}]}]\n";
  concert_scenario *s = load(t);
  concert_outcome *before = NULL, *after = NULL;
  concert_diag d;
  ck_assert_int_eq(concert_summit_run(s, 0, NULL, NULL, NULL, &before, &d), CONCERT_OK);
  concert_sensitivity *x = sens(s, NULL);
  ck_assert_int_eq(concert_summit_run(s, 0, NULL, NULL, NULL, &after, &d), CONCERT_OK);
  ck_assert_double_eq(concert_outcome_issue(before, 0)->text,
                      concert_outcome_issue(after, 0)->text);
  ck_assert_uint_eq(concert_sensitivity_range_count(x), 4);
  for (size_t i = 0; i < concert_sensitivity_headline_count(x); i++) {
    const concert_headline *h = concert_sensitivity_headline(x, i);
    ck_assert_uint_eq(h->n_points, 0);
    ck_assert_uint_eq(h->n_no_flip, 8);
  }
  /* 1 play at the values and 2 per range, no bisection */
  ck_assert_uint_eq(concert_sensitivity_play_count(x), 9);
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&buf, &len);
  ck_assert_int_eq(concert_sensitivity_write_text(x, f, 0), CONCERT_OK);
  fclose(f);
  ck_assert_ptr_nonnull(
      strstr(buf, "hinges on nothing: no single number flips it within its range"));
  free(buf);
  concert_outcome_free(before);
  concert_outcome_free(after);
  concert_sensitivity_free(x);
  concert_scenario_free(s);
}
END_TEST

/* Bad arguments: an unknown forum index, NULL pointers. */
START_TEST(bad_arguments) {
  concert_scenario *s = load(red);
  concert_sensitivity *x = NULL;
  concert_diag d;
  concert_diag_clear(&d);
  ck_assert_int_eq(concert_sensitivity_run(s, 5, NULL, NULL, NULL, &x, &d), CONCERT_ERR_NOT_FOUND);
  ck_assert_ptr_null(x);
  ck_assert_int_eq(concert_sensitivity_run(NULL, 0, NULL, NULL, NULL, &x, &d),
                   CONCERT_ERR_ARGUMENT);
  ck_assert_uint_eq(concert_sensitivity_headline_count(NULL), 0);
  concert_sensitivity_free(NULL);
  concert_scenario_free(s);
}
END_TEST

/* The bisection alone, on results given by intervals: result 1 on [lo1, hi1] and [lo2, hi2],
 * 0 elsewhere. */
typedef struct bands {
  double lo1, hi1, lo2, hi2;
  size_t calls;
} bands;

static concert_status band_probe(void *user, double v, int *result) {
  bands *b = user;
  b->calls++;
  *result = (v >= b->lo1 && v <= b->hi1) || (v >= b->lo2 && v <= b->hi2);
  return CONCERT_OK;
}

START_TEST(bisection_monotone_and_not) {
  double at;
  int r;
  size_t n = 0;
  /* one step at 40 between 35 and 45: within 0.05 above it, in ceil(log2(10 / .05)) = 8 probes */
  bands b = {40, 100, 200, 200, 0};
  ck_assert_int_eq(concert_i_bisect(35, 45, 0, 1, 0.05, band_probe, &b, &at, &r, &n), CONCERT_OK);
  ck_assert_msg(at >= 40 && at <= 40.05, "at %g", at);
  ck_assert_int_eq(r, 1);
  ck_assert_uint_eq(n, 8);
  ck_assert_uint_eq(b.calls, 8);
  /* downward: the step at 40 approached from 45 toward 35 (result 1 below 40) */
  b = (bands){0, 40, 200, 200, 0};
  ck_assert_int_eq(concert_i_bisect(45, 35, 0, 1, 0.05, band_probe, &b, &at, &r, NULL), CONCERT_OK);
  ck_assert_msg(at <= 40 && at >= 39.95, "at %g", at);
  /* non-monotone: the result differs on [10, 12] and on [30, 50]; from 0 toward 50 the first
   * midpoint (25) gives the base result, so bisection finds the flip at 30, not the nearer 10 */
  b = (bands){10, 12, 30, 50, 0};
  ck_assert_int_eq(concert_i_bisect(0, 50, 0, 1, 0.05, band_probe, &b, &at, &r, NULL), CONCERT_OK);
  ck_assert_msg(at >= 30 && at <= 30.05, "at %g", at);
  /* already within the tolerance: no probe, the end itself */
  b = (bands){0, 100, 200, 200, 0};
  n = 0;
  ck_assert_int_eq(concert_i_bisect(1, 1.04, 0, 1, 0.05, band_probe, &b, &at, &r, &n), CONCERT_OK);
  ck_assert_double_eq(at, 1.04);
  ck_assert_uint_eq(n, 0);
  ck_assert_double_eq(concert_i_bisect_tol(CONCERT_HINGE_SALIENCE), 0.001);
  ck_assert_double_eq(concert_i_bisect_tol(CONCERT_HINGE_CAPABILITY), 0.01);
  ck_assert_double_eq(concert_i_bisect_tol(CONCERT_HINGE_RED_LINE), 0.05);
}
END_TEST

int main(void) {
  Suite *s = suite_create("sensitivity");
  TCase *t = tcase_create("tipping points");
  tcase_add_test(t, red_line_flips_at_the_text);
  tcase_add_test(t, salience_where_the_gain_changes_sign);
  tcase_add_test(t, nothing_flips);
  tcase_add_test(t, bad_arguments);
  tcase_add_test(t, bisection_monotone_and_not);
  suite_add_tcase(s, t);
  return concert_test_run(s);
}
