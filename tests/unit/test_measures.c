/* test_measures.c: the forum measures (docs/measures.md) on hand-made world tables and a
 * hand-made scenario whose values are computed by hand in the comments; the airport game's
 * closed form against exact enumeration; the loader's refusals of bad CSV input; a few
 * figures of the shipped data files. */
#include <check.h>
#include <concert.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "check_main.h"

/* ---------- helpers ---------- */

/* A fresh temporary directory with world/ and derived/milex/ inside; the caller removes it. */
static void make_dir(char *dir, size_t size) {
  const char *t = getenv("TMPDIR");
  snprintf(dir, size, "%s/concert-measures-XXXXXX", t && *t ? t : "/tmp");
  ck_assert_ptr_nonnull(mkdtemp(dir));
  char sub[512];
  snprintf(sub, sizeof sub, "mkdir -p '%s/world' '%s/derived/milex'", dir, dir);
  ck_assert_int_eq(system(sub), 0);
}

static void remove_dir(const char *dir) {
  char cmd[600];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
  ck_assert_int_eq(system(cmd), 0);
}

static void write_file(const char *dir, const char *name, const char *text) {
  char path[600];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  FILE *f = fopen(path, "w");
  ck_assert_ptr_nonnull(f);
  fputs(text, f);
  fclose(f);
}

/* The hand-made world: GDP in 2020 and 2021, population and military spending mostly in
 * 2021. EUU is the EU aggregate, OED an aggregate code that is no country. */
static const char *gdp_csv =
    "Country Name,Country Code,Year,Value\n"
    "World,WLD,2020,100\nWorld,WLD,2021,200\n"
    "United States,USA,2020,20\nUnited States,USA,2021,50\n"
    "China,CHN,2020,10\nChina,CHN,2021,30\n"
    "European Union,EUU,2021,40\nGermany,DEU,2021,10\n"
    "OECD members,OED,2021,120\n";
static const char *pop_csv =
    "Country Name,Country Code,Year,Value\n"
    "World,WLD,2021,1000\nUnited States,USA,2021,100\nChina,CHN,2021,400\n"
    "\"European Union, 27\",EUU,2021,150\nGermany,DEU,2021,20\n";
static const char *milex_csv =
    "iso3,year,milex_current_usd_m,sipri_country\n"
    "WLD,2020,50,World\nWLD,2021,60,World\nUSA,2020,20,x\nUSA,2021,30,x\n"
    "CHN,2021,15,x\nDEU,2021,3,x\n";

static concert_worlddata *hand_world(char *dir, size_t size) {
  make_dir(dir, size);
  write_file(dir, "world/wb_gdp_current_usd.csv", gdp_csv);
  write_file(dir, "world/wb_population.csv", pop_csv);
  write_file(dir, "derived/milex/milex_current_usd.csv", milex_csv);
  concert_worlddata *w = NULL;
  concert_diag d;
  concert_diag_clear(&d);
  concert_status st = concert_worlddata_load(dir, &w, &d);
  ck_assert_msg(st == CONCERT_OK, "%s:%d: %s", d.file, d.line, d.message);
  return w;
}

/* Capabilities USA 6, CHN 3, XXX 1, EU 2, DEU 2. F1 = USA, CHN, XXX; F2 = USA, EU, DEU.
 * Issue a (reversion 0): compromise text (6*.5*90 + 3*1*30 + 1*1*50) / 7 = 410/7 =
 * 58.571..., strictly better than the reversion point for all three (distances 31.4 < 90,
 * 28.6 < 30, 8.6 < 50), so a joint text. Issue b (reversion 0):
 * (6*1*80 + 3*.1*60 + 1*.1*70) / 6.4 = 505 / 6.4 = 78.90625, accepted by all. */
static const char *scenario_yaml =
    "name: measures test\nsource: test\nmodel: {name: compromise}\n"
    "issues:\n  - {id: a, title: A, reversion: 0}\n  - {id: b, title: B, reversion: 0}\n"
    "actors:\n"
    "  - {id: USA, capability: 6, stances: {a: {position: 90, salience: 0.5}, b: {position: 80, salience: 1}}}\n"
    "  - {id: CHN, capability: 3, stances: {a: {position: 30, salience: 1}, b: {position: 60, salience: 0.1}}}\n"
    "  - {id: XXX, capability: 1, stances: {a: {position: 50, salience: 1}, b: {position: 70, salience: 0.1}}}\n"
    "  - {id: EU, capability: 2, stances: {a: {position: 50, salience: 1}}}\n"
    "  - {id: DEU, capability: 2, stances: {a: {position: 50, salience: 1}}}\n"
    "forums:\n"
    "  - {id: F1, members: [USA, CHN, XXX], agenda: [{session: s, issues: [a, b]}]}\n"
    "  - {id: F2, members: [USA, EU, DEU], agenda: [{session: s, issues: [a]}]}\n";

static concert_scenario *load(void) {
  concert_scenario *s = NULL;
  concert_diag d;
  concert_diag_clear(&d);
  concert_status st = concert_scenario_load_string(scenario_yaml, strlen(scenario_yaml), "t.yaml", &s, &d);
  ck_assert_msg(st == CONCERT_OK, "%s (%s line %d)", d.message, d.path, d.line);
  return s;
}

static concert_outcome *run(concert_scenario *s, const char *forum) {
  size_t f = 0;
  ck_assert(concert_scenario_forum_find(s, forum, &f));
  concert_outcome *o = NULL;
  concert_diag d;
  concert_diag_clear(&d);
  ck_assert_int_eq(concert_summit_run(s, f, NULL, NULL, NULL, &o, &d), CONCERT_OK);
  return o;
}

static concert_measures *measure(const concert_outcome *o, const concert_worlddata *w, int year,
                                 const char *actor, double cost) {
  concert_measures_options opt;
  concert_measures_options_init(&opt);
  opt.year = year, opt.actor = actor, opt.cost = cost;
  concert_measures *m = NULL;
  concert_diag d;
  concert_diag_clear(&d);
  concert_status st = concert_measures_compute(o, w, &opt, &m, &d);
  ck_assert_msg(st == CONCERT_OK, "%s", d.message);
  return m;
}

/* ---------- concentration and games ---------- */

START_TEST(hhi_hand_values) {
  double h, share;
  size_t arg;
  /* shares .5 .3 .2: .25 + .09 + .04 = .38 */
  ck_assert_int_eq(concert_hhi((double[]){5, 3, 2}, 3, &h, &arg, &share), CONCERT_OK);
  ck_assert_double_eq_tol(h, 0.38, 1e-12);
  ck_assert_uint_eq(arg, 0);
  ck_assert_double_eq_tol(share, 0.5, 1e-12);
  /* equal shares: 1/n; one positive value: 1 */
  ck_assert_int_eq(concert_hhi((double[]){2, 2, 2, 2}, 4, &h, NULL, NULL), CONCERT_OK);
  ck_assert_double_eq_tol(h, 0.25, 1e-12);
  ck_assert_int_eq(concert_hhi((double[]){0, 7, 0}, 3, &h, &arg, &share), CONCERT_OK);
  ck_assert_double_eq_tol(h, 1, 1e-12);
  ck_assert_uint_eq(arg, 1);
  /* bad input */
  ck_assert_int_eq(concert_hhi((double[]){1}, 0, &h, NULL, NULL), CONCERT_ERR_EMPTY);
  ck_assert_int_eq(concert_hhi((double[]){1, -1}, 2, &h, NULL, NULL), CONCERT_ERR_RANGE);
  ck_assert_int_eq(concert_hhi((double[]){1, NAN}, 2, &h, NULL, NULL), CONCERT_ERR_RANGE);
  ck_assert_int_eq(concert_hhi((double[]){INFINITY}, 1, &h, NULL, NULL), CONCERT_ERR_RANGE);
  ck_assert_int_eq(concert_hhi((double[]){0, 0}, 2, &h, NULL, NULL), CONCERT_ERR_RANGE);
}
END_TEST

START_TEST(airport_hand_values) {
  double phi[4];
  /* needs 1, 2, 3: the first unit is split by 3, the second by 2, the third paid alone:
   * 1/3, 1/3 + 1/2 = 5/6, 5/6 + 1 = 11/6 (Littlechild and Owen's rule). */
  ck_assert_int_eq(concert_shapley_airport((double[]){3, 1, 2}, 3, phi), CONCERT_OK);
  ck_assert_double_eq_tol(phi[0], 11.0 / 6, 1e-12);
  ck_assert_double_eq_tol(phi[1], 1.0 / 3, 1e-12);
  ck_assert_double_eq_tol(phi[2], 5.0 / 6, 1e-12);
  /* needs 100, 60, 40 (the example's forum F3 for a cost of 100): 40/3, 40/3 + 20/2,
   * 40/3 + 10 + 40 */
  ck_assert_int_eq(concert_shapley_airport((double[]){100, 60, 40}, 3, phi), CONCERT_OK);
  ck_assert_double_eq_tol(phi[0], 40.0 / 3 + 50, 1e-9);
  ck_assert_double_eq_tol(phi[1], 40.0 / 3 + 10, 1e-9);
  ck_assert_double_eq_tol(phi[2], 40.0 / 3, 1e-9);
  /* ties share equally; a zero need pays nothing */
  ck_assert_int_eq(concert_shapley_airport((double[]){2, 2, 0, 8}, 4, phi), CONCERT_OK);
  ck_assert_double_eq_tol(phi[0], 2.0 / 3, 1e-12);
  ck_assert_double_eq_tol(phi[1], 2.0 / 3, 1e-12);
  ck_assert_double_eq_tol(phi[2], 0, 1e-12);
  ck_assert_double_eq_tol(phi[3], 2.0 / 3 + 6, 1e-12);
  /* bad input */
  ck_assert_int_eq(concert_shapley_airport((double[]){1}, 0, phi), CONCERT_ERR_EMPTY);
  ck_assert_int_eq(concert_shapley_airport((double[]){1, -2}, 2, phi), CONCERT_ERR_RANGE);
  ck_assert_int_eq(concert_shapley_airport((double[]){NAN}, 1, phi), CONCERT_ERR_RANGE);
  ck_assert_int_eq(concert_shapley_airport(NULL, 1, phi), CONCERT_ERR_ARGUMENT);
}
END_TEST

/* The airport game as a coalition function: max of the members' needs. */
typedef struct airport {
  const double *c; /* needs */
  size_t n;        /* players */
} airport;

static double airport_cost(uint32_t s, void *user) {
  const airport *g = user;
  double m = 0;
  for (size_t i = 0; i < g->n; i++)
    if ((s >> i & 1u) && g->c[i] > m) m = g->c[i];
  return m;
}

static double majority(uint32_t s, void *user) {
  return __builtin_popcount(s) >= 2 ? 1 : 0;
}

static double bad_game(uint32_t s, void *user) { return s == 3 ? NAN : 1; }

/* A small deterministic generator for the property test (no rand in this project). */
static uint64_t lcg(uint64_t *x) {
  *x = *x * 6364136223846793005ull + 1442695040888963407ull;
  return *x >> 33;
}

START_TEST(airport_closed_form_equals_enumeration) {
  uint64_t seed = 42;
  for (size_t n = 1; n <= 12; n++)
    for (int rep = 0; rep < 5; rep++) {
      double c[12], a[12], e[12];
      for (size_t i = 0; i < n; i++) c[i] = (double)(lcg(&seed) % 1000) / 10; /* ties occur */
      airport g = {c, n};
      ck_assert_int_eq(concert_shapley_airport(c, n, a), CONCERT_OK);
      ck_assert_int_eq(concert_shapley_exact(n, airport_cost, &g, e), CONCERT_OK);
      double sum = 0, max = 0;
      for (size_t i = 0; i < n; i++) {
        ck_assert_double_eq_tol(a[i], e[i], 1e-9);
        sum += a[i];
        if (c[i] > max) max = c[i];
      }
      ck_assert_double_eq_tol(sum, max, 1e-9); /* efficiency: the grand coalition's cost */
      for (size_t i = 0; i < n; i++)           /* monotone in need */
        for (size_t j = 0; j < n; j++)
          if (c[i] <= c[j]) ck_assert(a[i] <= a[j] + 1e-12);
    }
}
END_TEST

START_TEST(exact_shapley_reference_and_bad_input) {
  double phi[21];
  /* three-player simple majority: symmetric, 1/3 each */
  ck_assert_int_eq(concert_shapley_exact(3, majority, NULL, phi), CONCERT_OK);
  for (int i = 0; i < 3; i++) ck_assert_double_eq_tol(phi[i], 1.0 / 3, 1e-12);
  ck_assert_int_eq(concert_shapley_exact(0, majority, NULL, phi), CONCERT_ERR_EMPTY);
  ck_assert_int_eq(concert_shapley_exact(21, majority, NULL, phi), CONCERT_ERR_TOO_LARGE);
  ck_assert_int_eq(concert_shapley_exact(2, NULL, NULL, phi), CONCERT_ERR_ARGUMENT);
  ck_assert_int_eq(concert_shapley_exact(2, bad_game, NULL, phi), CONCERT_ERR_RANGE);
}
END_TEST

/* ---------- the world tables ---------- */

START_TEST(world_tables_lookup) {
  char dir[512];
  concert_worlddata *w = hand_world(dir, sizeof dir);
  double v;
  ck_assert(concert_worlddata_value(w, CONCERT_INDICATOR_GDP, "CHN", 2021, &v));
  ck_assert_double_eq(v, 30);
  ck_assert(concert_worlddata_value(w, CONCERT_INDICATOR_POPULATION, "EUU", 2021, &v));
  ck_assert_double_eq(v, 150); /* quoted name with a comma */
  ck_assert(!concert_worlddata_value(w, CONCERT_INDICATOR_POPULATION, "USA", 2020, &v));
  ck_assert(!concert_worlddata_value(w, CONCERT_INDICATOR_MILEX, "XXX", 2021, &v));
  ck_assert(concert_worlddata_has(w, CONCERT_INDICATOR_MILEX, "DEU"));
  ck_assert(!concert_worlddata_has(w, CONCERT_INDICATOR_MILEX, "EUU"));
  concert_worlddata_free(w);
  concert_worlddata_free(NULL);
  remove_dir(dir);
}
END_TEST

/* One bad file: expect status, line, column, field. */
static void expect_bad(const char *text, concert_status st, int line, int column, const char *path) {
  char dir[512];
  make_dir(dir, sizeof dir);
  write_file(dir, "bad.csv", text);
  char file[600];
  snprintf(file, sizeof file, "%s/bad.csv", dir);
  concert_worlddata *w = concert_worlddata_new();
  concert_diag d;
  concert_diag_clear(&d);
  concert_status got = concert_worlddata_load_csv(w, CONCERT_INDICATOR_GDP, file, "Country Code",
                                                  "Year", "Value", &d);
  ck_assert_msg(got == st, "%s: got %s (%s)", text, concert_status_name(got), d.message);
  ck_assert_str_eq(d.file, file);
  ck_assert_int_eq(d.line, line);
  ck_assert_int_eq(d.column, column);
  ck_assert_str_eq(d.path, path);
  concert_worlddata_free(w);
  remove_dir(dir);
}

START_TEST(world_tables_bad_input) {
  const char *h = "Country Name,Country Code,Year,Value\n";
  char t[512];
  expect_bad("Country Name,Code,Year,Value\nA,AAA,2000,1\n", CONCERT_ERR_MISSING, 1, 0, "Country Code");
  snprintf(t, sizeof t, "%sA,AAA,2000,1\nB,BBB,20x1,2\n", h);
  expect_bad(t, CONCERT_ERR_RANGE, 3, 3, "Year");
  snprintf(t, sizeof t, "%sA,AAA,2000,1\nB,BBB,999,2\n", h);
  expect_bad(t, CONCERT_ERR_RANGE, 3, 3, "Year");
  snprintf(t, sizeof t, "%sA,AAA,2000,-1\n", h);
  expect_bad(t, CONCERT_ERR_RANGE, 2, 4, "Value");
  snprintf(t, sizeof t, "%sA,AAA,2000,1\nA,AAA,2001,nan\n", h);
  expect_bad(t, CONCERT_ERR_RANGE, 3, 4, "Value");
  snprintf(t, sizeof t, "%sA,AAA,2000,inf\n", h);
  expect_bad(t, CONCERT_ERR_RANGE, 2, 4, "Value");
  snprintf(t, sizeof t, "%sA,AAA,2000,1e999\n", h);
  expect_bad(t, CONCERT_ERR_RANGE, 2, 4, "Value");
  snprintf(t, sizeof t, "%sA,AAA,2000,12abc\n", h);
  expect_bad(t, CONCERT_ERR_RANGE, 2, 4, "Value");
  snprintf(t, sizeof t, "%sA,AAA,2000,1\nA,BBB,2000,1\nA,AAA,2000,2\n", h);
  expect_bad(t, CONCERT_ERR_DUPLICATE_ID, 4, 2, "Country Code");
  snprintf(t, sizeof t, "%sA,AAA,2000\n", h);
  expect_bad(t, CONCERT_ERR_MISSING, 2, 4, "Value");
  snprintf(t, sizeof t, "%sA,,2000,1\n", h);
  expect_bad(t, CONCERT_ERR_INVALID, 2, 2, "Country Code");
  snprintf(t, sizeof t, "%sA,TOOLONGCODE,2000,1\n", h);
  expect_bad(t, CONCERT_ERR_INVALID, 2, 2, "Country Code");
  snprintf(t, sizeof t, "%sA,AAA,2000,1\n\"B,BBB,2001,2\n", h);
  expect_bad(t, CONCERT_ERR_SYNTAX, 3, 0, "");
  snprintf(t, sizeof t, "%sA,AAA,2000,1\nB\"x,BBB,2001,2\n", h);
  expect_bad(t, CONCERT_ERR_SYNTAX, 3, 0, "");
  expect_bad("", CONCERT_ERR_EMPTY, 0, 0, "");
  expect_bad(h, CONCERT_ERR_EMPTY, 1, 0, "");
  /* a file that does not exist; a directory without the files */
  concert_worlddata *w = NULL;
  concert_diag d;
  concert_diag_clear(&d);
  ck_assert_int_eq(concert_worlddata_load("/nonexistent-concert-dir", &w, &d), CONCERT_ERR_IO);
  ck_assert_ptr_null(w);
  ck_assert_str_eq(d.file, "/nonexistent-concert-dir/world/wb_gdp_current_usd.csv");
}
END_TEST

/* ---------- the measures ---------- */

START_TEST(coverage_default_year) {
  char dir[512];
  concert_worlddata *w = hand_world(dir, sizeof dir);
  concert_scenario *s = load();
  concert_outcome *o = run(s, "F1");
  concert_measures *m = measure(o, w, 0, NULL, 100);
  concert_coverage c = concert_measures_coverage(m);
  /* 2021 is the latest year with world figures for all three and figures for USA, CHN */
  ck_assert(c.computed);
  ck_assert(c.year_default);
  ck_assert_int_eq(c.year, 2021);
  ck_assert_double_eq_tol(c.share[CONCERT_INDICATOR_GDP], (50.0 + 30) / 200, 1e-12);
  ck_assert_double_eq_tol(c.share[CONCERT_INDICATOR_POPULATION], (100.0 + 400) / 1000, 1e-12);
  ck_assert_double_eq_tol(c.share[CONCERT_INDICATOR_MILEX], (30.0 + 15) / 60, 1e-12);
  ck_assert_uint_eq(c.counted[CONCERT_INDICATOR_GDP], 2);
  double v;
  ck_assert_int_eq(concert_measures_member_cover(m, 2, CONCERT_INDICATOR_GDP, &v), CONCERT_COVER_NOT_COVERED);
  ck_assert(isnan(v));
  ck_assert_int_eq(concert_measures_member_cover(m, 1, CONCERT_INDICATOR_MILEX, &v), CONCERT_COVER_COUNTED);
  ck_assert_double_eq(v, 15);
  /* balance: capabilities 6 3 1 -> .36 + .09 + .01 = .46; GDP 50, 30 -> .625, HHI
   * .625^2 + .375^2 = .53125 */
  concert_balance b = concert_measures_balance(m);
  ck_assert_double_eq_tol(b.cap_largest, 0.6, 1e-12);
  ck_assert_uint_eq(b.cap_largest_i, 0);
  ck_assert_double_eq_tol(b.cap_hhi, 0.46, 1e-12);
  ck_assert_double_eq_tol(b.gdp_largest, 0.625, 1e-12);
  ck_assert_double_eq_tol(b.gdp_hhi, 0.53125, 1e-12);
  concert_measures_free(m);
  /* a chosen year: 2020 has GDP for USA, CHN; military spending for USA only; no world
   * population. */
  m = measure(o, w, 2020, NULL, 100);
  c = concert_measures_coverage(m);
  ck_assert(!c.year_default);
  ck_assert_double_eq_tol(c.share[CONCERT_INDICATOR_GDP], 0.3, 1e-12);
  ck_assert_double_eq_tol(c.share[CONCERT_INDICATOR_MILEX], 0.4, 1e-12);
  ck_assert(isnan(c.share[CONCERT_INDICATOR_POPULATION]));
  ck_assert(isnan(c.world[CONCERT_INDICATOR_POPULATION]));
  ck_assert_int_eq(concert_measures_member_cover(m, 1, CONCERT_INDICATOR_MILEX, NULL), CONCERT_COVER_NO_DATA);
  ck_assert_int_eq(concert_measures_member_cover(m, 1, CONCERT_INDICATOR_POPULATION, NULL), CONCERT_COVER_NO_DATA);
  concert_measures_free(m);
  /* no world data: no coverage, no GDP balance, capability balance still there */
  m = measure(o, NULL, 0, NULL, 100);
  ck_assert(!concert_measures_coverage(m).computed);
  ck_assert(isnan(concert_measures_balance(m).gdp_hhi));
  ck_assert_double_eq_tol(concert_measures_balance(m).cap_hhi, 0.46, 1e-12);
  concert_measures_free(m);
  concert_outcome_free(o);
  concert_scenario_free(s);
  concert_worlddata_free(w);
  remove_dir(dir);
}
END_TEST

START_TEST(coverage_eu) {
  char dir[512];
  concert_worlddata *w = hand_world(dir, sizeof dir);
  concert_scenario *s = load();
  concert_outcome *o = run(s, "F2");
  concert_measures *m = measure(o, w, 0, NULL, 100);
  concert_coverage c = concert_measures_coverage(m);
  /* EU counts as EUU for GDP and population, DEU is inside it; for military spending the
   * EU is excluded and DEU counts: GDP (50+40)/200, population (100+150)/1000, military
   * (30+3)/60. */
  ck_assert_int_eq(c.year, 2021);
  ck_assert_double_eq_tol(c.share[CONCERT_INDICATOR_GDP], 0.45, 1e-12);
  ck_assert_double_eq_tol(c.share[CONCERT_INDICATOR_POPULATION], 0.25, 1e-12);
  ck_assert_double_eq_tol(c.share[CONCERT_INDICATOR_MILEX], 0.55, 1e-12);
  ck_assert_int_eq(concert_measures_member_cover(m, 1, CONCERT_INDICATOR_MILEX, NULL), CONCERT_COVER_EXCLUDED);
  ck_assert_int_eq(concert_measures_member_cover(m, 2, CONCERT_INDICATOR_GDP, NULL), CONCERT_COVER_IN_EU);
  ck_assert_int_eq(concert_measures_member_cover(m, 2, CONCERT_INDICATOR_MILEX, NULL), CONCERT_COVER_COUNTED);
  /* burden of 100: capabilities 6 2 2 -> 60 20 20; airport needs 100, 100/3, 100/3:
   * EU and DEU pay (100/3)/3 each, the USA the rest, 100 - 200/9 */
  double sh, sp;
  ck_assert_double_eq(concert_measures_burden(m, 0, &sh, &sp), 100);
  ck_assert_double_eq_tol(sh, 60, 1e-9);
  ck_assert_double_eq_tol(sp, 100 - 200.0 / 9, 1e-9);
  concert_measures_burden(m, 1, &sh, &sp);
  ck_assert_double_eq_tol(sh, 20, 1e-9);
  ck_assert_double_eq_tol(sp, 100.0 / 9, 1e-9);
  concert_measures_burden(m, 9, &sh, &sp);
  ck_assert(isnan(sh) && isnan(sp));
  concert_measures_free(m);
  concert_outcome_free(o);
  concert_scenario_free(s);
  concert_worlddata_free(w);
  remove_dir(dir);
}
END_TEST

START_TEST(proximity_hand_values) {
  concert_scenario *s = load();
  concert_outcome *o = run(s, "F1");
  ck_assert_double_eq_tol(concert_outcome_issue(o, 0)->text, 410.0 / 7, 1e-9);
  ck_assert_double_eq_tol(concert_outcome_issue(o, 1)->text, 78.90625, 1e-9);
  concert_measures *m = measure(o, NULL, 0, "USA", 100);
  concert_proximity p = concert_measures_proximity(m);
  /* a: |410/7 - 90| = 220/7 (salience .5), forum mean (540+90+50)/10 = 68,
   * |410/7 - 68| = 66/7: not closer. b: |78.90625 - 80| = 1.09375 (salience 1), mean
   * (480+180+70)/10 = 73, |78.90625 - 73| = 5.90625: closer.
   * Distance (.5*220/7 + 1*1.09375)/1.5 = (110/7 + 1.09375)/1.5. */
  ck_assert(p.computed && p.member);
  ck_assert_uint_eq(p.n_issues, 2);
  ck_assert_double_eq_tol(p.distance, (110.0 / 7 + 1.09375) / 1.5, 1e-9);
  ck_assert_uint_eq(p.n_closer, 1);
  ck_assert_double_eq_tol(p.share_closer, 0.5, 1e-12);
  concert_measures_free(m);
  /* an outsider: EU holds a stance on a only: |410/7 - 50| = 60/7, closer than 66/7 */
  m = measure(o, NULL, 0, "EU", 100);
  p = concert_measures_proximity(m);
  ck_assert(p.computed && !p.member);
  ck_assert_uint_eq(p.n_issues, 1);
  ck_assert_double_eq_tol(p.distance, 60.0 / 7, 1e-9);
  ck_assert_uint_eq(p.n_closer, 1);
  concert_measures_free(m);
  /* no actor: not computed */
  m = measure(o, NULL, 0, NULL, 100);
  ck_assert(!concert_measures_proximity(m).computed);
  concert_measures_free(m);
  concert_outcome_free(o);
  concert_scenario_free(s);
}
END_TEST

START_TEST(measures_bad_options) {
  concert_scenario *s = load();
  concert_outcome *o = run(s, "F1");
  concert_measures_options opt;
  concert_measures_options_init(&opt);
  ck_assert_double_eq(opt.cost, 100);
  concert_measures *m = (concert_measures *)&opt; /* must be reset to NULL on failure */
  concert_diag d;
  concert_diag_clear(&d);
  opt.actor = "ZZZ";
  ck_assert_int_eq(concert_measures_compute(o, NULL, &opt, &m, &d), CONCERT_ERR_UNKNOWN_ID);
  ck_assert_ptr_null(m);
  ck_assert_str_eq(d.path, "actor");
  opt.actor = NULL;
  double bad_costs[] = {0, -1, NAN, INFINITY, 1e16};
  for (size_t i = 0; i < sizeof bad_costs / sizeof bad_costs[0]; i++) {
    opt.cost = bad_costs[i];
    ck_assert_int_eq(concert_measures_compute(o, NULL, &opt, &m, &d), CONCERT_ERR_RANGE);
    ck_assert_str_eq(d.path, "cost");
  }
  opt.cost = 100;
  int bad_years[] = {-5, 999, 3001};
  for (size_t i = 0; i < 3; i++) {
    opt.year = bad_years[i];
    ck_assert_int_eq(concert_measures_compute(o, NULL, &opt, &m, &d), CONCERT_ERR_RANGE);
    ck_assert_str_eq(d.path, "year");
  }
  ck_assert_int_eq(concert_measures_compute(NULL, NULL, NULL, &m, &d), CONCERT_ERR_ARGUMENT);
  concert_measures_free(NULL);
  concert_outcome_free(o);
  concert_scenario_free(s);
}
END_TEST

/* ---------- the shipped data ---------- */

START_TEST(shipped_data_figures) {
  concert_worlddata *w = NULL;
  concert_diag d;
  concert_diag_clear(&d);
  concert_status st = concert_worlddata_load(CONCERT_SRCDIR "/data", &w, &d);
  ck_assert_msg(st == CONCERT_OK, "%s:%d:%d: %s", d.file, d.line, d.column, d.message);
  double v;
  /* figures read off the files with grep */
  ck_assert(concert_worlddata_value(w, CONCERT_INDICATOR_GDP, "WLD", 2023, &v));
  ck_assert_double_eq_tol(v, 105435039507024.1, 1);
  ck_assert(concert_worlddata_value(w, CONCERT_INDICATOR_MILEX, "USA", 2024, &v));
  ck_assert_double_eq_tol(v, 997309.0, 1e-6);
  ck_assert(concert_worlddata_value(w, CONCERT_INDICATOR_MILEX, "WLD", 2024, &v));
  ck_assert_double_eq_tol(v, 2651803.3, 1e-6);
  ck_assert(concert_worlddata_has(w, CONCERT_INDICATOR_GDP, "EUU"));
  ck_assert(concert_worlddata_has(w, CONCERT_INDICATOR_POPULATION, "EUU"));
  ck_assert(!concert_worlddata_has(w, CONCERT_INDICATOR_MILEX, "EUU"));
  /* every focus country has military spending rows */
  const char *focus[] = {"USA", "CAN", "GBR", "FRA", "DEU", "ITA", "JPN", "CHN", "RUS", "IND"};
  for (size_t i = 0; i < sizeof focus / sizeof focus[0]; i++)
    ck_assert(concert_worlddata_has(w, CONCERT_INDICATOR_MILEX, focus[i]));
  concert_worlddata_free(w);
}
END_TEST


/* Invariants on the shipped data: with a fixed year, every share is in [0, 1] and grows
 * as members join; the EU's member states beside the EU add nothing to GDP or population;
 * the default year for the G7 with the EU is the last GDP year, 2023. */
START_TEST(shipped_data_invariants) {
  static const char *ids[] = {"USA", "CHN", "JPN", "DEU", "IND", "GBR", "FRA", "RUS", "ITA",
                              "CAN", "BRA", "KOR", "AUS", "MEX", "IDN", "TUR", "SAU", "ARG",
                              "ZAF", "EU"};
  enum { N = sizeof ids / sizeof ids[0] };
  char text[16384];
  size_t u = (size_t)snprintf(text, sizeof text,
                              "name: inv\nsource: test\nissues: [{id: a, title: A, reversion: 50}]\nactors:\n");
  for (int i = 0; i < N; i++)
    u += (size_t)snprintf(text + u, sizeof text - u,
                          "  - {id: %s, capability: %d, stances: {a: {position: %d, salience: 0.5}}}\n",
                          ids[i], N - i, 5 * i);
  u += (size_t)snprintf(text + u, sizeof text - u, "forums:\n");
  for (int k = 1; k < N; k++) { /* F<k>: the first k countries */
    u += (size_t)snprintf(text + u, sizeof text - u, "  - {id: F%d, members: [", k);
    for (int i = 0; i < k; i++) u += (size_t)snprintf(text + u, sizeof text - u, "%s%s", i ? ", " : "", ids[i]);
    u += (size_t)snprintf(text + u, sizeof text - u, "], agenda: [{session: s, issues: [a]}]}\n");
  }
  snprintf(text + u, sizeof text - u,
           "  - {id: EU1, members: [EU], agenda: [{session: s, issues: [a]}]}\n"
           "  - {id: EU3, members: [EU, DEU, FRA], agenda: [{session: s, issues: [a]}]}\n"
           "  - {id: G7, members: [USA, CAN, FRA, DEU, ITA, JPN, GBR, EU], agenda: [{session: s, issues: [a]}]}\n");
  concert_scenario *s = NULL;
  concert_diag d;
  concert_diag_clear(&d);
  ck_assert_msg(concert_scenario_load_string(text, strlen(text), "inv.yaml", &s, &d) == CONCERT_OK, "%s", d.message);
  concert_worlddata *w = NULL;
  ck_assert_int_eq(concert_worlddata_load(CONCERT_SRCDIR "/data", &w, &d), CONCERT_OK);
  double prev[CONCERT_INDICATOR_COUNT] = {0, 0, 0};
  for (int k = 1; k < N; k++) {
    char id[8];
    snprintf(id, sizeof id, "F%d", k);
    concert_outcome *o = run(s, id);
    concert_measures *m = measure(o, w, 2020, NULL, 100);
    concert_coverage c = concert_measures_coverage(m);
    for (int j = 0; j < CONCERT_INDICATOR_COUNT; j++) {
      ck_assert_msg(c.share[j] > 0 && c.share[j] <= 1, "%s %d: %g", id, j, c.share[j]);
      ck_assert(c.share[j] >= prev[j]);
      prev[j] = c.share[j];
    }
    concert_balance b = concert_measures_balance(m);
    ck_assert(b.cap_hhi >= 1.0 / k - 1e-12 && b.cap_hhi <= 1 + 1e-12);
    ck_assert(b.gdp_hhi >= 1.0 / k - 1e-12 && b.gdp_hhi <= 1 + 1e-12);
    double sum_share = 0, sum_shapley = 0;
    for (int i = 0; i < k; i++) {
      double sh, sp;
      concert_measures_burden(m, (size_t)i, &sh, &sp);
      sum_share += sh, sum_shapley += sp;
    }
    ck_assert_double_eq_tol(sum_share, 100, 1e-9);
    ck_assert_double_eq_tol(sum_shapley, 100, 1e-9);
    concert_measures_free(m);
    concert_outcome_free(o);
  }
  concert_outcome *o1 = run(s, "EU1"), *o3 = run(s, "EU3");
  concert_measures *m1 = measure(o1, w, 2020, NULL, 100), *m3 = measure(o3, w, 2020, NULL, 100);
  concert_coverage c1 = concert_measures_coverage(m1), c3 = concert_measures_coverage(m3);
  ck_assert_double_eq_tol(c1.share[CONCERT_INDICATOR_GDP], c3.share[CONCERT_INDICATOR_GDP], 1e-15);
  ck_assert_double_eq_tol(c1.share[CONCERT_INDICATOR_POPULATION], c3.share[CONCERT_INDICATOR_POPULATION], 1e-15);
  ck_assert(isnan(c1.share[CONCERT_INDICATOR_MILEX])); /* the EU alone: excluded */
  ck_assert_uint_eq(c3.counted[CONCERT_INDICATOR_MILEX], 2);
  concert_measures_free(m1), concert_measures_free(m3);
  concert_outcome_free(o1), concert_outcome_free(o3);
  concert_outcome *g7 = run(s, "G7");
  concert_measures *mg = measure(g7, w, 0, NULL, 100);
  ck_assert_int_eq(concert_measures_coverage(mg).year, 2023);
  ck_assert_uint_eq(concert_measures_coverage(mg).counted[CONCERT_INDICATOR_GDP], 5);
  ck_assert_uint_eq(concert_measures_coverage(mg).counted[CONCERT_INDICATOR_MILEX], 7);
  concert_measures_free(mg);
  concert_outcome_free(g7);
  concert_worlddata_free(w);
  concert_scenario_free(s);
}
END_TEST

int main(void) {
  Suite *s = suite_create("measures");
  TCase *t = tcase_create("core");
  tcase_set_timeout(t, 60);
  tcase_add_test(t, hhi_hand_values);
  tcase_add_test(t, airport_hand_values);
  tcase_add_test(t, airport_closed_form_equals_enumeration);
  tcase_add_test(t, exact_shapley_reference_and_bad_input);
  tcase_add_test(t, world_tables_lookup);
  tcase_add_test(t, world_tables_bad_input);
  tcase_add_test(t, coverage_default_year);
  tcase_add_test(t, coverage_eu);
  tcase_add_test(t, proximity_hand_values);
  tcase_add_test(t, measures_bad_options);
  tcase_add_test(t, shipped_data_figures);
  tcase_add_test(t, shipped_data_invariants);
  suite_add_tcase(s, t);
  return concert_test_run(s);
}
