/* worlddata.c: the country-by-year indicator tables behind the coverage measure.
 *
 * Each indicator is a CSV table read with the src/csv reader (header row, then one row per
 * code and year), kept as an array sorted by (code, year) and searched by bisection. Errors name
 * the file, the line, the CSV field number as column, and the column's name. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <concert/measures.h>

#include "csv/csv_reader_i.h"
#include "measures/measures_i.h"
#include <concert/datadir.h>

#include "io/number.h"
#include "status/diag.h"

/* One figure. */
typedef struct row {
  char code[CONCERT_I_CODE_MAX]; /* country or aggregate code, NUL-terminated */
  int year;                      /* calendar year */
  int line;                      /* line of the file it came from (for duplicates) */
  double value;                  /* the figure */
} row;

/* One indicator's table. */
typedef struct table {
  row *rows;     /* sorted by (code, year) */
  size_t n, cap; /* used, allocated */
} table;

struct concert_worlddata {
  table t[CONCERT_INDICATOR_COUNT]; /* one table per indicator */
};

/* State of one table read. */
typedef struct parse {
  const char *path;    /* file name for messages */
  const char *want[3]; /* names of code, year and value columns */
  int col[3];          /* their field indices (-1 until the header) */
  bool header_done;    /* the header row was read */
  table *out;          /* table being filled */
  concert_diag *diag;  /* where to report errors */
} parse;

/* Fails at field k (0 code, 1 year, 2 value) of the given line. */
static concert_status fail_at(parse *p, concert_status st, long line, int k, const char *what,
                              const char *arg) {
  return concert_i_fail(p->diag, st, p->path, (int)line, p->col[k] + 1, p->want[k], "%s '%s'%s",
                        k == 0 ? "code" : k == 1 ? "year" : "value", arg, what);
}

static concert_status push(table *t, const row *r) {
  if (t->n == t->cap) {
    size_t cap = t->cap ? 2 * t->cap : 1024;
    row *v = realloc(t->rows, cap * sizeof *v);
    if (!v) return CONCERT_ERR_NOMEM;
    t->rows = v, t->cap = cap;
  }
  t->rows[t->n++] = *r;
  return CONCERT_OK;
}

/* The header names the three columns; later rows must reach all three. */
static concert_status read_header(parse *p, const concert_i_csv_row *r) {
  for (size_t f = 0; f < r->n; f++)
    for (int k = 0; k < 3; k++)
      if (p->col[k] < 0 && r->len[f] == strlen(p->want[k]) &&
          memcmp(r->field[f], p->want[k], r->len[f]) == 0)
        p->col[k] = (int)f;
  p->header_done = true;
  for (int k = 0; k < 3; k++)
    if (p->col[k] < 0)
      return concert_i_fail(p->diag, CONCERT_ERR_MISSING, p->path, (int)r->end_line, 0, p->want[k],
                            "the header has no column '%s'", p->want[k]);
  return CONCERT_OK;
}

static concert_status on_row(void *user, const concert_i_csv_row *r, concert_diag *d) {
  (void)d;
  parse *p = user;
  if (!p->header_done) return read_header(p, r);
  for (size_t f = 0; f < r->n; f++)
    for (int k = 0; k < 3; k++)
      if ((size_t)p->col[k] == f && r->len[f] >= 64)
        return fail_at(p, CONCERT_ERR_INVALID, r->fline[f], k, " is longer than 63 characters",
                       "...");
  for (int k = 0; k < 3; k++)
    if ((size_t)p->col[k] >= r->n)
      return fail_at(p, CONCERT_ERR_MISSING, r->end_line, k, " is missing: the row is too short",
                     "");
  const char *code = r->field[p->col[0]], *year = r->field[p->col[1]];
  const char *value = r->field[p->col[2]];
  long cline = r->fline[p->col[0]];
  row x = {.line = (int)cline};
  /* code */
  size_t cl = strlen(code);
  if (cl == 0 || cl >= sizeof x.code)
    return fail_at(p, CONCERT_ERR_INVALID, cline, 0, " is empty or longer than 7 characters", code);
  memcpy(x.code, code, cl + 1);
  /* year */
  char *end;
  errno = 0;
  long y = strtol(year, &end, 10);
  if (end == year || *end || errno || y < 1000 || y > 3000)
    return fail_at(p, CONCERT_ERR_RANGE, r->fline[p->col[1]], 1, " is not an integer in 1000-3000",
                   year);
  x.year = (int)y;
  /* value: empty means missing */
  if (value[0] == '\0') return CONCERT_OK;
  double v = 0;
  if (concert_i_number(value, &v) != CONCERT_I_NUM_OK || v < 0)
    return fail_at(p, CONCERT_ERR_RANGE, r->fline[p->col[2]], 2, " is not a finite number >= 0",
                   value);
  x.value = v;
  if (push(p->out, &x)) return CONCERT_FAIL(p->diag, CONCERT_ERR_NOMEM, "out of memory");
  return CONCERT_OK;
}

/* libcsv's syntax errors: the line being read (the last line at the end), no column. */
static concert_status syntax_error(void *user, const concert_i_csv_where *w, concert_diag *d) {
  (void)user;
  return concert_i_fail(d, CONCERT_ERR_SYNTAX, w->file, (int)(w->at_end ? w->last_line : w->line),
                        0, NULL, "CSV: %s", w->message);
}

static int row_cmp(const void *a, const void *b) {
  const row *x = a, *y = b;
  int c = strcmp(x->code, y->code);
  if (c) return c;
  if (x->year != y->year) return x->year < y->year ? -1 : 1;
  return (x->line > y->line) - (x->line < y->line);
}

concert_worlddata *concert_worlddata_new(void) { return calloc(1, sizeof(concert_worlddata)); }

void concert_worlddata_free(concert_worlddata *w) {
  if (!w) return;
  for (int k = 0; k < CONCERT_INDICATOR_COUNT; k++) free(w->t[k].rows);
  free(w);
}

const char *concert_worlddata_default_dir(void) { return concert_data_dir(); }

const char *concert_indicator_name(concert_indicator ind) {
  switch (ind) {
    case CONCERT_INDICATOR_GDP: return "GDP";
    case CONCERT_INDICATOR_MILEX: return "military spending";
    case CONCERT_INDICATOR_POPULATION: return "population";
  }
  return "?";
}

concert_status concert_worlddata_load_csv(concert_worlddata *w, concert_indicator ind,
                                          const char *path, const char *code_col,
                                          const char *year_col, const char *value_col,
                                          concert_diag *d) {
  if (!w || !path || !code_col || !year_col || !value_col || (unsigned)ind >= CONCERT_INDICATOR_COUNT)
    return CONCERT_FAIL(d, CONCERT_ERR_ARGUMENT, "bad arguments");
  table t = {0};
  parse p = {.path = path, .want = {code_col, year_col, value_col}, .col = {-1, -1, -1},
             .out = &t, .diag = d};
  long lines = 0;
  concert_i_csv_opts o = {.trim = true, .on_error = syntax_error, .lines = &lines};
  concert_status st = concert_i_csv_read_file(path, path, &o, on_row, &p, d);
  if (!st && !p.header_done)
    st = concert_i_fail(d, CONCERT_ERR_EMPTY, path, 0, 0, NULL, "empty file: no header row");
  if (!st && t.n == 0)
    st = concert_i_fail(d, CONCERT_ERR_EMPTY, path, (int)lines, 0, NULL, "no rows with a value");
  if (!st) {
    qsort(t.rows, t.n, sizeof *t.rows, row_cmp);
    for (size_t i = 1; i < t.n; i++)
      if (strcmp(t.rows[i].code, t.rows[i - 1].code) == 0 && t.rows[i].year == t.rows[i - 1].year) {
        st = concert_i_fail(d, CONCERT_ERR_DUPLICATE_ID, path, t.rows[i].line, p.col[0] + 1,
                            code_col, "%s %d already given on line %d", t.rows[i].code,
                            t.rows[i].year, t.rows[i - 1].line);
        break;
      }
  }
  if (st) {
    free(t.rows);
    return st;
  }
  free(w->t[ind].rows);
  w->t[ind] = t;
  return CONCERT_OK;
}

concert_status concert_worlddata_load(const char *dir, concert_worlddata **out, concert_diag *d) {
  if (!out) return CONCERT_FAIL(d, CONCERT_ERR_ARGUMENT, "bad arguments");
  *out = NULL;
  if (!dir) dir = concert_data_dir();
  static const struct {
    concert_indicator ind;
    const char *file, *code, *year, *value;
  } files[] = {
      {CONCERT_INDICATOR_GDP, "world/wb_gdp_current_usd.csv", "Country Code", "Year", "Value"},
      {CONCERT_INDICATOR_MILEX, "derived/milex/milex_current_usd.csv", "iso3", "year", "milex_current_usd_m"},
      {CONCERT_INDICATOR_POPULATION, "world/wb_population.csv", "Country Code", "Year", "Value"},
  };
  concert_worlddata *w = concert_worlddata_new();
  if (!w) return CONCERT_FAIL(d, CONCERT_ERR_NOMEM, "out of memory");
  for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
    char path[4096];
    if ((size_t)snprintf(path, sizeof path, "%s/%s", dir, files[i].file) >= sizeof path) {
      concert_worlddata_free(w);
      return CONCERT_FAIL(d, CONCERT_ERR_ARGUMENT, "data directory name too long");
    }
    concert_status st = concert_worlddata_load_csv(w, files[i].ind, path, files[i].code,
                                                   files[i].year, files[i].value, d);
    if (st) {
      concert_worlddata_free(w);
      return st;
    }
  }
  *out = w;
  return CONCERT_OK;
}

/* First row with (code, year) >= the key. */
static size_t lower(const table *t, const char *code, int year) {
  size_t lo = 0, hi = t->n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    int c = strcmp(t->rows[mid].code, code);
    if (c < 0 || (c == 0 && t->rows[mid].year < year)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

bool concert_worlddata_value(const concert_worlddata *w, concert_indicator ind,
                             const char *code, int year, double *value) {
  if (!w || !code || (unsigned)ind >= CONCERT_INDICATOR_COUNT) return false;
  const table *t = &w->t[ind];
  size_t i = lower(t, code, year);
  if (i < t->n && strcmp(t->rows[i].code, code) == 0 && t->rows[i].year == year) {
    if (value) *value = t->rows[i].value;
    return true;
  }
  return false;
}

bool concert_worlddata_has(const concert_worlddata *w, concert_indicator ind, const char *code) {
  if (!w || !code || (unsigned)ind >= CONCERT_INDICATOR_COUNT) return false;
  const table *t = &w->t[ind];
  size_t i = lower(t, code, 0);
  return i < t->n && strcmp(t->rows[i].code, code) == 0;
}

void concert_i_worlddata_years(const concert_worlddata *w, concert_indicator ind, int *first,
                               int *last) {
  *first = 0, *last = 0;
  const table *t = &w->t[ind];
  for (size_t i = 0; i < t->n; i++) {
    if (*first == 0 || t->rows[i].year < *first) *first = t->rows[i].year;
    if (t->rows[i].year > *last) *last = t->rows[i].year;
  }
}
