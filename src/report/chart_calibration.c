/* chart_calibration.c: a backtest's calibration plot (concert_plot_calibration): per bin of
 * concert's forecast probabilities the observed frequency against the mean forecast, the
 * diagonal of perfect calibration, and the number of forecasts per bin as bars beneath. */
#include <concert/report.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "status/diag.h"
#include "svg_i.h"

enum { WIDTH = 800 };
#define PX0 90.0  /* x of probability 0 */
#define PY0 450.0 /* y of frequency 0 */
#define PS 380.0  /* px of the plot's frame, both ways */
#define PAD 16.0  /* px between the frame and 0 or 1, so dots at the ends cover no tick label */
#define HY0 560.0 /* the count bars: y of their base */
#define HH 60.0   /* px of the largest bar */

static double xp(double p) { return PX0 + PAD + (PS - 2 * PAD) * (p < 0 ? 0 : p > 1 ? 1 : p); }
static double yp(double p) { return PY0 - PAD - (PS - 2 * PAD) * (p < 0 ? 0 : p > 1 ? 1 : p); }

concert_status concert_plot_calibration(const concert_backtest *b, char **svg, concert_diag *diag) {
  if (svg) *svg = NULL;
  if (!b || !svg)
    return CONCERT_FAIL(diag, CONCERT_ERR_ARGUMENT, "concert_plot_calibration: NULL argument");
  concert_backtest_bin bin[CONCERT_BACKTEST_BINS];
  size_t total = 0, most = 0;
  for (size_t k = 0; k < CONCERT_BACKTEST_BINS; k++) {
    bin[k] = concert_backtest_calibration(b, k);
    total += bin[k].n;
    if (bin[k].n > most) most = bin[k].n;
  }
  char title[300];
  size_t runs = concert_backtest_runs(b);
  if (runs > 1)
    snprintf(title, sizeof title,
             "Calibration of concert's forecasts: %zu summits, sweeps of %zu runs (seed %llu)",
             concert_backtest_summit_count(b), runs, (unsigned long long)concert_backtest_seed(b));
  else
    snprintf(title, sizeof title, "Calibration of concert's forecasts: %zu summits, point runs",
             concert_backtest_summit_count(b));
  concert_i_svg w = {0};
  concert_i_svg_begin(&w, WIDTH, HY0 + 50, title);
  concert_i_svg_text(&w, 10, 22, "start", 15, true, title, 0);
  char sub[300];
  snprintf(sub, sizeof sub,
           "%zu binary forecasts (statements, signatories, blockers) in %d bins; dot: a bin's "
           "mean forecast and observed frequency, area by its count",
           total, CONCERT_BACKTEST_BINS);
  concert_i_svg_text(&w, 10, 40, "start", 11, false, sub, 0);
  for (int t = 0; t <= 10; t += 2) {
    char lab[8];
    snprintf(lab, sizeof lab, "%.1f", t / 10.0);
    concert_i_svg_line(&w, xp(t / 10.0), PY0 - PS, xp(t / 10.0), PY0, "#E5E5E5", 1, NULL, NULL);
    concert_i_svg_line(&w, PX0, yp(t / 10.0), PX0 + PS, yp(t / 10.0), "#E5E5E5", 1, NULL, NULL);
    concert_i_svg_text(&w, xp(t / 10.0), PY0 + 14, "middle", 10, false, lab, 0);
    concert_i_svg_text(&w, PX0 - 6, yp(t / 10.0) + 4, "end", 10, false, lab, 0);
  }
  concert_i_svg_line(&w, PX0, PY0, PX0 + PS, PY0, CONCERT_I_OI_BLACK, 1, NULL, NULL);
  concert_i_svg_line(&w, PX0, PY0, PX0, PY0 - PS, CONCERT_I_OI_BLACK, 1, NULL, NULL);
  concert_i_svg_line(&w, xp(0), yp(0), xp(1), yp(1), CONCERT_I_OI_BLACK, 1.2, "6 4",
                     "perfect calibration: observed frequency equal to the forecast");
  concert_i_svg_text(&w, PX0 + PS / 2, PY0 + 32, "middle", 11, false,
                     "forecast probability (bin mean)", 0);
  concert_i_svg_raw(&w, "<text x=\"24.0\" y=\"");
  concert_i_svg_num(&w, PY0 - PS / 2);
  concert_i_svg_raw(&w, "\" transform=\"rotate(-90 24.0 ");
  concert_i_svg_num(&w, PY0 - PS / 2);
  concert_i_svg_raw(&w,
                    ")\" text-anchor=\"middle\" font-size=\"11.0\">observed frequency</text>\n");
  /* the line through the bins, then a dot per bin */
  bool open = false;
  for (size_t k = 0; k < CONCERT_BACKTEST_BINS; k++) {
    if (bin[k].n == 0) continue;
    concert_i_svg_raw(&w, open ? " " : "<polyline points=\"");
    open = true;
    concert_i_svg_num(&w, xp(bin[k].forecast));
    concert_i_svg_raw(&w, ",");
    concert_i_svg_num(&w, yp(bin[k].observed));
  }
  if (open)
    concert_i_svg_printf(&w, "\" fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\"/>\n",
                         CONCERT_I_OI_BLUE);
  for (size_t k = 0; k < CONCERT_BACKTEST_BINS; k++) {
    char t[300], cnt[24];
    snprintf(cnt, sizeof cnt, "%zu", bin[k].n);
    if (bin[k].n)
      snprintf(t, sizeof t,
               "forecasts in [%.1f, %.1f%s: %zu; mean forecast %.3f, observed frequency %.3f",
               bin[k].lo, bin[k].hi, k + 1 == CONCERT_BACKTEST_BINS ? "]" : ")", bin[k].n,
               bin[k].forecast, bin[k].observed);
    else
      snprintf(t, sizeof t, "forecasts in [%.1f, %.1f%s: none", bin[k].lo, bin[k].hi,
               k + 1 == CONCERT_BACKTEST_BINS ? "]" : ")");
    if (bin[k].n) {
      double r = 3 + 11 * sqrt((double)bin[k].n / (double)most);
      double x = xp(bin[k].forecast), y = yp(bin[k].observed);
      concert_i_svg_group(&w, t);
      concert_i_svg_circle(&w, x, y, r, CONCERT_I_OI_BLUE, 0.75, CONCERT_I_OI_BLACK, NULL);
      concert_i_svg_text(&w, x + r + 3, y - 3, "start", 10, false, cnt, 0);
      concert_i_svg_group_end(&w);
    }
    /* the count bar of the bin, under the plot */
    double h = most ? HH * (double)bin[k].n / (double)most : 0;
    concert_i_svg_group(&w, t);
    concert_i_svg_rect(&w, xp(bin[k].lo) + 1, HY0 - h, xp(bin[k].hi) - xp(bin[k].lo) - 2, h,
                       CONCERT_I_GREY, 1, NULL);
    concert_i_svg_text(&w, (xp(bin[k].lo) + xp(bin[k].hi)) / 2, HY0 - h - 3, "middle", 10, false,
                       cnt, 0);
    concert_i_svg_group_end(&w);
  }
  concert_i_svg_line(&w, PX0, HY0, PX0 + PS, HY0, CONCERT_I_OI_BLACK, 1, NULL, NULL);
  concert_i_svg_text(&w, PX0 + PS / 2, HY0 + 16, "middle", 11, false, "forecasts per bin", 0);
  /* a note at the right: what the plot says */
  double lx = PX0 + PS + 60; /* clear of a count written beside a dot at 1 */
  concert_i_svg_text(&w, lx, PY0 - PS + 10, "start", 11, true, "reading it", 0);
  concert_i_svg_text(&w, lx, PY0 - PS + 28, "start", 10, false, "dots on the dashed line:", 0);
  concert_i_svg_text(&w, lx, PY0 - PS + 41, "start", 10, false, "forecasts as often right", 0);
  concert_i_svg_text(&w, lx, PY0 - PS + 54, "start", 10, false, "as they claim; below it:", 0);
  concert_i_svg_text(&w, lx, PY0 - PS + 67, "start", 10, false, "it happened less often", 0);
  concert_i_svg_text(&w, lx, PY0 - PS + 80, "start", 10, false, "than forecast; above it:", 0);
  concert_i_svg_text(&w, lx, PY0 - PS + 93, "start", 10, false, "more often", 0);
  concert_i_svg_end(&w);
  return concert_i_svg_finish(&w, svg, diag);
}
