/* validation_csv.c: the per-issue forecasts of a validation run as CSV, one line per scored
 * issue and one column per computed row, so that users can study, combine or re-score the
 * forecasts elsewhere (docs/validation.md, "Per-issue forecasts"). Written with the library's
 * one CSV writer (io/csv_out.h): quoting as RFC 4180 needs it, numbers that read back exactly,
 * an empty cell where a row has no forecast. */
#include <stdio.h>

#include <concert/validation.h>

#include "io/csv_out.h"
#include "status/diag.h"

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
  static const char *const head[] = {"issue", "proposal", "procedure", "outcome", NULL};
  for (size_t i = 0; head[i]; i++) concert_i_csv_text(&c, head[i]);
  for (size_t i = 0; i < rows; i++) {
    const concert_validation_row *r = concert_validation_row_at(v, i);
    if (r->kind != CONCERT_VALIDATION_PUBLISHED) concert_i_csv_text(&c, r->name);
  }
  concert_i_csv_end(&c);
  for (size_t j = 0; j < scored; j++) {
    size_t k = concert_validation_issue(v, j);
    concert_i_csv_text(&c, concert_deu_issue_id(d, k));
    concert_i_csv_text(&c, concert_deu_proposal_id(d, k));
    concert_i_csv_text(&c, concert_deu_procedure(d, k));
    concert_i_csv_num(&c, concert_deu_outcome(d, k));
    for (size_t i = 0; i < rows; i++)
      if (concert_validation_row_at(v, i)->kind != CONCERT_VALIDATION_PUBLISHED)
        concert_i_csv_num(&c, concert_validation_prediction(v, i, j));
    concert_i_csv_end(&c);
  }
  if (c.bad || ferror(out)) return CONCERT_FAIL(diag, CONCERT_ERR_IO, "cannot write the forecasts");
  return CONCERT_OK;
}
