/* export_dot.c: the deal network of an outcome as Graphviz DOT (concert_network_to_dot). */
#include <concert/report.h>
#include <stdlib.h>

#include "report/svg_i.h"
#include "status/diag.h"

/* Appends s as a quoted DOT id: backslash and double quote escaped, newline as \n, other
 * control characters dropped. */
static void quoted(concert_i_svg *w, const char *s) {
  concert_i_svg_raw(w, "\"");
  char one[2] = {0, 0};
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    if (*p == '"')
      concert_i_svg_raw(w, "\\\"");
    else if (*p == '\\')
      concert_i_svg_raw(w, "\\\\");
    else if (*p == '\n')
      concert_i_svg_raw(w, "\\n");
    else if (*p < 0x20 || *p == 0x7f)
      continue;
    else {
      one[0] = (char)*p;
      concert_i_svg_raw(w, one);
    }
  }
  concert_i_svg_raw(w, "\"");
}

concert_status concert_network_to_dot(const concert_outcome *o, char **out, concert_diag *diag) {
  if (out) *out = NULL;
  if (!o || !out)
    return CONCERT_FAIL(diag, CONCERT_ERR_ARGUMENT, "concert_network_to_dot: NULL argument");
  const concert_scenario *s = concert_outcome_scenario(o);
  size_t f = concert_outcome_forum(o), n = concert_scenario_forum_member_count(s, f);
  const concert_network *net = concert_outcome_network(o);
  size_t hub = net ? concert_network_hub(net) : CONCERT_NETWORK_NO_HUB;
  concert_i_svg w = {0};
  concert_i_svg_raw(&w, "graph ");
  quoted(&w, concert_scenario_forum_id(s, f));
  concert_i_svg_raw(&w, " {\n");
  for (size_t i = 0; i < n; i++) {
    size_t a = concert_scenario_forum_member(s, f, i);
    concert_network_actor st = {0};
    if (net) concert_network_actor_stats(net, i, &st);
    bool spoke = st.is_spoke;
    concert_i_svg_raw(&w, "  ");
    quoted(&w, concert_scenario_actor_id(s, a));
    concert_i_svg_raw(&w, " [label=");
    quoted(&w, concert_scenario_actor_name(s, a));
    concert_i_svg_printf(&w, ", degree=%zu, hub=%s, spoke=%s%s];\n", st.degree,
                         i == hub ? "true" : "false", spoke ? "true" : "false",
                         i == hub ? ", shape=box, penwidth=3" : "");
  }
  for (size_t d = 0; d < concert_outcome_deal_count(o); d++) {
    const concert_deal *dl = concert_outcome_deal(o, d);
    concert_i_svg_raw(&w, "  ");
    quoted(&w, concert_scenario_actor_id(s, dl->actor_a));
    concert_i_svg_raw(&w, " -- ");
    quoted(&w, concert_scenario_actor_id(s, dl->actor_b));
    concert_i_svg_raw(&w, " [issue_a=");
    quoted(&w, concert_scenario_issue_id(s, dl->issue_a));
    concert_i_svg_raw(&w, ", issue_b=");
    quoted(&w, concert_scenario_issue_id(s, dl->issue_b));
    concert_i_svg_printf(&w, ", gain_a=%.6f, gain_b=%.6f, round=%zu];\n", dl->gain_a, dl->gain_b,
                         dl->round);
  }
  concert_i_svg_raw(&w, "}\n");
  return concert_i_svg_finish(&w, out, diag);
}
