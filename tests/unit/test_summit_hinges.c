/* test_summit_hinges.c: the inputs a document's expected fate hinges on (docs/protocol.md,
 * forgo): each judgment range taken to one end, the rest at their values; an end at which
 * the chair expects another fate is a hinge, reported in the outcome, the sheet and JSON. */
#include <check.h>
#include <concert.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "check_main.h"

/* A leader leaves, the delegation stays (as in test_summit_package.c, forum G). Issue a
 * (session d1, r 0): all at 60; C's salience 0.3, judged 0.1-0.5. Issue b (session d2,
 * r 50): A, B 10 (s 1), C 90 (s .5, tolerance 40): text 26, signed by all. C's leader judges
 * the whole package with shares s_a / (s_a + .5):
 *   s_a = .3: +60 x .375 - 24 x .625 = +7.5: issued (the point value);
 *   s_a = .1: +60 x 1/6 - 24 x 5/6 = -10: disowned, so this end is a hinge;
 *   s_a = .5: +60 x .5 - 24 x .5 = +18: issued, no hinge.
 * 3 evaluations, 1 failing: chance 1/3, under forgo_above .5. The gain 60 s_a - 12 changes
 * sign at s_a = .2: the hinge's flip point, found by bisection to 0.001. */
static const char *text =
    "name: hinges\nsource: test\nissues:\n  - {id: a, title: A, reversion: 0}\n  - {id: b, title: B, reversion: 50}\nactors:\n"
    "  - {id: A, capability: 1, stances: {a: {position: 60, salience: 1}, b: {position: 10, salience: 1}}}\n"
    "  - {id: B, capability: 1, stances: {a: {position: 60, salience: 1}, b: {position: 10, salience: 1}}}\n"
    "  - {id: C, capability: 1, stances: {a: {position: 60, salience: {value: 0.3, low: 0.1, high: 0.5, source: \"judgment: test\"}},\n"
    "                                     b: {position: 90, salience: 0.5, tolerance: 40}}}\n"
    "forums:\n"
    "  - {id: G, members: [A, B, C], agenda: [{session: d1, issues: [a]}, {session: d2, issues: [b]}],\n"
    "     events: [{before_session: d2, leader_leaves: C}]}\n";

static concert_outcome *play(concert_scenario **s, const char *yaml) {
  concert_diag d;
  concert_diag_clear(&d);
  ck_assert_int_eq(concert_scenario_load_string(yaml, strlen(yaml), "t.yaml", s, &d), CONCERT_OK);
  concert_outcome *o = NULL;
  ck_assert_int_eq(concert_summit_run(*s, 0, NULL, NULL, NULL, &o, &d), CONCERT_OK);
  return o;
}

START_TEST(one_end_flips_the_fate) {
  concert_scenario *s = NULL;
  concert_outcome *o = play(&s, text);
  concert_communique c = concert_outcome_communique(o);
  ck_assert_int_eq(c.fate, CONCERT_DOCUMENT_ISSUED);
  ck_assert_uint_eq(c.n_evaluations, 3);
  ck_assert_double_eq_tol(c.expected_chance, 1.0 / 3.0, 1e-12);
  ck_assert_uint_eq(concert_outcome_document_hinge_count(o), 1);
  const concert_document_hinge *h = concert_outcome_document_hinge(o, 0);
  ck_assert_int_eq(h->field, CONCERT_HINGE_SALIENCE);
  ck_assert_str_eq(concert_scenario_actor_id(s, h->actor), "C");
  ck_assert_str_eq(concert_scenario_issue_id(s, h->issue), "a");
  ck_assert_double_eq_tol(h->value, 0.3, 1e-12);
  ck_assert(h->at >= 0.199 && h->at <= 0.2 + 1e-12);
  ck_assert_int_eq(h->fate, CONCERT_DOCUMENT_DISOWNED);
  ck_assert_ptr_null(concert_outcome_document_hinge(o, 1));
  ck_assert_str_eq(concert_hinge_field_name(CONCERT_HINGE_SALIENCE), "salience");
  /* the sheet and the JSON say so */
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&buf, &len);
  ck_assert_int_eq(concert_outcome_write_text(o, f), CONCERT_OK);
  fclose(f);
  ck_assert_ptr_nonnull(strstr(buf, "hinges on 1 range end"));
  ck_assert_ptr_nonnull(strstr(buf, "C salience on a 0.30 -> 0.20: issued, then disowned"));
  free(buf);
  char *json = NULL;
  concert_diag d;
  ck_assert_int_eq(concert_outcome_to_json(o, &json, &d), CONCERT_OK);
  ck_assert_ptr_nonnull(strstr(json, "\"field\": \"salience\""));
  ck_assert_ptr_nonnull(strstr(json, "\"fate\": \"disowned\""));
  free(json);
  concert_outcome_free(o);
  concert_scenario_free(s);
}
END_TEST

/* Point values only: one evaluation, no hinge, and the sheet says that nothing single
 * changes the expected fate. */
START_TEST(no_range_no_hinge) {
  const char *point = "name: p\nsource: test\nissues: [{id: a, title: A, reversion: 0}]\nactors:\n"
                      "  - {id: A, capability: 1, stances: {a: {position: 60, salience: 1}}}\n"
                      "  - {id: B, capability: 1, stances: {a: {position: 80, salience: 1}}}\n"
                      "forums: [{id: F, members: [A, B], agenda: [{session: s, issues: [a]}]}]\n";
  concert_scenario *s = NULL;
  concert_outcome *o = play(&s, point);
  ck_assert_uint_eq(concert_outcome_communique(o).n_evaluations, 1);
  ck_assert_uint_eq(concert_outcome_document_hinge_count(o), 0);
  ck_assert_ptr_null(concert_outcome_document_hinge(o, 0));
  ck_assert_uint_eq(concert_outcome_document_hinge_count(NULL), 0);
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&buf, &len);
  ck_assert_int_eq(concert_outcome_write_text(o, f), CONCERT_OK);
  fclose(f);
  ck_assert_ptr_nonnull(strstr(buf, "no single judgment range, taken to either end, changes the expected fate"));
  free(buf);
  concert_outcome_free(o);
  concert_scenario_free(s);
}
END_TEST

int main(void) {
  Suite *s = suite_create("summit hinges");
  TCase *t = tcase_create("document hinges");
  tcase_add_test(t, one_end_flips_the_fate);
  tcase_add_test(t, no_range_no_hinge);
  suite_add_tcase(s, t);
  return concert_test_run(s);
}
