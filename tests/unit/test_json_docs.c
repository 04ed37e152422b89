/* test_json_docs.c: the JSON documents of the history, cohesion and power concepts
 * (concert_history_to_json, concert_cohesion_to_json, concert_power_to_json): parsed back
 * with jansson, they carry their schema, the keys in documented order and the values of the
 * underlying accessors (hand-checked figures); bad arguments and non-UTF-8 cells are refused. */
#include <check.h>
#include <concert.h>
#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "check_main.h"
#include "history/history_i.h"

#define TINY CONCERT_SRCDIR "/tests/data/unga_tiny/world"

/* Parses text (which it frees) and returns the document; fails the test if it is not JSON. */
static json_t *parse(char *text) {
  ck_assert_ptr_nonnull(text);
  json_error_t err;
  json_t *j = json_loads(text, 0, &err);
  ck_assert_msg(j != NULL, "not JSON: %s", err.text);
  free(text);
  return j;
}

/* The keys of object o, joined by ',' into buf. */
static const char *keys(const json_t *o, char *buf, size_t size) {
  buf[0] = '\0';
  const char *k;
  const json_t *v;
  size_t len = 0;
  /* jansson keeps insertion order when it parses, so this is the document's order */
  json_object_foreach((json_t *)o, k, v) {
    (void)v;
    int n = snprintf(buf + len, size - len, "%s%s", len ? "," : "", k);
    if (n < 0 || (size_t)n >= size - len) break;
    len += (size_t)n;
  }
  return buf;
}

static double real_at(const json_t *o, const char *key) {
  const json_t *x = json_object_get(o, key);
  ck_assert_msg(json_is_number(x), "%s is not a number", key);
  return json_number_value(x);
}

START_TEST(history_document) {
  concert_history *h = NULL;
  concert_diag d;
  ck_assert_int_eq(concert_history_load(&h, NULL, &d), CONCERT_OK);
  char *text = NULL;
  ck_assert_int_eq(concert_history_to_json(h, CONCERT_FORUM_G7, 2018, 2020, &text, &d), CONCERT_OK);
  json_t *j = parse(text);
  char buf[1024];
  ck_assert_str_eq(keys(j, buf, sizeof buf), "schema,forum,years,thresholds,summits");
  ck_assert_str_eq(json_string_value(json_object_get(j, "schema")), "concert-history/1");
  ck_assert_int_eq(json_integer_value(json_array_get(json_object_get(j, "years"), 1)), 2020);
  ck_assert_double_eq_tol(real_at(json_object_get(j, "thresholds"), "trade"),
                          concert_rift_threshold(CONCERT_RIFT_TRADE), 1e-12);
  const json_t *ss = json_object_get(j, "summits");
  ck_assert_uint_eq(json_array_size(ss), 3);
  const json_t *s18 = json_array_get(ss, 0);
  ck_assert_str_eq(keys(s18, buf, sizeof buf),
                   "year,summit_no,format,host_country,host_city,dates,held,members,"
                   "main_document,communique,chair_summary_replaced_communique,"
                   "endorsement_withdrawn_by,departures,absences,russia_participation,"
                   "disputes,n_statements,rift,codes,sources");
  /* Charlevoix 2018: the US withdrew its endorsement: 1 of 7 members */
  const json_t *nc = json_object_get(json_object_get(s18, "rift"), "no_communique");
  ck_assert_double_eq_tol(real_at(nc, "value"), 1.0 / 7.0, 1e-9);
  ck_assert_str_eq(json_string_value(json_object_get(nc, "flag")), "yes");
  ck_assert(json_is_null(json_object_get(s18, "n_statements")));
  const json_t *code = json_array_get(json_object_get(s18, "codes"), 0);
  ck_assert_str_eq(json_string_value(json_array_get(json_object_get(code, "actors"), 0)), "USA");
  ck_assert_uint_eq(json_array_size(json_object_get(s18, "sources")), 4);
  /* 2020: no summit held, every component unknown */
  const json_t *s20 = json_array_get(ss, 2);
  ck_assert(json_is_false(json_object_get(s20, "held")));
  const json_t *tr = json_object_get(json_object_get(s20, "rift"), "trade");
  ck_assert(json_is_null(json_object_get(tr, "value")));
  ck_assert_str_eq(json_string_value(json_object_get(tr, "flag")), "unknown");
  json_decref(j);
  /* the G20 table has no chair-summary, withdrawal, absences or Russia columns */
  ck_assert_int_eq(concert_history_to_json(h, CONCERT_FORUM_G20, 2019, 2019, &text, &d),
                   CONCERT_OK);
  j = parse(text);
  const json_t *g20 = json_array_get(json_object_get(j, "summits"), 0);
  ck_assert_ptr_null(json_object_get(g20, "absences"));
  ck_assert_ptr_null(json_object_get(g20, "russia_participation"));
  ck_assert_ptr_nonnull(json_object_get(g20, "communique"));
  json_decref(j);
  /* an empty range gives no summits */
  ck_assert_int_eq(concert_history_to_json(h, CONCERT_FORUM_G7, 1900, 1901, &text, &d), CONCERT_OK);
  j = parse(text);
  ck_assert_uint_eq(json_array_size(json_object_get(j, "summits")), 0);
  json_decref(j);
  text = (char *)"x";
  ck_assert_int_eq(concert_history_to_json(NULL, CONCERT_FORUM_G7, 0, 1, &text, &d),
                   CONCERT_ERR_ARGUMENT);
  ck_assert_int_eq(concert_history_to_json(h, (concert_forum_kind)7, 0, 1, &text, &d),
                   CONCERT_ERR_ARGUMENT);
  ck_assert_ptr_null(text);
  ck_assert_int_eq(concert_history_to_json(h, CONCERT_FORUM_G7, 0, 1, NULL, &d),
                   CONCERT_ERR_ARGUMENT);
  concert_history_free(h);
}
END_TEST

START_TEST(history_not_utf8) {
  const char *csv =
      "year,summit_no,format,host_country,host_city,dates,main_outcome_document,"
      "full_communique_or_declaration,chair_summary_replaced_communique,"
      "endorsement_withdrawn_by,n_separate_leader_statements,early_departures,"
      "member_leader_absences_or_skipped_sessions,russia_participation,notable_disputes,"
      "source_ids\n"
      "2018,44,G7,Canada,Charlevoix \xff\xfe,2018-06-08/2018-06-09,Communique,yes,no,"
      "none_known,unknown,unknown,unknown,suspended,tariffs,S30\n";
  concert_history *h = concert_i_history_new();
  concert_diag d;
  concert_diag_clear(&d);
  /* refused where it is read (the one CSV reader checks every cell), so no JSON writer
   * ever meets it; it used to be read and then fail only when written */
  ck_assert_int_eq(concert_i_history_parse(h, 0, csv, strlen(csv), "g7_summits.csv", &d),
                   CONCERT_ERR_SYNTAX);
  ck_assert_int_eq(d.line, 2);
  ck_assert_int_eq(d.column, 19);
  ck_assert_str_eq(d.message, "field 5 holds text that is not valid UTF-8 (at its byte 12)");
  concert_history_free(h);
}
END_TEST

static concert_cohesion *tiny_query(concert_unga **u, const char *issue) {
  concert_diag d;
  ck_assert_int_eq(concert_unga_load(u, TINY, &d), CONCERT_OK);
  const char *m[] = {"USA", "CHN", "RUS"};
  concert_cohesion_query q = {m, 3, 1990, 1991, issue};
  concert_cohesion *c = NULL;
  ck_assert_int_eq(concert_cohesion_compute(*u, &q, &c, &d), CONCERT_OK);
  return c;
}

START_TEST(cohesion_document) {
  concert_unga *u = NULL;
  concert_cohesion *c = tiny_query(&u, NULL);
  concert_diag d;
  char *text = NULL;
  ck_assert_int_eq(concert_cohesion_to_json(c, &text, &d), CONCERT_OK);
  json_t *j = parse(text);
  char buf[1024];
  ck_assert_str_eq(keys(j, buf, sizeof buf),
                   "schema,years,issue,members,roll_calls,agreement,lijphart,joint,"
                   "mean_agreement,mean_lijphart,dispersion_mean,by_year");
  ck_assert_str_eq(json_string_value(json_object_get(j, "schema")), "concert-cohesion/1");
  ck_assert(json_is_null(json_object_get(j, "issue")));
  ck_assert_int_eq(json_integer_value(json_object_get(j, "roll_calls")), 6);
  /* hand computation of tests/unit/test_cohesion.c: USA-CHN 0.5, Lijphart 3.5/6 */
  const json_t *ag = json_object_get(j, "agreement"), *li = json_object_get(j, "lijphart");
  ck_assert_double_eq_tol(json_number_value(json_array_get(json_array_get(ag, 0), 1)), 0.5, 1e-12);
  ck_assert_double_eq_tol(json_number_value(json_array_get(json_array_get(li, 0), 1)), 3.5 / 6.0,
                          1e-9);
  ck_assert_int_eq(
      json_integer_value(json_array_get(json_array_get(json_object_get(j, "joint"), 0), 2)), 5);
  ck_assert_double_eq_tol(real_at(j, "mean_agreement"), concert_cohesion_mean(c, 0), 1e-9);
  const json_t *by = json_object_get(j, "by_year");
  ck_assert_uint_eq(json_array_size(by), 2);
  ck_assert_str_eq(keys(json_array_get(by, 0), buf, sizeof buf),
                   "year,roll_calls,mean_agreement,dispersion,dispersion_members");
  json_decref(j);
  concert_cohesion_free(c);
  concert_unga_free(u);
  /* the issue as asked: a code, or "" for all roll calls */
  c = tiny_query(&u, "me");
  ck_assert_int_eq(concert_cohesion_to_json(c, &text, &d), CONCERT_OK);
  j = parse(text);
  ck_assert_str_eq(json_string_value(json_object_get(j, "issue")), "me");
  json_decref(j);
  concert_cohesion_free(c);
  concert_unga_free(u);
  c = tiny_query(&u, "");
  ck_assert_int_eq(concert_cohesion_to_json(c, &text, &d), CONCERT_OK);
  j = parse(text);
  ck_assert_str_eq(json_string_value(json_object_get(j, "issue")), "");
  ck_assert_int_eq(json_integer_value(json_object_get(j, "roll_calls")), 6);
  json_decref(j);
  ck_assert_int_eq(concert_cohesion_to_json(NULL, &text, &d), CONCERT_ERR_ARGUMENT);
  ck_assert_ptr_null(text);
  ck_assert_int_eq(concert_cohesion_to_json(c, NULL, &d), CONCERT_ERR_ARGUMENT);
  concert_cohesion_free(c);
  concert_unga_free(u);
}
END_TEST

START_TEST(power_document) {
  /* [4; 3, 2, 1]: eta = (3, 1, 1), beta = (3/5, 1/5, 1/5), phi = (2/3, 1/6, 1/6); player 1
   * is the only veto player (docs/power.md) */
  int64_t w[] = {3, 2, 1}, q = 4;
  concert_game_spec s = {.n_players = 3, .n_weights = 1, .weights = w, .quotas = &q};
  concert_game *g = NULL;
  concert_diag d;
  ck_assert_int_eq(concert_game_new(&g, &s, &d), CONCERT_OK);
  char *text = NULL;
  ck_assert_int_eq(
      concert_power_to_json(g, CONCERT_POWER_JSON_BANZHAF | CONCERT_POWER_JSON_SHAPLEY, &text, &d),
      CONCERT_OK);
  json_t *j = parse(text);
  char buf[1024];
  ck_assert_str_eq(keys(j, buf, sizeof buf),
                   "schema,game,players,quota,total_weight,min_members,always_win_members,"
                   "winning_coalitions,vetoes,rows");
  ck_assert_str_eq(json_string_value(json_object_get(j, "schema")), "concert-power/1");
  ck_assert_int_eq(json_integer_value(json_object_get(j, "total_weight")), 6);
  ck_assert_str_eq(json_string_value(json_object_get(j, "winning_coalitions")), "3");
  ck_assert_int_eq(json_integer_value(json_object_get(j, "vetoes")), 1);
  const json_t *r0 = json_array_get(json_object_get(j, "rows"), 0);
  ck_assert_str_eq(keys(r0, buf, sizeof buf), "id,name,weight,banzhaf,swings,shapley,veto");
  ck_assert_str_eq(json_string_value(json_object_get(r0, "id")), "P1");
  ck_assert_double_eq_tol(real_at(r0, "banzhaf"), 0.6, 1e-14);
  ck_assert_double_eq_tol(real_at(r0, "shapley"), 2.0 / 3.0, 1e-14);
  ck_assert_str_eq(json_string_value(json_object_get(r0, "swings")), "3");
  ck_assert(json_is_true(json_object_get(r0, "veto")));
  const json_t *r2 = json_array_get(json_object_get(j, "rows"), 2);
  ck_assert_double_eq_tol(real_at(r2, "shapley"), 1.0 / 6.0, 1e-14);
  ck_assert(json_is_false(json_object_get(r2, "veto")));
  json_decref(j);
  /* one index only: the other's keys are absent */
  ck_assert_int_eq(concert_power_to_json(g, CONCERT_POWER_JSON_SHAPLEY, &text, &d), CONCERT_OK);
  j = parse(text);
  r0 = json_array_get(json_object_get(j, "rows"), 0);
  ck_assert_str_eq(keys(r0, buf, sizeof buf), "id,name,weight,shapley,veto");
  json_decref(j);
  ck_assert_int_eq(concert_power_to_json(g, 0, &text, &d), CONCERT_ERR_ARGUMENT);
  ck_assert_ptr_null(text);
  ck_assert_int_eq(concert_power_to_json(NULL, 1, &text, &d), CONCERT_ERR_ARGUMENT);
  concert_game_free(g);
  /* a count rule only (any 2 of 3): no quota or total weight */
  concert_game_spec c = {.n_players = 3, .n_weights = 0, .min_members = 2};
  ck_assert_int_eq(concert_game_new(&g, &c, &d), CONCERT_OK);
  ck_assert_int_eq(concert_power_to_json(g, CONCERT_POWER_JSON_BANZHAF, &text, &d), CONCERT_OK);
  j = parse(text);
  ck_assert_ptr_null(json_object_get(j, "quota"));
  ck_assert_ptr_null(json_object_get(j, "total_weight"));
  ck_assert_int_eq(json_integer_value(json_object_get(j, "min_members")), 2);
  ck_assert_double_eq_tol(real_at(json_array_get(json_object_get(j, "rows"), 1), "banzhaf"),
                          1.0 / 3.0, 1e-14);
  json_decref(j);
  concert_game_free(g);
}
END_TEST

/* The solution document: the schema and the compromise outcome (0*0.5 + 90*2) / 2.5 = 72;
 * an actor id that is not valid UTF-8 is refused, not written without its key. */
START_TEST(solution_document) {
  double x[] = {0, 90}, sal[] = {0.5, 1}, c[] = {1, 2}, rev = 50;
  const char *good[] = {"us", "eu"}, *bad[] = {"us", "e\xffu"}, *issues[] = {"trade"};
  concert_problem pb = {.n_actors = 2,
                        .n_issues = 1,
                        .position = x,
                        .salience = sal,
                        .capability = c,
                        .reversion = &rev};
  concert_solution *sol = NULL;
  concert_diag d;
  concert_diag_clear(&d);
  ck_assert_int_eq(concert_model_solve(concert_model_find("compromise"), NULL, &pb, &sol, &d),
                   CONCERT_OK);
  char *text = NULL;
  ck_assert_int_eq(concert_solution_to_json(sol, good, issues, &text, &d), CONCERT_OK);
  json_t *j = parse(text);
  ck_assert_str_eq(json_string_value(json_object_get(j, "schema")), "concert-solution/1");
  ck_assert_double_eq_tol(real_at(json_object_get(j, "outcome"), "trade"), 72.0, 1e-12);
  json_t *r0 = json_array_get(json_object_get(j, "rounds"), 0);
  ck_assert_double_eq_tol(real_at(json_object_get(json_object_get(r0, "positions"), "eu"), "trade"),
                          90.0, 1e-12);
  json_decref(j);
  concert_diag_clear(&d);
  ck_assert_int_eq(concert_solution_to_json(sol, bad, issues, &text, &d), CONCERT_ERR_INVALID);
  ck_assert_ptr_null(text);
  ck_assert_str_eq(d.message, "cannot write the solution as JSON");
  concert_solution_free(sol);
}
END_TEST

int main(void) {
  Suite *s = suite_create("json_docs");
  TCase *t = tcase_create("core");
  tcase_set_timeout(t, 60);
  tcase_add_test(t, history_document);
  tcase_add_test(t, history_not_utf8);
  tcase_add_test(t, cohesion_document);
  tcase_add_test(t, power_document);
  tcase_add_test(t, solution_document);
  suite_add_tcase(s, t);
  return concert_test_run(s);
}
