/* derive.c: concert_derive_run, the one entry of `concert derive`: reads the spec (or
 * builds the quick-mode spec), loads the data tables it needs, derives capabilities and
 * positions, collects warnings and writes the scenario. */
#include <concert/datadir.h>
#include <stdlib.h>
#include <string.h>

#include "derive/derive_i.h"
#include "io/read_file.h"
#include "status/diag.h"

/* Largest spec file read. */
#define SPEC_MAX_BYTES (4u << 20)

/* Everything one run owns. */
typedef struct run {
  concert_i_countries countries; /* names, EU-27 */
  concert_i_spec spec;           /* the parsed spec */
  concert_worlddata *world;      /* indicator tables, or NULL when not needed */
  concert_i_support support;     /* issue-support table (empty when not needed) */
  concert_i_dnum *cap, *pos;     /* derived numbers */
  const char **names;            /* default actor names */
  const char **seated;           /* EU member states among the actors */
  size_t n_seated;
} run;

static void run_free(run *r) {
  concert_i_countries_free(&r->countries);
  concert_i_spec_free(&r->spec);
  concert_worlddata_free(r->world);
  concert_i_support_free(&r->support);
  free(r->cap), free(r->pos), free((void *)r->names), free((void *)r->seated);
}

static concert_status warn_nomem(concert_status st, concert_diag *d) {
  return st ? CONCERT_FAIL(d, CONCERT_ERR_NOMEM, "out of memory") : CONCERT_OK;
}

static concert_status capabilities(run *r, const char *dir, concert_derive_report *rep,
                                   concert_diag *d) {
  const concert_i_spec *s = &r->spec;
  bool any = false;
  for (size_t i = 0; i < s->n_actors; i++)
    any = any || !concert_i_yaml_get(s->actors[i].node, "capability");
  if (!any) return CONCERT_OK;
  concert_status st = concert_worlddata_load(dir, &r->world, d);
  concert_i_capctx x = {.w = r->world, .c = &r->countries};
  if (!st) st = concert_i_capability_years(&x, s->year, rep, d);
  for (size_t i = 0; !st && i < s->n_actors; i++) {
    if (concert_i_yaml_get(s->actors[i].node, "capability")) continue;
    st = warn_nomem(
        concert_i_capability(&x, s->actors[i].id, r->seated, r->n_seated, &r->cap[i], rep), d);
  }
  return st;
}

static bool given_position(const concert_i_spec_actor *a, const char *issue) {
  const concert_i_ynode *st = a->stances ? concert_i_yaml_get(a->stances, issue) : NULL;
  return st && concert_i_yaml_get(st, "position");
}

static concert_status positions(run *r, const char *dir, concert_derive_report *rep,
                                concert_diag *d) {
  const concert_i_spec *s = &r->spec;
  bool any = false;
  for (size_t k = 0; k < s->n_issues; k++) any = any || s->issues[k].fam;
  if (!any) return CONCERT_OK;
  char path[4096];
  snprintf(path, sizeof path, "%s/derived/unga_issue_support.csv", dir);
  concert_status st = concert_i_support_load(path, &r->support, d);
  for (size_t k = 0; !st && k < s->n_issues; k++) {
    const concert_i_spec_issue *q = &s->issues[k];
    if (!q->fam) continue;
    int gap = q->from > r->support.last_year ? q->from : r->support.last_year + 1;
    if (q->to > r->support.last_year && gap == q->to)
      st = concert_i_report_add(rep,
                                "issue %s: the UNGA issue-support table ends in %d; %d has "
                                "no votes",
                                q->id, r->support.last_year, gap);
    else if (q->to > r->support.last_year)
      st = concert_i_report_add(rep,
                                "issue %s: the UNGA issue-support table ends in %d; years "
                                "%d-%d have no votes",
                                q->id, r->support.last_year, gap, q->to);
    if (!st && strcmp(q->fam->code, "ua") == 0 && q->from <= 2025 && q->to >= 2025)
      st = concert_i_report_add(
          rep,
          "issue %s: KNOWN GAP: ES-11/7 and ES-11/8 (24 February 2025) are missing from "
          "the UN source, so 2025 Ukraine positions lack those votes (the US voted "
          "against ES-11/7); check positions that lean on 2025",
          q->id);
    for (size_t i = 0; !st && i < s->n_actors; i++) {
      if (given_position(&s->actors[i], q->id)) continue;
      concert_i_dnum *p = &r->pos[i * s->n_issues + k];
      st = concert_i_position(&r->support, &r->countries, s->actors[i].id, q->fam, q->oppose,
                              q->from, q->to, p);
      if (!st && !p->ok)
        st = concert_i_report_add(rep,
                                  "position of %s on %s: no UNGA votes of family %s in "
                                  "%d-%d; left as a judgment TO FILL",
                                  s->actors[i].id, q->id, q->fam->code, q->from, q->to);
    }
  }
  return st == CONCERT_ERR_NOMEM ? warn_nomem(st, d) : st;
}

concert_status concert_derive_run(const concert_derive_options *opts, const char *spec_path,
                                  FILE *out, concert_derive_report **warnings, concert_diag *d) {
  if (warnings) *warnings = NULL;
  if (!opts || !out) return CONCERT_FAIL(d, CONCERT_ERR_ARGUMENT, "NULL argument");
  concert_derive_report *rep = calloc(1, sizeof *rep);
  if (!rep) return CONCERT_FAIL(d, CONCERT_ERR_NOMEM, "out of memory");
  const char *dir = opts->data_dir ? opts->data_dir : concert_data_dir();
  run r = {0};
  char *text = NULL;
  size_t len = 0;
  concert_status st = concert_i_countries_load(dir, &r.countries, d);
  if (!st) {
    if (spec_path)
      st = concert_i_read_file(spec_path, SPEC_MAX_BYTES, "the spec is too large", &text, &len, d);
    else
      st = concert_i_quick_spec(opts, &r.countries, &text, &len, rep, d);
  }
  if (!st) st = concert_i_spec_parse(text, len, spec_path ? spec_path : "<quick mode>", &r.spec, d);
  free(text);
  const concert_i_spec *s = &r.spec;
  if (!st) {
    r.cap = calloc(s->n_actors, sizeof *r.cap);
    r.pos = calloc(s->n_actors * s->n_issues, sizeof *r.pos);
    r.names = calloc(s->n_actors, sizeof *r.names);
    r.seated = calloc(s->n_actors, sizeof *r.seated);
    if (!r.cap || !r.pos || !r.names || !r.seated)
      st = CONCERT_FAIL(d, CONCERT_ERR_NOMEM, "out of memory");
  }
  for (size_t i = 0; !st && i < s->n_actors; i++) {
    r.names[i] = concert_i_country_name(&r.countries, s->actors[i].id);
    if (concert_i_country_in_eu(&r.countries, s->actors[i].id))
      r.seated[r.n_seated++] = s->actors[i].id;
  }
  if (!st) st = capabilities(&r, dir, rep, d);
  if (!st) st = positions(&r, dir, rep, d);
  if (!st) {
    concert_i_derived dv = {.capability = r.cap,
                            .position = r.pos,
                            .name = opts->name ? opts->name : s->name,
                            .actor_name = r.names};
    st = concert_i_write(out, s, &dv, d);
  }
  run_free(&r);
  if (warnings && rep->n)
    *warnings = rep;
  else
    concert_derive_report_free(rep);
  return st;
}
