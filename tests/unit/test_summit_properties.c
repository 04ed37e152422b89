/* test_summit_properties.c: invariants of the summit protocol on seeded random forums, and
 * the fast paths checked against brute force: the re-draft's sorted sweep against a scan of
 * the scale, the rift's O(n m^2) Kendall distances and O(n) one-against-the-others trade
 * distance against the naive definitions of docs/rift-index.md. */
#include <check.h>
#include <concert.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "check_main.h"
#include "scenario/scenario_i.h"

static unsigned rnd(unsigned *s) { return *s = *s * 1103515245u + 12345u, (*s >> 8) & 0xffffff; }

/* A random forum of n members over 3 issues (trade, core-security, membership) under one
 * of the four rules. */
static char *random_scenario(unsigned *seed, size_t n, int rule, bool extras) {
  size_t cap = 8192;
  char *t = malloc(cap);
  ck_assert_ptr_nonnull(t);
  size_t u = (size_t)snprintf(t, cap, "name: r\nsource: test\nissues:\n"
                                      "  - {id: t, title: T, reversion: %u, tags: [trade]}\n"
                                      "  - {id: c, title: C, reversion: %u, tags: [core-security]}\n"
                                      "  - {id: m, title: M, reversion: %u, tags: [membership]}\nactors:\n",
                              rnd(seed) % 101, rnd(seed) % 101, rnd(seed) % 101);
  for (size_t a = 0; a < n; a++) {
    u += (size_t)snprintf(t + u, cap - u, "  - {id: A%zu, capability: %u, stances: {", a, 1 + rnd(seed) % 9);
    const char *iss[] = {"t", "c", "m"};
    for (int k = 0; k < 3; k++) {
      u += (size_t)snprintf(t + u, cap - u, "%s%s: {position: %u, salience: %.2f", k ? ", " : "", iss[k],
                            rnd(seed) % 101, (double)(rnd(seed) % 11) / 10.0);
      if (extras && rnd(seed) % 4 == 0) u += (size_t)snprintf(t + u, cap - u, ", tolerance: %u", rnd(seed) % 20);
      if (extras && rnd(seed) % 5 == 0) u += (size_t)snprintf(t + u, cap - u, ", red_line: %u", rnd(seed) % 101);
      u += (size_t)snprintf(t + u, cap - u, "}");
    }
    u += (size_t)snprintf(t + u, cap - u, "}}\n");
  }
  u += (size_t)snprintf(t + u, cap - u, "forums:\n  - id: F\n    members: [");
  for (size_t a = 0; a < n; a++) u += (size_t)snprintf(t + u, cap - u, "%sA%zu", a ? ", " : "", a);
  const char *rules[] = {"unanimity", "{consensus_minus: 1}", "{quota: 0.6}",
                         "{double_majority: {members: 0.55, capability: 0.65}}"};
  snprintf(t + u, cap - u, "]\n    rule: %s\n    agenda: [{session: s, issues: [t, c, m]}]\n", rules[rule]);
  return t;
}

/* Whether the present members accepting text y satisfy the rule (recomputed from the
 * public API: the acceptance test of docs/protocol.md rule 3). */
static bool rule_holds(const concert_scenario *s, size_t k, double y, int rule, const char *text) {
  (void)text;
  size_t n = concert_scenario_forum_member_count(s, 0), ny = 0;
  double cp = 0, cy = 0, r = concert_scenario_issue_reversion(s, k);
  for (size_t i = 0; i < n; i++) {
    size_t a = concert_scenario_forum_member(s, 0, i);
    double p, sal;
    concert_scenario_stance(s, a, k, &p, &sal);
    (void)sal;
    double c = concert_scenario_actor_capability(s, a);
    cp += c;
    /* tolerance and red line are not exposed by the public API: only use this helper on
     * forums generated without them (see below) */
    if (fabs(y - p) <= fabs(r - p) + 1e-9) ny++, cy += c;
  }
  switch (rule) {
    case 0: return ny == n;
    case 1: return n - ny <= 1 && ny > 0;
    case 2: return cy / cp >= 0.6 - 1e-9;
    default: return (double)ny / (double)n >= 0.55 - 1e-9 && cy / cp >= 0.65 - 1e-9;
  }
}

START_TEST(invariants_and_redraft) {
  unsigned seed = 777;
  size_t checked_redrafts = 0, joint = 0;
  for (int trial = 0; trial < 1200; trial++) {
    size_t n = 2 + (size_t)(trial % 7);
    int rule = trial % 4;
    char *text = random_scenario(&seed, n, rule, trial % 3 == 0);
    concert_scenario *s = NULL;
    concert_diag d;
    concert_diag_clear(&d);
    ck_assert_msg(concert_scenario_load_string(text, strlen(text), "r", &s, &d) == CONCERT_OK, "%s", d.message);
    bool plain = strstr(text, "tolerance") == NULL && strstr(text, "red_line") == NULL;
    concert_outcome *o = NULL;
    ck_assert_int_eq(concert_summit_run(s, 0, NULL, NULL, NULL, &o, &d), CONCERT_OK);
    for (size_t i = 0; i < concert_outcome_issue_count(o); i++) {
      const concert_issue_result *r = concert_outcome_issue(o, i);
      double rv = concert_scenario_issue_reversion(s, r->issue);
      if (r->kind == CONCERT_STATEMENT_JOINT) {
        ck_assert(r->text >= 0 && r->text <= 100);
        ck_assert(fabs(r->text - rv) > 1e-9); /* never a text at the reversion point */
        ck_assert(!r->in_summary);
        joint++;
        if (plain && fabs(r->text - r->outcome) > 1e-9) checked_redrafts++;
        if (plain) {
          ck_assert(rule_holds(s, r->issue, r->text, rule, text));
          /* no point strictly closer to the model's text satisfies the rule */
          double x = r->outcome, dist = fabs(r->text - x);
          for (double y = 0; y <= 100; y += 0.05)
            if (fabs(y - x) < dist - 1e-6 && fabs(y - rv) > 1e-9)
              ck_assert_msg(!rule_holds(s, r->issue, y, rule, text),
                            "trial %d: %g satisfies the rule, closer to %g than the re-draft %g", trial, y, x, r->text);
        }
      } else {
        ck_assert(r->in_summary);
      }
    }
    /* rift: the definitions, recomputed naively: trade (issue 0) one member against the
     * others' salience-weighted mean, agenda from the member pairs' Kendall distances */
    concert_rift rift;
    ck_assert_int_eq(concert_rift_from_outcome(o, &rift, &d), CONCERT_OK);
    ck_assert(concert_rift_valid(&rift));
    double trade = 0, kend = 0;
    size_t pairs = 0;
    for (size_t a = 0; a < n; a++) {
      double pa, sa, sw = 0, swx = 0, psum = 0;
      concert_scenario_stance(s, concert_scenario_forum_member(s, 0, a), 0, &pa, &sa);
      for (size_t b = 0; b < n; b++) {
        double pb, sb;
        if (b == a) continue;
        concert_scenario_stance(s, concert_scenario_forum_member(s, 0, b), 0, &pb, &sb);
        sw += sb, swx += sb * pb, psum += pb;
      }
      double mean = sw > 0 ? swx / sw : psum / (double)(n - 1);
      if (n > 1) trade = fmax(trade, sa * fabs(pa - mean) / 100);
    }
    for (size_t a = 0; a < n; a++)
      for (size_t b = a + 1; b < n; b++, pairs++) {
        size_t ia = concert_scenario_forum_member(s, 0, a), ib = concert_scenario_forum_member(s, 0, b);
        double disc = 0;
        for (size_t p = 0; p < 3; p++)
          for (size_t q = p + 1; q < 3; q++) {
            double xa, ya, xb, yb;
            concert_scenario_stance(s, ia, p, NULL, &xa), concert_scenario_stance(s, ia, q, NULL, &ya);
            concert_scenario_stance(s, ib, p, NULL, &xb), concert_scenario_stance(s, ib, q, NULL, &yb);
            double da = xa - ya, db = xb - yb;
            if (da * db < 0) disc += 1;
            else if (da * db == 0 && (da != 0 || db != 0)) disc += 0.5;
          }
        kend += disc / 3;
      }
    ck_assert_double_eq_tol(rift.value[CONCERT_RIFT_TRADE], trade, 1e-12);
    ck_assert_double_eq_tol(rift.value[CONCERT_RIFT_AGENDA], kend / (double)pairs, 1e-12);
    concert_outcome_free(o);
    concert_scenario_free(s);
    free(text);
  }
  /* the random forums exercise both paths */
  ck_assert_uint_gt(joint, 50);
  ck_assert_uint_gt(checked_redrafts, 10);
}
END_TEST

/* Whether text holds "nan" or "inf" as a word (any case): a number printed undefined. */
static bool has_undefined(const char *text) {
  for (const char *p = text; *p; p++) {
    bool start = p == text || !((p[-1] | 32) >= 'a' && (p[-1] | 32) <= 'z');
    if (!start) continue;
    if (strncasecmp(p, "nan", 3) == 0 || strncasecmp(p, "inf", 3) == 0) {
      char c = (char)(p[3] | 32);
      if (!(c >= 'a' && c <= 'z')) return true;
    }
  }
  return false;
}

/* Whether member a accepts text y on issue k (docs/protocol.md, acceptance), from the
 * scenario's stance directly: tolerance (default 0) and red line included. */
static bool accepts(const concert_scenario *s, size_t a, size_t k, double y) {
  const concert_i_stance *st = &s->stances[a * s->n_issues + k];
  double r = concert_scenario_issue_reversion(s, k), p = st->position;
  double tol = isnan(st->tolerance) ? 0 : st->tolerance;
  if (!isnan(st->red_line) && (y - st->red_line) * (p - st->red_line) < -1e-9) return false;
  return fabs(y - p) <= fabs(r - p) + tol + 1e-9;
}

/* Brute force over the half-point grid (every interval end of these integer forums lies
 * on it): the new texts (not the reversion point) that every member of forum 0 but
 * member `skip` accepts are flagged in g (201 points); returns how many. */
static size_t others_new_texts(const concert_scenario *s, size_t k, size_t skip, bool *g) {
  size_t n = concert_scenario_forum_member_count(s, 0), cnt = 0;
  double r = concert_scenario_issue_reversion(s, k);
  for (int q = 0; q <= 200; q++) {
    double y = q / 2.0;
    g[q] = fabs(y - r) > 1e-9;
    for (size_t i = 0; g[q] && i < n; i++)
      if (i != skip && !accepts(s, concert_scenario_forum_member(s, 0, i), k, y)) g[q] = false;
    cnt += g[q];
  }
  return cnt;
}

/* Whether member i of forum 0 is pivotal on issue k (docs/protocol.md, blockers): without
 * it the others share a new text, and it accepts none of them. */
static bool brute_pivotal(const concert_scenario *s, size_t k, size_t i) {
  bool g[201];
  if (others_new_texts(s, k, i, g) == 0) return false;
  size_t a = concert_scenario_forum_member(s, 0, i);
  for (int q = 0; q <= 200; q++)
    if (g[q] && accepts(s, a, k, q / 2.0)) return false;
  return true;
}

/* On random forums with tolerances and red lines: no output prints an undefined number;
 * on a failed tabled text exactly the pivotal members are named blockers (checked by
 * brute force: remove the member, intersect the others' win-sets on a grid, confirm a new
 * text exists and the member accepts none), each with a text the others all accept and it
 * refuses; without a pivotal member the objectors are parties to a deadlock; a
 * dissociating member's text passed. */
START_TEST(outputs_defined_and_blockers_pivotal) {
  unsigned seed = 4242;
  size_t blocks = 0, joint = 0, dissoc = 0;
  for (int trial = 0; trial < 400; trial++) {
    int rule = trial % 4;
    size_t n = 2 + rnd(&seed) % 6;
    char *text = random_scenario(&seed, n, rule, true);
    /* every third forum loses members: A0 departs before its only session, A1 is absent
     * (with two members nobody is left), sometimes counted under quorum all */
    bool events = trial % 3 == 2;
    if (events) {
      size_t len = strlen(text);
      char *grown = realloc(text, len + 200);
      ck_assert_ptr_nonnull(grown);
      text = grown;
      snprintf(text + len, 200, "    events: [{before_session: s, depart: A0}, {absent: A1}]\n%s",
               trial % 2 ? "    quorum: all\n" : "");
    }
    concert_scenario *s = NULL;
    concert_diag d;
    concert_diag_clear(&d);
    ck_assert_msg(concert_scenario_load_string(text, strlen(text), "r.yaml", &s, &d) == CONCERT_OK, "%s", d.message);
    const char *models[] = {"compromise", "median", "nash"};
    concert_outcome *o = NULL;
    ck_assert_int_eq(concert_summit_run(s, 0, concert_model_find(models[trial % 3]), NULL, NULL, &o, &d), CONCERT_OK);
    char *buf = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&buf, &len);
    ck_assert_ptr_nonnull(mem);
    ck_assert_int_eq(concert_outcome_write_text(o, mem), CONCERT_OK);
    fclose(mem);
    ck_assert_msg(!has_undefined(buf), "undefined number in:\n%s", buf);
    free(buf);
    char *json = NULL;
    ck_assert_int_eq(concert_outcome_to_json(o, &json, &d), CONCERT_OK);
    ck_assert_msg(!has_undefined(json), "undefined number in:\n%s", json);
    free(json);
    for (size_t i = 0; i < n; i++) ck_assert(isfinite(concert_outcome_net_gain(o, i)));
    ck_assert(isfinite(concert_outcome_communique(o).expected_chance));
    for (size_t q = 0; !events && q < concert_outcome_issue_count(o); q++) {
      const concert_issue_result *r = concert_outcome_issue(o, q);
      size_t k = r->issue, named = 0, parties = 0;
      for (size_t v = 0; v < concert_outcome_veto_count(o); v++) {
        const concert_veto *x = concert_outcome_veto(o, v);
        if (x->issue != k) continue;
        ck_assert(r->tabled);
        size_t i = 0;
        while (concert_scenario_forum_member(s, 0, i) != x->actor) i++;
        if (x->role == CONCERT_OBJECTION_DISSOCIATE) {
          dissoc++;
          ck_assert_int_ne(r->kind, CONCERT_STATEMENT_NONE);
        } else if (x->role == CONCERT_OBJECTION_BLOCK) {
          blocks++, named++;
          ck_assert_msg(brute_pivotal(s, k, i), "trial %d: blocker not pivotal", trial);
          ck_assert(fabs(x->text - concert_scenario_issue_reversion(s, k)) > 1e-9);
          ck_assert(!accepts(s, x->actor, k, x->text));
          for (size_t j = 0; j < n; j++)
            if (j != i) ck_assert(accepts(s, concert_scenario_forum_member(s, 0, j), k, x->text));
        } else {
          joint++, parties++;
          ck_assert(!accepts(s, x->actor, k, r->outcome));
        }
      }
      if (!r->tabled || r->kind != CONCERT_STATEMENT_NONE) continue;
      size_t piv = 0;
      for (size_t i = 0; i < n; i++) piv += brute_pivotal(s, k, i);
      ck_assert_uint_eq(named, piv); /* every pivotal member is named, and only they */
      if (piv) ck_assert_uint_eq(parties, 0);
    }
    concert_outcome_free(o);
    concert_scenario_free(s);
    free(text);
  }
  ck_assert_uint_gt(blocks, 20);
  ck_assert_uint_gt(joint, 20);
  ck_assert_uint_gt(dissoc, 5);
}
END_TEST

int main(void) {
  Suite *s = suite_create("summit properties");
  TCase *t = tcase_create("random forums");
  tcase_set_timeout(t, 120);
  tcase_add_test(t, invariants_and_redraft);
  tcase_add_test(t, outputs_defined_and_blockers_pivotal);
  suite_add_tcase(s, t);
  return concert_test_run(s);
}
