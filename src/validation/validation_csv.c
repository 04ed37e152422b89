/* validation_csv.c: a validation run as tidy long CSV (docs/csv.md): the score table, one
 * line per row and measure, and the per-issue forecasts, one line per scored issue and
 * computed row (the forecast and the bounds of its 50% and 80% intervals), so that users
 * can study, combine or re-score them elsewhere (docs/validation.md). Written with the
 * library's one CSV writer (io/csv_out.h): quoting as RFC 4180 needs it, numbers that read
 * back exactly, an empty cell where a number is undefined. */
#include <concert/validation.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>

#include "io/csv_out.h"
#include "status/diag.h"
#include "validation/validation_i.h"

/* One measure line of row r: its key cells, the value and the 95% CI. */
static void score(concert_csv_out *c, const concert_validation_row *r, const char *measure,
                  double value, double lo, double hi) {
  concert_i_csv_text(c, r->name);
  concert_i_csv_text(c, concert_validation_kind_name(r->kind));
  concert_i_csv_int(c, (long long)r->n);
  concert_i_csv_int(c, (long long)r->skipped);
  concert_i_csv_text(c, measure);
  concert_i_csv_num(c, value);
  concert_i_csv_num(c, lo);
  concert_i_csv_num(c, hi);
  concert_i_csv_end(c);
}

concert_status concert_validation_write_scores_csv(const concert_validation *v, FILE *out,
                                                   concert_diag *diag) {
  if (!v || !out) return CONCERT_FAIL(diag, CONCERT_ERR_ARGUMENT, "NULL argument");
  concert_csv_out c;
  concert_i_csv_init(&c, out);
  static const char *const head[] = {"row",   "kind",   "n",       "skipped", "measure",
                                     "value", "ci_low", "ci_high", NULL};
  concert_i_csv_row(&c, head);
  for (size_t i = 0; i < concert_validation_row_count(v); i++) {
    const concert_validation_row *r = concert_validation_row_at(v, i);
    struct {
      const char *name;
      double value, lo, hi;
      bool computed; /* only computed rows have it */
    } m[] = {
        {"mae", r->mae, r->mae_lo, r->mae_hi, false},
        {"median_ae", r->median_ae, NAN, NAN, false},
        {"hit_rate", r->hit_rate, NAN, NAN, false},
        {"rmse", r->rmse, NAN, NAN, false},
        {"diff", r->diff, r->diff_lo, r->diff_hi, true},
        {"n_paired", (double)r->n_paired, NAN, NAN, true},
        {"cov50", r->cov50, r->cov50_lo, r->cov50_hi, true},
        {"cov80", r->cov80, r->cov80_lo, r->cov80_hi, true},
        {"crps", r->crps, r->crps_lo, r->crps_hi, true},
        {"is80", r->is80, r->is80_lo, r->is80_hi, true},
    };
    bool published = r->kind == CONCERT_VALIDATION_PUBLISHED;
    for (size_t k = 0; k < sizeof m / sizeof m[0]; k++) {
      /* a published figure is quoted, not recomputed: only the measures its source gives */
      if (published && (m[k].computed || !isfinite(m[k].value))) continue;
      score(&c, r, m[k].name, m[k].value, m[k].lo, m[k].hi);
    }
  }
  if (c.bad || ferror(out)) return CONCERT_FAIL(diag, CONCERT_ERR_IO, "cannot write the scores");
  return CONCERT_OK;
}

concert_status concert_validation_write_csv(const concert_validation *v, const concert_deu *d,
                                            FILE *out, concert_diag *diag) {
  if (!v || !d || !out) return CONCERT_FAIL(diag, CONCERT_ERR_ARGUMENT, "NULL argument");
  size_t rows = concert_validation_row_count(v), scored = concert_validation_scored(v);
  for (size_t j = 0; j < scored; j++)
    if (concert_validation_issue(v, j) >= concert_deu_issue_count(d))
      return CONCERT_FAIL(diag, CONCERT_ERR_ARGUMENT,
                          "the data set is not the one the validation ran on");
  concert_csv_out c;
  concert_i_csv_init(&c, out);
  static const char *const head[] = {"issue",    "proposal", "procedure", "fold", "outcome", "row",
                                     "forecast", "lo50",     "hi50",      "lo80", "hi80",    NULL};
  concert_i_csv_row(&c, head);
  for (size_t j = 0; j < scored; j++) {
    size_t k = concert_validation_issue(v, j);
    for (size_t i = 0; i < rows; i++) {
      const concert_validation_row *r = concert_validation_row_at(v, i);
      if (r->kind == CONCERT_VALIDATION_PUBLISHED) continue; /* no per-issue figures */
      double lo50, hi50, lo80, hi80;
      concert_validation_interval(v, i, j, 0.5, &lo50, &hi50);
      concert_validation_interval(v, i, j, 0.8, &lo80, &hi80);
      concert_i_csv_text(&c, concert_deu_issue_id(d, k));
      concert_i_csv_text(&c, concert_deu_proposal_id(d, k));
      concert_i_csv_text(&c, concert_deu_procedure(d, k));
      concert_i_csv_int(&c, (long long)concert_validation_fold(v, j));
      concert_i_csv_num(&c, concert_deu_outcome(d, k));
      concert_i_csv_text(&c, r->name);
      concert_i_csv_num(&c, concert_validation_prediction(v, i, j));
      concert_i_csv_num(&c, lo50);
      concert_i_csv_num(&c, hi50);
      concert_i_csv_num(&c, lo80);
      concert_i_csv_num(&c, hi80);
      concert_i_csv_end(&c);
    }
  }
  if (c.bad || ferror(out)) return CONCERT_FAIL(diag, CONCERT_ERR_IO, "cannot write the forecasts");
  return CONCERT_OK;
}
