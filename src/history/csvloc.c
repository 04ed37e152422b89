/* csvloc.c: streaming CSV reading over libcsv with file, line and byte column for every
 * field, so that loaders can say exactly where an input is wrong. Input is fed to libcsv one
 * physical line at a time; the raw bytes of the current row are kept to locate fields. */
#include <csv.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "history/csvloc_i.h"
#include "status/diag.h"

/* Reader state shared with libcsv's callbacks. */
typedef struct reader {
  struct csv_parser p;          /* libcsv parser */
  concert_i_csvloc_row row;        /* the row being assembled */
  char *fbuf;                   /* field bytes of the current row, NUL-separated */
  size_t fcap, fused;           /* capacity and use of fbuf */
  size_t foff[CONCERT_I_CSVLOC_MAX_FIELDS]; /* offsets of the fields in fbuf */
  char *raw;                    /* raw bytes of the current row */
  size_t rcap, rlen;            /* capacity and use of raw */
  int raw_clear;                /* the row ended: clear raw after this piece */
  long line;                    /* 1-based line of the next byte fed */
  long row_line;                /* line where the current row started */
  concert_status st;            /* first failure, CONCERT_OK while going on */
  concert_diag *d;              /* where failures go */
  concert_i_csvloc_row_fn fn;      /* row callback */
  void *user;                   /* its argument */
} reader;

static int no_space(unsigned char c) {
  (void)c;
  return 0; /* keep every byte: spaces are data, not padding */
}

static int grow(char **buf, size_t *cap, size_t need) {
  if (need <= *cap) return 0;
  size_t nc = *cap ? *cap : 256;
  while (nc < need) nc *= 2;
  char *nb = realloc(*buf, nc);
  if (!nb) return -1;
  *buf = nb;
  *cap = nc;
  return 0;
}

static void on_field(void *s, size_t len, void *data) {
  reader *r = data;
  if (r->st != CONCERT_OK) return;
  if (r->row.n >= CONCERT_I_CSVLOC_MAX_FIELDS) {
    r->st = concert_i_fail(r->d, CONCERT_ERR_TOO_LARGE, r->row.file, (int)r->row_line, 0, NULL,
                           "a row has more than %d fields", CONCERT_I_CSVLOC_MAX_FIELDS);
    return;
  }
  if (len > CONCERT_I_CSVLOC_MAX_FIELD) {
    r->st = concert_i_fail(r->d, CONCERT_ERR_TOO_LARGE, r->row.file, (int)r->row_line, 0, NULL,
                           "a field is longer than %d bytes", CONCERT_I_CSVLOC_MAX_FIELD);
    return;
  }
  if (grow(&r->fbuf, &r->fcap, r->fused + len + 1) != 0) {
    r->st = CONCERT_FAIL(r->d, CONCERT_ERR_NOMEM, "out of memory reading %s", r->row.file);
    return;
  }
  if (len) memcpy(r->fbuf + r->fused, s, len);
  r->fbuf[r->fused + len] = '\0';
  r->foff[r->row.n] = r->fused;
  r->row.len[r->row.n] = len;
  r->row.n++;
  r->fused += len + 1;
}

static void on_row(int c, void *data) {
  (void)c;
  reader *r = data;
  r->raw_clear = 1;
  if (r->st != CONCERT_OK) return;
  for (size_t i = 0; i < r->row.n; i++) r->row.field[i] = r->fbuf + r->foff[i];
  r->row.line = r->row_line;
  r->row.raw = r->raw ? r->raw : "";
  r->row.raw_len = r->rlen;
  concert_status st = r->fn(r->user, &r->row, r->d);
  if (st != CONCERT_OK) r->st = st;
  r->row.index++;
  r->row.n = 0;
  r->fused = 0;
}

static int only_newline(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (s[i] != '\n' && s[i] != '\r') return 0;
  return 1;
}

static concert_status parse_error(reader *r) {
  if (r->st != CONCERT_OK) return r->st;
  int e = csv_error(&r->p);
  if (e == CSV_ENOMEM || e == CSV_ETOOBIG)
    return r->st = CONCERT_FAIL(r->d, CONCERT_ERR_NOMEM, "out of memory reading %s", r->row.file);
  return r->st = concert_i_fail(r->d, CONCERT_ERR_SYNTAX, r->row.file, (int)r->line, 0, NULL,
                                "malformed CSV: %s (a stray or unterminated quote)",
                                csv_strerror(e));
}

/* Feeds a piece of input, split into physical lines. */
static concert_status feed(reader *r, const char *s, size_t n) {
  while (n > 0 && r->st == CONCERT_OK) {
    const char *nl = memchr(s, '\n', n);
    size_t k = nl ? (size_t)(nl - s) + 1 : n;
    if (r->rlen == 0 && r->row.n == 0 && only_newline(s, k)) {
      /* a blank line between rows: nothing to keep */
    } else {
      if (r->rlen == 0) r->row_line = r->line;
      if (grow(&r->raw, &r->rcap, r->rlen + k + 1) != 0)
        return r->st = CONCERT_FAIL(r->d, CONCERT_ERR_NOMEM, "out of memory reading %s",
                                    r->row.file);
      memcpy(r->raw + r->rlen, s, k);
      r->rlen += k;
      r->raw[r->rlen] = '\0';
      if (r->rlen > (size_t)CONCERT_I_CSVLOC_MAX_FIELDS * CONCERT_I_CSVLOC_MAX_FIELD)
        return r->st = concert_i_fail(r->d, CONCERT_ERR_TOO_LARGE, r->row.file,
                                      (int)r->row_line, 0, NULL, "a row is too long");
    }
    if (csv_parse(&r->p, s, k, on_field, on_row, r) != k) return parse_error(r);
    if (r->st != CONCERT_OK) return r->st;
    if (r->raw_clear) {
      r->rlen = 0;
      r->raw_clear = 0;
    }
    if (nl) r->line++;
    s += k;
    n -= k;
  }
  return r->st;
}

static concert_status begin(reader *r, const char *name, concert_i_csvloc_row_fn fn, void *user,
                            concert_diag *d) {
  memset(r, 0, sizeof *r);
  r->line = 1;
  r->row_line = 1;
  r->d = d;
  r->fn = fn;
  r->user = user;
  r->row.file = name ? name : "";
  if (csv_init(&r->p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
    return CONCERT_FAIL(d, CONCERT_ERR_NOMEM, "out of memory");
  csv_set_space_func(&r->p, no_space);
  return CONCERT_OK;
}

static concert_status finish(reader *r) {
  if (r->st == CONCERT_OK && csv_fini(&r->p, on_field, on_row, r) != 0) parse_error(r);
  concert_status st = r->st;
  csv_free(&r->p);
  free(r->fbuf);
  free(r->raw);
  return st;
}

concert_status concert_i_csvloc_read_mem(const char *buf, size_t len, const char *name,
                                      concert_i_csvloc_row_fn fn, void *user, concert_diag *d) {
  reader r;
  concert_status st = begin(&r, name, fn, user, d);
  if (st != CONCERT_OK) return st;
  if (len > 0 && buf) feed(&r, buf, len);
  return finish(&r);
}

concert_status concert_i_csvloc_read_file(const char *path, const char *name,
                                       concert_i_csvloc_row_fn fn, void *user, concert_diag *d) {
  if (!name) name = path;
  FILE *f = fopen(path, "rb");
  if (!f)
    return concert_i_fail(d, CONCERT_ERR_IO, name, 0, 0, NULL, "cannot open: %s",
                          strerror(errno));
  reader r;
  concert_status st = begin(&r, name, fn, user, d);
  if (st != CONCERT_OK) {
    fclose(f);
    return st;
  }
  char block[1 << 16];
  size_t got;
  while (r.st == CONCERT_OK && (got = fread(block, 1, sizeof block, f)) > 0) feed(&r, block, got);
  if (r.st == CONCERT_OK && ferror(f))
    r.st = concert_i_fail(d, CONCERT_ERR_IO, name, (int)r.line, 0, NULL, "read error");
  fclose(f);
  return finish(&r);
}

/* Finds the line and byte column where field k of row starts. */
static void locate(const concert_i_csvloc_row *row, size_t k, long *line, long *col) {
  long ln = row->line, c = 1, fl = row->line, fc = 1;
  size_t f = 0;
  int inq = 0;
  for (size_t i = 0; i < row->raw_len && f < k; i++) {
    char ch = row->raw[i];
    if (ch == '"') {
      inq = !inq;
    } else if (ch == ',' && !inq) {
      f++;
      fl = ln;
      fc = c + 1;
    } else if ((ch == '\n' || ch == '\r') && !inq) {
      break;
    }
    if (ch == '\n') {
      ln++;
      c = 1;
    } else {
      c++;
    }
  }
  if (f < k) { /* the field is missing: point just past the row's last byte */
    fl = ln;
    fc = c;
  }
  *line = fl;
  *col = fc;
}

concert_status concert_i_csvloc_fail(concert_diag *d, concert_status st,
                                  const concert_i_csvloc_row *row, size_t k, const char *colname,
                                  const char *fmt, ...) {
  char msg[400];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  long line, col;
  locate(row, k, &line, &col);
  return concert_i_fail(d, st, row->file, (int)line, (int)col, colname, "%s", msg);
}

concert_status concert_i_csvloc_expect_header(const concert_i_csvloc_row *row,
                                           const char *const *names, size_t n,
                                           concert_diag *d) {
  for (size_t i = 0; i < n; i++) {
    if (i >= row->n)
      return concert_i_csvloc_fail(d, CONCERT_ERR_MISSING, row, i, names[i],
                                "header: column %zu '%s' is missing", i + 1, names[i]);
    if (strcmp(row->field[i], names[i]) != 0)
      return concert_i_csvloc_fail(d, CONCERT_ERR_SYNTAX, row, i, names[i],
                                "header: column %zu should be '%s', found '%.60s'", i + 1,
                                names[i], row->field[i]);
  }
  if (row->n > n)
    return concert_i_csvloc_fail(d, CONCERT_ERR_UNKNOWN_FIELD, row, n, row->field[n],
                              "header: unexpected column %zu '%.60s'", n + 1, row->field[n]);
  return CONCERT_OK;
}

concert_status concert_i_csvloc_expect_width(const concert_i_csvloc_row *row, size_t n,
                                          concert_diag *d) {
  if (row->n == n) return CONCERT_OK;
  size_t k = row->n < n ? row->n : n;
  return concert_i_csvloc_fail(d, row->n < n ? CONCERT_ERR_MISSING : CONCERT_ERR_SYNTAX, row, k,
                            NULL, "row has %zu fields, the header has %zu", row->n, n);
}

int concert_i_csvloc_long(const char *s, long lo, long hi, long *out) {
  if (!s || !*s) return -1;
  /* fast path for the common short unsigned case (the vote table's ids) */
  long v = 0;
  size_t i = 0;
  while (i < 10 && s[i] >= '0' && s[i] <= '9') v = v * 10 + (s[i++] - '0');
  if (s[i] == '\0') {
    if (v < lo || v > hi) return -1;
    *out = v;
    return 0;
  }
  char *end;
  errno = 0;
  v = strtol(s, &end, 10);
  if (errno != 0 || *end != '\0' || end == s || v < lo || v > hi) return -1;
  if (s[0] == ' ' || s[0] == '\t' || s[0] == '+') return -1;
  *out = v;
  return 0;
}

int concert_i_csvloc_double(const char *s, double *out) {
  if (!s || !*s || s[0] == ' ' || s[0] == '\t') return -1;
  char *end;
  errno = 0;
  double v = strtod(s, &end);
  if (*end != '\0' || end == s || !isfinite(v) || errno == ERANGE) return -1;
  *out = v;
  return 0;
}
