/* chart_issue.c: one agenda issue on the 0-100 line (concert_plot_issue). */
#include <concert/report.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "status/diag.h"
#include "svg_i.h"

enum { WIDTH = 800 };
#define X0 60.0   /* x of 0 on the scale */
#define XW 680.0  /* px from 0 to 100 */
#define LANE 34.0 /* px between stacked markers */
#define GAP 38.0  /* markers closer than this go on another lane */

/* One actor on the line. */
typedef struct mark {
  size_t actor;     /* actor index */
  double pos, sal;  /* position, salience */
  double r;         /* marker radius, px */
  bool member;      /* member (else invited partner) */
  bool signs;       /* endorses the text (partners: co-signed) */
  bool blocks;      /* blocks it (concert_outcome_issue_text_blocks) */
  size_t lane;      /* 0 nearest the line */
} mark;

static double xat(double v) { return X0 + XW * v / 100.0; }

static int by_pos(const void *a, const void *b) {
  const mark *p = a, *q = b;
  if (p->pos != q->pos) return p->pos < q->pos ? -1 : 1;
  return p->actor < q->actor ? -1 : p->actor > q->actor;
}

/* Greedy lanes: each marker in the lowest lane whose last marker is GAP px to its left.
 * Returns the number of lanes used. */
static size_t lay_out(mark *m, size_t n) {
  double last[64];
  size_t lanes = 0;
  for (size_t i = 0; i < n; i++) {
    double x = xat(m[i].pos);
    size_t l = 0;
    while (l < lanes && x - last[l] < GAP) l++;
    if (l == 64) l = 63;
    if (l == lanes && lanes < 64) lanes++;
    last[l] = x, m[i].lane = l;
  }
  return lanes;
}

static const char *fill_of(const mark *m) {
  if (!m->member) return m->signs ? CONCERT_I_OI_GREEN : CONCERT_I_OI_SKY;
  if (m->blocks) return CONCERT_I_OI_VERMILLION;
  return m->signs ? CONCERT_I_OI_BLUE : CONCERT_I_OI_ORANGE;
}

static const char *role_of(const mark *m) {
  if (!m->member) return m->signs ? "partner, co-signed" : "partner, did not co-sign";
  if (m->blocks) return "member, blocked the text";
  return m->signs ? "member, endorses the text" : "member, no text it endorses";
}

static void draw_mark(concert_i_svg *w, const concert_scenario *s, const mark *m, double cy) {
  char t[512];
  double cap = concert_scenario_actor_capability(s, m->actor);
  snprintf(t, sizeof t, "%s (%s): position %.1f, salience %.2f, capability %.2f; %s",
           concert_scenario_actor_id(s, m->actor), concert_scenario_actor_name(s, m->actor),
           m->pos, m->sal, cap, role_of(m));
  double cx = xat(m->pos), op = 0.2 + 0.8 * m->sal;
  const char *fill = fill_of(m);
  concert_i_svg_group(w, t);
  if (m->member) {
    concert_i_svg_raw(w, "<circle cx=\"");
    concert_i_svg_num(w, cx);
    concert_i_svg_raw(w, "\" cy=\"");
    concert_i_svg_num(w, cy);
    concert_i_svg_raw(w, "\" r=\"");
    concert_i_svg_num(w, m->r);
  } else {
    concert_i_svg_raw(w, "<rect x=\"");
    concert_i_svg_num(w, cx - m->r * 0.886);
    concert_i_svg_raw(w, "\" y=\"");
    concert_i_svg_num(w, cy - m->r * 0.886);
    concert_i_svg_raw(w, "\" width=\"");
    concert_i_svg_num(w, m->r * 1.772); /* the circle's area */
    concert_i_svg_raw(w, "\" height=\"");
    concert_i_svg_num(w, m->r * 1.772);
  }
  concert_i_svg_printf(w, "\" fill=\"%s\" fill-opacity=\"%.2f\" stroke=\"%s\" stroke-width=\"1.5\"/>\n",
                       fill, op, fill);
  if (m->blocks) { /* a cross over a blocker: the mark, not only the colour */
    double d = m->r * 0.7 + 2;
    concert_i_svg_line(w, cx - d, cy - d, cx + d, cy + d, CONCERT_I_OI_BLACK, 2, NULL, NULL);
    concert_i_svg_line(w, cx - d, cy + d, cx + d, cy - d, CONCERT_I_OI_BLACK, 2, NULL, NULL);
  }
  double ly = m->member ? cy - m->r - 3 : cy + m->r + 11;
  concert_i_svg_text(w, cx, ly, "middle", 10, m->signs && m->member, concert_scenario_actor_id(s, m->actor), 12);
  concert_i_svg_group_end(w);
}

/* The text of agenda issue i that was issued: the statement's, else its paragraph of an
 * issued document; NaN when none. *what names it. */
static double issued_text(const concert_outcome *o, size_t i, const char **what) {
  const concert_issue_result *r = concert_outcome_issue(o, i);
  if (isfinite(r->text) && r->kind != CONCERT_STATEMENT_NONE) {
    *what = r->kind == CONCERT_STATEMENT_JOINT ? "joint statement" : "minilateral statement";
    return r->text;
  }
  concert_communique c = concert_outcome_communique(o);
  if (c.issued && i < c.n_paragraphs && isfinite(c.paragraphs[i].text)) {
    *what = c.declaration ? "declaration paragraph" : "communique paragraph";
    return c.paragraphs[i].text;
  }
  *what = "no text issued";
  return NAN;
}

/* A vertical rule with its label in header row `row`. */
static void rule(concert_i_svg *w, double v, const char *color, const char *dash, double width,
                 const char *label, size_t row, double top, double bottom, const char *t) {
  if (!isfinite(v)) return;
  char txt[96];
  snprintf(txt, sizeof txt, "%s %.1f", label, v);
  concert_i_svg_group(w, t);
  concert_i_svg_line(w, xat(v), top, xat(v), bottom, color, width, dash, NULL);
  double x = xat(v);
  const char *anchor = x < X0 + 60 ? "start" : x > X0 + XW - 60 ? "end" : "middle";
  concert_i_svg_text(w, x, 58 + 13.0 * (double)row, anchor, 11, false, txt, 0);
  concert_i_svg_group_end(w);
}

concert_status concert_plot_issue(const concert_outcome *o, size_t i, char **svg,
                                  concert_diag *diag) {
  if (svg) *svg = NULL;
  if (!o || !svg || i >= concert_outcome_issue_count(o))
    return CONCERT_FAIL(diag, CONCERT_ERR_ARGUMENT, "concert_plot_issue: no such agenda issue");
  *svg = NULL;
  const concert_scenario *s = concert_outcome_scenario(o);
  size_t f = concert_outcome_forum(o);
  const concert_issue_result *res = concert_outcome_issue(o, i);
  size_t k = res->issue, nm = concert_scenario_forum_member_count(s, f);
  size_t np = concert_scenario_forum_invited_count(s, f);
  mark *m = calloc(nm + np + 1, sizeof *m);
  if (!m) return CONCERT_FAIL(diag, CONCERT_ERR_NOMEM, "out of memory");
  size_t n = 0;
  double capmax = 0;
  for (size_t j = 0; j < nm + np; j++) {
    bool member = j < nm;
    size_t a = member ? concert_scenario_forum_member(s, f, j) : concert_scenario_forum_invited(s, f, j - nm);
    double pos, sal;
    if (a == SIZE_MAX || !concert_scenario_stance(s, a, k, &pos, &sal)) continue;
    mark *q = &m[n++];
    q->actor = a, q->pos = pos, q->sal = sal, q->member = member;
    if (member) {
      q->signs = concert_outcome_issue_text_signs(o, i, a);
      q->blocks = concert_outcome_issue_text_blocks(o, i, a);
    } else {
      for (size_t p = 0; p < res->n_partners; p++) q->signs = q->signs || res->partners[p] == a;
    }
    double c = concert_scenario_actor_capability(s, a);
    if (c > capmax) capmax = c;
  }
  for (size_t j = 0; j < n; j++) {
    double c = concert_scenario_actor_capability(s, m[j].actor);
    m[j].r = capmax > 0 ? 13.0 * sqrt(c / capmax) : 6;
    if (m[j].r < 3) m[j].r = 3;
  }
  qsort(m, n, sizeof *m, by_pos);
  size_t split = 0; /* members first after a stable partition */
  mark *tmp = malloc((n + 1) * sizeof *tmp);
  if (!tmp) {
    free(m);
    return CONCERT_FAIL(diag, CONCERT_ERR_NOMEM, "out of memory");
  }
  for (size_t j = 0; j < n; j++) if (m[j].member) tmp[split++] = m[j];
  size_t t = split;
  for (size_t j = 0; j < n; j++) if (!m[j].member) tmp[t++] = m[j];
  memcpy(m, tmp, n * sizeof *m);
  free(tmp);
  size_t lm = lay_out(m, split), lp = lay_out(m + split, n - split);
  double top = 92, axis = top + 20 + LANE * (double)(lm ? lm : 1);
  double bottom = axis + 30 + LANE * (double)lp;
  double height = bottom + 78;

  concert_i_svg w = {0};
  char title[600], sub[600];
  snprintf(title, sizeof title, "%s (%s)", concert_scenario_issue_title(s, k),
           concert_scenario_issue_id(s, k));
  concert_i_svg_begin(&w, WIDTH, height, title);
  concert_i_svg_text(&w, 10, 20, "start", 15, true, title, 110);
  const char *what;
  double text = issued_text(o, i, &what);
  size_t nb = 0, ns = 0;
  for (size_t j = 0; j < n; j++) nb += m[j].member && m[j].blocks, ns += m[j].member && m[j].signs;
  snprintf(sub, sizeof sub, "%s; %zu of %zu members endorse it, %zu block", what, ns, nm, nb);
  concert_i_svg_text(&w, 10, 38, "start", 12, false, sub, 0);

  /* the axis, its ticks and the vertical rules */
  concert_i_svg_line(&w, X0, axis, X0 + XW, axis, CONCERT_I_OI_BLACK, 1.5, NULL, NULL);
  for (int v = 0; v <= 100; v += 25) {
    char lab[8];
    snprintf(lab, sizeof lab, "%d", v);
    concert_i_svg_line(&w, xat(v), axis - 4, xat(v), axis + 4, CONCERT_I_OI_BLACK, 1, NULL, NULL);
    concert_i_svg_text(&w, xat(v), axis + 16, "middle", 10, false, lab, 0);
  }
  double rev = concert_scenario_issue_reversion(s, k);
  char rt[700];
  snprintf(rt, sizeof rt, "reversion point (the status quo) %.1f: %s", rev,
           concert_scenario_issue_source(s, k));
  rule(&w, rev, CONCERT_I_GREY, "6 4", 2, "reversion", 0, 64, bottom, rt);
  snprintf(rt, sizeof rt, "the model's text %.1f (dispersion %.1f)", res->outcome, res->dispersion);
  rule(&w, res->outcome, CONCERT_I_OI_PURPLE, "2 3", 2.5, "model", 1, 77, bottom, rt);
  snprintf(rt, sizeof rt, "issued text (%s) %.1f", what, text);
  rule(&w, text, CONCERT_I_OI_BLACK, NULL, 2, "issued", 2, 90, bottom, rt);

  for (size_t j = 0; j < n; j++) {
    double cy = m[j].member ? axis - 20 - LANE * (double)m[j].lane
                            : axis + 44 + LANE * (double)m[j].lane;
    draw_mark(&w, s, &m[j], cy);
  }
  /* the scale's words at its ends */
  char a0[400], a100[400];
  const char *w0 = concert_scenario_issue_anchor(s, k, 0), *w100 = concert_scenario_issue_anchor(s, k, 100);
  snprintf(a0, sizeof a0, "0 = %s", w0 && *w0 ? w0 : "(no words given)");
  snprintf(a100, sizeof a100, "100 = %s", w100 && *w100 ? w100 : "(no words given)");
  concert_i_svg_group(&w, a0);
  concert_i_svg_text(&w, X0 - 50, bottom + 16, "start", 11, false, a0, 118);
  concert_i_svg_group_end(&w);
  concert_i_svg_group(&w, a100);
  concert_i_svg_text(&w, X0 + XW + 50, bottom + 32, "end", 11, false, a100, 118);
  concert_i_svg_group_end(&w);
  /* legend */
  static const struct { const char *fill, *label; bool square; } key[] = {
      {CONCERT_I_OI_BLUE, "member endorses", false},
      {CONCERT_I_OI_VERMILLION, "member blocks (x)", false},
      {CONCERT_I_OI_ORANGE, "member, no text", false},
      {CONCERT_I_OI_GREEN, "partner co-signs", true},
      {CONCERT_I_OI_SKY, "partner", true}};
  double lx = 10, ly = bottom + 56;
  for (size_t j = 0; j < sizeof key / sizeof key[0]; j++) {
    if (key[j].square) concert_i_svg_rect(&w, lx, ly - 9, 10, 10, key[j].fill, 1, key[j].label);
    else {
      concert_i_svg_printf(&w, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"5.0\" fill=\"%s\"><title>", lx + 5, ly - 4, key[j].fill);
      concert_i_svg_esc(&w, key[j].label, 0);
      concert_i_svg_raw(&w, "</title></circle>\n");
    }
    concert_i_svg_text(&w, lx + 14, ly, "start", 11, false, key[j].label, 0);
    lx += 136;
  }
  concert_i_svg_text(&w, 10, ly + 16, "start", 10, false,
                     "marker area: capability; fill: salience (paler = less salient)", 0);
  concert_i_svg_end(&w);
  free(m);
  return concert_i_svg_finish(&w, svg, diag);
}
