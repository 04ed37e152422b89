/* test_texts.c: concert_outcome_issue_text and its signs/blocks, texts counted as a record
 * of a real summit counts them (data/record/PROVENANCE.md S2-S6): on Kananaskis (trade's
 * paragraph carved out for the US, restating: the others' text; the Middle East paragraph
 * restating the Apulia language: a joint text; wildfires kept) and on a two-member forum
 * where a paragraph restating a reversion point of 0 says nothing. */
#include <check.h>
#include <concert.h>
#include <string.h>

#include "check_main.h"
#include "scenario_support.h"

/* The agenda position of issue id in o. */
static size_t at(const concert_outcome *o, const char *id) {
  const concert_scenario *s = concert_outcome_scenario(o);
  for (size_t i = 0; i < concert_outcome_issue_count(o); i++)
    if (strcmp(concert_scenario_issue_id(s, concert_outcome_issue(o, i)->issue), id) == 0)
      return i;
  ck_abort_msg("no agenda issue %s", id);
  return 0;
}

START_TEST(kananaskis_texts) {
  concert_scenario *s = NULL;
  concert_diag d;
  ck_assert_int_eq(concert_scenario_load(CONCERT_SRCDIR "/scenarios/g7-kananaskis-2025.yaml", NAN, &s, &d),
                   CONCERT_OK);
  concert_outcome *o = run(s, "G7", NULL);
  size_t usa = 0, fra = 0;
  ck_assert(concert_scenario_actor_find(s, "USA", &usa));
  ck_assert(concert_scenario_actor_find(s, "FRA", &fra));
  ck_assert_int_eq(concert_outcome_communique(o).fate, CONCERT_DOCUMENT_ISSUED_WITH_CARVE_OUT);
  size_t trade = at(o, "trade"), me = at(o, "middle_east"), fire = at(o, "wildfires");
  /* trade: no statement, the paragraph stands for all but the US: the others' text */
  ck_assert_int_eq(concert_outcome_issue(o, trade)->kind, CONCERT_STATEMENT_NONE);
  ck_assert_int_eq(concert_outcome_issue_text(o, trade), CONCERT_STATEMENT_MINILATERAL);
  ck_assert(!concert_outcome_issue_text_signs(o, trade, usa));
  ck_assert(concert_outcome_issue_text_signs(o, trade, fra));
  ck_assert(concert_outcome_issue_text_blocks(o, trade, usa));
  ck_assert(!concert_outcome_issue_text_blocks(o, trade, fra));
  /* the Middle East: no statement, the paragraph restates the Apulia language (reversion
   * above 0): a joint text, nobody blocks it */
  ck_assert_int_eq(concert_outcome_issue(o, me)->kind, CONCERT_STATEMENT_NONE);
  ck_assert_int_eq(concert_outcome_issue_text(o, me), CONCERT_STATEMENT_JOINT);
  ck_assert(concert_outcome_issue_text_signs(o, me, usa));
  ck_assert(!concert_outcome_issue_text_blocks(o, me, usa));
  /* wildfires: a joint statement */
  ck_assert_int_eq(concert_outcome_issue_text(o, fire), CONCERT_STATEMENT_JOINT);
  ck_assert_int_eq(concert_outcome_issue_text(o, 999), CONCERT_STATEMENT_NONE);
  concert_outcome_free(o);
  concert_scenario_free(s);
}
END_TEST

/* k: both at the reversion point 0, so its paragraph restates "no joint text": nothing.
 * m: both at the reversion point 30: the paragraph restates agreed language: a joint text.
 * q: both at 60 from 0: a joint statement (and a package with something new, so it is
 * issued: a package that only restates is not). */
START_TEST(restating_zero_says_nothing) {
  concert_scenario *s = load(
      "name: T\nsource: test\n"
      "issues:\n  - {id: k, title: K, reversion: 0}\n  - {id: m, title: M, reversion: 30}\n"
      "  - {id: q, title: Q, reversion: 0}\n"
      "actors:\n"
      "  - {id: A, capability: 1, stances: {k: {position: 0, salience: 1}, m: {position: 30, "
      "salience: 1}, q: {position: 60, salience: 1}}}\n"
      "  - {id: B, capability: 1, stances: {k: {position: 0, salience: 1}, m: {position: 30, "
      "salience: 1}, q: {position: 60, salience: 1}}}\n"
      "forums:\n  - id: F\n    members: [A, B]\n    rule: unanimity\n"
      "    agenda:\n      - {session: s1, issues: [k, m, q]}\n");
  concert_outcome *o = run(s, "F", NULL);
  concert_communique c = concert_outcome_communique(o);
  ck_assert(c.issued);
  ck_assert_int_eq(c.paragraphs[0].fate, CONCERT_PARAGRAPH_RESTATES);
  ck_assert_int_eq(c.paragraphs[1].fate, CONCERT_PARAGRAPH_RESTATES);
  ck_assert_int_eq(concert_outcome_issue_text(o, 0), CONCERT_STATEMENT_NONE);
  ck_assert(!concert_outcome_issue_text_signs(o, 0, 0));
  ck_assert_int_eq(concert_outcome_issue_text(o, 1), CONCERT_STATEMENT_JOINT);
  ck_assert(concert_outcome_issue_text_signs(o, 1, 0) && concert_outcome_issue_text_signs(o, 1, 1));
  ck_assert_int_eq(concert_outcome_issue(o, 2)->kind, CONCERT_STATEMENT_JOINT);
  ck_assert_int_eq(concert_outcome_issue_text(o, 2), CONCERT_STATEMENT_JOINT);
  concert_outcome_free(o);
  concert_scenario_free(s);
}
END_TEST

int main(void) {
  Suite *su = suite_create("texts");
  TCase *t = tcase_create("texts");
  tcase_set_timeout(t, 60);
  tcase_add_test(t, kananaskis_texts);
  tcase_add_test(t, restating_zero_says_nothing);
  suite_add_tcase(su, t);
  return concert_test_run(su);
}
