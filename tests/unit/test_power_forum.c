/* test_power_forum.c: voting power under a forum's rule (concert_game_from_forum) against
 * hand-computed indices, and the summit rules' games (unanimity: equal power, all vetoes). */
#include <check.h>
#include <concert.h>
#include <stdlib.h>
#include "check_main.h"

static concert_scenario *load(void) {
  concert_scenario *s = NULL;
  concert_diag d;
  concert_diag_clear(&d);
  ck_assert_int_eq(concert_scenario_load_file(CONCERT_SRCDIR "/tests/data/power_forum.yaml", &s, &d), CONCERT_OK);
  return s;
}

START_TEST(quota_forum) {
  /* [6; 5, 3, 2]: winning {A,B}, {A,C}, {A,B,C}. Swings A 3, B 1, C 1: Banzhaf 3/5, 1/5,
   * 1/5. A pivots in 4 of 6 orders: Shapley-Shubik 2/3, 1/6, 1/6. A alone is a veto. */
  concert_scenario *s = load();
  concert_game *g = NULL;
  concert_diag d;
  concert_diag_clear(&d);
  ck_assert_int_eq(concert_game_from_forum(&g, s, 0, &d), CONCERT_OK);
  ck_assert_str_eq(concert_game_title(g), "forum Q, 3 members, rule quota 0.6 of the capability");
  double bz[3], ss[3];
  bool veto[3];
  ck_assert_int_eq(concert_power_banzhaf(g, bz, &d), CONCERT_OK);
  ck_assert_int_eq(concert_power_shapley(g, ss, &d), CONCERT_OK);
  ck_assert_int_eq(concert_power_vetoes(g, veto, NULL, &d), CONCERT_OK);
  ck_assert_double_eq_tol(bz[0], 0.6, 1e-12);
  ck_assert_double_eq_tol(bz[1], 0.2, 1e-12);
  ck_assert_double_eq_tol(bz[2], 0.2, 1e-12);
  ck_assert_double_eq_tol(ss[0], 2.0 / 3.0, 1e-12);
  ck_assert_double_eq_tol(ss[1], 1.0 / 6.0, 1e-12);
  ck_assert_double_eq_tol(ss[2], 1.0 / 6.0, 1e-12);
  ck_assert(veto[0] && !veto[1] && !veto[2]);
  /* one pass: the same index, the swing counts 3, 1, 1 and 3 winning coalitions */
  double bz2[3];
  char *sw[3], *win = NULL;
  ck_assert_int_eq(concert_power_banzhaf_all(g, bz2, sw, &win, &d), CONCERT_OK);
  for (int i = 0; i < 3; i++) ck_assert_double_eq(bz2[i], bz[i]);
  ck_assert_str_eq(sw[0], "3");
  ck_assert_str_eq(sw[1], "1");
  ck_assert_str_eq(sw[2], "1");
  ck_assert_str_eq(win, "3");
  for (int i = 0; i < 3; i++) free(sw[i]);
  free(win);
  concert_game_free(g);
  concert_scenario_free(s);
}
END_TEST

START_TEST(unanimity_forum) {
  concert_scenario *s = load();
  concert_game *g = NULL;
  concert_diag d;
  concert_diag_clear(&d);
  ck_assert_int_eq(concert_game_from_forum(&g, s, 1, &d), CONCERT_OK);
  double ss[3];
  bool veto[3];
  ck_assert_int_eq(concert_power_shapley(g, ss, &d), CONCERT_OK);
  ck_assert_int_eq(concert_power_vetoes(g, veto, NULL, &d), CONCERT_OK);
  double sum = 0;
  for (int i = 0; i < 3; i++) {
    ck_assert_double_eq_tol(ss[i], 1.0 / 3.0, 1e-12);
    ck_assert(veto[i]);
    sum += ss[i];
  }
  ck_assert_double_eq_tol(sum, 1.0, 1e-12);
  concert_game_free(g);
  ck_assert_int_eq(concert_game_from_forum(&g, s, 7, &d), CONCERT_ERR_NOT_FOUND);
  ck_assert_ptr_null(g);
  concert_scenario_free(s);
}
END_TEST

int main(void) {
  Suite *s = suite_create("power (forums)");
  TCase *t = tcase_create("forum");
  tcase_add_test(t, quota_forum);
  tcase_add_test(t, unanimity_forum);
  suite_add_tcase(s, t);
  return concert_test_run(s);
}
