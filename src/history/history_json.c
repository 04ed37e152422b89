/* history_json.c: the recorded summits of one forum in a range of years, with their rift
 * components, flags, evidence and codes, as JSON (schema concert-history/1,
 * docs/json-schema.md), via jansson. */
#include <concert/history.h>
#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "status/diag.h"

/* A real, or null when it does not exist (an unknown component). */
static json_t *num(double x) { return isfinite(x) ? json_real(x) : json_null(); }

/* A string, or NULL when it is not valid UTF-8 or memory runs out (set() notes that). */
static json_t *str(const char *s) { return json_string(s ? s : ""); }

/* o[k] = v (v's reference is taken), noting in *bad a NULL o or v. */
static void set(json_t *o, const char *k, json_t *v, int *bad) {
  if (json_object_set_new(o, k, v) != 0) *bad = 1;
}

/* Appends v to a (v's reference is taken), noting in *bad a NULL a or v. */
static void push(json_t *a, json_t *v, int *bad) {
  if (json_array_append_new(a, v) != 0) *bad = 1;
}

/* A ';'-separated cell as an array of strings ("" gives [], "a;b" gives ["a","b"]). */
static json_t *list(const char *s, int *bad) {
  json_t *a = json_array();
  while (a && s && *s) {
    const char *e = strchr(s, ';');
    push(a, json_stringn(s, e ? (size_t)(e - s) : strlen(s)), bad);
    s = e ? e + 1 : NULL;
  }
  return a;
}

static const char *tri_word(concert_tri f) {
  return f == CONCERT_TRI_YES ? "yes" : f == CONCERT_TRI_NO ? "no" : "unknown";
}

/* One summit's object; the keys of docs/json-schema.md in that order. */
static json_t *summit(const concert_summit_record *s, int *bad) {
  concert_rift r;
  concert_rift_evidence ev;
  concert_rift_from_record(s, &r, &ev, NULL);
  json_t *x = json_object();
  set(x, "year", json_integer(s->year), bad);
  set(x, "summit_no", json_integer(s->summit_no), bad);
  set(x, "format", str(s->format), bad);
  set(x, "host_country", str(s->host_country), bad);
  set(x, "host_city", str(s->host_city), bad);
  set(x, "dates", str(s->dates), bad);
  set(x, "held", json_boolean(s->held), bad);
  set(x, "members", json_integer(s->n_members), bad);
  set(x, "main_document", str(s->main_document), bad);
  const char *cells[][2] = {{"communique", s->communique},
                            {"chair_summary_replaced_communique", s->chair_summary},
                            {"endorsement_withdrawn_by", s->withdrawn_by},
                            {"departures", s->departures},
                            {"absences", s->absences},
                            {"russia_participation", s->russia},
                            {"disputes", s->disputes}};
  for (size_t k = 0; k < sizeof cells / sizeof cells[0]; k++)
    if (cells[k][1] && *cells[k][1]) /* "": a column the forum's table does not have */
      set(x, cells[k][0], str(cells[k][1]), bad);
  set(x, "n_statements", s->n_statements >= 0 ? json_integer(s->n_statements) : json_null(), bad);
  json_t *rift = json_object();
  for (int c = 0; c < CONCERT_RIFT_N; c++) {
    json_t *y = json_object();
    set(y, "value", num(r.value[c]), bad);
    set(y, "flag", json_string(tri_word(r.flag[c])), bad);
    set(y, "evidence", str(ev.text[c]), bad);
    set(rift, concert_rift_component_id((concert_rift_component)c), y, bad);
  }
  set(x, "rift", rift, bad);
  json_t *codes = json_array();
  for (size_t k = 0; k < s->n_codes; k++) {
    const concert_rift_code *code = &s->codes[k];
    json_t *y = json_object();
    set(y, "component", json_string(concert_rift_component_id(code->component)), bad);
    set(y, "actors", list(code->actors, bad), bad);
    set(y, "issue", str(code->issue), bad);
    set(y, "note", str(code->note), bad);
    set(y, "sources", list(code->sources, bad), bad);
    push(codes, y, bad);
  }
  set(x, "codes", codes, bad);
  set(x, "sources", list(s->sources, bad), bad);
  return x;
}

concert_status concert_history_to_json(const concert_history *h, concert_forum_kind forum,
                                       int year_from, int year_to, char **out, concert_diag *d) {
  if (out) *out = NULL;
  if (!h || !out) return CONCERT_FAIL(d, CONCERT_ERR_ARGUMENT, "NULL argument");
  if (forum != CONCERT_FORUM_G7 && forum != CONCERT_FORUM_G20)
    return CONCERT_FAIL(d, CONCERT_ERR_ARGUMENT, "unknown forum kind %d", (int)forum);
  int bad = 0;
  json_t *root = json_object();
  set(root, "schema", json_string("concert-history/1"), &bad);
  set(root, "forum", json_string(concert_forum_kind_name(forum)), &bad);
  json_t *years = json_array();
  push(years, json_integer(year_from), &bad);
  push(years, json_integer(year_to), &bad);
  set(root, "years", years, &bad);
  json_t *th = json_object();
  for (int c = 0; c < CONCERT_RIFT_N; c++)
    set(th, concert_rift_component_id((concert_rift_component)c),
        num(concert_rift_threshold((concert_rift_component)c)), &bad);
  set(root, "thresholds", th, &bad);
  json_t *summits = json_array();
  size_t n = concert_history_count(h, forum);
  for (size_t i = 0; i < n; i++) {
    const concert_summit_record *s = concert_history_at(h, forum, i);
    if (s->year >= year_from && s->year <= year_to) push(summits, summit(s, &bad), &bad);
  }
  set(root, "summits", summits, &bad);
  char *text =
      bad ? NULL : json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(10));
  json_decref(root);
  if (!text)
    return CONCERT_FAIL(d, bad ? CONCERT_ERR_INVALID : CONCERT_ERR_NOMEM,
                        "cannot write the history as JSON: a cell is not valid UTF-8, or "
                        "memory ran out");
  *out = text;
  return CONCERT_OK;
}
