/* outcome.c: accessors and release of the summit outcome. */
#include <math.h>
#include <stdlib.h>

#include "scenario/scenario_i.h"
#include "summit/outcome_i.h"

concert_status concert_i_idlist_push(concert_i_idlist *l, size_t x) {
  if (l->n == l->cap) {
    size_t cap = l->cap ? 2 * l->cap : 8;
    size_t *v = realloc(l->v, cap * sizeof *v);
    if (!v) return CONCERT_ERR_NOMEM;
    l->v = v;
    l->cap = cap;
  }
  l->v[l->n++] = x;
  return CONCERT_OK;
}

concert_status concert_i_idlist_copy(concert_i_idlist *to, const concert_i_idlist *from) {
  to->n = 0;
  for (size_t i = 0; i < from->n; i++)
    if (concert_i_idlist_push(to, from->v[i])) return CONCERT_ERR_NOMEM;
  return CONCERT_OK;
}

void concert_outcome_free(concert_outcome *o) {
  if (!o) return;
  for (size_t i = 0; i < o->n_res; i++) {
    if (o->sig) free(o->sig[i].v);
    if (o->par) free(o->par[i].v);
    if (o->rej) free(o->rej[i].v);
    if (o->dis) free(o->dis[i].v);
    if (o->reason) free(o->reason[i]);
    if (o->carved) free(o->carved[i].v);
  }
  free(o->sig), free(o->par), free(o->rej), free(o->dis), free(o->reason), free(o->res);
  free(o->carved), free(o->par_doc), free(o->doc_reason), free(o->att), free(o->hinges);
  free(o->dissociating.v);
  free(o->vetoes), free(o->deps), free(o->gain), free(o->expected), free(o->deals);
  free(o->endorsers.v), free(o->objectors.v), free(o->withdrawn.v);
  concert_network_free(o->net);
  free(o);
}

void concert_i_outcome_reset(concert_outcome *o) {
  size_t nm = o->s->forums[o->forum].n_members;
  for (size_t i = 0; i < o->n_res; i++) {
    o->res[i] = (concert_issue_result){0};
    o->sig[i].n = o->par[i].n = o->rej[i].n = o->dis[i].n = 0;
    free(o->reason[i]);
    o->reason[i] = NULL;
  }
  o->n_vetoes = o->n_deps = o->n_hinges = o->n_deals = 0;
  o->comm = (concert_communique){0};
  o->endorsers.n = o->objectors.n = o->withdrawn.n = o->dissociating.n = 0;
  free(o->doc_reason), free(o->deals);
  o->doc_reason = NULL, o->deals = NULL;
  for (size_t i = 0; i < nm; i++) o->gain[i] = 0;
  concert_network_free(o->net);
  o->net = NULL;
}

const concert_scenario *concert_outcome_scenario(const concert_outcome *o) { return o ? o->s : NULL; }
size_t concert_outcome_document_hinge_count(const concert_outcome *o) { return o ? o->n_hinges : 0; }
const concert_document_hinge *concert_outcome_document_hinge(const concert_outcome *o, size_t i) {
  return (o && i < o->n_hinges) ? &o->hinges[i] : NULL;
}
size_t concert_outcome_forum(const concert_outcome *o) { return o ? o->forum : 0; }
const char *concert_outcome_model(const concert_outcome *o) { return o ? o->model : ""; }
size_t concert_outcome_issue_count(const concert_outcome *o) { return o ? o->n_res : 0; }
const concert_issue_result *concert_outcome_issue(const concert_outcome *o, size_t i) {
  return (o && i < o->n_res) ? &o->res[i] : NULL;
}
size_t concert_outcome_veto_count(const concert_outcome *o) { return o ? o->n_vetoes : 0; }
const concert_veto *concert_outcome_veto(const concert_outcome *o, size_t i) {
  return (o && i < o->n_vetoes) ? &o->vetoes[i] : NULL;
}
size_t concert_outcome_departure_count(const concert_outcome *o) { return o ? o->n_deps : 0; }
const concert_departure *concert_outcome_departure(const concert_outcome *o, size_t i) {
  return (o && i < o->n_deps) ? &o->deps[i] : NULL;
}
concert_communique concert_outcome_communique(const concert_outcome *o) {
  concert_communique c = {0};
  if (!o) return c;
  c = o->comm;
  c.endorsers = o->endorsers.v, c.n_endorsers = o->endorsers.n;
  c.objectors = o->objectors.v, c.n_objectors = o->objectors.n;
  c.withdrawn = o->withdrawn.v, c.n_withdrawn = o->withdrawn.n;
  c.dissociating = o->dissociating.v, c.n_dissociating = o->dissociating.n;
  c.paragraphs = o->par_doc, c.n_paragraphs = o->par_doc ? o->n_res : 0;
  c.reason = o->doc_reason ? o->doc_reason : "";
  return c;
}
const concert_attendance *concert_outcome_attendance(const concert_outcome *o, size_t member) {
  if (!o || !o->att || member >= concert_scenario_forum_member_count(o->s, o->forum)) return NULL;
  return &o->att[member];
}
double concert_outcome_net_gain(const concert_outcome *o, size_t member) {
  if (!o || member >= concert_scenario_forum_member_count(o->s, o->forum)) return NAN;
  return o->gain[member];
}
size_t concert_outcome_deal_count(const concert_outcome *o) { return o ? o->n_deals : 0; }
const concert_deal *concert_outcome_deal(const concert_outcome *o, size_t i) {
  return (o && i < o->n_deals) ? &o->deals[i] : NULL;
}
size_t concert_outcome_joint_count(const concert_outcome *o) {
  size_t n = 0;
  for (size_t i = 0; o && i < o->n_res; i++) n += o->res[i].kind == CONCERT_STATEMENT_JOINT;
  return n;
}
const char *concert_statement_kind_name(concert_statement_kind k) {
  switch (k) {
    case CONCERT_STATEMENT_JOINT: return "joint statement";
    case CONCERT_STATEMENT_MINILATERAL: return "minilateral statement";
    case CONCERT_STATEMENT_NONE: break;
  }
  return "none";
}
const char *concert_wording_name(concert_wording w) {
  switch (w) {
    case CONCERT_WORDING_AGREED: return "agreed";
    case CONCERT_WORDING_DISCUSSED: return "discussed";
    case CONCERT_WORDING_EXCHANGED_VIEWS: break;
  }
  return "exchanged views";
}
const concert_network *concert_outcome_network(const concert_outcome *o) { return o ? o->net : NULL; }

const char *concert_document_fate_name(concert_document_fate f) {
  switch (f) {
    case CONCERT_DOCUMENT_ISSUED: return "issued";
    case CONCERT_DOCUMENT_ISSUED_WITH_CARVE_OUT: return "issued_with_carve_out";
    case CONCERT_DOCUMENT_FORGONE: return "forgone";
    case CONCERT_DOCUMENT_FAILED: return "failed";
    case CONCERT_DOCUMENT_DISOWNED: break;
  }
  return "disowned";
}
const char *concert_paragraph_fate_name(concert_paragraph_fate f) {
  switch (f) {
    case CONCERT_PARAGRAPH_KEPT: return "kept";
    case CONCERT_PARAGRAPH_SOFTENED: return "softened";
    case CONCERT_PARAGRAPH_CARVED_OUT: return "carved_out";
    case CONCERT_PARAGRAPH_DROPPED: return "dropped";
    case CONCERT_PARAGRAPH_RESTATES: break;
  }
  return "restates";
}
const char *concert_objection_name(concert_objection r) {
  switch (r) {
    case CONCERT_OBJECTION_BLOCK: return "blocking";
    case CONCERT_OBJECTION_JOINT_BLOCK: return "joint_block";
    case CONCERT_OBJECTION_DISSOCIATE: break;
  }
  return "dissociating";
}
const char *concert_attendance_name(concert_attendance_kind k) {
  switch (k) {
    case CONCERT_ATTENDANCE_PRESENT: return "present";
    case CONCERT_ATTENDANCE_ABSENT: return "absent";
    case CONCERT_ATTENDANCE_LEADER_ABSENT: return "leader_absent";
    case CONCERT_ATTENDANCE_LEADER_LEFT: return "leader_left";
    case CONCERT_ATTENDANCE_DEPARTED: break;
  }
  return "departed";
}
const char *concert_hinge_field_name(concert_hinge_field f) {
  switch (f) {
    case CONCERT_HINGE_POSITION: return "position";
    case CONCERT_HINGE_RED_LINE: return "red_line";
    case CONCERT_HINGE_TOLERANCE: return "tolerance";
    case CONCERT_HINGE_SALIENCE: return "salience";
    case CONCERT_HINGE_CAPABILITY: return "capability";
    case CONCERT_HINGE_REVERSION: return "reversion";
    case CONCERT_HINGE_NONE: break;
  }
  return "none";
}
