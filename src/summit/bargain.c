/* bargain.c: the model's texts (docs/protocol.md, bargaining). Builds the bargaining
 * problem of a set of members over the forum's agenda from the engine's working numbers
 * and hands it to the model. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "model/model_i.h"
#include "status/diag.h"
#include "summit/engine_i.h"

/* The bargaining problem of the actors `who` (n of them) over the forum's agenda issues.
 * The arrays are the engine's working arrays, or owned (agenda_problem_alloc). */
typedef struct agenda_problem {
  concert_problem pb;            /* the view handed to the model */
  size_t *iss;                   /* agenda issue q of the problem -> scenario issue */
  double *pos, *sal, *cap, *rev; /* problem arrays */
  const char **ids;              /* actor ids */
} agenda_problem;

/* The agenda's issues (the negotiated ones only, with negotiated_only) into iss; returns
 * how many. */
static size_t agenda_issues(const concert_i_engine *e, bool negotiated_only, size_t *iss) {
  const concert_i_forum *f = e->f;
  size_t m = 0;
  for (size_t j = 0; j < f->n_sessions; j++)
    for (size_t q = 0; q < f->sessions[j].n_issues; q++) {
      size_t k = f->sessions[j].issues[q];
      if (!negotiated_only || !e->s->issues[k].raised_only) iss[m++] = k;
    }
  return m;
}

/* Fills the problem's arrays (already there, sized for n actors and the agenda) from the
 * engine's working numbers; with negotiated_only the issues raised but not negotiated are
 * left out. */
static void agenda_problem_fill(const concert_i_engine *e, const size_t *who, size_t n,
                                bool negotiated_only, agenda_problem *a) {
  const concert_scenario *s = e->s;
  size_t m = agenda_issues(e, negotiated_only, a->iss);
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
}

/* The problem's arrays in the engine's working arrays (n at most the forum's members). */
static void agenda_problem_scratch(const concert_i_engine *e, agenda_problem *a) {
  *a = (agenda_problem){.iss = e->w.bg_iss, .pos = e->w.bg_pos, .sal = e->w.bg_sal,
                        .cap = e->w.bg_cap, .rev = e->w.bg_rev, .ids = e->w.bg_ids};
}

static void agenda_problem_free(agenda_problem *a) {
  free(a->iss), free(a->pos), free(a->sal), free(a->cap), free(a->rev), free(a->ids);
}

/* Owned arrays for n actors over the forum's agenda. */
static concert_status agenda_problem_alloc(const concert_i_engine *e, size_t n, agenda_problem *a) {
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
  return CONCERT_OK;
}

void concert_i_columns_fill(concert_i_engine *e) {
  const concert_i_forum *f = e->f;
  const concert_model *m = e->model;
  const size_t *neg = e->w.neg, nq = e->w.n_neg, ni = e->s->n_issues;
  bool ok = true;
  /* each test below is check_problem's (registry.c: finite and in range), written as one
   * comparison pair that NaN and the infinities fail */
  for (size_t q = 0; q < nq; q++) {
    double r = e->rev[neg[q]];
    if (isnan(r) ? m->needs_reversion : !(r >= 0 && r <= 100)) ok = false;
  }
  for (size_t i = 0; i < f->n_members; i++) {
    size_t a = f->members[i];
    double c = e->cap[a], *pm = e->w.bg_pm + i * nq;
    if (!(c >= 0 && c < HUGE_VAL)) ok = false;
    for (size_t q = 0; q < nq; q++) {
      double p = concert_i_est(e, a, neg[q])->position, v = e->sal[a * ni + neg[q]];
      if (!(p >= 0 && p <= 100 && v >= 0 && v <= 1)) ok = false;
      pm[q] = p;
    }
  }
  e->w.bg_ok = ok;
}

/* An issue-wise model (e->issuewise) applied issue by issue to the working numbers of `who`
 * on the negotiated agenda, as concert_model_solve would apply it to the problem that
 * agenda_problem_fill builds: the same columns and the same function, hence the same texts,
 * without building the problem or a solution. Only when every number passes the checks
 * concert_model_solve makes (registry.c, check_problem: capabilities finite and >= 0,
 * positions and saliences finite in [0, 100] and [0, 1], reversion points NaN or in
 * [0, 100]); else *done is false and the caller takes the regular path, which reports the
 * error as before. When the evaluation's fill found every member's numbers passing
 * (e->w.bg_ok) and `who` are members, the columns are read from the fill without the
 * checks. */
static concert_status solve_issuewise(concert_i_engine *e, const size_t *who, size_t n, double *x,
                                      bool *done) {
  const concert_scenario *s = e->s;
  const concert_model *m = e->model;
  const size_t *iss = e->w.neg, nq = e->w.n_neg, ni = s->n_issues;
  double *cap = e->w.bg_cap, *col = e->w.bg_x, *sal = e->w.bg_s;
  *done = false;
  if (nq < m->min_issues) return CONCERT_OK;
  bool checked = e->w.bg_ok;
  for (size_t i = 0; checked && i < n; i++) checked = e->w.bg_mi[who[i]] != SIZE_MAX;
  if (checked) {
    const double **pm = e->w.bg_prow, **sv = e->w.bg_srow;
    for (size_t i = 0; i < n; i++) {
      cap[i] = e->cap[who[i]];
      pm[i] = e->w.bg_pm + e->w.bg_mi[who[i]] * nq, sv[i] = e->sal + who[i] * ni;
    }
    for (size_t q = 0; q < nq; q++) {
      size_t k = iss[q];
      for (size_t i = 0; i < n; i++) col[i] = pm[i][q], sal[i] = sv[i][k];
      double out = m->issue(n, col, sal, cap, e->rev[k], NULL);
      if (isnan(out)) return CONCERT_FAIL(e->d, CONCERT_ERR_NOMEM, "out of memory");
      x[k] = out;
    }
    *done = true;
    return CONCERT_OK;
  }
  for (size_t i = 0; i < n; i++) {
    double c = e->cap[who[i]];
    if (!(c >= 0 && c < HUGE_VAL)) return CONCERT_OK;
    cap[i] = c;
  }
  /* An issue whose numbers fail a check sends the whole problem to the regular path, which
   * starts afresh: the texts already written here are overwritten there. */
  for (size_t q = 0; q < nq; q++) {
    size_t k = iss[q];
    double r = e->rev[k];
    if (isnan(r) ? m->needs_reversion : !(r >= 0 && r <= 100)) return CONCERT_OK;
    const concert_i_stance *st = e->st + k;
    const double *sv = e->sal + k;
    for (size_t i = 0; i < n; i++) {
      double p = st[who[i] * ni].position, v = sv[who[i] * ni];
      if (!(p >= 0 && p <= 100 && v >= 0 && v <= 1)) return CONCERT_OK;
      col[i] = p, sal[i] = v;
    }
    double out = m->issue(n, col, sal, cap, r, NULL);
    if (isnan(out)) return CONCERT_FAIL(e->d, CONCERT_ERR_NOMEM, "out of memory");
    x[k] = out;
  }
  *done = true;
  return CONCERT_OK;
}

concert_status concert_i_bargain(concert_i_engine *e, const size_t *who, size_t n, double *x,
                                 concert_outcome *keep) {
  const concert_i_forum *f = e->f;
  for (size_t j = 0; j < f->n_sessions; j++)
    for (size_t q = 0; q < f->sessions[j].n_issues; q++) x[f->sessions[j].issues[q]] = NAN;
  if (n == 0) return CONCERT_OK;
  concert_status st;
  if (e->issuewise && !keep) {
    bool done;
    if ((st = solve_issuewise(e, who, n, x, &done)) || done) return st;
    for (size_t j = 0; j < f->n_sessions; j++) /* the regular path starts afresh */
      for (size_t q = 0; q < f->sessions[j].n_issues; q++) x[f->sessions[j].issues[q]] = NAN;
  }
  agenda_problem a;
  agenda_problem_scratch(e, &a);
  agenda_problem_fill(e, who, n, true, &a);
  if (a.pb.n_issues == 0) return CONCERT_OK;
  concert_solution *sol = NULL;
  st = concert_model_solve(e->model, e->mparams, &a.pb, &sol, e->d);
  if (st) return st;
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
  st = agenda_problem_alloc(&e, s->forums[f].n_members, &a);
  if (st) goto done;
  agenda_problem_fill(&e, s->forums[f].members, s->forums[f].n_members, false, &a);
  st = concert_model_solve(m, p, &a.pb, out, d);
  agenda_problem_free(&a);
done:
  free(e.sal), free(e.cap), free(e.rev);
  return st;
}
