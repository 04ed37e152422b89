/* model/model_i.h: what a model implements, and how it fills a solution.
 *
 * To add a model: write src/model/<name>.c defining a `const concert_model
 * concert_i_model_<name>` and add one line to src/model/registry.c. The engine has
 * already checked the problem (sizes, ranges, finiteness) and the parameters against
 * the model's specs before solve is called. */
#ifndef CONCERT_I_MODEL_H
#define CONCERT_I_MODEL_H
#include <concert/model.h>
#include <stdbool.h>

/* Bounded cost (docs/limits.md): problems beyond these are refused up front with
 * CONCERT_ERR_TOO_LARGE, naming the limit and the problem's actors x issues. */
#define CONCERT_I_SMP_MAX_ACTORS 500       /* smp: actors (KTAB's own limit is 250) */
#define CONCERT_I_EXCHANGE_MAX_CELLS 10000 /* exchange: actors x issues */

/* A static, one-issue model: x = f(positions, saliences, capabilities, reversion) applied
 * issue by issue; NaN signals an allocation failure. */
typedef double (*concert_i_issue_fn)(size_t n, const double *pos, const double *sal,
                                     const double *cap, double reversion, void *ctx);

struct concert_model {
  const char *name;                 /* registry name */
  const char *summary;              /* one line */
  size_t min_issues;                /* 1, or 2 for multi-issue models */
  bool needs_reversion;             /* refuses issues without a reversion point */
  const concert_param_spec *params; /* accepted parameters */
  size_t n_params;                  /* number of entries in params */
  /* Runs the model. sol was made by concert_i_solution_new with the problem's sizes and
   * holds round 0 = the initial positions; solve pushes further rounds and sets the
   * outcomes. Returns CONCERT_OK or an error with diag filled. */
  concert_status (*solve)(const concert_params *params, const concert_problem *problem,
                          concert_solution *sol, concert_diag *diag);
  /* Set only when solve is concert_i_solve_issuewise with this function, a NULL context and
   * no parameter read: a caller that needs only the outcomes (the summit engine) may apply
   * it to each issue's columns itself, once the problem passes concert_model_solve's
   * checks. NULL otherwise. */
  concert_i_issue_fn issue;
};

/** Runs fn on every issue of p (columns of positions and saliences), records the results
 * as round 0's forecast and as the outcome. mean_too: also as round 0's mean. O(n m) plus
 * fn's cost. */
concert_status concert_i_solve_issuewise(const concert_problem *p, concert_solution *sol,
                                         concert_i_issue_fn fn, void *ctx, bool mean_too,
                                         concert_diag *d);

/** New solution for n actors x m issues holding round 0 = problem's positions, with
 * round outcomes NaN. NULL on allocation failure. */
concert_solution *concert_i_solution_new(const concert_problem *problem);
/** Appends a round: positions (n x m, copied), forecast per issue and optional secondary
 * statistic per issue (NULL: NaN). */
concert_status concert_i_solution_push_round(concert_solution *s, const double *positions,
                                             const double *outcome, const double *mean);
/** Sets the forecast of recorded round r (e.g. round 0 of a dynamic model). */
void concert_i_solution_set_round_outcome(concert_solution *s, size_t r, const double *outcome,
                                          const double *mean);
/** Sets the final predicted outcome on every issue (m values). */
void concert_i_solution_set_outcome(concert_solution *s, const double *outcome);
/** Appends a deal. */
concert_status concert_i_solution_add_deal(concert_solution *s, const concert_deal *deal);
/** Records why the model stopped (static string). */
void concert_i_solution_set_stop(concert_solution *s, const char *reason);

/** Copies issue k's column of an n x m matrix into out (n values). */
void concert_i_column(const double *matrix, size_t n, size_t m, size_t k, double *out);

/* Building blocks (compromise.c, median.c) that tests and other models reuse. */
/** Weighted mean of positions; the plain mean when every weight is zero. O(n). */
double concert_i_weighted_mean(size_t n, const double *pos, const double *w);
/** Weighted median (docs/models/median.md for ties); plain median when weights are 0.
 * O(n log n); NaN on allocation failure. */
double concert_i_weighted_median(size_t n, const double *pos, const double *w);

#endif
