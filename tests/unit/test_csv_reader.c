/* test_csv_reader.c: the one internal reader of delimited text (src/csv): rows and their
 * lines for LF, CRLF and CR-only input (also with a CRLF split across two reads), field
 * columns, the plain TSV dialect and its quote rules, limits, syntax errors, collecting. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <concert.h>

#include "check_main.h"
#include "csv/csv_reader_i.h"
#include "io/number.h"
#include "status/diag.h"

/* What the row callback saw. */
typedef struct seen {
  int rows;          /* rows delivered */
  long line[8];      /* their first lines */
  long end_line[8];  /* their last lines */
  size_t n[8];       /* their field counts */
  char last[64];     /* the last field of the last row */
  long col_of[8];    /* byte column of field 1 (from concert_i_csv_fail), 0 if absent */
} seen;

static concert_status note(void *user, const concert_i_csv_row *r, concert_diag *d) {
  (void)d;
  seen *s = user;
  if (s->rows < 8) {
    s->line[s->rows] = r->line;
    s->end_line[s->rows] = r->end_line;
    s->n[s->rows] = r->n;
    if (r->n > 1) {
      concert_diag t;
      concert_i_csv_fail(&t, CONCERT_ERR_INVALID, r, 1, "b", "x");
      s->col_of[s->rows] = t.column;
    }
  }
  snprintf(s->last, sizeof s->last, "%s", r->n ? r->field[r->n - 1] : "");
  s->rows++;
  return CONCERT_OK;
}

static seen read_mem(const char *text, const concert_i_csv_opts *o, concert_status want) {
  seen s;
  memset(&s, 0, sizeof s);
  concert_diag d;
  concert_diag_clear(&d);
  concert_status st = concert_i_csv_read_mem(text, strlen(text), "t.csv", o, note, &s, &d);
  ck_assert_msg(st == want, "status %d (%s)", (int)st, d.message);
  return s;
}

START_TEST(lf_and_crlf_lines) {
  seen s = read_mem("a,b\n\nc,\"d\ne\"\r\nf,g", NULL, CONCERT_OK);
  ck_assert_int_eq(s.rows, 3);
  ck_assert_int_eq(s.line[0], 1);
  ck_assert_int_eq(s.line[1], 3); /* the blank line 2 is skipped */
  ck_assert_int_eq(s.end_line[1], 4);
  ck_assert_int_eq(s.line[2], 5);
  ck_assert_int_eq(s.col_of[2], 3);
  ck_assert_str_eq(s.last, "g");
}
END_TEST

START_TEST(cr_only_lines) {
  concert_i_csv_opts o = {.relaxed = true, .trim = true, .cr_newline = true};
  seen s = read_mem("a,b\r\rc, d \rx,y\r\n", &o, CONCERT_OK);
  ck_assert_int_eq(s.rows, 3);
  ck_assert_int_eq(s.line[0], 1);
  ck_assert_int_eq(s.line[1], 3);
  ck_assert_int_eq(s.line[2], 4);
  ck_assert_str_eq(s.last, "y");
  /* without cr_newline the same bytes are one physical line */
  o.cr_newline = false;
  s = read_mem("a,b\r\rc,d\r", &o, CONCERT_OK);
  ck_assert_int_eq(s.line[1], 1);
}
END_TEST

/* A CRLF whose CR ends one 64 KiB read and whose LF starts the next counts once. */
START_TEST(crlf_split_across_reads) {
  char path[] = "/tmp/concert_csv_XXXXXX";
  int fd = mkstemp(path);
  ck_assert_int_ge(fd, 0);
  FILE *f = fdopen(fd, "wb");
  size_t first = (1 << 16) - 1; /* the CR is byte 65536 */
  for (size_t i = 0; i + 2 < first; i++) fputc('a', f);
  fputs(",b\r\nc,d\r\n", f);
  fclose(f);
  concert_i_csv_opts o = {.relaxed = true, .trim = true, .cr_newline = true};
  seen s;
  memset(&s, 0, sizeof s);
  concert_diag d;
  ck_assert_int_eq(concert_i_csv_read_file(path, NULL, &o, note, &s, &d), CONCERT_OK);
  remove(path);
  ck_assert_int_eq(s.rows, 2);
  ck_assert_int_eq(s.line[1], 2);
  ck_assert_str_eq(s.last, "d");
}
END_TEST

START_TEST(plain_tsv) {
  concert_i_csv_opts o = {.dialect = CONCERT_I_CSV_PLAIN, .delim = '\t'};
  seen s = read_mem("\"a\"\tbb\t\"c d\"\r\nx\t\"\"\ty\n\n", &o, CONCERT_OK);
  ck_assert_int_eq(s.rows, 2); /* the empty last line is not a row */
  ck_assert_int_eq(s.n[0], 3);
  ck_assert_int_eq(s.col_of[0], 5);
  ck_assert_int_eq(s.col_of[1], 3);
  ck_assert_str_eq(s.last, "y");
  /* an empty line in the middle is a row with one empty field */
  s = read_mem("a\n\nb\n", &o, CONCERT_OK);
  ck_assert_int_eq(s.rows, 3);
  ck_assert_int_eq(s.n[1], 1);
}
END_TEST

/* Reads text (len bytes; 0: up to its NUL) and expects a failure at line and column. */
static void expect_fail_n(const char *text, size_t len, const concert_i_csv_opts *o,
                          concert_status want, int line, int col, const char *msg) {
  seen s;
  memset(&s, 0, sizeof s);
  concert_diag d;
  concert_diag_clear(&d);
  concert_status st =
      concert_i_csv_read_mem(text, len ? len : strlen(text), "t.csv", o, note, &s, &d);
  ck_assert_int_eq(st, want);
  ck_assert_int_eq(d.line, line);
  ck_assert_int_eq(d.column, col);
  ck_assert_msg(strstr(d.message, msg) != NULL, "message '%s' lacks '%s'", d.message, msg);
}

static void expect_fail(const char *text, const concert_i_csv_opts *o, concert_status want,
                        int line, int col, const char *msg) {
  expect_fail_n(text, 0, o, want, line, col, msg);
}

START_TEST(plain_quote_rules) {
  concert_i_csv_opts o = {.dialect = CONCERT_I_CSV_PLAIN, .delim = '\t', .max_fields = 3};
  expect_fail("a\tb\n\"x\ty\n", &o, CONCERT_ERR_SYNTAX, 2, 1, "unterminated double quote");
  expect_fail("a\t\"x\"\"y\"\n", &o, CONCERT_ERR_SYNTAX, 1, 3, "double quote inside");
  expect_fail("a\tx\"y\n", &o, CONCERT_ERR_SYNTAX, 1, 3, "stray double quote");
  expect_fail("a\tb\tc\td\n", &o, CONCERT_ERR_TOO_LARGE, 1, 7, "more than 3 columns");
  expect_fail_n("a\nb\0c\n", 6, &o, CONCERT_ERR_SYNTAX, 2, 0, "NUL byte");
}
END_TEST

START_TEST(limits_and_syntax) {
  expect_fail("a,b\n\"x\"y,z\n", NULL, CONCERT_ERR_SYNTAX, 2, 0, "malformed CSV");
  expect_fail("a,b\nx,\"open\n", NULL, CONCERT_ERR_SYNTAX, 3, 0, "malformed CSV");
  concert_i_csv_opts o = {.max_fields = 2, .max_field = 4};
  expect_fail("a,b,c\n", &o, CONCERT_ERR_TOO_LARGE, 1, 0, "more than 2 fields");
  expect_fail("a,bbbbb\n", &o, CONCERT_ERR_TOO_LARGE, 1, 0, "longer than 4 bytes");
  /* relaxed mode takes stray quotes as data */
  concert_i_csv_opts r = {.relaxed = true};
  seen s = read_mem("a,b\"c\n", &r, CONCERT_OK);
  ck_assert_str_eq(s.last, "b\"c");
}
END_TEST

/* An error callback sees where the unfinished row and its last complete field are. */
static concert_status where_fn(void *user, const concert_i_csv_where *w, concert_diag *d) {
  (void)user;
  return concert_i_fail(d, CONCERT_ERR_SYNTAX, w->file, (int)w->field_line, (int)w->fields + 1,
                        NULL, "row %ld at_end %d", w->row_line, (int)w->at_end);
}

START_TEST(error_callback) {
  concert_i_csv_opts o = {.on_error = where_fn};
  expect_fail("h\n\"a\nb\",c,\"d\"x\n", &o, CONCERT_ERR_SYNTAX, 3, 3, "row 2 at_end 0");
  expect_fail("h\nx,\"open\n", &o, CONCERT_ERR_SYNTAX, 2, 2, "row 2 at_end 1");
}
END_TEST

START_TEST(collect_rows) {
  concert_i_csv_records R;
  concert_diag d;
  const char *t = "id,v\nA,1\n\nB,\"2\n3\"\n";
  ck_assert_int_eq(concert_i_csv_collect_mem(t, strlen(t), "t.csv", NULL, &R, &d), CONCERT_OK);
  ck_assert_uint_eq(R.n, 3);
  ck_assert_int_eq(R.rows[2].line, 4);
  ck_assert_str_eq(R.rows[2].field[1], "2\n3");
  concert_i_csv_records_free(&R);
  ck_assert_uint_eq(R.n, 0);
  ck_assert_int_eq(concert_i_csv_collect_file("/nonexistent/x.csv", NULL, NULL, &R, &d),
                   CONCERT_ERR_IO);
  concert_i_csv_records_free(&R);
}
END_TEST

START_TEST(numbers) {
  long v = 0;
  double x = 0;
  ck_assert_int_eq(concert_i_csv_long("42", 0, 100, &v), 0);
  ck_assert_int_eq(v, 42);
  ck_assert_int_eq(concert_i_csv_long("-7", -10, 0, &v), 0);
  ck_assert_int_eq(v, -7);
  ck_assert_int_eq(concert_i_csv_long("101", 0, 100, &v), -1);
  ck_assert_int_eq(concert_i_csv_long("+1", 0, 100, &v), -1);
  ck_assert_int_eq(concert_i_csv_long("", 0, 100, &v), -1);
  ck_assert_int_eq(concert_i_csv_double("0.25", &x), 0);
  ck_assert_double_eq(x, 0.25);
  /* one reading of numbers (io/number.h) tells the problems apart */
  ck_assert_int_eq(concert_i_csv_double("nan", &x), CONCERT_I_NUM_NONFINITE);
  ck_assert_int_eq(concert_i_csv_double("-Infinity", &x), CONCERT_I_NUM_NONFINITE);
  ck_assert_int_eq(concert_i_csv_double("1e999", &x), CONCERT_I_NUM_OVERFLOW);
  ck_assert_int_eq(concert_i_csv_double("1e-400", &x), CONCERT_I_NUM_UNDERFLOW);
  ck_assert_int_eq(concert_i_csv_double("0e-400", &x), 0);
  ck_assert_int_eq(concert_i_csv_double(" 1", &x), CONCERT_I_NUM_SYNTAX);
  ck_assert_int_eq(concert_i_csv_double("0x10", &x), CONCERT_I_NUM_SYNTAX);
  char buf[32];
  ck_assert_str_eq(concert_i_number_text(100.0000001, buf, sizeof buf), "100.0000001");
  ck_assert_str_eq(concert_i_number_text(0.1, buf, sizeof buf), "0.1");
}
END_TEST

/* A NUL byte or invalid UTF-8 in a cell is refused at the cell, in both dialects (a NUL
 * would cut an id short; invalid UTF-8 would make the JSON writers fail). */
START_TEST(nul_and_bad_utf8_cells) {
  static const char nul[] = "a,b\nx,y\0z\n";
  seen s;
  memset(&s, 0, sizeof s);
  concert_diag d;
  concert_diag_clear(&d);
  ck_assert_int_eq(concert_i_csv_read_mem(nul, sizeof nul - 1, "t.csv", NULL, note, &s, &d),
                   CONCERT_ERR_SYNTAX);
  ck_assert_int_eq(d.line, 2);
  ck_assert_int_eq(d.column, 3);
  ck_assert_str_eq(d.message, "field 2 holds a NUL byte (at its byte 2)");
  ck_assert_int_eq(s.rows, 1); /* the header only: the bad row never reached the callback */
  concert_diag_clear(&d);
  static const char bad[] = "a,b\n\"caf\xe9\",y\n";
  ck_assert_int_eq(concert_i_csv_read_mem(bad, sizeof bad - 1, "t.csv", NULL, note, &s, &d),
                   CONCERT_ERR_SYNTAX);
  ck_assert_int_eq(d.line, 2);
  ck_assert_int_eq(d.column, 1);
  ck_assert_str_eq(d.message, "field 1 holds text that is not valid UTF-8 (at its byte 4)");
  concert_i_csv_opts o = {.dialect = CONCERT_I_CSV_PLAIN, .delim = '\t'};
  static const char tsv[] = "a\tb\nx\t\xff\n";
  ck_assert_int_eq(concert_i_csv_read_mem(tsv, sizeof tsv - 1, "t.tsv", &o, note, &s, &d),
                   CONCERT_ERR_SYNTAX);
  ck_assert_int_eq(d.line, 2);
  ck_assert_int_eq(d.column, 3);
}
END_TEST

static concert_status header_ab(void *user, const concert_i_csv_row *r, concert_diag *d) {
  (void)user;
  static const char *const names[] = {"a", "b"};
  return r->index == 0 ? concert_i_csv_expect_header(r, names, 2, d) : CONCERT_OK;
}

/* A header that is one column holding another separator is named as such. */
START_TEST(wrong_separator_named) {
  concert_diag d;
  concert_diag_clear(&d);
  ck_assert_int_eq(concert_i_csv_read_mem("a;b\n1;2\n", 8, "t.csv", NULL, header_ab, NULL, &d),
                   CONCERT_ERR_SYNTAX);
  ck_assert_str_eq(d.message, "the header is one column: the file seems separated by "
                              "semicolons (';'), but this table is separated by ','");
  ck_assert_int_eq(d.line, 1);
}
END_TEST

int main(void) {
  Suite *s = suite_create("csv reader");
  TCase *t = tcase_create("core");
  tcase_add_test(t, lf_and_crlf_lines);
  tcase_add_test(t, nul_and_bad_utf8_cells);
  tcase_add_test(t, wrong_separator_named);
  tcase_add_test(t, cr_only_lines);
  tcase_add_test(t, crlf_split_across_reads);
  tcase_add_test(t, plain_tsv);
  tcase_add_test(t, plain_quote_rules);
  tcase_add_test(t, limits_and_syntax);
  tcase_add_test(t, error_callback);
  tcase_add_test(t, collect_rows);
  tcase_add_test(t, numbers);
  suite_add_tcase(s, t);
  return concert_test_run(s);
}
