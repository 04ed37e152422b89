/* test_validation_deu.c: the DEU loader on the shipped data set and on small files in
 * tests/data/, one per class of bad input (each must name file, line, column, field). */
#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <concert.h>
#include "check_main.h"

#define DATA(name) CONCERT_SRCDIR "/tests/data/" name
#define DEU_FILE CONCERT_SRCDIR "/data/decisions/deu3_blksv.tsv"

/* Loads path expecting failure with status st at line/column (column < 0: any) and a
 * diag path equal to field (NULL: any). */
static void expect_fail(const char *path, const concert_deu_options *o, concert_status st,
                        int line, int column, const char *field) {
  concert_deu *d = (concert_deu *)1;
  concert_diag dg;
  concert_diag_clear(&dg);
  concert_status got = concert_deu_load(path, o, &d, &dg);
  char buf[1200];
  ck_assert_msg(got == st, "%s: got %s, want %s: %s", path, concert_status_name(got),
                concert_status_name(st), concert_diag_format(&dg, buf, sizeof buf));
  ck_assert_ptr_null(d);
  ck_assert_int_eq(dg.status, st);
  ck_assert_str_eq(dg.file, path);
  ck_assert_int_eq(dg.line, line);
  if (column >= 0) ck_assert_int_eq(dg.column, column);
  if (field) ck_assert_str_eq(dg.path, field);
  ck_assert(strlen(dg.message) > 0);
}

START_TEST(shipped_file) {
  concert_deu *d = NULL;
  concert_diag dg;
  ck_assert_int_eq(concert_deu_load(DEU_FILE, NULL, &d, &dg), CONCERT_OK);
  /* 244 lines: header, blksv's GDP row, 242 issue rows (PROVENANCE.md) */
  ck_assert_uint_eq(concert_deu_issue_count(d), 242);
  ck_assert_uint_eq(concert_deu_actor_count(d), 30);
  ck_assert_str_eq(concert_deu_actor(d, 0), "com");
  ck_assert_str_eq(concert_deu_actor(d, 1), "ep");
  ck_assert_str_eq(concert_deu_actor(d, 29), "uk");
  ck_assert_ptr_null(concert_deu_actor(d, 30));
  ck_assert_str_eq(concert_deu_issue_id(d, 0), "d00032i1");
  ck_assert_str_eq(concert_deu_proposal_id(d, 0), "d00032");
  ck_assert_str_eq(concert_deu_procedure(d, 0), "COD");
  ck_assert_int_eq(concert_deu_issue_line(d, 0), 3);
  /* line 3: pcom 100, pde 0, sde 80, rp 0, out 100; pbu blank */
  ck_assert_double_eq(concert_deu_position(d, 0, 0), 100);
  ck_assert_double_eq(concert_deu_position(d, 0, 12), 0);
  ck_assert_double_eq(concert_deu_salience(d, 0, 12), 80);
  ck_assert(isnan(concert_deu_position(d, 0, 4)));
  ck_assert_double_eq(concert_deu_reference(d, 0), 0);
  ck_assert_double_eq(concert_deu_outcome(d, 0), 100);
  ck_assert_uint_eq(concert_deu_participants(d, 0), 17);
  /* line 4 (d00032i2) has no rp */
  ck_assert(isnan(concert_deu_reference(d, 1)));
  /* GDP row: com 4.1, de 4.1, fr 2.8 */
  ck_assert_double_eq_tol(concert_deu_capability_row(d, 0), 4.1, 1e-12);
  ck_assert_double_eq_tol(concert_deu_capability_row(d, 11), 2.8, 1e-12);
  /* outcomes recorded: 242 - 8 (awk -F'\t' 'NR>2 && $75==""' counts 8 blank `out`); two of
   * the 234 have fewer than 3 participants, so 232 are scored (test_validation_run.c) */
  size_t with_out = 0;
  for (size_t k = 0; k < concert_deu_issue_count(d); k++)
    with_out += !isnan(concert_deu_outcome(d, k));
  ck_assert_uint_eq(with_out, 234);
  concert_deu_free(d);
  concert_deu_free(NULL);
}
END_TEST

START_TEST(small_file) {
  concert_deu *d = NULL;
  ck_assert_int_eq(concert_deu_load(DATA("deu_ok.tsv"), NULL, &d, NULL), CONCERT_OK);
  ck_assert_uint_eq(concert_deu_issue_count(d), 5);
  ck_assert_uint_eq(concert_deu_actor_count(d), 5);
  ck_assert_str_eq(concert_deu_actor(d, 4), "mt");
  /* 999 is DEU's missing-data code: pde of P1i2 is not recorded */
  ck_assert(isnan(concert_deu_position(d, 1, 2)));
  ck_assert_double_eq(concert_deu_salience(d, 1, 2), 80);
  ck_assert_uint_eq(concert_deu_participants(d, 1), 4);
  ck_assert(isnan(concert_deu_outcome(d, 2)));
  ck_assert_uint_eq(concert_deu_participants(d, 4), 2);
  ck_assert_double_eq_tol(concert_deu_capability_row(d, 4), 0.02, 1e-15);
  concert_deu_free(d);
}
END_TEST

START_TEST(parse_buffer_without_cap_row) {
  const char *t = "isnr\tprnr\tout\tpa\tsa\tpb\tsb\r\ni1\tp1\t50\t0\t100\t100\t100\r\n";
  concert_deu *d = NULL;
  ck_assert_int_eq(concert_deu_parse(t, strlen(t), "buf", NULL, &d, NULL), CONCERT_OK);
  ck_assert_uint_eq(concert_deu_issue_count(d), 1);
  ck_assert(isnan(concert_deu_capability_row(d, 0)));
  ck_assert(isnan(concert_deu_reference(d, 0)));
  ck_assert_str_eq(concert_deu_procedure(d, 0), "");
  concert_deu_free(d);
}
END_TEST

/* Line 3 of deu_bad_nan.tsv: "P1" "P1i1" "COD" "QMV" 0 60 100 80 nan: pde starts at byte
 * 1 + 5 + 7 + 6 + 6 + 2 + 3 + 4 + 3 = 37. */
START_TEST(bad_nan) { expect_fail(DATA("deu_bad_nan.tsv"), NULL, CONCERT_ERR_RANGE, 3, 37, "pde"); }
END_TEST

/* Line 4: sde = 150 is outside 0-100 and is not the 999 sentinel. Column: "P1" "P1i2"
 * "COD" "QMV" <blank> 20 0 50 999 30 10 100 20 -> 1+5+7+6+6+1+3+2+3+4+3+3+4+3 = 51. */
START_TEST(bad_range) {
  expect_fail(DATA("deu_bad_range.tsv"), NULL, CONCERT_ERR_RANGE, 4, 51, "sde");
}
END_TEST

START_TEST(bad_number) {
  expect_fail(DATA("deu_bad_number.tsv"), NULL, CONCERT_ERR_TYPE, 3, 40, "pfr");
}
END_TEST

START_TEST(bad_quote) {
  expect_fail(DATA("deu_bad_quote.tsv"), NULL, CONCERT_ERR_SYNTAX, 3, 6, NULL);
}
END_TEST

/* Line 5 has 10 fields where the header has 16: the column is the end of the line. */
START_TEST(bad_field_count) {
  expect_fail(DATA("deu_bad_fields.tsv"), NULL, CONCERT_ERR_SYNTAX, 5, -1, NULL);
}
END_TEST

START_TEST(duplicate_issue) {
  expect_fail(DATA("deu_dup_id.tsv"), NULL, CONCERT_ERR_DUPLICATE_ID, 6, 6, "isnr");
}
END_TEST

START_TEST(missing_outcome_when_required) {
  concert_deu_options o = {.require_outcome = true};
  /* P2i1 on line 5 has a blank `out`: "P2" "P2i1" "CNS" "Unan" 100 -> byte 1+5+7+6+7+4 */
  expect_fail(DATA("deu_ok.tsv"), &o, CONCERT_ERR_MISSING, 5, 30, "out");
}
END_TEST

START_TEST(missing_out_column) {
  expect_fail(DATA("deu_no_out_column.tsv"), NULL, CONCERT_ERR_MISSING, 1, 0, "out");
}
END_TEST

START_TEST(empty_file) { expect_fail(DATA("deu_empty.tsv"), NULL, CONCERT_ERR_EMPTY, 0, 0, NULL); }
END_TEST

START_TEST(missing_file) {
  expect_fail(DATA("deu_does_not_exist.tsv"), NULL, CONCERT_ERR_IO, 0, 0, NULL);
}
END_TEST

START_TEST(header_without_actors) {
  const char *t = "isnr\tprnr\tout\ni1\tp1\t50\n";
  concert_deu *d = NULL;
  concert_diag dg;
  ck_assert_int_eq(concert_deu_parse(t, strlen(t), "buf", NULL, &d, &dg), CONCERT_ERR_MISSING);
  ck_assert_int_eq(dg.line, 1);
  ck_assert_ptr_null(d);
}
END_TEST

START_TEST(infinity_and_header_only) {
  const char *t = "isnr\tprnr\tout\tpa\tsa\ni1\tp1\tinf\t1\t1\n";
  concert_deu *d = NULL;
  concert_diag dg;
  ck_assert_int_eq(concert_deu_parse(t, strlen(t), "buf", NULL, &d, &dg), CONCERT_ERR_RANGE);
  ck_assert_str_eq(dg.path, "out");
  const char *h = "isnr\tprnr\tout\tpa\tsa\n";
  ck_assert_int_eq(concert_deu_parse(h, strlen(h), "buf", NULL, &d, &dg), CONCERT_ERR_EMPTY);
  /* a capability row alone (line 2, empty isnr) is still no issue */
  const char *e = "isnr\tprnr\tout\tpa\tsa\n\t\t\t1\t\n";
  ck_assert_int_eq(concert_deu_parse(e, strlen(e), "buf", NULL, &d, &dg), CONCERT_ERR_EMPTY);
  /* an empty isnr anywhere else is refused */
  const char *f = "isnr\tprnr\tout\tpa\tsa\ni1\tp1\t5\t1\t1\n\tp1\t5\t1\t1\n";
  ck_assert_int_eq(concert_deu_parse(f, strlen(f), "buf", NULL, &d, &dg), CONCERT_ERR_MISSING);
  ck_assert_int_eq(dg.line, 3);
  ck_assert_str_eq(dg.path, "isnr");
}
END_TEST

int main(void) {
  Suite *s = suite_create("validation-deu");
  TCase *tc = tcase_create("deu");
  tcase_add_test(tc, shipped_file);
  tcase_add_test(tc, small_file);
  tcase_add_test(tc, parse_buffer_without_cap_row);
  tcase_add_test(tc, bad_nan);
  tcase_add_test(tc, bad_range);
  tcase_add_test(tc, bad_number);
  tcase_add_test(tc, bad_quote);
  tcase_add_test(tc, bad_field_count);
  tcase_add_test(tc, duplicate_issue);
  tcase_add_test(tc, missing_outcome_when_required);
  tcase_add_test(tc, missing_out_column);
  tcase_add_test(tc, empty_file);
  tcase_add_test(tc, missing_file);
  tcase_add_test(tc, header_without_actors);
  tcase_add_test(tc, infinity_and_header_only);
  suite_add_tcase(s, tc);
  return concert_test_run(s);
}
