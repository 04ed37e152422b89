/* test_table.c: the actor-table CSV reader. Every shipped CSV loads with the right counts
 * and values; one test per class of bad input, each checking status, line, column and
 * message. */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <concert.h>
#include "check_main.h"

#define KTAB CONCERT_SRCDIR "/data/ktab/"
#define FIX CONCERT_SRCDIR "/tests/data/"

static concert_table *load_ok(const char *path) {
  concert_table *t = NULL;
  concert_diag d = {0};
  char buf[1024];
  concert_status st = concert_table_load(path, &t, &d);
  ck_assert_msg(st == CONCERT_OK, "%s: %s", path, concert_diag_format(&d, buf, sizeof buf));
  ck_assert_ptr_nonnull(t);
  return t;
}

/* Loads a string; returns the status and fills d. The table (if any) is freed. */
static concert_status load_str(const char *s, concert_diag *d) {
  concert_table *t = NULL;
  concert_diag_clear(d);
  concert_status st = concert_table_load_buffer(s, strlen(s), "t.csv", &t, d);
  if (st) ck_assert_ptr_null(t);
  concert_table_free(t);
  return st;
}

static void expect_error(const char *csv, concert_status want, int line, int col,
                         const char *needle) {
  concert_diag d;
  concert_status st = load_str(csv, &d);
  ck_assert_msg(st == want, "status %s, wanted %s (%s)", concert_status_name(st),
                concert_status_name(want), d.message);
  ck_assert_str_eq(d.file, "t.csv");
  ck_assert_int_eq(d.line, line);
  if (col >= 0) ck_assert_int_eq(d.column, col);
  ck_assert_msg(strstr(d.message, needle) != NULL, "message '%s' lacks '%s'", d.message, needle);
}

#define NEAR(a, b) ck_assert_msg(fabs((a) - (b)) < 1e-12, "%.15g != %.15g", (double)(a), (double)(b))

/* ---- shipped files ---- */

START_TEST(ktab_dummy_3dim) {
  concert_table *t = load_ok(KTAB "smp/dummyData_3Dim.csv");
  ck_assert_int_eq(concert_table_format_of(t), CONCERT_TABLE_FORMAT_KTAB);
  ck_assert_str_eq(concert_table_title(t), "DummyData_3Dim");
  ck_assert_str_eq(concert_table_description(t), "Dummy scenario to test reading format");
  ck_assert_uint_eq(concert_table_actors(t), 7);
  ck_assert_uint_eq(concert_table_dimensions(t), 3);
  ck_assert_str_eq(concert_table_dimension_name(t, 0), "Pstn1");
  ck_assert_str_eq(concert_table_dimension_name(t, 2), "Pstn3");
  ck_assert_str_eq(concert_table_actor_id(t, 0), "SActor-00");
  ck_assert_str_eq(concert_table_actor_name(t, 0), "Random Spatial Actor");
  NEAR(concert_table_capability(t, 0), 102.543);
  NEAR(concert_table_position(t, 0, 0), 75.79);
  NEAR(concert_table_salience(t, 0, 0), 0.4953);
  NEAR(concert_table_position(t, 6, 2), 90.36);
  NEAR(concert_table_salience(t, 6, 2), 0.2603);
  NEAR(concert_table_salience_scale(t), 100);
  ck_assert(isnan(concert_table_position(t, 7, 0)));
  ck_assert_ptr_null(concert_table_actor_id(t, 7));
  /* the copy without trailing commas holds the same numbers */
  concert_table *u = load_ok(KTAB "smp/dummyData_3Dim-no-final-comma.csv");
  ck_assert_uint_eq(concert_table_actors(u), 7);
  for (size_t a = 0; a < 7; a++) {
    ck_assert_str_eq(concert_table_actor_id(t, a), concert_table_actor_id(u, a));
    NEAR(concert_table_capability(t, a), concert_table_capability(u, a));
    for (size_t k = 0; k < 3; k++) {
      NEAR(concert_table_position(t, a, k), concert_table_position(u, a, k));
      NEAR(concert_table_salience(t, a, k), concert_table_salience(u, a, k));
    }
  }
  concert_table_free(t);
  concert_table_free(u);
}
END_TEST

START_TEST(ktab_soe) {
  concert_table *t = load_ok(KTAB "smp/SOE-Pol-Comp.csv");
  ck_assert_uint_eq(concert_table_actors(t), 13);
  ck_assert_uint_eq(concert_table_dimensions(t), 2);
  ck_assert_str_eq(concert_table_title(t), "China Policy/Competitive; scen 2");
  ck_assert_str_eq(concert_table_dimension_name(t, 0), "Policy");
  ck_assert_str_eq(concert_table_dimension_name(t, 1), "Competitive");
  ck_assert_str_eq(concert_table_actor_id(t, 0), "XJ");
  ck_assert_str_eq(concert_table_actor_name(t, 0), "Xi Jinping");
  NEAR(concert_table_capability(t, 0), 100);
  NEAR(concert_table_position(t, 0, 1), 20);
  NEAR(concert_table_salience(t, 0, 1), 0.48);
  ck_assert_str_eq(concert_table_actor_id(t, 12), "WY");
  ck_assert_str_eq(concert_table_actor_name(t, 12), "CNOOC - Wang Yilin");
  NEAR(concert_table_capability(t, 12), 40);
  NEAR(concert_table_salience(t, 12, 0), 0.49);
  concert_table_free(t);
  const struct {
    const char *file;
    size_t n, m;
  } cases[] = {
      {"smp/SOE-Policy.csv", 26, 1},      {"smp/SOE-Competitive.csv", 34, 1},
      {"smp/dummyData-a040.csv", 40, 1},  {"smp/dummyData-a080.csv", 80, 1},
      {"smp/dummyData-a160.csv", 160, 1}, {"smp/dummyData_6Dim.csv", 27, 6},
      {"synthetic/synth_10x3.csv", 10, 3}, {"synthetic/synth_20x3.csv", 20, 3},
      {"synthetic/synth_50x3.csv", 50, 3}, {"synthetic/synth_100x3.csv", 100, 3},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    char path[512];
    snprintf(path, sizeof path, "%s%s", KTAB, cases[i].file);
    t = load_ok(path);
    ck_assert_uint_eq(concert_table_actors(t), cases[i].n);
    ck_assert_uint_eq(concert_table_dimensions(t), cases[i].m);
    for (size_t a = 0; a < cases[i].n; a++) {
      double s = 0;
      for (size_t k = 0; k < cases[i].m; k++) s += concert_table_salience(t, a, k);
      ck_assert(s <= 1 + 1e-9);
    }
    concert_table_free(t);
  }
  t = load_ok(KTAB "smp/SOE-Policy.csv");
  ck_assert_str_eq(concert_table_actor_id(t, 25), concert_table_actor_id(t, 25));
  NEAR(concert_table_position(t, 1, 0), 45);
  NEAR(concert_table_salience(t, 1, 0), 0.65);
  concert_table_free(t);
  t = load_ok(KTAB "smp/dummyData_6Dim.csv");
  ck_assert_str_eq(concert_table_title(t), "Combined");
  ck_assert_str_eq(concert_table_dimension_name(t, 5), "Dim5");
  NEAR(concert_table_capability(t, 0), 99.98);
  NEAR(concert_table_position(t, 0, 3), 100);
  NEAR(concert_table_salience(t, 0, 3), 0.2799);
  concert_table_free(t);
}
END_TEST

START_TEST(bdm_files) {
  /* old Mac CR line endings, saliences 0..100 */
  concert_table *t = load_ok(FIX "table_bdm1994_emission_standards_masad.csv");
  ck_assert_int_eq(concert_table_format_of(t), CONCERT_TABLE_FORMAT_BDM);
  ck_assert_str_eq(concert_table_title(t), "table_bdm1994_emission_standards_masad");
  ck_assert_uint_eq(concert_table_actors(t), 10);
  ck_assert_uint_eq(concert_table_dimensions(t), 1);
  NEAR(concert_table_salience_scale(t), 100);
  ck_assert_str_eq(concert_table_actor_id(t, 0), "Netherlands");
  NEAR(concert_table_capability(t, 0), 0.08);
  NEAR(concert_table_position(t, 0, 0), 4);
  NEAR(concert_table_salience(t, 0, 0), 0.8);
  ck_assert_str_eq(concert_table_actor_id(t, 9), "Greece");
  NEAR(concert_table_salience(t, 9, 0), 0.7);
  /* the same table with saliences on 0..1 gives the same numbers */
  concert_table *u = load_ok(FIX "table_bdm1994_emission_standards_mckibben.csv");
  NEAR(concert_table_salience_scale(u), 1);
  ck_assert_uint_eq(concert_table_actors(u), 10);
  for (size_t a = 0; a < 10; a++) {
    ck_assert_str_eq(concert_table_actor_id(t, a), concert_table_actor_id(u, a));
    NEAR(concert_table_capability(t, a), concert_table_capability(u, a));
    NEAR(concert_table_position(t, a, 0), concert_table_position(u, a, 0));
    NEAR(concert_table_salience(t, a, 0), concert_table_salience(u, a, 0));
  }
  concert_table_free(t);
  concert_table_free(u);
  t = load_ok(FIX "table_bdm_china_1991_masad.csv"); /* Stakeholder, Resources; CR */
  ck_assert_uint_eq(concert_table_actors(t), 24);
  ck_assert_str_eq(concert_table_actor_id(t, 0), "Zeming");
  NEAR(concert_table_capability(t, 0), 80);
  NEAR(concert_table_position(t, 0, 0), 25);
  NEAR(concert_table_salience(t, 0, 0), 0.5);
  ck_assert_str_eq(concert_table_actor_id(t, 18), "STU/INTEL");
  concert_table_free(t);
  t = load_ok(FIX "table_honduras_nicaragua_masad.csv");
  ck_assert_uint_eq(concert_table_actors(t), 5);
  NEAR(concert_table_salience_scale(t), 1);
  ck_assert_str_eq(concert_table_actor_id(t, 3), "United States");
  NEAR(concert_table_capability(t, 3), 0.2550486);
  NEAR(concert_table_position(t, 3, 0), 0.5);
  NEAR(concert_table_salience(t, 3, 0), 0.1);
  concert_table_free(t);
  t = load_ok(FIX "table_sultan_oil_mckibben.csv");
  ck_assert_uint_eq(concert_table_actors(t), 17);
  ck_assert_str_eq(concert_table_actor_id(t, 0), "HAWKS");
  NEAR(concert_table_position(t, 0, 0), 14.25);
  NEAR(concert_table_salience(t, 0, 0), 0.8);
  concert_table_free(t);
}
END_TEST

START_TEST(layout_details) {
  concert_diag d;
  /* any capitalisation and order, a description column, quotes, CRLF, a BOM */
  const char *csv =
      "\xEF\xBB\xBF" "stakeholder,POSITION,Importance,Resources,Description\r\n"
      "A,10,50,2,\"Alpha, the first\"\r\n\r\nB,90,100,1,Beta\r\n";
  concert_table *t = NULL;
  ck_assert_int_eq(concert_table_load_buffer(csv, strlen(csv), "dir/x.csv", &t, &d), CONCERT_OK);
  ck_assert_str_eq(concert_table_title(t), "x");
  ck_assert_uint_eq(concert_table_actors(t), 2);
  ck_assert_str_eq(concert_table_actor_name(t, 0), "Alpha, the first");
  NEAR(concert_table_position(t, 1, 0), 90);
  NEAR(concert_table_salience(t, 1, 0), 1.0);
  NEAR(concert_table_capability(t, 0), 2);
  concert_problem p;
  concert_table_problem(t, &p);
  ck_assert_uint_eq(p.n_actors, 2);
  ck_assert_uint_eq(p.n_issues, 1);
  ck_assert(isnan(p.reversion[0]));
  ck_assert_str_eq(p.actor_ids[1], "B");
  /* the problem view runs through a model: compromise = (2*.5*10 + 1*1*90) / 2 = 50 */
  concert_solution *s = NULL;
  ck_assert_int_eq(concert_model_solve(concert_model_find("compromise"), NULL, &p, &s, &d),
                   CONCERT_OK);
  NEAR(concert_solution_outcome(s, 0), 50);
  concert_solution_free(s);
  concert_table_free(t);
  concert_table_free(NULL);
  /* KTAB: padded numbers, a quoted description, title with extra fields */
  const char *k =
      "S, \"d\", 3, 1, 0,\nActor,Description,Influence,X Position,X Salience,\n"
      "a, , 1 , 10 , 20 ,\nb,\"B, inc\",2,20,30,\nc,c,3,30,40\n";
  ck_assert_int_eq(load_str(k, &d), CONCERT_OK);
}
END_TEST

/* ---- one test per class of bad input ---- */

#define BDM_HEAD "Actor,Capability,Position,Salience\n"
#define KTAB_HEAD(n) "S,desc," #n ",2,\nActor,Description,Power,P1,S1,P2,S2,\n"

START_TEST(err_not_a_number) {
  expect_error(BDM_HEAD "A,1,50,40\nB,1,50,abc\n", CONCERT_ERR_TYPE, 3, 4,
               "row 3, column Salience: 'abc' is not a number");
  expect_error(BDM_HEAD "A,1,0x10,40\n", CONCERT_ERR_TYPE, 2, 3, "column Position");
  concert_diag d;
  load_str(BDM_HEAD "A,1,50,40\nB,1,50,abc\n", &d);
  char buf[512];
  ck_assert_str_eq(concert_diag_format(&d, buf, sizeof buf),
                   "t.csv:3:4: Salience: row 3, column Salience: 'abc' is not a number");
}
END_TEST

/* A table separated by semicolons or tabs is named as such, not as a missing column. */
START_TEST(err_wrong_separator) {
  expect_error("Actor;Capability;Position;Salience\nA;1;50;40\n", CONCERT_ERR_SYNTAX, 1, 1,
               "seems separated by semicolons (';')");
  expect_error("Actor\tCapability\tPosition\tSalience\nA\t1\t50\t40\n", CONCERT_ERR_SYNTAX, 1, 1,
               "seems separated by tabs");
}
END_TEST

START_TEST(err_not_finite) {
  expect_error(BDM_HEAD "A,nan,50,40\n", CONCERT_ERR_RANGE, 2, 2, "not a finite number");
  expect_error(BDM_HEAD "A,1,inf,40\n", CONCERT_ERR_RANGE, 2, 3, "not a finite number");
  expect_error(BDM_HEAD "A,1,50,-Infinity\n", CONCERT_ERR_RANGE, 2, 4, "not a finite number");
  expect_error(BDM_HEAD "A,1e999,50,40\n", CONCERT_ERR_RANGE, 2, 2, "too large to represent (overflow)");
  expect_error(BDM_HEAD "A,1e-400,50,40\n", CONCERT_ERR_RANGE, 2, 2, "(underflow; write 0");
  /* a value out of range is shown as written, not rounded to "100" */
  expect_error(BDM_HEAD "A,1,100.0000001,40\n", CONCERT_ERR_RANGE, 2, 3, "100.0000001 is out of range");
}
END_TEST

START_TEST(err_negative_and_out_of_range) {
  expect_error(BDM_HEAD "A,-1,50,40\n", CONCERT_ERR_RANGE, 2, 2, "column Capability: -1 is out of range");
  expect_error(BDM_HEAD "A,1,150,40\n", CONCERT_ERR_RANGE, 2, 3, "150 is out of range");
  expect_error(BDM_HEAD "A,1,50,101\n", CONCERT_ERR_RANGE, 2, 4, "101 is out of range");
  expect_error(BDM_HEAD "A,1e8,50,40\n", CONCERT_ERR_RANGE, 2, 2, "out of range");
  expect_error(KTAB_HEAD(3) "a,,1,10,20,10,20\nb,,1,10,20,-5,20\nc,,1,1,1,1,1\n",
               CONCERT_ERR_RANGE, 4, 6, "column P2: -5 is out of range");
}
END_TEST

START_TEST(err_salience_total) {
  expect_error(KTAB_HEAD(3) "a,,1,10,60,10,41\nb,,1,1,1,1,1\nc,,1,1,1,1,1\n", CONCERT_ERR_RANGE,
               3, 7, "add up to 101");
  /* exactly 100 is allowed */
  concert_diag d;
  ck_assert_int_eq(load_str(KTAB_HEAD(3) "a,,1,10,60,10,40\nb,,1,1,1,1,1\nc,,1,1,1,1,1\n", &d),
                   CONCERT_OK);
}
END_TEST

START_TEST(err_mixed_scales) {
  expect_error(BDM_HEAD "A,1,50,0.8\nB,1,50,60\n", CONCERT_ERR_INVALID, 2, 4, "use one scale");
}
END_TEST

START_TEST(err_duplicate_id) {
  expect_error(BDM_HEAD "A,1,50,40\nB,1,50,40\nA,2,10,10\n", CONCERT_ERR_DUPLICATE_ID, 4, 1,
               "duplicate actor id 'A' (first on row 2)");
  expect_error(KTAB_HEAD(3) "a,,1,1,1,1,1\nb,,1,1,1,1,1\nb,,1,1,1,1,1\n",
               CONCERT_ERR_DUPLICATE_ID, 5, 1, "duplicate actor id 'b'");
}
END_TEST

START_TEST(err_column_count) {
  expect_error(BDM_HEAD "A,1,50,40,7\n", CONCERT_ERR_SYNTAX, 2, 5, "5 columns; the header has 4");
  expect_error(BDM_HEAD "A,1,50\n", CONCERT_ERR_MISSING, 2, 4, "column Salience: missing value");
  expect_error(BDM_HEAD "A,1,,40\n", CONCERT_ERR_MISSING, 2, 3, "column Position: missing value");
  expect_error(KTAB_HEAD(3) "a,,1,1,1,1,1\nb,,1,1,1,1\nc,,1,1,1,1,1\n", CONCERT_ERR_SYNTAX, 4,
               -1, "6 columns; the header has 7");
  expect_error("S,d,3,2\nActor,Description,Power,P1,S1\n", CONCERT_ERR_SYNTAX, 2, -1,
               "with 2 dimensions it needs 7");
  expect_error("S,d,3\n", CONCERT_ERR_SYNTAX, 1, -1, "title line has 3 fields");
}
END_TEST

START_TEST(err_counts_disagree) {
  expect_error(KTAB_HEAD(4) "a,,1,1,1,1,1\nb,,1,1,1,1,1\nc,,1,1,1,1,1\n", CONCERT_ERR_INVALID, 5,
               3, "announces 4 actors but the file has 3");
  expect_error(KTAB_HEAD(3) "a,,1,1,1,1,1\nb,,1,1,1,1,1\nc,,1,1,1,1,1\nd,,1,1,1,1,1\n",
               CONCERT_ERR_INVALID, 6, 3, "announces 3 actors but the file has 4");
  expect_error("S,d,3.5,2\n", CONCERT_ERR_TYPE, 1, 3, "not a whole number");
  expect_error("S,d,3,0\n", CONCERT_ERR_RANGE, 1, 4, "at least one dimension");
}
END_TEST

START_TEST(err_ktab_actor_limits) {
  expect_error(KTAB_HEAD(2) "a,,1,1,1,1,1\nb,,1,1,1,1,1\n", CONCERT_ERR_RANGE, 1, 3,
               "KTAB needs at least 3");
  expect_error(KTAB_HEAD(251), CONCERT_ERR_TOO_LARGE, 1, 3, "KTAB allows at most 250");
}
END_TEST

START_TEST(err_empty) {
  expect_error("", CONCERT_ERR_EMPTY, 0, 0, "the file is empty");
  expect_error(" \n\r\n  \n", CONCERT_ERR_EMPTY, 0, 0, "the file is empty");
  expect_error(BDM_HEAD, CONCERT_ERR_EMPTY, 1, 0, "no actor rows");
  expect_error(KTAB_HEAD(3), CONCERT_ERR_INVALID, 2, 3, "announces 3 actors but the file has 0");
  expect_error(BDM_HEAD ",1,50,40\n", CONCERT_ERR_MISSING, 2, 1, "empty actor id");
}
END_TEST

START_TEST(err_too_large) {
  /* a buffer over the byte limit */
  size_t len = CONCERT_TABLE_MAX_BYTES + 1;
  char *big = malloc(len);
  ck_assert_ptr_nonnull(big);
  memset(big, 'a', len);
  concert_table *t = NULL;
  concert_diag d;
  ck_assert_int_eq(concert_table_load_buffer(big, len, "big.csv", &t, &d), CONCERT_ERR_TOO_LARGE);
  ck_assert_ptr_null(t);
  ck_assert(strstr(d.message, "limited to") != NULL);
  free(big);
  /* more rows than the row limit */
  size_t rows = CONCERT_TABLE_MAX_ROWS + 1, cap = 64 + rows * 16, n = 0;
  char *csv = malloc(cap);
  ck_assert_ptr_nonnull(csv);
  n += (size_t)snprintf(csv + n, cap - n, BDM_HEAD);
  for (size_t i = 0; i < rows; i++) n += (size_t)snprintf(csv + n, cap - n, "a%zu,1,5,5\n", i);
  ck_assert_int_eq(concert_table_load_buffer(csv, n, "rows.csv", &t, &d), CONCERT_ERR_TOO_LARGE);
  ck_assert_int_eq(d.line, CONCERT_TABLE_MAX_ROWS + 2);
  ck_assert(strstr(d.message, "limit") != NULL);
  free(csv);
  /* an id over the length limit */
  char row[256];
  snprintf(row, sizeof row, BDM_HEAD "%0100d,1,5,5\n", 7);
  expect_error(row, CONCERT_ERR_TOO_LARGE, 2, 1, "longer than the limit of 63");
}
END_TEST

START_TEST(err_header) {
  expect_error("Actor,Capability,Position,Salinece\nA,1,2,3\n", CONCERT_ERR_UNKNOWN_FIELD, 1, 4,
               "unknown column 'Salinece'");
  expect_error("Actor,Capability,Position\nA,1,2\n", CONCERT_ERR_MISSING, 1, 0,
               "no Salience column");
  expect_error("Actor,Power,Capability,Position,Salience\nA,1,2,3,4\n", CONCERT_ERR_DUPLICATE_ID,
               1, 3, "a second Capability column");
}
END_TEST

START_TEST(err_binary_and_io) {
  concert_table *t = NULL;
  concert_diag d;
  const char bin[] = "Actor,Capability,Position,Salience\nA,1\0,2,3\n";
  ck_assert_int_eq(concert_table_load_buffer(bin, sizeof bin - 1, "b.csv", &t, &d),
                   CONCERT_ERR_SYNTAX);
  ck_assert_int_eq(d.line, 2);
  ck_assert(strstr(d.message, "NUL byte") != NULL);
  ck_assert_int_eq(concert_table_load(CONCERT_SRCDIR "/tests/data/no-such-file.csv", &t, &d),
                   CONCERT_ERR_IO);
  ck_assert(strstr(d.file, "no-such-file.csv") != NULL);
  ck_assert_ptr_null(t);
  ck_assert_int_eq(concert_table_load(NULL, &t, &d), CONCERT_ERR_ARGUMENT);
  ck_assert_int_eq(concert_table_load_buffer("x", 1, NULL, NULL, &d), CONCERT_ERR_ARGUMENT);
}
END_TEST

static Suite *suite(void) {
  Suite *s = suite_create("table");
  TCase *ok = tcase_create("files");
  tcase_add_test(ok, ktab_dummy_3dim);
  tcase_add_test(ok, ktab_soe);
  tcase_add_test(ok, bdm_files);
  tcase_add_test(ok, layout_details);
  suite_add_tcase(s, ok);
  TCase *bad = tcase_create("bad-input");
  tcase_set_timeout(bad, 60);
  tcase_add_test(bad, err_not_a_number);
  tcase_add_test(bad, err_not_finite);
  tcase_add_test(bad, err_wrong_separator);
  tcase_add_test(bad, err_negative_and_out_of_range);
  tcase_add_test(bad, err_salience_total);
  tcase_add_test(bad, err_mixed_scales);
  tcase_add_test(bad, err_duplicate_id);
  tcase_add_test(bad, err_column_count);
  tcase_add_test(bad, err_counts_disagree);
  tcase_add_test(bad, err_ktab_actor_limits);
  tcase_add_test(bad, err_empty);
  tcase_add_test(bad, err_too_large);
  tcase_add_test(bad, err_header);
  tcase_add_test(bad, err_binary_and_io);
  suite_add_tcase(s, bad);
  return s;
}

int main(void) {
  return concert_test_run(suite());
}
