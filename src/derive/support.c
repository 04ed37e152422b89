/* support.c: reads data/derived/unga_issue_support.csv (iso3, year, family, n_votes,
 * support; written by scripts/derive/unga_issue_support.py) into an array sorted by
 * (iso3, family, year), searched by bisection. Errors name the file, line, column and the
 * column's name. */
#include <stdlib.h>
#include <string.h>

#include "csv/csv_reader_i.h"
#include "derive/derive_i.h"
#include "status/diag.h"

static const char *const cols[] = {"iso3", "year", "family", "n_votes", "support"};

static concert_status on_row(void *user, const concert_i_csv_row *r, concert_diag *d) {
  concert_i_support *t = user;
  if (r->index == 0) return concert_i_csv_expect_header(r, cols, 5, d);
  concert_status st = concert_i_csv_expect_width(r, 5, d);
  if (st) return st;
  concert_i_support_row x = {0};
  long year, n;
  if (r->len[0] == 0 || r->len[0] >= sizeof x.iso3)
    return concert_i_csv_fail(d, CONCERT_ERR_INVALID, r, 0, "iso3",
                              "code '%s' is empty or too long", r->field[0]);
  memcpy(x.iso3, r->field[0], r->len[0] + 1);
  if (concert_i_csv_long(r->field[1], 1900, 2200, &year))
    return concert_i_csv_fail(d, CONCERT_ERR_RANGE, r, 1, "year", "'%s' is not a year",
                              r->field[1]);
  if (!concert_i_family_find(r->field[2]))
    return concert_i_csv_fail(d, CONCERT_ERR_INVALID, r, 2, "family", "unknown family '%s'",
                              r->field[2]);
  memcpy(x.family, r->field[2], r->len[2] + 1);
  if (concert_i_csv_long(r->field[3], 1, 100000, &n))
    return concert_i_csv_fail(d, CONCERT_ERR_RANGE, r, 3, "n_votes", "'%s' is not a count >= 1",
                              r->field[3]);
  if (concert_i_csv_double(r->field[4], &x.support) || x.support < 0 || x.support > 1)
    return concert_i_csv_fail(d, CONCERT_ERR_RANGE, r, 4, "support", "'%s' is not in [0, 1]",
                              r->field[4]);
  x.year = (int)year, x.n = (int)n;
  if (t->n == t->cap) {
    size_t cap = t->cap ? 2 * t->cap : 65536;
    concert_i_support_row *v = realloc(t->rows, cap * sizeof *v);
    if (!v) return CONCERT_FAIL(d, CONCERT_ERR_NOMEM, "out of memory");
    t->rows = v, t->cap = cap;
  }
  t->rows[t->n++] = x;
  if (x.year > t->last_year) t->last_year = x.year;
  return CONCERT_OK;
}

static int cmp_key(const char *iso3, const char *fam, int year, const concert_i_support_row *r) {
  int c = strcmp(iso3, r->iso3);
  if (c) return c;
  c = strcmp(fam, r->family);
  if (c) return c;
  return (year > r->year) - (year < r->year);
}

static int cmp_rows(const void *a, const void *b) {
  const concert_i_support_row *x = a, *y = b;
  return cmp_key(x->iso3, x->family, x->year, y);
}

concert_status concert_i_support_load(const char *path, concert_i_support *t, concert_diag *d) {
  memset(t, 0, sizeof *t);
  concert_status st = concert_i_csv_read_file(path, path, NULL, on_row, t, d);
  if (!st && t->n == 0) st = concert_i_fail(d, CONCERT_ERR_EMPTY, path, 1, 0, NULL, "no rows");
  if (st) {
    concert_i_support_free(t);
    return st;
  }
  qsort(t->rows, t->n, sizeof *t->rows, cmp_rows);
  for (size_t i = 1; i < t->n; i++)
    if (cmp_rows(&t->rows[i - 1], &t->rows[i]) == 0) {
      st = concert_i_fail(d, CONCERT_ERR_DUPLICATE_ID, path, 0, 0, NULL, "%s %d %s given twice",
                          t->rows[i].iso3, t->rows[i].year, t->rows[i].family);
      concert_i_support_free(t);
      return st;
    }
  return CONCERT_OK;
}

void concert_i_support_free(concert_i_support *t) {
  if (!t) return;
  free(t->rows);
  memset(t, 0, sizeof *t);
}

const concert_i_support_row *concert_i_support_find(const concert_i_support *t, const char *iso3,
                                                    const char *family, int year) {
  size_t lo = 0, hi = t->n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    int c = cmp_key(iso3, family, year, &t->rows[mid]);
    if (c == 0) return &t->rows[mid];
    if (c < 0)
      hi = mid;
    else
      lo = mid + 1;
  }
  return NULL;
}
