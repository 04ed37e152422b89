/* report.c: the warnings of a derive run, a growing list of owned lines. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "derive/derive_i.h"

concert_status concert_i_report_add(concert_derive_report *r, const char *fmt, ...) {
  if (!r) return CONCERT_OK;
  if (r->n == r->cap) {
    size_t cap = r->cap ? 2 * r->cap : 16;
    char **v = realloc(r->msg, cap * sizeof *v);
    if (!v) return CONCERT_ERR_NOMEM;
    r->msg = v, r->cap = cap;
  }
  va_list ap;
  va_start(ap, fmt);
  int k = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  if (k < 0) return CONCERT_ERR_INVALID;
  char *s = malloc((size_t)k + 1);
  if (!s) return CONCERT_ERR_NOMEM;
  va_start(ap, fmt);
  vsnprintf(s, (size_t)k + 1, fmt, ap);
  va_end(ap);
  r->msg[r->n++] = s;
  return CONCERT_OK;
}

size_t concert_derive_report_count(const concert_derive_report *r) { return r ? r->n : 0; }

const char *concert_derive_report_at(const concert_derive_report *r, size_t i) {
  return r && i < r->n ? r->msg[i] : NULL;
}

void concert_derive_report_free(concert_derive_report *r) {
  if (!r) return;
  for (size_t i = 0; i < r->n; i++) free(r->msg[i]);
  free(r->msg);
  free(r);
}
