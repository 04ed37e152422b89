/* concert/model.h: collective-decision models behind one interface.
 *
 * A model takes a bargaining problem (actors' positions, saliences and capabilities on
 * one or more issues, each issue's reversion point) and returns a solution: the
 * predicted outcome per issue, the actors' final positions, the trajectory round by
 * round (one round for static models) and, for the exchange model, the bilateral deals.
 * Models: compromise, median, nash, eum, exchange, smp (concert_model_count lists them). */
#ifndef CONCERT_MODEL_H
#define CONCERT_MODEL_H
#ifdef __cplusplus
extern "C" {
#endif
#include <stddef.h>
#include <stdio.h>
#include "export.h"
#include "params.h"
#include "status.h"

/** A bargaining problem. Arrays are borrowed; row-major by actor: entry (a, k) of an
 * n_actors x n_issues matrix is at [a * n_issues + k]. Positions are on 0..100,
 * saliences on 0..1, capabilities >= 0. reversion[k] is NaN when issue k has none
 * (models that need one refuse such an issue). actor_ids may be NULL. */
typedef struct concert_problem {
  size_t n_actors;              /* number of actors, >= 1 */
  size_t n_issues;              /* number of issues, >= 1 */
  const double *position;       /* n_actors x n_issues, in [0, 100] */
  const double *salience;       /* n_actors x n_issues, in [0, 1] */
  const double *capability;     /* n_actors, >= 0 */
  const double *reversion;      /* n_issues, in [0, 100] or NaN */
  const char *const *actor_ids; /* n_actors names for messages, or NULL */
} concert_problem;

/** A bilateral deal found by the exchange model: actor a moves on issue_a toward b's
 * position, b moves on issue_b toward a's; each side's expected-utility gain. */
typedef struct concert_deal {
  size_t actor_a, actor_b; /* actor indices in the problem */
  size_t issue_a, issue_b; /* issue on which a (resp. b) concedes */
  double shift_a, shift_b; /* signed position change of a on issue_a, b on issue_b */
  double gain_a, gain_b;   /* expected-utility gain of each side (> 0) */
  size_t round;            /* round in which the deal was made (0-based) */
} concert_deal;

typedef struct concert_model concert_model;       /* a model descriptor (static) */
typedef struct concert_solution concert_solution; /* a model's answer (owned) */

/** Number of registered models. O(1). */
CONCERT_API size_t concert_model_count(void);
/** Model i in registration order, NULL if out of range. */
CONCERT_API const concert_model *concert_model_at(size_t i);
/** Model by name ("compromise", "median", "nash", ...), NULL if unknown. O(models). */
CONCERT_API const concert_model *concert_model_find(const char *name);
/** The model's name. */
CONCERT_API const char *concert_model_name(const concert_model *m);
/** One-line description. */
CONCERT_API const char *concert_model_summary(const concert_model *m);
/** Minimum number of issues the model needs (2 for exchange, else 1). */
CONCERT_API size_t concert_model_min_issues(const concert_model *m);
/** The parameters the model accepts; *n receives their count. */
CONCERT_API const concert_param_spec *concert_model_params(const concert_model *m, size_t *n);

/** Validates problem and params, runs the model. On success *out is a new solution the
 * caller frees with concert_solution_free. params may be NULL (all defaults).
 * Complexity: see each model's page in docs/models/. */
CONCERT_API concert_status concert_model_solve(const concert_model *m,
                                               const concert_params *params,
                                               const concert_problem *problem,
                                               concert_solution **out, concert_diag *diag);

/** Frees a solution; NULL is harmless. */
CONCERT_API void concert_solution_free(concert_solution *s);
/** Problem sizes. */
CONCERT_API size_t concert_solution_actors(const concert_solution *s);
CONCERT_API size_t concert_solution_issues(const concert_solution *s);
/** Predicted outcome on issue k (after the last round). */
CONCERT_API double concert_solution_outcome(const concert_solution *s, size_t k);
/** Number of recorded rounds R >= 1; round 0 is the initial state for dynamic models. */
CONCERT_API size_t concert_solution_rounds(const concert_solution *s);
/** Actor a's position on issue k at recorded round r (r < rounds). */
CONCERT_API double concert_solution_position(const concert_solution *s, size_t r, size_t a,
                                             size_t k);
/** The model's forecast on issue k at recorded round r (e.g. the EUM median). */
CONCERT_API double concert_solution_round_outcome(const concert_solution *s, size_t r,
                                                  size_t k);
/** A secondary per-round statistic on issue k (e.g. the EUM weighted mean); NaN if none. */
CONCERT_API double concert_solution_round_mean(const concert_solution *s, size_t r, size_t k);
/** Number of bilateral deals (exchange model; 0 otherwise). */
CONCERT_API size_t concert_solution_deal_count(const concert_solution *s);
/** Deal i, NULL if out of range. The pointer lives as long as s. */
CONCERT_API const concert_deal *concert_solution_deal(const concert_solution *s, size_t i);
/** The solution as JSON (schema concert-solution/1, docs/json-schema.md): the outcome,
 * every round's forecast, mean and positions, and the deals. actor_ids/issue_ids name the
 * rows and columns (NULL: "#0", "#1", ...). *json is freed by the caller with concert_free()
 * (or free()).
 * O(rounds x actors x issues). */
CONCERT_API concert_status concert_solution_to_json(const concert_solution *s,
                                                    const char *const *actor_ids,
                                                    const char *const *issue_ids, char **json,
                                                    concert_diag *diag);
/** The rounds as tidy long CSV (docs/csv.md): round,issue,actor,quantity,value (forecast,
 * mean and each actor's position per round and issue, then round "final" with the outcome).
 * Ids as in concert_solution_to_json. CONCERT_ERR_IO when a write fails.
 * O(rounds x actors x issues). */
CONCERT_API concert_status concert_solution_write_csv(const concert_solution *s,
                                                      const char *const *actor_ids,
                                                      const char *const *issue_ids, FILE *out);
/** Why the model stopped ("fixed rounds", "converged", ...), never NULL. */
CONCERT_API const char *concert_solution_stop_reason(const concert_solution *s);

#ifdef __cplusplus
}
#endif
#endif
