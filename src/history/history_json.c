/* history_json.c: the recorded summits of one forum in a range of years, with their rift
 * components, flags, evidence and codes, as JSON (schema concert-history/1,
 * docs/json-schema.md), via jansson. */
#include <concert/history.h>
#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "io/json_out.h"
#include "status/diag.h"

/* A string, or NULL when it is not valid UTF-8 or memory runs out (concert_i_json_set() notes
 * that). */
static json_t *str(const char *s) { return json_string(s ? s : ""); }

/* A ';'-separated cell as an array of strings ("" gives [], "a;b" gives ["a","b"]). */
static json_t *list(const char *s, int *bad) {
  json_t *a = json_array();
  while (a && s && *s) {
    const char *e = strchr(s, ';');
    concert_i_json_push(a, json_stringn(s, e ? (size_t)(e - s) : strlen(s)), bad);
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
  concert_i_json_set(x, "year", json_integer(s->year), bad);
  concert_i_json_set(x, "summit_no", json_integer(s->summit_no), bad);
  concert_i_json_set(x, "format", str(s->format), bad);
  concert_i_json_set(x, "host_country", str(s->host_country), bad);
  concert_i_json_set(x, "host_city", str(s->host_city), bad);
  concert_i_json_set(x, "dates", str(s->dates), bad);
  concert_i_json_set(x, "held", json_boolean(s->held), bad);
  concert_i_json_set(x, "members", json_integer(s->n_members), bad);
  concert_i_json_set(x, "main_document", str(s->main_document), bad);
  const char *cells[][2] = {{"communique", s->communique},
                            {"chair_summary_replaced_communique", s->chair_summary},
                            {"endorsement_withdrawn_by", s->withdrawn_by},
                            {"departures", s->departures},
                            {"absences", s->absences},
                            {"russia_participation", s->russia},
                            {"disputes", s->disputes}};
  for (size_t k = 0; k < sizeof cells / sizeof cells[0]; k++)
    if (cells[k][1] && *cells[k][1]) /* "": a column the forum's table does not have */
      concert_i_json_set(x, cells[k][0], str(cells[k][1]), bad);
  concert_i_json_set(x, "n_statements",
                     s->n_statements >= 0 ? json_integer(s->n_statements) : json_null(), bad);
  json_t *rift = json_object();
  for (int c = 0; c < CONCERT_RIFT_N; c++) {
    json_t *y = json_object();
    concert_i_json_set(y, "value", concert_i_json_num(r.value[c]), bad);
    concert_i_json_set(y, "flag", json_string(tri_word(r.flag[c])), bad);
    concert_i_json_set(y, "evidence", str(ev.text[c]), bad);
    concert_i_json_set(rift, concert_rift_component_id((concert_rift_component)c), y, bad);
  }
  concert_i_json_set(x, "rift", rift, bad);
  json_t *codes = json_array();
  for (size_t k = 0; k < s->n_codes; k++) {
    const concert_rift_code *code = &s->codes[k];
    json_t *y = json_object();
    concert_i_json_set(y, "component", json_string(concert_rift_component_id(code->component)),
                       bad);
    concert_i_json_set(y, "actors", list(code->actors, bad), bad);
    concert_i_json_set(y, "issue", str(code->issue), bad);
    concert_i_json_set(y, "note", str(code->note), bad);
    concert_i_json_set(y, "sources", list(code->sources, bad), bad);
    concert_i_json_push(codes, y, bad);
  }
  concert_i_json_set(x, "codes", codes, bad);
  concert_i_json_set(x, "sources", list(s->sources, bad), bad);
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
  concert_i_json_set(root, "schema", json_string("concert-history/1"), &bad);
  concert_i_json_set(root, "forum", json_string(concert_forum_kind_name(forum)), &bad);
  json_t *years = json_array();
  concert_i_json_push(years, json_integer(year_from), &bad);
  concert_i_json_push(years, json_integer(year_to), &bad);
  concert_i_json_set(root, "years", years, &bad);
  json_t *th = json_object();
  for (int c = 0; c < CONCERT_RIFT_N; c++)
    concert_i_json_set(th, concert_rift_component_id((concert_rift_component)c),
                       concert_i_json_num(concert_rift_threshold((concert_rift_component)c)), &bad);
  concert_i_json_set(root, "thresholds", th, &bad);
  json_t *summits = json_array();
  size_t n = concert_history_count(h, forum);
  for (size_t i = 0; i < n; i++) {
    const concert_summit_record *s = concert_history_at(h, forum, i);
    if (s->year >= year_from && s->year <= year_to)
      concert_i_json_push(summits, summit(s, &bad), &bad);
  }
  concert_i_json_set(root, "summits", summits, &bad);
  return concert_i_json_finish(root, bad, 10, out, d,
                               "cannot write the history as JSON: a cell is not valid UTF-8, or "
                               "memory ran out");
}
