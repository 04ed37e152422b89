/* test_rift_outcome.c: the rift index of simulated summits (docs/rift-index.md) against
 * values computed by hand: every component measured, none entered (dispute events set
 * nothing); one member against the others on trade; forums of different make-up give
 * different components; the Kananaskis scenario's measured flags. */
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
 *   A against the others' mean 80: .5 * 60 = 30 (B likewise) -> component 4 = 0.3 (flag).
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
  ck_assert_double_eq_tol(r.value[CONCERT_RIFT_TRADE], 0.3, 1e-12);
  ck_assert_double_eq_tol(r.value[CONCERT_RIFT_AGENDA], 1.0 / 3.0, 1e-12);
  ck_assert_double_eq_tol(r.value[CONCERT_RIFT_ROLE], 0.32, 1e-12);
  ck_assert_int_eq(r.flag[CONCERT_RIFT_NO_COMMUNIQUE], CONCERT_TRI_NO);
  ck_assert_int_eq(r.flag[CONCERT_RIFT_NO_UNIFIED_STANCE], CONCERT_TRI_NO);
  ck_assert_int_eq(r.flag[CONCERT_RIFT_TRADE], CONCERT_TRI_YES);
  ck_assert_int_eq(r.flag[CONCERT_RIFT_AGENDA], CONCERT_TRI_YES);
  ck_assert_int_eq(r.flag[CONCERT_RIFT_ROLE], CONCERT_TRI_YES);
  ck_assert(concert_rift_valid(&r));
  /* a recorded dispute event (forum D) is not an input of the index: the same values */
  concert_rift same;
  rift_of(two, 1, &same);
  for (int k = 0; k < CONCERT_RIFT_N; k++) {
    ck_assert_double_eq_tol(same.value[k], r.value[k], 1e-12);
    ck_assert_int_eq(same.flag[k], r.flag[k]);
  }
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

/* Eight members, one of them (U) against all the others on trade, and five members without
 * it (the others' first five). All saliences on t are .5 except U's .9.
 * t (trade): U 15; A 65, B 70, C 75, D 80, E 85, F 75, G 75.
 *   eight: the others' mean is 525/7 = 75, U's distance .9 * 60 = 54 -> 0.54 (flag). No
 *   one else comes near (E at 85: others' mean 233.5/3.9 = 59.87, .5 * 25.13 = 12.6). The
 *   old mean pairwise distance was 0.243, under the flag: the complaint.
 *   five: A at 65 against 77.5 and E at 85 against 72.5, each .5 * 12.5 -> 0.0625 (no flag).
 * m (membership, r 0, all saliences .2): U 80, the others 0.
 *   eight: mean 10, sigma = sqrt((70^2 + 7 * 10^2) / 8) = sqrt(700) -> sqrt(700) / 50 = 0.529.
 *   five: all at 0 -> 0.
 * c (untagged, r 50): U 30 (.1), the others 60 (.8).
 *   Salience orders: U t > m > c, the others c > t > m: U discords with each of them on
 *   (t, c) and (m, c), 2 of 3 issue pairs; the others agree.
 *   eight: 7 pairs of 28 at 2/3 -> 7 * (2/3) / 28 = 1/6; five: 0. */
static const char *eight =
    "name: one against the others\nsource: test\nissues:\n"
    "  - {id: t, title: T, reversion: 50, tags: [trade]}\n"
    "  - {id: m, title: M, reversion: 0, tags: [membership]}\n"
    "  - {id: c, title: C, reversion: 50}\n"
    "actors:\n"
    "  - {id: U, capability: 1, stances: {t: {position: 15, salience: 0.9}, m: {position: 80, salience: 0.2}, c: {position: 30, salience: 0.1}}}\n"
    "  - {id: A, capability: 1, stances: {t: {position: 65, salience: 0.5}, m: {position: 0, salience: 0.2}, c: {position: 60, salience: 0.8}}}\n"
    "  - {id: B, capability: 1, stances: {t: {position: 70, salience: 0.5}, m: {position: 0, salience: 0.2}, c: {position: 60, salience: 0.8}}}\n"
    "  - {id: C, capability: 1, stances: {t: {position: 75, salience: 0.5}, m: {position: 0, salience: 0.2}, c: {position: 60, salience: 0.8}}}\n"
    "  - {id: D, capability: 1, stances: {t: {position: 80, salience: 0.5}, m: {position: 0, salience: 0.2}, c: {position: 60, salience: 0.8}}}\n"
    "  - {id: E, capability: 1, stances: {t: {position: 85, salience: 0.5}, m: {position: 0, salience: 0.2}, c: {position: 60, salience: 0.8}}}\n"
    "  - {id: F, capability: 1, stances: {t: {position: 75, salience: 0.5}, m: {position: 0, salience: 0.2}, c: {position: 60, salience: 0.8}}}\n"
    "  - {id: G, capability: 1, stances: {t: {position: 75, salience: 0.5}, m: {position: 0, salience: 0.2}, c: {position: 60, salience: 0.8}}}\n"
    "forums:\n"
    "  - {id: eight, members: [U, A, B, C, D, E, F, G], agenda: [{session: d1, issues: [t, m, c]}]}\n"
    "  - {id: five, members: [A, B, C, D, E], agenda: [{session: d1, issues: [t, m, c]}]}\n";

START_TEST(one_against_the_others) {
  concert_rift r8, r5;
  rift_of(eight, 0, &r8);
  rift_of(eight, 1, &r5);
  ck_assert_double_eq_tol(r8.value[CONCERT_RIFT_TRADE], 0.54, 1e-12);
  ck_assert_int_eq(r8.flag[CONCERT_RIFT_TRADE], CONCERT_TRI_YES);
  ck_assert_double_eq_tol(r5.value[CONCERT_RIFT_TRADE], 0.0625, 1e-12);
  ck_assert_int_eq(r5.flag[CONCERT_RIFT_TRADE], CONCERT_TRI_NO);
  ck_assert_double_eq_tol(r8.value[CONCERT_RIFT_ROLE], sqrt(700) / 50, 1e-9);
  ck_assert_int_eq(r8.flag[CONCERT_RIFT_ROLE], CONCERT_TRI_YES);
  ck_assert_double_eq_tol(r5.value[CONCERT_RIFT_ROLE], 0.0, 1e-12);
  ck_assert_int_eq(r5.flag[CONCERT_RIFT_ROLE], CONCERT_TRI_NO);
  ck_assert_double_eq_tol(r8.value[CONCERT_RIFT_AGENDA], 1.0 / 6.0, 1e-12);
  ck_assert_double_eq_tol(r5.value[CONCERT_RIFT_AGENDA], 0.0, 1e-12);
}
END_TEST

/* A member with no salience on trade is no trade dispute however far it sits; when none of
 * the others gives the issue salience, their plain mean is used.
 * A 0 (0), B 100 (.4), C 100 (0): A: 0 * 100 = 0; B against the others' plain mean 50
 * (neither gives salience): .4 * 50 = 20; C: 0 -> 0.2. */
START_TEST(trade_without_salience) {
  const char *text =
      "name: quiet\nsource: test\nissues: [{id: t, title: T, reversion: 50, tags: [trade]}]\n"
      "actors:\n"
      "  - {id: A, capability: 1, stances: {t: {position: 0, salience: 0}}}\n"
      "  - {id: B, capability: 1, stances: {t: {position: 100, salience: 0.4}}}\n"
      "  - {id: C, capability: 1, stances: {t: {position: 100, salience: 0}}}\n"
      "forums: [{id: F, members: [A, B, C], agenda: [{session: d, issues: [t]}]}]\n";
  concert_rift r;
  rift_of(text, 0, &r);
  ck_assert_double_eq_tol(r.value[CONCERT_RIFT_TRADE], 0.2, 1e-12);
  ck_assert_int_eq(r.flag[CONCERT_RIFT_TRADE], CONCERT_TRI_NO);
}
END_TEST

/* Kananaskis as coded by the codebook: the communique is issued (with carve-outs) and no
 * membership issue is on the programme, so components 1 and 6 are not flagged; the other
 * four are. Trade: the US at 12.5 (salience .9) against seven members at 87.5 (salience
 * .6 each): .9 x 75 / 100 = 0.675. Agenda: 1, the US leader left (an exogenous event). */
START_TEST(kananaskis_as_coded) {
  concert_scenario *s = NULL;
  concert_diag d;
  concert_diag_clear(&d);
  ck_assert_int_eq(concert_scenario_load_file(CONCERT_SRCDIR "/scenarios/g7-kananaskis-2025.yaml", &s, &d), CONCERT_OK);
  concert_outcome *o = NULL;
  ck_assert_int_eq(concert_summit_run(s, 0, NULL, NULL, NULL, &o, &d), CONCERT_OK);
  concert_rift r;
  ck_assert_int_eq(concert_rift_from_outcome(o, &r, &d), CONCERT_OK);
  ck_assert_int_eq(r.flag[CONCERT_RIFT_NO_COMMUNIQUE], CONCERT_TRI_NO);
  ck_assert_int_eq(r.flag[CONCERT_RIFT_ROLE], CONCERT_TRI_NO);
  for (int k = 1; k < CONCERT_RIFT_N - 1; k++)
    ck_assert_msg(r.flag[k] == CONCERT_TRI_YES, "component %s not flagged (%g)",
                  concert_rift_component_id((concert_rift_component)k), r.value[k]);
  ck_assert_double_eq_tol(r.value[CONCERT_RIFT_TRADE], 0.675, 1e-12);
  ck_assert_double_eq_tol(r.value[CONCERT_RIFT_AGENDA], 1.0, 1e-12);
  ck_assert_double_eq_tol(r.value[CONCERT_RIFT_MISSING_STATEMENTS], 0.4, 1e-12);
  concert_outcome_free(o);
  concert_scenario_free(s);
}
END_TEST

int main(void) {
  Suite *s = suite_create("rift (simulated)");
  TCase *t = tcase_create("outcome");
  tcase_add_test(t, hand_computed_components);
  tcase_add_test(t, identical_actors_no_rift);
  tcase_add_test(t, one_against_the_others);
  tcase_add_test(t, trade_without_salience);
  tcase_add_test(t, kananaskis_as_coded);
  suite_add_tcase(s, t);
  return concert_test_run(s);
}
