/* concert/sensitivity.h: tipping points (docs/sensitivity.md).
 *
 * For each headline result of a forum's summit (the document's actual fate, the fate the
 * chair expects, and each agenda issue's statement) and each judgment number with a range
 * (members' and invited partners' position, salience, tolerance and red line on the
 * forum's negotiated agenda issues, members' capabilities, the issues' reversion points),
 * concert_sensitivity_run finds the smallest change of that one number, within its range,
 * in each direction, that flips the result: it plays the summit with the number at the
 * range end, and when the result differs there, bisects between the value and that end.
 * Results may change more than once along a range; bisection then finds a flip point, not
 * necessarily the nearest. The scenario is never written (the engine's working copies are
 * moved). */
#ifndef CONCERT_SENSITIVITY_H
#define CONCERT_SENSITIVITY_H
#ifdef __cplusplus
extern "C" {
#endif
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "export.h"
#include "model.h"
#include "params.h"
#include "scenario.h"
#include "status.h"
#include "summit.h"

typedef struct concert_sensitivity concert_sensitivity;

/** Which headline result. */
typedef enum concert_headline_kind {
  CONCERT_HEADLINE_DOCUMENT = 0,          /* the document's fate at the summit as it happens
                                             (its events, the chair's forgo decision) */
  CONCERT_HEADLINE_DOCUMENT_EXPECTED = 1, /* the fate the chair expects before the summit */
  CONCERT_HEADLINE_STATEMENT = 2          /* one agenda issue's statement at the summit */
} concert_headline_kind;

/** A headline's result: a document fate, or a statement's kind and label. */
typedef struct concert_headline_result {
  concert_document_fate fate;  /* document headlines */
  concert_statement_kind kind; /* statement headlines: none, joint, minilateral */
  bool forum_label;            /* statement headlines: a statement of the forum */
} concert_headline_result;

/** The smallest change of one number, in one direction, that flips a headline. */
typedef struct concert_tipping_point {
  concert_hinge_field field; /* position, salience, tolerance, red_line, capability, reversion */
  size_t actor;              /* actor index (SIZE_MAX for a reversion point) */
  size_t issue;              /* issue index (SIZE_MAX for a capability) */
  bool partner;              /* the actor is an invited partner, not a member */
  double value;              /* the number in the scenario */
  double lo, hi;             /* its judgment range */
  int direction;             /* -1: toward lo, +1: toward hi */
  double at;                 /* the flip point: from here on (toward the end) the result differs */
  double change;             /* |at - value| / (hi - lo), in [0, 1] */
  bool within;               /* at lies within [lo, hi] (always, by construction) */
  concert_headline_result result; /* the result at the flip point */
} concert_tipping_point;

/** One headline with its tipping points (arrays borrowed from the sensitivity object). */
typedef struct concert_headline {
  concert_headline_kind kind;
  size_t issue;                   /* statement headlines: scenario issue index; else SIZE_MAX */
  concert_headline_result result; /* at the scenario's values */
  const concert_tipping_point *points; /* the flips, nearest first (by change, then input order) */
  size_t n_points;
  size_t n_no_flip; /* directions tried with no flip within the range */
} concert_headline;

/** Finds the tipping points of forum f of scenario s (model, model_params and protocol as in
 * concert_summit_run). On success *out is owned by the caller (concert_sensitivity_free); it
 * borrows s, which must outlive it. Cost: for R judgment ranges with low < high, H headlines
 * and B <= 11 bisection steps (ceil(log2(width / tolerance)): tolerance 0.05 points, 0.001
 * for saliences, 0.01 for capabilities), at most 2R (1 + H x B) summit plays, in practice
 * 2R plus B per flipping (headline, direction); a play costs S model solves for S sessions
 * plus, for the document's actual fate when the chair may forgo, up to (1 + 2J) x S for the
 * chair's expectation (stopped once the forgo decision is decided). */
CONCERT_API concert_status concert_sensitivity_run(const concert_scenario *s, size_t f,
                                                   const concert_model *model,
                                                   const concert_params *model_params,
                                                   const concert_params *protocol,
                                                   concert_sensitivity **out, concert_diag *diag);
/** Frees x; NULL is harmless. */
CONCERT_API void concert_sensitivity_free(concert_sensitivity *x);
/** Headlines: the document's actual fate, its expected fate, then each negotiated agenda
 * issue's statement in agenda order. */
CONCERT_API size_t concert_sensitivity_headline_count(const concert_sensitivity *x);
/** The i-th headline (NULL beyond the count); lives as long as x. */
CONCERT_API const concert_headline *concert_sensitivity_headline(const concert_sensitivity *x,
                                                                 size_t i);
/** The judgment ranges tried (numbers with low < high). */
CONCERT_API size_t concert_sensitivity_range_count(const concert_sensitivity *x);
/** The summit plays it took. */
CONCERT_API size_t concert_sensitivity_play_count(const concert_sensitivity *x);
/** The scenario and forum index it borrows. */
CONCERT_API const concert_scenario *concert_sensitivity_scenario(const concert_sensitivity *x);
CONCERT_API size_t concert_sensitivity_forum(const concert_sensitivity *x);
/** Words for a headline's result: a fate in the sheet's words ("issued with carve-outs"),
 * or "no statement", "joint statement", "statement of the forum", "statement of members". */
CONCERT_API const char *concert_headline_result_words(concert_headline_kind kind,
                                                      concert_headline_result r);
/** Writes the sensitivity sheet: per headline its result, what it hinges on (the nearest
 * tipping point) and the `top` nearest tipping points (0: all). O(size). */
CONCERT_API concert_status concert_sensitivity_write_text(const concert_sensitivity *x, FILE *out,
                                                          size_t top);
/** Writes every tipping point as CSV, one row each (docs/sensitivity.md). O(size). */
CONCERT_API concert_status concert_sensitivity_write_csv(const concert_sensitivity *x, FILE *out);
/** The tipping points as JSON (schema concert-sensitivity/1, docs/json-schema.md); *json is
 * a NUL-terminated string the caller frees with concert_free() (or free()). */
CONCERT_API concert_status concert_sensitivity_to_json(const concert_sensitivity *x, char **json,
                                                       concert_diag *diag);

#ifdef __cplusplus
}
#endif
#endif
