/* test_real_scenarios.c: what the shipped scenarios yield, as coded by docs/codebook.md.
 *
 * Both files are written by `concert derive` from the specs in scenarios/src and were coded
 * blind to the outcome (docs/scenarios.md). These tests state what that coding yields under
 * the default protocol; they are not targets. Against the record of Kananaskis 2025
 * (data/world/kananaskis_2025_factsheet.md) the coding reproduces six of the seven leaders'
 * statements (minerals, AI, quantum, transnational repression, migrant smuggling,
 * wildfires), no Ukraine statement and Ukraine and China in the chair's summary; it misses
 * the missing communique (predicted: issued with the US carved out of the trade, China and
 * Ukraine paragraphs), the Israel-Iran statement (predicted: deadlock) and the partners
 * (predicted: all eight on five texts; reported: three on minerals, five on wildfires).
 * docs/scenarios.md gives the causes. */
#include <check.h>
#include <concert.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "check_main.h"

static concert_scenario *load(const char *path) {
  concert_scenario *s = NULL;
  concert_diag d;
  concert_diag_clear(&d);
  ck_assert_msg(concert_scenario_load_file(path, &s, &d) == CONCERT_OK, "%s", d.message);
  return s;
}

static const concert_issue_result *issue(const concert_scenario *s, const concert_outcome *o,
                                         const char *id) {
  for (size_t i = 0; i < concert_outcome_issue_count(o); i++) {
    const concert_issue_result *r = concert_outcome_issue(o, i);
    if (strcmp(concert_scenario_issue_id(s, r->issue), id) == 0) return r;
  }
  ck_abort_msg("issue %s not on the agenda", id);
  return NULL;
}

/* The ids in v, sorted and comma-joined, compared with want. */
static void ids_are(const concert_scenario *s, const size_t *v, size_t n, const char *want) {
  const char *names[64];
  ck_assert(n < 64);
  for (size_t i = 0; i < n; i++) names[i] = concert_scenario_actor_id(s, v[i]);
  for (size_t i = 1; i < n; i++)
    for (size_t j = i; j > 0 && strcmp(names[j - 1], names[j]) > 0; j--) {
      const char *t = names[j];
      names[j] = names[j - 1], names[j - 1] = t;
    }
  char got[512] = "";
  for (size_t i = 0; i < n; i++) {
    if (i) strcat(got, ",");
    strcat(got, names[i]);
  }
  ck_assert_str_eq(got, want);
}

static concert_outcome *play(const concert_scenario *s, const char *forum, const char *model) {
  size_t f = 0;
  ck_assert(concert_scenario_forum_find(s, forum, &f));
  concert_outcome *o = NULL;
  concert_diag d;
  concert_diag_clear(&d);
  ck_assert_int_eq(concert_summit_run(s, f, model ? concert_model_find(model) : NULL, NULL, NULL, &o, &d),
                   CONCERT_OK);
  return o;
}

static const concert_paragraph *paragraph(const concert_scenario *s, concert_communique c,
                                          const char *id) {
  for (size_t i = 0; i < c.n_paragraphs; i++)
    if (strcmp(concert_scenario_issue_id(s, c.paragraphs[i].issue), id) == 0) return &c.paragraphs[i];
  ck_abort_msg("no paragraph %s", id);
  return NULL;
}

/* Both files are strict codebook files: every number sourced, judgments as ranges. */
START_TEST(scenarios_are_codebook_files) {
  const char *files[] = {CONCERT_SRCDIR "/scenarios/g7-kananaskis-2025.yaml",
                         CONCERT_SRCDIR "/scenarios/g5-2026.yaml"};
  for (size_t i = 0; i < 2; i++) {
    concert_scenario *s = load(files[i]);
    ck_assert_int_eq(concert_scenario_codebook(s), 1);
    /* the US red line on Ukraine is a judgment with its range (rule L2) */
    size_t us, k;
    ck_assert(concert_scenario_actor_find(s, "USA", &us));
    for (k = 0; k < concert_scenario_issue_count(s); k++)
      if (strcmp(concert_scenario_issue_id(s, k), "ukraine") == 0) break;
    concert_range r;
    ck_assert(concert_scenario_stance_range(s, us, k, CONCERT_FIELD_RED_LINE, &r));
    ck_assert(r.judgment);
    ck_assert_double_eq(r.value, 62.5);
    ck_assert_double_eq(r.low, 50);
    ck_assert_double_eq(r.high, 75);
    concert_scenario_free(s);
  }
}
END_TEST

START_TEST(kananaskis_as_coded) {
  concert_scenario *s = load(CONCERT_SRCDIR "/scenarios/g7-kananaskis-2025.yaml");
  concert_outcome *o = play(s, "G7", NULL);
  /* six joint statements signed by all eight members (the US delegation signs after its
   * leader left); on five of them every partner co-signs (no evidence places a partner at
   * the status quo with tolerance 12.5, rule P5/L3, and the texts are within that) */
  const char *joint[] = {"minerals", "ai", "quantum", "tnr", "migrant_smuggling", "wildfires"};
  for (size_t i = 0; i < 6; i++) {
    const concert_issue_result *r = issue(s, o, joint[i]);
    ck_assert_msg(r->kind == CONCERT_STATEMENT_JOINT, "%s: no joint statement", joint[i]);
    ids_are(s, r->signatories, r->n_signatories, "CAN,DEU,EU,FRA,GBR,ITA,JPN,USA");
  }
  ck_assert_uint_eq(concert_outcome_joint_count(o), 6);
  ids_are(s, issue(s, o, "minerals")->partners, issue(s, o, "minerals")->n_partners,
          "AUS,BRA,IDN,IND,KOR,MEX,UKR,ZAF");
  ck_assert_uint_eq(issue(s, o, "tnr")->n_partners, 0);
  /* no statement on trade, China, the Middle East or Ukraine: all in the chair's summary */
  const char *none[] = {"trade", "china", "middle_east", "ukraine"};
  for (size_t i = 0; i < 4; i++) {
    ck_assert_int_eq(issue(s, o, none[i])->kind, CONCERT_STATEMENT_NONE);
    ck_assert(issue(s, o, none[i])->in_summary);
  }
  /* who blocked: the US alone on trade and China (pivotal: the others share a new text);
   * Ukraine and the Middle East are deadlocks, nobody pivotal */
  size_t n_trade = 0, n_china = 0;
  for (size_t i = 0; i < concert_outcome_veto_count(o); i++) {
    const concert_veto *v = concert_outcome_veto(o, i);
    const char *k = concert_scenario_issue_id(s, v->issue), *a = concert_scenario_actor_id(s, v->actor);
    if (strcmp(k, "trade") == 0 || strcmp(k, "china") == 0) {
      ck_assert_str_eq(a, "USA");
      ck_assert_int_eq(v->role, CONCERT_OBJECTION_BLOCK);
      if (strcmp(k, "trade") == 0) n_trade++;
      else n_china++;
    }
    if (strcmp(k, "ukraine") == 0 || strcmp(k, "middle_east") == 0)
      ck_assert_int_eq(v->role, CONCERT_OBJECTION_JOINT_BLOCK);
    if (strcmp(k, "ukraine") == 0 && strcmp(a, "USA") == 0) ck_assert(v->red_line);
  }
  ck_assert_uint_eq(n_trade, 1);
  ck_assert_uint_eq(n_china, 1);
  /* the communique: issued, the US carved out of trade, China and Ukraine (the others
   * restate their last agreed language on trade and Ukraine); no range end changes it */
  concert_communique c = concert_outcome_communique(o);
  ck_assert_int_eq(c.fate, CONCERT_DOCUMENT_ISSUED_WITH_CARVE_OUT);
  ck_assert_double_eq(c.expected_chance, 0);
  ck_assert_uint_eq(concert_outcome_document_hinge_count(o), 0);
  const char *carved[] = {"trade", "china", "ukraine"};
  for (size_t i = 0; i < 3; i++) {
    const concert_paragraph *p = paragraph(s, c, carved[i]);
    ck_assert_int_eq(p->fate, CONCERT_PARAGRAPH_CARVED_OUT);
    ids_are(s, p->carved_out, p->n_carved_out, "USA");
  }
  ck_assert(paragraph(s, c, "trade")->restating);
  ck_assert(paragraph(s, c, "ukraine")->restating);
  ck_assert(!paragraph(s, c, "china")->restating);
  ck_assert_int_eq(paragraph(s, c, "middle_east")->fate, CONCERT_PARAGRAPH_RESTATES);
  /* the US leader left before the Ukraine session, an exogenous event; nothing disowned */
  ck_assert_uint_eq(c.n_withdrawn, 0);
  size_t us;
  ck_assert(concert_scenario_actor_find(s, "USA", &us));
  for (size_t i = 0; i < concert_scenario_forum_member_count(s, 0); i++)
    if (concert_scenario_forum_member(s, 0, i) == us)
      ck_assert_int_eq(concert_outcome_attendance(o, i)->kind, CONCERT_ATTENDANCE_LEADER_LEFT);
  /* every member gains, in points on the 0-100 scale */
  for (size_t i = 0; i < concert_scenario_forum_member_count(s, 0); i++)
    ck_assert(concert_outcome_net_gain(o, i) > 0 && concert_outcome_net_gain(o, i) < 100);
  concert_outcome_free(o);
  concert_scenario_free(s);
}
END_TEST

/* The G5 question under the codebook coding: the G7 issues its communique with the US
 * carved out of Ukraine, the Middle East, development and climate; the chair of the G5 and
 * of the G8 forgoes it (expected chance of failure 0.98 and 1.00); the G2 issues one that
 * restates or softens only. A joint statement is signed by every member. */
START_TEST(g5_forums_play) {
  concert_scenario *s = load(CONCERT_SRCDIR "/scenarios/g5-2026.yaml");
  const char *forums[] = {"G7", "G5", "G8", "G2"};
  static const concert_document_fate fate[] = {CONCERT_DOCUMENT_ISSUED_WITH_CARVE_OUT,
                                               CONCERT_DOCUMENT_FORGONE, CONCERT_DOCUMENT_FORGONE,
                                               CONCERT_DOCUMENT_ISSUED};
  for (size_t i = 0; i < 4; i++) {
    concert_outcome *o = play(s, forums[i], NULL);
    concert_communique c = concert_outcome_communique(o);
    ck_assert_msg(c.fate == fate[i], "%s: fate %d", forums[i], (int)c.fate);
    if (fate[i] == CONCERT_DOCUMENT_FORGONE) ck_assert(c.expected_chance > 0.5);
    double share = concert_outcome_agreed_share(o);
    ck_assert(share >= 0 && share <= 1);
    size_t f;
    ck_assert(concert_scenario_forum_find(s, forums[i], &f));
    for (size_t k = 0; k < concert_outcome_issue_count(o); k++) {
      const concert_issue_result *r = concert_outcome_issue(o, k);
      if (r->kind == CONCERT_STATEMENT_JOINT)
        ck_assert_uint_eq(r->n_signatories, concert_scenario_forum_member_count(s, f));
    }
    concert_outcome_free(o);
  }
  concert_scenario_free(s);
}
END_TEST

/* Under the exchange model the bilateral deals of Kananaskis form a network around
 * Washington (seed 002: a hub-and-spoke pattern around the US). */
START_TEST(kananaskis_deals_hub) {
  concert_scenario *s = load(CONCERT_SRCDIR "/scenarios/g7-kananaskis-2025.yaml");
  concert_outcome *o = NULL;
  concert_diag d;
  concert_diag_clear(&d);
  ck_assert_int_eq(concert_summit_run(s, 0, concert_model_find("exchange"), NULL, NULL, &o, &d), CONCERT_OK);
  ck_assert_uint_gt(concert_outcome_deal_count(o), 0);
  const concert_network *net = concert_outcome_network(o);
  ck_assert_ptr_nonnull(net);
  size_t hub = concert_network_hub(net);
  ck_assert_str_eq(concert_scenario_actor_id(s, concert_scenario_forum_member(s, 0, hub)), "USA");
  for (size_t i = 0; i < concert_outcome_deal_count(o); i++) {
    const concert_deal *dl = concert_outcome_deal(o, i);
    ck_assert_uint_eq(dl->round, 0);
    ck_assert(dl->gain_a > 0 && dl->gain_b > 0);
  }
  concert_outcome_free(o);
  concert_scenario_free(s);
}
END_TEST

/* The deals of Kananaskis under the exchange model, one edge each, in the same order and
 * with the same ends, issues and gains in the outcome JSON's `deals` list, the GraphML
 * and the DOT export; the hub marked in both exports. */
START_TEST(deal_edge_list_matches_exports) {
  concert_scenario *s = load(CONCERT_SRCDIR "/scenarios/g7-kananaskis-2025.yaml");
  concert_outcome *o = NULL;
  concert_diag d;
  concert_diag_clear(&d);
  ck_assert_int_eq(concert_summit_run(s, 0, concert_model_find("exchange"), NULL, NULL, &o, &d), CONCERT_OK);
  size_t n = concert_outcome_deal_count(o);
  ck_assert_uint_gt(n, 0);
  char *js = NULL, *gml = NULL, *dot = NULL;
  ck_assert_int_eq(concert_outcome_to_json(o, &js, &d), CONCERT_OK);
  ck_assert_int_eq(concert_network_to_graphml(o, &gml, &d), CONCERT_OK);
  ck_assert_int_eq(concert_network_to_dot(o, &dot, &d), CONCERT_OK);
  json_error_t err;
  json_t *root = json_loads(js, 0, &err);
  ck_assert_ptr_nonnull(root);
  json_t *deals = json_object_get(root, "deals");
  ck_assert_uint_eq(json_array_size(deals), n);
  size_t edges = 0, lines = 0;
  for (const char *p = gml; (p = strstr(p, "<edge ")); p++) edges++;
  for (const char *p = dot; (p = strstr(p, " -- ")); p++) lines++;
  ck_assert_uint_eq(edges, n);
  ck_assert_uint_eq(lines, n);
  for (size_t i = 0; i < n; i++) {
    const concert_deal *dl = concert_outcome_deal(o, i);
    const char *a = concert_scenario_actor_id(s, dl->actor_a), *b = concert_scenario_actor_id(s, dl->actor_b);
    const char *ia = concert_scenario_issue_id(s, dl->issue_a);
    const char *ib = concert_scenario_issue_id(s, dl->issue_b);
    json_t *x = json_array_get(deals, i);
    ck_assert_str_eq(json_string_value(json_object_get(x, "a")), a);
    ck_assert_str_eq(json_string_value(json_object_get(x, "b")), b);
    ck_assert_str_eq(json_string_value(json_object_get(x, "a_gives_on")), ia);
    ck_assert_str_eq(json_string_value(json_object_get(x, "b_gives_on")), ib);
    ck_assert_double_eq_tol(json_number_value(json_object_get(x, "gain_a")), dl->gain_a, 1e-9);
    ck_assert_double_eq_tol(json_number_value(json_object_get(x, "gain_b")), dl->gain_b, 1e-9);
    char want[512];
    snprintf(want, sizeof want,
             "<edge id=\"d%zu\" source=\"%s\" target=\"%s\">\n      <data key=\"issue_a\">%s</data>\n"
             "      <data key=\"issue_b\">%s</data>\n      <data key=\"gain_a\">%.6f</data>\n"
             "      <data key=\"gain_b\">%.6f</data>\n",
             i, a, b, ia, ib, dl->gain_a, dl->gain_b);
    ck_assert_msg(strstr(gml, want), "GraphML lacks %s", want);
    snprintf(want, sizeof want,
             "\"%s\" -- \"%s\" [issue_a=\"%s\", issue_b=\"%s\", gain_a=%.6f, gain_b=%.6f, round=0];\n",
             a, b, ia, ib, dl->gain_a, dl->gain_b);
    ck_assert_msg(strstr(dot, want), "DOT lacks %s", want);
  }
  /* the hub is USA (kananaskis_deals_hub) */
  ck_assert_ptr_nonnull(strstr(gml, "<node id=\"USA\">\n      <data key=\"name\">United States</data>\n"));
  ck_assert_ptr_nonnull(strstr(dot, "\"USA\" [label=\"United States\", degree="));
  ck_assert_ptr_nonnull(strstr(dot, "hub=true, spoke=false, shape=box"));
  size_t hubs = 0;
  for (const char *p = gml; (p = strstr(p, "<data key=\"hub\">true")); p++) hubs++;
  ck_assert_uint_eq(hubs, 1);
  json_decref(root);
  free(js);
  free(gml);
  free(dot);
  concert_outcome_free(o);
  concert_scenario_free(s);
}
END_TEST

int main(void) {
  Suite *s = suite_create("real scenarios");
  TCase *t = tcase_create("record");
  tcase_add_test(t, scenarios_are_codebook_files);
  tcase_add_test(t, kananaskis_as_coded);
  tcase_add_test(t, g5_forums_play);
  tcase_add_test(t, kananaskis_deals_hub);
  tcase_add_test(t, deal_edge_list_matches_exports);
  suite_add_tcase(s, t);
  return concert_test_run(s);
}
