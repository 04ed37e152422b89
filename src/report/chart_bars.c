/* chart_bars.c: the bar charts: the rift components (concert_plot_rift), the forum
 * comparison as grouped bars (concert_plot_compare) and a sweep's probabilities with their
 * error (concert_plot_sweep). */
#include <concert/compare.h>
#include <concert/report.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "status/diag.h"
#include "svg_i.h"

enum { WIDTH = 800 };
#define BX 250.0 /* x of 0 on the value axis */
#define BW 480.0 /* px from 0 to 1 */

static double xv(double v) { return BX + BW * (v < 0 ? 0 : v > 1 ? 1 : v); }

/* The value axis at the foot of a chart: ticks at 0, 0.25, ..., 1 with light grid lines. */
static void value_axis(concert_i_svg *w, double top, double bottom, const char *label) {
  for (int t = 0; t <= 4; t++) {
    char lab[8];
    snprintf(lab, sizeof lab, "%.2f", t / 4.0);
    concert_i_svg_line(w, xv(t / 4.0), top, xv(t / 4.0), bottom, "#D9D9D9", 1, NULL, NULL);
    concert_i_svg_text(w, xv(t / 4.0), bottom + 14, "middle", 10, false, lab, 0);
  }
  concert_i_svg_line(w, BX, bottom, BX + BW, bottom, CONCERT_I_OI_BLACK, 1, NULL, NULL);
  concert_i_svg_text(w, BX + BW / 2, bottom + 30, "middle", 11, false, label, 0);
}

concert_status concert_plot_rift(const concert_outcome *o, char **svg, concert_diag *diag) {
  if (svg) *svg = NULL;
  if (!o || !svg) return CONCERT_FAIL(diag, CONCERT_ERR_ARGUMENT, "concert_plot_rift: NULL argument");
  *svg = NULL;
  concert_rift r;
  concert_status st = concert_rift_from_outcome(o, &r, diag);
  if (st) return st;
  const concert_scenario *s = concert_outcome_scenario(o);
  char title[300];
  snprintf(title, sizeof title, "Rift index of %s: components",
           concert_scenario_forum_id(s, concert_outcome_forum(o)));
  double row = 30, top = 50, bottom = top + row * CONCERT_RIFT_N + 10;
  concert_i_svg w = {0};
  concert_i_svg_begin(&w, WIDTH, bottom + 60, title);
  concert_i_svg_text(&w, 10, 22, "start", 15, true, title, 0);
  concert_i_svg_text(&w, 10, 40, "start", 11, false,
                     "bar: the component in [0, 1]; black tick: the threshold its flag rises at (filled bar: flag raised)", 0);
  value_axis(&w, top, bottom, "component value");
  for (int c = 0; c < CONCERT_RIFT_N; c++) {
    double y = top + 6 + row * c, v = r.value[c], th = concert_rift_threshold((concert_rift_component)c);
    bool yes = r.flag[c] == CONCERT_TRI_YES;
    char t[300];
    const char *lab = concert_rift_component_label((concert_rift_component)c);
    if (isfinite(v))
      snprintf(t, sizeof t, "%s: %.3f (threshold %.2f, flag %s)", lab, v, th,
               yes ? "raised" : r.flag[c] == CONCERT_TRI_NO ? "not raised" : "unknown");
    else
      snprintf(t, sizeof t, "%s: unknown", lab);
    concert_i_svg_text(&w, BX - 8, y + 15, "end", 11, false, lab, 40);
    concert_i_svg_group(&w, t);
    if (isfinite(v)) {
      /* raised: solid vermillion; not raised: blue outline-coloured pale bar */
      concert_i_svg_rect(&w, BX, y, xv(v) - BX, 20, yes ? CONCERT_I_OI_VERMILLION : CONCERT_I_OI_BLUE,
                         yes ? 1 : 0.45, NULL);
      char num[16];
      snprintf(num, sizeof num, "%.2f", v);
      concert_i_svg_text(&w, xv(v) + 4, y + 15, "start", 11, yes, num, 0);
    } else {
      concert_i_svg_text(&w, BX + 4, y + 15, "start", 11, false, "unknown", 0);
    }
    concert_i_svg_line(&w, xv(th), y - 2, xv(th), y + 22, CONCERT_I_OI_BLACK, 2, NULL, NULL);
    concert_i_svg_group_end(&w);
  }
  concert_i_svg_end(&w);
  return concert_i_svg_finish(&w, svg, diag);
}

concert_status concert_plot_compare(const concert_outcome *const *o, size_t n, char **svg,
                                    concert_diag *diag) {
  if (svg) *svg = NULL;
  if (!o || !svg || n == 0)
    return CONCERT_FAIL(diag, CONCERT_ERR_ARGUMENT, "concert_plot_compare: no outcomes");
  *svg = NULL;
  const concert_scenario *s = concert_outcome_scenario(o[0]);
  for (size_t i = 0; i < n; i++)
    if (!o[i] || concert_outcome_scenario(o[i]) != s)
      return CONCERT_FAIL(diag, CONCERT_ERR_ARGUMENT,
                          "concert_plot_compare: the outcomes are not of one scenario");
  concert_rift *r = calloc(n, sizeof *r);
  if (!r) return CONCERT_FAIL(diag, CONCERT_ERR_NOMEM, "out of memory");
  for (size_t i = 0; i < n; i++) {
    concert_status st = concert_rift_from_outcome(o[i], &r[i], diag);
    if (st) {
      free(r);
      return st;
    }
  }
  enum { NMEAS = 1 + CONCERT_RIFT_N };
  double bar = 16, group = bar * (double)n + 14, top = 50;
  double bottom = top + group * NMEAS + 4;
  char title[400];
  snprintf(title, sizeof title, "%s: the forums compared", concert_scenario_name(s));
  concert_i_svg w = {0};
  concert_i_svg_begin(&w, WIDTH, bottom + 64 + 18.0 * (double)((n + 3) / 4), title);
  concert_i_svg_text(&w, 10, 22, "start", 15, true, title, 90);
  concert_i_svg_text(&w, 10, 40, "start", 11, false,
                     "share of the agenda with a joint statement (higher: more agreed), then the rift components (higher: more rift)", 0);
  value_axis(&w, top, bottom, "share or component value, 0 to 1");
  for (size_t m = 0; m < NMEAS; m++) {
    double gy = top + 6 + group * (double)m;
    const char *lab = m == 0 ? "agenda agreed" : concert_rift_component_label((concert_rift_component)(m - 1));
    concert_i_svg_text(&w, BX - 8, gy + bar * (double)n / 2 + 4, "end", 11, m == 0, lab, 40);
    for (size_t i = 0; i < n; i++) {
      const char *fid = concert_scenario_forum_id(s, concert_outcome_forum(o[i]));
      double v = m == 0 ? concert_outcome_agreed_share(o[i]) : r[i].value[m - 1];
      double y = gy + bar * (double)i;
      char t[300];
      if (isfinite(v)) snprintf(t, sizeof t, "%s, %s: %.3f", fid, lab, v);
      else snprintf(t, sizeof t, "%s, %s: unknown", fid, lab);
      concert_i_svg_group(&w, t);
      if (isfinite(v)) concert_i_svg_rect(&w, BX, y, xv(v) - BX, bar - 2, concert_i_oi_series(i), 1, NULL);
      char cell[80];
      if (isfinite(v)) snprintf(cell, sizeof cell, "%s %.2f", fid, v);
      else snprintf(cell, sizeof cell, "%s unknown", fid);
      concert_i_svg_text(&w, (isfinite(v) ? xv(v) : BX) + 4, y + bar - 5, "start", 10, false, cell, 30);
      concert_i_svg_group_end(&w);
    }
  }
  /* legend: colour and id */
  for (size_t i = 0; i < n; i++) {
    double lx = 10 + 190.0 * (double)(i % 4), ly = bottom + 52 + 18.0 * (double)(i / 4);
    const char *fid = concert_scenario_forum_id(s, concert_outcome_forum(o[i]));
    concert_i_svg_rect(&w, lx, ly - 10, 12, 12, concert_i_oi_series(i), 1, fid);
    concert_i_svg_text(&w, lx + 16, ly, "start", 11, false, fid, 28);
  }
  free(r);
  concert_i_svg_end(&w);
  return concert_i_svg_finish(&w, svg, diag);
}

/* One probability bar with a whisker of +-1.96 se. */
static void prob_bar(concert_i_svg *w, double y, const char *label, concert_estimate e,
                     const char *fill, bool bold) {
  char t[400];
  snprintf(t, sizeof t, "%s: %.3f (standard error %.3f)", label, e.p, e.se);
  concert_i_svg_text(w, BX - 8, y + 13, "end", 11, bold, label, 40);
  concert_i_svg_group(w, t);
  concert_i_svg_rect(w, BX, y + 2, xv(e.p) - BX, 14, fill, 1, NULL);
  double lo = e.p - 1.96 * e.se, hi = e.p + 1.96 * e.se;
  if (isfinite(lo) && isfinite(hi) && hi > lo) {
    concert_i_svg_line(w, xv(lo), y + 9, xv(hi), y + 9, CONCERT_I_OI_BLACK, 1.5, NULL, NULL);
    concert_i_svg_line(w, xv(lo), y + 4, xv(lo), y + 14, CONCERT_I_OI_BLACK, 1.5, NULL, NULL);
    concert_i_svg_line(w, xv(hi), y + 4, xv(hi), y + 14, CONCERT_I_OI_BLACK, 1.5, NULL, NULL);
  }
  char num[16];
  snprintf(num, sizeof num, "%.3f", e.p);
  concert_i_svg_text(w, (isfinite(hi) ? xv(hi) : xv(e.p)) + 5, y + 13, "start", 10, false, num, 0);
  concert_i_svg_group_end(w);
}

concert_status concert_plot_sweep(const concert_sweep *sw, char **svg, concert_diag *diag) {
  if (svg) *svg = NULL;
  if (!sw || !svg) return CONCERT_FAIL(diag, CONCERT_ERR_ARGUMENT, "concert_plot_sweep: NULL argument");
  *svg = NULL;
  const concert_scenario *s = concert_sweep_scenario(sw);
  size_t ni = concert_sweep_issue_count(sw);
  enum { NFATES = 5 };
  double row = 20, top = 54, bottom = top + row * (double)(NFATES + ni) + 28;
  char title[400];
  snprintf(title, sizeof title, "%s: probabilities over %zu runs (seed %llu)",
           concert_scenario_forum_id(s, concert_sweep_forum(sw)), concert_sweep_runs(sw),
           (unsigned long long)concert_sweep_seed(sw));
  concert_i_svg w = {0};
  concert_i_svg_begin(&w, WIDTH, bottom + 40, title);
  concert_i_svg_text(&w, 10, 22, "start", 15, true, title, 0);
  concert_i_svg_text(&w, 10, 40, "start", 11, false,
                     "bar: share of runs; whisker: +-1.96 standard errors (Monte Carlo error only)", 0);
  value_axis(&w, top, bottom, "probability");
  double y = top + 4;
  concert_i_svg_text(&w, 10, y + 13, "start", 11, true, "document", 0);
  for (int f = 0; f < NFATES; f++, y += row)
    prob_bar(&w, y, concert_document_fate_name((concert_document_fate)f),
             concert_sweep_fate(sw, (concert_document_fate)f), CONCERT_I_OI_VERMILLION, false);
  y += 8;
  concert_i_svg_line(&w, 10, y - 2, BX + BW, y - 2, "#D9D9D9", 1, NULL, NULL);
  concert_i_svg_text(&w, 10, y + 13, "start", 11, true, "statement", 0);
  for (size_t i = 0; i < ni; i++, y += row)
    prob_bar(&w, y, concert_scenario_issue_id(s, concert_sweep_issue(sw, i)),
             concert_sweep_statement(sw, i), CONCERT_I_OI_BLUE, false);
  concert_i_svg_end(&w);
  return concert_i_svg_finish(&w, svg, diag);
}
