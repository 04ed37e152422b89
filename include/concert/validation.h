/* concert/validation.h: checking the models against real decisions with known outcomes.
 *
 * Two parts. The DEU loader reads a data set of EU legislative decisions in the layout of
 * the DEU I-III data (Thomson et al. 2006; Arregui & Perarnaud 2021): one row per
 * controversial issue, an actor's position on the issue's 0-100 scale in column p<code>
 * and its salience (0-100) in s<code>, the reference point `rp` and the decision outcome
 * `out`. The validation run predicts every scored issue with every registered model and
 * with naive baselines, and reports several loss functions with percentile-bootstrap
 * confidence intervals. docs/validation.md explains the table and the data sources. */
#ifndef CONCERT_VALIDATION_H
#define CONCERT_VALIDATION_H
#ifdef __cplusplus
extern "C" {
#endif
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdint.h>
#include "export.h"
#include "status.h"

/** A loaded DEU data set (opaque, owned by the caller; free with concert_deu_free). */
typedef struct concert_deu concert_deu;

/** Loader options. Zero-initialise for the defaults. */
typedef struct concert_deu_options {
  bool require_outcome; /* true: a row without an outcome is an error (ERR_MISSING);
                           false (default): the row is loaded and left unscored */
} concert_deu_options;

/** Reads a DEU file (tab-separated, fields optionally double-quoted, header on line 1).
 * Required columns: `isnr` (issue id), `prnr` (proposal id), `out` (outcome), and at least
 * one actor, i.e. a pair of columns p<code> and s<code>. Optional: `rp`, `proc`, `counvte`,
 * `prname`; every other column is ignored. A second line with an empty `isnr` is read as a
 * capability row (the GDP row of the blksv copy). A blank cell or the DEU sentinel 999
 * means "not recorded"; any other number outside [0, 100], NaN or infinity is refused.
 * opt may be NULL (defaults). On success *out is a new data set. On failure diag names the
 * file, line, column and field. Complexity: O(file size + issues log issues). */
CONCERT_API concert_status concert_deu_load(const char *path, const concert_deu_options *opt,
                                            concert_deu **out, concert_diag *diag);
/** As concert_deu_load, from a buffer of len bytes (need not be terminated); name is used
 * in diagnostics and may be NULL. */
CONCERT_API concert_status concert_deu_parse(const char *text, size_t len, const char *name,
                                             const concert_deu_options *opt,
                                             concert_deu **out, concert_diag *diag);
/** Frees a data set; NULL is harmless. */
CONCERT_API void concert_deu_free(concert_deu *d);

/** Number of issue rows (scored or not). O(1). */
CONCERT_API size_t concert_deu_issue_count(const concert_deu *d);
/** Number of actors (p<code>/s<code> column pairs), in header order. O(1). */
CONCERT_API size_t concert_deu_actor_count(const concert_deu *d);
/** Actor a's code ("com", "ep", "de", ...), NULL if out of range. */
CONCERT_API const char *concert_deu_actor(const concert_deu *d, size_t a);
/** Issue k's id (`isnr`), NULL if out of range. */
CONCERT_API const char *concert_deu_issue_id(const concert_deu *d, size_t k);
/** Issue k's proposal id (`prnr`), NULL if out of range. */
CONCERT_API const char *concert_deu_proposal_id(const concert_deu *d, size_t k);
/** Issue k's procedure (`proc`: "COD", "CNS", ... or "" when absent). */
CONCERT_API const char *concert_deu_procedure(const concert_deu *d, size_t k);
/** Issue k's 1-based line in the file (0 if out of range). */
CONCERT_API int concert_deu_issue_line(const concert_deu *d, size_t k);
/** Known outcome of issue k on 0..100, NaN when not recorded. */
CONCERT_API double concert_deu_outcome(const concert_deu *d, size_t k);
/** Reference point of issue k on 0..100, NaN when not recorded. */
CONCERT_API double concert_deu_reference(const concert_deu *d, size_t k);
/** Position of actor a on issue k (0..100), NaN when not recorded. */
CONCERT_API double concert_deu_position(const concert_deu *d, size_t k, size_t a);
/** Salience of actor a on issue k (0..100, as in the file), NaN when not recorded. */
CONCERT_API double concert_deu_salience(const concert_deu *d, size_t k, size_t a);
/** Value of the capability row (e.g. GDP) for actor a, NaN when the file has none. */
CONCERT_API double concert_deu_capability_row(const concert_deu *d, size_t a);
/** Number of actors with both a position and a salience on issue k. O(actors). */
CONCERT_API size_t concert_deu_participants(const concert_deu *d, size_t k);

/** How member states' capabilities are set (docs/validation.md gives the sources). */
typedef enum concert_eu_capability {
  CONCERT_EU_CAP_QMV_VOTES = 0, /* Council votes under the Nice Treaty (DE 29 ... MT 3) */
  CONCERT_EU_CAP_QMV_SSI,       /* Shapley-Shubik index of the Nice QMV game, EU-28 */
  CONCERT_EU_CAP_POPULATION,    /* population 2010 (World Bank), double-majority era */
  CONCERT_EU_CAP_GDP,           /* the data file's own capability row (blksv's GDP) */
  CONCERT_EU_CAP_EQUAL          /* 1 for every actor */
} concert_eu_capability;

/** Parses "qmv-votes", "qmv-ssi", "population", "gdp" or "equal". Returns CONCERT_OK or
 * ERR_INVALID. O(1). */
CONCERT_API concert_status concert_eu_capability_parse(const char *name,
                                                       concert_eu_capability *out);
/** The scheme's name as parsed by concert_eu_capability_parse; "" if unknown. */
CONCERT_API const char *concert_eu_capability_name(concert_eu_capability c);
/** The member state's base capability under scheme c (code as in DEU: "de", "fr", ...).
 * For CONCERT_EU_CAP_EQUAL every code gives 1; for GDP use concert_deu_capability_row.
 * Returns NaN for a code the scheme does not know (and for "com"/"ep"). O(members^2 x
 * total votes) the first call for qmv-ssi, which runs an exact dynamic programme. */
CONCERT_API double concert_eu_member_capability(concert_eu_capability c, const char *code);

/** What the bootstrap resamples. */
typedef enum concert_resample {
  CONCERT_RESAMPLE_ISSUES = 0, /* issues, as if independent (the default) */
  CONCERT_RESAMPLE_PROPOSALS   /* whole proposals (a cluster bootstrap: issues of one
                                  proposal are decided together) */
} concert_resample;

/** Options of a validation run. concert_validation_options_default fills the documented
 * defaults (docs/validation.md). */
typedef struct concert_validation_options {
  concert_eu_capability capability; /* member-state capability scheme (qmv-votes) */
  double commission_share;  /* Commission capability as a share of the capability of the
                               member states present on the issue (0.2) */
  double parliament_share;  /* the same for the European Parliament under co-decision and
                               any procedure other than CNS (0.2) */
  double parliament_share_cns; /* the Parliament's share on consultation (CNS) issues, where
                                  it only gives an opinion (0.2) */
  size_t bootstrap;         /* bootstrap replicates B (2000); 0 disables the intervals */
  uint64_t seed;            /* seed of the bootstrap generator (1) */
  concert_resample resample; /* what the bootstrap resamples (issues) */
  double hit_threshold;     /* |error| <= this counts as a hit (10) */
  size_t min_actors;        /* issues with fewer participants are not scored (3) */
  const char *reference;    /* row the paired differences are taken against ("mean") */
  const char *models;       /* comma-separated model names to run, NULL: every model */
  const char *model_params; /* comma-separated "model.key=value" parameters for the models
                               (e.g. "eum.q=0.7,eum.risk=observer"), NULL: defaults */
  size_t cv_folds;          /* K folds of whole proposals for the cross-validation (10; at
                               most the number of proposals is used; 2..1000). The folds
                               give every row its forecast intervals and fit the fitted
                               models (two-stage) out of fold. */
} concert_validation_options;

/** Fills o with the documented defaults. */
CONCERT_API void concert_validation_options_default(concert_validation_options *o);

/** What a row of the validation table is. */
typedef enum concert_validation_kind {
  CONCERT_VALIDATION_BASELINE = 0, /* a naive yardstick computed here */
  CONCERT_VALIDATION_MODEL,        /* a registered model, computed here */
  CONCERT_VALIDATION_PUBLISHED,    /* a published figure, quoted with its source */
  CONCERT_VALIDATION_FITTED        /* an EU-decision model with parameters fitted by nested
                                      cross-validation; every forecast is out of fold */
} concert_validation_kind;

/** The kind's name as the outputs print it: "baseline", "model", "published" or "fitted". */
CONCERT_API const char *concert_validation_kind_name(concert_validation_kind k);

/** One row of the validation table (a small public value struct owned by the result). */
typedef struct concert_validation_row {
  const char *name;             /* "mean", "compromise", ... */
  concert_validation_kind kind; /* baseline, model or published */
  const char *note;             /* one line: what it is, or why issues were skipped */
  const char *source;           /* for published rows: where the figure comes from */
  size_t n;                     /* issues predicted (published: issues in the source) */
  size_t skipped;               /* scored issues the model refused or could not reach */
  double mae;                   /* mean absolute error, 0-100 scale */
  double mae_lo, mae_hi;        /* percentile bootstrap 95% CI of the MAE (NaN if none) */
  double median_ae;             /* median absolute error (NaN if unknown) */
  double hit_rate;              /* share of issues with |error| <= hit threshold (NaN) */
  double rmse;                  /* root mean squared error (NaN if unknown) */
  size_t n_paired;              /* issues shared with the reference row */
  double diff;                  /* MAE(row) - MAE(reference) on the shared issues */
  double diff_lo, diff_hi;      /* paired percentile bootstrap 95% CI of diff */
  /* Forecast intervals: the predictive distribution of an issue is its forecast plus each
   * signed error (outcome - forecast) the row made on the issues of the other folds (for a
   * fitted row, its inner out-of-fold errors there), clipped to [0, 100]. NaN if none. */
  double cov50, cov50_lo, cov50_hi; /* share of outcomes inside the central 50% interval,
                                       and its bootstrap 95% CI */
  double cov80, cov80_lo, cov80_hi; /* the same for the central 80% interval */
  double crps, crps_lo, crps_hi;    /* mean CRPS of the predictive distribution, CI */
  double is80, is80_lo, is80_hi;    /* mean interval score of the 80% interval, CI */
} concert_validation_row;

/** The result of a validation run (opaque, owned; free with concert_validation_free). */
typedef struct concert_validation concert_validation;

/** Runs the baselines and every registered model on the scored issues of d (outcome
 * recorded and at least min_actors participants). Models taking one issue at a time run
 * per issue; multi-issue models (concert_model_min_issues >= 2) run per proposal over its
 * scored issues. A model that refuses an issue (e.g. nash without a reference point) skips
 * it, and the row's note says why. opt may be NULL (defaults). Deterministic for a seed.
 * Capabilities: a member state's is its base value under the scheme; the Commission's is
 * commission_share times the sum of the member states' capabilities among the actors of
 * the problem (the issue's participants, or for a multi-issue model the union over the
 * proposal's issues); the Parliament's likewise with its share for the procedure.
 * Complexity: O(models x issues x model cost + rows x B x issues). */
CONCERT_API concert_status concert_validation_run(const concert_deu *d,
                                                  const concert_validation_options *opt,
                                                  concert_validation **out,
                                                  concert_diag *diag);
/** Frees a result; NULL is harmless. */
CONCERT_API void concert_validation_free(concert_validation *v);
/** Number of rows. O(1). */
CONCERT_API size_t concert_validation_row_count(const concert_validation *v);
/** Row i (baselines, then models in registry order, then published figures); NULL if out
 * of range. The pointer lives as long as v. */
CONCERT_API const concert_validation_row *concert_validation_row_at(const concert_validation *v,
                                                                    size_t i);
/** Scored issues, and issue rows left unscored (no outcome, too few participants). */
CONCERT_API size_t concert_validation_scored(const concert_validation *v);
/** Number of proposals the scored issues belong to. */
CONCERT_API size_t concert_validation_proposals(const concert_validation *v);
CONCERT_API size_t concert_validation_unscored(const concert_validation *v);
/** The options the run used (its strings are copies that live as long as v). */
CONCERT_API const concert_validation_options *concert_validation_options_used(
    const concert_validation *v);
/** The per-issue prediction of row i on scored issue j (0 <= j < scored), NaN if the row
 * did not predict it or is a published row. */
CONCERT_API double concert_validation_prediction(const concert_validation *v, size_t i,
                                                 size_t j);
/** The data-set index (0 <= k < concert_deu_issue_count) of scored issue j, in the order
 * concert_validation_prediction uses; SIZE_MAX if j is out of range. O(1). */
CONCERT_API size_t concert_validation_issue(const concert_validation *v, size_t j);
/** The cross-validation fold (0..K-1) of scored issue j; SIZE_MAX if out of range. O(1). */
CONCERT_API size_t concert_validation_fold(const concert_validation *v, size_t j);
/** The number of folds K used (the option, capped at the number of proposals). O(1). */
CONCERT_API size_t concert_validation_folds(const concert_validation *v);
/** The central interval of level 0.5 or 0.8 of row i's forecast on scored issue j, into *lo
 * and *hi (NaN when the row made no forecast there or the level is another). O(1). */
CONCERT_API void concert_validation_interval(const concert_validation *v, size_t i, size_t j,
                                             double level, double *lo, double *hi);
/** Writes the score table to out as tidy long CSV (docs/csv.md): a header
 * `row,kind,n,skipped,measure,value,ci_low,ci_high`, then per row in table order one line
 * per measure: mae, median_ae, hit_rate, rmse, diff (MAE minus the reference row's, on the
 * n_paired issues both predict), n_paired, cov50, cov80, crps, is80. ci_low and ci_high are
 * the 95% bootstrap CI where the measure has one. An undefined number is an empty cell;
 * published rows carry only the measures their source gives (no diff, n_paired or interval
 * measures). kind is baseline, model, fitted or published. CONCERT_ERR_IO when a write
 * fails. O(rows). */
CONCERT_API concert_status concert_validation_write_scores_csv(const concert_validation *v,
                                                               FILE *out, concert_diag *diag);
/** Writes the per-issue forecasts to out as tidy long CSV (docs/csv.md): a header
 * `issue,proposal,procedure,fold,outcome,row,forecast,lo50,hi50,lo80,hi80`, then one line
 * per scored issue and computed row (issues in data-set order, rows in table order;
 * published rows have no per-issue forecasts): the forecast and the bounds of its central
 * 50% and 80% intervals. A forecast the row did not make is an empty cell; numbers read back
 * to the same double. d must be the data set v was computed from. CONCERT_ERR_IO when a
 * write fails. O(rows x issues). */
CONCERT_API concert_status concert_validation_write_csv(const concert_validation *v,
                                                        const concert_deu *d, FILE *out,
                                                        concert_diag *diag);
/** The whole result as a JSON document (byte-stable for a seed). On success *json is a
 * new NUL-terminated string the caller frees with concert_free() (or free()). O(rows + issues). */
CONCERT_API concert_status concert_validation_to_json(const concert_validation *v, char **json,
                                                      concert_diag *diag);

#ifdef __cplusplus
}
#endif
#endif
