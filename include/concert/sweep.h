/* concert/sweep.h: Monte Carlo sweeps over a scenario's judgment ranges (docs/sweep.md).
 *
 * A sweep plays a forum's summit RUNS times. Run r draws every ranged number of the scenario
 * (and every attendance event with a probability) from stream r of the seed
 * (concert/rng.h), plays the summit on the draw with the chair deciding from the draw's
 * point values (forgo_evaluation: point), and records the document's fate, each agenda
 * issue's statement, signatories, blockers and text, the rift index and the members' net
 * gains. Results are probabilities with their Monte Carlo standard errors and quantiles,
 * byte-identical at any thread count and any split into parts.
 *
 * Every result comes from one flat array of int64 counters (concert_sweep_counters) that
 * each run adds to and whose merge is elementwise addition: counts of fates, statements,
 * signatures and blocks; for means and standard errors, fixed-point sums of x and x^2 at
 * 2^20 units per point (x^2 in two words), good for 2^31 runs and values below 2048 in
 * magnitude; for quantiles, histograms at a fixed resolution over each quantity's range
 * (texts 0..100 and net gains -100..100 at 0.01 points, rift components 0..1 at 0.0001),
 * values outside the range counted apart; for variance shares, per input and bin counts of
 * runs and of each headline. So memory is O(issues x members + bins), flat in runs
 * (docs/sweep.md, "What is aggregated"). */
#ifndef CONCERT_SWEEP_H
#define CONCERT_SWEEP_H
#ifdef __cplusplus
extern "C" {
#endif
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "export.h"
#include "model.h"
#include "params.h"
#include "scenario.h"
#include "status.h"
#include "summit.h"

typedef struct concert_sweep concert_sweep;

/** Progress: `done` of `total` runs finished. Return nonzero to cancel the sweep (it then
 * returns CONCERT_ERR_CANCELLED). Called from the calling thread only. */
typedef int (*concert_sweep_progress_fn)(size_t done, size_t total, void *user);

/** What to sweep and how. Start from concert_sweep_options_init. */
typedef struct concert_sweep_options {
  size_t runs;                     /* number of runs (>= 1) */
  uint64_t seed;                   /* the seed: run r uses stream r of it */
  unsigned threads;                /* worker threads (0 or 1: the calling thread alone) */
  size_t forum;                    /* forum index */
  const concert_model *model;      /* NULL: the scenario's model */
  const concert_params *model_params; /* NULL: the scenario's (or none with `model`) */
  const concert_params *protocol;  /* protocol overrides (NULL: none); the sweep adds
                                      forgo_evaluation=point unless it is set here */
  concert_sweep_progress_fn progress; /* may be NULL */
  void *user;                      /* passed to progress */
  const char *db_path;             /* NULL: keep nothing; else an SQLite database the runs
                                      stream into, BATCH runs per transaction, in run order
                                      (docs/sweep.md, "Results that survive a crash");
                                      borrowed for the call */
  bool resume;                     /* with db_path: complete the sweep the database holds
                                      (it must be this sweep: same scenario file bytes,
                                      forum, model, parameters, seed and overrides); false:
                                      a database that already holds data is refused */
  size_t part, parts;              /* parts 0 or 1: the whole sweep; else only the runs r with
                                      (r / 256) % parts == part (blocks of the database batch):
                                      the sum of all parts' counters is the whole sweep
                                      (concert_sweep_counters); refused with a database */
  bool counts_only;                /* keep the counts alone (fates, statements, signatures,
                                      blocks, joint statements per run: concert_sweep_agreed):
                                      texts, rift and net gains are then empty spreads and
                                      there are no variance shares; for callers that read no
                                      more (concert design), whose sweeps are short */
} concert_sweep_options;

/** A probability with its Monte Carlo standard error sqrt(p (1 - p) / n). */
typedef struct concert_estimate {
  double p;  /* share of runs */
  double se; /* its standard error */
} concert_estimate;

/** The distribution of a quantity over the runs where it is defined. */
typedef struct concert_spread {
  size_t n;       /* runs where it is defined (NaN values and texts not issued left out) */
  double mean;    /* its mean (NaN when n = 0), from fixed-point sums (2^20 units per point) */
  double se;      /* standard error of the mean, sd / sqrt(n) (NaN when n < 2) */
  double q[5];    /* quantiles at 5, 25, 50, 75, 95%: type 7 (linear between order
                     statistics) of the values rounded to the quantity's resolution, so
                     within half of it of the exact type 7 (docs/sweep.md) */
  size_t outside; /* values outside the histogram's range (in n, mean and se; a quantile
                     among them is reported as the range's end) */
} concert_spread;

/** The resolution of the quantiles of texts and net gains (points) and of the rift
 * components. */
#define CONCERT_SWEEP_TEXT_RESOLUTION 0.01
#define CONCERT_SWEEP_RIFT_RESOLUTION 0.0001
/** The most runs a sweep holds (its fixed-point sums of squares are two 64-bit words). */
#define CONCERT_SWEEP_MAX_RUNS ((size_t)1 << 31)

/** What a sweep input is: a ranged number of the scenario or a chancy event. */
typedef enum concert_sweep_input_kind {
  CONCERT_SWEEP_CAPABILITY = 0, /* an actor's capability */
  CONCERT_SWEEP_POSITION = 1,   /* an actor's position on an issue */
  CONCERT_SWEEP_SALIENCE = 2,   /* an actor's salience of an issue */
  CONCERT_SWEEP_TOLERANCE = 3,  /* an actor's tolerance on an issue */
  CONCERT_SWEEP_RED_LINE = 4,   /* an actor's red line on an issue */
  CONCERT_SWEEP_REVERSION = 5,  /* an issue's reversion point */
  CONCERT_SWEEP_EVENT = 6       /* an attendance event with a probability below 1 */
} concert_sweep_input_kind;

/** One input of a sweep: a number each run draws, or an event each run keeps or drops. */
typedef struct concert_sweep_input {
  concert_sweep_input_kind kind; /* which number */
  size_t actor;                  /* actor index (SIZE_MAX for a reversion point) */
  size_t issue;                  /* issue index (SIZE_MAX for a capability or an event) */
  size_t event;                  /* the forum's event index in file order (events only, else
                                    SIZE_MAX) */
} concert_sweep_input;

/** The variance shares' bins per input (the given-data estimator's K). */
#define CONCERT_SWEEP_SHARE_BINS 16
/** The sheet's floor: variance shares below it are not listed as "hinges on". */
#define CONCERT_SWEEP_SHARE_FLOOR 0.05

/** The quantile levels of concert_spread.q: 0.05, 0.25, 0.5, 0.75, 0.95. */
CONCERT_API const double *concert_sweep_levels(void);

/** Defaults: 1000 runs, seed 1, 1 thread, forum 0, the scenario's model, no overrides, no
 * database. */
CONCERT_API void concert_sweep_options_init(concert_sweep_options *o);

/** Runs the sweep. On success *out is owned by the caller (concert_sweep_free); it borrows
 * s, which must outlive it. Errors: a run's error (the lowest failing run's), NOMEM,
 * CANCELLED when progress asked, ARGUMENT for parts > 1 with a database or part >= parts,
 * TOO_LARGE beyond CONCERT_SWEEP_MAX_RUNS runs, RANGE when a run's value is beyond the
 * fixed-point range (|x| >= 2048).
 *
 * With o->db_path, each run's values (document fate; per agenda issue the statement kind
 * and text; per member and issue signed and blocked; net gains; the six rift components)
 * are written to the database in run order, one transaction per 256 runs; runs played
 * before an error or a cancellation are written too. With o->resume the runs the database
 * already holds (index below o->runs) are read back instead of played, so the results are
 * byte-identical to an uninterrupted sweep. Database errors are CONCERT_ERR_IO with the
 * file name and SQLite's message; a database holding data without o->resume, or holding
 * another sweep (the message names each differing item), is CONCERT_ERR_INVALID. The
 * scenario is told by concert_scenario_hash. Extra
 * cost: the database writes (one row per issue x member per run; docs/sweep.md gives
 * timings), one bit per run and 1,024 runs' values waiting to be written.
 *
 * Cost: runs x one summit run with its chair evaluating once
 * (concert_summit_run) / threads, plus per run O(issues x members + inputs x headlines) to
 * add to the counters; memory O(threads x (issues x members + bins + inputs x headlines))
 * counters, whatever the number of runs. */
CONCERT_API concert_status concert_sweep_run(const concert_scenario *s,
                                             const concert_sweep_options *o,
                                             concert_sweep **out, concert_diag *diag);
/** Frees w; NULL is harmless. */
CONCERT_API void concert_sweep_free(concert_sweep *w);

/** The sweep's counters: *n int64 values whose elementwise sum over the parts of a sweep
 * (same scenario and options but `part`) is the whole sweep's. Adding every part's array
 * into one part's array (in any order) makes every getter and writer of that sweep report
 * the whole sweep, byte-identical to a sweep in one part. The array belongs to w (valid
 * until concert_sweep_free); its layout is fixed by the scenario, forum and runs and is not
 * otherwise documented. O(1). */
CONCERT_API int64_t *concert_sweep_counters(concert_sweep *w, size_t *n);

/** The scenario, forum index, model name, runs and seed swept (runs: the runs played, the
 * first of the counters). O(1). */
CONCERT_API const concert_scenario *concert_sweep_scenario(const concert_sweep *w);
CONCERT_API size_t concert_sweep_forum(const concert_sweep *w);
CONCERT_API const char *concert_sweep_model(const concert_sweep *w);
CONCERT_API size_t concert_sweep_runs(const concert_sweep *w);
CONCERT_API uint64_t concert_sweep_seed(const concert_sweep *w);
/** The probability of document fate f (issued, issued_with_carve_out, forgone, failed,
 * disowned). O(1). */
CONCERT_API concert_estimate concert_sweep_fate(const concert_sweep *w, concert_document_fate f);
/** Agenda issues, in agenda order; concert_sweep_issue gives the scenario issue index. */
CONCERT_API size_t concert_sweep_issue_count(const concert_sweep *w);
CONCERT_API size_t concert_sweep_issue(const concert_sweep *w, size_t i);
/** Forum members, in forum order; concert_sweep_member gives the actor index. */
CONCERT_API size_t concert_sweep_member_count(const concert_sweep *w);
CONCERT_API size_t concert_sweep_member(const concert_sweep *w, size_t m);
/** The probability that agenda issue i gets a statement (joint or minilateral). O(1). */
CONCERT_API concert_estimate concert_sweep_statement(const concert_sweep *w, size_t i);
/** The probability that it gets a joint statement. O(1). */
CONCERT_API concert_estimate concert_sweep_joint(const concert_sweep *w, size_t i);
/** The probability that member m signs issue i's statement. O(1). */
CONCERT_API concert_estimate concert_sweep_signs(const concert_sweep *w, size_t i, size_t m);
/** The probability that member m blocks issue i's text (a pivotal blocker or party to a
 * deadlock; docs/protocol.md, blockers). O(1). */
CONCERT_API concert_estimate concert_sweep_blocks(const concert_sweep *w, size_t i, size_t m);
/** Texts counted as a record of a real summit counts them (concert_outcome_issue_text in
 * concert/summit.h: a statement, or the issue's paragraph in the issued document): the
 * probability that agenda issue i has a text (joint or of some members), that it has one
 * in the name of every member present, that member m endorses it, and that member m blocks
 * the issue when it has no joint text. O(1). These feed `concert backtest`. */
CONCERT_API concert_estimate concert_sweep_text_any(const concert_sweep *w, size_t i);
CONCERT_API concert_estimate concert_sweep_text_joint(const concert_sweep *w, size_t i);
CONCERT_API concert_estimate concert_sweep_text_signs(const concert_sweep *w, size_t i, size_t m);
CONCERT_API concert_estimate concert_sweep_text_blocks(const concert_sweep *w, size_t i, size_t m);
/** The text of issue i over the runs where a statement was issued. O(bins). */
CONCERT_API concert_spread concert_sweep_text(const concert_sweep *w, size_t i);
/** The share of the agenda issues that get a joint statement, over the runs (its mean is
 * the expected share agreed; se its Monte Carlo standard error). NaN values with an empty
 * agenda. O(issues). */
CONCERT_API concert_spread concert_sweep_agreed(const concert_sweep *w);
/** Rift component c (concert/rift.h) over the runs where it is known. O(bins). */
CONCERT_API concert_spread concert_sweep_rift(const concert_sweep *w, concert_rift_component c);
/** Member m's net gain in points (histogram range -100..100). O(bins). */
CONCERT_API concert_spread concert_sweep_net_gain(const concert_sweep *w, size_t m);

/** Inputs of the variance shares: every number the draw draws and every event with a
 * probability below 1 that concerns the swept forum (its members' capabilities and stances,
 * every issue's reversion point, the forum's events), in draw order (docs/sweep.md). O(1). */
CONCERT_API size_t concert_sweep_input_count(const concert_sweep *w);
CONCERT_API concert_sweep_input concert_sweep_input_at(const concert_sweep *w, size_t j);
/** "capability", "position", "salience", "tolerance", "red_line", "reversion", "event"; ""
 * out of range. Static storage. O(1). */
CONCERT_API const char *concert_sweep_input_kind_name(concert_sweep_input_kind k);
/** Headlines of the variance shares: 0 is "the document is issued, with or without
 * carve-outs", 1 + i is "agenda issue i gets a statement". O(1). */
CONCERT_API size_t concert_sweep_headline_count(const concert_sweep *w);
/** The first-order variance share (Sobol index) of input j in headline h, by the
 * given-data binning estimator with CONCERT_SWEEP_SHARE_BINS equiprobable bins of the
 * input's uniform: sum over bins of n_b (mean_b - mean)^2 / (N var), less its null bias
 * (K - 1) / (N - 1), floored at 0; in [0, 1]. NaN when the headline never varies (or
 * fewer than 2 runs). docs/sweep.md, "Variance shares". O(bins). */
CONCERT_API double concert_sweep_variance_share(const concert_sweep *w, size_t h, size_t j);

/** The chance level of the variance shares: the share that an input without any effect
 * exceeds with probability 1e-4 at this many runs, (chi2_{K-1}(1 - 1e-4) - (K - 1)) / (N - 1)
 * with K = CONCERT_SWEEP_SHARE_BINS (about 27 / N). The sheet lists an input under
 * "hinges on" only above both this and CONCERT_SWEEP_SHARE_FLOOR. NaN below 2 runs. O(1). */
CONCERT_API double concert_sweep_share_chance(const concert_sweep *w);

/** The results as JSON, schema concert-sweep/1 (docs/json-schema.md). *json is a new string
 * the caller frees with concert_free() (or free()). O(size of the results). */
CONCERT_API concert_status concert_sweep_to_json(const concert_sweep *w, char **json,
                                                 concert_diag *diag);
/** The readable results sheet. CONCERT_ERR_IO when writing fails. */
CONCERT_API concert_status concert_sweep_write_text(const concert_sweep *w, FILE *out);
/** The results as a tidy long CSV: forum,quantity,issue,actor,value,se, one row per
 * quantity (docs/sweep.md lists the quantities). CONCERT_ERR_IO when writing fails. */
CONCERT_API concert_status concert_sweep_write_csv(const concert_sweep *w, FILE *out);

#ifdef __cplusplus
}
#endif
#endif
