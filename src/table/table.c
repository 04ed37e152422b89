/* table.c: actor tables in the KTAB and BDM CSV layouts (docs/actor-tables.md):
 * loading, checking every value (with file, line, column and field in each error),
 * and the accessors of concert/table.h. */
#include <concert/table.h>

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "io/read_file.h"
#include "io/number.h"
#include "status/diag.h"
#include "csv/csv_reader_i.h"

struct concert_table {
  concert_table_format format; /* layout read */
  char *title;                 /* scenario name (KTAB) or file stem (BDM) */
  char *description;           /* scenario description (KTAB) or "" */
  size_t n, m;                 /* actors, dimensions */
  char **ids;                  /* n actor ids */
  char **names;                /* n descriptions ("" when absent) */
  char **dims;                 /* m dimension names */
  const char **id_view;        /* n pointers = ids, typed for concert_problem */
  double *cap;                 /* n capabilities */
  double *pos;                 /* n x m positions, 0..100 */
  double *sal;                 /* n x m saliences, 0..1 */
  double *rev;                 /* m NaN reversion points for the problem view */
  double scale;                /* salience scale found in the file: 100 or 1 */
};

/* The loader's context: where we are, for messages. */
typedef struct loader {
  const char *file; /* name for messages */
  concert_diag *d;  /* may be NULL */
} loader;

/* Copies at most max bytes of s for a message, with "..." when cut. */
static const char *excerpt(const char *s, char *buf, size_t size) {
  size_t l = strlen(s);
  if (l + 1 <= size) return s;
  snprintf(buf, size, "%.*s...", (int)(size - 4), s);
  return buf;
}

/* Fails with "row L, column NAME: <message>". */
#define TFAIL(L, st, line, col, colname, fmt, ...)                                         \
  concert_i_fail((L)->d, (st), (L)->file, (line), (int)(col), (colname), "row %d, column %s: " fmt, \
                 (line), (colname), __VA_ARGS__)

static char *dup_str(const char *s) {
  size_t l = strlen(s);
  char *t = malloc(l + 1);
  if (t) memcpy(t, s, l + 1);
  return t;
}

void concert_table_free(concert_table *t) {
  if (!t) return;
  for (size_t a = 0; a < t->n; a++) {
    if (t->ids) free(t->ids[a]);
    if (t->names) free(t->names[a]);
  }
  for (size_t k = 0; t->dims && k < t->m; k++) free(t->dims[k]);
  free(t->ids);
  free(t->names);
  free(t->dims);
  free(t->id_view);
  free(t->cap);
  free(t->pos);
  free(t->sal);
  free(t->rev);
  free(t->title);
  free(t->description);
  free(t);
}

/* A table of n actors x m dimensions with every array allocated (strings NULL). */
static concert_table *table_new(size_t n, size_t m) {
  concert_table *t = calloc(1, sizeof *t);
  if (!t) return NULL;
  t->n = n;
  t->m = m;
  t->ids = calloc(n, sizeof *t->ids);
  t->names = calloc(n, sizeof *t->names);
  t->dims = calloc(m, sizeof *t->dims);
  t->id_view = calloc(n, sizeof *t->id_view);
  t->cap = calloc(n, sizeof *t->cap);
  t->pos = calloc(n * m, sizeof *t->pos);
  t->sal = calloc(n * m, sizeof *t->sal);
  t->rev = calloc(m, sizeof *t->rev);
  if (!t->ids || !t->names || !t->dims || !t->id_view || !t->cap || !t->pos || !t->sal ||
      !t->rev) {
    concert_table_free(t);
    return NULL;
  }
  for (size_t k = 0; k < m; k++) t->rev[k] = NAN;
  return t;
}

/* Reads a number in [lo, hi] (hi_open: strictly below hi) from a field. */
static concert_status read_number(const loader *L, const concert_i_csv_record *r, size_t col,
                                  const char *colname, double lo, double hi, int hi_open,
                                  double *out) {
  char buf[48];
  const char *s = r->field[col];
  double v = 0;
  concert_i_num e = concert_i_number(s, &v);
  if (e == CONCERT_I_NUM_SYNTAX && !*s)
    return TFAIL(L, CONCERT_ERR_MISSING, r->line, col + 1, colname, "%s", "missing value");
  if (e == CONCERT_I_NUM_SYNTAX)
    return TFAIL(L, CONCERT_ERR_TYPE, r->line, col + 1, colname, "'%s' is not a number",
                 excerpt(s, buf, sizeof buf));
  if (e == CONCERT_I_NUM_NONFINITE)
    return TFAIL(L, CONCERT_ERR_RANGE, r->line, col + 1, colname, "'%s' is not a finite number",
                 excerpt(s, buf, sizeof buf));
  if (e != CONCERT_I_NUM_OK)
    return TFAIL(L, CONCERT_ERR_RANGE, r->line, col + 1, colname, "'%s' %s",
                 excerpt(s, buf, sizeof buf), concert_i_number_why(e));
  if (v < lo || (hi_open ? v >= hi : v > hi)) /* the value as written */
    return TFAIL(L, CONCERT_ERR_RANGE, r->line, col + 1, colname,
                 "%s is out of range; it must lie in [%g, %g%s", excerpt(s, buf, sizeof buf), lo,
                 hi, hi_open ? ")" : "]");
  *out = v;
  return CONCERT_OK;
}

/* Reads a whole non-negative count. */
static concert_status read_count(const loader *L, const concert_i_csv_record *r, size_t col,
                                 const char *colname, long *out) {
  double v = 0;
  concert_status st = read_number(L, r, col, colname, 0, 1e9, 0, &v);
  if (st) return st;
  if (v != floor(v))
    return TFAIL(L, CONCERT_ERR_TYPE, r->line, col + 1, colname, "%s is not a whole number",
                 r->field[col]);
  *out = (long)v;
  return CONCERT_OK;
}

/* Copies a text field with a length limit. */
static concert_status read_text(const loader *L, const concert_i_csv_record *r, size_t col,
                                const char *colname, size_t max, int required, char **out) {
  const char *s = r->field[col];
  if (required && !*s) return TFAIL(L, CONCERT_ERR_MISSING, r->line, col + 1, colname, "%s", "empty actor id");
  if (strlen(s) >= max)
    return TFAIL(L, CONCERT_ERR_TOO_LARGE, r->line, col + 1, colname,
                 "text of %zu bytes is longer than the limit of %zu", strlen(s), max - 1);
  *out = dup_str(s);
  if (!*out) return CONCERT_FAIL(L->d, CONCERT_ERR_NOMEM, "out of memory reading %s", L->file);
  return CONCERT_OK;
}

/* Row line numbers of the actors, for the duplicate check. */
typedef struct id_ref {
  const char *id; /* actor id */
  int line;       /* row of the actor */
} id_ref;

static int by_id_then_line(const void *a, const void *b) {
  const id_ref *x = a, *y = b;
  int c = strcmp(x->id, y->id);
  return c ? c : (x->line > y->line) - (x->line < y->line);
}

/* Refuses two actors with the same id (exact, case-sensitive). O(n log n). */
static concert_status check_duplicates(const loader *L, const concert_table *t,
                                       const concert_i_csv_record *rows, size_t id_col,
                                       const char *colname) {
  id_ref *v = malloc(t->n * sizeof *v);
  if (!v) return CONCERT_FAIL(L->d, CONCERT_ERR_NOMEM, "out of memory reading %s", L->file);
  for (size_t a = 0; a < t->n; a++) v[a] = (id_ref){t->ids[a], rows[a].line};
  qsort(v, t->n, sizeof *v, by_id_then_line);
  concert_status st = CONCERT_OK;
  for (size_t a = 1; a < t->n && !st; a++)
    if (strcmp(v[a].id, v[a - 1].id) == 0) {
      char buf[80];
      st = TFAIL(L, CONCERT_ERR_DUPLICATE_ID, v[a].line, id_col + 1, colname,
                 "duplicate actor id '%s' (first on row %d)", excerpt(v[a].id, buf, sizeof buf),
                 v[a - 1].line);
    }
  free(v);
  return st;
}

/* Dimension name from a KTAB position header: "Policy Position" -> "Policy". */
static char *dim_name(const char *h) {
  size_t l = strlen(h);
  const char *suffix = "position";
  size_t sl = strlen(suffix);
  if (l > sl && strcasecmp(h + l - sl, suffix) == 0) {
    size_t k = l - sl;
    while (k > 0 && (h[k - 1] == ' ' || h[k - 1] == '_' || h[k - 1] == '-')) k--;
    if (k > 0) {
      char *t = malloc(k + 1);
      if (t) memcpy(t, h, k), t[k] = '\0';
      return t;
    }
  }
  return dup_str(h);
}

/* ---- KTAB layout ---- */
static concert_status load_ktab(const loader *L, const concert_i_csv_records *R,
                                concert_table **out) {
  const concert_i_csv_record *title = &R->rows[0];
  if (title->n < 4) /* later fields are ignored, as KTAB does */
    return concert_i_fail(L->d, CONCERT_ERR_SYNTAX, L->file, title->line, (int)title->n + 1,
                          "title",
                          "row %d: the KTAB title line has %zu fields; it needs 4 (scenario "
                          "name, description, number of actors, number of dimensions)",
                          title->line, title->n);
  long na = 0, nd = 0;
  concert_status st = read_count(L, title, 2, "n_actors", &na);
  if (st) return st;
  st = read_count(L, title, 3, "n_dims", &nd);
  if (st) return st;
  if (na < CONCERT_TABLE_KTAB_MIN_ACTORS)
    return concert_i_fail(L->d, CONCERT_ERR_RANGE, L->file, title->line, 3, "n_actors",
                          "row %d, column n_actors: %ld actors; KTAB needs at least %d",
                          title->line, na, CONCERT_TABLE_KTAB_MIN_ACTORS);
  if (na > CONCERT_TABLE_KTAB_MAX_ACTORS)
    return concert_i_fail(L->d, CONCERT_ERR_TOO_LARGE, L->file, title->line, 3, "n_actors",
                          "row %d, column n_actors: %ld actors; KTAB allows at most %d",
                          title->line, na, CONCERT_TABLE_KTAB_MAX_ACTORS);
  if (nd < 1)
    return concert_i_fail(L->d, CONCERT_ERR_RANGE, L->file, title->line, 4, "n_dims",
                          "row %d, column n_dims: at least one dimension is needed", title->line);
  if (nd > CONCERT_TABLE_MAX_DIMS)
    return concert_i_fail(L->d, CONCERT_ERR_TOO_LARGE, L->file, title->line, 4, "n_dims",
                          "row %d, column n_dims: %ld dimensions; the limit is %d", title->line,
                          nd, CONCERT_TABLE_MAX_DIMS);
  size_t n = (size_t)na, m = (size_t)nd, cols = 3 + 2 * m;
  if (R->n < 2)
    return concert_i_fail(L->d, CONCERT_ERR_MISSING, L->file, title->line, 0, "header",
                          "the header line (Actor,Description,Influence,...) is missing");
  const concert_i_csv_record *head = &R->rows[1];
  if (head->n != cols)
    return concert_i_fail(L->d, CONCERT_ERR_SYNTAX, L->file, head->line, (int)head->n, "header",
                          "row %d: the header has %zu columns; with %zu dimensions it needs %zu "
                          "(Actor, Description, Influence, then Position and Salience per "
                          "dimension)",
                          head->line, head->n, m, cols);
  size_t rows = R->n - 2;
  if (rows != n) {
    int line = rows > n ? R->rows[2 + n].line : (rows ? R->rows[R->n - 1].line : head->line);
    return concert_i_fail(L->d, CONCERT_ERR_INVALID, L->file, line, 3, "n_actors",
                          "row %d: the title line (row %d) announces %zu actors but the file "
                          "has %zu actor rows",
                          line, title->line, n, rows);
  }
  concert_table *t = table_new(n, m);
  if (!t) return CONCERT_FAIL(L->d, CONCERT_ERR_NOMEM, "out of memory reading %s", L->file);
  t->format = CONCERT_TABLE_FORMAT_KTAB;
  t->scale = 100;
  t->title = dup_str(title->field[0]);
  t->description = dup_str(title->field[1]);
  if (!t->title || !t->description) goto nomem;
  for (size_t k = 0; k < m; k++)
    if (!(t->dims[k] = dim_name(head->field[3 + 2 * k]))) goto nomem;
  for (size_t a = 0; a < n; a++) {
    const concert_i_csv_record *r = &R->rows[2 + a];
    if (r->n != cols) {
      st = concert_i_fail(L->d, CONCERT_ERR_SYNTAX, L->file, r->line, (int)r->n, head->field[0],
                          "row %d: %zu columns; the header has %zu", r->line, r->n, cols);
      goto fail;
    }
    if ((st = read_text(L, r, 0, head->field[0], CONCERT_TABLE_MAX_ID, 1, &t->ids[a]))) goto fail;
    if ((st = read_text(L, r, 1, head->field[1], CONCERT_TABLE_MAX_TEXT, 0, &t->names[a])))
      goto fail;
    t->id_view[a] = t->ids[a];
    if ((st = read_number(L, r, 2, head->field[2], 0, CONCERT_TABLE_MAX_CAPABILITY, 1, &t->cap[a])))
      goto fail;
    double total = 0;
    for (size_t k = 0; k < m; k++) {
      double x = 0, s = 0;
      if ((st = read_number(L, r, 3 + 2 * k, head->field[3 + 2 * k], 0, 100, 0, &x))) goto fail;
      if ((st = read_number(L, r, 4 + 2 * k, head->field[4 + 2 * k], 0, 100, 0, &s))) goto fail;
      total += s;
      if (total > 100 + 1e-9) {
        st = TFAIL(L, CONCERT_ERR_RANGE, r->line, 5 + 2 * k, head->field[4 + 2 * k],
                   "the saliences of actor '%s' add up to %g so far; KTAB allows at most 100 "
                   "in total",
                   t->ids[a], total);
        goto fail;
      }
      t->pos[a * m + k] = x;
      t->sal[a * m + k] = s / 100.0;
    }
  }
  if ((st = check_duplicates(L, t, R->rows + 2, 0, head->field[0]))) goto fail;
  *out = t;
  return CONCERT_OK;
nomem:
  st = CONCERT_FAIL(L->d, CONCERT_ERR_NOMEM, "out of memory reading %s", L->file);
fail:
  concert_table_free(t);
  return st;
}

/* ---- BDM layout ---- */
enum { COL_ID, COL_DESC, COL_CAP, COL_POS, COL_SAL, COL_KINDS };

/* Which column a header names (synonyms, any case), or -1. */
static int column_kind(const char *h) {
  static const char *const names[COL_KINDS][8] = {
      {"actor", "stakeholder", "player", "party", "country", "actors", "stakeholders", NULL},
      {"description", "desc", "name", "label", "full name", NULL},
      {"capability", "resources", "power", "influence", "clout", "weight", "capabilities", NULL},
      {"position", "pos", "stance", NULL},
      {"salience", "importance", "priority", "saliency", NULL},
  };
  for (int k = 0; k < COL_KINDS; k++)
    for (int i = 0; names[k][i]; i++)
      if (strcasecmp(h, names[k][i]) == 0) return k;
  return -1;
}

static const char *const kind_label[COL_KINDS] = {"Actor", "Description", "Capability",
                                                  "Position", "Salience"};

/* True when the first row looks like a BDM header (an actor and a position column). */
static int is_bdm_header(const concert_i_csv_record *r) {
  int id = 0, pos = 0;
  for (size_t i = 0; i < r->n; i++) {
    int k = column_kind(r->field[i]);
    id |= k == COL_ID;
    pos |= k == COL_POS;
  }
  return id && pos && column_kind(r->field[0]) == COL_ID;
}

/* File name without directory and extension, for the title of a BDM table. */
static char *file_stem(const char *name) {
  const char *b = strrchr(name, '/');
  b = b ? b + 1 : name;
  const char *dot = strrchr(b, '.');
  size_t l = dot && dot != b ? (size_t)(dot - b) : strlen(b);
  char *t = malloc(l + 1);
  if (t) memcpy(t, b, l), t[l] = '\0';
  return t;
}

static concert_status load_bdm(const loader *L, const concert_i_csv_records *R,
                               concert_table **out) {
  const concert_i_csv_record *head = &R->rows[0];
  int col[COL_KINDS];
  for (int k = 0; k < COL_KINDS; k++) col[k] = -1;
  for (size_t i = 0; i < head->n; i++) {
    int k = column_kind(head->field[i]);
    if (k < 0)
      return concert_i_fail(L->d, CONCERT_ERR_UNKNOWN_FIELD, L->file, head->line, (int)i + 1,
                            head->field[i],
                            "row %d, column %zu: unknown column '%s' (expected Actor, "
                            "Capability, Position, Salience and optionally Description)",
                            head->line, i + 1, head->field[i]);
    if (col[k] >= 0)
      return concert_i_fail(L->d, CONCERT_ERR_DUPLICATE_ID, L->file, head->line, (int)i + 1,
                            head->field[i], "row %d, column %zu: a second %s column ('%s')",
                            head->line, i + 1, kind_label[k], head->field[i]);
    col[k] = (int)i;
  }
  for (int k = 0; k < COL_KINDS; k++)
    if (col[k] < 0 && k != COL_DESC)
      return concert_i_fail(L->d, CONCERT_ERR_MISSING, L->file, head->line, 0, kind_label[k],
                            "row %d: the header has no %s column", head->line, kind_label[k]);
  size_t n = R->n - 1;
  if (n == 0)
    return concert_i_fail(L->d, CONCERT_ERR_EMPTY, L->file, head->line, 0, NULL,
                          "the file has a header but no actor rows");
  if (n > CONCERT_TABLE_MAX_ROWS)
    return concert_i_fail(L->d, CONCERT_ERR_TOO_LARGE, L->file, R->rows[CONCERT_TABLE_MAX_ROWS + 1].line,
                          0, NULL, "more than %d actor rows (the limit)", CONCERT_TABLE_MAX_ROWS);
  concert_table *t = table_new(n, 1);
  if (!t) return CONCERT_FAIL(L->d, CONCERT_ERR_NOMEM, "out of memory reading %s", L->file);
  concert_status st;
  t->format = CONCERT_TABLE_FORMAT_BDM;
  t->title = file_stem(L->file);
  t->description = dup_str("");
  t->dims[0] = dup_str(head->field[col[COL_POS]]);
  if (!t->title || !t->description || !t->dims[0]) goto nomem;
  double smax = 0;
  for (size_t a = 0; a < n; a++) {
    const concert_i_csv_record *r = &R->rows[1 + a];
    if (r->n > head->n) {
      st = concert_i_fail(L->d, CONCERT_ERR_SYNTAX, L->file, r->line, (int)head->n + 1, NULL,
                          "row %d: %zu columns; the header has %zu", r->line, r->n, head->n);
      goto fail;
    }
    if (r->n < head->n) {
      size_t c = r->n;
      st = TFAIL(L, CONCERT_ERR_MISSING, r->line, c + 1, head->field[c],
                 "missing value (the row has %zu columns, the header %zu)", r->n, head->n);
      goto fail;
    }
    if ((st = read_text(L, r, (size_t)col[COL_ID], head->field[col[COL_ID]], CONCERT_TABLE_MAX_ID,
                        1, &t->ids[a])))
      goto fail;
    t->id_view[a] = t->ids[a];
    if (col[COL_DESC] >= 0) {
      if ((st = read_text(L, r, (size_t)col[COL_DESC], head->field[col[COL_DESC]],
                          CONCERT_TABLE_MAX_TEXT, 0, &t->names[a])))
        goto fail;
    } else if (!(t->names[a] = dup_str(""))) {
      goto nomem;
    }
    if ((st = read_number(L, r, (size_t)col[COL_CAP], head->field[col[COL_CAP]], 0,
                          CONCERT_TABLE_MAX_CAPABILITY, 1, &t->cap[a])))
      goto fail;
    if ((st = read_number(L, r, (size_t)col[COL_POS], head->field[col[COL_POS]], 0, 100, 0,
                          &t->pos[a])))
      goto fail;
    if ((st = read_number(L, r, (size_t)col[COL_SAL], head->field[col[COL_SAL]], 0, 100, 0,
                          &t->sal[a])))
      goto fail;
    if (t->sal[a] > smax) smax = t->sal[a];
  }
  /* the salience scale: 0..1 when no salience exceeds 1, else 0..100; a 0..100 file may
   * not also hold fractions strictly between 0 and 1 (mixed scales) */
  t->scale = smax > 1 ? 100 : 1;
  for (size_t a = 0; a < n; a++) {
    if (t->scale == 100 && t->sal[a] > 0 && t->sal[a] < 1) {
      const concert_i_csv_record *r = &R->rows[1 + a];
      st = TFAIL(L, CONCERT_ERR_INVALID, r->line, col[COL_SAL] + 1, head->field[col[COL_SAL]],
                 "%g looks like a 0..1 salience but other rows use the 0..100 scale (up to "
                 "%g); use one scale",
                 t->sal[a], smax);
      goto fail;
    }
    t->sal[a] /= t->scale;
  }
  if ((st = check_duplicates(L, t, R->rows + 1, (size_t)col[COL_ID], head->field[col[COL_ID]])))
    goto fail;
  *out = t;
  return CONCERT_OK;
nomem:
  st = CONCERT_FAIL(L->d, CONCERT_ERR_NOMEM, "out of memory reading %s", L->file);
fail:
  concert_table_free(t);
  return st;
}

/* Splits an actor table into rows (libcsv's lenient mode, spaces around unquoted fields
 * trimmed, CR, LF and CRLF all ending a line), dropping trailing empty fields (KTAB files
 * end rows with a comma) and the rows left with none. O(len). */
static concert_status split_rows(const char *data, size_t len, const char *file,
                                 concert_i_csv_records *R, concert_diag *d) {
  concert_i_csv_opts o = {.relaxed = true, .trim = true, .cr_newline = true};
  concert_status st = concert_i_csv_collect_mem(data, len, file, &o, R, d);
  if (st) {
    concert_i_csv_records_free(R);
    return st;
  }
  size_t kept = 0;
  for (size_t r = 0; r < R->n; r++) {
    concert_i_csv_record *rec = &R->rows[r];
    while (rec->n > 0 && rec->field[rec->n - 1][0] == '\0') free(rec->field[--rec->n]);
    if (rec->n == 0)
      free(rec->field);
    else
      R->rows[kept++] = *rec;
  }
  R->n = kept;
  return CONCERT_OK;
}

concert_status concert_table_load_buffer(const char *data, size_t len, const char *name,
                                         concert_table **out, concert_diag *diag) {
  if (!out) return CONCERT_FAIL(diag, CONCERT_ERR_ARGUMENT, "out must not be NULL");
  *out = NULL;
  if (!data && len) return CONCERT_FAIL(diag, CONCERT_ERR_ARGUMENT, "data must not be NULL");
  loader L = {name ? name : "<buffer>", diag};
  if (len > CONCERT_TABLE_MAX_BYTES)
    return concert_i_fail(diag, CONCERT_ERR_TOO_LARGE, L.file, 0, 0, NULL,
                          "%zu bytes; actor tables are limited to %zu bytes", len,
                          CONCERT_TABLE_MAX_BYTES);
  if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) data += 3, len -= 3; /* UTF-8 BOM */
  const char *nul = len ? memchr(data, '\0', len) : NULL;
  if (nul) {
    int line = 1;
    for (const char *c = data; c < nul; c++)
      if (*c == '\n' || (*c == '\r' && c[1] != '\n')) line++;
    return concert_i_fail(diag, CONCERT_ERR_SYNTAX, L.file, line, 0, NULL,
                          "row %d: a NUL byte; this is not a text CSV file", line);
  }
  concert_i_csv_records R;
  char other = 0;
  concert_status st = split_rows(data, len, L.file, &R, diag);
  if (st) return st;
  if (R.n == 0)
    st = concert_i_fail(diag, CONCERT_ERR_EMPTY, L.file, 0, 0, NULL,
                        "the file is empty (no title or header line)");
  else if (R.n > CONCERT_TABLE_MAX_ROWS + 2)
    st = concert_i_fail(diag, CONCERT_ERR_TOO_LARGE, L.file, R.rows[CONCERT_TABLE_MAX_ROWS + 2].line,
                        0, NULL, "more than %d rows (the limit)", CONCERT_TABLE_MAX_ROWS);
  else if ((other = concert_i_csv_other_delim((const char *const *)R.rows[0].field, R.rows[0].n, ',')))
    st = concert_i_fail(diag, CONCERT_ERR_SYNTAX, L.file, R.rows[0].line, 1, NULL,
                        "the first row is one column: the file seems separated by %s; actor "
                        "tables are separated by commas (docs/actor-tables.md)",
                        concert_i_csv_delim_name(other));
  else if (is_bdm_header(&R.rows[0]))
    st = load_bdm(&L, &R, out);
  else
    st = load_ktab(&L, &R, out);
  concert_i_csv_records_free(&R);
  return st;
}

concert_status concert_table_load(const char *path, concert_table **out, concert_diag *diag) {
  if (!out) return CONCERT_FAIL(diag, CONCERT_ERR_ARGUMENT, "out must not be NULL");
  *out = NULL;
  if (!path) return CONCERT_FAIL(diag, CONCERT_ERR_ARGUMENT, "path must not be NULL");
  char *buf;
  size_t len;
  char limit[160];
  snprintf(limit, sizeof limit, "larger than %zu bytes, the limit for actor tables", (size_t)CONCERT_TABLE_MAX_BYTES);
  concert_status st = concert_i_read_file(path, CONCERT_TABLE_MAX_BYTES, limit, &buf, &len, diag);
  if (st) return st;
  st = concert_table_load_buffer(buf, len, path, out, diag);
  free(buf);
  return st;
}

concert_table_format concert_table_format_of(const concert_table *t) {
  return t ? t->format : CONCERT_TABLE_FORMAT_KTAB;
}
const char *concert_table_title(const concert_table *t) { return t ? t->title : ""; }
const char *concert_table_description(const concert_table *t) {
  return t ? t->description : "";
}
size_t concert_table_actors(const concert_table *t) { return t ? t->n : 0; }
size_t concert_table_dimensions(const concert_table *t) { return t ? t->m : 0; }
const char *concert_table_dimension_name(const concert_table *t, size_t k) {
  return (t && k < t->m) ? t->dims[k] : NULL;
}
const char *concert_table_actor_id(const concert_table *t, size_t a) {
  return (t && a < t->n) ? t->ids[a] : NULL;
}
const char *concert_table_actor_name(const concert_table *t, size_t a) {
  return (t && a < t->n) ? t->names[a] : NULL;
}
double concert_table_capability(const concert_table *t, size_t a) {
  return (t && a < t->n) ? t->cap[a] : NAN;
}
double concert_table_position(const concert_table *t, size_t a, size_t k) {
  return (t && a < t->n && k < t->m) ? t->pos[a * t->m + k] : NAN;
}
double concert_table_salience(const concert_table *t, size_t a, size_t k) {
  return (t && a < t->n && k < t->m) ? t->sal[a * t->m + k] : NAN;
}
double concert_table_salience_scale(const concert_table *t) { return t ? t->scale : NAN; }

void concert_table_problem(const concert_table *t, concert_problem *p) {
  if (!p) return;
  memset(p, 0, sizeof *p);
  if (!t) return;
  p->n_actors = t->n;
  p->n_issues = t->m;
  p->position = t->pos;
  p->salience = t->sal;
  p->capability = t->cap;
  p->reversion = t->rev;
  p->actor_ids = t->id_view;
}
