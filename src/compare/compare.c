/* compare.c: side-by-side table of one agenda under several forums (text and JSON). */
#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <concert/compare.h>

#include "scenario/scenario_i.h"
#include "status/diag.h"
#include "summit/outcome_i.h"

double concert_outcome_agreed_share(const concert_outcome *o) {
  if (!o || o->n_res == 0) return NAN;
  return (double)concert_outcome_joint_count(o) / (double)o->n_res;
}

static const concert_issue_result *find_issue(const concert_outcome *o, size_t k) {
  for (size_t r = 0; r < o->n_res; r++)
    if (o->res[r].issue == k) return &o->res[r];
  return NULL;
}

static bool member_index(const concert_outcome *o, size_t a, size_t *i) {
  const concert_i_forum *f = &o->s->forums[o->forum];
  for (size_t j = 0; j < f->n_members; j++)
    if (f->members[j] == a) {
      *i = j;
      return true;
    }
  return false;
}

static concert_status check(const concert_outcome *const *o, size_t n) {
  if (!o || n == 0) return CONCERT_ERR_ARGUMENT;
  for (size_t i = 0; i < n; i++)
    if (!o[i] || o[i]->s != o[0]->s) return CONCERT_ERR_ARGUMENT;
  return CONCERT_OK;
}

concert_status concert_compare_write_text(const concert_outcome *const *o, size_t n, FILE *out) {
  if (check(o, n) || !out) return CONCERT_ERR_ARGUMENT;
  const concert_scenario *s = o[0]->s;
  fprintf(out, "%s\n%-22s", s->name, "issue");
  for (size_t i = 0; i < n; i++) fprintf(out, " %12s", s->forums[o[i]->forum].id);
  fprintf(out, "\n");
  for (size_t k = 0; k < s->n_issues; k++) {
    bool any = false;
    for (size_t i = 0; i < n; i++) any = any || find_issue(o[i], k);
    if (!any) continue;
    fprintf(out, "%-22s", s->issues[k].id);
    for (size_t i = 0; i < n; i++) {
      const concert_issue_result *r = find_issue(o[i], k);
      char cell[32];
      if (!r) snprintf(cell, sizeof cell, "-");
      else if (r->kind == CONCERT_STATEMENT_JOINT) snprintf(cell, sizeof cell, "yes %5.1f", r->text);
      else if (r->kind == CONCERT_STATEMENT_MINILATERAL) snprintf(cell, sizeof cell, "mini %5.1f", r->text);
      else snprintf(cell, sizeof cell, "no");
      fprintf(out, " %12s", cell);
    }
    fprintf(out, "\n");
  }
  fprintf(out, "%-22s", "communique");
  for (size_t i = 0; i < n; i++) {
    concert_communique c = concert_outcome_communique(o[i]);
    fprintf(out, " %12s", c.issued ? (c.n_withdrawn ? "withdrawn" : "yes") : c.chair_forwent ? "forgone" : "failed");
  }
  fprintf(out, "\n%-22s", "share agreed");
  for (size_t i = 0; i < n; i++) fprintf(out, " %12.2f", concert_outcome_agreed_share(o[i]));
  fprintf(out, "\n\nnet gain per member\n");
  for (size_t a = 0; a < s->n_actors; a++) {
    bool any = false;
    size_t j;
    for (size_t i = 0; i < n; i++) any = any || member_index(o[i], a, &j);
    if (!any) continue;
    fprintf(out, "%-22s", s->actors[a].id);
    for (size_t i = 0; i < n; i++) {
      if (member_index(o[i], a, &j)) fprintf(out, " %12.2f", o[i]->gain[j]);
      else fprintf(out, " %12s", "-");
    }
    fprintf(out, "\n");
  }
  return ferror(out) ? CONCERT_ERR_IO : CONCERT_OK;
}

concert_status concert_compare_to_json(const concert_outcome *const *o, size_t n, char **json,
                                       concert_diag *d) {
  if (check(o, n) || !json) return CONCERT_FAIL(d, CONCERT_ERR_ARGUMENT, "bad arguments");
  const concert_scenario *s = o[0]->s;
  json_t *root = json_object(), *forums = json_array();
  json_object_set_new(root, "schema", json_string("concert-compare/1"));
  json_object_set_new(root, "scenario", json_string(s->name));
  for (size_t i = 0; i < n; i++) {
    json_t *f = json_object(), *issues = json_object(), *gains = json_object();
    json_object_set_new(f, "forum", json_string(s->forums[o[i]->forum].id));
    for (size_t r = 0; r < o[i]->n_res; r++) {
      const concert_issue_result *res = &o[i]->res[r];
      json_t *x = json_object();
      json_object_set_new(x, "agreed", json_boolean(res->kind == CONCERT_STATEMENT_JOINT));
      json_object_set_new(x, "statement", json_string(res->kind == CONCERT_STATEMENT_JOINT ? "joint"
                                                      : res->kind == CONCERT_STATEMENT_MINILATERAL ? "minilateral" : "none"));
      json_object_set_new(x, "outcome", isfinite(res->outcome) ? json_real(res->outcome) : json_null());
      json_object_set_new(issues, s->issues[res->issue].id, x);
    }
    json_object_set_new(f, "issues", issues);
    concert_communique c = concert_outcome_communique(o[i]);
    json_object_set_new(f, "communique", json_boolean(c.issued && c.n_withdrawn == 0));
    json_object_set_new(f, "share_agreed", json_real(concert_outcome_agreed_share(o[i])));
    const concert_i_forum *fo = &s->forums[o[i]->forum];
    for (size_t j = 0; j < fo->n_members; j++)
      json_object_set_new(gains, s->actors[fo->members[j]].id, json_real(o[i]->gain[j]));
    json_object_set_new(f, "net_gain", gains);
    json_array_append_new(forums, f);
  }
  json_object_set_new(root, "forums", forums);
  *json = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(10));
  json_decref(root);
  return *json ? CONCERT_OK : CONCERT_FAIL(d, CONCERT_ERR_NOMEM, "out of memory");
}
