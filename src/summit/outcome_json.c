/* outcome_json.c: the complete summit outcome as JSON (docs/json-schema.md), via jansson. */
#include <jansson.h>
#include <math.h>
#include <stdlib.h>

#include "io/json_out.h"
#include "scenario/scenario_i.h"
#include "status/diag.h"
#include "summit/outcome_i.h"

static json_t *idarr(const concert_scenario *s, const size_t *v, size_t n) {
  json_t *a = json_array();
  for (size_t i = 0; a && i < n; i++) json_array_append_new(a, json_string(s->actors[v[i]].id));
  return a;
}

concert_status concert_outcome_to_json(const concert_outcome *o, char **out, concert_diag *d) {
  if (!o || !out) return CONCERT_FAIL(d, CONCERT_ERR_ARGUMENT, "NULL argument");
  *out = NULL;
  const concert_scenario *s = o->s;
  const concert_i_forum *f = &s->forums[o->forum];
  json_t *root = json_object();
  json_object_set_new(root, "schema", json_string("concert-outcome/1"));
  json_object_set_new(root, "scenario", json_string(s->name));
  json_object_set_new(root, "forum", json_string(f->id));
  json_object_set_new(root, "model", json_string(o->model));
  json_object_set_new(root, "chair", json_string(s->actors[f->chair].id));
  json_object_set_new(root, "members", idarr(s, f->members, f->n_members));
  json_object_set_new(root, "invited", idarr(s, f->invited, f->n_invited));
  json_t *deps = json_array();
  for (size_t i = 0; i < o->n_deps; i++) {
    json_t *x = json_object();
    json_object_set_new(x, "actor", json_string(s->actors[o->deps[i].actor].id));
    json_object_set_new(x, "before_session", json_string(f->sessions[o->deps[i].session].id));
    json_array_append_new(deps, x);
  }
  json_object_set_new(root, "departures", deps);
  json_t *issues = json_array();
  for (size_t r = 0; r < o->n_res; r++) {
    const concert_issue_result *res = &o->res[r];
    json_t *x = json_object();
    json_object_set_new(x, "issue", json_string(s->issues[res->issue].id));
    json_object_set_new(x, "session", json_string(f->sessions[res->session].id));
    json_object_set_new(x, "reversion", concert_i_json_num(s->issues[res->issue].reversion));
    json_object_set_new(x, "expected", concert_i_json_num(o->expected[res->issue]));
    json_object_set_new(x, "outcome", concert_i_json_num(res->outcome));
    json_object_set_new(x, "dispersion", concert_i_json_num(res->dispersion));
    json_object_set_new(x, "statement", json_string(res->kind == CONCERT_STATEMENT_JOINT ? "joint"
                                                    : res->kind == CONCERT_STATEMENT_MINILATERAL ? "minilateral"
                                                                                                  : "none"));
    json_object_set_new(x, "text", concert_i_json_num(res->text));
    json_object_set_new(x, "signatories", idarr(s, res->signatories, res->n_signatories));
    json_object_set_new(x, "partners", idarr(s, res->partners, res->n_partners));
    json_object_set_new(x, "rejected_by", idarr(s, res->rejecters, res->n_rejecters));
    json_object_set_new(x, "chair_summary", res->in_summary ? json_string(concert_wording_name(res->wording)) : json_null());
    json_array_append_new(issues, x);
  }
  json_object_set_new(root, "issues", issues);
  json_t *vetoes = json_array();
  for (size_t i = 0; i < o->n_vetoes; i++) {
    const concert_veto *v = &o->vetoes[i];
    json_t *x = json_object();
    json_object_set_new(x, "actor", json_string(s->actors[v->actor].id));
    json_object_set_new(x, "issue", json_string(s->issues[v->issue].id));
    json_object_set_new(x, "text", concert_i_json_num(v->text));
    json_object_set_new(x, "reason", json_string(v->red_line ? "red line" : "worse than reversion"));
    json_object_set_new(x, "excess", concert_i_json_num(v->excess));
    json_array_append_new(vetoes, x);
  }
  json_object_set_new(root, "vetoes", vetoes);
  concert_communique c = concert_outcome_communique(o);
  json_t *cm = json_object();
  json_object_set_new(cm, "chair_forwent", json_boolean(c.chair_forwent));
  json_object_set_new(cm, "attempted", json_boolean(c.attempted));
  json_object_set_new(cm, "issued", json_boolean(c.issued));
  json_object_set_new(cm, "endorsers", idarr(s, c.endorsers, c.n_endorsers));
  json_object_set_new(cm, "objectors", idarr(s, c.objectors, c.n_objectors));
  json_object_set_new(cm, "withdrawn", idarr(s, c.withdrawn, c.n_withdrawn));
  json_object_set_new(root, "communique", cm);
  json_t *deals = json_array();
  for (size_t i = 0; i < o->n_deals; i++) {
    const concert_deal *dl = &o->deals[i];
    json_t *x = json_object();
    json_object_set_new(x, "a", json_string(s->actors[dl->actor_a].id));
    json_object_set_new(x, "b", json_string(s->actors[dl->actor_b].id));
    json_object_set_new(x, "a_gives_on", json_string(s->issues[dl->issue_a].id));
    json_object_set_new(x, "b_gives_on", json_string(s->issues[dl->issue_b].id));
    json_object_set_new(x, "shift_a", concert_i_json_num(dl->shift_a));
    json_object_set_new(x, "shift_b", concert_i_json_num(dl->shift_b));
    json_object_set_new(x, "gain_a", concert_i_json_num(dl->gain_a));
    json_object_set_new(x, "gain_b", concert_i_json_num(dl->gain_b));
    json_array_append_new(deals, x);
  }
  json_object_set_new(root, "deals", deals);
  json_t *net = json_null();
  if (o->net) {
    concert_network_summary ns;
    concert_network_summarize(o->net, &ns);
    net = json_object();
    json_object_set_new(net, "pairs", json_integer((json_int_t)ns.n_edges));
    json_object_set_new(net, "hub", ns.hub == CONCERT_NETWORK_NO_HUB ? json_null()
                                                                      : json_string(s->actors[f->members[ns.hub]].id));
    json_t *sp = json_array();
    for (size_t i = 0; i < concert_network_spoke_count(o->net); i++)
      json_array_append_new(sp, json_string(s->actors[f->members[concert_network_spoke(o->net, i)]].id));
    json_object_set_new(net, "spokes", sp);
    json_object_set_new(net, "degree_centralization", concert_i_json_num(ns.degree_centralization));
    json_object_set_new(net, "betweenness_centralization",
                        concert_i_json_num(ns.betweenness_centralization));
    json_t *deg = json_object();
    for (size_t i = 0; i < f->n_members; i++) {
      json_t *x = json_object();
      json_object_set_new(x, "degree", json_integer((json_int_t)concert_network_degree(o->net, i)));
      json_object_set_new(x, "betweenness",
                          concert_i_json_num(concert_network_betweenness(o->net, i)));
      json_object_set_new(deg, s->actors[f->members[i]].id, x);
    }
    json_object_set_new(net, "actors", deg);
  }
  json_object_set_new(root, "network", net);
  concert_rift rift;
  if (concert_rift_from_outcome(o, &rift, NULL) == CONCERT_OK) {
    json_t *rj = json_object();
    for (int k = 0; k < CONCERT_RIFT_N; k++) {
      json_t *x = json_object();
      json_object_set_new(x, "value", concert_i_json_num(rift.value[k]));
      json_object_set_new(x, "flag", json_boolean(rift.flag[k] == CONCERT_TRI_YES));
      json_object_set_new(rj, concert_rift_component_id((concert_rift_component)k), x);
    }
    json_object_set_new(root, "rift", rj);
  }
  json_t *gains = json_object();
  for (size_t i = 0; i < f->n_members; i++)
    json_object_set_new(gains, s->actors[f->members[i]].id, concert_i_json_num(o->gain[i]));
  json_object_set_new(root, "net_gain", gains);
  return concert_i_json_finish(root, 0, 10, out, d, "out of memory for the JSON text");
}
