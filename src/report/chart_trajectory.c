/* chart_trajectory.c: the round-by-round positions of a dynamic model (EUM, exchange, SMP)
 * on one agenda issue (concert_plot_trajectory). */
#include <concert/report.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "status/diag.h"
#include "svg_i.h"

enum { WIDTH = 800 };
#define PX0 60.0  /* x of round 0 */
#define PXW 620.0 /* px to the last round */
#define PY0 60.0  /* y of 100 */
#define PYH 260.0 /* px from 100 to 0 */

static double yat(double v) { return PY0 + PYH * (100.0 - v) / 100.0; }

/* One end label: the member and the y it is written at. */
typedef struct end_label {
  size_t m;  /* member (forum order) */
  double y;  /* y of its line's end, then of its label */
} end_label;

static int by_y(const void *a, const void *b) {
  const end_label *p = a, *q = b;
  if (p->y != q->y) return p->y < q->y ? -1 : 1;
  return p->m < q->m ? -1 : p->m > q->m;
}

static void polyline(concert_i_svg *w, const concert_solution *sol, size_t R, size_t a, size_t k,
                     bool forecast, const char *stroke, double width, const char *dash) {
  concert_i_svg_raw(w, "<polyline points=\"");
  for (size_t r = 0; r < R; r++) {
    double v = forecast ? concert_solution_round_outcome(sol, r, k) : concert_solution_position(sol, r, a, k);
    if (r) concert_i_svg_raw(w, " ");
    concert_i_svg_num(w, PX0 + PXW * (double)r / (double)(R - 1));
    concert_i_svg_raw(w, ",");
    concert_i_svg_num(w, yat(isfinite(v) ? v : 0));
  }
  concert_i_svg_printf(w, "\" fill=\"none\" stroke=\"%s\" stroke-width=\"", stroke);
  concert_i_svg_num(w, width);
  concert_i_svg_raw(w, "\"");
  if (dash) concert_i_svg_printf(w, " stroke-dasharray=\"%s\"", dash);
  concert_i_svg_raw(w, "/>\n");
}

concert_status concert_plot_trajectory(const concert_scenario *s, size_t f,
                                       const concert_solution *sol, size_t k, char **svg,
                                       concert_diag *diag) {
  if (svg) *svg = NULL;
  if (!s || !sol || !svg || k >= concert_solution_issues(sol) ||
      concert_solution_actors(sol) != concert_scenario_forum_member_count(s, f) ||
      concert_solution_issues(sol) != concert_forum_agenda_count(s, f) ||
      concert_solution_rounds(sol) < 2)
    return CONCERT_FAIL(diag, CONCERT_ERR_ARGUMENT,
                        "concert_plot_trajectory: not a solution of this forum with rounds");
  *svg = NULL;
  size_t R = concert_solution_rounds(sol), n = concert_solution_actors(sol);
  size_t issue = concert_forum_agenda_issue(s, f, k);
  end_label *lab = calloc(n + 1, sizeof *lab);
  if (!lab) return CONCERT_FAIL(diag, CONCERT_ERR_NOMEM, "out of memory");
  char title[400];
  snprintf(title, sizeof title, "%s (%s): positions round by round", concert_scenario_issue_title(s, issue),
           concert_scenario_issue_id(s, issue));
  concert_i_svg w = {0};
  concert_i_svg_begin(&w, WIDTH, PY0 + PYH + 60, title);
  concert_i_svg_text(&w, 10, 20, "start", 15, true, title, 110);
  concert_i_svg_text(&w, 10, 38, "start", 11, false,
                     "each member's position after each round; thick black dashes: the model's forecast", 0);
  for (int v = 0; v <= 100; v += 25) {
    char t[8];
    snprintf(t, sizeof t, "%d", v);
    concert_i_svg_line(&w, PX0, yat(v), PX0 + PXW, yat(v), "#D9D9D9", 1, NULL, NULL);
    concert_i_svg_text(&w, PX0 - 6, yat(v) + 4, "end", 10, false, t, 0);
  }
  for (size_t r = 0; r < R; r++) {
    if (R > 12 && r % 5 != 0 && r != R - 1) continue;
    char t[24];
    snprintf(t, sizeof t, "%zu", r);
    concert_i_svg_text(&w, PX0 + PXW * (double)r / (double)(R - 1), PY0 + PYH + 16, "middle", 10, false, t, 0);
  }
  concert_i_svg_text(&w, PX0 + PXW / 2, PY0 + PYH + 34, "middle", 11, false, "round", 0);
  for (size_t a = 0; a < n; a++) {
    size_t actor = concert_scenario_forum_member(s, f, a);
    char t[300];
    snprintf(t, sizeof t, "%s: %.1f at round 0, %.1f at round %zu", concert_scenario_actor_id(s, actor),
             concert_solution_position(sol, 0, a, k), concert_solution_position(sol, R - 1, a, k), R - 1);
    concert_i_svg_group(&w, t);
    polyline(&w, sol, R, a, k, false, concert_i_oi_series(a), 2, a % 2 ? "5 2" : NULL);
    concert_i_svg_group_end(&w);
    double v = concert_solution_position(sol, R - 1, a, k);
    lab[a].m = a, lab[a].y = yat(isfinite(v) ? v : 0);
  }
  char t[200];
  snprintf(t, sizeof t, "the model's forecast: %.1f at round 0, %.1f at round %zu",
           concert_solution_round_outcome(sol, 0, k), concert_solution_round_outcome(sol, R - 1, k), R - 1);
  concert_i_svg_group(&w, t);
  polyline(&w, sol, R, 0, k, true, CONCERT_I_OI_BLACK, 3.5, "8 4");
  concert_i_svg_group_end(&w);
  /* end labels, spread 11 px apart so that converged members stay readable */
  qsort(lab, n, sizeof *lab, by_y);
  for (size_t i = 1; i < n; i++)
    if (lab[i].y < lab[i - 1].y + 11) lab[i].y = lab[i - 1].y + 11;
  for (size_t i = 0; i < n; i++) {
    size_t actor = concert_scenario_forum_member(s, f, lab[i].m);
    size_t a = lab[i].m;
    concert_i_svg_line(&w, PX0 + PXW + 6, lab[i].y, PX0 + PXW + 24, lab[i].y,
                       concert_i_oi_series(a), 2.5, a % 2 ? "5 2" : NULL, NULL);
    concert_i_svg_text(&w, PX0 + PXW + 28, lab[i].y + 4, "start", 10, false,
                       concert_scenario_actor_id(s, actor), 16);
  }
  free(lab);
  concert_i_svg_end(&w);
  return concert_i_svg_finish(&w, svg, diag);
}
