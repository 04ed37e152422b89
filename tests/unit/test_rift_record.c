/* test_rift_record.c: the rift index's thresholds and flags, and its reading of the real
 * record: Kananaskis 2025 shows all three no's, Charlevoix 2018 the US's withdrawn
 * endorsement, Biarritz 2019 the missing communique; unknown cells stay unknown. */
#include <check.h>
#include <math.h>
#include <string.h>

#include <concert.h>
#include "check_main.h"

static concert_history *h;

static void setup(void) {
  concert_diag d;
  concert_status st = concert_history_load(&h, NULL, &d);
  ck_assert_msg(st == CONCERT_OK, "%s", d.message);
}
static void teardown(void) {
  concert_history_free(h);
  h = NULL;
}

static concert_rift rift_of(concert_forum_kind f, int year, concert_rift_evidence *ev) {
  const concert_summit_record *s = concert_history_find(h, f, year);
  ck_assert_ptr_nonnull(s);
  concert_rift r;
  ck_assert_int_eq(concert_rift_from_record(s, &r, ev, NULL), CONCERT_OK);
  ck_assert(concert_rift_valid(&r));
  return r;
}

START_TEST(thresholds_and_flags) {
  ck_assert_double_eq(concert_rift_threshold(CONCERT_RIFT_NO_COMMUNIQUE), 0.0);
  ck_assert_double_eq(concert_rift_threshold(CONCERT_RIFT_NO_UNIFIED_STANCE), 0.30);
  ck_assert_double_eq(concert_rift_threshold(CONCERT_RIFT_TRADE), 0.25);
  ck_assert(isnan(concert_rift_threshold((concert_rift_component)6)));
  /* zero thresholds: any positive value */
  ck_assert_int_eq(concert_rift_flag_of(CONCERT_RIFT_NO_COMMUNIQUE, 0.0), CONCERT_TRI_NO);
  ck_assert_int_eq(concert_rift_flag_of(CONCERT_RIFT_NO_COMMUNIQUE, 1.0 / 7.0), CONCERT_TRI_YES);
  ck_assert_int_eq(concert_rift_flag_of(CONCERT_RIFT_MISSING_STATEMENTS, 1e-9), CONCERT_TRI_YES);
  /* other thresholds: value >= threshold */
  ck_assert_int_eq(concert_rift_flag_of(CONCERT_RIFT_TRADE, 0.25), CONCERT_TRI_YES);
  ck_assert_int_eq(concert_rift_flag_of(CONCERT_RIFT_TRADE, 0.2499), CONCERT_TRI_NO);
  ck_assert_int_eq(concert_rift_flag_of(CONCERT_RIFT_ROLE, 0.3), CONCERT_TRI_YES);
  /* NaN and out of range: unknown, never a guess */
  ck_assert_int_eq(concert_rift_flag_of(CONCERT_RIFT_AGENDA, NAN), CONCERT_TRI_UNKNOWN);
  ck_assert_int_eq(concert_rift_flag_of(CONCERT_RIFT_AGENDA, 1.5), CONCERT_TRI_UNKNOWN);
  ck_assert_int_eq(concert_rift_flag_of(CONCERT_RIFT_AGENDA, -0.1), CONCERT_TRI_UNKNOWN);
  ck_assert_int_eq(concert_rift_flag_of((concert_rift_component)-1, 0.5), CONCERT_TRI_UNKNOWN);
  ck_assert_str_eq(concert_rift_component_id(CONCERT_RIFT_ROLE), "role");
  ck_assert_str_eq(concert_rift_component_id((concert_rift_component)9), "");
  ck_assert_str_eq(concert_rift_component_label(CONCERT_RIFT_NO_COMMUNIQUE),
                   "no joint communique");
  concert_rift r;
  concert_rift_clear(&r);
  ck_assert(concert_rift_valid(&r));
  size_t y, u;
  concert_rift_count(&r, 0, CONCERT_RIFT_N, &y, &u);
  ck_assert_uint_eq(y, 0);
  ck_assert_uint_eq(u, 6);
  r.value[0] = 1.2;
  ck_assert(!concert_rift_valid(&r));
  concert_rift_count(&r, 4, 3, &y, &u); /* out of range: nothing counted */
  ck_assert_uint_eq(u, 0);
}
END_TEST

/* Kananaskis 2025: all three no's. */
START_TEST(kananaskis_2025_three_nos) {
  concert_rift_evidence ev;
  concert_rift r = rift_of(CONCERT_FORUM_G7, 2025, &ev);
  ck_assert_int_eq(r.flag[CONCERT_RIFT_NO_COMMUNIQUE], CONCERT_TRI_YES);
  ck_assert_double_eq(r.value[CONCERT_RIFT_NO_COMMUNIQUE], 1.0);
  ck_assert_int_eq(r.flag[CONCERT_RIFT_MISSING_STATEMENTS], CONCERT_TRI_YES);
  /* two expected issues (Ukraine, China) without a statement beside seven statements */
  ck_assert_double_eq_tol(r.value[CONCERT_RIFT_MISSING_STATEMENTS], 2.0 / 9.0, 1e-12);
  ck_assert_ptr_nonnull(strstr(ev.text[CONCERT_RIFT_MISSING_STATEMENTS], "Ukraine"));
  ck_assert_int_eq(r.flag[CONCERT_RIFT_NO_UNIFIED_STANCE], CONCERT_TRI_YES);
  ck_assert_ptr_nonnull(strstr(ev.text[CONCERT_RIFT_NO_UNIFIED_STANCE], "Russia"));
  ck_assert(isnan(r.value[CONCERT_RIFT_NO_UNIFIED_STANCE])); /* depth not recorded */
  size_t y, u;
  concert_rift_count(&r, 0, 3, &y, &u);
  ck_assert_uint_eq(y, 3);
  /* and the three disputes: tariffs, the early departure, Russia/China membership */
  concert_rift_count(&r, 3, 3, &y, &u);
  ck_assert_uint_eq(y, 3);
  ck_assert_ptr_nonnull(strstr(ev.text[CONCERT_RIFT_AGENDA], "Trump left"));
}
END_TEST

/* Charlevoix 2018: a communique, then the US withdrew its endorsement: 1 of 7. */
START_TEST(charlevoix_2018_withdrawn_endorsement) {
  concert_rift_evidence ev;
  concert_rift r = rift_of(CONCERT_FORUM_G7, 2018, &ev);
  ck_assert_int_eq(r.flag[CONCERT_RIFT_NO_COMMUNIQUE], CONCERT_TRI_YES);
  ck_assert_double_eq_tol(r.value[CONCERT_RIFT_NO_COMMUNIQUE], 1.0 / 7.0, 1e-12);
  ck_assert_ptr_nonnull(strstr(ev.text[CONCERT_RIFT_NO_COMMUNIQUE], "USA"));
  ck_assert_ptr_nonnull(strstr(ev.text[CONCERT_RIFT_NO_COMMUNIQUE], "withdrew"));
  ck_assert_int_eq(r.flag[CONCERT_RIFT_TRADE], CONCERT_TRI_YES);
  ck_assert_int_eq(r.flag[CONCERT_RIFT_AGENDA], CONCERT_TRI_YES); /* left early */
  ck_assert_int_eq(r.flag[CONCERT_RIFT_NO_UNIFIED_STANCE], CONCERT_TRI_NO);
}
END_TEST

/* Biarritz 2019: no communique, a one-page host declaration instead. */
START_TEST(biarritz_2019_no_communique) {
  concert_rift_evidence ev;
  concert_rift r = rift_of(CONCERT_FORUM_G7, 2019, &ev);
  ck_assert_int_eq(r.flag[CONCERT_RIFT_NO_COMMUNIQUE], CONCERT_TRI_YES);
  ck_assert_double_eq(r.value[CONCERT_RIFT_NO_COMMUNIQUE], 1.0);
  ck_assert_ptr_nonnull(strstr(ev.text[CONCERT_RIFT_NO_COMMUNIQUE], "One-page"));
  ck_assert_int_eq(r.flag[CONCERT_RIFT_MISSING_STATEMENTS], CONCERT_TRI_YES); /* climate */
  ck_assert(isnan(r.value[CONCERT_RIFT_MISSING_STATEMENTS]));                   /* no count */
  ck_assert_int_eq(r.flag[CONCERT_RIFT_AGENDA], CONCERT_TRI_YES); /* skipped session */
}
END_TEST

/* Quiet years and unknown cells. */
START_TEST(unknowns_stay_unknown) {
  /* 2016: communique by all, disputes and departures unknown */
  concert_rift r = rift_of(CONCERT_FORUM_G7, 2016, NULL);
  ck_assert_int_eq(r.flag[CONCERT_RIFT_NO_COMMUNIQUE], CONCERT_TRI_NO);
  ck_assert_double_eq(r.value[CONCERT_RIFT_NO_COMMUNIQUE], 0.0);
  ck_assert_int_eq(r.flag[CONCERT_RIFT_MISSING_STATEMENTS], CONCERT_TRI_NO);
  ck_assert_int_eq(r.flag[CONCERT_RIFT_NO_UNIFIED_STANCE], CONCERT_TRI_UNKNOWN);
  ck_assert_int_eq(r.flag[CONCERT_RIFT_TRADE], CONCERT_TRI_UNKNOWN);
  ck_assert_int_eq(r.flag[CONCERT_RIFT_AGENDA], CONCERT_TRI_UNKNOWN);
  ck_assert_int_eq(r.flag[CONCERT_RIFT_ROLE], CONCERT_TRI_UNKNOWN);
  /* 2005: whether there was a single communique is unknown */
  r = rift_of(CONCERT_FORUM_G7, 2005, NULL);
  ck_assert_int_eq(r.flag[CONCERT_RIFT_NO_COMMUNIQUE], CONCERT_TRI_UNKNOWN);
  ck_assert(isnan(r.value[CONCERT_RIFT_NO_COMMUNIQUE]));
  ck_assert_int_eq(r.flag[CONCERT_RIFT_MISSING_STATEMENTS], CONCERT_TRI_UNKNOWN);
  ck_assert_int_eq(r.flag[CONCERT_RIFT_AGENDA], CONCERT_TRI_YES); /* Blair left for London */
  /* 2020: no summit held: nothing is known */
  r = rift_of(CONCERT_FORUM_G7, 2020, NULL);
  size_t y, u;
  concert_rift_count(&r, 0, CONCERT_RIFT_N, &y, &u);
  ck_assert_uint_eq(y, 0);
  ck_assert_uint_eq(u, 6);
  /* 2002: chair's summary instead of a communique; disputes known (none of these kinds) */
  r = rift_of(CONCERT_FORUM_G7, 2002, NULL);
  ck_assert_int_eq(r.flag[CONCERT_RIFT_NO_COMMUNIQUE], CONCERT_TRI_YES);
  ck_assert_int_eq(r.flag[CONCERT_RIFT_TRADE], CONCERT_TRI_NO);
  ck_assert(isnan(r.value[CONCERT_RIFT_TRADE]));
}
END_TEST

START_TEST(g20_record) {
  /* Johannesburg 2025: adopted without the US, Argentina not endorsing: 2 of 19 */
  concert_rift r = rift_of(CONCERT_FORUM_G20, 2025, NULL);
  ck_assert_int_eq(r.flag[CONCERT_RIFT_NO_COMMUNIQUE], CONCERT_TRI_YES);
  ck_assert_double_eq_tol(r.value[CONCERT_RIFT_NO_COMMUNIQUE], 2.0 / 19.0, 1e-12);
  ck_assert_int_eq(r.flag[CONCERT_RIFT_AGENDA], CONCERT_TRI_YES);
  /* Bali 2022: "most members" condemned the war */
  r = rift_of(CONCERT_FORUM_G20, 2022, NULL);
  ck_assert_int_eq(r.flag[CONCERT_RIFT_NO_COMMUNIQUE], CONCERT_TRI_NO);
  ck_assert_int_eq(r.flag[CONCERT_RIFT_NO_UNIFIED_STANCE], CONCERT_TRI_YES);
  ck_assert_int_eq(r.flag[CONCERT_RIFT_AGENDA], CONCERT_TRI_YES);
  /* Brisbane 2014: consensus notes unknown */
  r = rift_of(CONCERT_FORUM_G20, 2014, NULL);
  ck_assert_int_eq(r.flag[CONCERT_RIFT_NO_COMMUNIQUE], CONCERT_TRI_NO);
  ck_assert_int_eq(r.flag[CONCERT_RIFT_TRADE], CONCERT_TRI_UNKNOWN);
}
END_TEST

/* Every recorded summit gives a well-formed index whose known values agree with the flags. */
START_TEST(all_records_consistent) {
  for (int f = 0; f < 2; f++)
    for (size_t i = 0; i < concert_history_count(h, (concert_forum_kind)f); i++) {
      const concert_summit_record *s = concert_history_at(h, (concert_forum_kind)f, i);
      concert_rift r;
      ck_assert_int_eq(concert_rift_from_record(s, &r, NULL, NULL), CONCERT_OK);
      ck_assert(concert_rift_valid(&r));
      for (int c = 0; c < CONCERT_RIFT_N; c++)
        if (!isnan(r.value[c]))
          ck_assert_int_eq(r.flag[c], concert_rift_flag_of((concert_rift_component)c, r.value[c]));
    }
  concert_rift r;
  ck_assert_int_eq(concert_rift_from_record(NULL, &r, NULL, NULL), CONCERT_ERR_ARGUMENT);
  /* a record built by hand with only some cells: no crash, unknowns stay unknown */
  concert_summit_record hand;
  memset(&hand, 0, sizeof hand);
  hand.year = 2030;
  hand.held = 1;
  hand.n_members = 5;
  hand.communique = "no";
  concert_rift_evidence ev;
  ck_assert_int_eq(concert_rift_from_record(&hand, &r, &ev, NULL), CONCERT_OK);
  ck_assert_int_eq(r.flag[CONCERT_RIFT_NO_COMMUNIQUE], CONCERT_TRI_YES);
  ck_assert_int_eq(r.flag[CONCERT_RIFT_TRADE], CONCERT_TRI_UNKNOWN);
  ck_assert_int_eq(r.flag[CONCERT_RIFT_AGENDA], CONCERT_TRI_UNKNOWN);
  hand.n_members = 0;
  ck_assert_int_eq(concert_rift_from_record(&hand, &r, NULL, NULL), CONCERT_ERR_INVALID);
}
END_TEST

int main(void) {
  Suite *s = suite_create("rift_record");
  TCase *t = tcase_create("rift");
  tcase_add_unchecked_fixture(t, setup, teardown);
  tcase_add_test(t, thresholds_and_flags);
  tcase_add_test(t, kananaskis_2025_three_nos);
  tcase_add_test(t, charlevoix_2018_withdrawn_endorsement);
  tcase_add_test(t, biarritz_2019_no_communique);
  tcase_add_test(t, unknowns_stay_unknown);
  tcase_add_test(t, g20_record);
  tcase_add_test(t, all_records_consistent);
  suite_add_tcase(s, t);
  return concert_test_run(s);
}
