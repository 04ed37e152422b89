/* bargain.c: the model's texts (docs/protocol.md, bargaining). Builds the bargaining
 * problem of a set of members over the forum's agenda from the engine's working numbers
 * and hands it to the model. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "status/diag.h"
#include "summit/engine_i.h"

/* The bargaining problem of the actors `who` (n of them) over the forum's agenda issues.
 * Arrays owned by the struct. */
typedef struct agenda_problem {
  concert_problem pb;            /* the view handed to the model */
  size_t *iss;                   /* agenda issue q of the problem -> scenario issue */
  double *pos, *sal, *cap, *rev; /* problem arrays */
  const char **ids;              /* actor ids */
} agenda_problem;

static void agenda_problem_free(agenda_problem *a) {
  free(a->iss), free(a->pos), free(a->sal), free(a->cap), free(a->rev), free(a->ids);
}

/* Builds the problem from the engine's working numbers; with negotiated_only the issues
 * raised but not negotiated are left out. */
static concert_status agenda_problem_build(const concert_i_engine *e, const size_t *who, size_t n,
                                           bool negotiated_only, agenda_problem *a) {
  const concert_scenario *s = e->s;
  const concert_i_forum *f = e->f;
  memset(a, 0, sizeof *a);
  size_t m = 0;
  for (size_t j = 0; j < f->n_sessions; j++) m += f->sessions[j].n_issues;
  a->iss = malloc((m ? m : 1) * sizeof *a->iss);
  size_t nm = n * m > 0 ? n * m : 1;
  a->pos = malloc(nm * sizeof *a->pos);
  a->sal = malloc(nm * sizeof *a->sal);
  a->cap = malloc((n ? n : 1) * sizeof *a->cap);
  a->rev = malloc((m ? m : 1) * sizeof *a->rev);
  a->ids = malloc((n ? n : 1) * sizeof *a->ids);
  if (!a->iss || !a->pos || !a->sal || !a->cap || !a->rev || !a->ids) {
    agenda_problem_free(a);
    return CONCERT_FAIL(e->d, CONCERT_ERR_NOMEM, "out of memory");
  }
  m = 0;
  for (size_t j = 0; j < f->n_sessions; j++)
    for (size_t q = 0; q < f->sessions[j].n_issues; q++) {
      size_t k = f->sessions[j].issues[q];
      if (!negotiated_only || !s->issues[k].raised_only) a->iss[m++] = k;
    }
  for (size_t i = 0; i < n; i++) {
    a->cap[i] = e->cap[who[i]];
    a->ids[i] = s->actors[who[i]].id;
    for (size_t q = 0; q < m; q++) {
      a->pos[i * m + q] = concert_i_est(e, who[i], a->iss[q])->position;
      a->sal[i * m + q] = e->sal[who[i] * s->n_issues + a->iss[q]];
    }
  }
  for (size_t q = 0; q < m; q++) a->rev[q] = e->rev[a->iss[q]];
  a->pb = (concert_problem){.n_actors = n,
                            .n_issues = m,
                            .position = a->pos,
                            .salience = a->sal,
                            .capability = a->cap,
                            .reversion = a->rev,
                            .actor_ids = a->ids};
  return CONCERT_OK;
}

concert_status concert_i_bargain(concert_i_engine *e, const size_t *who, size_t n, double *x,
                                 concert_outcome *keep) {
  const concert_i_forum *f = e->f;
  for (size_t j = 0; j < f->n_sessions; j++)
    for (size_t q = 0; q < f->sessions[j].n_issues; q++) x[f->sessions[j].issues[q]] = NAN;
  if (n == 0) return CONCERT_OK;
  agenda_problem a;
  concert_status st = agenda_problem_build(e, who, n, true, &a);
  if (st) return st;
  if (a.pb.n_issues == 0) {
    agenda_problem_free(&a);
    return CONCERT_OK;
  }
  concert_solution *sol = NULL;
  st = concert_model_solve(e->model, e->mparams, &a.pb, &sol, e->d);
  if (st) goto done;
  for (size_t q = 0; q < a.pb.n_issues; q++) x[a.iss[q]] = concert_solution_outcome(sol, q);
  size_t nd = keep ? concert_solution_deal_count(sol) : 0;
  if (nd) {
    keep->deals = malloc(nd * sizeof *keep->deals);
    if (!keep->deals) st = CONCERT_FAIL(e->d, CONCERT_ERR_NOMEM, "out of memory");
    for (size_t i = 0; !st && i < nd; i++) {
      concert_deal dl = *concert_solution_deal(sol, i);
      if (dl.round != 0) continue; /* the sideline bargains: the first round's trades */
      dl.actor_a = who[dl.actor_a], dl.actor_b = who[dl.actor_b];
      dl.issue_a = a.iss[dl.issue_a], dl.issue_b = a.iss[dl.issue_b];
      keep->deals[keep->n_deals++] = dl;
    }
  }
  concert_solution_free(sol);
done:
  agenda_problem_free(&a);
  return st;
}

concert_status concert_forum_solve(const concert_scenario *s, size_t f, const concert_model *model,
                                   const concert_params *params, concert_solution **out,
                                   concert_diag *d) {
  if (!s || !out) return CONCERT_FAIL(d, CONCERT_ERR_ARGUMENT, "NULL argument");
  *out = NULL;
  if (f >= s->n_forums) return CONCERT_FAIL(d, CONCERT_ERR_NOT_FOUND, "no forum %zu", f);
  const concert_model *m = model ? model : concert_model_find(s->model);
  if (!m) return CONCERT_FAIL(d, CONCERT_ERR_UNKNOWN_ID, "unknown model '%s'", s->model);
  const concert_params *p = model ? params : (params ? params : s->model_params);
  concert_i_engine e = {.s = s, .f = &s->forums[f], .d = d, .st = s->stances};
  e.sal = malloc(s->n_actors * s->n_issues * sizeof *e.sal);
  e.cap = malloc((s->n_actors ? s->n_actors : 1) * sizeof *e.cap);
  e.rev = malloc((s->n_issues ? s->n_issues : 1) * sizeof *e.rev);
  concert_status st = CONCERT_OK;
  if (!e.sal || !e.cap || !e.rev) {
    st = CONCERT_FAIL(d, CONCERT_ERR_NOMEM, "out of memory");
    goto done;
  }
  for (size_t i = 0; i < s->n_actors * s->n_issues; i++) e.sal[i] = s->stances[i].salience;
  for (size_t a = 0; a < s->n_actors; a++) e.cap[a] = s->actors[a].capability;
  for (size_t k = 0; k < s->n_issues; k++) e.rev[k] = s->issues[k].reversion;
  agenda_problem a;
  st = agenda_problem_build(&e, s->forums[f].members, s->forums[f].n_members, false, &a);
  if (st) goto done;
  st = concert_model_solve(m, p, &a.pb, out, d);
  agenda_problem_free(&a);
done:
  free(e.sal), free(e.cap), free(e.rev);
  return st;
}
