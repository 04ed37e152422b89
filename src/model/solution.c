/* solution.c: the concert_solution object that every model fills. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "model/model_i.h"
#include "status/diag.h"

struct concert_solution {
  size_t n, m;           /* actors, issues */
  size_t rounds, cap;    /* recorded rounds, allocated rounds */
  double *positions;     /* cap x n x m */
  double *round_outcome; /* cap x m */
  double *round_mean;    /* cap x m */
  double *outcome;       /* m */
  concert_deal *deals;   /* bilateral deals */
  size_t n_deals, cap_deals;
  const char *stop;      /* static string */
};

concert_solution *concert_i_solution_new(const concert_problem *p) {
  concert_solution *s = calloc(1, sizeof *s);
  if (!s) return NULL;
  s->n = p->n_actors;
  s->m = p->n_issues;
  s->outcome = malloc(s->m * sizeof *s->outcome);
  if (!s->outcome) {
    free(s);
    return NULL;
  }
  for (size_t k = 0; k < s->m; k++) s->outcome[k] = NAN;
  s->stop = "single pass";
  if (concert_i_solution_push_round(s, p->position, NULL, NULL) != CONCERT_OK) {
    concert_solution_free(s);
    return NULL;
  }
  return s;
}

void concert_solution_free(concert_solution *s) {
  if (!s) return;
  free(s->positions);
  free(s->round_outcome);
  free(s->round_mean);
  free(s->outcome);
  free(s->deals);
  free(s);
}

concert_status concert_i_solution_push_round(concert_solution *s, const double *positions,
                                             const double *outcome, const double *mean) {
  size_t nm = s->n * s->m;
  if (s->rounds == s->cap) {
    size_t cap = s->cap ? 2 * s->cap : 4;
    double *p = realloc(s->positions, cap * nm * sizeof *p);
    if (!p) return CONCERT_ERR_NOMEM;
    s->positions = p;
    double *o = realloc(s->round_outcome, cap * s->m * sizeof *o);
    if (!o) return CONCERT_ERR_NOMEM;
    s->round_outcome = o;
    double *mm = realloc(s->round_mean, cap * s->m * sizeof *mm);
    if (!mm) return CONCERT_ERR_NOMEM;
    s->round_mean = mm;
    s->cap = cap;
  }
  memcpy(s->positions + s->rounds * nm, positions, nm * sizeof *positions);
  s->rounds++;
  concert_i_solution_set_round_outcome(s, s->rounds - 1, outcome, mean);
  return CONCERT_OK;
}

void concert_i_solution_set_round_outcome(concert_solution *s, size_t r, const double *outcome,
                                          const double *mean) {
  for (size_t k = 0; k < s->m; k++) {
    s->round_outcome[r * s->m + k] = outcome ? outcome[k] : NAN;
    s->round_mean[r * s->m + k] = mean ? mean[k] : NAN;
  }
}

void concert_i_solution_set_outcome(concert_solution *s, const double *outcome) {
  memcpy(s->outcome, outcome, s->m * sizeof *outcome);
}

concert_status concert_i_solution_add_deal(concert_solution *s, const concert_deal *deal) {
  if (s->n_deals == s->cap_deals) {
    size_t cap = s->cap_deals ? 2 * s->cap_deals : 8;
    concert_deal *d = realloc(s->deals, cap * sizeof *d);
    if (!d) return CONCERT_ERR_NOMEM;
    s->deals = d;
    s->cap_deals = cap;
  }
  s->deals[s->n_deals++] = *deal;
  return CONCERT_OK;
}

void concert_i_solution_set_stop(concert_solution *s, const char *reason) { s->stop = reason; }

void concert_i_column(const double *matrix, size_t n, size_t m, size_t k, double *out) {
  for (size_t a = 0; a < n; a++) out[a] = matrix[a * m + k];
}

size_t concert_solution_actors(const concert_solution *s) { return s ? s->n : 0; }
size_t concert_solution_issues(const concert_solution *s) { return s ? s->m : 0; }
double concert_solution_outcome(const concert_solution *s, size_t k) {
  return (s && k < s->m) ? s->outcome[k] : NAN;
}
size_t concert_solution_rounds(const concert_solution *s) { return s ? s->rounds : 0; }
double concert_solution_position(const concert_solution *s, size_t r, size_t a, size_t k) {
  if (!s || r >= s->rounds || a >= s->n || k >= s->m) return NAN;
  return s->positions[(r * s->n + a) * s->m + k];
}
double concert_solution_round_outcome(const concert_solution *s, size_t r, size_t k) {
  return (s && r < s->rounds && k < s->m) ? s->round_outcome[r * s->m + k] : NAN;
}
double concert_solution_round_mean(const concert_solution *s, size_t r, size_t k) {
  return (s && r < s->rounds && k < s->m) ? s->round_mean[r * s->m + k] : NAN;
}
size_t concert_solution_deal_count(const concert_solution *s) { return s ? s->n_deals : 0; }
const concert_deal *concert_solution_deal(const concert_solution *s, size_t i) {
  return (s && i < s->n_deals) ? &s->deals[i] : NULL;
}
const char *concert_solution_stop_reason(const concert_solution *s) {
  return s ? s->stop : "";
}

concert_status concert_i_solve_issuewise(const concert_problem *p, concert_solution *sol,
                                         concert_i_issue_fn fn, void *ctx, bool mean_too,
                                         concert_diag *d) {
  size_t n = p->n_actors, m = p->n_issues;
  double *buf = malloc((2 * n + m) * sizeof *buf);
  if (!buf) return CONCERT_FAIL(d, CONCERT_ERR_NOMEM, "out of memory");
  double *x = buf, *s = buf + n, *out = buf + 2 * n;
  for (size_t k = 0; k < m; k++) {
    concert_i_column(p->position, n, m, k, x);
    concert_i_column(p->salience, n, m, k, s);
    out[k] = fn(n, x, s, p->capability, p->reversion[k], ctx);
    if (isnan(out[k])) {
      free(buf);
      return CONCERT_FAIL(d, CONCERT_ERR_NOMEM, "out of memory");
    }
  }
  concert_i_solution_set_round_outcome(sol, 0, out, mean_too ? out : NULL);
  concert_i_solution_set_outcome(sol, out);
  free(buf);
  return CONCERT_OK;
}
