/* registry.c: the list of models and the checked entry point concert_model_solve. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "model/model_i.h"
#include "status/diag.h"

extern const concert_model concert_i_model_compromise;
extern const concert_model concert_i_model_median;
extern const concert_model concert_i_model_nash;
extern const concert_model concert_i_model_eum;
extern const concert_model concert_i_model_exchange;
extern const concert_model concert_i_model_smp;

/* One line per model; the order is the order `concert models` lists them in. */
static const concert_model *const models[] = {
    &concert_i_model_compromise,
    &concert_i_model_median,
    &concert_i_model_nash,
    &concert_i_model_eum,
    &concert_i_model_exchange,
    &concert_i_model_smp,
};

size_t concert_model_count(void) { return sizeof models / sizeof models[0]; }
const concert_model *concert_model_at(size_t i) {
  return i < concert_model_count() ? models[i] : NULL;
}
const concert_model *concert_model_find(const char *name) {
  if (!name) return NULL;
  for (size_t i = 0; i < concert_model_count(); i++)
    if (strcmp(models[i]->name, name) == 0) return models[i];
  return NULL;
}
const char *concert_model_name(const concert_model *m) { return m ? m->name : ""; }
const char *concert_model_summary(const concert_model *m) { return m ? m->summary : ""; }
size_t concert_model_min_issues(const concert_model *m) { return m ? m->min_issues : 0; }
const concert_param_spec *concert_model_params(const concert_model *m, size_t *n) {
  if (n) *n = m ? m->n_params : 0;
  return m ? m->params : NULL;
}

static const char *actor_name(const concert_problem *p, size_t a, char *buf, size_t size) {
  if (p->actor_ids && p->actor_ids[a]) return p->actor_ids[a];
  snprintf(buf, size, "#%zu", a);
  return buf;
}

/* Checks sizes, ranges and finiteness of every number of the problem. O(n m). */
static concert_status check_problem(const concert_model *m, const concert_problem *p,
                                    concert_diag *d) {
  if (!p->position || !p->salience || !p->capability || !p->reversion)
    return CONCERT_FAIL(d, CONCERT_ERR_ARGUMENT, "problem arrays must not be NULL");
  if (p->n_actors == 0) return CONCERT_FAIL(d, CONCERT_ERR_EMPTY, "no actors to bargain");
  if (p->n_issues == 0) return CONCERT_FAIL(d, CONCERT_ERR_EMPTY, "no issues to bargain on");
  if (p->n_issues < m->min_issues)
    return CONCERT_FAIL(d, CONCERT_ERR_UNSUPPORTED,
                        "the %s model needs at least %zu issues (it trades across issues); "
                        "this problem has %zu",
                        m->name, m->min_issues, p->n_issues);
  char buf[32];
  for (size_t a = 0; a < p->n_actors; a++) {
    double c = p->capability[a];
    if (!isfinite(c) || c < 0)
      return CONCERT_FAIL(d, CONCERT_ERR_RANGE, "capability of %s is %g; it must be finite and >= 0",
                          actor_name(p, a, buf, sizeof buf), c);
    for (size_t k = 0; k < p->n_issues; k++) {
      double x = p->position[a * p->n_issues + k], s = p->salience[a * p->n_issues + k];
      if (!isfinite(x) || x < 0 || x > 100)
        return CONCERT_FAIL(d, CONCERT_ERR_RANGE, "position of %s on issue %zu is %g; it must lie in [0, 100]",
                            actor_name(p, a, buf, sizeof buf), k, x);
      if (!isfinite(s) || s < 0 || s > 1)
        return CONCERT_FAIL(d, CONCERT_ERR_RANGE, "salience of %s on issue %zu is %g; it must lie in [0, 1]",
                            actor_name(p, a, buf, sizeof buf), k, s);
    }
  }
  for (size_t k = 0; k < p->n_issues; k++) {
    double r = p->reversion[k];
    if (isnan(r)) {
      if (m->needs_reversion)
        return CONCERT_FAIL(d, CONCERT_ERR_MISSING,
                            "the %s model needs a reversion point and issue %zu has none", m->name, k);
    } else if (!isfinite(r) || r < 0 || r > 100) {
      return CONCERT_FAIL(d, CONCERT_ERR_RANGE, "reversion point of issue %zu is %g; it must lie in [0, 100]", k, r);
    }
  }
  return CONCERT_OK;
}

concert_status concert_model_solve(const concert_model *m, const concert_params *params,
                                   const concert_problem *problem, concert_solution **out,
                                   concert_diag *diag) {
  if (!m || !problem || !out)
    return CONCERT_FAIL(diag, CONCERT_ERR_ARGUMENT, "model, problem and out must not be NULL");
  *out = NULL;
  concert_status st = check_problem(m, problem, diag);
  if (st) return st;
  st = concert_params_check(params, m->params, m->n_params, m->name, diag);
  if (st) return st;
  concert_solution *s = concert_i_solution_new(problem);
  if (!s) return CONCERT_FAIL(diag, CONCERT_ERR_NOMEM, "out of memory for the solution");
  st = m->solve(params, problem, s, diag);
  if (st) {
    concert_solution_free(s);
    return st;
  }
  *out = s;
  return CONCERT_OK;
}
