/* csv_rows.c: splits a CSV buffer into rows of fields with libcsv, remembering the line
 * on which each row starts, so that the actor-table loader can name the line and column
 * of every bad value. CR, LF and CRLF all end a line (old Mac files use CR alone). */
#include <csv.h>
#include <stdlib.h>
#include <string.h>

#include "table/table_i.h"

/* The parse in progress (libcsv's callbacks receive it). */
typedef struct row_builder {
  concert_i_csv_rows *out; /* rows finished so far */
  char **cur;              /* fields of the row being read */
  size_t n_cur, cap_cur;   /* fields in cur, allocated */
  int cur_line;            /* line on which the current row started */
  int started;             /* a byte of the current row has been seen */
  int nomem;               /* an allocation failed */
} row_builder;

static void on_field(void *s, size_t len, void *data) {
  row_builder *b = data;
  if (b->nomem) return;
  if (b->n_cur == b->cap_cur) {
    size_t cap = b->cap_cur ? 2 * b->cap_cur : 8;
    char **f = realloc(b->cur, cap * sizeof *f);
    if (!f) {
      b->nomem = 1;
      return;
    }
    b->cur = f;
    b->cap_cur = cap;
  }
  char *t = malloc(len + 1);
  if (!t) {
    b->nomem = 1;
    return;
  }
  if (len) memcpy(t, s, len);
  t[len] = '\0';
  b->cur[b->n_cur++] = t;
}

static void drop_current(row_builder *b) {
  for (size_t i = 0; i < b->n_cur; i++) free(b->cur[i]);
  b->n_cur = 0;
}

static void on_row(int c, void *data) {
  (void)c;
  row_builder *b = data;
  b->started = 0;
  if (b->nomem) {
    drop_current(b);
    return;
  }
  /* trailing empty fields (KTAB files end rows with a comma) do not count */
  while (b->n_cur > 0 && b->cur[b->n_cur - 1][0] == '\0') free(b->cur[--b->n_cur]);
  if (b->n_cur == 0) return; /* a blank row */
  concert_i_csv_rows *o = b->out;
  if (o->n == o->cap) {
    size_t cap = o->cap ? 2 * o->cap : 16;
    concert_i_csv_row *r = realloc(o->rows, cap * sizeof *r);
    if (!r) {
      b->nomem = 1;
      drop_current(b);
      return;
    }
    o->rows = r;
    o->cap = cap;
  }
  char **f = malloc(b->n_cur * sizeof *f);
  if (!f) {
    b->nomem = 1;
    drop_current(b);
    return;
  }
  memcpy(f, b->cur, b->n_cur * sizeof *f);
  o->rows[o->n].line = b->cur_line;
  o->rows[o->n].n = b->n_cur;
  o->rows[o->n].field = f;
  o->n++;
  b->n_cur = 0;
}

int concert_i_csv_split(const char *data, size_t len, concert_i_csv_rows *out) {
  memset(out, 0, sizeof *out);
  struct csv_parser p;
  if (csv_init(&p, CSV_APPEND_NULL) != 0) return 1;
  row_builder b = {.out = out};
  int line = 1;
  unsigned char prev = 0;
  for (size_t i = 0; i < len && !b.nomem; i++) {
    unsigned char c = (unsigned char)data[i];
    if (!b.started && c != '\r' && c != '\n') {
      b.started = 1;
      b.cur_line = line;
    }
    if (csv_parse(&p, &c, 1, on_field, on_row, &b) != 1) b.nomem = 1;
    if (c == '\r' || (c == '\n' && prev != '\r')) line++;
    prev = c;
  }
  if (!b.nomem) csv_fini(&p, on_field, on_row, &b);
  csv_free(&p);
  drop_current(&b);
  free(b.cur);
  if (b.nomem) {
    concert_i_csv_rows_free(out);
    return 1;
  }
  return 0;
}

void concert_i_csv_rows_free(concert_i_csv_rows *rows) {
  for (size_t r = 0; r < rows->n; r++) {
    for (size_t i = 0; i < rows->rows[r].n; i++) free(rows->rows[r].field[i]);
    free(rows->rows[r].field);
  }
  free(rows->rows);
  memset(rows, 0, sizeof *rows);
}
