/* test_report.c: the SVG writer (escaping, fixed numbers, cuts at whole characters) and the
 * charts' geometry against hand-computed coordinates (docs/report.md). */
#include <check.h>
#include <concert.h>
#include <stdint.h>
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

int main(void) {
  Suite *s = suite_create("report");
  TCase *t = tcase_create("svg");
  tcase_add_test(t, escapes_markup_and_drops_control_characters);
  tcase_add_test(t, cuts_at_a_whole_character);
  tcase_add_test(t, numbers_have_one_decimal_and_no_negative_zero);
  tcase_add_test(t, issue_chart_places_marks_where_hand_computed);
  tcase_add_test(t, scenario_gives_its_words_and_sources);
  tcase_add_test(t, report_is_one_page_with_every_chart);
  suite_add_tcase(s, t);
  return concert_test_run(s);
}
