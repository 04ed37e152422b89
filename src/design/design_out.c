/* design_out.c: a design's ranking as text, JSON (schema concert-design/1) and CSV. */
#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "design/design_i.h"
#include "io/csv_out.h"
#include "io/json_out.h"
#include "scenario/scenario_i.h"
#include "status/diag.h"

#define SET(o, k, v) concert_i_json_set((o), (k), (v), &bad)
#define PUSH(a, v) concert_i_json_push((a), (v), &bad)

static size_t shown(const concert_design *d, size_t top) { return top && top < d->n ? top : d->n; }

static const char *objective_text(const concert_design *d) {
  switch (d->objective) {
    case CONCERT_DESIGN_COMMUNIQUE:
      return "probability the document is issued (with or without carve-outs)";
    case CONCERT_DESIGN_AGREED:
      return "expected share of agenda issues with a joint statement";
    case CONCERT_DESIGN_BALANCE:
      return "expected share of agenda issues with a joint statement x capability evenness";
    default:
      return "expected share of agenda issues with a joint statement x mean coverage";
  }
}

static void val(FILE *out, int w, double x, double se) {
  char c[48];
  if (!isfinite(x))
    snprintf(c, sizeof c, "n/a");
  else if (!isfinite(se))
    snprintf(c, sizeof c, "%.3f", x);
  else
    snprintf(c, sizeof c, "%.3f (%.3f)", x, se);
  fprintf(out, "  %*s", w, c);
}

concert_status concert_design_write_text(const concert_design *d, size_t top, FILE *out) {
  if (!d || !out || !d->ranked) return CONCERT_ERR_ARGUMENT;
  const concert_scenario *s = d->s;
  size_t m = shown(d, top);
  fprintf(out, "%s: %zu forums of %zu members, template %s, model %s, ", s->name, d->n, d->size,
          s->forums[d->template_forum].id, d->model);
  if (d->runs > 1)
    fprintf(out, "%zu runs each (seed %llu; standard errors in parentheses)\n", d->runs,
            (unsigned long long)d->seed);
  else
    fprintf(out, "point values\n");
  fprintf(out, "Objective %s: %s\n", concert_design_objective_name(d->objective),
          objective_text(d));
  if (d->year)
    fprintf(out, "Coverage: mean share of world GDP, military spending and population, %d\n",
            d->year);
  else
    fprintf(out,
            "Coverage: share of the candidates' summed capability (no world data for "
            "the candidates)\n");
  fprintf(out, "\n%4s  %-*s  %-6s", "rank", (int)(d->size * 4), "members", "chair");
  int w = d->runs > 1 ? 13 : 6;
  fprintf(out, "  %*s  %*s  %*s  %8s  %8s\n", w, "score", w, "agreed", w + 4, "communique",
          "coverage", "evenness");
  for (size_t r = 0; r < m; r++) {
    const concert_design_forum *f = concert_design_ranked(d, r);
    char mem[512] = "";
    size_t len = 0;
    for (size_t q = 0; q < d->size && len < sizeof mem; q++)
      len += (size_t)snprintf(mem + len, sizeof mem - len, "%s%s", q ? " " : "",
                              s->actors[f->members[q]].id);
    fprintf(out, "%4zu  %-*s  %-6s", r + 1, (int)(d->size * 4), mem, s->actors[f->chair].id);
    val(out, w, f->score, f->score_se);
    val(out, w, f->agreed, f->agreed_se);
    val(out, w + 4, f->communique, f->communique_se);
    fprintf(out, "  %7.1f%%  %8.3f\n", 100 * f->coverage, f->evenness);
  }
  if (m < d->n) fprintf(out, "(%zu more forums not shown)\n", d->n - m);
  return ferror(out) ? CONCERT_ERR_IO : CONCERT_OK;
}

concert_status concert_design_to_json(const concert_design *d, size_t top, char **json,
                                      concert_diag *diag) {
  if (!d || !json) return CONCERT_FAIL(diag, CONCERT_ERR_ARGUMENT, "NULL argument");
  *json = NULL;
  if (!d->ranked)
    return CONCERT_FAIL(diag, CONCERT_ERR_ARGUMENT, "a part of a design is not ranked yet");
  const concert_scenario *s = d->s;
  int bad = 0;
  json_t *root = json_object(), *arr = json_array();
  SET(root, "schema", json_string("concert-design/1"));
  SET(root, "scenario", json_string(s->name));
  SET(root, "template", json_string(s->forums[d->template_forum].id));
  SET(root, "model", json_string(d->model));
  SET(root, "objective", json_string(concert_design_objective_name(d->objective)));
  SET(root, "size", json_integer((json_int_t)d->size));
  SET(root, "forums_evaluated", json_integer((json_int_t)d->n));
  SET(root, "runs", json_integer((json_int_t)d->runs));
  SET(root, "seed", d->runs > 1 ? json_integer((json_int_t)d->seed) : json_null());
  SET(root, "coverage_year", d->year ? json_integer(d->year) : json_null());
  size_t m = shown(d, top);
  for (size_t r = 0; r < m; r++) {
    const concert_design_forum *f = concert_design_ranked(d, r);
    json_t *o = json_object(), *mem = json_array();
    SET(o, "rank", json_integer((json_int_t)(r + 1)));
    for (size_t q = 0; q < d->size; q++) PUSH(mem, json_string(s->actors[f->members[q]].id));
    SET(o, "members", mem);
    SET(o, "chair", json_string(s->actors[f->chair].id));
    SET(o, "score", concert_i_json_num(f->score));
    SET(o, "score_se", concert_i_json_num(f->score_se));
    SET(o, "agreed", concert_i_json_num(f->agreed));
    SET(o, "agreed_se", concert_i_json_num(f->agreed_se));
    SET(o, "communique", concert_i_json_num(f->communique));
    SET(o, "communique_se", concert_i_json_num(f->communique_se));
    SET(o, "coverage", concert_i_json_num(f->coverage));
    json_t *cv = json_object();
    SET(cv, "gdp", concert_i_json_num(f->cover[0]));
    SET(cv, "military_spending", concert_i_json_num(f->cover[1]));
    SET(cv, "population", concert_i_json_num(f->cover[2]));
    SET(o, "coverage_shares", cv);
    SET(o, "evenness", concert_i_json_num(f->evenness));
    PUSH(arr, o);
  }
  SET(root, "ranking", arr);
  return concert_i_json_finish(root, bad, 6, json, diag, "cannot write the design as JSON");
}

concert_status concert_design_write_csv(const concert_design *d, size_t top, FILE *f) {
  if (!d || !f || !d->ranked) return CONCERT_ERR_ARGUMENT;
  const concert_scenario *s = d->s;
  static const char *const header[] = {"rank",       "members",      "chair",      "score",
                                       "score_se",   "agreed",       "agreed_se",  "communique",
                                       "communique_se", "coverage",  "evenness",   NULL};
  concert_csv_out co, *out = &co;
  concert_i_csv_init(out, f);
  concert_i_csv_row(out, header);
  size_t m = shown(d, top);
  char members[4096];
  for (size_t r = 0; r < m; r++) {
    const concert_design_forum *fo = concert_design_ranked(d, r);
    concert_i_csv_int(out, (long long)(r + 1));
    size_t k = 0;
    members[0] = '\0';
    for (size_t q = 0; q < d->size && k < sizeof members; q++) {
      int w = snprintf(members + k, sizeof members - k, "%s%s", q ? " " : "",
                       s->actors[fo->members[q]].id);
      if (w < 0) break;
      k += (size_t)w;
    }
    concert_i_csv_text(out, members);
    concert_i_csv_text(out, s->actors[fo->chair].id);
    const double v[] = {fo->score,         fo->score_se, fo->agreed,   fo->agreed_se,
                        fo->communique,    fo->communique_se, fo->coverage, fo->evenness};
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) concert_i_csv_num(out, v[i]);
    concert_i_csv_end(out);
  }
  return concert_i_csv_finish(out, NULL);
}
