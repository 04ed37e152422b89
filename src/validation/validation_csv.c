/* validation_csv.c: the per-issue forecasts of a validation run as CSV, one line per scored
 * issue and five columns per computed row (the forecast and the bounds of its 50% and 80%
 * intervals), so that users can study, combine or re-score the forecasts elsewhere
 * (docs/validation.md, "Per-issue forecasts"). Written with the library's one CSV writer
 * (io/csv_out.h): quoting as RFC 4180 needs it, numbers that read back exactly, an empty cell where
 * a row has no forecast. */
#include <concert/validation.h>
#include <stdio.h>

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
  static const char *const head[] = {"issue", "proposal", "procedure", "fold", "outcome", NULL};
  static const char *const bounds[] = {"lo50", "hi50", "lo80", "hi80"};
  for (size_t i = 0; head[i]; i++) concert_i_csv_text(&c, head[i]);
  for (size_t i = 0; i < rows; i++) {
    const concert_validation_row *r = concert_validation_row_at(v, i);
    if (r->kind == CONCERT_VALIDATION_PUBLISHED) continue;
    concert_i_csv_text(&c, r->name);
    for (size_t b = 0; b < 4; b++) {
      char name[96];
      snprintf(name, sizeof name, "%s %s", r->name, bounds[b]);
      concert_i_csv_text(&c, name);
    }
  }
  concert_i_csv_end(&c);
  for (size_t j = 0; j < scored; j++) {
    size_t k = concert_validation_issue(v, j);
    concert_i_csv_text(&c, concert_deu_issue_id(d, k));
    concert_i_csv_text(&c, concert_deu_proposal_id(d, k));
    concert_i_csv_text(&c, concert_deu_procedure(d, k));
    concert_i_csv_int(&c, (long long)concert_validation_fold(v, j));
    concert_i_csv_num(&c, concert_deu_outcome(d, k));
    for (size_t i = 0; i < rows; i++) {
      if (concert_validation_row_at(v, i)->kind == CONCERT_VALIDATION_PUBLISHED) continue;
      double lo50, hi50, lo80, hi80;
      concert_validation_interval(v, i, j, 0.5, &lo50, &hi50);
      concert_validation_interval(v, i, j, 0.8, &lo80, &hi80);
      concert_i_csv_num(&c, concert_validation_prediction(v, i, j));
      concert_i_csv_num(&c, lo50);
      concert_i_csv_num(&c, hi50);
      concert_i_csv_num(&c, lo80);
      concert_i_csv_num(&c, hi80);
    }
    concert_i_csv_end(&c);
  }
  if (c.bad || ferror(out)) return CONCERT_FAIL(diag, CONCERT_ERR_IO, "cannot write the forecasts");
  return CONCERT_OK;
}
