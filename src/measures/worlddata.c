/* worlddata.c: the country-by-year indicator tables behind the coverage measure.
 *
 * Each indicator is a CSV table read with libcsv (header row, then one row per code and
 * year), kept as an array sorted by (code, year) and searched by bisection. Errors name
 * the file, the line, the CSV field number as column, and the column's name. */
#include <csv.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <concert/measures.h>

#include "measures/measures_i.h"
#include "status/diag.h"

#ifndef CONCERT_DATADIR
#define CONCERT_DATADIR "data"
#endif

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

/* State of one CSV parse. */
typedef struct parse {
  const char *path;                    /* file name for messages */
  const char *want[3];                 /* names of code, year and value columns */
  int col[3];                          /* their field indices (-1 until the header) */
  bool header_done;                    /* the header row was read */
  int line;                            /* line being fed */
  int field;                           /* index of the next field in the record */
  char buf[3][64];                     /* the record's code, year and value text */
  bool seen[3];                        /* the record had these fields */
  int fline[3];                        /* lines where they ended */
  table *out;                          /* table being filled */
  concert_status st;                   /* first error */
  concert_diag *diag;                  /* where to report it */
} parse;

/* Records the first error, at field k (0 code, 1 year, 2 value) of the given line. */
static void fail_at(parse *p, concert_status st, int line, int k, const char *what,
                    const char *arg) {
  p->st = concert_i_fail(p->diag, st, p->path, line, p->col[k] + 1, p->want[k], "%s '%s'%s",
                         k == 0 ? "code" : k == 1 ? "year" : "value", arg, what);
}

static void on_field(void *data, size_t len, void *user) {
  parse *p = user;
  if (p->st) return;
  const char *s = data ? data : "";
  if (!p->header_done) {
    for (int k = 0; k < 3; k++)
      if (p->col[k] < 0 && len == strlen(p->want[k]) && memcmp(s, p->want[k], len) == 0)
        p->col[k] = p->field;
  } else {
    for (int k = 0; k < 3; k++) {
      if (p->field != p->col[k]) continue;
      if (len >= sizeof p->buf[k]) {
        fail_at(p, CONCERT_ERR_INVALID, p->line, k, " is longer than 63 characters", "...");
        return;
      }
      memcpy(p->buf[k], s, len);
      p->buf[k][len] = '\0';
      p->seen[k] = true;
      p->fline[k] = p->line;
    }
  }
  p->field++;
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

static void take_record(parse *p) {
  if (!p->header_done) {
    p->header_done = true;
    for (int k = 0; k < 3; k++)
      if (p->col[k] < 0) {
        p->st = concert_i_fail(p->diag, CONCERT_ERR_MISSING, p->path, p->line, 0, p->want[k],
                               "the header has no column '%s'", p->want[k]);
        return;
      }
    return;
  }
  for (int k = 0; k < 3; k++)
    if (!p->seen[k]) {
      fail_at(p, CONCERT_ERR_MISSING, p->line, k, " is missing: the row is too short", "");
      return;
    }
  row r = {.line = p->fline[0]};
  /* code */
  size_t cl = strlen(p->buf[0]);
  if (cl == 0 || cl >= sizeof r.code) {
    fail_at(p, CONCERT_ERR_INVALID, p->fline[0], 0, " is empty or longer than 7 characters", p->buf[0]);
    return;
  }
  memcpy(r.code, p->buf[0], cl + 1);
  /* year */
  char *end;
  errno = 0;
  long y = strtol(p->buf[1], &end, 10);
  if (end == p->buf[1] || *end || errno || y < 1000 || y > 3000) {
    fail_at(p, CONCERT_ERR_RANGE, p->fline[1], 1, " is not an integer in 1000-3000", p->buf[1]);
    return;
  }
  r.year = (int)y;
  /* value: empty means missing */
  if (p->buf[2][0] == '\0') return;
  errno = 0;
  double v = strtod(p->buf[2], &end);
  if (end == p->buf[2] || *end || !isfinite(v) || v < 0) {
    fail_at(p, CONCERT_ERR_RANGE, p->fline[2], 2, " is not a finite number >= 0", p->buf[2]);
    return;
  }
  r.value = v;
  if (push(p->out, &r)) p->st = CONCERT_FAIL(p->diag, CONCERT_ERR_NOMEM, "out of memory");
}

static void on_record(int c, void *user) {
  parse *p = user;
  if (!p->st) take_record(p);
  p->field = 0;
  for (int k = 0; k < 3; k++) p->seen[k] = false;
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

const char *concert_worlddata_default_dir(void) { return CONCERT_DATADIR; }

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
  FILE *f = fopen(path, "rb");
  if (!f)
    return concert_i_fail(d, CONCERT_ERR_IO, path, 0, 0, NULL, "cannot open: %s", strerror(errno));
  struct csv_parser cp;
  if (csv_init(&cp, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) {
    fclose(f);
    return CONCERT_FAIL(d, CONCERT_ERR_NOMEM, "out of memory");
  }
  table t = {0};
  parse p = {.path = path, .want = {code_col, year_col, value_col}, .col = {-1, -1, -1},
             .out = &t, .diag = d};
  char *buf = NULL;
  size_t cap = 0;
  ssize_t len;
  while (!p.st && (len = getline(&buf, &cap, f)) > 0) {
    p.line++;
    if (csv_parse(&cp, buf, (size_t)len, on_field, on_record, &p) != (size_t)len && !p.st)
      p.st = concert_i_fail(d, CONCERT_ERR_SYNTAX, path, p.line, 0, NULL, "CSV: %s",
                            csv_strerror(csv_error(&cp)));
  }
  if (!p.st && ferror(f))
    p.st = concert_i_fail(d, CONCERT_ERR_IO, path, p.line, 0, NULL, "read error");
  if (!p.st && csv_fini(&cp, on_field, on_record, &p) != 0 && !p.st)
    p.st = concert_i_fail(d, CONCERT_ERR_SYNTAX, path, p.line, 0, NULL, "CSV: %s",
                          csv_strerror(csv_error(&cp)));
  free(buf);
  csv_free(&cp);
  fclose(f);
  if (!p.st && !p.header_done)
    p.st = concert_i_fail(d, CONCERT_ERR_EMPTY, path, 0, 0, NULL, "empty file: no header row");
  if (!p.st && t.n == 0)
    p.st = concert_i_fail(d, CONCERT_ERR_EMPTY, path, p.line, 0, NULL, "no rows with a value");
  if (!p.st) {
    qsort(t.rows, t.n, sizeof *t.rows, row_cmp);
    for (size_t i = 1; i < t.n; i++)
      if (strcmp(t.rows[i].code, t.rows[i - 1].code) == 0 && t.rows[i].year == t.rows[i - 1].year) {
        p.st = concert_i_fail(d, CONCERT_ERR_DUPLICATE_ID, path, t.rows[i].line, p.col[0] + 1,
                              code_col, "%s %d already given on line %d", t.rows[i].code,
                              t.rows[i].year, t.rows[i - 1].line);
        break;
      }
  }
  if (p.st) {
    free(t.rows);
    return p.st;
  }
  free(w->t[ind].rows);
  w->t[ind] = t;
  return CONCERT_OK;
}

concert_status concert_worlddata_load(const char *dir, concert_worlddata **out, concert_diag *d) {
  if (!out) return CONCERT_FAIL(d, CONCERT_ERR_ARGUMENT, "bad arguments");
  *out = NULL;
  if (!dir) dir = CONCERT_DATADIR;
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
