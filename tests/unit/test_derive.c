/* test_derive.c: concert derive's pieces with hand-computed values: a capability from
 * three known shares, the EU aggregate without its seated members, the warning when the
 * requested year is not covered, a position from two years of known support weighted by
 * votes, the EU's mean position, spec errors with file:line:col and field, and the whole
 * run on the shipped data (the output is one YAML document). */
#include <check.h>
#include <concert.h>
#include <libfyaml.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_main.h"
#include "derive/derive_i.h"

#define TINY CONCERT_SRCDIR "/tests/data/derive/data"
#define EPS 1e-9

/* A countries table whose EU is {AAA, BBB}. */
static concert_i_countries tiny_countries(void) {
  concert_i_countries c = {0};
  memcpy(c.eu[0], "AAA", 4);
  memcpy(c.eu[1], "BBB", 4);
  c.n_eu = 2;
  return c;
}

static concert_worlddata *tiny_world(void) {
  concert_worlddata *w = NULL;
  concert_diag d;
  ck_assert_msg(concert_worlddata_load(TINY, &w, &d) == CONCERT_OK, "%s", d.message);
  return w;
}

START_TEST(capability_from_three_shares) {
  concert_worlddata *w = tiny_world();
  concert_i_countries c = tiny_countries();
  concert_i_capctx x = {.w = w, .c = &c};
  concert_derive_report rep = {0};
  ck_assert_int_eq(concert_i_capability_years(&x, 2021, &rep, NULL), CONCERT_OK);
  ck_assert_uint_eq(rep.n, 0); /* 2020 is the year before the summit: no warning */
  concert_i_dnum n;
  ck_assert_int_eq(concert_i_capability(&x, "AAA", NULL, 0, &n, &rep), CONCERT_OK);
  ck_assert(n.ok);
  /* shares 10, 20, 6: mean 12; leave-one-out means 13, 8, 15 */
  ck_assert_double_eq_tol(n.value, 12, EPS);
  ck_assert_double_eq_tol(n.low, 8, EPS);
  ck_assert_double_eq_tol(n.high, 15, EPS);
  ck_assert_ptr_nonnull(strstr(n.source, "GDP 10.000 (2020, wb_gdp_current_usd.csv)"));
  ck_assert_uint_eq(rep.n, 0);
  for (size_t i = 0; i < rep.n; i++) free(rep.msg[i]);
  free(rep.msg);
  concert_worlddata_free(w);
}
END_TEST

START_TEST(capability_eu_without_seated) {
  concert_worlddata *w = tiny_world();
  concert_i_countries c = tiny_countries();
  concert_i_capctx x = {.w = w, .c = &c};
  concert_derive_report rep = {0};
  ck_assert_int_eq(concert_i_capability_years(&x, 2021, &rep, NULL), CONCERT_OK);
  const char *seated[] = {"AAA", "ZZZ"};
  concert_i_dnum n;
  ck_assert_int_eq(concert_i_capability(&x, "EU", seated, 2, &n, &rep), CONCERT_OK);
  /* GDP EUU 300 - AAA 100 = 200 of 1000: 20; milex BBB 10 of 200: 5; population
   * 1000 - 600 = 400 of 10000: 4. Mean 29/3; leave-one-out 4.5, 12, 12.5. */
  ck_assert(n.ok);
  ck_assert_double_eq_tol(n.value, 29.0 / 3, EPS);
  ck_assert_double_eq_tol(n.low, 4.5, EPS);
  ck_assert_double_eq_tol(n.high, 12.5, EPS);
  ck_assert_ptr_nonnull(strstr(n.source, "EU-27 minus AAA (seated themselves)"));
  ck_assert_uint_eq(rep.n, 0);
  concert_worlddata_free(w);
}
END_TEST

START_TEST(capability_missing_year_warns) {
  concert_worlddata *w = tiny_world();
  concert_i_countries c = tiny_countries();
  concert_i_capctx x = {.w = w, .c = &c};
  concert_derive_report *rep = calloc(1, sizeof *rep);
  /* Summit 2023: no table has 2022, each falls back to 2020 with a warning. */
  ck_assert_int_eq(concert_i_capability_years(&x, 2023, rep, NULL), CONCERT_OK);
  ck_assert_int_eq(x.year[0], 2020);
  ck_assert_uint_eq(concert_derive_report_count(rep), 3);
  ck_assert_str_eq(concert_derive_report_at(rep, 0),
                   "capability: wb_gdp_current_usd.csv has no GDP for 2022; using 2020, its "
                   "latest year");
  /* CCC has 2019 figures only: GDP 45 of 900 = 5, population 500 of 5000 = 10, no milex. */
  concert_i_dnum n;
  ck_assert_int_eq(concert_i_capability(&x, "CCC", NULL, 0, &n, rep), CONCERT_OK);
  ck_assert(n.ok);
  ck_assert_double_eq_tol(n.value, 7.5, EPS);
  ck_assert_double_eq_tol(n.low, 5, EPS);
  ck_assert_double_eq_tol(n.high, 10, EPS);
  ck_assert_uint_eq(concert_derive_report_count(rep), 6);
  ck_assert_str_eq(concert_derive_report_at(rep, 3),
                   "capability of CCC: no GDP for 2020 in wb_gdp_current_usd.csv; using 2019");
  ck_assert_str_eq(concert_derive_report_at(rep, 5),
                   "capability of CCC: no military expenditure figure; the capability averages "
                   "the other 2 shares");
  /* No figure at all: a judgment to fill, with a warning. */
  ck_assert_int_eq(concert_i_capability(&x, "QQQ", NULL, 0, &n, rep), CONCERT_OK);
  ck_assert(!n.ok);
  ck_assert_uint_eq(concert_derive_report_count(rep), 7);
  ck_assert_ptr_null(concert_derive_report_at(rep, 7));
  concert_derive_report_free(rep);
  concert_worlddata_free(w);
}
END_TEST

/* Support rows sorted by (iso3, family, year). */
static concert_i_support_row rows[] = {
    {"AAA", 2020, "ua", 3, 0.5},
    {"AAA", 2021, "ua", 1, 1.0},
    {"BBB", 2020, "ua", 2, 0.0},
    {"BBB", 2021, "ua", 4, 0.25},
};

START_TEST(position_weighted_by_votes) {
  concert_i_support t = {.rows = rows, .n = 4, .last_year = 2021};
  concert_i_countries c = tiny_countries();
  const concert_i_family *ua = concert_i_family_find("ua");
  concert_i_dnum p;
  /* yearly values 50 (3 votes) and 100 (1 vote): (150 + 100) / 4 = 62.5 */
  ck_assert_int_eq(concert_i_position(&t, &c, "AAA", ua, false, 2019, 2021, &p), CONCERT_OK);
  ck_assert(p.ok);
  ck_assert_double_eq_tol(p.value, 62.5, EPS);
  ck_assert_double_eq_tol(p.low, 50, EPS);
  ck_assert_double_eq_tol(p.high, 100, EPS);
  ck_assert_str_eq(
      p.source,
      "data: UNGA issue support, family ua, years 2019-2021 (votes in 2020-2021 only), n=4 "
      "votes "
      "(data/derived/unga_issue_support.csv)");
  /* oppose: 50 and 0: 150 / 4 = 37.5 */
  ck_assert_int_eq(concert_i_position(&t, &c, "AAA", ua, true, 2020, 2021, &p), CONCERT_OK);
  ck_assert_double_eq_tol(p.value, 37.5, EPS);
  ck_assert_double_eq_tol(p.low, 0, EPS);
  /* EU = mean of AAA and BBB each year: 2020 (50 + 0) / 2 = 25 with 3 votes (the most),
   * 2021 (100 + 25) / 2 = 62.5 with 4: (75 + 250) / 7. */
  ck_assert_int_eq(concert_i_position(&t, &c, "EU", ua, false, 2020, 2021, &p), CONCERT_OK);
  ck_assert_double_eq_tol(p.value, 325.0 / 7, EPS);
  ck_assert_double_eq_tol(p.low, 25, EPS);
  ck_assert_double_eq_tol(p.high, 62.5, EPS);
  /* no vote in the window */
  ck_assert_int_eq(concert_i_position(&t, &c, "AAA", ua, false, 2022, 2024, &p), CONCERT_OK);
  ck_assert(!p.ok);
  ck_assert_ptr_null(concert_i_support_find(&t, "AAA", "me", 2020));
}
END_TEST

static void spec_error(const char *text, int line, int col, const char *path, const char *msg) {
  concert_i_spec s;
  concert_diag d;
  concert_diag_clear(&d);
  ck_assert_int_ne(concert_i_spec_parse(text, strlen(text), "t.yaml", &s, &d), CONCERT_OK);
  ck_assert_str_eq(d.file, "t.yaml");
  ck_assert_msg(d.line == line && d.column == col, "%s: got %d:%d, want %d:%d", d.message, d.line,
                d.column, line, col);
  ck_assert_str_eq(d.path, path);
  ck_assert_msg(strstr(d.message, msg), "message: %s", d.message);
  concert_i_spec_free(&s);
}

#define HEAD "name: t\nyear: 2025\n"
#define ISSUE "issues:\n  - {id: a, family: ua}\n"
#define ACTOR "actors:\n  - {id: USA}\n"
#define FORUM "forums:\n  - {id: F, members: [USA]}\n"

START_TEST(spec_errors_name_the_field) {
  spec_error(HEAD "issues:\n  - id: a\n    family: xx\n" ACTOR FORUM, 5, 13, "issues[0].family",
             "unknown family 'xx'");
  spec_error(HEAD "issues:\n  - {id: a, direction: up, family: me}\n" ACTOR FORUM, 4, 24,
             "issues[0].direction", "support' or 'oppose'");
  spec_error(HEAD "issues:\n  - {id: a, family: me, years: [2024, 2020]}\n" ACTOR FORUM, 4, 39,
             "issues[0].years", "2020");
  spec_error(HEAD ISSUE "actors:\n  - {id: USA, stances: {b: {position: 3}}}\n" FORUM, 6, 25,
             "actors[0].stances.b", "not a declared issue");
  spec_error(HEAD ISSUE "actors:\n  - {id: USA, stances: {a: {position: x}}}\n" FORUM, 6, 39,
             "actors[0].stances.a.position", "must be a number");
  spec_error(HEAD ISSUE ACTOR "forums:\n  - {id: F, members: [USA, CHN]}\n", 8, 28,
             "forums[0].members[1]", "'CHN' is not a declared actor");
  spec_error("name: t\n" ISSUE ACTOR FORUM, 1, 1, "year", "needs a 'year'");
  spec_error(HEAD "colour: red\n" ISSUE ACTOR FORUM, 3, 1, "colour", "unknown field");
  concert_i_spec sp;
  concert_diag d;
  const char *bad = HEAD "issues: [\n";
  ck_assert_int_eq(concert_i_spec_parse(bad, strlen(bad), "t.yaml", &sp, &d), CONCERT_ERR_SYNTAX);
  ck_assert_int_eq(d.line, 3); /* the last line: "issues: [" (it said 4 before) */
  ck_assert_int_eq(d.column, 10);
  ck_assert_ptr_nonnull(strstr(d.message, "malformed YAML"));
  concert_i_spec_free(&sp);
  /* invalid UTF-8 is refused before libfyaml (which loops forever on "%\xff") */
  ck_assert_int_eq(concert_i_spec_parse("name: t\n%\xff", 10, "t.yaml", &sp, &d),
                   CONCERT_ERR_SYNTAX);
  ck_assert_int_eq(d.line, 2);
  ck_assert_int_eq(d.column, 2);
  concert_i_spec_free(&sp);
}
END_TEST

START_TEST(run_on_shipped_data) {
  char *text = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&text, &len);
  concert_derive_options o = {
      .members = "USA,EU,DEU", .year = 2024, .data_dir = CONCERT_SRCDIR "/data"};
  concert_derive_report *w = NULL;
  concert_diag d;
  concert_status st = concert_derive_run(&o, NULL, f, &w, &d);
  fclose(f);
  ck_assert_msg(st == CONCERT_OK, "%s", d.message);
  ck_assert_ptr_nonnull(strstr(text, "\ncodebook: 1\n"));
  ck_assert_ptr_nonnull(strstr(text, "EU-27 minus DEU (seated themselves)"));
  struct fy_document *doc = fy_document_build_from_string(NULL, text, len);
  ck_assert_ptr_nonnull(doc);
  ck_assert(fy_node_is_mapping(fy_document_root(doc)));
  fy_document_destroy(doc);
  free(text);
  /* 2024: every table has 2023, so no capability warning; the window 2021-2023 has votes */
  ck_assert_uint_eq(concert_derive_report_count(w), 0);
  concert_derive_report_free(w);
  /* bad arguments */
  o.forum = "G7";
  ck_assert_int_eq(concert_derive_run(&o, NULL, stdout, NULL, &d), CONCERT_ERR_ARGUMENT);
  o.members = NULL, o.forum = "G9";
  ck_assert_int_eq(concert_derive_run(&o, NULL, stdout, NULL, &d), CONCERT_ERR_UNKNOWN_ID);
  ck_assert_int_eq(concert_derive_run(NULL, NULL, stdout, NULL, &d), CONCERT_ERR_ARGUMENT);
}
END_TEST

int main(void) {
  Suite *s = suite_create("derive");
  TCase *t = tcase_create("pieces");
  tcase_add_test(t, capability_from_three_shares);
  tcase_add_test(t, capability_eu_without_seated);
  tcase_add_test(t, capability_missing_year_warns);
  tcase_add_test(t, position_weighted_by_votes);
  tcase_add_test(t, spec_errors_name_the_field);
  suite_add_tcase(s, t);
  TCase *r = tcase_create("run");
  tcase_set_timeout(r, 120);
  tcase_add_test(r, run_on_shipped_data);
  suite_add_tcase(s, r);
  return concert_test_run(s);
}
