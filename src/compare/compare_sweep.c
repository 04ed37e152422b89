/* compare_sweep.c: `concert compare --runs N`: each forum's Monte Carlo probabilities side by
 * side with their standard errors (text and JSON schema concert-compare-sweep/1). */
#include <concert/compare.h>
#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "io/csv_out.h"
#include "io/json_out.h"
#include "scenario/scenario_i.h"
#include "status/diag.h"
#include "sweep/sweep_i.h"

#define SET(o, k, v) concert_i_json_set((o), (k), (v), &bad)
#define PUSH(a, v) concert_i_json_push((a), (v), &bad)

static bool check(const concert_sweep *const *w, size_t n) {
  if (!w || n == 0) return false;
  for (size_t i = 0; i < n; i++)
    if (!w[i] || w[i]->s != w[0]->s || concert_sweep_runs(w[i]) != concert_sweep_runs(w[0]) || w[i]->seed != w[0]->seed)
      return false;
  return true;
}

/* The agenda row of scenario issue k in sweep w, or SIZE_MAX when not on its agenda. */
static size_t row_of(const concert_sweep *w, size_t k) {
  for (size_t i = 0; i < w->ni; i++)
    if (w->issue[i] == k) return i;
  return SIZE_MAX;
}

/* True when scenario issue k is on some forum's agenda. */
static bool on_any(const concert_sweep *const *w, size_t n, size_t k) {
  for (size_t f = 0; f < n; f++)
    if (row_of(w[f], k) != SIZE_MAX) return true;
  return false;
}

static void cell(FILE *out, double p, double se) {
  char c[40];
  if (!isfinite(p)) snprintf(c, sizeof c, "n/a");
  else if (!isfinite(se)) snprintf(c, sizeof c, "%.3f", p);
  else snprintf(c, sizeof c, "%.3f (%.3f)", p, se);
  fprintf(out, "  %15s", c);
}

concert_status concert_compare_sweeps_write_text(const concert_sweep *const *w, size_t n,
                                                 FILE *out) {
  if (!check(w, n) || !out) return CONCERT_ERR_ARGUMENT;
  const concert_scenario *s = w[0]->s;
  fprintf(out, "%s: %zu runs per forum, seed %llu, model %s\n", s->name, concert_sweep_runs(w[0]),
          (unsigned long long)w[0]->seed, w[0]->model);
  fprintf(out, "Probabilities over the judgment ranges, Monte Carlo standard errors in "
               "parentheses\n\n");
  fprintf(out, "%-28s", "");
  for (size_t f = 0; f < n; f++) fprintf(out, "  %15s", s->forums[w[f]->forum].id);
  fputc('\n', out);
  fprintf(out, "Document\n");
  for (int q = 0; q < 5; q++) {
    fprintf(out, "  %-26s", concert_document_fate_name((concert_document_fate)q));
    for (size_t f = 0; f < n; f++) {
      concert_estimate e = concert_sweep_fate(w[f], (concert_document_fate)q);
      cell(out, e.p, e.se);
    }
    fputc('\n', out);
  }
  fprintf(out, "Statement (joint or minilateral)\n");
  for (size_t k = 0; k < s->n_issues; k++) {
    if (!on_any(w, n, k)) continue;
    fprintf(out, "  %-26.26s", s->issues[k].id);
    for (size_t f = 0; f < n; f++) {
      size_t i = row_of(w[f], k);
      if (i == SIZE_MAX) fprintf(out, "  %15s", "-");
      else {
        concert_estimate e = concert_sweep_statement(w[f], i);
        cell(out, e.p, e.se);
      }
    }
    fputc('\n', out);
  }
  fprintf(out, "%-28s", "Share agreed (joint, mean)");
  for (size_t f = 0; f < n; f++) {
    concert_spread a = concert_sweep_agreed(w[f]);
    cell(out, a.mean, a.se);
  }
  fputc('\n', out);
  return ferror(out) ? CONCERT_ERR_IO : CONCERT_OK;
}

static json_t *est(double p, double se, int *badp) {
  int bad = 0;
  json_t *o = json_object();
  SET(o, "p", concert_i_json_num(p));
  SET(o, "se", concert_i_json_num(se));
  if (bad) *badp = 1;
  return o;
}

concert_status concert_compare_sweeps_to_json(const concert_sweep *const *w, size_t n,
                                              char **json, concert_diag *d) {
  if (!json) return CONCERT_FAIL(d, CONCERT_ERR_ARGUMENT, "NULL argument");
  *json = NULL;
  if (!check(w, n))
    return CONCERT_FAIL(d, CONCERT_ERR_ARGUMENT,
                        "sweeps of one scenario with the same runs and seed are needed");
  const concert_scenario *s = w[0]->s;
  int bad = 0;
  json_t *root = json_object(), *forums = json_array();
  SET(root, "schema", json_string("concert-compare-sweep/1"));
  SET(root, "scenario", json_string(s->name));
  SET(root, "model", json_string(w[0]->model));
  SET(root, "runs", json_integer((json_int_t)concert_sweep_runs(w[0])));
  SET(root, "seed", json_integer((json_int_t)w[0]->seed));
  for (size_t f = 0; f < n; f++) {
    json_t *fo = json_object(), *doc = json_object(), *st = json_object();
    SET(fo, "forum", json_string(s->forums[w[f]->forum].id));
    for (int q = 0; q < 5; q++) {
      concert_estimate e = concert_sweep_fate(w[f], (concert_document_fate)q);
      SET(doc, concert_document_fate_name((concert_document_fate)q), est(e.p, e.se, &bad));
    }
    SET(fo, "document", doc);
    for (size_t i = 0; i < w[f]->ni; i++) {
      concert_estimate e = concert_sweep_statement(w[f], i), j = concert_sweep_joint(w[f], i);
      json_t *x = est(e.p, e.se, &bad);
      SET(x, "joint", est(j.p, j.se, &bad));
      SET(st, s->issues[w[f]->issue[i]].id, x);
    }
    SET(fo, "statements", st);
    concert_spread a = concert_sweep_agreed(w[f]);
    json_t *ag = json_object();
    SET(ag, "mean", concert_i_json_num(a.mean));
    SET(ag, "se", concert_i_json_num(a.se));
    SET(fo, "agreed_share", ag);
    PUSH(forums, fo);
  }
  SET(root, "forums", forums);
  return concert_i_json_finish(root, bad, 6, json, d, "cannot write the comparison as JSON");
}

/* One row of the CSV. */
static void csv_row(concert_csv_out *c, const char *forum, const char *quantity, const char *issue,
                    double p, double se) {
  concert_i_csv_text(c, forum);
  concert_i_csv_text(c, quantity);
  concert_i_csv_text(c, issue);
  concert_i_csv_num(c, p);
  concert_i_csv_num(c, se);
  concert_i_csv_end(c);
}

concert_status concert_compare_sweeps_write_csv(const concert_sweep *const *w, size_t n,
                                                FILE *out) {
  if (!check(w, n) || !out) return CONCERT_ERR_ARGUMENT;
  const concert_scenario *s = w[0]->s;
  static const char *const header[] = {"forum", "quantity", "issue", "value", "se", NULL};
  concert_csv_out c;
  concert_i_csv_init(&c, out);
  concert_i_csv_row(&c, header);
  for (size_t f = 0; f < n; f++) {
    const char *fo = s->forums[w[f]->forum].id;
    for (int q = 0; q < 5; q++) {
      concert_estimate e = concert_sweep_fate(w[f], (concert_document_fate)q);
      char name[48];
      snprintf(name, sizeof name, "document.%s", concert_document_fate_name((concert_document_fate)q));
      csv_row(&c, fo, name, "", e.p, e.se);
    }
    for (size_t i = 0; i < w[f]->ni; i++) {
      const char *is = s->issues[w[f]->issue[i]].id;
      concert_estimate e = concert_sweep_statement(w[f], i), j = concert_sweep_joint(w[f], i);
      csv_row(&c, fo, "statement", is, e.p, e.se);
      csv_row(&c, fo, "joint", is, j.p, j.se);
    }
    concert_spread a = concert_sweep_agreed(w[f]);
    csv_row(&c, fo, "agreed_share", "", a.mean, a.se);
  }
  return concert_i_csv_finish(&c, NULL);
}
