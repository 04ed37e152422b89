/* validation_csv.c: the per-issue forecasts of a validation run as CSV, one line per scored
 * issue and one column per computed row, so that users can study, combine or re-score the
 * forecasts elsewhere (docs/validation.md, "Per-issue forecasts"). Fields are quoted with
 * libcsv's csv_write; numbers use the shortest form that reads back exactly (%.17g). */
#include <csv.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <concert/validation.h>

#include "status/diag.h"

/* A growing text buffer. */
typedef struct sbuf {
  char *s;          /* text, NUL-terminated when ok */
  size_t len, cap;  /* bytes used (without the NUL), allocated */
  bool failed;      /* an allocation failed */
} sbuf;

static void put(sbuf *b, const char *text, size_t n) {
  if (b->failed) return;
  if (b->len + n + 1 > b->cap) {
    size_t cap = b->cap ? b->cap : 4096;
    while (b->len + n + 1 > cap) cap *= 2;
    char *s = realloc(b->s, cap);
    if (!s) {
      b->failed = true;
      return;
    }
    b->s = s, b->cap = cap;
  }
  memcpy(b->s + b->len, text, n);
  b->len += n;
  b->s[b->len] = '\0';
}

/* One field, quoted as CSV requires, preceded by a comma unless it is the first. */
static void field(sbuf *b, const char *text, bool first) {
  if (!first) put(b, ",", 1);
  size_t n = strlen(text);
  size_t need = csv_write(NULL, 0, text, n);
  char small[256];
  char *q = need <= sizeof small ? small : malloc(need);
  if (!q) {
    b->failed = true;
    return;
  }
  csv_write(q, need, text, n);
  put(b, q, need);
  if (q != small) free(q);
}

static void number(sbuf *b, double x) {
  char t[40] = "";
  if (!isnan(x)) snprintf(t, sizeof t, "%.17g", x);
  put(b, ",", 1);
  put(b, t, strlen(t));
}

concert_status concert_validation_to_csv(const concert_validation *v, const concert_deu *d,
                                         char **csv, concert_diag *diag) {
  if (!v || !d || !csv) return CONCERT_FAIL(diag, CONCERT_ERR_ARGUMENT, "NULL argument");
  *csv = NULL;
  sbuf b = {0};
  size_t rows = concert_validation_row_count(v);
  field(&b, "issue", true);
  field(&b, "proposal", false);
  field(&b, "procedure", false);
  field(&b, "outcome", false);
  for (size_t i = 0; i < rows; i++) {
    const concert_validation_row *r = concert_validation_row_at(v, i);
    if (r->kind != CONCERT_VALIDATION_PUBLISHED) field(&b, r->name, false);
  }
  put(&b, "\n", 1);
  for (size_t j = 0; j < concert_validation_scored(v); j++) {
    size_t k = concert_validation_issue(v, j);
    if (k >= concert_deu_issue_count(d)) {
      free(b.s);
      return CONCERT_FAIL(diag, CONCERT_ERR_ARGUMENT,
                          "the data set is not the one the validation ran on");
    }
    field(&b, concert_deu_issue_id(d, k), true);
    field(&b, concert_deu_proposal_id(d, k), false);
    field(&b, concert_deu_procedure(d, k), false);
    number(&b, concert_deu_outcome(d, k));
    for (size_t i = 0; i < rows; i++)
      if (concert_validation_row_at(v, i)->kind != CONCERT_VALIDATION_PUBLISHED)
        number(&b, concert_validation_prediction(v, i, j));
    put(&b, "\n", 1);
  }
  if (b.failed) {
    free(b.s);
    return CONCERT_FAIL(diag, CONCERT_ERR_NOMEM, "out of memory writing the forecasts");
  }
  *csv = b.s;
  return CONCERT_OK;
}
