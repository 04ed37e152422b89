/* validation/validation_i.h: the DEU data set's layout in memory, shared by the loader
 * (deu.c), the capability tables (capability.c) and the validation run (validation.c). */
#ifndef CONCERT_I_VALIDATION_H
#define CONCERT_I_VALIDATION_H
#include <concert/model.h>
#include <concert/validation.h>
#include <stdbool.h>

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

#endif
