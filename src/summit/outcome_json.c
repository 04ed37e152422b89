/* outcome_json.c: the complete summit outcome as JSON (docs/json-schema.md), through the
 * library's one JSON writer path (io/json_out.h: checked set and append, one finish). */
#include <jansson.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#include "io/json_out.h"
#include "scenario/scenario_i.h"
#include "status/diag.h"
#include "summit/outcome_i.h"

#define SET(o, k, v) concert_i_json_set((o), (k), (v), bad)
#define PUSH(a, v) concert_i_json_push((a), (v), bad)

static json_t *idarr(const concert_scenario *s, const size_t *v, size_t n, int *bad) {
  json_t *a = json_array();
  for (size_t i = 0; a && i < n; i++) PUSH(a, json_string(s->actors[v[i]].id));
  return a;
}

static json_t *attendance(const concert_outcome *o, int *bad) {
  const concert_scenario *s = o->s;
  const concert_i_forum *f = &s->forums[o->forum];
  json_t *arr = json_array();
  for (size_t i = 0; i < f->n_members; i++) {
    const concert_attendance *a = &o->att[i];
    json_t *x = json_object();
    SET(x, "actor", json_string(s->actors[a->actor].id));
    SET(x, "attendance", json_string(concert_attendance_name(a->kind)));
    bool sess = a->kind == CONCERT_ATTENDANCE_DEPARTED || a->kind == CONCERT_ATTENDANCE_LEADER_LEFT;
    SET(x, "before_session", sess ? json_string(f->sessions[a->session].id) : json_null());
    SET(x, "exogenous", json_boolean(a->exogenous && a->kind != CONCERT_ATTENDANCE_PRESENT));
    PUSH(arr, x);
  }
  return arr;
}

static json_t *hinge(const concert_scenario *s, const concert_hinge *h, int *bad) {
  if (h->field == CONCERT_HINGE_NONE) return json_null();
  json_t *x = json_object();
  SET(x, "actor", json_string(s->actors[h->actor].id));
  SET(x, "input", json_string(concert_hinge_field_name(h->field)));
  SET(x, "from", concert_i_json_num(h->from));
  SET(x, "to", concert_i_json_num(h->to));
  SET(x, "points", concert_i_json_num(fabs(h->to - h->from)));
  SET(x, "low", concert_i_json_num(h->lo));
  SET(x, "high", concert_i_json_num(h->hi));
  return x;
}

static json_t *issues(const concert_outcome *o, int *bad) {
  const concert_scenario *s = o->s;
  const concert_i_forum *f = &s->forums[o->forum];
  json_t *arr = json_array();
  for (size_t r = 0; r < o->n_res; r++) {
    const concert_issue_result *res = &o->res[r];
    json_t *x = json_object();
    SET(x, "issue", json_string(s->issues[res->issue].id));
    SET(x, "session", json_string(f->sessions[res->session].id));
    SET(x, "negotiated", json_boolean(res->negotiated));
    SET(x, "tabled", json_boolean(res->tabled));
    SET(x, "reversion", concert_i_json_num(s->issues[res->issue].reversion));
    SET(x, "expected", concert_i_json_num(o->expected[res->issue]));
    SET(x, "outcome", concert_i_json_num(res->outcome));
    SET(x, "dispersion", concert_i_json_num(res->dispersion));
    if (isnan(res->dispersion)) /* null means undefined: say why */
      SET(x, "dispersion_reason", json_string("no member present at its session"));
    SET(x, "statement",
        json_string(res->kind == CONCERT_STATEMENT_JOINT         ? "joint"
                    : res->kind == CONCERT_STATEMENT_MINILATERAL ? "members"
                                                                 : "none"));
    SET(x, "text", concert_i_json_num(res->text));
    SET(x, "signatories", idarr(s, res->signatories, res->n_signatories, bad));
    SET(x, "partners", idarr(s, res->partners, res->n_partners, bad));
    SET(x, "rejected_by", idarr(s, res->rejecters, res->n_rejecters, bad));
    SET(x, "dissociating", idarr(s, res->dissociating, res->n_dissociating, bad));
    SET(x, "chair_summary",
        res->in_summary ? json_string(concert_wording_name(res->wording)) : json_null());
    SET(x, "depends_exogenous", json_boolean(res->depends_exogenous));
    SET(x, "reason", json_string(res->reason ? res->reason : ""));
    SET(x, "hinge", hinge(s, &res->hinge, bad));
    PUSH(arr, x);
  }
  return arr;
}

static json_t *objections(const concert_outcome *o, int *bad) {
  const concert_scenario *s = o->s;
  json_t *arr = json_array();
  for (size_t i = 0; i < o->n_vetoes; i++) {
    const concert_veto *v = &o->vetoes[i];
    json_t *x = json_object();
    SET(x, "actor", json_string(s->actors[v->actor].id));
    SET(x, "issue", json_string(s->issues[v->issue].id));
    SET(x, "role", json_string(concert_objection_name(v->role)));
    SET(x, "text", concert_i_json_num(v->text));
    SET(x, "reason", json_string(v->red_line ? "red line" : "worse than reversion"));
    SET(x, "excess", concert_i_json_num(v->excess));
    PUSH(arr, x);
  }
  return arr;
}

static json_t *document(const concert_outcome *o, int *bad) {
  const concert_scenario *s = o->s;
  concert_communique c = concert_outcome_communique(o);
  json_t *cm = json_object();
  SET(cm, "document", json_string(c.declaration ? "declaration" : "communique"));
  SET(cm, "fate", json_string(concert_document_fate_name(c.fate)));
  SET(cm, "chair_forwent", json_boolean(c.chair_forwent));
  SET(cm, "attempted", json_boolean(c.attempted));
  SET(cm, "issued", json_boolean(c.issued));
  SET(cm, "expected_chance", concert_i_json_num(c.expected_chance));
  SET(cm, "evaluations", json_integer((json_int_t)c.n_evaluations));
  SET(cm, "depends_exogenous", json_boolean(c.depends_exogenous));
  json_t *hs = json_array();
  for (size_t i = 0; i < concert_outcome_document_hinge_count(o); i++) {
    const concert_document_hinge *h = concert_outcome_document_hinge(o, i);
    json_t *x = json_object();
    SET(x, "field", json_string(concert_hinge_field_name(h->field)));
    SET(x, "actor", h->actor == SIZE_MAX ? json_null() : json_string(s->actors[h->actor].id));
    SET(x, "issue", h->issue == SIZE_MAX ? json_null() : json_string(s->issues[h->issue].id));
    SET(x, "value", concert_i_json_num(h->value));
    SET(x, "at", concert_i_json_num(h->at));
    SET(x, "fate", json_string(concert_document_fate_name(h->fate)));
    PUSH(hs, x);
  }
  SET(cm, "hinges", hs);
  SET(cm, "endorsers", idarr(s, c.endorsers, c.n_endorsers, bad));
  SET(cm, "objectors", idarr(s, c.objectors, c.n_objectors, bad));
  SET(cm, "dissociating", idarr(s, c.dissociating, c.n_dissociating, bad));
  SET(cm, "withdrawn", idarr(s, c.withdrawn, c.n_withdrawn, bad));
  json_t *ps = json_array();
  for (size_t r = 0; r < c.n_paragraphs; r++) {
    const concert_paragraph *p = &c.paragraphs[r];
    if (!o->res[r].negotiated) continue;
    json_t *x = json_object();
    SET(x, "issue", json_string(s->issues[p->issue].id));
    SET(x, "fate", json_string(concert_paragraph_fate_name(p->fate)));
    SET(x, "drafted", concert_i_json_num(p->drafted));
    SET(x, "text", concert_i_json_num(p->text));
    SET(x, "carved_out", idarr(s, p->carved_out, p->n_carved_out, bad));
    SET(x, "restating", json_boolean(p->restating));
    PUSH(ps, x);
  }
  SET(cm, "paragraphs", ps);
  SET(cm, "reason", json_string(c.reason));
  return cm;
}

static json_t *deals(const concert_outcome *o, int *bad) {
  const concert_scenario *s = o->s;
  json_t *arr = json_array();
  for (size_t i = 0; i < o->n_deals; i++) {
    const concert_deal *dl = &o->deals[i];
    json_t *x = json_object();
    SET(x, "a", json_string(s->actors[dl->actor_a].id));
    SET(x, "b", json_string(s->actors[dl->actor_b].id));
    SET(x, "a_gives_on", json_string(s->issues[dl->issue_a].id));
    SET(x, "b_gives_on", json_string(s->issues[dl->issue_b].id));
    SET(x, "shift_a", concert_i_json_num(dl->shift_a));
    SET(x, "shift_b", concert_i_json_num(dl->shift_b));
    SET(x, "gain_a", concert_i_json_num(dl->gain_a));
    SET(x, "gain_b", concert_i_json_num(dl->gain_b));
    PUSH(arr, x);
  }
  return arr;
}

static json_t *network(const concert_outcome *o, int *bad) {
  const concert_scenario *s = o->s;
  const concert_i_forum *f = &s->forums[o->forum];
  if (!o->net) return json_null();
  concert_network_summary ns;
  concert_network_summarize(o->net, &ns);
  json_t *net = json_object();
  SET(net, "pairs", json_integer((json_int_t)ns.n_edges));
  SET(net, "hub",
      ns.hub == CONCERT_NETWORK_NO_HUB ? json_null()
                                       : json_string(s->actors[f->members[ns.hub]].id));
  json_t *sp = json_array();
  for (size_t i = 0; i < concert_network_spoke_count(o->net); i++)
    PUSH(sp, json_string(s->actors[f->members[concert_network_spoke(o->net, i)]].id));
  SET(net, "spokes", sp);
  SET(net, "degree_centralization", concert_i_json_num(ns.degree_centralization));
  SET(net, "betweenness_centralization", concert_i_json_num(ns.betweenness_centralization));
  json_t *deg = json_object();
  for (size_t i = 0; i < f->n_members; i++) {
    json_t *x = json_object();
    SET(x, "degree", json_integer((json_int_t)concert_network_degree(o->net, i)));
    SET(x, "betweenness", concert_i_json_num(concert_network_betweenness(o->net, i)));
    SET(deg, s->actors[f->members[i]].id, x);
  }
  SET(net, "actors", deg);
  return net;
}

concert_status concert_outcome_to_json(const concert_outcome *o, char **out, concert_diag *d) {
  if (!o || !out) return CONCERT_FAIL(d, CONCERT_ERR_ARGUMENT, "NULL argument");
  *out = NULL;
  int b = 0, *bad = &b;
  const concert_scenario *s = o->s;
  const concert_i_forum *f = &s->forums[o->forum];
  json_t *root = json_object();
  SET(root, "schema", json_string("concert-outcome/2"));
  SET(root, "scenario", json_string(s->name));
  SET(root, "forum", json_string(f->id));
  SET(root, "model", json_string(o->model));
  SET(root, "chair", json_string(s->actors[f->chair].id));
  SET(root, "quorum", json_string(f->quorum_all ? "all" : "present"));
  SET(root, "members", idarr(s, f->members, f->n_members, bad));
  SET(root, "invited", idarr(s, f->invited, f->n_invited, bad));
  SET(root, "attendance", attendance(o, bad));
  SET(root, "issues", issues(o, bad));
  SET(root, "objections", objections(o, bad));
  SET(root, "communique", document(o, bad));
  SET(root, "deals", deals(o, bad));
  SET(root, "network", network(o, bad));
  concert_rift rift;
  if (concert_rift_from_outcome(o, &rift, NULL) == CONCERT_OK) {
    json_t *rj = json_object();
    for (int k = 0; k < CONCERT_RIFT_N; k++) {
      json_t *x = json_object();
      SET(x, "value", concert_i_json_num(rift.value[k]));
      SET(x, "flag", json_boolean(rift.flag[k] == CONCERT_TRI_YES));
      SET(rj, concert_rift_component_id((concert_rift_component)k), x);
    }
    SET(root, "rift", rj);
  }
  json_t *gains = json_object();
  for (size_t i = 0; i < f->n_members; i++)
    SET(gains, s->actors[f->members[i]].id, concert_i_json_num(o->gain[i]));
  SET(root, "net_gain_points", gains);
  return concert_i_json_finish(root, b, 10, out, d, "out of memory for the JSON text");
}
