/* chart_power.c: a voting game's power indices against the players' weight shares, with the
 * 45-degree line where power equals weight (concert_plot_power). */
#include <concert/report.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "status/diag.h"
#include "svg_i.h"

enum { WIDTH = 800 };
#define PX0 80.0  /* x of 0 */
#define PY0 510.0 /* y of 0 */
#define PS 430.0  /* px from 0 to the axes' end, both ways */

/* A placed label's box, to keep labels from overlapping. */
typedef struct box {
  double x0, y0, x1, y1;
} box;

/* The player order by Banzhaf index, highest first (ties: player order): labels go to the
 * most powerful first. */
typedef struct ranked {
  double v;
  size_t i;
} ranked;

static int by_power(const void *a, const void *b) {
  const ranked *p = a, *q = b;
  if (p->v != q->v) return p->v > q->v ? -1 : 1;
  return p->i < q->i ? -1 : p->i > q->i;
}

concert_status concert_plot_power(const concert_game *g, char **svg, concert_diag *diag) {
  if (svg) *svg = NULL;
  if (!g || !svg)
    return CONCERT_FAIL(diag, CONCERT_ERR_ARGUMENT, "concert_plot_power: NULL argument");
  size_t n = concert_game_players(g);
  double *bz = calloc(n, sizeof *bz), *ss = calloc(n, sizeof *ss), *ws = calloc(n, sizeof *ws);
  ranked *order = calloc(n, sizeof *order);
  box *placed = calloc(n, sizeof *placed);
  concert_status st = CONCERT_OK;
  if (!bz || !ss || !ws || !order || !placed)
    st = CONCERT_FAIL(diag, CONCERT_ERR_NOMEM, "out of memory");
  if (!st) st = concert_power_banzhaf(g, bz, diag);
  if (!st) st = concert_power_shapley(g, ss, diag);
  concert_i_svg w = {0};
  if (!st) {
    double total = 0, top = 0;
    bool weighted = concert_game_weight_count(g) > 0;
    for (size_t i = 0; i < n; i++) total += (double)concert_game_weight(g, 0, i);
    for (size_t i = 0; i < n; i++) {
      ws[i] =
          weighted && total > 0 ? (double)concert_game_weight(g, 0, i) / total : 1.0 / (double)n;
      top = fmax(top, fmax(ws[i], fmax(bz[i], ss[i])));
      order[i] = (ranked){bz[i], i};
    }
    /* both axes run to the same end (so the diagonal is at 45 degrees): the next tenth, or
     * the next 0.05 below 0.5 */
    double step = top > 0.5 ? 0.1 : 0.05, end = ceil(top / step - 1e-9) * step;
    if (end < step) end = step;
    const char *t = concert_game_title(g);
    char title[300];
    snprintf(title, sizeof title, "Voting power against weight, %zu players: %s", n,
             *t ? t : "a game");
    concert_i_svg_begin(&w, WIDTH, PY0 + 56, title);
    concert_i_svg_text(&w, 10, 22, "start", 14, true, title, 84);
    concert_i_svg_text(&w, 10, 40, "start", 11, false,
                       weighted
                           ? "x: share of the total weight; y: power index; on the dashed line "
                             "power equals weight (above it: more power than weight)"
                           : "no weights (member rules only): every share is 1/n; y: power index",
                       0);
    bool one_point = true; /* e.g. unanimity: every mark on the others */
    for (size_t i = 1; i < n; i++)
      one_point = one_point && ws[i] == ws[0] && bz[i] == bz[0] && ss[i] == ss[0];
    if (n > 1 && one_point) {
      concert_i_svg w2 = {0};
      concert_i_svg_printf(&w2, "all %zu players share one point:", n);
      for (size_t i = 0; i < n; i++) {
        concert_i_svg_raw(&w2, " ");
        concert_i_svg_raw(&w2, concert_game_player_id(g, i));
      }
      concert_i_svg_text(&w, 10, 56, "start", 11, true, w2.oom ? "" : w2.buf, 120);
      free(w2.buf);
    }
    int ticks = (int)lround(end / step);
    for (int k = 0; k <= ticks; k++) {
      double v = step * k, p = PS * v / end;
      char lab[8];
      snprintf(lab, sizeof lab, "%.2f", v);
      concert_i_svg_line(&w, PX0 + p, PY0 - PS, PX0 + p, PY0, "#E5E5E5", 1, NULL, NULL);
      concert_i_svg_line(&w, PX0, PY0 - p, PX0 + PS, PY0 - p, "#E5E5E5", 1, NULL, NULL);
      concert_i_svg_text(&w, PX0 + p, PY0 + 14, "middle", 10, false, lab, 0);
      concert_i_svg_text(&w, PX0 - 6, PY0 - p + 4, "end", 10, false, lab, 0);
    }
    concert_i_svg_line(&w, PX0, PY0, PX0 + PS, PY0, CONCERT_I_OI_BLACK, 1, NULL, NULL);
    concert_i_svg_line(&w, PX0, PY0, PX0, PY0 - PS, CONCERT_I_OI_BLACK, 1, NULL, NULL);
    concert_i_svg_line(&w, PX0, PY0, PX0 + PS, PY0 - PS, CONCERT_I_OI_BLACK, 1.2, "6 4",
                       "power equal to weight share (45-degree line)");
    concert_i_svg_text(&w, PX0 + PS / 2, PY0 + 34, "middle", 11, false, "weight share", 0);
    concert_i_svg_raw(&w, "<text x=\"20.0\" y=\"");
    concert_i_svg_num(&w, PY0 - PS / 2);
    concert_i_svg_raw(&w, "\" transform=\"rotate(-90 20.0 ");
    concert_i_svg_num(&w, PY0 - PS / 2);
    concert_i_svg_raw(&w, ")\" text-anchor=\"middle\" font-size=\"11.0\">power index</text>\n");
    qsort(order, n, sizeof *order, by_power);
    size_t np = 0;
    for (size_t r = 0; r < n; r++) {
      size_t i = order[r].i;
      const char *id = concert_game_player_id(g, i), *name = concert_game_player_name(g, i);
      char tt[400];
      snprintf(tt, sizeof tt, "%s%s%s%s: weight share %.4f, Banzhaf %.4f, Shapley-Shubik %.4f", id,
               *name ? " (" : "", name, *name ? ")" : "", ws[i], bz[i], ss[i]);
      double x = PX0 + PS * ws[i] / end, yb = PY0 - PS * bz[i] / end, ys = PY0 - PS * ss[i] / end;
      concert_i_svg_group(&w, tt);
      concert_i_svg_line(&w, x, yb, x, ys, CONCERT_I_GREY, 1, NULL, NULL);
      concert_i_svg_rect(&w, x - 4, ys - 4, 8, 8, CONCERT_I_OI_ORANGE, 1, NULL);
      concert_i_svg_circle(&w, x, yb, 4.5, CONCERT_I_OI_BLUE, 1, NULL, NULL);
      /* the id to the right of the Banzhaf dot, unless it would cover a placed label */
      box b = {x + 7, yb - 6, x + 7 + 6.5 * (double)(strlen(id) < 12 ? strlen(id) : 12), yb + 6};
      bool free_ = b.x1 < PX0 + PS + 120;
      for (size_t k = 0; free_ && k < np; k++)
        free_ = b.x1 < placed[k].x0 || b.x0 > placed[k].x1 || b.y1 < placed[k].y0 ||
                b.y0 > placed[k].y1;
      if (free_) {
        placed[np++] = b;
        concert_i_svg_text(&w, b.x0, yb + 4, "start", 10, false, id, 12);
      }
      concert_i_svg_group_end(&w);
    }
    /* the key */
    double lx = PX0 + PS + 130, ly = PY0 - PS + 10;
    concert_i_svg_circle(&w, lx + 5, ly, 4.5, CONCERT_I_OI_BLUE, 1, NULL,
                         "normalized Banzhaf index");
    concert_i_svg_text(&w, lx + 16, ly + 4, "start", 11, false, "Banzhaf (normalized)", 0);
    concert_i_svg_rect(&w, lx + 1, ly + 16, 8, 8, CONCERT_I_OI_ORANGE, 1, "Shapley-Shubik index");
    concert_i_svg_text(&w, lx + 16, ly + 24, "start", 11, false, "Shapley-Shubik", 0);
    concert_i_svg_line(&w, lx, ly + 40, lx + 10, ly + 40, CONCERT_I_OI_BLACK, 1.2, "6 4", NULL);
    concert_i_svg_text(&w, lx + 16, ly + 44, "start", 11, false, "power = weight", 0);
    concert_i_svg_text(&w, lx, ly + 66, "start", 10, false, "a grey line joins a", 0);
    concert_i_svg_text(&w, lx, ly + 79, "start", 10, false, "player's two indices;", 0);
    concert_i_svg_text(&w, lx, ly + 92, "start", 10, false, "hover a mark for its", 0);
    concert_i_svg_text(&w, lx, ly + 105, "start", 10, false, "numbers", 0);
    concert_i_svg_end(&w);
  }
  free(bz);
  free(ss);
  free(ws);
  free(order);
  free(placed);
  if (st) {
    free(w.buf);
    return st;
  }
  return concert_i_svg_finish(&w, svg, diag);
}
