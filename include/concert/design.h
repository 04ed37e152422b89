/* concert/design.h: membership search (docs/design.md).
 *
 * Every forum of K members drawn from a list of candidate actors (lexicographic enumeration
 * over the candidates' order: C(n, K) forums), each built from a template forum of the
 * scenario (its agenda, rule, protocol flags; chair the member with the largest capability,
 * first in candidate order on a tie; no invited partners, no events), played at the point
 * values (runs 1) or swept over the judgment ranges (runs > 1, the same seed for every
 * forum), and ranked by an objective. Results are byte-identical at any thread count. */
#ifndef CONCERT_DESIGN_H
#define CONCERT_DESIGN_H
#ifdef __cplusplus
extern "C" {
#endif
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "export.h"
#include "measures.h"
#include "model.h"
#include "params.h"
#include "scenario.h"
#include "status.h"
#include "sweep.h"

/** What a design ranks by (docs/design.md). */
typedef enum concert_design_objective {
  CONCERT_DESIGN_AGREED_COVERAGE = 0, /* expected share agreed x mean coverage */
  CONCERT_DESIGN_COMMUNIQUE = 1,      /* P(document issued, with or without carve-outs) */
  CONCERT_DESIGN_AGREED = 2,          /* expected share of agenda issues agreed (joint) */
  CONCERT_DESIGN_BALANCE = 3          /* expected share agreed x capability evenness */
} concert_design_objective;

/** The objective's name ("agreed-coverage", "communique", "agreed", "balance"); NULL if
 * unknown. */
CONCERT_API const char *concert_design_objective_name(concert_design_objective obj);
/** The objective called name; false when there is none. O(1). */
CONCERT_API bool concert_design_objective_find(const char *name, concert_design_objective *obj);

/** What to search and how. Start from concert_design_options_init. */
typedef struct concert_design_options {
  const size_t *candidates; /* actor indices, distinct (borrowed for the call) */
  size_t n_candidates;      /* their count */
  size_t size;              /* members per forum, 1..n_candidates */
  size_t template_forum;    /* forum index of the template */
  concert_design_objective objective;
  size_t runs;                        /* 1: point values; > 1: a sweep of each forum */
  uint64_t seed;                      /* the sweeps' seed (the same for every forum) */
  unsigned threads;                   /* worker threads splitting the forums (0 or 1: one) */
  const concert_model *model;         /* NULL: the scenario's model */
  const concert_params *model_params; /* NULL: the scenario's (or none with `model`) */
  const concert_params *protocol;     /* protocol overrides (NULL: none) */
  const concert_worlddata *world;     /* coverage data; NULL: capability shares */
  int year;                           /* coverage year; 0: the latest with data for every
                                         candidate */
  size_t part, parts;                 /* parts 0 or 1: every forum; else only the forums j with
                                         j % parts == part are evaluated and the design is left
                                         unranked until concert_design_merge_values (for a
                                         search split over processes, e.g. MPI ranks) */
} concert_design_options;

/** Defaults: no candidates, size 0, template 0, agreed-coverage, 1 run, seed 1, 1 thread,
 * the scenario's model, no overrides, no world data, year 0. */
CONCERT_API void concert_design_options_init(concert_design_options *o);

/** A scored forum of a design. */
typedef struct concert_design_forum {
  const size_t *members;            /* actor indices, candidate order (size of them; borrowed) */
  size_t index;                     /* its place in the lexicographic enumeration (0-based) */
  size_t chair;                     /* actor index of the chair */
  double score, score_se;           /* the objective and its standard error (NaN at runs 1) */
  double agreed, agreed_se;         /* expected share of agenda issues with a joint statement */
  double communique, communique_se; /* P(issued, with or without carve-outs) */
  double coverage;                  /* mean of the coverage shares (or the capability share) */
  double cover[3];                  /* GDP, military spending, population shares (NaN: none) */
  double evenness;                  /* capability evenness (1 - H) / (1 - 1/K), H the Herfindahl
                                       index of the members' capability shares (1 for K = 1) */
} concert_design_forum;

typedef struct concert_design concert_design;

/** Runs the design. On success *out is owned by the caller (concert_design_free); it borrows
 * s, which must outlive it. Errors: ARGUMENT for a size outside 1..n_candidates or a repeated
 * candidate, NOT_FOUND for a template or candidate out of range, MISSING naming the actor
 * and issue for a candidate without a stance on an agenda issue of the template,
 * TOO_LARGE for more than 10^7 forums, a run's error (the lowest failing forum's), NOMEM.
 * Cost: C(n, K) summit plays (runs 1) or C(n, K) sweeps of `runs` runs, / threads. */
CONCERT_API concert_status concert_design_run(const concert_scenario *s,
                                              const concert_design_options *o, concert_design **out,
                                              concert_diag *diag);
/** A design split into parts (options part/parts): the measured values of its forums,
 * n_forums x 8 doubles as their bit patterns (agreed, agreed_se, communique, communique_se,
 * coverage, cover[0..2]); the forums of other parts hold zero bits. Combining every part's
 * array by bitwise OR (MPI_BOR) gives the whole search's values, bit for bit. *n gets the
 * count of words. NULL for a NULL design. O(1). */
CONCERT_API uint64_t *concert_design_values(concert_design *d, size_t *n);
/** Ranks a design whose values are complete (after OR-ing every part's values into this
 * one's): computes every score and the ranking, exactly as a one-part run would. A one-part
 * design is ranked already; calling it again is harmless. O(n log n). */
CONCERT_API concert_status concert_design_merge_values(concert_design *d, concert_diag *diag);
/** Frees d; NULL is harmless. */
CONCERT_API void concert_design_free(concert_design *d);
/** Forums of the search, C(n, K). O(1). */
CONCERT_API size_t concert_design_count(const concert_design *d);
/** The forum ranked r (0 best): by score, descending, ties by enumeration order (the member
 * lists' lexicographic order in candidate order). NULL when r is out of range or the design
 * is a part not yet merged. O(1). */
CONCERT_API const concert_design_forum *concert_design_ranked(const concert_design *d, size_t r);
/** The coverage year used; 0 when coverage fell back to capability shares. O(1). */
CONCERT_API int concert_design_year(const concert_design *d);

/** The ranking's top `top` forums (0: all) as JSON, schema concert-design/1
 * (docs/json-schema.md); *json is freed by the caller with concert_free() (or free()). */
CONCERT_API concert_status concert_design_to_json(const concert_design *d, size_t top, char **json,
                                                  concert_diag *diag);
/** The readable ranking of the top `top` forums (0: all). CONCERT_ERR_IO when writing fails. */
CONCERT_API concert_status concert_design_write_text(const concert_design *d, size_t top,
                                                     FILE *out);
/** The ranking as CSV: rank,members,chair,score,score_se,agreed,agreed_se,communique,
 * communique_se,coverage,evenness. CONCERT_ERR_IO when writing fails. */
CONCERT_API concert_status concert_design_write_csv(const concert_design *d, size_t top, FILE *out);

#ifdef __cplusplus
}
#endif
#endif
