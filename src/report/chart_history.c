/* chart_history.c: the recorded summits of the G7 or the G20 as a year-by-component heatmap
 * of their rift index (concert_plot_history). */
#include <concert/report.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "status/diag.h"
#include "svg_i.h"

enum { WIDTH = 800 };
#define LX 215.0 /* x of the first column */

concert_status concert_plot_history(const concert_history *h, concert_forum_kind forum,
                                    char **svg, concert_diag *diag) {
  if (svg) *svg = NULL;
  if (!h || !svg || (forum != CONCERT_FORUM_G7 && forum != CONCERT_FORUM_G20))
    return CONCERT_FAIL(diag, CONCERT_ERR_ARGUMENT, "concert_plot_history: bad argument");
  *svg = NULL;
  size_t n = concert_history_count(h, forum);
  if (n == 0) return CONCERT_FAIL(diag, CONCERT_ERR_EMPTY, "concert_plot_history: no summits");
  double cw = (WIDTH - LX - 20) / (double)n, ch = 26, top = 56;
  double bottom = top + ch * CONCERT_RIFT_N;
  char title[200];
  snprintf(title, sizeof title, "%s summits %d-%d: rift components by year",
           concert_forum_kind_name(forum), concert_history_at(h, forum, 0)->year,
           concert_history_at(h, forum, n - 1)->year);
  concert_i_svg w = {0};
  concert_i_svg_begin(&w, WIDTH, bottom + 70, title);
  concert_i_svg_text(&w, 10, 22, "start", 15, true, title, 0);
  concert_i_svg_text(&w, 10, 40, "start", 11, false,
                     "cell: the component's value, darker = higher (0 white, 1 dark blue); ? = the record does not say; x = no summit held", 0);
  for (int c = 0; c < CONCERT_RIFT_N; c++)
    concert_i_svg_text(&w, LX - 6, top + ch * c + 17, "end", 10.5, false,
                       concert_rift_component_label((concert_rift_component)c), 40);
  for (size_t i = 0; i < n; i++) {
    const concert_summit_record *rec = concert_history_at(h, forum, i);
    concert_rift r;
    concert_status st = concert_rift_from_record(rec, &r, NULL, diag);
    if (st) {
      free(w.buf);
      return st;
    }
    double x = LX + cw * (double)i;
    for (int c = 0; c < CONCERT_RIFT_N; c++) {
      double v = r.value[c], y = top + ch * c;
      const char *lab = concert_rift_component_label((concert_rift_component)c);
      char t[400];
      if (!rec->held) snprintf(t, sizeof t, "%d: no summit held", rec->year);
      else if (isfinite(v)) snprintf(t, sizeof t, "%d %s %s: %s %.2f", rec->year, rec->host_city, rec->host_country, lab, v);
      else snprintf(t, sizeof t, "%d %s %s: %s unknown", rec->year, rec->host_city, rec->host_country, lab);
      concert_i_svg_group(&w, t);
      concert_i_svg_rect(&w, x, y, cw - 1, ch - 1, "#F2F2F2", 1, NULL);
      if (isfinite(v) && v > 0) concert_i_svg_rect(&w, x, y, cw - 1, ch - 1, CONCERT_I_OI_BLUE, 0.08 + 0.92 * v, NULL);
      if (!isfinite(v)) concert_i_svg_text(&w, x + (cw - 1) / 2, y + 17, "middle", 10, false, rec->held ? "?" : "x", 0);
      concert_i_svg_group_end(&w);
    }
    if (rec->year % 5 == 0 || i == 0 || i == n - 1) {
      char yr[12];
      snprintf(yr, sizeof yr, "%d", rec->year);
      concert_i_svg_line(&w, x + (cw - 1) / 2, bottom, x + (cw - 1) / 2, bottom + 4, CONCERT_I_OI_BLACK, 1, NULL, NULL);
      concert_i_svg_text(&w, x + (cw - 1) / 2, bottom + 16, "middle", 10, false, yr, 0);
    }
  }
  /* the shade key */
  for (int k = 0; k <= 4; k++) {
    double v = k / 4.0, x = LX + 60.0 * k;
    char lab[8];
    snprintf(lab, sizeof lab, "%.2f", v);
    concert_i_svg_rect(&w, x, bottom + 36, 20, 14, "#F2F2F2", 1, lab);
    if (v > 0) concert_i_svg_rect(&w, x, bottom + 36, 20, 14, CONCERT_I_OI_BLUE, 0.08 + 0.92 * v, lab);
    concert_i_svg_text(&w, x + 24, bottom + 47, "start", 10, false, lab, 0);
  }
  concert_i_svg_end(&w);
  return concert_i_svg_finish(&w, svg, diag);
}
