/* test_design.c: concert_design_run: a hand-computed ranking (4 candidates, forums of 2,
 * 2 issues; tests/data/design_tiny.yaml explains it), ties by enumeration order, the same
 * JSON at 1, 2 and 3 threads with a sweep per forum, and the refusals. */
#include <check.h>
#include <concert.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "check_main.h"

static const char tiny[] =
    "name: Tiny design\nsource: test\n"
    "issues:\n  - {id: k, title: K, reversion: 0}\n  - {id: m, title: M, reversion: 0}\n"
    "actors:\n"
    "  - {id: A, capability: 4, stances: {k: {position: 60, salience: 1}, m: {position: 60, salience: 1}}}\n"
    "  - {id: B, capability: 3, stances: {k: {position: 60, salience: 1}, m: {position: 60, salience: 1}}}\n"
    "  - {id: C, capability: 2, stances: {k: {position: {value: 40, low: 30, high: 70}, salience: 1, red_line: 45},"
    " m: {position: 60, salience: 1}}}\n"
    "  - {id: D, capability: 1, stances: {k: {position: 40, salience: 1, red_line: 45},"
    " m: {position: 40, salience: 1, red_line: {value: 45, low: 40, high: 70}}}}\n"
    "  - {id: E, capability: 1, stances: {k: {position: 50, salience: 1}}}\n"
    "forums:\n  - id: F\n    members: [A, B]\n    rule: unanimity\n"
    "    agenda:\n      - {session: s1, issues: [k, m]}\n"
    "protocol: {redraft: false}\n";

static concert_scenario *load(void) {
  concert_scenario *s = NULL;
  concert_diag d;
  concert_diag_clear(&d);
  ck_assert_msg(concert_scenario_load_string(tiny, strlen(tiny), "t.yaml", &s, &d) == CONCERT_OK,
                "%s", d.message);
  return s;
}

static const size_t abcd[4] = {0, 1, 2, 3};

START_TEST(hand_ranking) {
  concert_scenario *s = load();
  concert_design_options o;
  concert_design_options_init(&o);
  o.candidates = abcd, o.n_candidates = 4, o.size = 2;
  concert_design *d = NULL;
  concert_diag dg;
  concert_diag_clear(&dg);
  ck_assert_int_eq(concert_design_run(s, &o, &d, &dg), CONCERT_OK);
  ck_assert_uint_eq(concert_design_count(d), 6);
  ck_assert_int_eq(concert_design_year(d), 0); /* no world data: capability shares */
  /* agreed x capability share (of 10): AB 1 x .7, AC .5 x .6, BC .5 x .5, CD .5 x .3,
   * AD 0 x .5, BD 0 x .4 (ties at 0 by enumeration order: AD before BD) */
  static const size_t want[6][2] = {{0, 1}, {0, 2}, {1, 2}, {2, 3}, {0, 3}, {1, 3}};
  static const double score[6] = {0.7, 0.3, 0.25, 0.15, 0, 0};
  for (size_t r = 0; r < 6; r++) {
    const concert_design_forum *f = concert_design_ranked(d, r);
    ck_assert_uint_eq(f->members[0], want[r][0]);
    ck_assert_uint_eq(f->members[1], want[r][1]);
    ck_assert_double_eq_tol(f->score, score[r], 1e-12);
    ck_assert(isnan(f->score_se));
    ck_assert_uint_eq(f->chair, want[r][0]); /* the larger capability */
  }
  ck_assert_ptr_null(concert_design_ranked(d, 6));
  concert_design_free(d);
  concert_scenario_free(s);
}
END_TEST

START_TEST(threads_identical) {
  concert_scenario *s = load();
  char *ref = NULL;
  for (unsigned t = 1; t <= 3; t++) {
    concert_design_options o;
    concert_design_options_init(&o);
    o.candidates = abcd, o.n_candidates = 4, o.size = 2, o.runs = 200, o.seed = 7, o.threads = t;
    concert_design *d = NULL;
    concert_diag dg;
    concert_diag_clear(&dg);
    ck_assert_int_eq(concert_design_run(s, &o, &d, &dg), CONCERT_OK);
    char *json = NULL;
    ck_assert_int_eq(concert_design_to_json(d, 0, &json, &dg), CONCERT_OK);
    if (!ref) ref = json;
    else {
      ck_assert_str_eq(json, ref);
      free(json);
    }
    concert_design_free(d);
  }
  ck_assert_ptr_nonnull(strstr(ref, "\"score_se\""));
  free(ref);
  concert_scenario_free(s);
}
END_TEST

/* balance = agreed x evenness, evenness = (1 - H) / (1 - 1/K) on capability shares:
 * AB 4,3: H = 25/49, evenness 48/49; AC 4,2: H = 20/36, 32/36; AD 4,1: 17/25, 16/25;
 * BC 3,2: 13/25, 24/25; BD 3,1: 10/16, 12/16; CD 2,1: 5/9, 8/9. Agreed: AB 1, AC, BC, CD
 * 1/2, AD, BD 0. Scores: AB .980, BC .480, AC = CD .444 (AC first), AD, BD 0. */
START_TEST(balance_by_hand) {
  concert_scenario *s = load();
  concert_design_options o;
  concert_design_options_init(&o);
  o.candidates = abcd, o.n_candidates = 4, o.size = 2, o.objective = CONCERT_DESIGN_BALANCE;
  concert_design *d = NULL;
  concert_diag dg;
  concert_diag_clear(&dg);
  ck_assert_int_eq(concert_design_run(s, &o, &d, &dg), CONCERT_OK);
  static const size_t want[6][2] = {{0, 1}, {1, 2}, {0, 2}, {2, 3}, {0, 3}, {1, 3}};
  static const double even[6] = {48. / 49, 24. / 25, 32. / 36, 8. / 9, 16. / 25, 12. / 16};
  static const double agreed[6] = {1, .5, .5, .5, 0, 0};
  for (size_t r = 0; r < 6; r++) {
    const concert_design_forum *f = concert_design_ranked(d, r);
    ck_assert_uint_eq(f->members[0], want[r][0]);
    ck_assert_uint_eq(f->members[1], want[r][1]);
    ck_assert_double_eq_tol(f->evenness, even[r], 1e-12);
    ck_assert_double_eq_tol(f->score, agreed[r] * even[r], 1e-12);
  }
  concert_design_free(d);
  concert_scenario_free(s);
}
END_TEST

/* A search split into 3 parts whose values are OR-ed together ranks exactly as one part:
 * the same JSON, bit for bit (what `mpirun -np 3 concert design` does). A part is not
 * ranked before the merge. */
START_TEST(parts_merge_identical) {
  concert_scenario *s = load();
  concert_design_options o;
  concert_design_options_init(&o);
  o.candidates = abcd, o.n_candidates = 4, o.size = 2, o.runs = 100, o.seed = 3;
  concert_design *whole = NULL, *part[3] = {NULL};
  concert_diag dg;
  concert_diag_clear(&dg);
  ck_assert_int_eq(concert_design_run(s, &o, &whole, &dg), CONCERT_OK);
  o.parts = 3;
  for (size_t p = 0; p < 3; p++) {
    o.part = p;
    ck_assert_int_eq(concert_design_run(s, &o, &part[p], &dg), CONCERT_OK);
  }
  ck_assert_ptr_null(concert_design_ranked(part[0], 0));
  char *json = NULL;
  ck_assert_int_eq(concert_design_to_json(part[0], 0, &json, &dg), CONCERT_ERR_ARGUMENT);
  size_t n0, n1;
  uint64_t *v0 = concert_design_values(part[0], &n0);
  ck_assert_uint_eq(n0, 6 * 8);
  for (size_t p = 1; p < 3; p++) {
    uint64_t *v = concert_design_values(part[p], &n1);
    ck_assert_uint_eq(n1, n0);
    for (size_t i = 0; i < n0; i++) v0[i] |= v[i];
  }
  ck_assert_int_eq(concert_design_merge_values(part[0], &dg), CONCERT_OK);
  char *a = NULL, *b = NULL;
  ck_assert_int_eq(concert_design_to_json(whole, 0, &a, &dg), CONCERT_OK);
  ck_assert_int_eq(concert_design_to_json(part[0], 0, &b, &dg), CONCERT_OK);
  ck_assert_str_eq(a, b);
  free(a), free(b);
  for (size_t p = 0; p < 3; p++) concert_design_free(part[p]);
  concert_design_free(whole);
  concert_scenario_free(s);
}
END_TEST

START_TEST(refusals) {
  concert_scenario *s = load();
  concert_design_options o;
  concert_design_options_init(&o);
  concert_design *d = NULL;
  concert_diag dg;
  concert_diag_clear(&dg);
  o.candidates = abcd, o.n_candidates = 2, o.size = 3;
  ck_assert_int_eq(concert_design_run(s, &o, &d, &dg), CONCERT_ERR_ARGUMENT);
  ck_assert_ptr_null(d);
  static const size_t withe[3] = {0, 1, 4};
  o.candidates = withe, o.n_candidates = 3, o.size = 2;
  ck_assert_int_eq(concert_design_run(s, &o, &d, &dg), CONCERT_ERR_MISSING);
  ck_assert_ptr_nonnull(strstr(dg.message, "candidate E"));
  ck_assert_ptr_nonnull(strstr(dg.message, "issue m"));
  static const size_t twice[3] = {0, 1, 0};
  o.candidates = twice;
  ck_assert_int_eq(concert_design_run(s, &o, &d, &dg), CONCERT_ERR_ARGUMENT);
  static const size_t bad[2] = {0, 99};
  o.candidates = bad, o.n_candidates = 2;
  ck_assert_int_eq(concert_design_run(s, &o, &d, &dg), CONCERT_ERR_NOT_FOUND);
  concert_design_objective ob;
  ck_assert(concert_design_objective_find("communique", &ob) && ob == CONCERT_DESIGN_COMMUNIQUE);
  ck_assert(concert_design_objective_find("balance", &ob) && ob == CONCERT_DESIGN_BALANCE);
  ck_assert(!concert_design_objective_find("harmony", &ob));
  o.candidates = abcd, o.n_candidates = 4, o.size = 2, o.part = 2, o.parts = 2;
  ck_assert_int_eq(concert_design_run(s, &o, &d, &dg), CONCERT_ERR_ARGUMENT);
  concert_scenario_free(s);
}
END_TEST

int main(void) {
  Suite *s = suite_create("design");
  TCase *t = tcase_create("design");
  tcase_set_timeout(t, 120);
  tcase_add_test(t, hand_ranking);
  tcase_add_test(t, threads_identical);
  tcase_add_test(t, refusals);
  tcase_add_test(t, balance_by_hand);
  tcase_add_test(t, parts_merge_identical);
  suite_add_tcase(s, t);
  return concert_test_run(s);
}
