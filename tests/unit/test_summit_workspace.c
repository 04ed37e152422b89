/* test_summit_workspace.c: a summit workspace (src/summit/workspace.c), which keeps one
 * engine and its outcome from run to run, gives every run the outcome a fresh engine gives
 * (concert_i_summit_run_mode) on the same drawn scenario: the whole outcome as JSON, the net
 * gains and the blockers, over many draws of both shipped scenarios, every forum, in the
 * sweep's play (stances read in place) and in the full and quick plays with the chair's
 * count over the ranges (stances copied and moved). Stale state carried from one run to the
 * next (a list not emptied, a package array not reset, an interval table not refilled)
 * shows up as a difference. */
#include <check.h>
#include <concert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_main.h"
#include "summit/engine_i.h"
#include "sweep/draw_i.h"

static concert_scenario *load_file(const char *name) {
  char path[512];
  snprintf(path, sizeof path, "%s/scenarios/%s", CONCERT_SRCDIR, name);
  concert_scenario *s = NULL;
  concert_diag d;
  concert_diag_clear(&d);
  ck_assert_msg(concert_scenario_load_file(path, &s, &d) == CONCERT_OK, "%s", d.message);
  return s;
}

static char *json_of(const concert_outcome *o) {
  char *j = NULL;
  concert_diag d;
  concert_diag_clear(&d);
  ck_assert_msg(concert_outcome_to_json(o, &j, &d) == CONCERT_OK, "%s", d.message);
  return j;
}

/* The two outcomes agree in everything a caller can read of them. */
static void same_outcome(const concert_outcome *a, const concert_outcome *b, size_t nm,
                         const char *what, size_t run) {
  char *ja = json_of(a), *jb = json_of(b);
  ck_assert_msg(strcmp(ja, jb) == 0, "%s, run %zu: outcomes differ", what, run);
  free(ja), free(jb);
  for (size_t m = 0; m < nm; m++)
    ck_assert_msg(memcmp(&(double){concert_outcome_net_gain(a, m)},
                         &(double){concert_outcome_net_gain(b, m)}, sizeof(double)) == 0,
                  "%s, run %zu: net gain of member %zu differs", what, run, m);
  ck_assert_uint_eq(concert_outcome_veto_count(a), concert_outcome_veto_count(b));
  for (size_t v = 0; v < concert_outcome_veto_count(a); v++) {
    const concert_veto *x = concert_outcome_veto(a, v), *y = concert_outcome_veto(b, v);
    ck_assert_msg(x->actor == y->actor && x->issue == y->issue && x->red_line == y->red_line &&
                      x->role == y->role && memcmp(&x->text, &y->text, sizeof x->text) == 0 &&
                      memcmp(&x->excess, &y->excess, sizeof x->excess) == 0,
                  "%s, run %zu: objection %zu differs", what, run, v);
  }
}

/* runs draws of forum f of s played in `mode` with protocol proto, each through the
 * workspace and through a fresh engine. */
static void compare_runs(const concert_scenario *s, size_t f, concert_i_play mode,
                         const char *proto_text, size_t runs, const char *what) {
  concert_diag d;
  concert_diag_clear(&d);
  concert_params *proto = concert_params_new();
  ck_assert_int_eq(concert_params_set_text(proto, proto_text, &d), CONCERT_OK);
  concert_i_draw *draw = concert_i_draw_new(s);
  ck_assert_ptr_nonnull(draw);
  const concert_scenario *ds = concert_i_draw_scenario(draw);
  concert_i_summit_ws *ws = NULL;
  ck_assert_int_eq(concert_i_summit_ws_new(ds, f, NULL, NULL, proto, mode, &ws, &d), CONCERT_OK);
  size_t nm = concert_scenario_forum_member_count(s, f);
  for (size_t r = 0; r < runs; r++) {
    concert_rng g;
    concert_rng_init(&g, 11, r);
    concert_i_draw_fill(draw, &g);
    const concert_outcome *kept = NULL;
    concert_outcome *fresh = NULL;
    ck_assert_msg(concert_i_summit_ws_play(ws, &kept, &d) == CONCERT_OK, "%s", d.message);
    ck_assert_msg(concert_i_summit_run_mode(ds, f, NULL, NULL, proto, mode, &fresh, &d) ==
                      CONCERT_OK,
                  "%s", d.message);
    same_outcome(kept, fresh, nm, what, r);
    concert_outcome_free(fresh);
  }
  concert_i_summit_ws_free(ws);
  concert_i_draw_free(draw);
  concert_params_free(proto);
}

static void every_forum(const char *file, concert_i_play mode, const char *proto, size_t runs) {
  concert_scenario *s = load_file(file);
  for (size_t f = 0; f < concert_scenario_forum_count(s); f++) {
    char what[128];
    snprintf(what, sizeof what, "%s forum %zu mode %d", file, f, (int)mode);
    compare_runs(s, f, mode, proto, runs, what);
  }
  concert_scenario_free(s);
}

START_TEST(sweep_play_kananaskis) {
  every_forum("g7-kananaskis-2025.yaml", CONCERT_I_PLAY_SWEEP, "forgo_evaluation=point", 300);
}
END_TEST

START_TEST(sweep_play_g5) {
  every_forum("g5-2026.yaml", CONCERT_I_PLAY_SWEEP, "forgo_evaluation=point", 150);
}
END_TEST

START_TEST(quick_play_ranges) {
  /* the chair's count over the ranges moves the working stances: they are copies here */
  every_forum("g7-kananaskis-2025.yaml", CONCERT_I_PLAY_QUICK, "forgo_evaluation=ranges", 20);
}
END_TEST

START_TEST(full_play) {
  /* deals, hinges, reasons and the network are rebuilt each run of a kept outcome */
  every_forum("g5-2026.yaml", CONCERT_I_PLAY_FULL, "forgo_evaluation=ranges", 3);
}
END_TEST

int main(void) {
  Suite *s = suite_create("summit_workspace");
  TCase *t = tcase_create("core");
  tcase_set_timeout(t, 300);
  tcase_add_test(t, sweep_play_kananaskis);
  tcase_add_test(t, sweep_play_g5);
  tcase_add_test(t, quick_play_ranges);
  tcase_add_test(t, full_play);
  suite_add_tcase(s, t);
  return concert_test_run(s);
}
