/* chart_network.c: the bilateral-deal network of a summit with its hub
 * (concert_plot_network). */
#include <concert/report.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "status/diag.h"
#include "svg_i.h"

enum { WIDTH = 800, HEIGHT = 520 };
#define CX 400.0
#define CY 280.0
#define RING 190.0
#define PI 3.14159265358979323846

static void at(size_t i, size_t n, double *x, double *y) {
  double t = 2 * PI * (double)i / (double)n - PI / 2; /* the first member at the top */
  *x = CX + RING * cos(t), *y = CY + RING * sin(t);
}

concert_status concert_plot_network(const concert_outcome *o, char **svg, concert_diag *diag) {
  if (svg) *svg = NULL;
  if (!o || !svg) return CONCERT_FAIL(diag, CONCERT_ERR_ARGUMENT, "concert_plot_network: NULL argument");
  const concert_scenario *s = concert_outcome_scenario(o);
  size_t f = concert_outcome_forum(o), n = concert_scenario_forum_member_count(s, f);
  const concert_network *net = concert_outcome_network(o);
  size_t hub = net ? concert_network_hub(net) : CONCERT_NETWORK_NO_HUB;
  double wmax = 0;
  for (size_t e = 0; net && e < concert_network_edges(net); e++) {
    double wt = concert_network_edge(net, e)->weight;
    if (wt > wmax) wmax = wt;
  }
  char title[300];
  snprintf(title, sizeof title, "%s: bilateral deals (%s model)", concert_scenario_forum_id(s, f),
           concert_outcome_model(o));
  concert_i_svg w = {0};
  concert_i_svg_begin(&w, WIDTH, HEIGHT, title);
  concert_i_svg_text(&w, 10, 22, "start", 15, true, title, 0);
  if (hub != CONCERT_NETWORK_NO_HUB) {
    char sub[200];
    snprintf(sub, sizeof sub, "line width: the pair's weight in the network (its number of deals); hub %s (vermillion square), "
             "its spokes blue circles", concert_scenario_actor_id(s, concert_scenario_forum_member(s, f, hub)));
    concert_i_svg_text(&w, 10, 40, "start", 11, false, sub, 0);
  } else {
    concert_i_svg_text(&w, 10, 40, "start", 11, false,
                       "no bilateral deal (only the exchange model makes deals: --model exchange)", 0);
  }
  for (size_t e = 0; net && e < concert_network_edges(net); e++) {
    const concert_network_tie *t = concert_network_edge(net, e);
    size_t a = concert_scenario_forum_member(s, f, t->a), b = concert_scenario_forum_member(s, f, t->b);
    concert_i_svg tt = {0};
    concert_i_svg_printf(&tt, "%s - %s: weight %.3f", concert_scenario_actor_id(s, a),
                         concert_scenario_actor_id(s, b), t->weight);
    for (size_t d = 0; d < concert_outcome_deal_count(o); d++) {
      const concert_deal *dl = concert_outcome_deal(o, d);
      if (!((dl->actor_a == a && dl->actor_b == b) || (dl->actor_a == b && dl->actor_b == a))) continue;
      concert_i_svg_printf(&tt, "; %s gives on %s, %s gives on %s (gains %.3f, %.3f)",
                           concert_scenario_actor_id(s, dl->actor_a), concert_scenario_issue_id(s, dl->issue_a),
                           concert_scenario_actor_id(s, dl->actor_b), concert_scenario_issue_id(s, dl->issue_b),
                           dl->gain_a, dl->gain_b);
    }
    double x1, y1, x2, y2;
    at(t->a, n, &x1, &y1);
    at(t->b, n, &x2, &y2);
    concert_i_svg_line(&w, x1, y1, x2, y2, CONCERT_I_GREY, 1.5 + 8.5 * (wmax > 0 ? t->weight / wmax : 0),
                       NULL, tt.oom ? "deal" : tt.buf);
    free(tt.buf);
  }
  for (size_t i = 0; i < n; i++) {
    size_t a = concert_scenario_forum_member(s, f, i);
    double x, y;
    at(i, n, &x, &y);
    bool is_hub = i == hub;
    concert_network_actor st = {0};
    if (net) concert_network_actor_stats(net, i, &st);
    bool spoke = st.is_spoke;
    size_t deg = st.degree;
    char t[300];
    snprintf(t, sizeof t, "%s (%s): %zu deal partner%s%s", concert_scenario_actor_id(s, a),
             concert_scenario_actor_name(s, a), deg, deg == 1 ? "" : "s",
             is_hub ? "; the hub" : spoke ? "; a spoke of the hub" : "");
    concert_i_svg_group(&w, t);
    if (is_hub) concert_i_svg_rect(&w, x - 14, y - 14, 28, 28, CONCERT_I_OI_VERMILLION, 1, NULL);
    else
      concert_i_svg_printf(&w, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"11.0\" fill=\"%s\"/>\n", x, y,
                           spoke ? CONCERT_I_OI_BLUE : deg ? CONCERT_I_OI_SKY : "#FFFFFF");
    if (!is_hub && !spoke && !deg)
      concert_i_svg_printf(&w, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"11.0\" fill=\"none\" stroke=\"%s\"/>\n", x, y, CONCERT_I_GREY);
    double ly = y < CY ? y - 20 : y + 30;
    concert_i_svg_text(&w, x, ly, "middle", 12, is_hub, concert_scenario_actor_id(s, a), 16);
    concert_i_svg_group_end(&w);
  }
  concert_i_svg_end(&w);
  return concert_i_svg_finish(&w, svg, diag);
}
