/* test_report.c: the SVG writer (escaping, fixed numbers, cuts at whole characters) and the
 * charts' geometry against hand-computed coordinates (docs/report.md). */
#include <check.h>
#include <concert.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_main.h"
#include "report/svg_i.h"
#include "scenario_support.h"

START_TEST(escapes_markup_and_drops_control_characters) {
  concert_i_svg w = {0};
  concert_i_svg_esc(&w, "<a & 'b' \"c\">\x01\x7f!", 0);
  ck_assert_str_eq(w.buf, "&lt;a &amp; &#39;b&#39; &quot;c&quot;&gt;!");
  free(w.buf);
}
END_TEST

START_TEST(cuts_at_a_whole_character) {
  concert_i_svg w = {0};
  /* "ab" then e-acute (2 bytes): a cut at 3 bytes would split it */
  concert_i_svg_esc(&w, "ab\xc3\xa9z", 3);
  ck_assert_str_eq(w.buf, "ab...");
  free(w.buf);
}
END_TEST

START_TEST(numbers_have_one_decimal_and_no_negative_zero) {
  concert_i_svg w = {0};
  concert_i_svg_num(&w, -0.04);
  concert_i_svg_raw(&w, " ");
  concert_i_svg_num(&w, 12.34);
  concert_i_svg_raw(&w, " ");
  concert_i_svg_num(&w, -7.25);
  concert_i_svg_raw(&w, " ");
  concert_i_svg_num(&w, 0.0 / 0.0);
  ck_assert_str_eq(w.buf, "0.0 12.3 -7.3 0.0");
  free(w.buf);
}
END_TEST

/* Two members: X (capability 4) at 40, Y (capability 1, name with markup) at 90; reversion
 * 20. On the line x = 60 + 6.8 * position: X at 332.0, Y at 672.0, the reversion at 196.0.
 * Radii 13 * sqrt(capability / 4): X 13.0, Y 6.5. */
static const char text[] =
    "name: Plot <test>\nsource: test\n"
    "issues:\n  - {id: a, title: A & B, reversion: 20, scale: {0: none, 100: \"all <of> it\"}}\n"
    "actors:\n"
    "  - {id: X, capability: 4, stances: {a: {position: 40, salience: 1}}}\n"
    "  - {id: Y, name: \"Y & <co>\", capability: 1, stances: {a: {position: 90, salience: 0.5}}}\n"
    "forums:\n  - id: F\n    members: [X, Y]\n    rule: unanimity\n"
    "    agenda:\n      - {session: one, issues: [a]}\n";

START_TEST(issue_chart_places_marks_where_hand_computed) {
  concert_scenario *s = load(text);
  concert_outcome *o = run(s, "F", NULL);
  concert_diag d;
  concert_diag_clear(&d);
  char *svg = NULL;
  ck_assert_int_eq(concert_plot_issue(o, 0, &svg, &d), CONCERT_OK);
  ck_assert_ptr_nonnull(strstr(svg, "<circle cx=\"332.0\""));
  ck_assert_ptr_nonnull(strstr(svg, "<circle cx=\"672.0\""));
  ck_assert_ptr_nonnull(strstr(svg, "r=\"13.0\""));
  ck_assert_ptr_nonnull(strstr(svg, "r=\"6.5\""));
  ck_assert_ptr_nonnull(strstr(svg, "<line x1=\"196.0\""));
  /* salience 0.5 gives fill opacity 0.2 + 0.8 x 0.5 */
  ck_assert_ptr_nonnull(strstr(svg, "fill-opacity=\"0.60\""));
  ck_assert_ptr_nonnull(strstr(svg, "Y (Y &amp; &lt;co&gt;)"));
  ck_assert_ptr_nonnull(strstr(svg, "100 = all &lt;of&gt; it"));
  ck_assert_ptr_null(strstr(svg, "<co>"));
  ck_assert_ptr_null(strstr(svg, "nan"));
  free(svg);
  ck_assert_int_eq(concert_plot_issue(o, 1, &svg, &d), CONCERT_ERR_ARGUMENT);
  ck_assert_ptr_null(svg);
  concert_outcome_free(o);
  concert_scenario_free(s);
}
END_TEST

START_TEST(scenario_gives_its_words_and_sources) {
  concert_scenario *s = load(text);
  ck_assert_str_eq(concert_scenario_issue_anchor(s, 0, 0), "none");
  ck_assert_str_eq(concert_scenario_issue_anchor(s, 0, 100), "all <of> it");
  ck_assert_str_eq(concert_scenario_issue_anchor(s, 0, 50), "");
  ck_assert_ptr_null(concert_scenario_issue_anchor(s, 0, 40));
  ck_assert_ptr_null(concert_scenario_issue_anchor(s, 1, 0));
  ck_assert_str_eq(concert_scenario_issue_source(s, 0), "test");
  ck_assert_str_eq(concert_scenario_actor_source(s, 1), "test");
  ck_assert_ptr_null(concert_scenario_actor_source(s, 2));
  ck_assert_uint_eq(concert_scenario_forum_invited_count(s, 0), 0);
  ck_assert_uint_eq(concert_scenario_forum_invited(s, 0, 0), SIZE_MAX);
  ck_assert_uint_eq(concert_scenario_forum_event_count(s, 0), 0);
  ck_assert_ptr_null(concert_scenario_forum_event_source(s, 0, 0));
  concert_scenario_free(s);
}
END_TEST

START_TEST(report_is_one_page_with_every_chart) {
  concert_scenario *s = load(text);
  concert_outcome *o = run(s, "F", NULL);
  char *html = NULL;
  ck_assert_int_eq(concert_report_html(o, NULL, &html, NULL), CONCERT_OK);
  ck_assert_ptr_nonnull(strstr(html, "<title>Plot &lt;test&gt;: F</title>"));
  size_t n = 0;
  for (const char *p = html; (p = strstr(p, "<svg ")); p++) n++;
  ck_assert_uint_eq(n, 2); /* one issue, the rift */
  ck_assert_ptr_null(strstr(html, "<script"));
  ck_assert_ptr_null(strstr(html, "href="));
  ck_assert_ptr_null(strstr(html, "src="));
  free(html);
  concert_outcome_free(o);
  concert_scenario_free(s);
}
END_TEST

/* The game [4; 3, 2, 1]. Swings: A 3 ({A,B}, {A,C}, {A,B,C}), B 1, C 1, so Banzhaf 0.6, 0.2,
 * 0.2; A pivots in 4 of the 6 orders (all but the two with A first, where the second
 * player pivots), so Shapley-Shubik 2/3, 1/6, 1/6. Weight shares
 * 1/2, 1/3, 1/6. The largest value 2/3 sets the axes' end at 0.7 (steps of 0.1 above 0.5),
 * so a value v sits at x = 80 + 430 v / 0.7, y = 510 - 430 v / 0.7: A's Banzhaf dot at
 * (387.1, 141.4), its Shapley-Shubik square (8 px, centred) at y 100.5 - 4 = 96.5; B's dot
 * at (284.8, 387.1). */
START_TEST(power_chart_places_indices_where_hand_computed) {
  const int64_t w[] = {3, 2, 1};
  const char *ids[] = {"A", "B", "C"};
  int64_t q = 4;
  concert_game_spec spec = {.n_players = 3, .n_weights = 1, .weights = w, .quotas = &q, .ids = ids,
                            .title = "T <1>"};
  concert_game *g = NULL;
  ck_assert_int_eq(concert_game_new(&g, &spec, NULL), CONCERT_OK);
  char *svg = NULL;
  ck_assert_int_eq(concert_plot_power(g, &svg, NULL), CONCERT_OK);
  ck_assert_ptr_nonnull(strstr(svg, "<circle cx=\"387.1\" cy=\"141.4\" r=\"4.5\""));
  ck_assert_ptr_nonnull(strstr(svg, "<rect x=\"383.1\" y=\"96.5\" width=\"8.0\""));
  ck_assert_ptr_nonnull(strstr(svg, "<circle cx=\"284.8\" cy=\"387.1\""));
  ck_assert_ptr_nonnull(
      strstr(svg, "<title>A: weight share 0.5000, Banzhaf 0.6000, Shapley-Shubik 0.6667</title>"));
  /* the 45-degree line from (0, 0) to the axes' end */
  ck_assert_ptr_nonnull(strstr(svg, "<line x1=\"80.0\" y1=\"510.0\" x2=\"510.0\" y2=\"80.0\""));
  ck_assert_ptr_nonnull(strstr(svg, "T &lt;1&gt;"));
  ck_assert_ptr_null(strstr(svg, "nan"));
  free(svg);
  ck_assert_int_eq(concert_plot_power(NULL, &svg, NULL), CONCERT_ERR_ARGUMENT);
  concert_game_free(g);
}
END_TEST

/* A sweep of a scenario with no ranges plays the same summit every run: every quantile of
 * the text is the one value v, so the median tick and the whiskers' ends sit at
 * x = 200 + 5.1 v and the box is its 2 px minimum; the share agreed a (0 or 1: one issue)
 * has its median tick at x = 200 + 510 a, from y = 172 (the lower panel starts at 168). */
START_TEST(distribution_chart_puts_a_fixed_outcome_on_one_x) {
  concert_scenario *s = load(text);
  concert_sweep_options so;
  concert_sweep_options_init(&so);
  so.runs = 5;
  concert_sweep *sw = NULL;
  ck_assert_int_eq(concert_sweep_run(s, &so, &sw, NULL), CONCERT_OK);
  concert_spread t = concert_sweep_text(sw, 0);
  ck_assert_uint_eq(t.n, 5);
  ck_assert_double_eq(t.q[0], t.q[4]);
  char *svg = NULL;
  ck_assert_int_eq(concert_plot_distribution(sw, &svg, NULL), CONCERT_OK);
  char want[128];
  concert_i_svg w = {0};
  concert_i_svg_num(&w, 200 + 5.1 * t.q[2]);
  snprintf(want, sizeof want, "<line x1=\"%s\" y1=\"80.0\" x2=\"%s\" y2=\"98.0\" stroke=\"#000000\" stroke-width=\"2.5\"",
           w.buf, w.buf);
  free(w.buf);
  ck_assert_ptr_nonnull(strstr(svg, want));
  ck_assert_ptr_nonnull(strstr(svg, "width=\"2.0\" height=\"14.0\""));
  concert_spread a = concert_sweep_agreed(sw);
  ck_assert(a.q[2] == 0 || a.q[2] == 1);
  snprintf(want, sizeof want, "<line x1=\"%s\" y1=\"%s\" x2=\"%s\"", a.q[2] ? "710.0" : "200.0",
           "172.0", a.q[2] ? "710.0" : "200.0");
  ck_assert_ptr_nonnull(strstr(svg, want));
  ck_assert_ptr_nonnull(strstr(svg, "n=5"));
  ck_assert_ptr_null(strstr(svg, "nan"));
  free(svg);
  concert_sweep_free(sw);
  concert_scenario_free(s);
}
END_TEST

/* Without judgment ranges nothing can flip: one row per headline saying so, no bar. */
START_TEST(tipping_without_ranges_says_nothing_flips) {
  concert_scenario *s = load(text);
  concert_sensitivity *x = NULL;
  ck_assert_int_eq(concert_sensitivity_run(s, 0, NULL, NULL, NULL, &x, NULL), CONCERT_OK);
  char *html = NULL, *svg = NULL;
  ck_assert_int_eq(concert_tipping_table_html(x, 3, &html, NULL), CONCERT_OK);
  size_t rows = 0, none = 0;
  for (const char *p = html; (p = strstr(p, "<tr>")); p++) rows++;
  for (const char *p = html; (p = strstr(p, "no single judgment flips it")); p++) none++;
  ck_assert_uint_eq(rows, 1 + concert_sensitivity_headline_count(x)); /* the head row too */
  ck_assert_uint_eq(none, concert_sensitivity_headline_count(x));
  ck_assert_int_eq(concert_plot_tipping(x, &svg, NULL), CONCERT_OK);
  ck_assert_ptr_nonnull(strstr(svg, "no flip within the ranges"));
  ck_assert_ptr_null(strstr(svg, "<rect x=\"250.0\""));
  free(html);
  free(svg);
  concert_sensitivity_free(x);
  concert_scenario_free(s);
}
END_TEST

int main(void) {
  Suite *s = suite_create("report");
  TCase *t = tcase_create("svg");
  tcase_add_test(t, escapes_markup_and_drops_control_characters);
  tcase_add_test(t, cuts_at_a_whole_character);
  tcase_add_test(t, numbers_have_one_decimal_and_no_negative_zero);
  tcase_add_test(t, issue_chart_places_marks_where_hand_computed);
  tcase_add_test(t, scenario_gives_its_words_and_sources);
  tcase_add_test(t, report_is_one_page_with_every_chart);
  tcase_add_test(t, power_chart_places_indices_where_hand_computed);
  tcase_add_test(t, distribution_chart_puts_a_fixed_outcome_on_one_x);
  tcase_add_test(t, tipping_without_ranges_says_nothing_flips);
  suite_add_tcase(s, t);
  return concert_test_run(s);
}
