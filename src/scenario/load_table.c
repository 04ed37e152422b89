/* load_table.c: turns an actor table (docs/actor-tables.md) into a scenario. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <concert/table.h>

#include "io/read_file.h"
#include "scenario/load_table.h"
#include "scenario/scenario_i.h"
#include "status/diag.h"

/* Issue id from a dimension name: letters, digits, '_', '-', '.' kept, any other character
 * (a whole UTF-8 character, not each of its bytes) becomes '_'. */
static char *issue_id(const char *name, size_t k, size_t n_dims) {
  char buf[40];
  size_t j = 0;
  for (const char *c = name; *c && j < 31; c++) {
    if (((unsigned char)*c & 0xC0) == 0x80) continue; /* one '_' per non-ASCII character */
    bool ok = (*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9') ||
              *c == '_' || *c == '-' || *c == '.';
    buf[j++] = ok ? *c : '_';
  }
  buf[j] = '\0';
  if (j == 0 || n_dims > 1) snprintf(buf + (j > 26 ? 26 : j), sizeof buf - 26, "%s%zu", j ? "_" : "d", k + 1);
  return concert_i_strdup(buf);
}

concert_status concert_i_scenario_from_table_file(const char *path, double reversion,
                                                  concert_scenario **out, concert_diag *d) {
  *out = NULL;
  concert_table *t = NULL;
  char *buf = NULL, limit[96];
  size_t len = 0;
  snprintf(limit, sizeof limit, "larger than %zu bytes, the limit for actor tables",
           (size_t)CONCERT_TABLE_MAX_BYTES);
  /* read once (io/read_file.h): the table and its hash come from the same bytes */
  concert_status st = concert_i_read_file(path, CONCERT_TABLE_MAX_BYTES, limit, &buf, &len, d);
  if (st) return st;
  st = concert_table_load_buffer(buf, len, path, &t, d);
  uint64_t hash = concert_i_fnv1a(CONCERT_I_FNV_BASIS, buf, len);
  free(buf);
  if (st) return st;
  size_t n = concert_table_actors(t), m = concert_table_dimensions(t);
  concert_scenario *s = concert_i_scenario_alloc();
  char src[320];
  snprintf(src, sizeof src, "actor table %s", path);
  if (!s) goto nomem;
  s->file = concert_i_strdup(path);
  s->hash = concert_i_fnv1a(hash, &reversion, sizeof reversion);
  s->name = concert_i_strdup(concert_table_title(t));
  s->description = concert_i_strdup(concert_table_description(t));
  s->model = concert_i_strdup("compromise");
  s->model_params = concert_params_new();
  s->protocol = concert_params_new();
  s->actors = calloc(n, sizeof *s->actors);
  s->issues = calloc(m, sizeof *s->issues);
  s->stances = calloc(n * m, sizeof *s->stances);
  s->forums = calloc(1, sizeof *s->forums);
  if (!s->file || !s->name || !s->description || !s->model || !s->model_params || !s->protocol ||
      !s->actors || !s->issues || !s->stances || !s->forums)
    goto nomem;
  for (size_t k = 0; k < m; k++, s->n_issues++) {
    concert_i_issue *q = &s->issues[k];
    q->id = issue_id(concert_table_dimension_name(t, k), k, m);
    q->title = concert_i_strdup(concert_table_dimension_name(t, k));
    q->low = concert_i_strdup(""), q->high = concert_i_strdup(""), q->category = concert_i_strdup("");
    for (int j = 0; j < 3; j++) q->mid[j] = concert_i_strdup("");
    q->source = concert_i_strdup(isnan(reversion) ? "none" : "--reversion");
    q->reversion = reversion;
    q->reversion_range = concert_i_range_point(reversion, CONCERT_I_PROV_OTHER);
    if (!q->id || !q->title || !q->low || !q->high || !q->mid[0] || !q->mid[1] || !q->mid[2] ||
        !q->category || !q->source)
      goto nomem;
  }
  for (size_t a = 0; a < n; a++, s->n_actors++) {
    concert_i_actor *ac = &s->actors[a];
    ac->id = concert_i_strdup(concert_table_actor_id(t, a));
    const char *nm = concert_table_actor_name(t, a);
    ac->name = concert_i_strdup(nm && *nm ? nm : concert_table_actor_id(t, a));
    ac->source = concert_i_strdup(src);
    ac->capability = concert_table_capability(t, a);
    ac->capability_range = concert_i_range_point(ac->capability, CONCERT_I_PROV_OTHER);
    if (!ac->id || !ac->name || !ac->source) goto nomem;
    for (size_t k = 0; k < m; k++) {
      concert_i_stance *x = &s->stances[a * m + k];
      x->set = true;
      x->position = concert_table_position(t, a, k);
      x->salience = concert_table_salience(t, a, k);
      x->tolerance = NAN;
      x->red_line = NAN;
      x->position_range = concert_i_range_point(x->position, CONCERT_I_PROV_OTHER);
      x->salience_range = concert_i_range_point(x->salience, CONCERT_I_PROV_OTHER);
      x->tolerance_range = x->red_line_range = concert_i_range_point(NAN, CONCERT_I_PROV_OTHER);
      x->source = concert_i_strdup(src);
      if (!x->source) goto nomem;
    }
  }
  concert_i_forum *f = &s->forums[0];
  s->n_forums = 1;
  f->id = concert_i_strdup("all");
  f->name = concert_i_strdup("every actor of the table");
  f->members = malloc(n * sizeof *f->members);
  f->sessions = calloc(1, sizeof *f->sessions);
  if (!f->id || !f->name || !f->members || !f->sessions) goto nomem;
  for (size_t a = 0; a < n; a++) f->members[a] = a;
  f->n_members = n;
  f->rule = (concert_rule){CONCERT_RULE_UNANIMITY, 0, 1, 1};
  f->mini_min = 2;
  f->n_sessions = 1;
  f->sessions[0].id = concert_i_strdup("s1");
  f->sessions[0].title = concert_i_strdup("all issues");
  f->sessions[0].issues = malloc(m * sizeof *f->sessions[0].issues);
  if (!f->sessions[0].id || !f->sessions[0].title || !f->sessions[0].issues) goto nomem;
  for (size_t k = 0; k < m; k++) f->sessions[0].issues[k] = k;
  f->sessions[0].n_issues = m;
  concert_table_free(t);
  *out = s;
  return CONCERT_OK;
nomem:
  concert_table_free(t);
  concert_scenario_free(s);
  return concert_i_fail(d, CONCERT_ERR_NOMEM, path, 0, 0, NULL, "out of memory");
}
