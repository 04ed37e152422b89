/* chart_cohesion.c: UN General Assembly cohesion (concert/cohesion.h) as the members'
 * agreement matrix, a heatmap, with the group's mean agreement year by year as a line
 * beneath it (concert_plot_cohesion). */
#include <concert/report.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "status/diag.h"
#include "svg_i.h"

enum { WIDTH = 800 };
#define LX 80.0   /* x of the first column */
#define TOP 96.0  /* y of the first row */
#define PX0 70.0  /* the by-year panel: x of the first year */
#define PXW 680.0 /* px to the last year */
#define PH 160.0  /* px from agreement 0 to 1 */

/* A member code written upright over its column, or turned when the column is narrow. */
static void column_label(concert_i_svg *w, double x, double y, bool turned, const char *id) {
  if (!turned) {
    concert_i_svg_text(w, x, y, "middle", 10, false, id, 12);
    return;
  }
  concert_i_svg_raw(w, "<text x=\"");
  concert_i_svg_num(w, x + 3);
  concert_i_svg_raw(w, "\" y=\"");
  concert_i_svg_num(w, y);
  concert_i_svg_raw(w, "\" transform=\"rotate(-90 ");
  concert_i_svg_num(w, x + 3);
  concert_i_svg_raw(w, " ");
  concert_i_svg_num(w, y);
  concert_i_svg_raw(w, ")\" text-anchor=\"start\" font-size=\"10.0\">");
  concert_i_svg_esc(w, id, 12);
  concert_i_svg_raw(w, "</text>\n");
}

/* A cell's shade: white at 0 to Okabe-Ito blue at 1, as in the history heatmap. */
static void shade(concert_i_svg *w, double x, double y, double size, double v, const char *t) {
  concert_i_svg_rect(w, x, y, size, size, "#F2F2F2", 1, isfinite(v) && v > 0 ? NULL : t);
  if (isfinite(v) && v > 0)
    concert_i_svg_rect(w, x, y, size, size, CONCERT_I_OI_BLUE, 0.08 + 0.92 * v, t);
}

/* The by-year panel below y0: the mean agreement per year, a gap where it is undefined. */
static void by_year_line(concert_i_svg *w, const concert_cohesion *c, double y0) {
  size_t ny = concert_cohesion_years(c);
  double base = y0 + 40 + PH;
  concert_i_svg_text(w, 10, y0 + 16, "start", 12, true,
                     "mean agreement of the group, year by year (gap: no roll call that year)", 0);
  for (int t = 0; t <= 4; t++) {
    char lab[8];
    snprintf(lab, sizeof lab, "%.2f", t / 4.0);
    double y = base - PH * t / 4.0;
    concert_i_svg_line(w, PX0, y, PX0 + PXW, y, "#D9D9D9", 1, NULL, NULL);
    concert_i_svg_text(w, PX0 - 6, y + 4, "end", 10, false, lab, 0);
  }
  concert_i_svg_line(w, PX0, base, PX0 + PXW, base, CONCERT_I_OI_BLACK, 1, NULL, NULL);
  double step = ny > 1 ? PXW / (double)(ny - 1) : 0;
  bool open = false;
  for (size_t k = 0; k < ny; k++) { /* the line, broken at undefined years */
    int year;
    double mean;
    size_t rc;
    concert_cohesion_year_at(c, k, &year, &mean, &rc);
    double x = PX0 + (ny > 1 ? step * (double)k : PXW / 2);
    if (!isfinite(mean)) {
      if (open)
        concert_i_svg_printf(w, "\" fill=\"none\" stroke=\"%s\" stroke-width=\"2.0\"/>\n",
                             CONCERT_I_OI_BLUE);
      open = false;
      continue;
    }
    concert_i_svg_raw(w, open ? " " : "<polyline points=\"");
    open = true;
    concert_i_svg_num(w, x);
    concert_i_svg_raw(w, ",");
    concert_i_svg_num(w, base - PH * mean);
  }
  if (open)
    concert_i_svg_printf(w, "\" fill=\"none\" stroke=\"%s\" stroke-width=\"2.0\"/>\n",
                         CONCERT_I_OI_BLUE);
  for (size_t k = 0; k < ny; k++) { /* a dot per year with its numbers, ticks every 5 years */
    int year;
    double mean;
    size_t rc;
    concert_cohesion_year_at(c, k, &year, &mean, &rc);
    double x = PX0 + (ny > 1 ? step * (double)k : PXW / 2);
    char t[200];
    if (isfinite(mean)) {
      snprintf(t, sizeof t, "%d: mean agreement %.3f over %zu roll calls", year, mean, rc);
      concert_i_svg_circle(w, x, base - PH * mean, 2.5, CONCERT_I_OI_BLUE, 1, NULL, t);
    }
    if (year % 5 == 0 || k == 0 || k + 1 == ny) {
      char yr[12];
      snprintf(yr, sizeof yr, "%d", year);
      concert_i_svg_line(w, x, base, x, base + 4, CONCERT_I_OI_BLACK, 1, NULL, NULL);
      if (year % 5 == 0 || ny < 5) concert_i_svg_text(w, x, base + 16, "middle", 10, false, yr, 0);
    }
  }
}

concert_status concert_plot_cohesion(const concert_cohesion *c, bool by_year, char **svg,
                                     concert_diag *diag) {
  if (svg) *svg = NULL;
  size_t k = concert_cohesion_size(c);
  if (!c || !svg || k == 0 || concert_cohesion_years(c) == 0)
    return CONCERT_FAIL(diag, CONCERT_ERR_ARGUMENT,
                        "concert_plot_cohesion: no members or no years");
  double cell = (WIDTH - LX - 20) / (double)k;
  if (cell > 48) cell = 48;
  bool turned = cell < 26, numbers = cell >= 30;
  double bottom = TOP + cell * (double)k;
  double height = bottom + 56 + (by_year ? 40 + PH + 40 : 0);
  int first = 0, last = 0;
  concert_cohesion_year_at(c, 0, &first, NULL, NULL);
  concert_cohesion_year_at(c, concert_cohesion_years(c) - 1, &last, NULL, NULL);
  char title[300];
  snprintf(title, sizeof title,
           "UN General Assembly agreement of %zu members, %d-%d (%zu roll calls)", k, first, last,
           concert_cohesion_roll_calls(c));
  concert_i_svg w = {0};
  concert_i_svg_begin(&w, WIDTH, height, title);
  concert_i_svg_text(&w, 10, 22, "start", 15, true, title, 0);
  char sub[300];
  double m = concert_cohesion_mean(c, 0);
  if (isfinite(m))
    snprintf(sub, sizeof sub,
             "cell: share of roll calls where both voted the same (darker = higher); "
             "mean over the pairs %.3f",
             m);
  else
    snprintf(sub, sizeof sub,
             "cell: share of roll calls where both voted the same (darker = higher)");
  concert_i_svg_text(&w, 10, 40, "start", 11, false, sub, 0);
  for (size_t j = 0; j < k; j++)
    column_label(&w, LX + cell * ((double)j + 0.5), TOP - 6, turned, concert_cohesion_member(c, j));
  for (size_t i = 0; i < k; i++) {
    double y = TOP + cell * (double)i;
    concert_i_svg_text(&w, LX - 6, y + cell / 2 + 4, "end", 10, false,
                       concert_cohesion_member(c, i), 12);
    for (size_t j = 0; j < k; j++) {
      double v = concert_cohesion_agreement(c, i, j), x = LX + cell * (double)j;
      char t[400];
      if (isfinite(v))
        snprintf(t, sizeof t,
                 "%s (%s) and %s (%s): agreement %.3f, Lijphart %.3f, %zu roll calls both voted",
                 concert_cohesion_member(c, i), concert_cohesion_member_name(c, i),
                 concert_cohesion_member(c, j), concert_cohesion_member_name(c, j), v,
                 concert_cohesion_lijphart(c, i, j), concert_cohesion_joint(c, i, j));
      else
        snprintf(t, sizeof t, "%s and %s: no roll call both voted on",
                 concert_cohesion_member(c, i), concert_cohesion_member(c, j));
      shade(&w, x, y, cell - 1, v, t);
      if (numbers || !isfinite(v)) {
        char num[16] = "n/a";
        if (isfinite(v)) snprintf(num, sizeof num, "%.2f", v);
        if (numbers || cell >= 18)
          concert_i_svg_text(&w, x + (cell - 1) / 2, y + cell / 2 + 4, "middle", 10, false, num, 0);
      }
    }
  }
  for (int q = 0; q <= 4; q++) { /* the shade key */
    double v = q / 4.0, x = LX + 60.0 * q;
    char lab[8];
    snprintf(lab, sizeof lab, "%.2f", v);
    shade(&w, x, bottom + 24, 14, v, lab);
    concert_i_svg_text(&w, x + 18, bottom + 35, "start", 10, false, lab, 0);
  }
  if (by_year) by_year_line(&w, c, bottom + 52);
  concert_i_svg_end(&w);
  return concert_i_svg_finish(&w, svg, diag);
}
