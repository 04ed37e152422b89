/* test_cohesion.c: UNGA agreement and ideal-point dispersion: hand-computed values on a tiny
 * vote file (tests/data/unga_tiny), published Bailey-Strezhnev-Voeten agreement shares on the
 * full shipped data, matrix invariants, and bad input. */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <concert.h>

#include "cohesion/cohesion_i.h"
#include "check_main.h"

#define TINY CONCERT_SRCDIR "/tests/data/unga_tiny/world"
#define EPS 1e-12

static concert_unga *tiny(void) {
  concert_unga *u = NULL;
  concert_diag d;
  concert_status st = concert_unga_load(&u, TINY, &d);
  ck_assert_msg(st == CONCERT_OK, "%s", d.message);
  return u;
}

static concert_cohesion *query(const concert_unga *u, const char *const *m, size_t n, int from,
                               int to, const char *issue) {
  concert_cohesion_query q = {m, n, from, to, issue};
  concert_cohesion *c = NULL;
  concert_diag d;
  concert_status st = concert_cohesion_compute(u, &q, &c, &d);
  ck_assert_msg(st == CONCERT_OK, "%s", d.message);
  return c;
}

START_TEST(tiny_loads) {
  concert_unga *u = tiny();
  ck_assert_uint_eq(concert_unga_roll_calls(u), 6);
  ck_assert_uint_eq(concert_unga_votes(u), 21);
  concert_unga_free(u);
}
END_TEST

/* Hand computation (docs/cohesion.md has the table):
 * USA-CHN 6 joint, 3 same, 1 half -> 3/6 = 0.5, Lijphart 3.5/6
 * USA-RUS 5 joint, 2 same, 1 half -> 0.4, Lijphart 0.5
 * CHN-RUS 5 joint, 2 same, 2 half -> 0.4, Lijphart 0.6 */
START_TEST(tiny_agreement_by_hand) {
  concert_unga *u = tiny();
  const char *m[] = {"USA", "CHN", "RUS"};
  concert_cohesion *c = query(u, m, 3, 1990, 1991, NULL);
  ck_assert_uint_eq(concert_cohesion_roll_calls(c), 6);
  ck_assert_double_eq_tol(concert_cohesion_agreement(c, 0, 1), 0.5, EPS);
  ck_assert_double_eq_tol(concert_cohesion_agreement(c, 0, 2), 0.4, EPS);
  ck_assert_double_eq_tol(concert_cohesion_agreement(c, 1, 2), 0.4, EPS);
  ck_assert_double_eq_tol(concert_cohesion_lijphart(c, 0, 1), 3.5 / 6.0, EPS);
  ck_assert_double_eq_tol(concert_cohesion_lijphart(c, 0, 2), 0.5, EPS);
  ck_assert_double_eq_tol(concert_cohesion_lijphart(c, 1, 2), 0.6, EPS);
  ck_assert_uint_eq(concert_cohesion_joint(c, 0, 1), 6);
  ck_assert_uint_eq(concert_cohesion_joint(c, 0, 2), 5);
  ck_assert_uint_eq(concert_cohesion_joint(c, 2, 2), 5);
  ck_assert_double_eq_tol(concert_cohesion_mean(c, 0), 1.3 / 3.0, EPS);
  ck_assert_double_eq_tol(concert_cohesion_mean(c, 1), (3.5 / 6.0 + 0.5 + 0.6) / 3.0, EPS);
  /* per year: 1990 (1/3 + 1/3 + 0)/3, 1991 (2/3 + 1/2 + 1)/3 */
  int year;
  double mean;
  size_t rc;
  ck_assert_int_eq(concert_cohesion_year_at(c, 0, &year, &mean, &rc), CONCERT_OK);
  ck_assert_int_eq(year, 1990);
  ck_assert_uint_eq(rc, 3);
  ck_assert_double_eq_tol(mean, 2.0 / 9.0, EPS);
  ck_assert_int_eq(concert_cohesion_year_at(c, 1, &year, &mean, &rc), CONCERT_OK);
  ck_assert_double_eq_tol(mean, (2.0 / 3.0 + 0.5 + 1.0) / 3.0, EPS);
  ck_assert_int_eq(concert_cohesion_year_at(c, 2, NULL, NULL, NULL), CONCERT_ERR_RANGE);
  /* ideal points: 1990 {2,-1,-1} sd sqrt(2); 1991 {1,NA,-1} sd 1 */
  ck_assert_uint_eq(concert_cohesion_dispersion_years(c), 2);
  double sd;
  size_t n;
  ck_assert_int_eq(concert_cohesion_dispersion_at(c, 0, &year, &sd, &n), CONCERT_OK);
  ck_assert_int_eq(year, 1990);
  ck_assert_uint_eq(n, 3);
  ck_assert_double_eq_tol(sd, sqrt(2.0), EPS);
  ck_assert_int_eq(concert_cohesion_dispersion_at(c, 1, &year, &sd, &n), CONCERT_OK);
  ck_assert_uint_eq(n, 2);
  ck_assert_double_eq_tol(sd, 1.0, EPS);
  ck_assert_double_eq_tol(concert_cohesion_dispersion_mean(c), (sqrt(2.0) + 1.0) / 2.0, EPS);
  concert_cohesion_free(c);
  concert_unga_free(u);
}
END_TEST

START_TEST(tiny_issue_and_year_filters) {
  concert_unga *u = tiny();
  const char *m[] = {"usa", "chn", "rus"}; /* case-insensitive */
  concert_cohesion *c = query(u, m, 3, 1990, 1991, "me");
  ck_assert_uint_eq(concert_cohesion_roll_calls(c), 2);
  ck_assert_double_eq_tol(concert_cohesion_agreement(c, 0, 1), 1.0, EPS);
  ck_assert_double_eq_tol(concert_cohesion_agreement(c, 0, 2), 0.5, EPS);
  ck_assert_double_eq_tol(concert_cohesion_agreement(c, 1, 2), 0.5, EPS);
  ck_assert_str_eq(concert_cohesion_member(c, 0), "USA");
  concert_cohesion_free(c);
  c = query(u, m, 3, 1991, 1991, "hr"); /* rc 4 and 5; RUS absent on 5 */
  ck_assert_uint_eq(concert_cohesion_roll_calls(c), 2);
  ck_assert_uint_eq(concert_cohesion_joint(c, 0, 2), 1);
  ck_assert_double_eq_tol(concert_cohesion_agreement(c, 0, 1), 1.0, EPS);
  concert_cohesion_free(c);
  c = query(u, m, 3, 1980, 1985, NULL); /* no roll calls: undefined, not zero */
  ck_assert_uint_eq(concert_cohesion_roll_calls(c), 0);
  ck_assert(isnan(concert_cohesion_agreement(c, 0, 1)));
  ck_assert(isnan(concert_cohesion_agreement(c, 0, 0)));
  ck_assert(isnan(concert_cohesion_mean(c, 0)));
  ck_assert(isnan(concert_cohesion_dispersion_mean(c)));
  concert_cohesion_free(c);
  concert_unga_free(u);
}
END_TEST

/* DEU covers the FRG code before 1991; CUB resolves through the ideal-point file's name. */
START_TEST(tiny_member_resolution) {
  concert_unga *u = tiny();
  const char *m[] = {"DEU", "USA", "CUB"};
  concert_cohesion *c = query(u, m, 3, 1990, 1991, NULL);
  ck_assert_uint_eq(concert_cohesion_joint(c, 0, 0), 3);
  ck_assert_double_eq_tol(concert_cohesion_agreement(c, 0, 1), 2.0 / 3.0, EPS);
  ck_assert_uint_eq(concert_cohesion_joint(c, 0, 2), 0);
  ck_assert(isnan(concert_cohesion_agreement(c, 0, 2)));
  ck_assert_double_eq_tol(concert_cohesion_agreement(c, 1, 2), 0.0, EPS);
  ck_assert_str_eq(concert_cohesion_member_name(c, 0), "Germany");
  ck_assert_str_eq(concert_cohesion_member_name(c, 2), "Cuba");
  concert_cohesion_free(c);
  concert_unga_free(u);
}
END_TEST

/* Group names expand from focus_countries.csv; overlaps they create are merged. */
START_TEST(tiny_group_names) {
  concert_unga *u = tiny();
  const char *g5[] = {"G5"};
  concert_cohesion *c = query(u, g5, 1, 1990, 1991, NULL);
  ck_assert_uint_eq(concert_cohesion_size(c), 3);
  ck_assert_str_eq(concert_cohesion_member(c, 1), "CHN");
  ck_assert_double_eq_tol(concert_cohesion_agreement(c, 0, 1), 0.5, EPS);
  concert_cohesion_free(c);
  const char *g8[] = {"g8", "USA", "CUB"}; /* G8 = the G7 plus Russia */
  c = query(u, g8, 3, 1990, 1991, NULL);
  ck_assert_uint_eq(concert_cohesion_size(c), 4);
  ck_assert_str_eq(concert_cohesion_member(c, 0), "USA");
  ck_assert_str_eq(concert_cohesion_member(c, 1), "RUS");
  ck_assert_str_eq(concert_cohesion_member(c, 2), "DEU");
  ck_assert_str_eq(concert_cohesion_member(c, 3), "CUB");
  concert_cohesion_free(c);
  concert_unga_free(u);
}
END_TEST

static concert_status bad_query(const char *const *m, size_t n, int from, int to,
                                const char *issue, concert_diag *d) {
  concert_unga *u = tiny();
  concert_cohesion_query q = {m, n, from, to, issue};
  concert_cohesion *c = (concert_cohesion *)&q; /* must be reset to NULL */
  concert_status st = concert_cohesion_compute(u, &q, &c, d);
  ck_assert_ptr_null(c);
  concert_unga_free(u);
  return st;
}

START_TEST(bad_queries) {
  concert_diag d;
  const char *unknown[] = {"USA", "XYZ"};
  ck_assert_int_eq(bad_query(unknown, 2, 1990, 1991, NULL, &d), CONCERT_ERR_UNKNOWN_ID);
  ck_assert_str_eq(d.path, "members[1]");
  ck_assert_ptr_nonnull(strstr(d.message, "XYZ"));
  const char *dup[] = {"USA", "usa"};
  ck_assert_int_eq(bad_query(dup, 2, 1990, 1991, NULL, &d), CONCERT_ERR_DUPLICATE_ID);
  const char *notiso[] = {"US"};
  ck_assert_int_eq(bad_query(notiso, 1, 1990, 1991, NULL, &d), CONCERT_ERR_INVALID);
  const char *ok[] = {"USA", "CHN"};
  ck_assert_int_eq(bad_query(ok, 2, 1991, 1990, NULL, &d), CONCERT_ERR_RANGE);
  ck_assert_int_eq(bad_query(ok, 2, 1990, 1991, "xx", &d), CONCERT_ERR_INVALID);
  ck_assert_int_eq(bad_query(ok, 0, 1990, 1991, NULL, &d), CONCERT_ERR_EMPTY);
  ck_assert_int_eq(concert_cohesion_compute(NULL, NULL, NULL, NULL), CONCERT_ERR_ARGUMENT);
  concert_cohesion_free(NULL);
  concert_unga_free(NULL);
}
END_TEST

/* Feeds tables 0..which-1 from the tiny directory, then table `which` from text. */
static concert_status parse_bad(int which, const char *text, concert_diag *d) {
  static const char *const files[6] = {
      "unga_countries.csv", "unga_roll_calls.csv", "unga_roll_call_issues.csv",
      "unga_votes.csv",     "focus_countries.csv", "unga_ideal_points_bsv_jun2024.csv"};
  concert_unga *u = concert_i_unga_new();
  ck_assert_ptr_nonnull(u);
  for (int w = 0; w < which; w++) {
    char path[512];
    snprintf(path, sizeof path, "%s/%s", TINY, files[w]);
    ck_assert_int_eq(concert_i_unga_read(u, w, path, files[w], d), CONCERT_OK);
  }
  concert_diag_clear(d);
  concert_status st = concert_i_unga_parse(u, which, text, strlen(text), files[which], d);
  concert_unga_free(u);
  return st;
}

START_TEST(bad_vote_files) {
  concert_diag d;
  ck_assert_int_eq(parse_bad(3, "rcid,country_code,vote\n1,US,maybe\n", &d), CONCERT_ERR_INVALID);
  ck_assert_str_eq(d.file, "unga_votes.csv");
  ck_assert_int_eq(d.line, 2);
  ck_assert_int_eq(d.column, 6);
  ck_assert_str_eq(d.path, "vote");
  ck_assert_int_eq(parse_bad(3, "rcid,country_code,vote\n1,US,yes\n1,XX,no\n", &d),
                   CONCERT_ERR_UNKNOWN_ID);
  ck_assert_int_eq(d.line, 3);
  ck_assert_int_eq(d.column, 3);
  ck_assert_str_eq(d.path, "country_code");
  ck_assert_int_eq(parse_bad(3, "rcid,country_code,vote\n1,US,yes\n1,US,no\n", &d),
                   CONCERT_ERR_DUPLICATE_ID);
  ck_assert_int_eq(parse_bad(3, "rcid,country_code,vote\n99,US,yes\n", &d),
                   CONCERT_ERR_UNKNOWN_ID);
  ck_assert_str_eq(d.path, "rcid");
  ck_assert_int_eq(parse_bad(3, "rcid,country_code,vote\n-1,US,yes\n", &d), CONCERT_ERR_TYPE);
  ck_assert_int_eq(parse_bad(3, "rcid,country,vote\n", &d), CONCERT_ERR_SYNTAX);
  ck_assert_int_eq(d.line, 1);
  ck_assert_int_eq(d.column, 6);
  ck_assert_int_eq(parse_bad(3, "rcid,country_code,vote\n1,US\n", &d), CONCERT_ERR_MISSING);
  ck_assert_int_eq(parse_bad(3, "rcid,country_code,vote\n1,\"US,yes\n", &d), CONCERT_ERR_SYNTAX);
  ck_assert_int_eq(parse_bad(3, "rcid,country_code,vote\n1,U\"S,yes\n", &d), CONCERT_ERR_SYNTAX);
  ck_assert_int_eq(d.line, 2);
  ck_assert_int_eq(parse_bad(3, "rcid,country_code,vote,extra\n", &d), CONCERT_ERR_UNKNOWN_FIELD);
  /* an empty or header-only table is refused (it would give agreement over nothing) */
  ck_assert_int_eq(parse_bad(3, "rcid,country_code,vote\n", &d), CONCERT_ERR_EMPTY);
  ck_assert_int_eq(d.line, 2);
  ck_assert_str_eq(d.message, "the table has a header but no rows");
  ck_assert_int_eq(parse_bad(3, "", &d), CONCERT_ERR_EMPTY);
  ck_assert_str_eq(d.message, "the file is empty (no header)");
  /* the same issue tag twice on a roll call is a duplicate row */
  ck_assert_int_eq(parse_bad(2, "rcid,short_name,issue\n1,me,Middle East\n1,me,Middle East\n", &d),
                   CONCERT_ERR_DUPLICATE_ID);
  ck_assert_int_eq(d.line, 3);
}
END_TEST

START_TEST(bad_other_files) {
  concert_diag d;
  ck_assert_int_eq(parse_bad(0, "country_code,country,n_votes,first_vote_date,last_vote_date,"
                                "code_note\nus,United States,1,1990-01-01,1990-01-01,\n",
                             &d),
                   CONCERT_ERR_SYNTAX);
  ck_assert_int_eq(parse_bad(1, "rcid,session,importantvote,date,unres,amend,para\n"
                                "7,45,0,1990-13-01,R,0,0\n",
                             &d),
                   CONCERT_ERR_TYPE);
  ck_assert_str_eq(d.path, "date");
  ck_assert_int_eq(d.column, 8);
  ck_assert_int_eq(parse_bad(1, "rcid,session,importantvote,date,unres,amend,para\n"
                                "7,45,0,1990-02-30,R,0,0\n",
                             &d),
                   CONCERT_ERR_TYPE); /* an impossible day */
  ck_assert_str_eq(d.path, "date");
  ck_assert_int_eq(parse_bad(2, "rcid,short_name,issue\n1,zz,Something\n", &d),
                   CONCERT_ERR_INVALID);
  const char *hdr = "year,ccode,session,NVotesAll,IdealPointAll,QO%All,Q5%All,Q10%All,Q50%All,"
                    "Q90%All,Q95%All,Q100%All,iso3c,Countryname,USAgree,RUSSAgree,BrazilAgree,"
                    "ChinaAgree,IndiaAgree,IsraelAgree\n";
  char buf[1024];
  snprintf(buf, sizeof buf, "%s1990,2,45,3,inf,1,1,1,2,3,3,3,USA,United States,1,NA,NA,NA,NA,NA\n",
           hdr);
  ck_assert_int_eq(parse_bad(5, buf, &d), CONCERT_ERR_RANGE);
  ck_assert_str_eq(d.path, "IdealPointAll");
  /* an ideal point whose square overflows: refused, never a dispersion of inf */
  snprintf(buf, sizeof buf, "%s1990,2,45,3,1e308,1,1,1,2,3,3,3,USA,United States,1,NA,NA,NA,NA,NA\n",
           hdr);
  ck_assert_int_eq(parse_bad(5, buf, &d), CONCERT_ERR_RANGE);
  ck_assert_str_eq(d.path, "IdealPointAll");
  ck_assert_ptr_nonnull(strstr(d.message, "1e308 is beyond +-100"));
  snprintf(buf, sizeof buf, "%s1990,2,45,3,nan,1,1,1,2,3,3,3,USA,United States,1,NA,NA,NA,NA,NA\n",
           hdr);
  ck_assert_int_eq(parse_bad(5, buf, &d), CONCERT_ERR_RANGE);
  snprintf(buf, sizeof buf, "%s1990,2,45,3,1,1,1,1,2,3,3,3,USA,United States,1.5,NA,NA,NA,NA,NA\n",
           hdr);
  ck_assert_int_eq(parse_bad(5, buf, &d), CONCERT_ERR_RANGE);
  ck_assert_str_eq(d.path, "USAgree");
  snprintf(buf, sizeof buf, "%s1991,2,45,3,1,1,1,1,2,3,3,3,USA,United States,1,NA,NA,NA,NA,NA\n",
           hdr);
  ck_assert_int_eq(parse_bad(5, buf, &d), CONCERT_ERR_INVALID);
  concert_unga *u = NULL;
  ck_assert_int_eq(concert_unga_load(&u, "/nonexistent-dir", &d), CONCERT_ERR_IO);
  ck_assert_ptr_null(u);
  ck_assert_ptr_nonnull(strstr(d.file, "unga_countries.csv"));
}
END_TEST

/* The full shipped data: published agreement shares and invariants. */
static concert_unga *full;

static void load_full(void) {
  concert_diag d;
  concert_status st = concert_unga_load(&full, NULL, &d);
  ck_assert_msg(st == CONCERT_OK, "%s", d.message);
}
static void free_full(void) {
  concert_unga_free(full);
  full = NULL;
}

/* Reference: the USAgree column of the Bailey-Strezhnev-Voeten file (Jun 2024 release),
 * share of the session's votes on which the country voted as the US. Our simple agreement
 * matches it to the file's 7 significant digits in these sessions. */
START_TEST(full_matches_published_bsv_agreement) {
  static const struct {
    int year;
    const char *iso3;
    double us_agree;
  } ref[] = {{1980, "IND", 0.1747573}, {1980, "CHN", 0.1976744}, {1980, "RUS", 0.1262136},
             {1985, "IND", 0.09933775}, {1985, "CHN", 0.1496599}, {1985, "RUS", 0.1125828},
             {1990, "IND", 0.1190476}, {1990, "CHN", 0.1566265}, {1990, "RUS", 0.1428571},
             {1995, "IND", 0.08641975}, {1995, "CHN", 0.1410256}, {1995, "RUS", 0.3580247}};
  for (size_t i = 0; i < sizeof ref / sizeof ref[0]; i++) {
    const char *m[] = {"USA", ref[i].iso3};
    concert_cohesion *c = query(full, m, 2, ref[i].year, ref[i].year, NULL);
    ck_assert_double_eq_tol(concert_cohesion_agreement(c, 0, 1), ref[i].us_agree, 5e-7);
    concert_cohesion_free(c);
  }
  ck_assert_uint_eq(concert_unga_votes(full), 870109);
  ck_assert_uint_eq(concert_unga_roll_calls(full), 6203);
}
END_TEST

START_TEST(full_matrix_invariants) {
  static const char *const pool[] = {"USA", "CHN", "RUS", "IND", "JPN", "DEU", "FRA",
                                     "GBR", "ITA", "CAN", "BRA", "ZAF", "KOR", "AUS"};
  const size_t np = sizeof pool / sizeof pool[0];
  unsigned long long s = 20251123ULL;
  static const char *const issues[] = {NULL, "me", "nu", "di", "hr", "co", "ec"};
  for (int trial = 0; trial < 40; trial++) {
    s = s * 6364136223846793005ULL + 1442695040888963407ULL;
    size_t k = 2 + (size_t)((s >> 33) % 6);
    const char *m[8];
    size_t used = 0;
    for (size_t i = 0; used < k; i = (i + 7) % np) {
      s = s * 6364136223846793005ULL + 1442695040888963407ULL;
      const char *cand = pool[(i + (s >> 40)) % np];
      int dup = 0;
      for (size_t j = 0; j < used; j++) dup |= strcmp(m[j], cand) == 0;
      if (!dup) m[used++] = cand;
    }
    int from = 1950 + (int)((s >> 20) % 60);
    int to = from + (int)((s >> 10) % 15);
    concert_cohesion *c = query(full, m, k, from, to, issues[(s >> 5) % 7]);
    ck_assert_uint_eq(concert_cohesion_size(c), k);
    for (size_t i = 0; i < k; i++) {
      if (concert_cohesion_joint(c, i, i) > 0) {
        ck_assert_double_eq(concert_cohesion_agreement(c, i, i), 1.0);
        ck_assert_double_eq(concert_cohesion_lijphart(c, i, i), 1.0);
      }
      for (size_t j = 0; j < k; j++) {
        double a = concert_cohesion_agreement(c, i, j), l = concert_cohesion_lijphart(c, i, j);
        double b = concert_cohesion_agreement(c, j, i);
        ck_assert(isnan(a) == isnan(b));
        if (isnan(a)) continue;
        ck_assert_double_eq(a, b);
        ck_assert_double_eq(l, concert_cohesion_lijphart(c, j, i));
        ck_assert(a >= 0.0 && a <= 1.0);
        ck_assert(l >= a && l <= 1.0);
        ck_assert_uint_le(concert_cohesion_joint(c, i, j), concert_cohesion_joint(c, i, i));
        ck_assert_uint_le(concert_cohesion_joint(c, i, j), concert_cohesion_roll_calls(c));
      }
    }
    double mean = concert_cohesion_mean(c, 0);
    ck_assert(isnan(mean) || (mean >= 0 && mean <= 1));
    for (size_t y = 0; y < concert_cohesion_dispersion_years(c); y++) {
      double sd;
      ck_assert_int_eq(concert_cohesion_dispersion_at(c, y, NULL, &sd, NULL), CONCERT_OK);
      ck_assert(sd >= 0 && isfinite(sd));
    }
    concert_cohesion_free(c);
  }
}
END_TEST

int main(void) {
  Suite *s = suite_create("cohesion");
  TCase *t = tcase_create("tiny");
  tcase_add_test(t, tiny_loads);
  tcase_add_test(t, tiny_agreement_by_hand);
  tcase_add_test(t, tiny_issue_and_year_filters);
  tcase_add_test(t, tiny_member_resolution);
  tcase_add_test(t, tiny_group_names);
  tcase_add_test(t, bad_queries);
  tcase_add_test(t, bad_vote_files);
  tcase_add_test(t, bad_other_files);
  suite_add_tcase(s, t);
  TCase *f = tcase_create("full");
  tcase_set_timeout(f, 120);
  tcase_add_unchecked_fixture(f, load_full, free_full);
  tcase_add_test(f, full_matches_published_bsv_agreement);
  tcase_add_test(f, full_matrix_invariants);
  suite_add_tcase(s, f);
  return concert_test_run(s);
}
