/* history.c: loads the recorded G7/G8 and G20 summits and our rift coding of them
 * (data/world/g7_summits.csv, g20_leaders_summits.csv, g7_rift_codes.csv). Every cell is
 * checked against the vocabulary of data/world/PROVENANCE.md; "unknown" stays unknown.
 * Columns and rules: docs/history.md. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "csv/csv_reader_i.h"
#include "history/history_i.h"
#include <concert/datadir.h>

#include "io/date.h"
#include "status/diag.h"

static const char *const g7_cols[] = {
    "year", "summit_no", "format", "host_country", "host_city", "dates",
    "main_outcome_document", "full_communique_or_declaration",
    "chair_summary_replaced_communique", "endorsement_withdrawn_by",
    "n_separate_leader_statements", "early_departures",
    "member_leader_absences_or_skipped_sessions", "russia_participation", "notable_disputes",
    "source_ids"};
static const char *const g20_cols[] = {
    "year", "summit_no", "host_country", "host_city", "dates", "leaders_document",
    "declaration_issued", "consensus_notes", "absences_or_early_departures", "source_ids"};
static const char *const code_cols[] = {"forum", "year", "component", "actors",
                                        "issue", "note", "source_ids"};
#define NCOLS(a) (sizeof(a) / sizeof((a)[0]))

concert_history *concert_i_history_new(void) { return calloc(1, sizeof(concert_history)); }

void concert_history_free(concert_history *h) {
  if (!h) return;
  for (size_t i = 0; i < h->n_strings; i++) free(h->strings[i]);
  free(h->strings);
  free(h->summits[0]);
  free(h->summits[1]);
  free(h->codes);
  free(h->code_forum);
  free(h->code_year);
  free(h->code_line);
  free(h->attached);
  free(h);
}

/* Copies s into a string owned by h; NULL when out of memory. */
static const char *own(concert_history *h, const char *s, size_t n) {
  if (h->n_strings == h->cap_strings) {
    size_t nc = h->cap_strings ? 2 * h->cap_strings : 64;
    char **ns = realloc(h->strings, nc * sizeof *ns);
    if (!ns) return NULL;
    h->strings = ns;
    h->cap_strings = nc;
  }
  char *c = malloc(n + 1);
  if (!c) return NULL;
  memcpy(c, s, n);
  c[n] = '\0';
  h->strings[h->n_strings++] = c;
  return c;
}

static int starts(const char *s, const char *p) { return strncmp(s, p, strlen(p)) == 0; }

/* A yes/no/unknown cell: "yes...", "no...", or exactly "unknown". */
static int yes_no_unknown(const char *s) {
  return starts(s, "yes") || starts(s, "no") || strcmp(s, "unknown") == 0;
}

/* A source id (a capital letter and digits) at p: the end of it, or NULL. */
static const char *source_token(const char *p) {
  if (*p < 'A' || *p > 'Z') return NULL;
  p++;
  if (*p < '0' || *p > '9') return NULL;
  while (*p >= '0' && *p <= '9') p++;
  return p;
}

/* An ISO3-style actor code (three capital letters) at p: the end of it, or NULL. */
static const char *actor_token(const char *p) {
  for (int i = 0; i < 3; i++, p++)
    if (*p < 'A' || *p > 'Z') return NULL;
  return p;
}

/* A ';'-separated list of tokens, each accepted by token; "" is valid when allow_empty. */
static int valid_list(const char *s, const char *(*token)(const char *), int allow_empty) {
  if (!*s) return allow_empty;
  for (const char *p = s;;) {
    if (!(p = token(p))) return 0;
    if (!*p) return 1;
    if (*p != ';' || !*++p) return 0;
  }
}

/* Members counted by the index, from the G7 format column; 0 if unrecognised. */
static int members_of_format(const char *f) {
  if (starts(f, "G6")) return 6;
  if (starts(f, "G7")) return 7;
  if (starts(f, "G8") || starts(f, "Summit of the Eight")) return 8;
  return 0;
}

/* Parse state for one table. */
typedef struct table_ctx {
  concert_history *h; /* destination */
  int which;          /* 0 G7, 1 G20, 2 codes */
  int last_year;      /* previous row's year, for order checks */
} table_ctx;

static concert_summit_record *push_summit(concert_history *h, int forum) {
  if (h->n_summits[forum] == h->cap_summits[forum]) {
    size_t nc = h->cap_summits[forum] ? 2 * h->cap_summits[forum] : 64;
    concert_summit_record *ns = realloc(h->summits[forum], nc * sizeof *ns);
    if (!ns) return NULL;
    h->summits[forum] = ns;
    h->cap_summits[forum] = nc;
  }
  concert_summit_record *s = &h->summits[forum][h->n_summits[forum]++];
  memset(s, 0, sizeof *s);
  return s;
}

#define OWN(dst, k)                                                               \
  do {                                                                            \
    if (!((dst) = own(h, row->field[k], row->len[k])))                            \
      return CONCERT_FAIL(d, CONCERT_ERR_NOMEM, "out of memory");                 \
  } while (0)

/* Checks the cells that every summit row shares: year, summit number, non-empty text. */
static concert_status check_common(table_ctx *c, const concert_i_csv_row *row,
                                   const char *const *cols, size_t ncols, long *year, long *no,
                                   concert_diag *d) {
  if (concert_i_csv_long(row->field[0], 1900, 2100, year) != 0)
    return concert_i_csv_fail(d, CONCERT_ERR_TYPE, row, 0, cols[0],
                              "'%.40s' is not a year in 1900-2100", row->field[0]);
  if (*year < c->last_year)
    return concert_i_csv_fail(d, CONCERT_ERR_INVALID, row, 0, cols[0],
                              "year %ld comes after %d: rows must be in year order", *year,
                              c->last_year);
  if (concert_i_csv_long(row->field[1], 1, 1000, no) != 0)
    return concert_i_csv_fail(d, CONCERT_ERR_TYPE, row, 1, cols[1],
                              "'%.40s' is not a summit number in 1-1000", row->field[1]);
  for (size_t k = 2; k + 1 < ncols; k++)
    if (row->len[k] == 0)
      return concert_i_csv_fail(d, CONCERT_ERR_MISSING, row, k, cols[k],
                                "empty cell (write 'unknown' when not known)");
  size_t last = ncols - 1;
  if (!valid_list(row->field[last], source_token, 1))
    return concert_i_csv_fail(d, CONCERT_ERR_SYNTAX, row, last, cols[last],
                              "'%.60s' is not a ';'-separated list of source ids like S01",
                              row->field[last]);
  c->last_year = (int)*year;
  return CONCERT_OK;
}

/* Refuses a summit number already recorded for the forum (a duplicate row) and a dates cell
 * naming an impossible day (io/date.h). */
static concert_status check_summit(const concert_history *h, concert_forum_kind forum,
                                   const concert_i_csv_row *row, const char *const *cols,
                                   long no, size_t dates_col, concert_diag *d) {
  for (size_t i = 0; i < h->n_summits[forum]; i++)
    if (h->summits[forum][i].summit_no == no)
      return concert_i_csv_fail(d, CONCERT_ERR_DUPLICATE_ID, row, 1, cols[1],
                                "summit number %ld appears twice (a duplicate row; the first is "
                                "the %d summit)",
                                no, h->summits[forum][i].year);
  size_t bad = concert_i_dates_in_text(row->field[dates_col]);
  if (bad)
    return concert_i_csv_fail(d, CONCERT_ERR_INVALID, row, dates_col, cols[dates_col],
                              "'%.10s' is not a real date (YYYY-MM-DD)",
                              row->field[dates_col] + bad - 1);
  return CONCERT_OK;
}

static concert_status g7_row(table_ctx *c, const concert_i_csv_row *row, concert_diag *d) {
  concert_history *h = c->h;
  long year, no;
  concert_status st = check_common(c, row, g7_cols, NCOLS(g7_cols), &year, &no, d);
  if (st == CONCERT_OK) st = check_summit(h, CONCERT_FORUM_G7, row, g7_cols, no, 5, d);
  if (st != CONCERT_OK) return st;
  int members = members_of_format(row->field[2]);
  if (!members)
    return concert_i_csv_fail(d, CONCERT_ERR_INVALID, row, 2, g7_cols[2],
                              "unknown format '%.40s' (expected G6, G7, G8 or Summit of the "
                              "Eight)",
                              row->field[2]);
  if (!yes_no_unknown(row->field[7]))
    return concert_i_csv_fail(d, CONCERT_ERR_INVALID, row, 7, g7_cols[7],
                              "'%.60s' does not start with yes or no and is not 'unknown'",
                              row->field[7]);
  if (!yes_no_unknown(row->field[8]))
    return concert_i_csv_fail(d, CONCERT_ERR_INVALID, row, 8, g7_cols[8],
                              "'%.60s' does not start with yes or no and is not 'unknown'",
                              row->field[8]);
  long nst = -1;
  if (strcmp(row->field[10], "unknown") != 0 &&
      concert_i_csv_long(row->field[10], 0, 1000, &nst) != 0)
    return concert_i_csv_fail(d, CONCERT_ERR_TYPE, row, 10, g7_cols[10],
                              "'%.40s' is neither a count in 0-1000 nor 'unknown'", row->field[10]);
  concert_summit_record *s = push_summit(h, CONCERT_FORUM_G7);
  if (!s) return CONCERT_FAIL(d, CONCERT_ERR_NOMEM, "out of memory");
  s->forum = CONCERT_FORUM_G7;
  s->year = (int)year;
  s->summit_no = (int)no;
  s->n_members = members;
  s->n_statements = (int)nst;
  OWN(s->format, 2);
  OWN(s->host_country, 3);
  OWN(s->host_city, 4);
  OWN(s->dates, 5);
  OWN(s->main_document, 6);
  OWN(s->communique, 7);
  OWN(s->chair_summary, 8);
  OWN(s->withdrawn_by, 9);
  OWN(s->departures, 11);
  OWN(s->absences, 12);
  OWN(s->russia, 13);
  OWN(s->disputes, 14);
  OWN(s->sources, 15);
  s->held = strcmp(s->communique, "no summit held") != 0;
  return CONCERT_OK;
}

static concert_status g20_row(table_ctx *c, const concert_i_csv_row *row, concert_diag *d) {
  concert_history *h = c->h;
  long year, no;
  concert_status st = check_common(c, row, g20_cols, NCOLS(g20_cols), &year, &no, d);
  if (st == CONCERT_OK) st = check_summit(h, CONCERT_FORUM_G20, row, g20_cols, no, 4, d);
  if (st != CONCERT_OK) return st;
  if (!yes_no_unknown(row->field[6]))
    return concert_i_csv_fail(d, CONCERT_ERR_INVALID, row, 6, g20_cols[6],
                              "'%.60s' does not start with yes or no and is not 'unknown'",
                              row->field[6]);
  concert_summit_record *s = push_summit(h, CONCERT_FORUM_G20);
  if (!s) return CONCERT_FAIL(d, CONCERT_ERR_NOMEM, "out of memory");
  s->forum = CONCERT_FORUM_G20;
  s->year = (int)year;
  s->summit_no = (int)no;
  s->n_members = 19;
  s->n_statements = -1;
  s->held = 1;
  s->format = "G20";
  OWN(s->host_country, 2);
  OWN(s->host_city, 3);
  OWN(s->dates, 4);
  OWN(s->main_document, 5);
  OWN(s->communique, 6);
  s->chair_summary = "";
  s->withdrawn_by = "";
  s->absences = "";
  s->russia = "";
  OWN(s->disputes, 7);
  OWN(s->departures, 8);
  OWN(s->sources, 9);
  return CONCERT_OK;
}

static size_t summits_in_year(const concert_history *h, int forum, long year) {
  size_t n = 0;
  for (size_t i = 0; i < h->n_summits[forum]; i++) n += h->summits[forum][i].year == year;
  return n;
}

static concert_status code_row(table_ctx *c, const concert_i_csv_row *row, concert_diag *d) {
  concert_history *h = c->h;
  concert_forum_kind forum;
  if (strcmp(row->field[0], "G7") == 0) {
    forum = CONCERT_FORUM_G7;
  } else if (strcmp(row->field[0], "G20") == 0) {
    forum = CONCERT_FORUM_G20;
  } else {
    return concert_i_csv_fail(d, CONCERT_ERR_INVALID, row, 0, code_cols[0],
                              "unknown forum '%.40s' (expected G7 or G20)", row->field[0]);
  }
  long year;
  if (concert_i_csv_long(row->field[1], 1900, 2100, &year) != 0)
    return concert_i_csv_fail(d, CONCERT_ERR_TYPE, row, 1, code_cols[1],
                              "'%.40s' is not a year in 1900-2100", row->field[1]);
  size_t n = summits_in_year(h, forum, year);
  if (n == 0)
    return concert_i_csv_fail(d, CONCERT_ERR_UNKNOWN_ID, row, 1, code_cols[1],
                              "no %s summit is recorded in %ld", concert_forum_kind_name(forum),
                              year);
  if (n > 1)
    return concert_i_csv_fail(d, CONCERT_ERR_UNSUPPORTED, row, 1, code_cols[1],
                              "%ld has %zu %s summits; a code cannot tell them apart", year, n,
                              concert_forum_kind_name(forum));
  int comp = -1;
  for (int k = 0; k < CONCERT_RIFT_N; k++)
    if (strcmp(row->field[2], concert_rift_component_id((concert_rift_component)k)) == 0)
      comp = k;
  if (comp < 0)
    return concert_i_csv_fail(d, CONCERT_ERR_INVALID, row, 2, code_cols[2],
                              "unknown component '%.40s' (expected no_communique, "
                              "missing_statements, no_unified_stance, trade, agenda or role)",
                              row->field[2]);
  if (!valid_list(row->field[3], actor_token, 1))
    return concert_i_csv_fail(d, CONCERT_ERR_SYNTAX, row, 3, code_cols[3],
                              "'%.60s' is not a ';'-separated list of ISO3 codes", row->field[3]);
  if (comp == CONCERT_RIFT_NO_COMMUNIQUE && row->len[3] == 0)
    return concert_i_csv_fail(d, CONCERT_ERR_MISSING, row, 3, code_cols[3],
                              "a no_communique code must name the members not endorsing");
  for (size_t k = 4; k <= 5; k++)
    if (row->len[k] == 0)
      return concert_i_csv_fail(d, CONCERT_ERR_MISSING, row, k, code_cols[k], "empty cell");
  if (!valid_list(row->field[6], source_token, 0))
    return concert_i_csv_fail(d, CONCERT_ERR_SYNTAX, row, 6, code_cols[6],
                              "'%.60s' is not a non-empty ';'-separated list of source ids",
                              row->field[6]);
  for (size_t i = 0; i < h->n_codes; i++) /* the same code twice would count twice */
    if (h->code_forum[i] == (int)forum && h->code_year[i] == year &&
        h->codes[i].component == (concert_rift_component)comp &&
        strcmp(h->codes[i].actors, row->field[3]) == 0 && strcmp(h->codes[i].issue, row->field[4]) == 0)
      return concert_i_csv_fail(d, CONCERT_ERR_DUPLICATE_ID, row, 2, code_cols[2],
                                "the same code (%s %ld, %s, '%.40s') appears twice; the first is "
                                "on line %ld",
                                concert_forum_kind_name(forum), year, row->field[2], row->field[4],
                                h->code_line[i]);
  if (h->n_codes == h->cap_codes) {
    size_t nc = h->cap_codes ? 2 * h->cap_codes : 32;
    concert_rift_code *a = realloc(h->codes, nc * sizeof *a);
    if (a) h->codes = a;
    int *b = realloc(h->code_forum, nc * sizeof *b);
    if (b) h->code_forum = b;
    int *y = realloc(h->code_year, nc * sizeof *y);
    if (y) h->code_year = y;
    long *l = realloc(h->code_line, nc * sizeof *l);
    if (l) h->code_line = l;
    if (!a || !b || !y || !l) return CONCERT_FAIL(d, CONCERT_ERR_NOMEM, "out of memory");
    h->cap_codes = nc;
  }
  concert_rift_code *code = &h->codes[h->n_codes];
  code->component = (concert_rift_component)comp;
  OWN(code->actors, 3);
  OWN(code->issue, 4);
  OWN(code->note, 5);
  OWN(code->sources, 6);
  h->code_forum[h->n_codes] = forum;
  h->code_year[h->n_codes] = (int)year;
  h->code_line[h->n_codes] = row->line;
  h->n_codes++;
  return CONCERT_OK;
}

static concert_status on_row(void *user, const concert_i_csv_row *row, concert_diag *d) {
  table_ctx *c = user;
  const char *const *cols = c->which == 0 ? g7_cols : c->which == 1 ? g20_cols : code_cols;
  size_t n = c->which == 0 ? NCOLS(g7_cols) : c->which == 1 ? NCOLS(g20_cols) : NCOLS(code_cols);
  if (row->index == 0) return concert_i_csv_expect_header(row, cols, n, d);
  concert_status st = concert_i_csv_expect_width(row, n, d);
  if (st != CONCERT_OK) return st;
  if (c->which == 0) return g7_row(c, row, d);
  if (c->which == 1) return g20_row(c, row, d);
  return code_row(c, row, d);
}

static concert_status empty_check(concert_history *h, int which, const char *name,
                                  size_t before, concert_diag *d) {
  size_t after = which == 2 ? h->n_codes : h->n_summits[which];
  if (which != 2 && after == before)
    return concert_i_fail(d, CONCERT_ERR_EMPTY, name, 0, 0, NULL, "no summits in the table");
  return CONCERT_OK;
}

concert_status concert_i_history_parse(concert_history *h, int which, const char *buf,
                                       size_t len, const char *name, concert_diag *d) {
  table_ctx c = {h, which, 0};
  size_t before = which == 2 ? h->n_codes : h->n_summits[which];
  concert_status st = concert_i_csv_read_mem(buf, len, name, NULL, on_row, &c, d);
  return st != CONCERT_OK ? st : empty_check(h, which, name, before, d);
}

concert_status concert_i_history_read(concert_history *h, int which, const char *path,
                                      const char *name, concert_diag *d) {
  table_ctx c = {h, which, 0};
  size_t before = which == 2 ? h->n_codes : h->n_summits[which];
  concert_status st = concert_i_csv_read_file(path, name, NULL, on_row, &c, d);
  return st != CONCERT_OK ? st : empty_check(h, which, name, before, d);
}

concert_status concert_i_history_link(concert_history *h, const char *codes_name,
                                      concert_diag *d) {
  (void)codes_name;
  free(h->attached);
  h->attached = NULL;
  if (h->n_codes == 0) return CONCERT_OK;
  h->attached = malloc(h->n_codes * sizeof *h->attached);
  if (!h->attached) return CONCERT_FAIL(d, CONCERT_ERR_NOMEM, "out of memory");
  size_t used = 0;
  for (int f = 0; f < 2; f++)
    for (size_t i = 0; i < h->n_summits[f]; i++) {
      concert_summit_record *s = &h->summits[f][i];
      s->codes = h->attached + used;
      s->n_codes = 0;
      for (size_t k = 0; k < h->n_codes; k++)
        if (h->code_forum[k] == f && h->code_year[k] == s->year) {
          h->attached[used++] = h->codes[k];
          s->n_codes++;
        }
      if (s->n_codes == 0) s->codes = NULL;
    }
  return CONCERT_OK;
}

concert_status concert_history_load(concert_history **out, const char *dir,
                                    concert_diag *diag) {
  if (!out) return CONCERT_FAIL(diag, CONCERT_ERR_ARGUMENT, "out is NULL");
  *out = NULL;
  char def[4096];
  if (!dir) {
    snprintf(def, sizeof def, "%s/world", concert_data_dir());
    dir = def;
  }
  static const char *const files[3] = {"g7_summits.csv", "g20_leaders_summits.csv",
                                       "g7_rift_codes.csv"};
  concert_history *h = concert_i_history_new();
  if (!h) return CONCERT_FAIL(diag, CONCERT_ERR_NOMEM, "out of memory");
  for (int w = 0; w < 3; w++) {
    char path[4096];
    int n = snprintf(path, sizeof path, "%s/%s", dir, files[w]);
    if (n < 0 || (size_t)n >= sizeof path) {
      concert_history_free(h);
      return CONCERT_FAIL(diag, CONCERT_ERR_TOO_LARGE, "data directory path is too long");
    }
    concert_status st = concert_i_history_read(h, w, path, path, diag);
    if (st != CONCERT_OK) {
      concert_history_free(h);
      return st;
    }
  }
  concert_status st = concert_i_history_link(h, files[2], diag);
  if (st != CONCERT_OK) {
    concert_history_free(h);
    return st;
  }
  *out = h;
  return CONCERT_OK;
}

size_t concert_history_count(const concert_history *h, concert_forum_kind forum) {
  if (!h || (forum != CONCERT_FORUM_G7 && forum != CONCERT_FORUM_G20)) return 0;
  return h->n_summits[forum];
}

const concert_summit_record *concert_history_at(const concert_history *h,
                                                concert_forum_kind forum, size_t i) {
  if (i >= concert_history_count(h, forum)) return NULL;
  return &h->summits[forum][i];
}

const concert_summit_record *concert_history_find(const concert_history *h,
                                                  concert_forum_kind forum, int year) {
  size_t n = concert_history_count(h, forum);
  for (size_t i = 0; i < n; i++)
    if (h->summits[forum][i].year == year) return &h->summits[forum][i];
  return NULL;
}

concert_status concert_forum_kind_parse(const char *text, concert_forum_kind *out,
                                        concert_diag *diag) {
  if (!text || !out) return CONCERT_FAIL(diag, CONCERT_ERR_ARGUMENT, "NULL argument");
  if (strcasecmp(text, "G7") == 0 || strcasecmp(text, "G8") == 0) {
    *out = CONCERT_FORUM_G7;
    return CONCERT_OK;
  }
  if (strcasecmp(text, "G20") == 0) {
    *out = CONCERT_FORUM_G20;
    return CONCERT_OK;
  }
  return concert_i_fail(diag, CONCERT_ERR_INVALID, NULL, 0, 0, "forum",
                        "unknown forum '%.40s' (expected G7 or G20)", text);
}

const char *concert_forum_kind_name(concert_forum_kind forum) {
  return forum == CONCERT_FORUM_G20 ? "G20" : "G7";
}
