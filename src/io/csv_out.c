/* io/csv_out.c: the one checked CSV writer (csv_out.h). */
#include "io/csv_out.h"

#include <csv.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "status/diag.h"

void concert_i_csv_init(concert_csv_out *c, FILE *f) { c->f = f, c->col = 0, c->bad = f == NULL; }

/* The separator before a cell that is not the first of its row. */
static bool sep(concert_csv_out *c) {
  if (!c->f) return false;
  if (c->col++ && fputc(',', c->f) == EOF) c->bad = true;
  return true;
}

void concert_i_csv_text(concert_csv_out *c, const char *s) {
  if (!sep(c) || !s) return;
  size_t len = strlen(s);
  bool quote = len && (s[0] == ' ' || s[len - 1] == ' ');
  for (const char *p = s; *p && !quote; p++)
    quote = *p == ',' || *p == '"' || *p == '\n' || *p == '\r';
  if (quote ? csv_fwrite(c->f, s, len) != 0 : fwrite(s, 1, len, c->f) != len) c->bad = true;
}

void concert_i_csv_num(concert_csv_out *c, double x) {
  if (!sep(c) || !isfinite(x)) return;
  if (x == 0) x = 0; /* no "-0" */
  char buf[40];
  for (int digits = 15; digits <= 17; digits++) {
    snprintf(buf, sizeof buf, "%.*g", digits, x);
    if (strtod(buf, NULL) == x) break;
  }
  if (fputs(buf, c->f) == EOF) c->bad = true;
}

void concert_i_csv_int(concert_csv_out *c, long long x) {
  if (sep(c) && fprintf(c->f, "%lld", x) < 0) c->bad = true;
}

void concert_i_csv_end(concert_csv_out *c) {
  if (c->f && fputc('\n', c->f) == EOF) c->bad = true;
  c->col = 0;
}

void concert_i_csv_row(concert_csv_out *c, const char *const *names) {
  for (size_t i = 0; names[i]; i++) concert_i_csv_text(c, names[i]);
  concert_i_csv_end(c);
}

concert_status concert_i_csv_finish(concert_csv_out *c, concert_diag *d) {
  if (!c->f) return CONCERT_FAIL(d, CONCERT_ERR_ARGUMENT, "NULL output");
  if (c->bad || ferror(c->f)) return CONCERT_FAIL(d, CONCERT_ERR_IO, "cannot write the CSV");
  return CONCERT_OK;
}
