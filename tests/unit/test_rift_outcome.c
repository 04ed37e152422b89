/* test_rift_outcome.c: the rift index of simulated summits (docs/rift-index.md) against
 * values computed by hand, and the Kananaskis scenario showing all six flags. */
#include <check.h>
#include <concert.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "check_main.h"

/* Two members, compromise model, equal capability.
 * s (core-security, r 50): A 60 (1), B 80 (1) -> text 70, both accept: joint statement;
 *   sigma = 10 -> component 3 = 10/50 = 0.2 (no flag).
 * t (trade, r 50): A 20 (.5), B 80 (.5) -> 50 = r: nothing new, no statement;
 *   pairwise distance 60 -> component 4 = 0.6 (flag).
 * m (membership, r 0): A 0 (.2), B 40 (.8) -> 32, A refuses, re-draft collapses to 0:
 *   no statement; sigma = sqrt(.2*32^2 + .8*8^2) = 16 -> component 6 = 0.32 (flag).
 * (2) two of three issues without a joint statement: 2/3.
 * (1) the package (docs/protocol.md): s kept at 70, t restates 50, m dropped (only the
 *   reversion point is common to A and B, and one dissenter of two cannot be carved
 *   out); A gains 0, B gains: issued -> 0.
 * (5) salience orders A (1, .5, .2), B (1, .5, .8): pair (t, m) discordant -> 1/3. */
static const char *two =
    "name: rift\nsource: test\nissues:\n"
    "  - {id: s, title: S, reversion: 50, tags: [core-security]}\n"
    "  - {id: t, title: T, reversion: 50, tags: [trade]}\n"
    "  - {id: m, title: M, reversion: 0, tags: [membership]}\n"
    "actors:\n"
    "  - {id: A, capability: 1, stances: {s: {position: 60, salience: 1}, t: {position: 20, salience: 0.5}, m: {position: 0, salience: 0.2}}}\n"
    "  - {id: B, capability: 1, stances: {s: {position: 80, salience: 1}, t: {position: 80, salience: 0.5}, m: {position: 40, salience: 0.8}}}\n"
    "forums:\n"
    "  - {id: F, members: [A, B], agenda: [{session: d1, issues: [s, t, m]}]}\n"
    "  - {id: D, members: [A, B], agenda: [{session: d1, issues: [s, t, m]}],\n"
    "     events: [{before_session: d1, dispute: {kind: trade, actors: [A, B]}}]}\n";

static void rift_of(const char *text, size_t forum, concert_rift *r) {
  concert_scenario *s = NULL;
  concert_diag d;
  concert_diag_clear(&d);
  ck_assert_msg(concert_scenario_load_string(text, strlen(text), "t.yaml", &s, &d) == CONCERT_OK, "%s", d.message);
  concert_outcome *o = NULL;
  ck_assert_int_eq(concert_summit_run(s, forum, NULL, NULL, NULL, &o, &d), CONCERT_OK);
  ck_assert_int_eq(concert_rift_from_outcome(o, r, &d), CONCERT_OK);
  concert_outcome_free(o);
  concert_scenario_free(s);
}

START_TEST(hand_computed_components) {
  concert_rift r;
  rift_of(two, 0, &r);
  ck_assert_double_eq_tol(r.value[CONCERT_RIFT_NO_COMMUNIQUE], 0.0, 1e-12);
  ck_assert_double_eq_tol(r.value[CONCERT_RIFT_MISSING_STATEMENTS], 2.0 / 3.0, 1e-12);
  ck_assert_double_eq_tol(r.value[CONCERT_RIFT_NO_UNIFIED_STANCE], 0.2, 1e-12);
  ck_assert_double_eq_tol(r.value[CONCERT_RIFT_TRADE], 0.6, 1e-12);
  ck_assert_double_eq_tol(r.value[CONCERT_RIFT_AGENDA], 1.0 / 3.0, 1e-12);
  ck_assert_double_eq_tol(r.value[CONCERT_RIFT_ROLE], 0.32, 1e-12);
  ck_assert_int_eq(r.flag[CONCERT_RIFT_NO_COMMUNIQUE], CONCERT_TRI_NO);
  ck_assert_int_eq(r.flag[CONCERT_RIFT_NO_UNIFIED_STANCE], CONCERT_TRI_NO);
  ck_assert_int_eq(r.flag[CONCERT_RIFT_TRADE], CONCERT_TRI_YES);
  ck_assert_int_eq(r.flag[CONCERT_RIFT_AGENDA], CONCERT_TRI_YES);
  ck_assert_int_eq(r.flag[CONCERT_RIFT_ROLE], CONCERT_TRI_YES);
  ck_assert(concert_rift_valid(&r));
  /* a recorded trade dispute sets the trade component to 1 */
  rift_of(two, 1, &r);
  ck_assert_double_eq(r.value[CONCERT_RIFT_TRADE], 1.0);
}
END_TEST

/* A unanimous forum of identical actors: no rift at all. */
START_TEST(identical_actors_no_rift) {
  const char *text =
      "name: calm\nsource: test\nissues:\n"
      "  - {id: s, title: S, reversion: 0, tags: [core-security]}\n  - {id: t, title: T, reversion: 0, tags: [trade]}\n"
      "actors:\n"
      "  - {id: A, capability: 1, stances: {s: {position: 70, salience: 0.5}, t: {position: 60, salience: 0.4}}}\n"
      "  - {id: B, capability: 3, stances: {s: {position: 70, salience: 0.5}, t: {position: 60, salience: 0.4}}}\n"
      "forums: [{id: F, members: [A, B], agenda: [{session: d, issues: [s, t]}]}]\n";
  concert_rift r;
  rift_of(text, 0, &r);
  for (int k = 0; k < CONCERT_RIFT_N; k++) {
    ck_assert_double_eq_tol(r.value[k], 0.0, 1e-12);
    ck_assert_int_eq(r.flag[k], CONCERT_TRI_NO);
  }
}
END_TEST

/* Kananaskis under its old coding: every component but the communique is flagged. The
 * negotiated package carves the US out of the Ukraine, China and climate paragraphs and
 * issues the communique (the lead re-codes the scenario by the codebook afterwards). */
START_TEST(kananaskis_all_flags) {
  concert_scenario *s = NULL;
  concert_diag d;
  concert_diag_clear(&d);
  ck_assert_int_eq(concert_scenario_load_file(CONCERT_SRCDIR "/scenarios/g7-kananaskis-2025.yaml", &s, &d), CONCERT_OK);
  concert_outcome *o = NULL;
  ck_assert_int_eq(concert_summit_run(s, 0, NULL, NULL, NULL, &o, &d), CONCERT_OK);
  concert_rift r;
  ck_assert_int_eq(concert_rift_from_outcome(o, &r, &d), CONCERT_OK);
  ck_assert_int_eq(r.flag[CONCERT_RIFT_NO_COMMUNIQUE], CONCERT_TRI_NO);
  for (int k = 1; k < CONCERT_RIFT_N; k++)
    ck_assert_msg(r.flag[k] == CONCERT_TRI_YES, "component %s not flagged (%g)",
                  concert_rift_component_id((concert_rift_component)k), r.value[k]);
  concert_outcome_free(o);
  concert_scenario_free(s);
}
END_TEST

int main(void) {
  Suite *s = suite_create("rift (simulated)");
  TCase *t = tcase_create("outcome");
  tcase_add_test(t, hand_computed_components);
  tcase_add_test(t, identical_actors_no_rift);
  tcase_add_test(t, kananaskis_all_flags);
  suite_add_tcase(s, t);
  return concert_test_run(s);
}
