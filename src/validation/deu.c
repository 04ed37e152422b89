/* deu.c: the loader of EU legislative decision data in the DEU layout.
 *
 * The file is tab-separated with a header on line 1; a field may be wrapped in double
 * quotes (without tabs, newlines or quotes inside): the plain dialect of the src/csv reader.
 * Actor columns are discovered from the
 * header: every pair p<code> / s<code>. Every number is checked: a blank cell or the DEU
 * sentinel 999 means "not recorded", anything else outside [0, 100] (or NaN, inf, text) is
 * refused with the file, line, column and field. docs/validation.md describes the layout. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <concert/validation.h>

#include "csv/csv_reader_i.h"
#include "io/read_file.h"
#include "io/number.h"
#include "status/diag.h"
#include "validation/validation_i.h"

enum {
  MAX_FILE = 64 << 20, /* largest file accepted, bytes */
  MAX_FIELDS = 4096,   /* largest number of columns */
  MAX_ID = 63,         /* longest id kept */
  /* most issue rows (docs/limits.md): every model is scored on every issue, about 3.5 ms
   * an issue with the default models; the real DEU files hold a few hundred */
  MAX_ISSUES = 5000,
};

/* One field of a line: where it starts and its unquoted text. */
typedef struct field {
  const char *s; /* start of the text (inside quotes) */
  size_t len;    /* length of the text */
  int col;       /* 1-based byte column of the field's first character */
} field;

/* Parser state. */
typedef struct parser {
  const char *name;      /* file name for diagnostics */
  concert_diag *diag;    /* where errors go */
  field *f;              /* fields of the current line */
  size_t nf;             /* number of fields on the current line */
  int line;              /* current 1-based line */
  const char *const *hd; /* header names (borrowed from the deu) */
} parser;

void concert_deu_free(concert_deu *d) {
  if (!d) return;
  for (size_t k = 0; k < d->n_issues; k++) {
    free(d->issues[k].id);
    free(d->issues[k].proposal);
    free(d->issues[k].procedure);
    free(d->issues[k].rule);
    free(d->issues[k].name);
  }
  free(d->issues);
  for (size_t a = 0; a < d->n_actors; a++) free(d->actors[a]);
  free(d->actors);
  free(d->actor_col);
  free(d->name);
  free(d->position);
  free(d->salience);
  free(d->cap_row);
  free(d);
}

static char *dup_text(const char *s, size_t len) {
  char *t = malloc(len + 1);
  if (!t) return NULL;
  memcpy(t, s, len);
  t[len] = '\0';
  return t;
}

/* Reads field i as a number into *v: NaN for blank or the sentinel 999. */
static concert_status number(parser *p, size_t i, const char *colname, double *v) {
  const field *f = &p->f[i];
  size_t a = 0, b = f->len;
  while (a < b && (f->s[a] == ' ')) a++;
  while (b > a && (f->s[b - 1] == ' ')) b--;
  if (a == b) {
    *v = NAN;
    return CONCERT_OK;
  }
  char buf[64];
  if (b - a >= sizeof buf)
    return concert_i_fail(p->diag, CONCERT_ERR_TYPE, p->name, p->line, f->col, colname,
                          "'%.20s...' is not a number", f->s + a);
  memcpy(buf, f->s + a, b - a);
  buf[b - a] = '\0';
  double x = 0;
  concert_i_num k = concert_i_number(buf, &x);
  if (k == CONCERT_I_NUM_SYNTAX)
    return concert_i_fail(p->diag, CONCERT_ERR_TYPE, p->name, p->line, f->col, colname,
                          "'%s' is not a decimal number", buf);
  if (k == CONCERT_I_NUM_NONFINITE)
    return concert_i_fail(p->diag, CONCERT_ERR_RANGE, p->name, p->line, f->col, colname,
                          "'%s': NaN and infinity are not allowed", buf);
  if (k != CONCERT_I_NUM_OK)
    return concert_i_fail(p->diag, CONCERT_ERR_RANGE, p->name, p->line, f->col, colname,
                          "'%s' %s", buf, concert_i_number_why(k));
  if (x == 999) {
    *v = NAN; /* DEU's missing-data code */
    return CONCERT_OK;
  }
  if (x < 0 || x > 100)
    return concert_i_fail(p->diag, CONCERT_ERR_RANGE, p->name, p->line, f->col, colname,
                          "%s is outside the 0-100 scale (blank or 999 mean not recorded)",
                          buf);
  *v = x;
  return CONCERT_OK;
}

static concert_status text(parser *p, size_t i, const char *colname, char **out) {
  const field *f = &p->f[i];
  if (f->len > MAX_ID)
    return concert_i_fail(p->diag, CONCERT_ERR_TOO_LARGE, p->name, p->line, f->col, colname,
                          "longer than %d characters", MAX_ID);
  for (size_t j = 0; j < f->len; j++)
    if ((unsigned char)f->s[j] < 0x20)
      return concert_i_fail(p->diag, CONCERT_ERR_SYNTAX, p->name, p->line, f->col, colname,
                            "control character in a text field");
  *out = dup_text(f->s, f->len);
  return *out ? CONCERT_OK : CONCERT_FAIL(p->diag, CONCERT_ERR_NOMEM, "out of memory");
}

/* Column indices found in the header; SIZE_MAX when absent. */
typedef struct columns {
  size_t isnr, prnr, prname, proc, counvte, rp, out; /* named columns */
  size_t *pos, *sal;                                  /* per actor: p and s column */
} columns;

static size_t find_col(const parser *p, const char *name) {
  for (size_t i = 0; i < p->nf; i++)
    if (p->f[i].len == strlen(name) && memcmp(p->f[i].s, name, p->f[i].len) == 0) return i;
  return SIZE_MAX;
}

static concert_status read_header(parser *p, concert_deu *d, columns *c) {
  c->isnr = find_col(p, "isnr");
  c->prnr = find_col(p, "prnr");
  c->out = find_col(p, "out");
  c->rp = find_col(p, "rp");
  c->proc = find_col(p, "proc");
  c->counvte = find_col(p, "counvte");
  c->prname = find_col(p, "prname");
  const char *req[] = {"isnr", "prnr", "out"};
  size_t got[] = {c->isnr, c->prnr, c->out};
  for (size_t i = 0; i < 3; i++)
    if (got[i] == SIZE_MAX)
      return concert_i_fail(p->diag, CONCERT_ERR_MISSING, p->name, 1, 0, req[i],
                            "the header has no '%s' column", req[i]);
  /* duplicate column names would make the layout ambiguous */
  for (size_t i = 0; i < p->nf; i++)
    for (size_t j = i + 1; j < p->nf; j++)
      if (p->f[i].len == p->f[j].len && memcmp(p->f[i].s, p->f[j].s, p->f[i].len) == 0)
        return concert_i_fail(p->diag, CONCERT_ERR_DUPLICATE_ID, p->name, 1, p->f[j].col, NULL,
                              "column '%.*s' appears twice (also column %d)", (int)p->f[j].len,
                              p->f[j].s, p->f[i].col);
  c->pos = malloc(p->nf * sizeof *c->pos);
  c->sal = malloc(p->nf * sizeof *c->sal);
  d->actors = calloc(p->nf, sizeof *d->actors);
  d->actor_col = calloc(p->nf, sizeof *d->actor_col);
  if (!c->pos || !c->sal || !d->actors || !d->actor_col)
    return CONCERT_FAIL(p->diag, CONCERT_ERR_NOMEM, "out of memory");
  for (size_t i = 0; i < p->nf; i++) {
    const field *f = &p->f[i];
    if (f->len < 2 || f->s[0] != 'p' || f->len > MAX_ID) continue;
    for (size_t j = 0; j < p->nf; j++) {
      const field *g = &p->f[j];
      if (g->len == f->len && g->s[0] == 's' && memcmp(g->s + 1, f->s + 1, f->len - 1) == 0) {
        char *code = dup_text(f->s + 1, f->len - 1);
        if (!code) return CONCERT_FAIL(p->diag, CONCERT_ERR_NOMEM, "out of memory");
        d->actors[d->n_actors] = code;
        d->actor_col[d->n_actors] = f->col;
        c->pos[d->n_actors] = i;
        c->sal[d->n_actors] = j;
        d->n_actors++;
        break;
      }
    }
  }
  if (d->n_actors == 0)
    return concert_i_fail(p->diag, CONCERT_ERR_MISSING, p->name, 1, 0, NULL,
                          "the header names no actor (a pair of columns p<code> and s<code>)");
  return CONCERT_OK;
}

static concert_status grow(concert_deu *d, size_t *cap) {
  if (d->n_issues < *cap) return CONCERT_OK;
  size_t nc = *cap ? 2 * *cap : 64;
  concert_i_deu_issue *is = realloc(d->issues, nc * sizeof *is);
  if (!is) return CONCERT_ERR_NOMEM;
  d->issues = is;
  double *ps = realloc(d->position, nc * d->n_actors * sizeof *ps);
  if (!ps) return CONCERT_ERR_NOMEM;
  d->position = ps;
  double *ss = realloc(d->salience, nc * d->n_actors * sizeof *ss);
  if (!ss) return CONCERT_ERR_NOMEM;
  d->salience = ss;
  *cap = nc;
  return CONCERT_OK;
}

/* Column name for diagnostics: the header's text of column i. */
static void colname(const concert_deu *d, const columns *c, size_t a, bool sal, char *buf,
                    size_t size) {
  snprintf(buf, size, "%c%s", sal ? 's' : 'p', d->actors[a]);
}

static concert_status read_row(parser *p, concert_deu *d, const columns *c, bool cap_row) {
  char cn[MAX_ID + 2];
  if (cap_row) {
    d->cap_row = malloc(d->n_actors * sizeof *d->cap_row);
    if (!d->cap_row) return CONCERT_FAIL(p->diag, CONCERT_ERR_NOMEM, "out of memory");
    for (size_t a = 0; a < d->n_actors; a++) {
      const field *f = &p->f[c->pos[a]];
      colname(d, c, a, false, cn, sizeof cn);
      double v = NAN;
      if (f->len > 0) {
        /* capability values are >= 0 but not on the 0-100 scale */
        char buf[64];
        if (f->len >= sizeof buf)
          return concert_i_fail(p->diag, CONCERT_ERR_TYPE, p->name, p->line, f->col, cn,
                                "not a number");
        memcpy(buf, f->s, f->len);
        buf[f->len] = '\0';
        concert_i_num k = concert_i_number(buf, &v);
        if (k == CONCERT_I_NUM_SYNTAX)
          return concert_i_fail(p->diag, CONCERT_ERR_TYPE, p->name, p->line, f->col, cn,
                                "'%s' is not a number", buf);
        if (k != CONCERT_I_NUM_OK)
          return concert_i_fail(p->diag, CONCERT_ERR_RANGE, p->name, p->line, f->col, cn,
                                "capability '%s' %s", buf, concert_i_number_why(k));
        if (v < 0)
          return concert_i_fail(p->diag, CONCERT_ERR_RANGE, p->name, p->line, f->col, cn,
                                "capability '%s' must be finite and >= 0", buf);
      }
      d->cap_row[a] = v;
    }
    return CONCERT_OK;
  }
  concert_i_deu_issue *is = &d->issues[d->n_issues];
  memset(is, 0, sizeof *is);
  is->line = p->line;
  is->id_col = p->f[c->isnr].col;
  is->out_col = p->f[c->out].col;
  size_t base = d->n_issues * d->n_actors;
  d->n_issues++; /* so that concert_deu_free releases what is set below */
  concert_status st;
  if ((st = text(p, c->isnr, "isnr", &is->id))) return st;
  if ((st = text(p, c->prnr, "prnr", &is->proposal))) return st;
  if (is->id[0] == '\0')
    return concert_i_fail(p->diag, CONCERT_ERR_MISSING, p->name, p->line, p->f[c->isnr].col,
                          "isnr", "empty issue id");
  if (is->proposal[0] == '\0')
    return concert_i_fail(p->diag, CONCERT_ERR_MISSING, p->name, p->line, p->f[c->prnr].col,
                          "prnr", "empty proposal id");
  if (c->proc != SIZE_MAX) st = text(p, c->proc, "proc", &is->procedure);
  else is->procedure = dup_text("", 0);
  if (st || !is->procedure) return st ? st : CONCERT_FAIL(p->diag, CONCERT_ERR_NOMEM, "oom");
  if (c->counvte != SIZE_MAX) st = text(p, c->counvte, "counvte", &is->rule);
  else is->rule = dup_text("", 0);
  if (st || !is->rule) return st ? st : CONCERT_FAIL(p->diag, CONCERT_ERR_NOMEM, "oom");
  if (c->prname != SIZE_MAX) st = text(p, c->prname, "prname", &is->name);
  else is->name = dup_text("", 0);
  if (st || !is->name) return st ? st : CONCERT_FAIL(p->diag, CONCERT_ERR_NOMEM, "oom");
  if ((st = number(p, c->out, "out", &is->outcome))) return st;
  is->reference = NAN;
  if (c->rp != SIZE_MAX && (st = number(p, c->rp, "rp", &is->reference))) return st;
  for (size_t a = 0; a < d->n_actors; a++) {
    colname(d, c, a, false, cn, sizeof cn);
    if ((st = number(p, c->pos[a], cn, &d->position[base + a]))) return st;
    colname(d, c, a, true, cn, sizeof cn);
    if ((st = number(p, c->sal[a], cn, &d->salience[base + a]))) return st;
  }
  return CONCERT_OK;
}

static int by_id(const void *a, const void *b) {
  const concert_i_deu_issue *const *x = a, *const *y = b;
  return strcmp((*x)->id, (*y)->id);
}

/* Refuses duplicate issue ids and missing outcomes (when required). O(m log m). */
static concert_status check_issues(parser *p, concert_deu *d, const concert_deu_options *o) {
  if (d->n_issues == 0)
    return concert_i_fail(p->diag, CONCERT_ERR_EMPTY, p->name, 0, 0, NULL,
                          "no issue rows after the header");
  const concert_i_deu_issue **v = malloc(d->n_issues * sizeof *v);
  if (!v) return CONCERT_FAIL(p->diag, CONCERT_ERR_NOMEM, "out of memory");
  for (size_t k = 0; k < d->n_issues; k++) v[k] = &d->issues[k];
  qsort(v, d->n_issues, sizeof *v, by_id);
  for (size_t k = 1; k < d->n_issues; k++)
    if (strcmp(v[k - 1]->id, v[k]->id) == 0) {
      const concert_i_deu_issue *a = v[k - 1], *b = v[k];
      if (a->line > b->line) {
        const concert_i_deu_issue *t = a;
        a = b;
        b = t;
      }
      concert_status st = concert_i_fail(
          p->diag, CONCERT_ERR_DUPLICATE_ID, p->name, b->line, b->id_col, "isnr",
          "issue id '%s' appears twice (first on line %d)", b->id, a->line);
      free(v);
      return st;
    }
  free(v);
  if (o->require_outcome)
    for (size_t k = 0; k < d->n_issues; k++)
      if (isnan(d->issues[k].outcome))
        return concert_i_fail(p->diag, CONCERT_ERR_MISSING, p->name, d->issues[k].line,
                              d->issues[k].out_col, "out", "issue '%s' has no recorded outcome",
                              d->issues[k].id);
  return CONCERT_OK;
}

/* State of one read: the parser, the set being filled and the header's layout. */
typedef struct reading {
  parser *p;      /* fields of the current line */
  concert_deu *d; /* the set being filled */
  columns *c;     /* header columns */
  size_t ncols;   /* number of header columns */
  size_t cap;     /* issues allocated */
} reading;

/* Row callback of the TSV reader: line 1 is the header, every other line an issue (or, on
 * line 2 with an empty isnr, the capability row). */
static concert_status on_line(void *user, const concert_i_csv_row *r, concert_diag *diag) {
  reading *x = user;
  parser *p = x->p;
  p->line = (int)r->line;
  p->nf = r->n;
  for (size_t i = 0; i < r->n; i++) p->f[i] = (field){r->field[i], r->len[i], r->col[i]};
  if (p->line == 1) {
    x->ncols = p->nf;
    return read_header(p, x->d, x->c);
  }
  if (p->nf == 1 && p->f[0].len == 0)
    return concert_i_fail(diag, CONCERT_ERR_SYNTAX, p->name, p->line, 1, NULL, "empty line");
  if (p->nf != x->ncols)
    return concert_i_fail(diag, CONCERT_ERR_SYNTAX, p->name, p->line,
                          p->nf > x->ncols ? p->f[x->ncols].col : (int)r->raw_len + 1, NULL,
                          "%zu fields where the header has %zu", p->nf, x->ncols);
  bool cap_row = p->line == 2 && p->f[x->c->isnr].len == 0;
  if (!cap_row && x->d->n_issues >= MAX_ISSUES)
    return concert_i_fail(diag, CONCERT_ERR_TOO_LARGE, p->name, p->line, 1, NULL,
                          "more than %d issue rows (the limit; docs/limits.md)", MAX_ISSUES);
  if (!cap_row && grow(x->d, &x->cap))
    return CONCERT_FAIL(diag, CONCERT_ERR_NOMEM, "out of memory");
  return read_row(p, x->d, x->c, cap_row);
}

concert_status concert_deu_parse(const char *text_in, size_t len, const char *name,
                                 const concert_deu_options *opt, concert_deu **out,
                                 concert_diag *diag) {
  if (!out || (!text_in && len))
    return CONCERT_FAIL(diag, CONCERT_ERR_ARGUMENT, "text and out must not be NULL");
  *out = NULL;
  concert_deu_options defaults = {0};
  if (!opt) opt = &defaults;
  if (!name) name = "<input>";
  if (len > MAX_FILE)
    return concert_i_fail(diag, CONCERT_ERR_TOO_LARGE, name, 0, 0, NULL,
                          "file larger than %d MiB", MAX_FILE >> 20);
  concert_deu *d = calloc(1, sizeof *d);
  parser p = {.name = name, .diag = diag, .line = 0};
  p.f = malloc(MAX_FIELDS * sizeof *p.f);
  columns c = {0};
  if (d) d->name = dup_text(name, strlen(name));
  if (!d || !p.f || !d->name) {
    free(p.f);
    concert_deu_free(d);
    return CONCERT_FAIL(diag, CONCERT_ERR_NOMEM, "out of memory");
  }
  concert_status st = CONCERT_OK;
  if (len == 0) {
    st = concert_i_fail(diag, CONCERT_ERR_EMPTY, name, 0, 0, NULL, "empty file");
    goto done;
  }
  reading x = {.p = &p, .d = d, .c = &c};
  long lines = 0;
  concert_i_csv_opts o = {
      .dialect = CONCERT_I_CSV_PLAIN, .delim = '\t', .max_fields = MAX_FIELDS, .lines = &lines};
  if ((st = concert_i_csv_read_mem(text_in, len, name, &o, on_line, &x, diag))) goto done;
  if (lines == 0) {
    st = concert_i_fail(diag, CONCERT_ERR_EMPTY, name, 0, 0, NULL, "empty file");
    goto done;
  }
  st = check_issues(&p, d, opt);
done:
  free(c.pos);
  free(c.sal);
  free(p.f);
  if (st) {
    concert_deu_free(d);
    return st;
  }
  *out = d;
  return CONCERT_OK;
}

concert_status concert_deu_load(const char *path, const concert_deu_options *opt,
                                concert_deu **out, concert_diag *diag) {
  if (!path || !out)
    return CONCERT_FAIL(diag, CONCERT_ERR_ARGUMENT, "path and out must not be NULL");
  *out = NULL;
  char *buf;
  size_t len;
  char limit[160];
  snprintf(limit, sizeof limit, "file larger than %d MiB", MAX_FILE >> 20);
  concert_status st = concert_i_read_file(path, (size_t)MAX_FILE, limit, &buf, &len, diag);
  if (st) return st;
  st = concert_deu_parse(buf, len, path, opt, out, diag);
  free(buf);
  return st;
}

/* Accessors. */
size_t concert_deu_issue_count(const concert_deu *d) { return d ? d->n_issues : 0; }
size_t concert_deu_actor_count(const concert_deu *d) { return d ? d->n_actors : 0; }
const char *concert_deu_actor(const concert_deu *d, size_t a) {
  return d && a < d->n_actors ? d->actors[a] : NULL;
}
const char *concert_deu_issue_id(const concert_deu *d, size_t k) {
  return d && k < d->n_issues ? d->issues[k].id : NULL;
}
const char *concert_deu_proposal_id(const concert_deu *d, size_t k) {
  return d && k < d->n_issues ? d->issues[k].proposal : NULL;
}
const char *concert_deu_procedure(const concert_deu *d, size_t k) {
  return d && k < d->n_issues ? d->issues[k].procedure : NULL;
}
int concert_deu_issue_line(const concert_deu *d, size_t k) {
  return d && k < d->n_issues ? d->issues[k].line : 0;
}
double concert_deu_outcome(const concert_deu *d, size_t k) {
  return d && k < d->n_issues ? d->issues[k].outcome : NAN;
}
double concert_deu_reference(const concert_deu *d, size_t k) {
  return d && k < d->n_issues ? d->issues[k].reference : NAN;
}
double concert_deu_position(const concert_deu *d, size_t k, size_t a) {
  return d && k < d->n_issues && a < d->n_actors ? d->position[k * d->n_actors + a] : NAN;
}
double concert_deu_salience(const concert_deu *d, size_t k, size_t a) {
  return d && k < d->n_issues && a < d->n_actors ? d->salience[k * d->n_actors + a] : NAN;
}
double concert_deu_capability_row(const concert_deu *d, size_t a) {
  return d && d->cap_row && a < d->n_actors ? d->cap_row[a] : NAN;
}
size_t concert_deu_participants(const concert_deu *d, size_t k) {
  size_t n = 0;
  for (size_t a = 0; d && k < d->n_issues && a < d->n_actors; a++)
    if (!isnan(d->position[k * d->n_actors + a]) && !isnan(d->salience[k * d->n_actors + a]))
      n++;
  return n;
}
