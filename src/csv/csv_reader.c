/* csv_reader.c: the library's one reader of delimited text. RFC 4180 input goes through
 * libcsv, fed one physical line at a time so that every row and field knows its line and
 * byte column; the raw bytes of the current row are kept to locate fields. The "plain"
 * dialect (DEU TSV) splits lines itself: quotes may only wrap a whole field. */
#include <csv.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv/csv_reader_i.h"
#include "io/number.h"
#include "io/read_file.h"
#include "io/utf8.h"
#include "status/diag.h"

/* Reader state shared with libcsv's callbacks. */
typedef struct reader {
  struct csv_parser p;     /* libcsv parser (RFC 4180 dialect) */
  concert_i_csv_opts o;    /* the options in force */
  concert_i_csv_row row;   /* the row being assembled */
  char *fbuf;              /* field bytes of the current row, NUL-separated */
  size_t fcap, fused;      /* capacity and use of fbuf */
  size_t *foff;            /* offsets of the fields in fbuf */
  const char **fptr;       /* the fields' texts, set when the row is handed out */
  size_t *flen;            /* the fields' lengths */
  long *fline;             /* the lines on which the fields ended */
  int *fcol;               /* plain dialect: the fields' byte columns */
  size_t ncap;             /* capacity of the five per-field arrays */
  size_t lim_fields;       /* o.max_fields, or SIZE_MAX for no limit */
  size_t lim_field;        /* o.max_field, or SIZE_MAX for no limit */
  char *raw;               /* raw bytes of the current row */
  size_t rcap, rlen;       /* capacity and use of raw */
  int raw_clear;           /* the row ended: clear raw after this piece */
  int pending_cr;          /* the last piece ended with a CR (cr_newline): a LF next is its tail */
  long line;               /* 1-based line of the next byte fed */
  long last_line;          /* line of the last byte fed (0: none yet) */
  long row_line;           /* line where the current row started */
  concert_status st;       /* first failure, CONCERT_OK while going on */
  concert_diag *d;         /* where failures go */
  concert_i_csv_row_fn fn; /* row callback */
  void *user;              /* its argument */
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

/* Makes room for need fields in the per-field arrays. */
static int grow_fields(reader *r, size_t need) {
  if (need <= r->ncap) return 0;
  size_t nc = r->ncap ? 2 * r->ncap : 16;
  while (nc < need) nc *= 2;
  size_t *foff = realloc(r->foff, nc * sizeof *foff);
  if (foff) r->foff = foff;
  const char **fptr = realloc(r->fptr, nc * sizeof *fptr);
  if (fptr) r->fptr = fptr;
  size_t *flen = realloc(r->flen, nc * sizeof *flen);
  if (flen) r->flen = flen;
  long *fline = realloc(r->fline, nc * sizeof *fline);
  if (fline) r->fline = fline;
  int *fcol = realloc(r->fcol, nc * sizeof *fcol);
  if (fcol) r->fcol = fcol;
  if (!foff || !fptr || !flen || !fline || !fcol) return -1;
  r->ncap = nc;
  r->row.field = r->fptr;
  r->row.len = r->flen;
  r->row.fline = r->fline;
  if (r->o.dialect == CONCERT_I_CSV_PLAIN) r->row.col = r->fcol;
  return 0;
}

static concert_status nomem(reader *r) {
  return CONCERT_FAIL(r->d, CONCERT_ERR_NOMEM, "out of memory reading %s", r->row.file);
}

/* Makes room for one more field of len bytes. */
static int room(reader *r, size_t len) {
  return grow(&r->fbuf, &r->fcap, r->fused + len + 1) != 0 || grow_fields(r, r->row.n + 1) != 0
             ? -1
             : 0;
}

/* Appends a field of the current row (NUL-terminated copy in fbuf). */
static concert_status add_field(reader *r, const char *s, size_t len) {
  if ((r->fused + len + 1 > r->fcap || r->row.n >= r->ncap) && room(r, len) != 0)
    return nomem(r);
  size_t n = r->row.n;
  char *t = r->fbuf + r->fused;
  if (len) memcpy(t, s, len);
  t[len] = '\0';
  r->foff[n] = r->fused;
  r->flen[n] = len;
  r->fline[n] = r->line;
  r->row.n = n + 1;
  r->fused += len + 1;
  return CONCERT_OK;
}

static void on_field(void *s, size_t len, void *data) {
  reader *r = data;
  if (r->st != CONCERT_OK) return;
  if (r->row.n >= r->lim_fields) {
    r->st = concert_i_fail(r->d, CONCERT_ERR_TOO_LARGE, r->row.file, (int)r->row_line, 0, NULL,
                           "a row has more than %zu fields", r->o.max_fields);
    return;
  }
  if (len > r->lim_field) {
    r->st = concert_i_fail(r->d, CONCERT_ERR_TOO_LARGE, r->row.file, (int)r->row_line, 0, NULL,
                           "a field is longer than %zu bytes", r->o.max_field);
    return;
  }
  r->st = add_field(r, s, len);
}

/* Refuses a field that holds a NUL byte (it would cut the text short: two ids could collide)
 * or is not valid UTF-8 (every JSON writer would fail on it), at the field's position. */
static concert_status check_text(reader *r) {
  for (size_t i = 0; i < r->row.n; i++) {
    int l, c;
    size_t bad = concert_i_utf8_error((const unsigned char *)r->fptr[i], r->flen[i], &l, &c);
    if (!bad) continue;
    return concert_i_csv_fail(r->d, CONCERT_ERR_SYNTAX, &r->row, i, NULL,
                              "field %zu holds %s (at its byte %zu)", i + 1,
                              r->fptr[i][bad - 1] == '\0' ? "a NUL byte" : "text that is not valid UTF-8",
                              bad);
  }
  return CONCERT_OK;
}

/* Hands the finished row to the callback and starts the next one. */
static void emit(reader *r) {
  for (size_t i = 0; i < r->row.n; i++) r->fptr[i] = r->fbuf + r->foff[i];
  r->row.line = r->row_line;
  r->row.end_line = r->line;
  r->row.raw = r->raw ? r->raw : "";
  r->row.raw_len = r->rlen;
  concert_status st = check_text(r);
  if (st == CONCERT_OK) st = r->fn(r->user, &r->row, r->d);
  if (st != CONCERT_OK) r->st = st;
  r->row.index++;
  r->row.n = 0;
  r->fused = 0;
}

static void on_row(int c, void *data) {
  (void)c;
  reader *r = data;
  r->raw_clear = 1;
  if (r->st != CONCERT_OK) return;
  emit(r);
}

static int only_newline(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (s[i] != '\n' && s[i] != '\r') return 0;
  return 1;
}

static concert_status parse_error(reader *r, int at_end) {
  if (r->st != CONCERT_OK) return r->st;
  int e = csv_error(&r->p);
  if (e == CSV_ENOMEM || e == CSV_ETOOBIG) return r->st = nomem(r);
  if (r->o.on_error) {
    concert_i_csv_where w = {
        .file = r->row.file,
        .line = r->line,
        .last_line = at_end ? r->last_line : r->line,
        .row_line = r->row_line,
        .field_line = r->row.n ? r->fline[r->row.n - 1] : r->row_line,
        .fields = r->row.n,
        .at_end = at_end,
        .message = csv_strerror(e),
    };
    return r->st = r->o.on_error(r->user, &w, r->d);
  }
  return r->st =
             concert_i_fail(r->d, CONCERT_ERR_SYNTAX, r->row.file, (int)r->line, 0, NULL,
                            "malformed CSV: %s (a stray or unterminated quote)", csv_strerror(e));
}

/* Length of the next physical line of s[0, n), its line end included; *eol tells whether it
 * has one. With cr_newline a CR alone ends a line too, and CRLF is one line end. */
static size_t next_piece(reader *r, const char *s, size_t n, int *eol) {
  if (!r->o.cr_newline) {
    const char *nl = memchr(s, '\n', n);
    *eol = nl != NULL;
    return nl ? (size_t)(nl - s) + 1 : n;
  }
  for (size_t i = 0; i < n; i++) {
    if (s[i] == '\n') {
      *eol = 1;
      return i + 1;
    }
    if (s[i] == '\r') {
      *eol = 1;
      return i + 1 < n && s[i + 1] == '\n' ? i + 2 : i + 1;
    }
  }
  *eol = 0;
  return n;
}

/* Feeds a piece of input, split into physical lines. */
static concert_status feed(reader *r, const char *s, size_t n) {
  size_t cap = r->o.max_fields && r->o.max_field ? r->o.max_fields * r->o.max_field : 0;
  while (n > 0 && r->st == CONCERT_OK) {
    int eol;
    size_t k;
    if (!r->o.cr_newline) {
      const char *nl = memchr(s, '\n', n);
      eol = nl != NULL;
      k = nl ? (size_t)(nl - s) + 1 : n;
    } else if (r->pending_cr && s[0] == '\n') {
      k = 1;
      eol = 0; /* the LF of a CRLF split across reads: the line was already counted */
    } else {
      k = next_piece(r, s, n, &eol);
    }
    if (r->o.cr_newline) r->pending_cr = s[k - 1] == '\r';
    if (r->rlen == 0 && r->row.n == 0 && only_newline(s, k)) {
      /* a blank line between rows: nothing to keep */
    } else {
      if (r->rlen == 0) r->row_line = r->line;
      if (grow(&r->raw, &r->rcap, r->rlen + k + 1) != 0) return r->st = nomem(r);
      memcpy(r->raw + r->rlen, s, k);
      r->rlen += k;
      r->raw[r->rlen] = '\0';
      if (cap && r->rlen > cap)
        return r->st = concert_i_fail(r->d, CONCERT_ERR_TOO_LARGE, r->row.file, (int)r->row_line, 0,
                                      NULL, "a row is too long");
    }
    r->last_line = r->line;
    if (csv_parse(&r->p, s, k, on_field, on_row, r) != k) return parse_error(r, 0);
    if (r->st != CONCERT_OK) return r->st;
    if (r->raw_clear) {
      r->rlen = 0;
      r->raw_clear = 0;
    }
    if (eol) r->line++;
    s += k;
    n -= k;
  }
  return r->st;
}

static concert_status begin(reader *r, const char *name, const concert_i_csv_opts *o,
                            concert_i_csv_row_fn fn, void *user, concert_diag *d) {
  memset(r, 0, sizeof *r);
  if (o) {
    r->o = *o;
  } else {
    r->o.max_fields = CONCERT_I_CSV_MAX_FIELDS;
    r->o.max_field = CONCERT_I_CSV_MAX_FIELD;
  }
  if (!r->o.delim) r->o.delim = ',';
  r->lim_fields = r->o.max_fields ? r->o.max_fields : SIZE_MAX;
  r->lim_field = r->o.max_field ? r->o.max_field : SIZE_MAX;
  r->line = 1;
  r->row_line = 1;
  r->d = d;
  r->fn = fn;
  r->user = user;
  r->row.file = name ? name : "";
  r->row.delim = r->o.delim;
  if (grow_fields(r, 16) != 0) return nomem(r);
  if (r->o.dialect == CONCERT_I_CSV_PLAIN) return CONCERT_OK;
  int flags = r->o.relaxed ? CSV_APPEND_NULL : CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL;
  if (csv_init(&r->p, (unsigned char)flags) != 0)
    return CONCERT_FAIL(d, CONCERT_ERR_NOMEM, "out of memory");
  csv_set_delim(&r->p, r->o.delim);
  if (!r->o.trim) csv_set_space_func(&r->p, no_space);
  return CONCERT_OK;
}

static void release(reader *r) {
  free(r->fbuf);
  free(r->raw);
  free(r->foff);
  free(r->fptr);
  free(r->flen);
  free(r->fline);
  free(r->fcol);
}

static concert_status finish(reader *r) {
  if (r->st == CONCERT_OK && csv_fini(&r->p, on_field, on_row, r) != 0) parse_error(r, 1);
  concert_status st = r->st;
  csv_free(&r->p);
  if (r->o.lines) *r->o.lines = r->last_line;
  release(r);
  return st;
}

/* Plain dialect: splits the line [s, e) into fields at the delimiter, removing one level of
 * double quotes around a whole field. */
static concert_status split_plain(reader *r, const char *s, const char *e) {
  const char *line0 = s;
  const char *name = r->row.file;
  long ln = r->row_line;
  for (;;) {
    int col = (int)(s - line0) + 1;
    if (r->o.max_fields && r->row.n == r->o.max_fields)
      return concert_i_fail(r->d, CONCERT_ERR_TOO_LARGE, name, (int)ln, col, NULL,
                            "more than %zu columns", r->o.max_fields);
    const char *t = s;
    while (t < e && *t != (char)r->o.delim) t++;
    const char *fs = s;
    size_t len = (size_t)(t - s);
    if (len > 0 && s[0] == '"') {
      if (len < 2 || s[len - 1] != '"')
        return concert_i_fail(r->d, CONCERT_ERR_SYNTAX, name, (int)ln, col, NULL,
                              "unterminated double quote");
      fs = s + 1;
      len -= 2;
      if (memchr(fs, '"', len))
        return concert_i_fail(r->d, CONCERT_ERR_SYNTAX, name, (int)ln, col, NULL,
                              "double quote inside a quoted field");
    } else if (memchr(s, '"', len)) {
      return concert_i_fail(r->d, CONCERT_ERR_SYNTAX, name, (int)ln, col, NULL,
                            "stray double quote in an unquoted field");
    }
    concert_status st = add_field(r, fs, len);
    if (st != CONCERT_OK) return st;
    r->fcol[r->row.n - 1] = col;
    if (t == e) break;
    s = t + 1;
  }
  return CONCERT_OK;
}

/* Plain dialect over a whole buffer: LF or CRLF end a line; a NUL byte is refused; every
 * line is a row (an empty one too) except an empty last line. */
static concert_status read_plain(reader *r, const char *s, const char *end) {
  while (s < end && r->st == CONCERT_OK) {
    const char *e = memchr(s, '\n', (size_t)(end - s));
    const char *next = e ? e + 1 : end;
    if (!e) e = end;
    if (e > s && e[-1] == '\r') e--;
    r->row_line = r->line;
    r->last_line = r->line;
    if (memchr(s, '\0', (size_t)(e - s)))
      return r->st = concert_i_fail(r->d, CONCERT_ERR_SYNTAX, r->row.file, (int)r->line, 0, NULL,
                                    "NUL byte in line");
    if (e == s && next == end) break; /* final empty line */
    r->row.n = 0;
    r->fused = 0;
    if ((r->st = split_plain(r, s, e)) != CONCERT_OK) break;
    r->raw = (char *)s; /* borrowed: emit only reads it */
    r->rlen = (size_t)(e - s);
    emit(r);
    r->raw = NULL;
    r->rlen = 0;
    r->line++;
    s = next;
  }
  return r->st;
}

concert_status concert_i_csv_read_mem(const char *buf, size_t len, const char *name,
                                      const concert_i_csv_opts *o, concert_i_csv_row_fn fn,
                                      void *user, concert_diag *d) {
  reader r;
  concert_status st = begin(&r, name, o, fn, user, d);
  if (st != CONCERT_OK) {
    release(&r);
    return st;
  }
  if (r.o.dialect == CONCERT_I_CSV_PLAIN) {
    if (len > 0 && buf) read_plain(&r, buf, buf + len);
    if (r.o.lines) *r.o.lines = r.last_line;
    release(&r);
    return r.st;
  }
  if (len > 0 && buf) feed(&r, buf, len);
  return finish(&r);
}

concert_status concert_i_csv_read_file(const char *path, const char *name,
                                       const concert_i_csv_opts *o, concert_i_csv_row_fn fn,
                                       void *user, concert_diag *d) {
  if (!name) name = path;
  if (o && o->dialect != CONCERT_I_CSV_RFC4180)
    return CONCERT_FAIL(d, CONCERT_ERR_ARGUMENT, "the plain dialect reads from memory only");
  FILE *f;
  concert_status st0 = concert_i_open_input(path, &f, d); /* "-", FIFOs, directories */
  if (st0 != CONCERT_OK) return st0;
  reader r;
  concert_status st = begin(&r, name, o, fn, user, d);
  if (st != CONCERT_OK) {
    release(&r);
    concert_i_close_input(f);
    return st;
  }
  char block[1 << 16];
  size_t got;
  while (r.st == CONCERT_OK && (got = fread(block, 1, sizeof block, f)) > 0) feed(&r, block, got);
  if (r.st == CONCERT_OK && ferror(f))
    r.st = concert_i_fail(d, CONCERT_ERR_IO, name, (int)r.line, 0, NULL, "read error");
  concert_i_close_input(f);
  return finish(&r);
}

/* Finds the line and byte column where field k of row starts. */
static void locate(const concert_i_csv_row *row, size_t k, long *line, long *col) {
  if (row->col) { /* plain dialect: one line, columns known */
    *line = row->line;
    *col = k < row->n ? row->col[k] : (long)row->raw_len + 1;
    return;
  }
  long ln = row->line, c = 1, fl = row->line, fc = 1;
  size_t f = 0;
  int inq = 0;
  char delim = (char)row->delim;
  for (size_t i = 0; i < row->raw_len && f < k; i++) {
    char ch = row->raw[i];
    if (ch == '"') {
      inq = !inq;
    } else if (ch == delim && !inq) {
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

concert_status concert_i_csv_fail(concert_diag *d, concert_status st, const concert_i_csv_row *row,
                                  size_t k, const char *colname, const char *fmt, ...) {
  char msg[400];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  long line, col;
  locate(row, k, &line, &col);
  return concert_i_fail(d, st, row->file, (int)line, (int)col, colname, "%s", msg);
}

char concert_i_csv_other_delim(const char *const *field, size_t n, unsigned char delim) {
  if (n != 1 || !field[0]) return 0;
  for (const char *c = ";\t|"; *c; c++)
    if ((unsigned char)*c != delim && strchr(field[0], *c)) return *c;
  return 0;
}

const char *concert_i_csv_delim_name(char c) {
  return c == '\t' ? "tabs" : c == ';' ? "semicolons (';')" : c == '|' ? "bars ('|')" : "commas (',')";
}

concert_status concert_i_csv_expect_header(const concert_i_csv_row *row, const char *const *names,
                                           size_t n, concert_diag *d) {
  char other = concert_i_csv_other_delim(row->field, row->n, row->delim);
  if (other && n > 1)
    return concert_i_csv_fail(d, CONCERT_ERR_SYNTAX, row, 0, NULL,
                              "the header is one column: the file seems separated by %s, but "
                              "this table is separated by '%c'",
                              concert_i_csv_delim_name(other), row->delim);
  for (size_t i = 0; i < n; i++) {
    if (i >= row->n)
      return concert_i_csv_fail(d, CONCERT_ERR_MISSING, row, i, names[i],
                                "header: column %zu '%s' is missing", i + 1, names[i]);
    if (strcmp(row->field[i], names[i]) != 0)
      return concert_i_csv_fail(d, CONCERT_ERR_SYNTAX, row, i, names[i],
                                "header: column %zu should be '%s', found '%.60s'", i + 1, names[i],
                                row->field[i]);
  }
  if (row->n > n)
    return concert_i_csv_fail(d, CONCERT_ERR_UNKNOWN_FIELD, row, n, row->field[n],
                              "header: unexpected column %zu '%.60s'", n + 1, row->field[n]);
  return CONCERT_OK;
}

concert_status concert_i_csv_expect_width(const concert_i_csv_row *row, size_t n, concert_diag *d) {
  if (row->n == n) return CONCERT_OK;
  size_t k = row->n < n ? row->n : n;
  return concert_i_csv_fail(d, row->n < n ? CONCERT_ERR_MISSING : CONCERT_ERR_SYNTAX, row, k, NULL,
                            "row has %zu fields, the header has %zu", row->n, n);
}

int concert_i_csv_long(const char *s, long lo, long hi, long *out) {
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

int concert_i_csv_double(const char *s, double *out) {
  double v;
  int k = concert_i_number(s, &v);
  if (k == CONCERT_I_NUM_OK) *out = v;
  return k;
}

/* Row callback of the collectors: keeps a copy of the row. */
static concert_status keep_row(void *user, const concert_i_csv_row *row, concert_diag *d) {
  concert_i_csv_records *o = user;
  if (o->n == o->cap) {
    size_t cap = o->cap ? 2 * o->cap : 16;
    concert_i_csv_record *v = realloc(o->rows, cap * sizeof *v);
    if (!v) goto nomem;
    o->rows = v;
    o->cap = cap;
  }
  concert_i_csv_record *rec = &o->rows[o->n];
  rec->line = (int)row->line;
  rec->n = 0;
  rec->field = malloc((row->n ? row->n : 1) * sizeof *rec->field);
  if (!rec->field) goto nomem;
  o->n++;
  for (size_t i = 0; i < row->n; i++) {
    char *t = malloc(row->len[i] + 1);
    if (!t) goto nomem;
    memcpy(t, row->field[i], row->len[i] + 1);
    rec->field[rec->n++] = t;
  }
  return CONCERT_OK;
nomem:
  return CONCERT_FAIL(d, CONCERT_ERR_NOMEM, "out of memory reading %s", row->file);
}

concert_status concert_i_csv_collect_mem(const char *buf, size_t len, const char *name,
                                         const concert_i_csv_opts *o, concert_i_csv_records *out,
                                         concert_diag *d) {
  memset(out, 0, sizeof *out);
  return concert_i_csv_read_mem(buf, len, name, o, keep_row, out, d);
}

concert_status concert_i_csv_collect_file(const char *path, const char *name,
                                          const concert_i_csv_opts *o, concert_i_csv_records *out,
                                          concert_diag *d) {
  memset(out, 0, sizeof *out);
  return concert_i_csv_read_file(path, name, o, keep_row, out, d);
}

void concert_i_csv_records_free(concert_i_csv_records *rows) {
  for (size_t r = 0; r < rows->n; r++) {
    for (size_t i = 0; i < rows->rows[r].n; i++) free(rows->rows[r].field[i]);
    free(rows->rows[r].field);
  }
  free(rows->rows);
  memset(rows, 0, sizeof *rows);
}
