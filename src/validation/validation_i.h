/* validation/validation_i.h: the DEU data set's layout in memory, shared by the loader
 * (deu.c), the capability tables (capability.c) and the validation run (validation.c). */
#ifndef CONCERT_I_VALIDATION_H
#define CONCERT_I_VALIDATION_H
#include <concert/model.h>
#include <concert/validation.h>
#include <stdbool.h>
#include <stdint.h>

/* One issue row of the file. */
typedef struct concert_i_deu_issue {
  char *id;         /* isnr */
  char *proposal;   /* prnr */
  char *procedure;  /* proc ("" when the column is absent) */
  char *rule;       /* counvte: Council voting rule ("" when absent) */
  char *name;       /* prname ("" when absent) */
  double outcome;   /* out, NaN when not recorded */
  double reference; /* rp, NaN when not recorded */
  int line;         /* 1-based line in the file */
  int id_col;       /* 1-based byte column of isnr on that line */
  int out_col;      /* 1-based byte column of out on that line */
} concert_i_deu_issue;

struct concert_deu {
  size_t n_actors;             /* actor column pairs */
  char **actors;               /* n_actors codes, header order */
  int *actor_col;              /* n_actors 1-based byte columns of p<code> on line 1 */
  char *name;                  /* file name for diagnostics */
  size_t n_issues;             /* issue rows */
  concert_i_deu_issue *issues; /* n_issues rows, file order */
  double *position;            /* n_issues x n_actors, NaN = not recorded */
  double *salience;            /* n_issues x n_actors, 0-100, NaN = not recorded */
  double *cap_row;             /* n_actors capability row values, or NULL */
};

/* Number of member states in the capability tables (EU-28). */
#define CONCERT_I_EU_MEMBERS 28

/** Fills ssi[CONCERT_I_EU_MEMBERS] with the Shapley-Shubik indices of the Nice QMV game
 * (table order). False on allocation failure. O(n^3 W), W = 352 votes. */
bool concert_i_eu_ssi(double ssi[]);
/** Member capability under scheme c; ssi (from concert_i_eu_ssi) is used for qmv-ssi.
 * NaN for an unknown code (or com/ep) except under the equal scheme. */
double concert_i_eu_member_capability(concert_eu_capability c, const char *code,
                                      const double *ssi);

/** concert_validation_run over the given models instead of the registry (models NULL: the
 * registry). Lets tests run a stand-in multi-issue model. */
concert_status concert_i_validation_run_models(const concert_deu *d,
                                               const concert_validation_options *opt,
                                               const concert_model *const *models,
                                               size_t n_models, concert_validation **out,
                                               concert_diag *diag);

/* Cross-validation over proposals and predictive scores (cv.c). */

/** Deals n_groups proposals (numbered in the order of their ids) to k folds: a Fisher-Yates
 * shuffle driven by GSL's MT19937 seeded with seed (for i = n-1 down to 1, swap i with
 * gsl_rng_uniform_int(r, i + 1)), then the t-th proposal of the shuffled order goes to fold
 * t mod k. fold receives n_groups fold numbers. False on allocation failure. O(n_groups). */
bool concert_i_cv_folds(size_t n_groups, size_t k, uint64_t seed, size_t *fold);
/** CRPS of the empirical distribution of the sorted sample x[0..n) at outcome y:
 * mean |x_i - y| - (1 / 2n^2) sum_ij |x_i - x_j|. NaN when n is 0. O(n). */
double concert_i_crps_sorted(const double *x, size_t n, double y);
/** Interval score of the central (1 - alpha) interval [lo, hi] at outcome y (Gneiting and
 * Raftery 2007): (hi - lo) + (2 / alpha)(lo - y) if y < lo, + (2 / alpha)(y - hi) if y > hi. */
double concert_i_interval_score(double lo, double hi, double alpha, double y);
/** The central interval of probability level of the sorted sample x[0..n): its (1-level)/2
 * and (1+level)/2 quantiles (GSL's interpolated quantiles). NaN for an empty sample. */
void concert_i_sample_interval(const double *x, size_t n, double level, double *lo, double *hi);

/* The two-stage model (twostage.c, docs/models/two-stage.md). */
#define CONCERT_I_TS_CLASSES 5   /* reference point, 0, 100, 50, interior */
#define CONCERT_I_TS_FEATURES 19 /* including the intercept */

/** Issue k's features x[CONCERT_I_TS_FEATURES], the classes' points anchor[] and which
 * classes exist for it mask[] (the reference point class only when rp is recorded). base
 * holds the member states' capabilities (com and ep: ignored), com/ep are the institutions'
 * actor indices (SIZE_MAX if absent), compromise the compromise model's forecast. */
void concert_i_twostage_issue(const concert_deu *d, size_t k, const double *base, size_t com,
                              size_t ep, double compromise, double *x, double *anchor,
                              unsigned char *mask);
/** The class of an outcome: the first of reference point, 0, 100, 50 that it equals and the
 * issue has, else interior. */
int concert_i_twostage_class(const double *anchor, const unsigned char *mask, double outcome);
/** The weighted median of the available anchors under the class probabilities p. */
double concert_i_twostage_point(const double *p, const double *anchor, const unsigned char *mask);

/** What the two-stage cross-validation reads. */
typedef struct concert_i_twostage_data {
  size_t m;                  /* issues */
  const double *X;           /* m x CONCERT_I_TS_FEATURES */
  const double *anchor;      /* m x CONCERT_I_TS_CLASSES */
  const unsigned char *mask; /* m x CONCERT_I_TS_CLASSES */
  const int *cls;            /* m classes (read for training issues only) */
  const double *outcome;     /* m outcomes (read for training issues only) */
  const size_t *fold;        /* m fold numbers < k */
} concert_i_twostage_data;

/** Nested cross-validation: for each outer fold f < k, the ridge penalty is chosen on the
 * grid by the MAE of an inner cross-validation whose folds are the other outer folds, the
 * model is refitted on all folds but f and predicts fold f into pred. inner (k x m) gets,
 * for each f, the inner out-of-fold forecasts of the training issues at the chosen penalty
 * (NaN on fold f); lambda[f] the chosen penalty. Needs k >= 3. O(k^2 x grid x fit). */
concert_status concert_i_twostage_cv(const concert_i_twostage_data *td, size_t k, double *pred,
                                     double *inner, double *lambda, concert_diag *diag);

#endif
