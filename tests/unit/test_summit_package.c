/* test_summit_package.c: the rules that end summits the way real ones end
 * (docs/protocol.md: package, labels, blockers, attendance, forgo, net gains, reasons),
 * each on a small hand-made forum whose result is computed by hand in the comments.
 * The model is the compromise (capability x salience weighted mean of positions). */
#include <check.h>
#include <concert.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "check_main.h"
#include "scenario_support.h"
#include "scenario/scenario_i.h"

static bool has(const concert_scenario *s, const size_t *v, size_t n, const char *id) {
  for (size_t i = 0; i < n; i++)
    if (strcmp(concert_scenario_actor_id(s, v[i]), id) == 0) return true;
  return false;
}

static size_t count_role(const concert_outcome *o, concert_objection role) {
  size_t n = 0;
  for (size_t i = 0; i < concert_outcome_veto_count(o); i++) n += concert_outcome_veto(o, i)->role == role;
  return n;
}

/* Carve-out (Taormina 2017, Charlevoix 2018 on climate). r = 50; A 80, B 80, C 40 with a
 * red line at 50 (no text above 50). Text (80+80+40)/3 = 66.67. C rejects (red line); A, B
 * accept [50, 100], C [30, 50]: only the reversion point is common, so no statement and no
 * softening. Without C, A and B would pass (50, 100], none of which C accepts: C blocks,
 * with their text 66.67. Carve-outs of one member: without A (or B) the others share only
 * {50}, no more than all do; without C they share [50, 100], whose point nearest the
 * draft is 66.67: the paragraph stands at 66.67 for A and B, C gets its own paragraph.
 * C is bound by nothing and gains 0 >= 0: it endorses. Issued with carve-out. A's gain:
 * 30 - 13.33 = 16.67 points. Without carve-outs the common win-set {50} restates. */
static const char *carve =
    "name: carve\nsource: test\nissues: [{id: k, title: K, reversion: 50}]\nactors:\n"
    "  - {id: A, capability: 1, stances: {k: {position: 80, salience: 1}}}\n"
    "  - {id: B, capability: 1, stances: {k: {position: 80, salience: 1}}}\n"
    "  - {id: C, capability: 1, stances: {k: {position: 40, salience: 1, red_line: 50}}}\n"
    "forums: [{id: F, members: [A, B, C], agenda: [{session: s, issues: [k]}]}]\n";

START_TEST(carve_out_one_dissenter) {
  concert_scenario *s = load(carve);
  concert_outcome *o = run(s, "F", NULL);
  const concert_issue_result *r = concert_outcome_issue(o, 0);
  ck_assert_int_eq(r->kind, CONCERT_STATEMENT_NONE);
  ck_assert_uint_eq(concert_outcome_veto_count(o), 1);
  ck_assert_int_eq(concert_outcome_veto(o, 0)->role, CONCERT_OBJECTION_BLOCK);
  ck_assert(concert_outcome_veto(o, 0)->red_line);
  ck_assert_double_eq_tol(concert_outcome_veto(o, 0)->text, 200.0 / 3.0, 1e-9);
  ck_assert_ptr_nonnull(strstr(r->reason, "blocked by C"));
  concert_communique c = concert_outcome_communique(o);
  ck_assert_int_eq(c.fate, CONCERT_DOCUMENT_ISSUED_WITH_CARVE_OUT);
  ck_assert_uint_eq(c.n_paragraphs, 1);
  ck_assert_int_eq(c.paragraphs[0].fate, CONCERT_PARAGRAPH_CARVED_OUT);
  ck_assert_double_eq_tol(c.paragraphs[0].text, 200.0 / 3.0, 1e-9);
  ck_assert_uint_eq(c.paragraphs[0].n_carved_out, 1);
  ck_assert(has(s, c.paragraphs[0].carved_out, 1, "C"));
  ck_assert(!c.paragraphs[0].restating);
  ck_assert_uint_eq(c.n_endorsers, 3);
  ck_assert_double_eq_tol(concert_outcome_net_gain(o, 0), 30 - 40.0 / 3.0, 1e-9);
  ck_assert_double_eq_tol(concert_outcome_net_gain(o, 2), 0, 1e-12);
  concert_outcome_free(o);
  /* without carve-outs the paragraph restates, nothing new remains: the chair forgoes */
  o = run(s, "F", "carve_out=false");
  c = concert_outcome_communique(o);
  ck_assert_int_eq(c.fate, CONCERT_DOCUMENT_FORGONE);
  concert_outcome_free(o);
  o = run(s, "F", "carve_out=false chair_forgoes=false");
  c = concert_outcome_communique(o);
  ck_assert_int_eq(c.paragraphs[0].fate, CONCERT_PARAGRAPH_RESTATES);
  ck_assert_double_eq_tol(c.paragraphs[0].text, 50, 1e-12);
  ck_assert_uint_eq(c.paragraphs[0].n_carved_out, 0);
  ck_assert_int_eq(c.fate, CONCERT_DOCUMENT_FAILED);
  concert_outcome_free(o);
  o = run(s, "F", "carve_out_max=0 chair_forgoes=false");
  ck_assert_int_eq(concert_outcome_communique(o).paragraphs[0].fate, CONCERT_PARAGRAPH_RESTATES);
  concert_outcome_free(o);
  concert_scenario_free(s);
}
END_TEST

/* Softening and net gains in points. Issue k (r 50): A 80 (s 1), B 80 (s 1), C 45
 * (s 0.5, tolerance 10); issue m (r 50): all at 70 (s 1). Text on k: (80+80+22.5)/2.5 = 73.
 * C accepts |x-45| <= 5+10: [35, 60]; A, B [50, 100]: the win-set is [50, 60], nearest
 * 73 is 60: the statement is re-drafted to 60 and the paragraph softened to 60.
 * Gains in points: A: shares 1/2, 1/2: (30-20)/2 + 20/2 = 15. C: shares 1/3, 2/3:
 * (5-15)/3 + 20*2/3 = 10. */
static const char *soften =
    "name: soften\nsource: test\nissues:\n  - {id: k, title: K, reversion: 50}\n  - {id: m, title: M, reversion: 50}\nactors:\n"
    "  - {id: A, capability: 1, stances: {k: {position: 80, salience: 1}, m: {position: 70, salience: 1}}}\n"
    "  - {id: B, capability: 1, stances: {k: {position: 80, salience: 1}, m: {position: 70, salience: 1}}}\n"
    "  - {id: C, capability: 1, stances: {k: {position: 45, salience: 0.5, tolerance: 10}, m: {position: 70, salience: 1}}}\n"
    "forums: [{id: F, members: [A, B, C], agenda: [{session: s, issues: [k, m]}]}]\n";

START_TEST(softening_into_win_set) {
  concert_scenario *s = load(soften);
  concert_outcome *o = run(s, "F", NULL);
  const concert_issue_result *r = concert_outcome_issue(o, 0);
  ck_assert_double_eq_tol(r->outcome, 73, 1e-9);
  ck_assert_int_eq(r->kind, CONCERT_STATEMENT_JOINT);
  ck_assert_double_eq_tol(r->text, 60, 1e-9);
  concert_communique c = concert_outcome_communique(o);
  ck_assert_int_eq(c.paragraphs[0].fate, CONCERT_PARAGRAPH_SOFTENED);
  ck_assert_double_eq_tol(c.paragraphs[0].drafted, 73, 1e-9);
  ck_assert_double_eq_tol(c.paragraphs[0].text, 60, 1e-9);
  ck_assert_int_eq(c.paragraphs[1].fate, CONCERT_PARAGRAPH_KEPT);
  ck_assert_int_eq(c.fate, CONCERT_DOCUMENT_ISSUED);
  ck_assert_double_eq_tol(concert_outcome_net_gain(o, 0), 15, 1e-9);
  ck_assert_double_eq_tol(concert_outcome_net_gain(o, 2), 10, 1e-9);
  /* the joint statement at 60 is on C's edge: its tolerance 10 reaches exactly 60 (any
   * less and it rejects), while its position would have to move 5 points to 50 */
  ck_assert_int_eq(r->hinge.field, CONCERT_HINGE_TOLERANCE);
  ck_assert_str_eq(concert_scenario_actor_id(s, r->hinge.actor), "C");
  ck_assert_double_eq_tol(r->hinge.from, 10, 1e-9);
  ck_assert_double_eq_tol(r->hinge.to, 10, 1e-9);
  concert_outcome_free(o);
  concert_scenario_free(s);
}
END_TEST

/* Restating and the deadlock: r 50; A, B 80 ([50, 100]) and C, D 30 ([10, 50]). Text
 * (160+60)/4 = 55; C and D reject (25 > 20). Only the reversion point is common; without
 * any one member the others still share only {50}, so no carve-out of one helps, and with
 * carve_out_max 2 two dissenters are not outnumbered (2 vs 2): the paragraph restates
 * the reversion point either way. Issue m (all at 70) keeps the communique issued. */
static const char *drop =
    "name: drop\nsource: test\nissues:\n  - {id: k, title: K, reversion: 50}\n  - {id: m, title: M, reversion: 50}\nactors:\n"
    "  - {id: A, capability: 1, stances: {k: {position: 80, salience: 1}, m: {position: 70, salience: 1}}}\n"
    "  - {id: B, capability: 1, stances: {k: {position: 80, salience: 1}, m: {position: 70, salience: 1}}}\n"
    "  - {id: C, capability: 1, stances: {k: {position: 30, salience: 1}, m: {position: 70, salience: 1}}}\n"
    "  - {id: D, capability: 1, stances: {k: {position: 30, salience: 1}, m: {position: 70, salience: 1}}}\n"
    "forums:\n"
    "  - {id: F, members: [A, B, C, D], agenda: [{session: s, issues: [k, m]}]}\n"
    "  - {id: K, members: [A, B, C, D], rule: {consensus_minus: 1}, agenda: [{session: s, issues: [k, m]}]}\n";

START_TEST(drop_and_pivotal_pair) {
  concert_scenario *s = load(drop);
  const char *protos[] = {NULL, "carve_out_max=2"};
  for (int i = 0; i < 2; i++) {
    concert_outcome *o = run(s, "F", protos[i]);
    concert_communique c = concert_outcome_communique(o);
    ck_assert_int_eq(c.paragraphs[0].fate, CONCERT_PARAGRAPH_RESTATES);
    ck_assert_double_eq_tol(c.paragraphs[0].text, 50, 1e-12);
    ck_assert_int_eq(c.paragraphs[1].fate, CONCERT_PARAGRAPH_KEPT);
    ck_assert_int_eq(c.fate, CONCERT_DOCUMENT_ISSUED);
    /* without any one member the others share no new text: nobody is pivotal, a
     * deadlock whose parties are the two objectors */
    ck_assert_uint_eq(count_role(o, CONCERT_OBJECTION_JOINT_BLOCK), 2);
    ck_assert_uint_eq(count_role(o, CONCERT_OBJECTION_BLOCK), 0);
    ck_assert_int_eq(concert_outcome_issue(o, 0)->hinge.field, CONCERT_HINGE_NONE);
    concert_outcome_free(o);
  }
  /* consensus minus 1: the same test (the others' common win-set): without C, A, B and D
   * share only {50}: nobody is pivotal, a deadlock without a hinge */
  concert_outcome *o = run(s, "K", NULL);
  ck_assert_int_eq(concert_outcome_issue(o, 0)->kind, CONCERT_STATEMENT_NONE);
  ck_assert_uint_eq(count_role(o, CONCERT_OBJECTION_BLOCK), 0);
  ck_assert_uint_eq(count_role(o, CONCERT_OBJECTION_JOINT_BLOCK), 2);
  ck_assert_int_eq(concert_outcome_issue(o, 0)->hinge.field, CONCERT_HINGE_NONE);
  concert_outcome_free(o);
  concert_scenario_free(s);
}
END_TEST

/* Deadlock vs dissociation under consensus minus 1.
 * J (r 40): A, B 80 ([40, 100]); C, D, E 30 ([20, 40]). Text 250/5 = 50; C, D, E reject
 * (20 > 10). Without any one member the others share only {40}: none is pivotal, a
 * deadlock of C, D, E (below 40, accepting nothing above it) against A, B (above it).
 * S (r 50): A, B, C 80; D 30. Text 67.5; D rejects (37.5 > 20), one objector <= 1: the
 * text passes, D dissociating; signed by A, B and C only, it is their statement, not the
 * forum's joint statement. */
static const char *minus =
    "name: minus\nsource: test\nissues:\n  - {id: j, title: J, reversion: 40}\n  - {id: t, title: T, reversion: 50}\nactors:\n"
    "  - {id: A, capability: 1, stances: {j: {position: 80, salience: 1}, t: {position: 80, salience: 1}}}\n"
    "  - {id: B, capability: 1, stances: {j: {position: 80, salience: 1}, t: {position: 80, salience: 1}}}\n"
    "  - {id: C, capability: 1, stances: {j: {position: 30, salience: 1}, t: {position: 80, salience: 1}}}\n"
    "  - {id: D, capability: 1, stances: {j: {position: 30, salience: 1}, t: {position: 30, salience: 1}}}\n"
    "  - {id: E, capability: 1, stances: {j: {position: 30, salience: 1}, t: {position: 80, salience: 1}}}\n"
    "forums:\n"
    "  - {id: J, members: [A, B, C, D, E], rule: {consensus_minus: 1}, agenda: [{session: s, issues: [j]}]}\n"
    "  - {id: S, members: [A, B, C, D], rule: {consensus_minus: 1}, agenda: [{session: s, issues: [t]}]}\n";

START_TEST(joint_block_and_dissociation) {
  concert_scenario *s = load(minus);
  concert_outcome *o = run(s, "J", NULL);
  ck_assert_int_eq(concert_outcome_issue(o, 0)->kind, CONCERT_STATEMENT_NONE);
  ck_assert_uint_eq(count_role(o, CONCERT_OBJECTION_JOINT_BLOCK), 3);
  ck_assert_uint_eq(count_role(o, CONCERT_OBJECTION_BLOCK), 0);
  const char *why = concert_outcome_issue(o, 0)->reason;
  ck_assert_ptr_nonnull(strstr(why, "deadlock (no single member is pivotal): text 50.0 refused by C, D, E"));
  ck_assert_ptr_nonnull(strstr(why, "below the reversion point 40.0, C accepts nothing above 40.0"));
  ck_assert_ptr_nonnull(strstr(why, "above it, A accepts nothing below 40.0, B accepts nothing below 40.0"));
  concert_outcome_free(o);
  o = run(s, "S", NULL);
  const concert_issue_result *r = concert_outcome_issue(o, 0);
  ck_assert_int_eq(r->kind, CONCERT_STATEMENT_MINILATERAL); /* signed by A, B, C only */
  ck_assert(!r->forum_label);
  ck_assert_double_eq_tol(r->text, 67.5, 1e-9);
  ck_assert_uint_eq(r->n_dissociating, 1);
  ck_assert(has(s, r->dissociating, 1, "D"));
  ck_assert_uint_eq(count_role(o, CONCERT_OBJECTION_DISSOCIATE), 1);
  ck_assert_uint_eq(count_role(o, CONCERT_OBJECTION_BLOCK) + count_role(o, CONCERT_OBJECTION_JOINT_BLOCK), 0);
  concert_outcome_free(o);
  concert_scenario_free(s);
}
END_TEST

/* A carve-out agrees the others' own text (Charlevoix 2018: six members' climate text,
 * a separate US paragraph). r 75; A 80 (cap 1) accepts [75, 85]; B 90 (cap 10) [75, 100];
 * C 10 (cap 0.2) with a red line at 50 accepts [0, 50]. Draft (80 + 900 + 2)/11.2 =
 * 87.68: A (7.68 > 5) and C (red line) reject it. No common win-set. Carve-outs of one
 * member (one dissenter, outnumbered by two others): without A, B and C share nothing;
 * without B, nothing; without C, A and B share [75, 85], whose point nearest the draft is
 * 85: the paragraph stands at 85 for A and B (not at the draft, which A rejects), C gets
 * its own. Gains: A 5 - 5 = 0 (endorses), B 15 - 5 = 10, C bound by nothing 0.
 * Blockers: without C the others would pass (75, 85], none of which C accepts: C blocks,
 * with their text 85 (nearest the draft); without A (or B) the others share nothing. */
static const char *carve_own =
    "name: own\nsource: test\nissues: [{id: k, title: K, reversion: 75}]\nactors:\n"
    "  - {id: A, capability: 1, stances: {k: {position: 80, salience: 1}}}\n"
    "  - {id: B, capability: 10, stances: {k: {position: 90, salience: 1}}}\n"
    "  - {id: C, capability: 0.2, stances: {k: {position: 10, salience: 1, red_line: 50}}}\n"
    "forums: [{id: F, members: [A, B, C], agenda: [{session: s, issues: [k]}]}]\n";

START_TEST(carve_out_others_own_text) {
  concert_scenario *s = load(carve_own);
  concert_outcome *o = run(s, "F", NULL);
  const concert_issue_result *r = concert_outcome_issue(o, 0);
  ck_assert_double_eq_tol(r->outcome, 982 / 11.2, 1e-9);
  ck_assert_int_eq(r->kind, CONCERT_STATEMENT_NONE);
  ck_assert_uint_eq(concert_outcome_veto_count(o), 1);
  const concert_veto *v = concert_outcome_veto(o, 0);
  ck_assert_str_eq(concert_scenario_actor_id(s, v->actor), "C");
  ck_assert_int_eq(v->role, CONCERT_OBJECTION_BLOCK);
  ck_assert_double_eq_tol(v->text, 85, 1e-9);
  ck_assert(v->red_line);
  ck_assert_ptr_nonnull(strstr(r->reason, "blocked by C (without its objection the others would "
                                          "pass 85.0): text 85.0 crosses its red line 50.0"));
  concert_communique c = concert_outcome_communique(o);
  ck_assert_int_eq(c.paragraphs[0].fate, CONCERT_PARAGRAPH_CARVED_OUT);
  ck_assert_double_eq_tol(c.paragraphs[0].drafted, 982 / 11.2, 1e-9);
  ck_assert_double_eq_tol(c.paragraphs[0].text, 85, 1e-9);
  ck_assert(!c.paragraphs[0].restating);
  ck_assert_uint_eq(c.paragraphs[0].n_carved_out, 1);
  ck_assert(has(s, c.paragraphs[0].carved_out, 1, "C"));
  ck_assert_int_eq(c.fate, CONCERT_DOCUMENT_ISSUED_WITH_CARVE_OUT);
  ck_assert_uint_eq(c.n_endorsers, 3);
  ck_assert_double_eq_tol(concert_outcome_net_gain(o, 0), 0, 1e-9);
  ck_assert_double_eq_tol(concert_outcome_net_gain(o, 1), 10, 1e-9);
  ck_assert_double_eq_tol(concert_outcome_net_gain(o, 2), 0, 1e-12);
  concert_outcome_free(o);
  concert_scenario_free(s);
}
END_TEST

/* Writes o's sheet to a string the caller frees. */
static char *sheet(const concert_outcome *o) {
  char *buf = NULL;
  size_t len = 0;
  FILE *mem = open_memstream(&buf, &len);
  ck_assert_ptr_nonnull(mem);
  ck_assert_int_eq(concert_outcome_write_text(o, mem), CONCERT_OK);
  fclose(mem);
  return buf;
}

/* A deadlock, and a carve-out that restates (Taormina 2017: the others restated their
 * commitment without the US). Issue k (r 50): A 30 (cap 1) with a red line at 40 accepts
 * [10, 40]; B, C 50 (cap 1.5) accept only 50. Draft (30 + 75 + 75)/4 = 45: all three
 * reject it (A: red line; B, C: 5 points). Without A, B and C share only {50}; without B
 * (or C) the others share nothing: nobody is pivotal, a deadlock of A (below 50,
 * accepting nothing above its red line 40) against B, C (at 50, accepting only 50); no
 * hinge. Package: no common win-set; without A, B and C share {50}: the paragraph is
 * carved out at the reversion point, restating, A not bound; without B or C nothing:
 * D = {A}. Issue m (all at 70, r 50) is kept: issued with carve-out. */
static const char *stuck =
    "name: stuck\nsource: test\nissues:\n  - {id: k, title: K, reversion: 50}\n  - {id: m, title: M, reversion: 50}\nactors:\n"
    "  - {id: A, capability: 1, stances: {k: {position: 30, salience: 1, red_line: 40}, m: {position: 70, salience: 1}}}\n"
    "  - {id: B, capability: 1.5, stances: {k: {position: 50, salience: 1}, m: {position: 70, salience: 1}}}\n"
    "  - {id: C, capability: 1.5, stances: {k: {position: 50, salience: 1}, m: {position: 70, salience: 1}}}\n"
    "forums: [{id: F, members: [A, B, C], agenda: [{session: s, issues: [k, m]}]}]\n";

START_TEST(deadlock_and_carve_out_restating) {
  concert_scenario *s = load(stuck);
  concert_outcome *o = run(s, "F", NULL);
  const concert_issue_result *r = concert_outcome_issue(o, 0);
  ck_assert_double_eq_tol(r->outcome, 45, 1e-9);
  ck_assert_int_eq(r->kind, CONCERT_STATEMENT_NONE);
  ck_assert_uint_eq(count_role(o, CONCERT_OBJECTION_BLOCK), 0);
  ck_assert_uint_eq(count_role(o, CONCERT_OBJECTION_JOINT_BLOCK), 3);
  ck_assert_int_eq(r->hinge.field, CONCERT_HINGE_NONE);
  ck_assert_ptr_nonnull(strstr(r->reason, "deadlock (no single member is pivotal): text 45.0 refused by A, B, C"));
  ck_assert_ptr_nonnull(strstr(r->reason, "below the reversion point 50.0, A accepts nothing above 40.0 (its red line)"));
  ck_assert_ptr_nonnull(strstr(r->reason, "at it, B accepts only 50.0, C accepts only 50.0"));
  ck_assert_ptr_null(strstr(r->reason, "blocked by"));
  concert_communique c = concert_outcome_communique(o);
  ck_assert_int_eq(c.paragraphs[0].fate, CONCERT_PARAGRAPH_CARVED_OUT);
  ck_assert(c.paragraphs[0].restating);
  ck_assert_double_eq_tol(c.paragraphs[0].text, 50, 1e-12);
  ck_assert_uint_eq(c.paragraphs[0].n_carved_out, 1);
  ck_assert(has(s, c.paragraphs[0].carved_out, 1, "A"));
  ck_assert_int_eq(c.paragraphs[1].fate, CONCERT_PARAGRAPH_KEPT);
  ck_assert_int_eq(c.fate, CONCERT_DOCUMENT_ISSUED_WITH_CARVE_OUT);
  char *text = sheet(o);
  ck_assert_ptr_nonnull(strstr(text, "carved out, restating at  50.0 (drafted 45.0); separate paragraph for A"));
  free(text);
  char *json = NULL;
  concert_diag d;
  ck_assert_int_eq(concert_outcome_to_json(o, &json, &d), CONCERT_OK);
  ck_assert_ptr_nonnull(strstr(json, "\"restating\": true"));
  free(json);
  concert_outcome_free(o);
  /* without carve-outs there is no common win-set: dropped */
  o = run(s, "F", "carve_out=false");
  ck_assert_int_eq(concert_outcome_communique(o).paragraphs[0].fate, CONCERT_PARAGRAPH_DROPPED);
  concert_outcome_free(o);
  concert_scenario_free(s);
}
END_TEST

/* Softening to the reversion point restates. Issue k (r 50): A 70 accepts [50, 90], B 80
 * [50, 100], C 10 (cap 3, tolerance 50) [0, 100]. Draft (70 + 80 + 30)/5 = 36: A and B
 * reject it. The common win-set [50, 90] holds more than the reversion point, and its
 * point nearest 36 is 50: the paragraph restates the last agreed language (no carve-out:
 * all share a win-set). The statement's re-draft would be 50 too: not issued. Issue m
 * (all at 70) is kept: issued. */
START_TEST(softening_to_reversion_restates) {
  const char *text =
      "name: restate\nsource: test\nissues:\n  - {id: k, title: K, reversion: 50}\n  - {id: m, title: M, reversion: 50}\nactors:\n"
      "  - {id: A, capability: 1, stances: {k: {position: 70, salience: 1}, m: {position: 70, salience: 1}}}\n"
      "  - {id: B, capability: 1, stances: {k: {position: 80, salience: 1}, m: {position: 70, salience: 1}}}\n"
      "  - {id: C, capability: 3, stances: {k: {position: 10, salience: 1, tolerance: 50}, m: {position: 70, salience: 1}}}\n"
      "forums: [{id: F, members: [A, B, C], agenda: [{session: s, issues: [k, m]}]}]\n";
  concert_scenario *s = load(text);
  concert_outcome *o = run(s, "F", NULL);
  const concert_issue_result *r = concert_outcome_issue(o, 0);
  ck_assert_double_eq_tol(r->outcome, 36, 1e-9);
  ck_assert_int_eq(r->kind, CONCERT_STATEMENT_NONE);
  concert_communique c = concert_outcome_communique(o);
  ck_assert_int_eq(c.paragraphs[0].fate, CONCERT_PARAGRAPH_RESTATES);
  ck_assert_double_eq_tol(c.paragraphs[0].drafted, 36, 1e-9);
  ck_assert_double_eq_tol(c.paragraphs[0].text, 50, 1e-12);
  ck_assert_uint_eq(c.paragraphs[0].n_carved_out, 0);
  ck_assert(!c.paragraphs[0].restating);
  ck_assert_int_eq(c.fate, CONCERT_DOCUMENT_ISSUED);
  concert_outcome_free(o);
  concert_scenario_free(s);
}
END_TEST

/* The blocker is the member the text is pulled toward (trade, 2018-style). r 75; US 12.5
 * (cap 3) accepts [0, 75]; A 80 [75, 85], B 85 [75, 95], C 90 [75, 100] (cap 1 each).
 * Draft (37.5 + 80 + 85 + 90)/6 = 48.75: A, B, C reject it, the US accepts it. Without the
 * US the others would pass (75, 85], none of which the US accepts: the US blocks. Their
 * point nearest 48.75 is the reversion point 75 itself, so their text is the other end,
 * 85: 72.5 points from the US, 10 more than the reversion point. Without A (or B, C) the
 * others share only {75}: not pivotal; A, B, C are not named. Package: all share only
 * {75}; without the US the others share [75, 85] (more than {75}): carved out at the
 * point nearest the draft, 75: restating, the US not bound; without A the others share
 * only {75}: no carve-out. */
START_TEST(blocker_is_the_pull) {
  const char *text =
      "name: trade\nsource: test\nissues: [{id: t, title: T, reversion: 75}]\nactors:\n"
      "  - {id: US, capability: 3, stances: {t: {position: 12.5, salience: 1}}}\n"
      "  - {id: A, capability: 1, stances: {t: {position: 80, salience: 1}}}\n"
      "  - {id: B, capability: 1, stances: {t: {position: 85, salience: 1}}}\n"
      "  - {id: C, capability: 1, stances: {t: {position: 90, salience: 1}}}\n"
      "forums: [{id: F, members: [US, A, B, C], agenda: [{session: s, issues: [t]}]}]\n";
  concert_scenario *s = load(text);
  concert_outcome *o = run(s, "F", "chair_forgoes=false");
  const concert_issue_result *r = concert_outcome_issue(o, 0);
  ck_assert_double_eq_tol(r->outcome, 48.75, 1e-9);
  ck_assert_int_eq(r->kind, CONCERT_STATEMENT_NONE);
  ck_assert_uint_eq(r->n_rejecters, 3);
  ck_assert_uint_eq(concert_outcome_veto_count(o), 1);
  const concert_veto *v = concert_outcome_veto(o, 0);
  ck_assert_str_eq(concert_scenario_actor_id(s, v->actor), "US");
  ck_assert_int_eq(v->role, CONCERT_OBJECTION_BLOCK);
  ck_assert_double_eq_tol(v->text, 85, 1e-9);
  ck_assert_double_eq_tol(v->excess, 10, 1e-9);
  ck_assert(!v->red_line);
  ck_assert_ptr_nonnull(strstr(r->reason, "blocked by US (without its objection the others would pass "
                                          "85.0): text 85.0 is 10.0 points worse for it than the "
                                          "reversion point 75.0"));
  concert_communique c = concert_outcome_communique(o);
  ck_assert_int_eq(c.paragraphs[0].fate, CONCERT_PARAGRAPH_CARVED_OUT);
  ck_assert(c.paragraphs[0].restating);
  ck_assert_double_eq_tol(c.paragraphs[0].text, 75, 1e-12);
  ck_assert_uint_eq(c.paragraphs[0].n_carved_out, 1);
  ck_assert(has(s, c.paragraphs[0].carved_out, 1, "US"));
  ck_assert_int_eq(c.fate, CONCERT_DOCUMENT_FAILED); /* nothing new: no document */
  concert_outcome_free(o);
  concert_scenario_free(s);
}
END_TEST

/* Attendance (Johannesburg 2025): D stays away. Issue k (r 50): A, B, C 70, D 20.
 * quorum present: the three present agree at 70: the forum's joint statement (an absent
 * member does not make it a members' text) and the communique is issued.
 * quorum all: D counts as objecting: no statement under unanimity and no blocker named
 * (D is absent, not objecting at the table); the chair expects the package to fail (D
 * does not endorse): forgone. Under consensus minus 1 with quorum all the statement passes
 * (as a statement of A, B, C: D, counted, did not sign) and the declaration is issued with
 * D among its objectors. */
static const char *absent =
    "name: absent\nsource: test\nissues: [{id: k, title: K, reversion: 50}]\nactors:\n"
    "  - {id: A, capability: 1, stances: {k: {position: 70, salience: 1}}}\n"
    "  - {id: B, capability: 1, stances: {k: {position: 70, salience: 1}}}\n"
    "  - {id: C, capability: 1, stances: {k: {position: 70, salience: 1}}}\n"
    "  - {id: D, capability: 1, stances: {k: {position: 20, salience: 1}}}\n"
    "forums:\n"
    "  - {id: P, members: [A, B, C, D], agenda: [{session: s, issues: [k]}], events: [{absent: D}]}\n"
    "  - {id: L, members: [A, B, C, D], quorum: all, agenda: [{session: s, issues: [k]}], events: [{absent: D}]}\n"
    "  - {id: M, members: [A, B, C, D], quorum: all, rule: {consensus_minus: 1}, document: declaration,\n"
    "     agenda: [{session: s, issues: [k]}], events: [{absent: D}]}\n";

START_TEST(absent_member_by_quorum) {
  concert_scenario *s = load(absent);
  concert_outcome *o = run(s, "P", NULL);
  const concert_issue_result *r = concert_outcome_issue(o, 0);
  ck_assert_int_eq(r->kind, CONCERT_STATEMENT_JOINT);
  ck_assert(r->forum_label);
  ck_assert_double_eq_tol(r->text, 70, 1e-9);
  ck_assert_uint_eq(r->n_signatories, 3);
  ck_assert(r->depends_exogenous);
  ck_assert_int_eq(concert_outcome_attendance(o, 3)->kind, CONCERT_ATTENDANCE_ABSENT);
  ck_assert(concert_outcome_attendance(o, 3)->exogenous);
  concert_communique c = concert_outcome_communique(o);
  ck_assert_int_eq(c.fate, CONCERT_DOCUMENT_ISSUED);
  ck_assert(c.depends_exogenous); /* with D at the table the paragraph would not stand */
  concert_rift rift; /* the absence counts for the rift's agenda and role components */
  ck_assert_int_eq(concert_rift_from_outcome(o, &rift, NULL), CONCERT_OK);
  ck_assert_double_eq(rift.value[CONCERT_RIFT_AGENDA], 1);
  ck_assert_double_eq(rift.value[CONCERT_RIFT_ROLE], 1);
  concert_outcome_free(o);
  o = run(s, "L", NULL);
  ck_assert_int_eq(concert_outcome_issue(o, 0)->kind, CONCERT_STATEMENT_NONE);
  ck_assert_uint_eq(count_role(o, CONCERT_OBJECTION_BLOCK), 0);
  ck_assert_int_eq(concert_outcome_communique(o).fate, CONCERT_DOCUMENT_FORGONE);
  concert_outcome_free(o);
  o = run(s, "M", NULL); /* passes without the absent D: a statement of A, B and C */
  ck_assert_int_eq(concert_outcome_issue(o, 0)->kind, CONCERT_STATEMENT_MINILATERAL);
  c = concert_outcome_communique(o);
  ck_assert(c.declaration);
  ck_assert_int_eq(c.fate, CONCERT_DOCUMENT_ISSUED);
  ck_assert(has(s, c.objectors, c.n_objectors, "D"));
  concert_outcome_free(o);
  concert_scenario_free(s);
}
END_TEST

/* A leader leaves, the delegation stays (Charlevoix 2018). Issue a (session d1, r 0): all
 * at 60; C's salience 0.3. Issue b (session d2, r 50): A, B 10 (s 1), C 90 (s .5,
 * tolerance 40). C's leader leaves before d2 (exogenous); its delegation bargains:
 * b = (10+10+45)/2.5 = 26; A, B accept (16 <= 40), C accepts (64 <= 40 + 40): the forum's
 * joint statement, signed by C's delegation. The chair expects C's leader to judge the
 * whole package: shares .3/.8 and .5/.8: +60 x .375 - 24 x .625 = +7.5: no disowning,
 * chance 0. Then, unforeseen (not exogenous), a on C's agenda falls to salience 0.1
 * before d2: C endorses on its leader's mandate (d1: a, +60 x 1/6 = +10) and its leader
 * judges the whole: +10 - 24 x 5/6 = -10 < 0: disowned.
 * Forum E: the same fall marked exogenous: the chair foresees the disowning (chance 1)
 * and forgoes. */
static const char *leader =
    "name: leader\nsource: test\nissues:\n  - {id: a, title: A, reversion: 0}\n  - {id: b, title: B, reversion: 50}\nactors:\n"
    "  - {id: A, capability: 1, stances: {a: {position: 60, salience: 1}, b: {position: 10, salience: 1}}}\n"
    "  - {id: B, capability: 1, stances: {a: {position: 60, salience: 1}, b: {position: 10, salience: 1}}}\n"
    "  - {id: C, capability: 1, stances: {a: {position: 60, salience: 0.3}, b: {position: 90, salience: 0.5, tolerance: 40}}}\n"
    "forums:\n"
    "  - {id: F, members: [A, B, C], agenda: [{session: d1, issues: [a]}, {session: d2, issues: [b]}],\n"
    "     events: [{before_session: d2, leader_leaves: C},\n"
    "              {before_session: d2, salience_shock: {actor: C, issue: a, value: 0.1}}]}\n"
    "  - {id: E, members: [A, B, C], agenda: [{session: d1, issues: [a]}, {session: d2, issues: [b]}],\n"
    "     events: [{before_session: d2, leader_leaves: C},\n"
    "              {before_session: d2, salience_shock: {actor: C, issue: a, value: 0.1}, exogenous: true}]}\n"
    "  - {id: G, members: [A, B, C], agenda: [{session: d1, issues: [a]}, {session: d2, issues: [b]}],\n"
    "     events: [{before_session: d2, leader_leaves: C}]}\n";

START_TEST(leader_leaves_then_disowns) {
  concert_scenario *s = load(leader);
  concert_outcome *o = run(s, "F", NULL);
  const concert_issue_result *r = concert_outcome_issue(o, 1);
  ck_assert_double_eq_tol(r->outcome, 26, 1e-9);
  ck_assert_int_eq(r->kind, CONCERT_STATEMENT_JOINT);
  ck_assert(r->forum_label);
  ck_assert(has(s, r->signatories, r->n_signatories, "C"));
  ck_assert_int_eq(concert_outcome_attendance(o, 2)->kind, CONCERT_ATTENDANCE_LEADER_LEFT);
  concert_communique c = concert_outcome_communique(o);
  ck_assert_double_eq(c.expected_chance, 0);
  ck_assert_int_eq(c.fate, CONCERT_DOCUMENT_DISOWNED);
  ck_assert(c.issued);
  ck_assert_uint_eq(c.n_withdrawn, 1);
  ck_assert(has(s, c.withdrawn, c.n_withdrawn, "C"));
  ck_assert(has(s, c.endorsers, c.n_endorsers, "C"));
  concert_outcome_free(o);
  o = run(s, "F", "withdraw=false");
  ck_assert_int_eq(concert_outcome_communique(o).fate, CONCERT_DOCUMENT_ISSUED);
  concert_outcome_free(o);
  o = run(s, "E", NULL);
  c = concert_outcome_communique(o);
  ck_assert_int_eq(c.fate, CONCERT_DOCUMENT_FORGONE);
  ck_assert_double_eq(c.expected_chance, 1);
  concert_outcome_free(o);
  concert_scenario_free(s);
}
END_TEST

/* The forgo rule by range ends. Forum G of `leader` (no salience fall): C's whole-package
 * gain is +7.5 at the point value 0.3. With the judgment range 0.1-0.5 on that salience:
 * at 0.1 C's leader disowns (-10), at 0.5 it does not (+60 x .5 - 24 x .5 = +18): one
 * failing evaluation of three, chance 1/3: not above 0.5 (issued), above 0.3 (forgone). */
START_TEST(forgo_by_range_ends) {
  concert_scenario *s = load(leader);
  size_t a, c;
  ck_assert(concert_scenario_actor_find(s, "C", &c));
  for (a = 0; a < s->n_issues && strcmp(s->issues[a].id, "a") != 0; a++) continue;
  ck_assert_uint_lt(a, s->n_issues);
  concert_i_stance *st = &s->stances[c * s->n_issues + a];
  st->salience_range = (concert_i_range){0.1, 0.5, CONCERT_I_DIST_UNIFORM, CONCERT_I_PROV_JUDGMENT, 0};
  concert_outcome *o = run(s, "G", NULL);
  concert_communique cm = concert_outcome_communique(o);
  ck_assert_uint_eq(cm.n_evaluations, 3);
  ck_assert_double_eq_tol(cm.expected_chance, 1.0 / 3.0, 1e-12);
  ck_assert_int_eq(cm.fate, CONCERT_DOCUMENT_ISSUED);
  concert_outcome_free(o);
  o = run(s, "G", "forgo_above=0.3");
  ck_assert_int_eq(concert_outcome_communique(o).fate, CONCERT_DOCUMENT_FORGONE);
  concert_outcome_free(o);
  /* a point value (lo = hi) adds no evaluation */
  st->salience_range = (concert_i_range){0.3, 0.3, CONCERT_I_DIST_UNIFORM, CONCERT_I_PROV_JUDGMENT, 0};
  o = run(s, "G", NULL);
  ck_assert_uint_eq(concert_outcome_communique(o).n_evaluations, 1);
  concert_outcome_free(o);
  concert_scenario_free(s);
}
END_TEST

/* Reasons and hinges. r 50; A 10 with a red line at 28 (accepts [0, 28]); B, C 50 with
 * tolerance 20 ([30, 70]), C of capability 2; no re-drafting. Text (10+50+100)/4 = 40: A
 * accepts it by distance (30 <= 40) but it crosses A's red line. Without A, B and C pass
 * [30, 70], none of which A accepts: A blocks, with their text 40 (the model's own).
 * Without B (or C) the others share nothing: not pivotal. Moving A's red line 12 points
 * to 40 flips it; its position would have to move 18 points (onto its red line, 28).
 * With the judgment range 25-45 on that red line the flip lies within; with 25-35 outside. */
START_TEST(hinge_on_red_line) {
  const char *text =
      "name: hinge\nsource: test\nissues: [{id: k, title: K, reversion: 50}]\nactors:\n"
      "  - {id: A, capability: 1, stances: {k: {position: 10, salience: 1, red_line: 28}}}\n"
      "  - {id: B, capability: 1, stances: {k: {position: 50, salience: 1, tolerance: 20}}}\n"
      "  - {id: C, capability: 2, stances: {k: {position: 50, salience: 1, tolerance: 20}}}\n"
      "forums: [{id: F, members: [A, B, C], agenda: [{session: s, issues: [k]}]}]\n";
  concert_scenario *s = load(text);
  s->stances[0].red_line_range = (concert_i_range){25, 45, CONCERT_I_DIST_UNIFORM, CONCERT_I_PROV_JUDGMENT, 0};
  concert_outcome *o = run(s, "F", "redraft=false");
  const concert_issue_result *r = concert_outcome_issue(o, 0);
  ck_assert_int_eq(r->kind, CONCERT_STATEMENT_NONE);
  ck_assert_int_eq(r->hinge.field, CONCERT_HINGE_RED_LINE);
  ck_assert_str_eq(concert_scenario_actor_id(s, r->hinge.actor), "A");
  ck_assert_double_eq_tol(r->hinge.from, 28, 1e-12);
  ck_assert_double_eq_tol(r->hinge.to, 40, 1e-12);
  ck_assert_uint_eq(count_role(o, CONCERT_OBJECTION_BLOCK), 1);
  ck_assert_ptr_nonnull(strstr(r->reason, "blocked by A (without its objection the others would pass "
                                          "40.0): text 40.0 crosses its red line 28.0"));
  ck_assert_ptr_nonnull(strstr(r->reason, "within its judgment range 25.0-45.0"));
  concert_outcome_free(o);
  s->stances[0].red_line_range = (concert_i_range){25, 35, CONCERT_I_DIST_UNIFORM, CONCERT_I_PROV_JUDGMENT, 0};
  o = run(s, "F", "redraft=false");
  ck_assert_ptr_nonnull(strstr(concert_outcome_issue(o, 0)->reason, "outside its judgment range 25.0-35.0"));
  concert_outcome_free(o);
  concert_scenario_free(s);
}
END_TEST

/* A raised issue is not negotiated: no text tabled, no objection, no paragraph, only the
 * chair's summary; a text at the reversion point is not tabled either. */
START_TEST(non_negotiated_issue) {
  const char *text =
      "name: raised\nsource: test\nissues:\n  - {id: n, title: N, reversion: 50, negotiated: false}\n"
      "  - {id: m, title: M, reversion: 50}\nactors:\n"
      "  - {id: A, capability: 1, stances: {n: {position: 20, salience: 1}, m: {position: 70, salience: 1}}}\n"
      "  - {id: B, capability: 1, stances: {n: {position: 90, salience: 1}, m: {position: 70, salience: 1}}}\n"
      "forums: [{id: F, members: [A, B], agenda: [{session: s, issues: [n, m]}]}]\n";
  concert_scenario *s = load(text);
  concert_outcome *o = run(s, "F", NULL);
  const concert_issue_result *r = concert_outcome_issue(o, 0);
  ck_assert(!r->negotiated && !r->tabled);
  ck_assert_int_eq(r->kind, CONCERT_STATEMENT_NONE);
  ck_assert(r->in_summary);
  ck_assert_uint_eq(r->n_rejecters, 0);
  ck_assert_uint_eq(concert_outcome_veto_count(o), 0);
  ck_assert_ptr_nonnull(strstr(r->reason, "not negotiated"));
  concert_communique c = concert_outcome_communique(o);
  ck_assert_int_eq(c.fate, CONCERT_DOCUMENT_ISSUED);
  /* gains: the raised issue is outside the salience shares: A gains 20 points on m */
  ck_assert_double_eq_tol(concert_outcome_net_gain(o, 0), 20, 1e-9);
  char *json = NULL;
  concert_diag d;
  ck_assert_int_eq(concert_outcome_to_json(o, &json, &d), CONCERT_OK);
  ck_assert_ptr_nonnull(strstr(json, "\"negotiated\": false"));
  free(json);
  concert_outcome_free(o);
  concert_scenario_free(s);
}
END_TEST

/* statements: false (a G20-style declaration): no per-issue statement, the declaration
 * alone carries the agenda. */
START_TEST(declaration_only) {
  const char *text =
      "name: decl\nsource: test\nissues: [{id: m, title: M, reversion: 50}]\nactors:\n"
      "  - {id: A, capability: 1, stances: {m: {position: 70, salience: 1}}}\n"
      "  - {id: B, capability: 1, stances: {m: {position: 70, salience: 1}}}\n"
      "forums: [{id: F, members: [A, B], document: declaration, statements: false,\n"
      "          agenda: [{session: s, issues: [m]}]}]\n";
  concert_scenario *s = load(text);
  concert_outcome *o = run(s, "F", NULL);
  ck_assert_int_eq(concert_outcome_issue(o, 0)->kind, CONCERT_STATEMENT_NONE);
  ck_assert(!concert_outcome_issue(o, 0)->in_summary); /* the declaration covers it */
  concert_communique c = concert_outcome_communique(o);
  ck_assert(c.declaration);
  ck_assert_int_eq(c.fate, CONCERT_DOCUMENT_ISSUED);
  ck_assert_double_eq_tol(c.paragraphs[0].text, 70, 1e-9);
  ck_assert_double_eq_tol(concert_outcome_net_gain(o, 0), 20, 1e-9);
  concert_outcome_free(o);
  concert_scenario_free(s);
}
END_TEST

/* Loader errors for the new keys: file:line:col and the field path. */
START_TEST(loader_errors) {
  const char *head =
      "name: e\nsource: test\nissues: [{id: k, title: K, reversion: 50}]\nactors:\n"
      "  - {id: A, capability: 1, stances: {k: {position: 70, salience: 1}}}\n"
      "  - {id: X, capability: 1}\n"
      "forums:\n  - id: F\n    members: [A]\n    agenda: [{session: s, issues: [k]}]\n";
  struct {
    const char *tail, *path;
    concert_status st;
  } cases[] = {
      {"    quorum: most\n", "forums[0].quorum", CONCERT_ERR_INVALID},
      {"    document: memo\n", "forums[0].document", CONCERT_ERR_INVALID},
      {"    statements: maybe\n", "forums[0].statements", CONCERT_ERR_TYPE},
      {"    events: [{absent: A, before_session: s}]\n", "forums[0].events[0]", CONCERT_ERR_INVALID},
      {"    events: [{leader_leaves: A}]\n", "forums[0].events[0]", CONCERT_ERR_MISSING},
      {"    events: [{absent: X}]\n", "forums[0].events[0].absent", CONCERT_ERR_INVALID},
      {"    events: [{leader_absent: A, exogenous: perhaps}]\n", "forums[0].events[0].exogenous", CONCERT_ERR_TYPE},
      {"    events: [{absent: A}, {before_session: s, depart: A}]\n", "forums[0].events[1].depart", CONCERT_ERR_INVALID},
      {"    events: [{absent: A, depart: A}]\n", "forums[0].events[0]", CONCERT_ERR_INVALID},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    char text[2048];
    snprintf(text, sizeof text, "%s%s", head, cases[i].tail);
    concert_scenario *s = NULL;
    concert_diag d;
    concert_diag_clear(&d);
    concert_status st = concert_scenario_load_string(text, strlen(text), "t.yaml", &s, &d);
    ck_assert_msg(st == cases[i].st, "case %zu: %d (%s)", i, st, d.message);
    ck_assert_str_eq(d.path, cases[i].path);
    ck_assert_int_gt(d.line, 0);
    ck_assert_int_gt(d.column, 0);
    ck_assert_ptr_null(s);
  }
  /* negotiated must be a boolean */
  const char *bad = "name: e\nsource: test\nissues: [{id: k, title: K, reversion: 50, negotiated: 3}]\n"
                    "actors: [{id: A, capability: 1}]\nforums: []\n";
  concert_scenario *s = NULL;
  concert_diag d;
  concert_diag_clear(&d);
  ck_assert_int_eq(concert_scenario_load_string(bad, strlen(bad), "t.yaml", &s, &d), CONCERT_ERR_TYPE);
  ck_assert_str_eq(d.path, "issues[0].negotiated");
}
END_TEST

int main(void) {
  Suite *s = suite_create("summit package");
  TCase *t = tcase_create("rules");
  tcase_add_test(t, carve_out_one_dissenter);
  tcase_add_test(t, softening_into_win_set);
  tcase_add_test(t, drop_and_pivotal_pair);
  tcase_add_test(t, joint_block_and_dissociation);
  tcase_add_test(t, carve_out_others_own_text);
  tcase_add_test(t, deadlock_and_carve_out_restating);
  tcase_add_test(t, softening_to_reversion_restates);
  tcase_add_test(t, blocker_is_the_pull);
  tcase_add_test(t, absent_member_by_quorum);
  tcase_add_test(t, leader_leaves_then_disowns);
  tcase_add_test(t, forgo_by_range_ends);
  tcase_add_test(t, hinge_on_red_line);
  tcase_add_test(t, non_negotiated_issue);
  tcase_add_test(t, declaration_only);
  tcase_add_test(t, loader_errors);
  suite_add_tcase(s, t);
  return concert_test_run(s);
}
