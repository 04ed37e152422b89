/* chart_distribution.c: a sweep's outcome distributions as box-and-whisker marks
 * (concert_plot_distribution): each agenda issue's text on the 0-100 line, then the share of
 * the agenda agreed and the rift components on [0, 1], from the quantiles the sweep keeps
 * (concert_spread). */
#include <concert/report.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "status/diag.h"
#include "svg_i.h"

enum { WIDTH = 800 };
#define LX 200.0 /* x of the scale's low end */
#define LW 510.0 /* px from the low end to the high end */
#define ROW 22.0 /* px per quantity */

/* x of v on a scale from 0 to hi, clipped to it. */
static double xs(double v, double hi) {
  double t = v / hi;
  return LX + LW * (t < 0 ? 0 : t > 1 ? 1 : t);
}

/* The axis under a panel: five ticks from 0 to hi with light grid lines up to top. */
static void axis(concert_i_svg *w, double top, double bottom, double hi, const char *label) {
  for (int t = 0; t <= 4; t++) {
    char lab[16];
    snprintf(lab, sizeof lab, "%.*f", hi > 1 ? 0 : 2, hi * t / 4.0);
    concert_i_svg_line(w, xs(hi * t / 4.0, hi), top, xs(hi * t / 4.0, hi), bottom, "#D9D9D9", 1,
                       NULL, NULL);
    concert_i_svg_text(w, xs(hi * t / 4.0, hi), bottom + 14, "middle", 10, false, lab, 0);
  }
  concert_i_svg_line(w, LX, bottom, LX + LW, bottom, CONCERT_I_OI_BLACK, 1, NULL, NULL);
  concert_i_svg_text(w, LX + LW / 2, bottom + 28, "middle", 11, false, label, 0);
}

/* One quantity's box (25-75%), whiskers (5-95%), median tick and mean dot at row y. */
static void box(concert_i_svg *w, double y, const char *label, concert_spread sp, double hi,
                const char *fill, const char *what, const char *none) {
  int dg = hi > 1 ? 2 : 3;
  char t[600], v[5][24], mean[24];
  for (int k = 0; k < 5; k++) snprintf(v[k], sizeof v[k], "%.*f", dg, sp.q[k]);
  snprintf(mean, sizeof mean, "%.*f", dg, sp.mean);
  concert_i_svg_text(w, LX - 8, y + 14, "end", 11, false, label, 40);
  if (sp.n == 0 || !isfinite(sp.q[0]) || !isfinite(sp.q[4])) {
    snprintf(t, sizeof t, "%s: %s in no run", label, what);
    concert_i_svg_group(w, t);
    concert_i_svg_text(w, LX + 4, y + 14, "start", 10, false, none, 0);
    concert_i_svg_group_end(w);
    return;
  }
  snprintf(t, sizeof t,
           "%s: %s over %zu runs: mean %s; 5%% %s, 25%% %s, median %s, 75%% %s, 95%% %s", label,
           what, sp.n, mean, v[0], v[1], v[2], v[3], v[4]);
  concert_i_svg_group(w, t);
  double lo = xs(sp.q[0], hi), q1 = xs(sp.q[1], hi), md = xs(sp.q[2], hi), q3 = xs(sp.q[3], hi),
         up = xs(sp.q[4], hi);
  concert_i_svg_line(w, lo, y + 10, up, y + 10, CONCERT_I_OI_BLACK, 1.2, NULL, NULL);
  concert_i_svg_line(w, lo, y + 5, lo, y + 15, CONCERT_I_OI_BLACK, 1.2, NULL, NULL);
  concert_i_svg_line(w, up, y + 5, up, y + 15, CONCERT_I_OI_BLACK, 1.2, NULL, NULL);
  concert_i_svg_rect(w, q1, y + 3, q3 - q1 < 2 ? 2 : q3 - q1, 14, fill, 0.55, NULL);
  concert_i_svg_line(w, md, y + 1, md, y + 19, CONCERT_I_OI_BLACK, 2.5, NULL, NULL);
  if (isfinite(sp.mean))
    concert_i_svg_circle(w, xs(sp.mean, hi), y + 10, 3, "#FFFFFF", 1, CONCERT_I_OI_BLACK, NULL);
  char n[32];
  snprintf(n, sizeof n, "n=%zu", sp.n);
  concert_i_svg_text(w, LX + LW + 12, y + 14, "start", 10, false, n, 0);
  concert_i_svg_group_end(w);
}

concert_status concert_plot_distribution(const concert_sweep *sw, char **svg, concert_diag *diag) {
  if (svg) *svg = NULL;
  if (!sw || !svg)
    return CONCERT_FAIL(diag, CONCERT_ERR_ARGUMENT, "concert_plot_distribution: NULL argument");
  const concert_scenario *s = concert_sweep_scenario(sw);
  size_t ni = concert_sweep_issue_count(sw);
  enum { NLOW = 1 + CONCERT_RIFT_N };
  double top1 = 76, bottom1 = top1 + ROW * (double)ni + 6;
  double top2 = bottom1 + 64, bottom2 = top2 + ROW * NLOW + 6;
  char title[400];
  snprintf(title, sizeof title, "%s: outcome distributions over %zu runs (seed %llu)",
           concert_scenario_forum_id(s, concert_sweep_forum(sw)), concert_sweep_runs(sw),
           (unsigned long long)concert_sweep_seed(sw));
  concert_i_svg w = {0};
  concert_i_svg_begin(&w, WIDTH, bottom2 + 44, title);
  concert_i_svg_text(&w, 10, 22, "start", 15, true, title, 0);
  concert_i_svg_text(&w, 10, 40, "start", 11, false,
                     "box: middle half of the runs (25-75%); whiskers: 5-95%; thick tick: median; "
                     "white dot: mean; n: runs with a value",
                     0);
  concert_i_svg_text(&w, 10, top1 - 10, "start", 11, true,
                     "text of each agenda issue's statement (0-100), over the runs with one", 0);
  axis(&w, top1, bottom1, 100, "position on the issue's 0-100 line");
  for (size_t i = 0; i < ni; i++)
    box(&w, top1 + 3 + ROW * (double)i, concert_scenario_issue_id(s, concert_sweep_issue(sw, i)),
        concert_sweep_text(sw, i), 100, CONCERT_I_OI_BLUE, "statement text",
        "no statement in any run");
  concert_i_svg_text(&w, 10, top2 - 10, "start", 11, true,
                     "share of the agenda with a joint statement, and the rift components (0-1)",
                     0);
  axis(&w, top2, bottom2, 1, "share or component value");
  box(&w, top2 + 3, "agenda agreed", concert_sweep_agreed(sw), 1, CONCERT_I_OI_VERMILLION,
      "share agreed", "no run");
  for (int c = 0; c < CONCERT_RIFT_N; c++)
    box(&w, top2 + 3 + ROW * (1 + c), concert_rift_component_label((concert_rift_component)c),
        concert_sweep_rift(sw, (concert_rift_component)c), 1, CONCERT_I_OI_ORANGE, "component",
        "unknown in every run");
  concert_i_svg_end(&w);
  return concert_i_svg_finish(&w, svg, diag);
}
