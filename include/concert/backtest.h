/* concert/backtest.h: the summit record as a test set (docs/backtest.md).
 *
 * A record is a directory of observed summit outcomes: summits.csv (one row per summit: its
 * scenario, forum and the fate of its communiqué or declaration), statements.csv (one row
 * per summit and agenda issue: statement or not, signatories, blockers) and PROVENANCE.md.
 * concert_backtest_run plays every summit's scenario (a point run, or a sweep for
 * probabilities) and scores the forecasts against the observations beside three naive
 * forecasters: the leave-one-summit-out base rate, "always a communiqué" and "same as the
 * forum's previous summit". Scores: accuracy, Brier score and log score per target, and a
 * calibration table of the binary targets. By default no parameter is fitted on the record;
 * a fit enters only through concert_backtest_options.fit, called once per summit with that
 * summit held out. concert_backtest_grid is the fit the library provides: a grid search
 * over protocol parameter values, chosen leave-one-summit-out by the Brier score. */
#ifndef CONCERT_BACKTEST_H
#define CONCERT_BACKTEST_H
#ifdef __cplusplus
extern "C" {
#endif
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "export.h"
#include "params.h"
#include "scenario.h"
#include "status.h"
#include "summit.h"

typedef struct concert_record concert_record;
typedef struct concert_backtest concert_backtest;

/** The clipping of probabilities in the log score: p is taken in [EPS, 1 - EPS], so a 0/1
 * forecaster that is wrong scores ln(0.01) instead of minus infinity. */
#define CONCERT_BACKTEST_EPS 0.01
/** Fates a document can have (issued .. disowned: concert_document_fate). */
#define CONCERT_BACKTEST_FATES 5
/** Bins of the calibration table: [0, 0.1), [0.1, 0.2), ..., [0.9, 1]. */
#define CONCERT_BACKTEST_BINS 10

/** Who forecasts. */
typedef enum concert_forecaster {
  CONCERT_FORECASTER_CONCERT = 0,   /* the engine: a point run (0/1) or a sweep */
  CONCERT_FORECASTER_BASE_RATE = 1, /* frequency among the other summits of the record */
  CONCERT_FORECASTER_ALWAYS = 2,    /* always a communiqué, a joint statement on every issue */
  CONCERT_FORECASTER_PREVIOUS = 3   /* as the previous summit of the same forum (by date) */
} concert_forecaster;
#define CONCERT_FORECASTERS 4

/** What is forecast. */
typedef enum concert_backtest_target {
  CONCERT_TARGET_FATE = 0,      /* the document's fate, five classes */
  CONCERT_TARGET_STATEMENT = 1, /* per agenda issue: a statement (joint or minilateral) */
  CONCERT_TARGET_SIGNATORY = 2, /* per agenda issue and forum member: it signs */
  CONCERT_TARGET_BLOCKER = 3    /* per agenda issue and forum member: it blocks */
} concert_backtest_target;
#define CONCERT_TARGETS 4

/** Reads the record in directory dir (dir/summits.csv, dir/statements.csv; the scenarios
 * are paths relative to dir) and loads every summit's scenario. Every bad cell is refused
 * with file, line, column and the column's name: fates, statements, dates, unknown summit,
 * issue or actor ids (by name), duplicate rows, missing scenario files. On success *out is
 * owned by the caller (concert_record_free). O(bytes + scenario loads). */
CONCERT_API concert_status concert_record_load(const char *dir, concert_record **out,
                                               concert_diag *diag);
/** Frees r; NULL is harmless. */
CONCERT_API void concert_record_free(concert_record *r);
/** The directory it was read from. O(1). */
CONCERT_API const char *concert_record_dir(const concert_record *r);
/** Summits, in file order. O(1). */
CONCERT_API size_t concert_record_summit_count(const concert_record *r);
/** Summit i's id, forum name, date (YYYY-MM-DD), scenario (loaded, owned by r) and forum
 * index in it; NULL / 0 when i is out of range. O(1). */
CONCERT_API const char *concert_record_summit_id(const concert_record *r, size_t i);
CONCERT_API const char *concert_record_summit_forum_name(const concert_record *r, size_t i);
CONCERT_API const char *concert_record_summit_date(const concert_record *r, size_t i);
CONCERT_API const concert_scenario *concert_record_summit_scenario(const concert_record *r,
                                                                   size_t i);
CONCERT_API size_t concert_record_summit_forum(const concert_record *r, size_t i);
/** Its observed fate into *fate; false when unknown (or i out of range). O(1). */
CONCERT_API bool concert_record_summit_fate(const concert_record *r, size_t i,
                                            concert_document_fate *fate);

typedef struct concert_backtest_options concert_backtest_options;

/** Held-out fitting: returns in *protocol the protocol overrides fitted on every summit of
 * r except `held_out` (NULL: none), owned by the caller (concert_params_free); o is the
 * backtest's options (runs, seed, threads: how a fit should play the other summits). A
 * nonzero status stops the backtest. concert_backtest_grid_fit is one. */
typedef concert_status (*concert_backtest_fit_fn)(const concert_record *r,
                                                  const concert_backtest_options *o,
                                                  size_t held_out, concert_params **protocol,
                                                  void *user, concert_diag *diag);

/** How to play. Start from concert_backtest_options_init. */
struct concert_backtest_options {
  size_t runs;                 /* 1: the point run as `concert run` plays it (0/1
                                  probabilities); > 1: a sweep of that many runs */
  uint64_t seed;               /* the sweeps' seed */
  unsigned threads;            /* the sweeps' worker threads (results do not depend on it) */
  concert_backtest_fit_fn fit; /* NULL (default): no parameter fitted on the record */
  void *fit_user;              /* passed to fit */
  const char *fit_label;       /* what fit does, for the output (copied; NULL: a generic
                                  phrase); concert_backtest_grid_use sets it */
};

/** Defaults: 1 run, seed 1, 1 thread, no fitting. */
CONCERT_API void concert_backtest_options_init(concert_backtest_options *o);

/** Plays every summit of r and scores it. On success *out is owned by the caller
 * (concert_backtest_free); it borrows r, which must outlive it. An agenda issue of a
 * statements.csv row that is not on the forum's agenda is refused here (at the row's
 * issue cell). Cost: one summit run (runs == 1) or one sweep per summit, plus
 * O(items x summits) for the leave-one-out base rates, items being the binary targets, plus
 * what o->fit costs (a grid fit: grid x summits summit runs or sweeps, once). */
CONCERT_API concert_status concert_backtest_run(const concert_record *r,
                                                const concert_backtest_options *o,
                                                concert_backtest **out, concert_diag *diag);
/** Frees b; NULL is harmless. */
CONCERT_API void concert_backtest_free(concert_backtest *b);

/** Scores of one forecaster on one target, over the observations that are known. */
typedef struct concert_backtest_score {
  size_t n;         /* observations scored */
  size_t unknown;   /* observations skipped: observed "unknown" or not recorded */
  double accuracy;  /* share right (NaN when n = 0) */
  double brier;     /* mean Brier score (fate: summed over the five fates, 0..2; binary:
                       (p - o)^2, 0..1); lower is better; NaN when n = 0 */
  double log_score; /* mean ln p(observed), p clipped to [EPS, 1 - EPS]; higher is better */
  size_t fallbacks; /* PREVIOUS: forecasts that fell back to the base rate */
} concert_backtest_score;

/** The score of forecaster f on target t. O(1). */
CONCERT_API concert_backtest_score concert_backtest_get_score(const concert_backtest *b,
                                                              concert_forecaster f,
                                                              concert_backtest_target t);

/** One summit's fate: forecast against observed. */
typedef struct concert_backtest_summit {
  const char *id;                 /* summit id (borrowed) */
  concert_document_fate forecast; /* concert's most probable fate (ties: the first) */
  double p_forecast;              /* its probability */
  bool known;                     /* the fate was observed */
  concert_document_fate observed; /* the observed fate (when known) */
  double p_observed;              /* concert's probability of the observed fate */
  double p[CONCERT_FORECASTERS][CONCERT_BACKTEST_FATES]; /* every forecaster's fate
                                                            probabilities */
  bool previous_fallback;         /* PREVIOUS fell back to the base rate on the fate */
  size_t previous;                /* index of the forum's previous summit (SIZE_MAX: none) */
  const concert_params *protocol; /* the protocol overrides the fit returned for it, which
                                     it was played with (owned by the backtest; NULL: none) */
} concert_backtest_summit;

/** Summits, in record order; NULL when i is out of range. O(1). */
CONCERT_API size_t concert_backtest_summit_count(const concert_backtest *b);
CONCERT_API const concert_backtest_summit *concert_backtest_summit_at(const concert_backtest *b,
                                                                      size_t i);

/** One binary forecast: a statement on an agenda issue, or a member signing or blocking. */
typedef struct concert_backtest_item {
  size_t summit;                  /* summit index */
  concert_backtest_target target; /* STATEMENT, SIGNATORY or BLOCKER */
  const char *issue;              /* agenda issue id (borrowed) */
  const char *actor;              /* member id (NULL for STATEMENT) */
  int observed;                   /* 1, 0, or -1 unknown */
  double p[CONCERT_FORECASTERS];  /* each forecaster's probability of 1 */
  bool previous_fallback;         /* PREVIOUS fell back to the base rate */
} concert_backtest_item;

/** Binary items, summit by summit in agenda order (statement, then signatories and blockers
 * member by member); NULL when i is out of range. O(1). */
CONCERT_API size_t concert_backtest_item_count(const concert_backtest *b);
CONCERT_API const concert_backtest_item *concert_backtest_item_at(const concert_backtest *b,
                                                                  size_t i);

/** One bin of the calibration table (concert's forecasts of the binary targets pooled). */
typedef struct concert_backtest_bin {
  double lo, hi;   /* forecast probabilities in [lo, hi) (the last bin: [0.9, 1]) */
  size_t n;        /* known observations in the bin */
  double forecast; /* mean forecast probability (NaN when n = 0) */
  double observed; /* observed frequency (NaN when n = 0) */
} concert_backtest_bin;

/** Bin k (0 .. CONCERT_BACKTEST_BINS - 1). O(1). */
CONCERT_API concert_backtest_bin concert_backtest_calibration(const concert_backtest *b, size_t k);
/** The runs per summit and the seed used; whether a fit function was used and its label
 * (options.fit_label; NULL when none was given). O(1). */
CONCERT_API size_t concert_backtest_runs(const concert_backtest *b);
CONCERT_API uint64_t concert_backtest_seed(const concert_backtest *b);
CONCERT_API bool concert_backtest_fitted(const concert_backtest *b);
CONCERT_API const char *concert_backtest_fit_label(const concert_backtest *b);

/* ---- Leave-one-summit-out grid fit (src/backtest/fit.c, docs/backtest.md) ---- */

/** A grid of protocol parameter values. Its points are every combination of the values
 * added, in the order given: the first parameter added varies slowest. */
typedef struct concert_backtest_grid concert_backtest_grid;

/** What the grid fit minimises on the other summits. */
typedef enum concert_backtest_fit_target {
  CONCERT_FIT_FATE = 0, /* the mean fate Brier score (default) */
  CONCERT_FIT_ALL = 1   /* the sum over the four targets of their mean Brier scores */
} concert_backtest_fit_target;

/** Most grid points a grid may have (CONCERT_ERR_TOO_LARGE beyond). */
#define CONCERT_BACKTEST_GRID_MAX 4096

/** A new empty grid (target CONCERT_FIT_FATE). On success *out is owned by the caller
 * (concert_backtest_grid_free). O(1). */
CONCERT_API concert_status concert_backtest_grid_new(concert_backtest_grid **out,
                                                     concert_diag *diag);
/** Frees g; NULL is harmless. */
CONCERT_API void concert_backtest_grid_free(concert_backtest_grid *g);
/** Adds a parameter with its values from the text "KEY=V1,V2,..." (a value is a number if
 * it parses fully as one, else a word). Each value is checked by the protocol's own
 * parameter table (concert_summit_params): an unknown key, a word for a number, a number
 * out of range or a word not allowed is refused with the key in diag->path; so are an empty
 * key or value, a key given twice and more than CONCERT_BACKTEST_GRID_MAX points.
 * O(values x table). */
CONCERT_API concert_status concert_backtest_grid_add(concert_backtest_grid *g,
                                                     const char *assignment, concert_diag *diag);
/** Sets what the fit minimises. CONCERT_ERR_ARGUMENT for an unknown target. O(1). */
CONCERT_API concert_status concert_backtest_grid_set_target(concert_backtest_grid *g,
                                                            concert_backtest_fit_target t);
/** Grid points (the product of the value counts; 0 for an empty grid). O(1). */
CONCERT_API size_t concert_backtest_grid_size(const concert_backtest_grid *g);
/** "KEY over {V1, V2}, KEY2 over {...}; by the mean fate Brier score on the other summits"
 * (owned by g, valid until it changes). O(1). */
CONCERT_API const char *concert_backtest_grid_label(const concert_backtest_grid *g);
/** Points o at the grid: o->fit = concert_backtest_grid_fit, o->fit_user = g, o->fit_label
 * its label. g must outlive the backtest run. O(1). */
CONCERT_API void concert_backtest_grid_use(concert_backtest_grid *g, concert_backtest_options *o);
/** The fit function (user: the grid). On its first call for a record and options it plays
 * every summit at every grid point once (grid x summits summit runs or sweeps) and keeps
 * each (summit, point)'s Brier sums; then, for each held-out summit, it returns the point
 * with the lowest criterion on the other summits (their known observations; ties: the
 * first point). An empty grid is CONCERT_ERR_EMPTY. */
CONCERT_API concert_status concert_backtest_grid_fit(const concert_record *r,
                                                     const concert_backtest_options *o,
                                                     size_t held_out, concert_params **protocol,
                                                     void *user, concert_diag *diag);
/** After a fit for a record of summits: the criterion of grid point k with summit held_out
 * held out (the value minimised; NaN before the first fit or out of range). O(points). */
CONCERT_API double concert_backtest_grid_criterion(const concert_backtest_grid *g, size_t held_out,
                                                   size_t k);

/** Names: "concert", "base_rate", "always", "previous". */
CONCERT_API const char *concert_forecaster_name(concert_forecaster f);
/** Names: "fate", "statement", "signatory", "blocker". */
CONCERT_API const char *concert_backtest_target_name(concert_backtest_target t);

/** The readable report: per summit forecast and observed, scores side by side, the
 * calibration table, counts of unknowns. CONCERT_ERR_IO when writing fails. O(items). */
CONCERT_API concert_status concert_backtest_write_text(const concert_backtest *b, FILE *out);
/** The results as JSON, schema concert-backtest/1 (docs/json-schema.md). *json is a new
 * string the caller frees with concert_free() (or free()). O(items). */
CONCERT_API concert_status concert_backtest_to_json(const concert_backtest *b, char **json,
                                                    concert_diag *diag);
/** Tidy long CSV: section,summit,issue,actor,forecaster,target,quantity,value (docs/backtest.md).
 * CONCERT_ERR_IO when writing fails. O(items). */
CONCERT_API concert_status concert_backtest_write_csv(const concert_backtest *b, FILE *out);

#ifdef __cplusplus
}
#endif
#endif
