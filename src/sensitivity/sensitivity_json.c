/* sensitivity_json.c: the tipping points as JSON (schema concert-sensitivity/1,
 * docs/json-schema.md), through the library's one JSON writer path (io/json_out.h). */
#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>

#include "io/json_out.h"
#include "scenario/scenario_i.h"
#include "sensitivity/sensitivity_i.h"
#include "status/diag.h"

#define SET(o, k, v) concert_i_json_set((o), (k), (v), bad)
#define PUSH(a, v) concert_i_json_push((a), (v), bad)

static const char *kind_name(concert_headline_kind k) {
  return k == CONCERT_HEADLINE_DOCUMENT            ? "document"
         : k == CONCERT_HEADLINE_DOCUMENT_EXPECTED ? "document_expected"
                                                   : "statement";
}

/* A result: the fate's name, or the statement's kind ("none", "joint", "minilateral") and
 * label. */
static json_t *result(concert_headline_kind k, concert_headline_result r, int *bad) {
  json_t *x = json_object();
  if (k != CONCERT_HEADLINE_STATEMENT) {
    SET(x, "fate", json_string(concert_document_fate_name(r.fate)));
  } else {
    static const char *const kinds[] = {"none", "joint", "minilateral"};
    SET(x, "statement", json_string(kinds[r.kind]));
    SET(x, "forum_label", json_boolean(r.kind != CONCERT_STATEMENT_NONE && r.forum_label));
  }
  SET(x, "words", json_string(concert_headline_result_words(k, r)));
  return x;
}

static json_t *point(const concert_scenario *s, concert_headline_kind k,
                     const concert_tipping_point *p, int *bad) {
  json_t *x = json_object();
  SET(x, "actor", p->actor == SIZE_MAX ? json_null() : json_string(s->actors[p->actor].id));
  SET(x, "partner", json_boolean(p->partner));
  SET(x, "field", json_string(concert_hinge_field_name(p->field)));
  SET(x, "issue", p->issue == SIZE_MAX ? json_null() : json_string(s->issues[p->issue].id));
  SET(x, "value", concert_i_json_num(p->value));
  SET(x, "low", concert_i_json_num(p->lo));
  SET(x, "high", concert_i_json_num(p->hi));
  SET(x, "direction", json_string(p->direction < 0 ? "down" : "up"));
  SET(x, "flip_at", concert_i_json_num(p->at));
  SET(x, "change", concert_i_json_num(p->change));
  SET(x, "within_range", json_boolean(p->within));
  SET(x, "result", result(k, p->result, bad));
  return x;
}

concert_status concert_sensitivity_to_json(const concert_sensitivity *x, char **out,
                                           concert_diag *d) {
  if (!x || !out) return CONCERT_FAIL(d, CONCERT_ERR_ARGUMENT, "NULL argument");
  *out = NULL;
  int b = 0, *bad = &b;
  const concert_scenario *s = x->s;
  const concert_i_forum *f = &s->forums[x->forum];
  json_t *root = json_object();
  SET(root, "schema", json_string("concert-sensitivity/1"));
  SET(root, "scenario", json_string(s->name));
  SET(root, "forum", json_string(f->id));
  SET(root, "model", json_string(x->model));
  SET(root, "ranges", json_integer((json_int_t)x->n_ranges));
  SET(root, "plays", json_integer((json_int_t)x->n_plays));
  json_t *tol = json_object();
  SET(tol, "points", json_real(0.05));
  SET(tol, "salience", json_real(0.001));
  SET(tol, "capability", json_real(0.01));
  SET(root, "tolerance", tol);
  json_t *hs = json_array();
  for (size_t i = 0; i < x->n_h; i++) {
    const concert_headline *h = &x->h[i];
    json_t *hj = json_object();
    SET(hj, "headline", json_string(kind_name(h->kind)));
    SET(hj, "issue", h->issue == SIZE_MAX ? json_null() : json_string(s->issues[h->issue].id));
    SET(hj, "result", result(h->kind, h->result, bad));
    SET(hj, "hinges_on", h->n_points ? point(s, h->kind, &h->points[0], bad) : json_null());
    SET(hj, "no_flip", json_integer((json_int_t)h->n_no_flip));
    json_t *ps = json_array();
    for (size_t j = 0; j < h->n_points; j++) PUSH(ps, point(s, h->kind, &h->points[j], bad));
    SET(hj, "tipping_points", ps);
    PUSH(hs, hj);
  }
  SET(root, "headlines", hs);
  return concert_i_json_finish(root, b, 10, out, d, "out of memory for the JSON text");
}
