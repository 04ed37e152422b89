/* export_graphml.c: the deal network of an outcome as GraphML (concert_network_to_graphml). */
#include <concert/report.h>
#include <stdlib.h>

#include "report/svg_i.h"
#include "status/diag.h"

/* The GraphML keys: one declaration per attribute, nodes then edges. */
static const char *const KEYS =
    "  <key id=\"name\" for=\"node\" attr.name=\"name\" attr.type=\"string\"/>\n"
    "  <key id=\"degree\" for=\"node\" attr.name=\"degree\" attr.type=\"int\"/>\n"
    "  <key id=\"hub\" for=\"node\" attr.name=\"hub\" attr.type=\"boolean\">\n"
    "    <default>false</default>\n  </key>\n"
    "  <key id=\"spoke\" for=\"node\" attr.name=\"spoke\" attr.type=\"boolean\">\n"
    "    <default>false</default>\n  </key>\n"
    "  <key id=\"issue_a\" for=\"edge\" attr.name=\"issue_a\" attr.type=\"string\"/>\n"
    "  <key id=\"issue_b\" for=\"edge\" attr.name=\"issue_b\" attr.type=\"string\"/>\n"
    "  <key id=\"gain_a\" for=\"edge\" attr.name=\"gain_a\" attr.type=\"double\"/>\n"
    "  <key id=\"gain_b\" for=\"edge\" attr.name=\"gain_b\" attr.type=\"double\"/>\n"
    "  <key id=\"round\" for=\"edge\" attr.name=\"round\" attr.type=\"int\"/>\n";

static void data(concert_i_svg *w, const char *key, const char *text) {
  concert_i_svg_printf(w, "      <data key=\"%s\">", key);
  concert_i_svg_esc(w, text, 0);
  concert_i_svg_raw(w, "</data>\n");
}

concert_status concert_network_to_graphml(const concert_outcome *o, char **out,
                                          concert_diag *diag) {
  if (out) *out = NULL;
  if (!o || !out)
    return CONCERT_FAIL(diag, CONCERT_ERR_ARGUMENT, "concert_network_to_graphml: NULL argument");
  const concert_scenario *s = concert_outcome_scenario(o);
  size_t f = concert_outcome_forum(o), n = concert_scenario_forum_member_count(s, f);
  const concert_network *net = concert_outcome_network(o);
  size_t hub = net ? concert_network_hub(net) : CONCERT_NETWORK_NO_HUB;
  concert_i_svg w = {0};
  concert_i_svg_raw(&w,
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n");
  concert_i_svg_raw(&w, KEYS);
  concert_i_svg_raw(&w, "  <graph id=\"");
  concert_i_svg_esc(&w, concert_scenario_forum_id(s, f), 0);
  concert_i_svg_raw(&w, "\" edgedefault=\"undirected\">\n");
  for (size_t i = 0; i < n; i++) {
    size_t a = concert_scenario_forum_member(s, f, i);
    concert_network_actor st = {0};
    if (net) concert_network_actor_stats(net, i, &st);
    bool spoke = st.is_spoke;
    concert_i_svg_raw(&w, "    <node id=\"");
    concert_i_svg_esc(&w, concert_scenario_actor_id(s, a), 0);
    concert_i_svg_raw(&w, "\">\n");
    data(&w, "name", concert_scenario_actor_name(s, a));
    concert_i_svg_printf(&w, "      <data key=\"degree\">%zu</data>\n", st.degree);
    if (i == hub) concert_i_svg_raw(&w, "      <data key=\"hub\">true</data>\n");
    if (spoke) concert_i_svg_raw(&w, "      <data key=\"spoke\">true</data>\n");
    concert_i_svg_raw(&w, "    </node>\n");
  }
  for (size_t d = 0; d < concert_outcome_deal_count(o); d++) {
    const concert_deal *dl = concert_outcome_deal(o, d);
    concert_i_svg_printf(&w, "    <edge id=\"d%zu\" source=\"", d);
    concert_i_svg_esc(&w, concert_scenario_actor_id(s, dl->actor_a), 0);
    concert_i_svg_raw(&w, "\" target=\"");
    concert_i_svg_esc(&w, concert_scenario_actor_id(s, dl->actor_b), 0);
    concert_i_svg_raw(&w, "\">\n");
    data(&w, "issue_a", concert_scenario_issue_id(s, dl->issue_a));
    data(&w, "issue_b", concert_scenario_issue_id(s, dl->issue_b));
    concert_i_svg_printf(&w, "      <data key=\"gain_a\">%.6f</data>\n", dl->gain_a);
    concert_i_svg_printf(&w, "      <data key=\"gain_b\">%.6f</data>\n", dl->gain_b);
    concert_i_svg_printf(&w, "      <data key=\"round\">%zu</data>\n", dl->round);
    concert_i_svg_raw(&w, "    </edge>\n");
  }
  concert_i_svg_raw(&w, "  </graph>\n</graphml>\n");
  return concert_i_svg_finish(&w, out, diag);
}
