/* chart_tipping.c: the tipping points of a sensitivity analysis (concert/sensitivity.h): per
 * headline the nearest flip as a bar of its change (concert_plot_tipping), and the nearest
 * flips as an HTML table for the report (concert_tipping_table_html). */
#include <concert/report.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "status/diag.h"
#include "svg_i.h"

enum { WIDTH = 800 };
#define BX 250.0 /* x of change 0 */
#define BW 400.0 /* px from change 0 to 1 */
#define ROW 22.0

/* "Document, at the summit", "Document, as expected", "Statement on ai". */
static void headline_name(char *buf, size_t size, const concert_scenario *s,
                          const concert_headline *h) {
  if (h->kind == CONCERT_HEADLINE_DOCUMENT)
    snprintf(buf, size, "document, at the summit");
  else if (h->kind == CONCERT_HEADLINE_DOCUMENT_EXPECTED)
    snprintf(buf, size, "document, as expected");
  else
    snprintf(buf, size, "statement on %s", concert_scenario_issue_id(s, h->issue));
}

/* "USA position on ai", "reversion point of ai", "USA capability". */
static void judgment(char *buf, size_t size, const concert_scenario *s,
                     const concert_tipping_point *p) {
  if (p->field == CONCERT_HINGE_REVERSION)
    snprintf(buf, size, "reversion point of %s", concert_scenario_issue_id(s, p->issue));
  else if (p->field == CONCERT_HINGE_CAPABILITY)
    snprintf(buf, size, "%s capability", concert_scenario_actor_id(s, p->actor));
  else
    snprintf(buf, size, "%s%s %s on %s", concert_scenario_actor_id(s, p->actor),
             p->partner ? " (partner)" : "", concert_hinge_field_name(p->field),
             concert_scenario_issue_id(s, p->issue));
}

/* Saliences at three decimals (their bisection's resolution), other numbers at two. */
static int digits(const concert_tipping_point *p) {
  return p->field == CONCERT_HINGE_SALIENCE ? 3 : 2;
}

concert_status concert_plot_tipping(const concert_sensitivity *x, char **svg, concert_diag *diag) {
  if (svg) *svg = NULL;
  if (!x || !svg)
    return CONCERT_FAIL(diag, CONCERT_ERR_ARGUMENT, "concert_plot_tipping: NULL argument");
  const concert_scenario *s = concert_sensitivity_scenario(x);
  size_t nh = concert_sensitivity_headline_count(x);
  double top = 56, bottom = top + ROW * (double)nh + 6;
  char title[400];
  snprintf(title, sizeof title, "%s: tipping points (%zu judgment ranges, %zu plays)",
           concert_scenario_forum_id(s, concert_sensitivity_forum(x)),
           concert_sensitivity_range_count(x), concert_sensitivity_play_count(x));
  concert_i_svg w = {0};
  concert_i_svg_begin(&w, WIDTH, bottom + 44, title);
  concert_i_svg_text(&w, 10, 22, "start", 15, true, title, 0);
  concert_i_svg_text(&w, 10, 40, "start", 11, false,
                     "bar: the smallest move of one judgment, as a % of its range, that flips "
                     "the headline (short: fragile); label: that judgment",
                     0);
  for (int t = 0; t <= 4; t++) {
    char lab[8];
    snprintf(lab, sizeof lab, "%d%%", 25 * t);
    concert_i_svg_line(&w, BX + BW * t / 4.0, top, BX + BW * t / 4.0, bottom, "#D9D9D9", 1, NULL,
                       NULL);
    concert_i_svg_text(&w, BX + BW * t / 4.0, bottom + 14, "middle", 10, false, lab, 0);
  }
  concert_i_svg_line(&w, BX, bottom, BX + BW, bottom, CONCERT_I_OI_BLACK, 1, NULL, NULL);
  concert_i_svg_text(&w, BX + BW / 2, bottom + 30, "middle", 11, false,
                     "move that flips it, % of the judgment's range", 0);
  for (size_t i = 0; i < nh; i++) {
    const concert_headline *h = concert_sensitivity_headline(x, i);
    double y = top + 3 + ROW * (double)i;
    char name[300], t[900], what[300];
    headline_name(name, sizeof name, s, h);
    concert_i_svg_text(&w, BX - 8, y + 14, "end", 11, h->kind != CONCERT_HEADLINE_STATEMENT, name,
                       40);
    if (h->n_points == 0) {
      snprintf(t, sizeof t,
               "%s: %s; no single judgment flips it within its range (%zu directions tried)", name,
               concert_headline_result_words(h->kind, h->result), h->n_no_flip);
      concert_i_svg_group(&w, t);
      concert_i_svg_text(&w, BX + 4, y + 14, "start", 10, false, "no flip within the ranges", 0);
      concert_i_svg_group_end(&w);
      continue;
    }
    const concert_tipping_point *p = &h->points[0];
    int dg = digits(p);
    judgment(what, sizeof what, s, p);
    snprintf(t, sizeof t,
             "%s: %s; flips to %s when %s moves %.*f -> %.*f (%.1f%% of its range %.*f-%.*f)", name,
             concert_headline_result_words(h->kind, h->result),
             concert_headline_result_words(h->kind, p->result), what, dg, p->value, dg, p->at,
             100 * p->change, dg, p->lo, dg, p->hi);
    concert_i_svg_group(&w, t);
    /* the nearer the flip, the stronger the colour: a fragile headline stands out */
    bool fragile = p->change < 0.1;
    concert_i_svg_rect(&w, BX, y + 3, BW * p->change < 1 ? 1 : BW * p->change, 14,
                       fragile ? CONCERT_I_OI_VERMILLION : CONCERT_I_OI_SKY, 1, NULL);
    char lab[360];
    snprintf(lab, sizeof lab, "%.1f%% %s", 100 * p->change, what);
    concert_i_svg_text(&w, BX + BW * p->change + 5, y + 14, "start", 10, fragile, lab, 48);
    concert_i_svg_group_end(&w);
  }
  concert_i_svg_end(&w);
  return concert_i_svg_finish(&w, svg, diag);
}

/* One cell: <td>text</td>, escaped; a number is kept on one line, right-aligned. */
static void cell(concert_i_svg *w, const char *text, bool number) {
  concert_i_svg_raw(w, number ? "<td class=\"n\">" : "<td>");
  concert_i_svg_esc(w, text, 0);
  concert_i_svg_raw(w, "</td>");
}

concert_status concert_tipping_table_html(const concert_sensitivity *x, size_t top, char **html,
                                          concert_diag *diag) {
  if (html) *html = NULL;
  if (!x || !html)
    return CONCERT_FAIL(diag, CONCERT_ERR_ARGUMENT, "concert_tipping_table_html: NULL argument");
  const concert_scenario *s = concert_sensitivity_scenario(x);
  concert_i_svg w = {0};
  concert_i_svg_raw(&w,
                    "<table class=\"tipping\">\n<thead><tr><th>headline</th><th>result</th>"
                    "<th>judgment</th><th>value</th><th>range</th><th>flips at</th>"
                    "<th>change</th><th>result there</th></tr></thead>\n<tbody>\n");
  for (size_t i = 0; i < concert_sensitivity_headline_count(x); i++) {
    const concert_headline *h = concert_sensitivity_headline(x, i);
    char name[300], buf[300];
    headline_name(name, sizeof name, s, h);
    size_t n = top && top < h->n_points ? top : h->n_points;
    size_t rows = n ? n : 1;
    concert_i_svg_printf(&w, "<tr><th scope=\"row\" rowspan=\"%zu\">", rows);
    concert_i_svg_esc(&w, name, 0);
    concert_i_svg_printf(&w, "</th><td rowspan=\"%zu\">", rows);
    concert_i_svg_esc(&w, concert_headline_result_words(h->kind, h->result), 0);
    concert_i_svg_raw(&w, "</td>");
    if (n == 0) {
      snprintf(buf, sizeof buf,
               "no single judgment flips it within its range (%zu directions tried)", h->n_no_flip);
      concert_i_svg_raw(&w, "<td colspan=\"6\">");
      concert_i_svg_esc(&w, buf, 0);
      concert_i_svg_raw(&w, "</td></tr>\n");
      continue;
    }
    for (size_t k = 0; k < n; k++) {
      const concert_tipping_point *p = &h->points[k];
      int dg = digits(p);
      if (k) concert_i_svg_raw(&w, "<tr>");
      judgment(buf, sizeof buf, s, p);
      cell(&w, buf, false);
      snprintf(buf, sizeof buf, "%.*f", dg, p->value);
      cell(&w, buf, true);
      snprintf(buf, sizeof buf, "%.*f-%.*f", dg, p->lo, dg, p->hi);
      cell(&w, buf, true);
      snprintf(buf, sizeof buf, "%.*f", dg, p->at);
      cell(&w, buf, true);
      snprintf(buf, sizeof buf, "%.1f%%", 100 * p->change);
      cell(&w, buf, true);
      cell(&w, concert_headline_result_words(h->kind, p->result), false);
      concert_i_svg_raw(&w, "</tr>\n");
    }
  }
  concert_i_svg_raw(&w, "</tbody>\n</table>\n");
  return concert_i_svg_finish(&w, html, diag);
}
