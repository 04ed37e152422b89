/* validation_csv.c: the per-issue forecasts of a validation run as CSV, one line per scored
 * issue and five columns per computed row (the forecast and its 50% and 80% intervals), so that users can study, combine or re-score the
 * forecasts elsewhere (docs/validation.md, "Per-issue forecasts"). Fields are quoted with
 * libcsv's csv_fwrite; numbers carry 17 significant digits, so they read back exactly. */
#include <csv.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <concert/validation.h>

#include "status/diag.h"

/* One quoted field, preceded by a comma unless it is the first; *bad notes a failed write. */
static void field(FILE *out, const char *text, bool first, int *bad) {
  if (!first && fputc(',', out) == EOF) *bad = 1;
  if (csv_fwrite(out, text, strlen(text)) != 0) *bad = 1;
}

/* A comma and the number, or nothing after the comma when x is NaN (no forecast). */
static void number(FILE *out, double x, int *bad) {
  if ((isnan(x) ? fputc(',', out) : fprintf(out, ",%.17g", x)) < 0) *bad = 1;
}

concert_status concert_validation_write_csv(const concert_validation *v, const concert_deu *d,
                                            FILE *out, concert_diag *diag) {
  if (!v || !d || !out) return CONCERT_FAIL(diag, CONCERT_ERR_ARGUMENT, "NULL argument");
  size_t rows = concert_validation_row_count(v), scored = concert_validation_scored(v);
  for (size_t j = 0; j < scored; j++)
    if (concert_validation_issue(v, j) >= concert_deu_issue_count(d))
      return CONCERT_FAIL(diag, CONCERT_ERR_ARGUMENT,
                          "the data set is not the one the validation ran on");
  int bad = 0;
  field(out, "issue", true, &bad);
  field(out, "proposal", false, &bad);
  field(out, "procedure", false, &bad);
  field(out, "fold", false, &bad);
  field(out, "outcome", false, &bad);
  static const char *const bounds[] = {"lo50", "hi50", "lo80", "hi80"};
  for (size_t i = 0; i < rows; i++) {
    const concert_validation_row *r = concert_validation_row_at(v, i);
    if (r->kind == CONCERT_VALIDATION_PUBLISHED) continue;
    field(out, r->name, false, &bad);
    for (size_t b = 0; b < 4; b++) {
      char name[96];
      snprintf(name, sizeof name, "%s %s", r->name, bounds[b]);
      field(out, name, false, &bad);
    }
  }
  if (fputc('\n', out) == EOF) bad = 1;
  for (size_t j = 0; j < scored; j++) {
    size_t k = concert_validation_issue(v, j);
    field(out, concert_deu_issue_id(d, k), true, &bad);
    field(out, concert_deu_proposal_id(d, k), false, &bad);
    field(out, concert_deu_procedure(d, k), false, &bad);
    if (fprintf(out, ",%zu", concert_validation_fold(v, j)) < 0) bad = 1;
    number(out, concert_deu_outcome(d, k), &bad);
    for (size_t i = 0; i < rows; i++) {
      if (concert_validation_row_at(v, i)->kind == CONCERT_VALIDATION_PUBLISHED) continue;
      double lo50, hi50, lo80, hi80;
      concert_validation_interval(v, i, j, 0.5, &lo50, &hi50);
      concert_validation_interval(v, i, j, 0.8, &lo80, &hi80);
      number(out, concert_validation_prediction(v, i, j), &bad);
      number(out, lo50, &bad);
      number(out, hi50, &bad);
      number(out, lo80, &bad);
      number(out, hi80, &bad);
    }
    if (fputc('\n', out) == EOF) bad = 1;
  }
  if (bad || ferror(out))
    return CONCERT_FAIL(diag, CONCERT_ERR_IO, "cannot write the forecasts");
  return CONCERT_OK;
}
