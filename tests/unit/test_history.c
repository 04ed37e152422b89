/* test_history.c: the recorded G7/G8 and G20 summit tables: they load with every cell as in
 * the shipped CSV, and malformed tables are refused with file, line, column and field. */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include <concert.h>

#include "history/history_i.h"
#include "check_main.h"

static concert_history *load(void) {
  concert_history *h = NULL;
  concert_diag d;
  concert_status st = concert_history_load(&h, NULL, &d);
  ck_assert_msg(st == CONCERT_OK, "%s", d.message);
  return h;
}

START_TEST(tables_load) {
  concert_history *h = load();
  ck_assert_uint_eq(concert_history_count(h, CONCERT_FORUM_G7), 51);
  ck_assert_uint_eq(concert_history_count(h, CONCERT_FORUM_G20), 20);
  const concert_summit_record *s = concert_history_at(h, CONCERT_FORUM_G7, 0);
  ck_assert_int_eq(s->year, 1975);
  ck_assert_int_eq(s->n_members, 6);
  ck_assert_str_eq(s->host_city, "Rambouillet");
  s = concert_history_find(h, CONCERT_FORUM_G7, 2025);
  ck_assert_ptr_nonnull(s);
  ck_assert_int_eq(s->summit_no, 51);
  ck_assert_int_eq(s->n_members, 7);
  ck_assert_int_eq(s->n_statements, 7);
  ck_assert_str_eq(s->communique, "no");
  ck_assert_str_eq(s->chair_summary, "yes");
  ck_assert_uint_eq(s->n_codes, 5);
  s = concert_history_find(h, CONCERT_FORUM_G7, 1998);
  ck_assert_int_eq(s->n_members, 8);
  ck_assert_int_eq(s->n_statements, -1); /* "unknown" stays unknown */
  ck_assert_str_eq(s->disputes, "unknown");
  s = concert_history_find(h, CONCERT_FORUM_G7, 2020);
  ck_assert_int_eq(s->held, 0);
  s = concert_history_find(h, CONCERT_FORUM_G20, 2025);
  ck_assert_int_eq(s->n_members, 19);
  ck_assert_str_eq(s->host_city, "Johannesburg");
  ck_assert_ptr_null(concert_history_find(h, CONCERT_FORUM_G20, 2007));
  ck_assert_ptr_null(concert_history_at(h, CONCERT_FORUM_G7, 51));
  concert_history_free(h);
  concert_history_free(NULL);
}
END_TEST

START_TEST(forum_names) {
  concert_forum_kind f;
  ck_assert_int_eq(concert_forum_kind_parse("g20", &f, NULL), CONCERT_OK);
  ck_assert_int_eq(f, CONCERT_FORUM_G20);
  ck_assert_int_eq(concert_forum_kind_parse("G8", &f, NULL), CONCERT_OK);
  ck_assert_int_eq(f, CONCERT_FORUM_G7);
  concert_diag d;
  ck_assert_int_eq(concert_forum_kind_parse("G5", &f, &d), CONCERT_ERR_INVALID);
  ck_assert_str_eq(concert_forum_kind_name(CONCERT_FORUM_G20), "G20");
}
END_TEST

static const char *g7_header =
    "year,summit_no,format,host_country,host_city,dates,main_outcome_document,"
    "full_communique_or_declaration,chair_summary_replaced_communique,endorsement_withdrawn_by,"
    "n_separate_leader_statements,early_departures,member_leader_absences_or_skipped_sessions,"
    "russia_participation,notable_disputes,source_ids\n";
static const char *g7_row =
    "2018,44,G7,Canada,Charlevoix,2018-06-08/2018-06-09,Communique,yes,no,United States,"
    "unknown,unknown,unknown,suspended,tariffs,S30\n";

/* Parses a G7 table made of the header and rows; returns the status. */
static concert_status g7(const char *rows, concert_diag *d) {
  char buf[4096];
  snprintf(buf, sizeof buf, "%s%s", g7_header, rows);
  concert_history *h = concert_i_history_new();
  concert_diag_clear(d);
  concert_status st = concert_i_history_parse(h, 0, buf, strlen(buf), "g7_summits.csv", d);
  concert_history_free(h);
  return st;
}

START_TEST(bad_g7_tables) {
  concert_diag d;
  ck_assert_int_eq(g7(g7_row, &d), CONCERT_OK);
  ck_assert_int_eq(g7("", &d), CONCERT_ERR_EMPTY);
  ck_assert_int_eq(g7("20x8,44,G7,Canada,Charlevoix,d,C,yes,no,none_known,unknown,unknown,"
                      "unknown,s,t,S30\n",
                      &d),
                   CONCERT_ERR_TYPE);
  ck_assert_str_eq(d.file, "g7_summits.csv");
  ck_assert_int_eq(d.line, 2);
  ck_assert_int_eq(d.column, 1);
  ck_assert_str_eq(d.path, "year");
  ck_assert_int_eq(g7("2018,44,G5,Canada,Charlevoix,d,C,yes,no,none_known,unknown,unknown,"
                      "unknown,s,t,S30\n",
                      &d),
                   CONCERT_ERR_INVALID);
  ck_assert_str_eq(d.path, "format");
  ck_assert_int_eq(d.column, 9);
  ck_assert_int_eq(g7("2018,44,G7,Canada,Charlevoix,d,C,maybe,no,none_known,unknown,unknown,"
                      "unknown,s,t,S30\n",
                      &d),
                   CONCERT_ERR_INVALID);
  ck_assert_str_eq(d.path, "full_communique_or_declaration");
  ck_assert_int_eq(g7("2018,44,G7,Canada,,d,C,yes,no,none_known,unknown,unknown,unknown,s,t,"
                      "S30\n",
                      &d),
                   CONCERT_ERR_MISSING);
  ck_assert_str_eq(d.path, "host_city");
  ck_assert_int_eq(g7("2018,44,G7,Canada,Charlevoix,d,C,yes,no,none_known,-3,unknown,"
                      "unknown,s,t,S30\n",
                      &d),
                   CONCERT_ERR_TYPE);
  ck_assert_str_eq(d.path, "n_separate_leader_statements");
  ck_assert_int_eq(g7("2018,44,G7,Canada,Charlevoix,d,C,yes,no,none_known,unknown,unknown,"
                      "unknown,s,t,see S30\n",
                      &d),
                   CONCERT_ERR_SYNTAX);
  ck_assert_str_eq(d.path, "source_ids");
  /* a multi-line quoted cell: the error on the next row is located on its own line */
  ck_assert_int_eq(g7("2017,43,G7,Italy,\"Taor\nmina\",d,C,yes,no,none_known,unknown,unknown,"
                      "unknown,s,t,S28\n2016,42,G7,Japan,Ise,d,C,yes,no,none_known,unknown,"
                      "unknown,unknown,s,t,\n",
                      &d),
                   CONCERT_ERR_INVALID);
  ck_assert_int_eq(d.line, 4);
  ck_assert_str_eq(d.path, "year");
  ck_assert_int_eq(g7("2018,44,G7,Canada,Charlevoix,d,C,yes,no,none_known,unknown,unknown\n",
                      &d),
                   CONCERT_ERR_MISSING);
  ck_assert_int_eq(g7("2018,44,G7,\"Canada,Charlevoix\n", &d), CONCERT_ERR_SYNTAX);
  /* a value cut for a message ("%.40s") never ends in half a character */
  ck_assert_int_eq(g7("123456789012345678901234567890123456789\xc3\xa9,44,G7,Canada,Charlevoix,d,"
                      "C,yes,no,none_known,unknown,unknown,unknown,s,t,S30\n",
                      &d),
                   CONCERT_ERR_TYPE);
  ck_assert_str_eq(d.message, "'123456789012345678901234567890123456789' is not a year in 1900-2100");
  /* dubious rows: the same summit twice, an impossible day */
  char two[1024];
  snprintf(two, sizeof two, "%s%s", g7_row, g7_row);
  ck_assert_int_eq(g7(two, &d), CONCERT_ERR_DUPLICATE_ID);
  ck_assert_int_eq(d.line, 3);
  ck_assert_str_eq(d.path, "summit_no");
  ck_assert_int_eq(g7("2018,44,G7,Canada,Charlevoix,2018-06-08/2018-06-31,Communique,yes,no,"
                      "United States,unknown,unknown,unknown,suspended,tariffs,S30\n",
                      &d),
                   CONCERT_ERR_INVALID);
  ck_assert_str_eq(d.path, "dates");
  ck_assert_str_eq(d.message, "'2018-06-31' is not a real date (YYYY-MM-DD)");
}
END_TEST

/* Parses the real G7 table, then a codes table made of the header and rows. */
static concert_status codes(const char *rows, concert_diag *d) {
  char buf[4096];
  snprintf(buf, sizeof buf, "forum,year,component,actors,issue,note,source_ids\n%s", rows);
  concert_history *h = concert_i_history_new();
  ck_assert_int_eq(concert_i_history_read(h, 0, CONCERT_SRCDIR "/data/world/g7_summits.csv",
                                          "g7_summits.csv", d),
                   CONCERT_OK);
  ck_assert_int_eq(concert_i_history_read(h, 1,
                                          CONCERT_SRCDIR "/data/world/g20_leaders_summits.csv",
                                          "g20_leaders_summits.csv", d),
                   CONCERT_OK);
  concert_diag_clear(d);
  concert_status st = concert_i_history_parse(h, 2, buf, strlen(buf), "g7_rift_codes.csv", d);
  if (st == CONCERT_OK) st = concert_i_history_link(h, "g7_rift_codes.csv", d);
  concert_history_free(h);
  return st;
}

START_TEST(bad_codes) {
  concert_diag d;
  ck_assert_int_eq(codes("G7,2018,trade,USA;CAN,tariffs,a note,S30\n", &d), CONCERT_OK);
  ck_assert_int_eq(codes("G7,2018,trade,USA;CAN,tariffs,a note,S30\n", &d), CONCERT_OK);
  ck_assert_int_eq(codes("G9,2018,trade,USA,tariffs,a note,S30\n", &d), CONCERT_ERR_INVALID);
  ck_assert_str_eq(d.path, "forum");
  ck_assert_int_eq(codes("G7,2020,trade,USA,tariffs,a note,S30\nG7,1974,trade,USA,x,y,S1\n", &d),
                   CONCERT_ERR_UNKNOWN_ID);
  ck_assert_int_eq(d.line, 3);
  ck_assert_int_eq(d.column, 4);
  ck_assert_str_eq(d.path, "year");
  ck_assert_int_eq(codes("G20,2009,trade,USA,x,y,T10\n", &d), CONCERT_ERR_UNSUPPORTED);
  ck_assert_int_eq(codes("G7,2018,tariffs,USA,x,y,S30\n", &d), CONCERT_ERR_INVALID);
  ck_assert_str_eq(d.path, "component");
  ck_assert_int_eq(codes("G7,2018,trade,USA;CA,x,y,S30\n", &d), CONCERT_ERR_SYNTAX);
  ck_assert_str_eq(d.path, "actors");
  ck_assert_int_eq(codes("G7,2018,no_communique,,x,y,S30\n", &d), CONCERT_ERR_MISSING);
  ck_assert_int_eq(codes("G7,2018,trade,USA,x,,S30\n", &d), CONCERT_ERR_MISSING);
  ck_assert_str_eq(d.path, "note");
  ck_assert_int_eq(codes("G7,2018,trade,USA,x,y,\n", &d), CONCERT_ERR_SYNTAX);
  ck_assert_str_eq(d.path, "source_ids");
  /* the ';'-separated lists: no trailing or doubled separator, whole tokens only */
  ck_assert_int_eq(codes("G7,2018,trade,USA;CAN;JPN,x,y,S30;S31;T2\n", &d), CONCERT_OK);
  ck_assert_int_eq(codes("G7,2018,trade,USA;,x,y,S30\n", &d), CONCERT_ERR_SYNTAX);
  ck_assert_str_eq(d.path, "actors");
  ck_assert_int_eq(codes("G7,2018,trade,USAB,x,y,S30\n", &d), CONCERT_ERR_SYNTAX);
  ck_assert_int_eq(codes("G7,2018,trade,USA;;CAN,x,y,S30\n", &d), CONCERT_ERR_SYNTAX);
  ck_assert_int_eq(codes("G7,2018,trade,USA,x,y,S30;\n", &d), CONCERT_ERR_SYNTAX);
  ck_assert_str_eq(d.path, "source_ids");
  ck_assert_int_eq(codes("G7,2018,trade,USA,x,y,S\n", &d), CONCERT_ERR_SYNTAX);
  ck_assert_int_eq(codes("G7,2018,trade,USA,x,y,s30\n", &d), CONCERT_ERR_SYNTAX);
  /* the same code twice would be counted twice */
  ck_assert_int_eq(codes("G7,2018,trade,USA,tariffs,a,S30\nG7,2018,trade,USA,tariffs,b,S30\n", &d),
                   CONCERT_ERR_DUPLICATE_ID);
  ck_assert_int_eq(d.line, 3);
}
END_TEST

START_TEST(load_missing_dir) {
  concert_history *h = (concert_history *)1;
  concert_diag d;
  ck_assert_int_eq(concert_history_load(&h, "/nonexistent-dir", &d), CONCERT_ERR_IO);
  ck_assert_ptr_null(h);
  ck_assert_ptr_nonnull(strstr(d.file, "g7_summits.csv"));
  ck_assert_int_eq(concert_history_load(NULL, NULL, &d), CONCERT_ERR_ARGUMENT);
}
END_TEST

int main(void) {
  Suite *s = suite_create("history");
  TCase *t = tcase_create("history");
  tcase_add_test(t, tables_load);
  tcase_add_test(t, forum_names);
  tcase_add_test(t, bad_g7_tables);
  tcase_add_test(t, bad_codes);
  tcase_add_test(t, load_missing_dir);
  suite_add_tcase(s, t);
  return concert_test_run(s);
}
