/* test_summit.c: every rule of the summit protocol (docs/protocol.md) on small hand-made
 * forums whose outcomes are computed by hand in the comments. */
#include <check.h>
#include <concert.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "check_main.h"
#include "scenario_support.h"

static bool has(const concert_scenario *s, const size_t *v, size_t n, const char *id) {
  for (size_t i = 0; i < n; i++)
    if (strcmp(concert_scenario_actor_id(s, v[i]), id) == 0) return true;
  return false;
}

/* Rules 2-4, 7: identical actors agree on everything and issue a communique. */
START_TEST(identical_actors_issue_communique) {
  for (int n = 1; n <= 6; n++) {
    char text[4096];
    size_t u = (size_t)snprintf(text, sizeof text,
                                "name: same\nsource: test\nissues:\n"
                                "  - {id: a, title: A, reversion: 10}\n  - {id: b, title: B, reversion: 90}\nactors:\n");
    for (int i = 0; i < n; i++)
      u += (size_t)snprintf(text + u, sizeof text - u,
                            "  - {id: M%d, capability: %d, stances: {a: {position: 60, salience: 0.7}, b: {position: 35, salience: 0.2}}}\n",
                            i, i + 1);
    u += (size_t)snprintf(text + u, sizeof text - u, "forums: [{id: F, members: [");
    for (int i = 0; i < n; i++) u += (size_t)snprintf(text + u, sizeof text - u, "%sM%d", i ? ", " : "", i);
    snprintf(text + u, sizeof text - u, "], agenda: [{session: s, issues: [a, b]}]}]\n");
    concert_scenario *s = load(text);
    concert_outcome *o = run(s, "F", NULL);
    ck_assert_uint_eq(concert_outcome_joint_count(o), 2);
    ck_assert_double_eq_tol(concert_outcome_issue(o, 0)->text, 60, 1e-9);
    ck_assert_double_eq_tol(concert_outcome_issue(o, 1)->text, 35, 1e-9);
    concert_communique c = concert_outcome_communique(o);
    ck_assert(c.issued && !c.chair_forwent);
    ck_assert_uint_eq(c.n_endorsers, (size_t)n);
    ck_assert_int_eq(c.fate, CONCERT_DOCUMENT_ISSUED);
    /* net gain in points: salience shares 0.7/0.9 and 0.2/0.9 of 50 and 55 points:
     * 38.889 + 12.222 = 51.111 for each member */
    for (int i = 0; i < n; i++)
      ck_assert_double_eq_tol(concert_outcome_net_gain(o, (size_t)i), 0.7 / 0.9 * 50 + 0.2 / 0.9 * 55, 1e-9);
    concert_outcome_free(o);
    concert_scenario_free(s);
  }
}
END_TEST

/* A veto: compromise of A(20, w=1) and B(80, w=1) on r=30 is 50; A's distance 30 > 10 =
 * its distance to r, so A rejects: no statement, a chair's summary line. A accepts
 * [10, 30], B [30, 100]: without A, B alone would pass new texts (30, 100], none of which
 * A accepts: A blocks, with B's text 50 (nearest the model's text). Without B, A would
 * pass [10, 30): B accepts none: B blocks too, with A's text (nearest 50 is the reversion
 * point 30, so the other end, 10: 20 points worse for B than 30). */
static const char *two =
    "name: veto\nsource: test\nissues:\n"
    "  - {id: a, title: A, reversion: 30}\n"
    "actors:\n"
    "  - {id: A, capability: 1, stances: {a: {position: 20, salience: 1}}}\n"
    "  - {id: B, capability: 1, stances: {a: {position: 80, salience: 1}}}\n"
    "  - {id: P, capability: 1, stances: {a: {position: 50, salience: 1}}}\n"
    "forums:\n"
    "  - {id: F, members: [A, B], invited: [P], agenda: [{session: s, issues: [a]}]}\n"
    "  - {id: T, members: [A, B], invited: [P], agenda: [{session: s, issues: [a]}], rule: {consensus_minus: 1}}\n"
    "  - {id: Q, members: [A, B], agenda: [{session: s, issues: [a]}], rule: {quota: 0.5}}\n";

START_TEST(veto_goes_to_chair_summary) {
  concert_scenario *s = load(two);
  concert_outcome *o = run(s, "F", NULL);
  const concert_issue_result *r = concert_outcome_issue(o, 0);
  ck_assert_double_eq_tol(r->outcome, 50, 1e-12);
  ck_assert_int_eq(r->kind, CONCERT_STATEMENT_NONE);
  ck_assert(r->in_summary);
  /* dispersion of 20 and 80 with equal weights: 30 -> "exchanged views" (> 25) */
  ck_assert_double_eq_tol(r->dispersion, 30, 1e-12);
  ck_assert_int_eq(r->wording, CONCERT_WORDING_EXCHANGED_VIEWS);
  ck_assert_uint_eq(concert_outcome_veto_count(o), 2);
  const concert_veto *v = concert_outcome_veto(o, 0);
  ck_assert_str_eq(concert_scenario_actor_id(s, v->actor), "A");
  ck_assert_double_eq_tol(v->text, 50, 1e-12);
  ck_assert_double_eq_tol(v->excess, 20, 1e-12);
  ck_assert_int_eq(v->role, CONCERT_OBJECTION_BLOCK);
  v = concert_outcome_veto(o, 1);
  ck_assert_str_eq(concert_scenario_actor_id(s, v->actor), "B");
  ck_assert_double_eq_tol(v->text, 10, 1e-12);
  ck_assert_double_eq_tol(v->excess, 20, 1e-12);
  ck_assert_int_eq(v->role, CONCERT_OBJECTION_BLOCK);
  /* the package's one paragraph: only the reversion point is common (no softening), one
   * dissenter of two cannot be carved out (the others must outnumber it): the paragraph
   * restates the reversion point 30. Nothing new is left, so the chair expects failure
   * with chance 1 and forgoes the communique */
  concert_communique c = concert_outcome_communique(o);
  ck_assert(c.chair_forwent && !c.attempted && !c.issued);
  ck_assert_int_eq(c.fate, CONCERT_DOCUMENT_FORGONE);
  ck_assert_double_eq(c.expected_chance, 1.0);
  ck_assert_uint_eq(c.n_evaluations, 1);
  concert_outcome_free(o);
  /* without forgoing, the communique is attempted and fails */
  o = run(s, "F", "chair_forgoes=false");
  c = concert_outcome_communique(o);
  ck_assert(c.attempted && !c.issued && !c.chair_forwent);
  ck_assert_int_eq(c.fate, CONCERT_DOCUMENT_FAILED);
  ck_assert_int_eq(c.paragraphs[0].fate, CONCERT_PARAGRAPH_RESTATES);
  ck_assert_double_eq_tol(c.paragraphs[0].text, 30, 1e-12);
  concert_outcome_free(o);
  /* wording thresholds are parameters: dispersion 30 <= 40 reads "discussed" */
  o = run(s, "F", "summary_discussed=40");
  ck_assert_int_eq(concert_outcome_issue(o, 0)->wording, CONCERT_WORDING_DISCUSSED);
  concert_outcome_free(o);
  /* a tolerance of 20 lets A accept: a joint statement, and P co-signs (|50-50| = 0) */
  o = run(s, "F", "tolerance=20");
  r = concert_outcome_issue(o, 0);
  ck_assert_int_eq(r->kind, CONCERT_STATEMENT_JOINT);
  ck_assert_uint_eq(r->n_partners, 1);
  concert_outcome_free(o);
  o = run(s, "F", "partners_cosign=false");
  ck_assert_uint_eq(concert_outcome_issue(o, 0)->n_partners, 0);
  concert_outcome_free(o);
  concert_scenario_free(s);
}
END_TEST

START_TEST(consensus_minus_and_quota) {
  concert_scenario *s = load(two);
  /* consensus minus 1: B alone accepts -> the rule is met, but a text signed by B only is
   * B's statement, not the forum's joint statement; P co-signs because it accepts 50 (its
   * own position) */
  concert_outcome *o = run(s, "T", NULL);
  const concert_issue_result *r = concert_outcome_issue(o, 0);
  ck_assert_int_eq(r->kind, CONCERT_STATEMENT_MINILATERAL);
  ck_assert(!r->forum_label);
  ck_assert_uint_eq(r->n_signatories, 1);
  ck_assert(has(s, r->signatories, r->n_signatories, "B"));
  ck_assert(has(s, r->partners, r->n_partners, "P"));
  /* A is not pivotal (the text passes without it): it dissociates */
  ck_assert_uint_eq(r->n_dissociating, 1);
  ck_assert(has(s, r->dissociating, 1, "A"));
  ck_assert_uint_eq(concert_outcome_veto_count(o), 1);
  ck_assert_int_eq(concert_outcome_veto(o, 0)->role, CONCERT_OBJECTION_DISSOCIATE);
  concert_outcome_free(o);
  /* quota 0.5 of capability: B holds 1/2 -> met; signed by B alone: B's statement */
  o = run(s, "Q", NULL);
  ck_assert_int_eq(concert_outcome_issue(o, 0)->kind, CONCERT_STATEMENT_MINILATERAL);
  ck_assert_uint_eq(concert_outcome_issue(o, 0)->n_dissociating, 1);
  concert_outcome_free(o);
  concert_scenario_free(s);
}
END_TEST

/* Rule 5: minilateral statements. Members A(10), B(20), C(90), r = 50. Compromise of
 * all with equal weights: 40. C rejects (|40-90| = 50 > 40). A and B re-bargain: 15,
 * both accept (5 <= 40, 5 <= 30): a minilateral statement at 15 by A and B. */
START_TEST(minilateral_coalition) {
  const char *text =
      "name: mini\nsource: test\nissues: [{id: a, title: A, reversion: 50}]\nactors:\n"
      "  - {id: A, capability: 1, stances: {a: {position: 10, salience: 1}}}\n"
      "  - {id: B, capability: 1, stances: {a: {position: 20, salience: 1}}}\n"
      "  - {id: C, capability: 1, stances: {a: {position: 90, salience: 1}}}\n"
      "forums:\n"
      "  - {id: M, members: [A, B, C], minilateral: {allowed: true, min_members: 2},\n"
      "     agenda: [{session: s, issues: [a]}]}\n"
      "  - {id: M3, members: [A, B, C], minilateral: {allowed: true, min_members: 3},\n"
      "     agenda: [{session: s, issues: [a]}]}\n"
      "  - {id: N, members: [A, B, C], agenda: [{session: s, issues: [a]}]}\n";
  concert_scenario *s = load(text);
  concert_outcome *o = run(s, "M", NULL);
  const concert_issue_result *r = concert_outcome_issue(o, 0);
  ck_assert_double_eq_tol(r->outcome, 40, 1e-12);
  ck_assert_int_eq(r->kind, CONCERT_STATEMENT_MINILATERAL);
  ck_assert_double_eq_tol(r->text, 15, 1e-12);
  ck_assert_uint_eq(r->n_signatories, 2);
  ck_assert(has(s, r->signatories, 2, "A") && has(s, r->signatories, 2, "B"));
  ck_assert(r->in_summary);
  concert_outcome_free(o);
  o = run(s, "M3", NULL); /* the coalition of two is below the minimum of three */
  ck_assert_int_eq(concert_outcome_issue(o, 0)->kind, CONCERT_STATEMENT_NONE);
  concert_outcome_free(o);
  o = run(s, "N", NULL); /* minilateral not allowed (the default) */
  ck_assert_int_eq(concert_outcome_issue(o, 0)->kind, CONCERT_STATEMENT_NONE);
  concert_outcome_free(o);
  concert_scenario_free(s);
}
END_TEST

/* Red lines: A accepts 40 by distance (|40-30| = 10 <= |50-30| = 20) but its red line at
 * 35 (position 30) forbids texts above 35. B (at r, tolerance 20) accepts 40. */
START_TEST(red_line_vetoes) {
  const char *text =
      "name: red\nsource: test\nissues: [{id: a, title: A, reversion: 50}]\nactors:\n"
      "  - {id: A, capability: 1, stances: {a: {position: 30, salience: 1, red_line: 35}}}\n"
      "  - {id: B, capability: 1, stances: {a: {position: 50, salience: 1, tolerance: 20}}}\n"
      "forums: [{id: F, members: [A, B], agenda: [{session: s, issues: [a]}]}]\n";
  concert_scenario *s = load(text);
  /* Without re-drafting the red line blocks the text: one veto, by A, for its red line. */
  concert_outcome *o = run(s, "F", "redraft=false");
  ck_assert_double_eq_tol(concert_outcome_issue(o, 0)->outcome, 40, 1e-12);
  ck_assert_int_eq(concert_outcome_issue(o, 0)->kind, CONCERT_STATEMENT_NONE);
  ck_assert_uint_eq(concert_outcome_veto_count(o), 1);
  ck_assert(concert_outcome_veto(o, 0)->red_line);
  concert_outcome_free(o);
  /* Re-draft (rule 4): A accepts [10, 35] (cut at its red line), B [30, 70]; the nearest
   * text to 40 both accept is 35: a joint statement, no veto, A listed as the rejecter of
   * the model's text. */
  o = run(s, "F", NULL);
  const concert_issue_result *r = concert_outcome_issue(o, 0);
  ck_assert_int_eq(r->kind, CONCERT_STATEMENT_JOINT);
  ck_assert_double_eq_tol(r->text, 35, 1e-12);
  ck_assert_uint_eq(r->n_signatories, 2);
  ck_assert_uint_eq(r->n_rejecters, 1);
  ck_assert_uint_eq(concert_outcome_veto_count(o), 0);
  concert_outcome_free(o);
  concert_scenario_free(s);
}
END_TEST

/* Departure and withdrawal (Charlevoix). Issue a (session 1, r = 0): all at 60.
 * Issue b (session 2, r = 50): A 20 (s .5), B 20 (s .5), C 90 (s 1); C departs before 2.
 * Expected package (all present; C's departure is exogenous, so the chair expects C to
 * judge the whole package afterwards): b = (10+10+90)/2 = 55, which A and B reject; only
 * the reversion point is common and two dissenters cannot be carved out: b dropped, a
 * kept at 60: every member gains, chance of failure 0.
 * Actual: b among A, B = 20, kept (C is gone and does not judge it); C endorsed on its
 * mandate (session 1: a, +60 points x 0.2/1.2 = +10) and judges the whole package:
 * +10 + (40 - 70) x 1/1.2 = -15 < 0: C disowns it. The statement on b is signed by A and
 * B after C left: theirs, not the forum's. */
static const char *charlevoix =
    "name: withdraw\nsource: test\nissues:\n"
    "  - {id: a, title: A, reversion: 0}\n  - {id: b, title: B, reversion: 50}\nactors:\n"
    "  - {id: A, capability: 1, stances: {a: {position: 60, salience: 1}, b: {position: 20, salience: 0.5}}}\n"
    "  - {id: B, capability: 1, stances: {a: {position: 60, salience: 1}, b: {position: 20, salience: 0.5}}}\n"
    "  - {id: C, capability: 1, stances: {a: {position: 60, salience: 0.2}, b: {position: 90, salience: 1}}}\n"
    "forums:\n"
    "  - id: F\n    members: [A, B, C]\n    chair: A\n"
    "    agenda: [{session: d1, issues: [a]}, {session: d2, issues: [b]}]\n"
    "    events: [{before_session: d2, depart: C}]\n";

START_TEST(departure_and_withdrawal) {
  concert_scenario *s = load(charlevoix);
  concert_outcome *o = run(s, "F", NULL);
  ck_assert_uint_eq(concert_outcome_departure_count(o), 1);
  ck_assert_uint_eq(concert_outcome_departure(o, 0)->session, 1);
  const concert_issue_result *rb = concert_outcome_issue(o, 1);
  ck_assert_double_eq_tol(rb->outcome, 20, 1e-12);
  ck_assert_int_eq(rb->kind, CONCERT_STATEMENT_MINILATERAL);
  ck_assert(!rb->forum_label);
  ck_assert(rb->depends_exogenous);
  ck_assert(!has(s, rb->signatories, rb->n_signatories, "C")); /* absent: does not sign */
  ck_assert_int_eq(concert_outcome_issue(o, 0)->kind, CONCERT_STATEMENT_JOINT);
  concert_communique c = concert_outcome_communique(o);
  ck_assert(c.attempted && c.issued && !c.chair_forwent);
  ck_assert_int_eq(c.fate, CONCERT_DOCUMENT_DISOWNED);
  ck_assert_double_eq(c.expected_chance, 0);
  ck_assert_uint_eq(c.n_withdrawn, 1);
  ck_assert(has(s, c.withdrawn, 1, "C"));
  ck_assert_int_eq(concert_outcome_attendance(o, 2)->kind, CONCERT_ATTENDANCE_DEPARTED);
  ck_assert_int_eq(concert_outcome_attendance(o, 0)->kind, CONCERT_ATTENDANCE_PRESENT);
  /* a disowned communique counts for nobody: net gains over the statements signed */
  ck_assert_double_eq_tol(concert_outcome_net_gain(o, 2), 10, 1e-9);
  concert_outcome_free(o);
  /* with withdrawal switched off, C's endorsement stands */
  o = run(s, "F", "withdraw=false");
  c = concert_outcome_communique(o);
  ck_assert(c.issued);
  ck_assert_int_eq(c.fate, CONCERT_DOCUMENT_ISSUED);
  ck_assert_uint_eq(c.n_withdrawn, 0);
  concert_outcome_free(o);
  concert_scenario_free(s);
}
END_TEST

/* A salience shock moves the compromise: A(0) and B(100), equal capability; before
 * session 2 A's salience on b goes 0.5 -> 1 (factor 2): b = 100*0.5/1.5 = 33.33. */
START_TEST(salience_shock) {
  const char *text =
      "name: shock\nsource: test\nissues:\n  - {id: a, title: A, reversion: 50}\n  - {id: b, title: B, reversion: 50}\nactors:\n"
      "  - {id: A, capability: 1, stances: {a: {position: 0, salience: 0.5}, b: {position: 0, salience: 0.5}}}\n"
      "  - {id: B, capability: 1, stances: {a: {position: 100, salience: 0.5}, b: {position: 100, salience: 0.5}}}\n"
      "forums:\n  - id: F\n    members: [A, B]\n"
      "    agenda: [{session: d1, issues: [a]}, {session: d2, issues: [b]}]\n"
      "    events: [{before_session: d2, salience_shock: {actor: A, issue: b, factor: 2}}]\n";
  concert_scenario *s = load(text);
  concert_outcome *o = run(s, "F", NULL);
  ck_assert_double_eq_tol(concert_outcome_issue(o, 0)->outcome, 50, 1e-12);
  ck_assert_double_eq_tol(concert_outcome_issue(o, 1)->outcome, 100.0 / 3.0, 1e-9);
  concert_outcome_free(o);
  concert_scenario_free(s);
}
END_TEST

/* Property: every issued text lies within the hull of its signatories' positions (or the
 * hull with the reversion point for nash); run on the documented example. */
START_TEST(texts_within_hull) {
  concert_scenario *s = NULL;
  concert_diag d;
  concert_diag_clear(&d);
  ck_assert_int_eq(concert_scenario_load_file(CONCERT_SRCDIR "/examples/scenario-format-example.yaml", &s, &d), CONCERT_OK);
  const char *models[] = {"compromise", "median", "nash"};
  for (size_t m = 0; m < 3; m++)
    for (size_t f = 0; f < concert_scenario_forum_count(s); f++) {
      concert_outcome *o = NULL;
      ck_assert_int_eq(concert_summit_run(s, f, concert_model_find(models[m]), NULL, NULL, &o, &d), CONCERT_OK);
      for (size_t i = 0; i < concert_outcome_issue_count(o); i++) {
        const concert_issue_result *r = concert_outcome_issue(o, i);
        double lo = concert_scenario_issue_reversion(s, r->issue), hi = lo;
        if (m < 2) lo = 100, hi = 0;
        for (size_t j = 0; j < concert_scenario_forum_member_count(s, f); j++) {
          double p;
          concert_scenario_stance(s, concert_scenario_forum_member(s, f, j), r->issue, &p, NULL);
          lo = fmin(lo, p), hi = fmax(hi, p);
        }
        ck_assert(r->outcome >= lo - 1e-9 && r->outcome <= hi + 1e-9);
      }
      char *json = NULL;
      ck_assert_int_eq(concert_outcome_to_json(o, &json, &d), CONCERT_OK);
      ck_assert_ptr_nonnull(strstr(json, "\"schema\": \"concert-outcome/2\""));
      free(json);
      concert_outcome_free(o);
    }
  concert_scenario_free(s);
}
END_TEST

/* A text at the reversion point says nothing new (nash with opponents on both sides of
 * r returns r): no statement, and every member accepted it, so no veto. An empty session
 * still carries its departure event. */
START_TEST(nothing_new_and_empty_session) {
  const char *text =
      "name: nn\nsource: test\nissues: [{id: a, title: A, reversion: 50}]\nactors:\n"
      "  - {id: A, capability: 1, stances: {a: {position: 20, salience: 1}}}\n"
      "  - {id: B, capability: 1, stances: {a: {position: 80, salience: 1}}}\n"
      "forums:\n  - id: F\n    members: [A, B]\n"
      "    agenda: [{session: d1, issues: [a]}, {session: d2, issues: []}]\n"
      "    events: [{before_session: d2, depart: B}]\n";
  concert_scenario *s = load(text);
  concert_outcome *o = NULL;
  concert_diag d;
  concert_diag_clear(&d);
  ck_assert_int_eq(concert_summit_run(s, 0, concert_model_find("nash"), NULL, NULL, &o, &d), CONCERT_OK);
  const concert_issue_result *r = concert_outcome_issue(o, 0);
  ck_assert_double_eq(r->outcome, 50);
  ck_assert_int_eq(r->kind, CONCERT_STATEMENT_NONE);
  ck_assert_uint_eq(concert_outcome_veto_count(o), 0);
  ck_assert_uint_eq(concert_outcome_departure_count(o), 1);
  concert_outcome_free(o);
  concert_scenario_free(s);
}
END_TEST

START_TEST(bad_protocol_parameters) {
  concert_scenario *s = load(two);
  concert_params *p = concert_params_new();
  concert_params_set_number(p, "tolerance", 500);
  concert_outcome *o = NULL;
  concert_diag d;
  concert_diag_clear(&d);
  ck_assert_int_eq(concert_summit_run(s, 0, NULL, NULL, p, &o, &d), CONCERT_ERR_RANGE);
  ck_assert_ptr_null(o);
  ck_assert_str_eq(d.path, "tolerance");
  concert_params_free(p);
  ck_assert_int_eq(concert_summit_run(s, 99, NULL, NULL, NULL, &o, &d), CONCERT_ERR_NOT_FOUND);
  concert_scenario_free(s);
}
END_TEST

int main(void) {
  Suite *s = suite_create("summit");
  TCase *t = tcase_create("protocol");
  tcase_add_test(t, identical_actors_issue_communique);
  tcase_add_test(t, veto_goes_to_chair_summary);
  tcase_add_test(t, consensus_minus_and_quota);
  tcase_add_test(t, minilateral_coalition);
  tcase_add_test(t, red_line_vetoes);
  tcase_add_test(t, departure_and_withdrawal);
  tcase_add_test(t, salience_shock);
  tcase_add_test(t, texts_within_hull);
  tcase_add_test(t, nothing_new_and_empty_session);
  tcase_add_test(t, bad_protocol_parameters);
  suite_add_tcase(s, t);
  return concert_test_run(s);
}
