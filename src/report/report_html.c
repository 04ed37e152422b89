/* report_html.c: the self-contained HTML report (concert_report_html): the outcome sheet,
 * the charts inline, the sources. The page is also well-formed XML (checked by xmllint). */
#include <concert/report.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "status/diag.h"
#include "svg_i.h"

/* One distinct source text and the numbers it backs. */
typedef struct ref {
  const char *text; /* borrowed from the scenario */
  concert_i_svg backs; /* "reversion point of trade; capability of USA; ..." */
  size_t n_backs;
} ref;

typedef struct refs {
  ref *r;
  size_t n, cap;
  bool oom;
} refs;

static void cite(refs *rs, const char *text, const char *what, const char *id) {
  if (!text || !*text || rs->oom) return;
  size_t i = 0;
  while (i < rs->n && strcmp(rs->r[i].text, text) != 0) i++;
  if (i == rs->n) {
    if (rs->n == rs->cap) {
      size_t cap = rs->cap ? rs->cap * 2 : 32;
      ref *r = realloc(rs->r, cap * sizeof *r);
      if (!r) {
        rs->oom = true;
        return;
      }
      rs->r = r, rs->cap = cap;
    }
    memset(&rs->r[rs->n], 0, sizeof rs->r[0]);
    rs->r[rs->n++].text = text;
  }
  ref *r = &rs->r[i];
  if (r->n_backs++) concert_i_svg_raw(&r->backs, "; ");
  concert_i_svg_raw(&r->backs, what);
  concert_i_svg_raw(&r->backs, " ");
  concert_i_svg_raw(&r->backs, id);
  rs->oom = rs->oom || r->backs.oom;
}

static void collect(refs *rs, const concert_outcome *o) {
  const concert_scenario *s = concert_outcome_scenario(o);
  size_t f = concert_outcome_forum(o), ni = concert_outcome_issue_count(o);
  size_t nm = concert_scenario_forum_member_count(s, f), np = concert_scenario_forum_invited_count(s, f);
  for (size_t i = 0; i < ni; i++) {
    size_t k = concert_outcome_issue(o, i)->issue;
    cite(rs, concert_scenario_issue_source(s, k), "reversion point of", concert_scenario_issue_id(s, k));
  }
  for (size_t j = 0; j < nm + np; j++) {
    size_t a = j < nm ? concert_scenario_forum_member(s, f, j) : concert_scenario_forum_invited(s, f, j - nm);
    cite(rs, concert_scenario_actor_source(s, a), "capability of", concert_scenario_actor_id(s, a));
  }
  for (size_t j = 0; j < nm + np; j++) {
    size_t a = j < nm ? concert_scenario_forum_member(s, f, j) : concert_scenario_forum_invited(s, f, j - nm);
    for (size_t i = 0; i < ni; i++) {
      size_t k = concert_outcome_issue(o, i)->issue;
      char id[300];
      snprintf(id, sizeof id, "%s on %s", concert_scenario_actor_id(s, a), concert_scenario_issue_id(s, k));
      cite(rs, concert_scenario_stance_source(s, a, k), "stance of", id);
    }
  }
  for (size_t e = 0; e < concert_scenario_forum_event_count(s, f); e++) {
    char id[32];
    snprintf(id, sizeof id, "%zu", e + 1);
    cite(rs, concert_scenario_forum_event_source(s, f, e), "event", id);
  }
}

static const char *const STYLE =
    "body{font-family:'DejaVu Sans',Verdana,sans-serif;max-width:820px;margin:16px auto;"
    "padding:0 10px;color:#000;background:#fff;line-height:1.4}"
    "h1{font-size:22px}h2{font-size:18px;border-bottom:1px solid #999;margin-top:28px}"
    "pre{font-size:11px;background:#F4F4F4;padding:8px;white-space:pre-wrap;overflow-wrap:anywhere}"
    "figure{margin:12px 0}svg{max-width:100%;height:auto;border:1px solid #DDD}"
    "ol{font-size:12px}li{margin-bottom:4px}.backs{color:#444}"
    "table{border-collapse:collapse;font-size:12px;margin:8px 0}"
    "th,td{border:1px solid #BBB;padding:2px 6px;text-align:left;vertical-align:top}"
    "thead th{background:#EEE}.n{white-space:nowrap;text-align:right}";

/* Appends one chart (or, on failure, nothing and the status). */
static concert_status figure(concert_i_svg *w, concert_status st, char **chart) {
  char *svg = *chart;
  *chart = NULL;
  if (st) {
    free(svg);
    return st;
  }
  concert_i_svg_raw(w, "<figure>\n");
  concert_i_svg_raw(w, svg);
  concert_i_svg_raw(w, "</figure>\n");
  free(svg);
  return CONCERT_OK;
}

concert_status concert_report_html(const concert_outcome *o, const concert_report_extras *x,
                                   char **html, concert_diag *diag) {
  if (html) *html = NULL;
  if (!o || !html) return CONCERT_FAIL(diag, CONCERT_ERR_ARGUMENT, "concert_report_html: NULL argument");
  *html = NULL;
  const concert_scenario *s = concert_outcome_scenario(o);
  size_t f = concert_outcome_forum(o);
  char *sheet = NULL;
  size_t sheet_len = 0;
  FILE *mem = open_memstream(&sheet, &sheet_len);
  if (!mem) return CONCERT_FAIL(diag, CONCERT_ERR_NOMEM, "out of memory");
  concert_status st = concert_outcome_write_text(o, mem);
  if (fclose(mem) != 0 && !st) st = CONCERT_ERR_NOMEM;
  if (st) {
    free(sheet);
    return CONCERT_FAIL(diag, st, "cannot write the outcome sheet");
  }
  concert_i_svg w = {0};
  concert_i_svg_raw(&w, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"
                        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n<title>");
  concert_i_svg_esc(&w, concert_scenario_name(s), 0);
  concert_i_svg_raw(&w, ": ");
  concert_i_svg_esc(&w, concert_scenario_forum_id(s, f), 0);
  concert_i_svg_printf(&w, "</title>\n<style>%s</style>\n</head>\n<body>\n<h1>", STYLE);
  concert_i_svg_esc(&w, concert_scenario_name(s), 0);
  concert_i_svg_raw(&w, "</h1>\n<p>Forum <b>");
  concert_i_svg_esc(&w, concert_scenario_forum_id(s, f), 0);
  concert_i_svg_raw(&w, "</b>, model <b>");
  concert_i_svg_esc(&w, concert_outcome_model(o), 0);
  concert_i_svg_raw(&w, "</b>. Written by <code>concert report</code>; every chart below is "
                        "drawn from the outcome sheet's numbers (at the end) and the "
                        "scenario's.</p>\n");
  {
    char *svg = NULL;
    concert_i_svg_raw(&w, "<h2>Rift</h2>\n");
    st = figure(&w, concert_plot_rift(o, &svg, diag), &svg);
  }
  concert_i_svg_raw(&w, "<h2>Agenda issues</h2>\n<p>Each issue on its 0-100 line: "
                        "members above it (circles), invited partners below (squares); marker "
                        "area by capability, paler fill for lower salience; the dashed line is "
                        "the reversion point, the dotted one the model's text, the solid one the "
                        "text issued. Hover a mark for its numbers.</p>\n");
  for (size_t i = 0; !st && i < concert_outcome_issue_count(o); i++) {
    char *svg = NULL;
    st = figure(&w, concert_plot_issue(o, i, &svg, diag), &svg);
  }
  if (!st && x && x->solution && concert_solution_rounds(x->solution) > 1) {
    concert_i_svg_raw(&w, "<h2>Rounds</h2>\n<p>How the members' positions moved in the model's "
                          "rounds (members all present, no protocol), per agenda issue.</p>\n");
    for (size_t k = 0; !st && k < concert_solution_issues(x->solution); k++) {
      char *svg = NULL;
      st = figure(&w, concert_plot_trajectory(s, f, x->solution, k, &svg, diag), &svg);
    }
  }
  if (!st && concert_outcome_deal_count(o) > 0) {
    char *svg = NULL;
    concert_i_svg_raw(&w, "<h2>Deals</h2>\n");
    st = figure(&w, concert_plot_network(o, &svg, diag), &svg);
  }
  if (!st && x && x->forums && x->n_forums >= 2) {
    char *svg = NULL;
    concert_i_svg_raw(&w, "<h2>Forums compared</h2>\n");
    st = figure(&w, concert_plot_compare(x->forums, x->n_forums, &svg, diag), &svg);
  }
  if (!st && x && x->sweep) {
    char *svg = NULL;
    concert_i_svg_raw(&w, "<h2>Probabilities</h2>\n");
    st = figure(&w, concert_plot_sweep(x->sweep, &svg, diag), &svg);
    if (!st && concert_sweep_agreed(x->sweep).n > 0) {
      concert_i_svg_raw(&w, "<h2>Outcome distributions</h2>\n<p>Where the texts and the rift "
                            "fell over the sweep's runs: the middle half of the runs in the box, "
                            "5-95% in the whiskers.</p>\n");
      st = figure(&w, concert_plot_distribution(x->sweep, &svg, diag), &svg);
    }
  }
  if (!st && x && x->sensitivity) {
    char *svg = NULL, *table = NULL;
    concert_i_svg_raw(&w, "<h2>Tipping points</h2>\n<p>For each headline, the smallest move of "
                          "one judgment within its range that flips it (one number at a time, the "
                          "rest at their values; <code>concert sensitivity</code>). The table "
                          "lists the three nearest flips of each headline.</p>\n");
    st = figure(&w, concert_plot_tipping(x->sensitivity, &svg, diag), &svg);
    if (!st) st = concert_tipping_table_html(x->sensitivity, 3, &table, diag);
    if (!st) concert_i_svg_raw(&w, table);
    free(table);
  }
  if (!st) {
    concert_i_svg_raw(&w, "<h2>Outcome sheet</h2>\n<p>What <code>concert run</code> prints.</p>\n<pre>");
    concert_i_svg_esc(&w, sheet, 0);
    concert_i_svg_raw(&w, "</pre>\n");
  }
  free(sheet);
  refs rs = {0};
  if (!st) {
    collect(&rs, o);
    if (rs.oom) st = CONCERT_FAIL(diag, CONCERT_ERR_NOMEM, "out of memory");
  }
  if (!st) {
    concert_i_svg_raw(&w, "<h2>Sources</h2>\n<p>Each source text of the scenario once, with the "
                          "numbers it backs (a stance's own field sources are not kept by the "
                          "loader; the scenario file has them).</p>\n<ol>\n");
    for (size_t i = 0; i < rs.n; i++) {
      concert_i_svg_raw(&w, "<li>");
      concert_i_svg_esc(&w, rs.r[i].text, 0);
      concert_i_svg_raw(&w, " <span class=\"backs\">(");
      concert_i_svg_esc(&w, rs.r[i].backs.buf, 0);
      concert_i_svg_raw(&w, ")</span></li>\n");
    }
    concert_i_svg_raw(&w, "</ol>\n<p>Colours: the Okabe-Ito palette, told apart under the common "
                          "colour-vision deficiencies; shapes, crosses and labels carry every "
                          "category too, so the charts also read in greyscale.</p>\n</body>\n</html>\n");
  }
  for (size_t i = 0; i < rs.n; i++) free(rs.r[i].backs.buf);
  free(rs.r);
  if (st) {
    free(w.buf);
    return st;
  }
  return concert_i_svg_finish(&w, html, diag);
}
