/* test_agenda.c: a forum's agenda in order (concert_forum_agenda_count/_issue), which is the
 * issue order of concert_forum_solve and of a played summit (what `concert solve` prints). */
#include <check.h>
#include <concert.h>
#include <stdint.h>
#include <string.h>

#include "check_main.h"
#include "scenario_support.h"

/* Issues declared a, b, c, d; the agenda plays them c, a (session one), then d (two); b is
 * not on the agenda. So agenda order differs from declaration order. */
static const char text[] =
    "name: Agenda order\nsource: test\n"
    "issues:\n  - {id: a, title: A, reversion: 0}\n  - {id: b, title: B, reversion: 0}\n"
    "  - {id: c, title: C, reversion: 0}\n  - {id: d, title: D, reversion: 0}\n"
    "actors:\n"
    "  - {id: X, capability: 2, stances: {a: {position: 60, salience: 1}, b: {position: 10, salience: 1},"
    " c: {position: 30, salience: 1}, d: {position: 80, salience: 1}}}\n"
    "  - {id: Y, capability: 1, stances: {a: {position: 40, salience: 1}, b: {position: 20, salience: 1},"
    " c: {position: 70, salience: 1}, d: {position: 20, salience: 1}}}\n"
    "forums:\n  - id: F\n    members: [X, Y]\n    rule: unanimity\n"
    "    agenda:\n      - {session: one, issues: [c, a]}\n      - {session: two, issues: [d]}\n";

START_TEST(agenda_in_session_order) {
  concert_scenario *s = load(text);
  ck_assert_uint_eq(concert_forum_agenda_count(s, 0), 3);
  const char *want[] = {"c", "a", "d"};
  for (size_t k = 0; k < 3; k++)
    ck_assert_str_eq(concert_scenario_issue_id(s, concert_forum_agenda_issue(s, 0, k)), want[k]);
  ck_assert_uint_eq(concert_forum_agenda_issue(s, 0, 3), SIZE_MAX);
  ck_assert_uint_eq(concert_forum_agenda_issue(s, 1, 0), SIZE_MAX);
  ck_assert_uint_eq(concert_forum_agenda_count(s, 1), 0);
  ck_assert_uint_eq(concert_forum_agenda_count(NULL, 0), 0);
  concert_scenario_free(s);
}
END_TEST

/* The solution's issue k is the agenda's issue k, and so is the played summit's: what lets
 * `concert solve` name the issues without playing a summit. */
START_TEST(solution_and_summit_follow_the_agenda) {
  concert_scenario *s = load(text);
  concert_solution *sol = NULL;
  concert_diag d;
  concert_diag_clear(&d);
  ck_assert_int_eq(concert_forum_solve(s, 0, NULL, NULL, &sol, &d), CONCERT_OK);
  ck_assert_uint_eq(concert_solution_issues(sol), concert_forum_agenda_count(s, 0));
  concert_outcome *o = run(s, "F", NULL);
  ck_assert_uint_eq(concert_outcome_issue_count(o), concert_forum_agenda_count(s, 0));
  for (size_t k = 0; k < concert_forum_agenda_count(s, 0); k++)
    ck_assert_uint_eq(concert_outcome_issue(o, k)->issue, concert_forum_agenda_issue(s, 0, k));
  concert_outcome_free(o);
  concert_solution_free(sol);
  concert_scenario_free(s);
}
END_TEST

int main(void) {
  Suite *s = suite_create("agenda");
  TCase *t = tcase_create("order");
  tcase_add_test(t, agenda_in_session_order);
  tcase_add_test(t, solution_and_summit_follow_the_agenda);
  suite_add_tcase(s, t);
  return concert_test_run(s);
}
