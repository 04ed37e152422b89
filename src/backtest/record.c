/* record.c: reads a summit record (docs/backtest.md): summits.csv and statements.csv of a
 * directory, through the library's CSV reader. Every cell is checked; a bad one is refused
 * with its file, line, column and column name; ids are checked against the summit's
 * scenario, which is loaded here. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backtest/backtest_i.h"
#include "csv/csv_reader_i.h"
#include "io/read_file.h"
#include "status/diag.h"

#define MAX_TABLE (64u << 20) /* bytes per table */

static const char *const summit_cols[] = {"id",     "forum_name", "date",       "scenario",
                                          "forum",  "fate",       "carved_out", "left_early",
                                          "absent", "sources",    "note"};
static const char *const statement_cols[] = {"summit",   "issue",   "statement", "signatories",
                                             "blockers", "sources", "note"};
#define NCOLS(a) (sizeof(a) / sizeof((a)[0]))
enum {
  S_ID,
  S_FORUM_NAME,
  S_DATE,
  S_SCENARIO,
  S_FORUM,
  S_FATE,
  S_CARVED,
  S_LEFT,
  S_ABSENT,
  S_SOURCES,
  S_NOTE
};
enum { T_SUMMIT, T_ISSUE, T_STATEMENT, T_SIGNATORIES, T_BLOCKERS, T_SOURCES, T_NOTE };

static char *dup_str(const char *s) {
  size_t n = strlen(s);
  char *c = malloc(n + 1);
  if (c) memcpy(c, s, n + 1);
  return c;
}

/* dir + "/" + name, or a copy of name when it is absolute. */
static char *join(const char *dir, const char *name) {
  if (name[0] == '/') return dup_str(name);
  size_t a = strlen(dir), b = strlen(name);
  char *p = malloc(a + b + 2);
  if (!p) return NULL;
  memcpy(p, dir, a);
  p[a] = '/';
  memcpy(p + a + 1, name, b + 1);
  return p;
}

concert_record *concert_i_record_new(const char *dir) {
  concert_record *r = calloc(1, sizeof *r);
  if (!r) return NULL;
  r->dir = dup_str(dir);
  r->summits_file = join(dir, "summits.csv");
  r->statements_file = join(dir, "statements.csv");
  if (!r->dir || !r->summits_file || !r->statements_file) {
    concert_record_free(r);
    return NULL;
  }
  return r;
}

static void idlist_free(concert_i_idlist *l) { free(l->ids); }

void concert_record_free(concert_record *r) {
  if (!r) return;
  for (size_t i = 0; i < r->n_summits; i++) {
    concert_i_rsummit *s = &r->summits[i];
    free(s->id), free(s->forum_name), free(s->date), free(s->scenario_path), free(s->forum_id);
    free(s->sources), free(s->note);
    idlist_free(&s->carved_out), idlist_free(&s->left_early), idlist_free(&s->absent);
    concert_scenario_free(s->s);
  }
  for (size_t i = 0; i < r->n_statements; i++) {
    concert_i_rstatement *t = &r->statements[i];
    free(t->issue), free(t->sources), free(t->note);
    idlist_free(&t->signatories), idlist_free(&t->blockers);
  }
  free(r->summits);
  free(r->statements);
  free(r->dir);
  free(r->summits_file);
  free(r->statements_file);
  free(r->provenance);
  free(r);
}

/* An id of the record: letters, digits, '_', '-', '.'; not empty. */
static bool valid_id(const char *s) {
  if (!*s) return false;
  for (; *s; s++)
    if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') ||
          *s == '_' || *s == '-' || *s == '.'))
      return false;
  return true;
}

/* YYYY-MM-DD with a month in 1-12 and a day in 1-31. */
static bool valid_date(const char *s) {
  if (strlen(s) != 10 || s[4] != '-' || s[7] != '-') return false;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9')) return false;
  int m = (s[5] - '0') * 10 + (s[6] - '0'), day = (s[8] - '0') * 10 + (s[9] - '0');
  return m >= 1 && m <= 12 && day >= 1 && day <= 31;
}

/* Whether PROVENANCE.md lists source id: a table row starting "| id |". */
static bool listed(const char *prov, const char *id) {
  size_t n = strlen(id);
  for (const char *p = strstr(prov, id); p; p = strstr(p + 1, id)) {
    const char *b = p, *e = p + n;
    while (b > prov && b[-1] == ' ') b--;
    while (*e == ' ') e++;
    if (b > prov && b[-1] == '|' && (b - 1 == prov || b[-2] == '\n') && *e == '|') return true;
  }
  return false;
}

/* Checks cell k of row: a ';'-separated list of source ids (each a valid id, and listed in
 * PROVENANCE.md when prov is not NULL); not empty. */
static concert_status check_sources(const concert_i_csv_row *row, size_t k, const char *prov,
                                    concert_diag *d) {
  const char *s = row->field[k];
  char tok[256];
  for (const char *p = s;;) {
    const char *e = strchr(p, ';');
    size_t n = e ? (size_t)(e - p) : strlen(p);
    if (n == 0 || n >= sizeof tok)
      return concert_i_csv_fail(d, CONCERT_ERR_SYNTAX, row, k, "sources",
                                "'%.60s' is not a list of source ids joined by ';'", s);
    memcpy(tok, p, n);
    tok[n] = '\0';
    if (!valid_id(tok))
      return concert_i_csv_fail(d, CONCERT_ERR_SYNTAX, row, k, "sources",
                                "'%.60s' is not a list of source ids joined by ';'", s);
    if (prov && !listed(prov, tok))
      return concert_i_csv_fail(d, CONCERT_ERR_UNKNOWN_ID, row, k, "sources",
                                "source '%s' is not listed in PROVENANCE.md (a row '| %s | "
                                "reference |')",
                                tok, tok);
    if (!e) return CONCERT_OK;
    p = e + 1;
  }
}

static bool is_member(const concert_scenario *s, size_t f, size_t a) {
  for (size_t i = 0; i < concert_scenario_forum_member_count(s, f); i++)
    if (concert_scenario_forum_member(s, f, i) == a) return true;
  return false;
}

/* Parses cell k of row into l: "" (empty list), "unknown" when allow_unknown, "all" when
 * allow_all, else actor ids of s joined by ';' (members of forum f when members_only). */
static concert_status parse_ids(const concert_i_csv_row *row, size_t k, const char *col,
                                const concert_scenario *s, size_t f, bool members_only,
                                bool allow_unknown, bool allow_all, concert_i_idlist *l,
                                concert_diag *d) {
  const char *c = row->field[k];
  memset(l, 0, sizeof *l);
  if (!*c) return CONCERT_OK;
  if (strcmp(c, "unknown") == 0 && allow_unknown) {
    l->unknown = true;
    return CONCERT_OK;
  }
  if (strcmp(c, "all") == 0 && allow_all) {
    l->all = true;
    return CONCERT_OK;
  }
  size_t cap = 1;
  for (const char *p = c; *p; p++) cap += *p == ';';
  if (!(l->ids = malloc(cap * sizeof *l->ids)))
    return CONCERT_FAIL(d, CONCERT_ERR_NOMEM, "out of memory");
  char tok[128];
  for (const char *p = c;;) {
    const char *e = strchr(p, ';');
    size_t n = e ? (size_t)(e - p) : strlen(p);
    if (n == 0 || n >= sizeof tok)
      return concert_i_csv_fail(d, CONCERT_ERR_SYNTAX, row, k, col,
                                "'%.60s' is not a list of actor ids joined by ';'", c);
    memcpy(tok, p, n);
    tok[n] = '\0';
    size_t a;
    if (!concert_scenario_actor_find(s, tok, &a))
      return concert_i_csv_fail(d, CONCERT_ERR_UNKNOWN_ID, row, k, col,
                                "unknown actor '%s' (not in scenario '%s')", tok,
                                concert_scenario_file(s) ? concert_scenario_file(s) : "");
    if (members_only && !is_member(s, f, a))
      return concert_i_csv_fail(d, CONCERT_ERR_UNKNOWN_ID, row, k, col,
                                "actor '%s' is not a member of forum '%s'", tok,
                                concert_scenario_forum_id(s, f));
    for (size_t i = 0; i < l->n; i++)
      if (l->ids[i] == a)
        return concert_i_csv_fail(d, CONCERT_ERR_DUPLICATE_ID, row, k, col,
                                  "actor '%s' listed twice", tok);
    l->ids[l->n++] = a;
    if (!e) return CONCERT_OK;
    p = e + 1;
  }
}

/* The fate named s (or -1 for "unknown"); -2 when s names nothing. */
static int fate_of(const char *s) {
  if (strcmp(s, "unknown") == 0) return -1;
  for (int f = 0; f < CONCERT_BACKTEST_FATES; f++)
    if (strcmp(s, concert_document_fate_name((concert_document_fate)f)) == 0) return f;
  return -2;
}

/* Parse state of one table. */
typedef struct ctx {
  concert_record *r;
  const char *const *cols;
  size_t ncols;
} ctx;

static concert_status summit_row(void *user, const concert_i_csv_row *row, concert_diag *d) {
  ctx *c = user;
  concert_record *r = c->r;
  if (row->index == 0) return concert_i_csv_expect_header(row, c->cols, c->ncols, d);
  concert_status st = concert_i_csv_expect_width(row, c->ncols, d);
  if (st) return st;
  const char *const *fl = (const char *const *)row->field;
  if (!valid_id(fl[S_ID]))
    return concert_i_csv_fail(d, CONCERT_ERR_SYNTAX, row, S_ID, "id",
                              "'%.60s' is not an id (letters, digits, '_', '-', '.')", fl[S_ID]);
  for (size_t i = 0; i < r->n_summits; i++)
    if (strcmp(r->summits[i].id, fl[S_ID]) == 0)
      return concert_i_csv_fail(d, CONCERT_ERR_DUPLICATE_ID, row, S_ID, "id",
                                "summit '%s' already given on line %ld", fl[S_ID],
                                r->summits[i].line);
  if (!*fl[S_FORUM_NAME])
    return concert_i_csv_fail(d, CONCERT_ERR_MISSING, row, S_FORUM_NAME, "forum_name",
                              "empty forum name");
  if (!valid_date(fl[S_DATE]))
    return concert_i_csv_fail(d, CONCERT_ERR_SYNTAX, row, S_DATE, "date",
                              "'%.40s' is not a date YYYY-MM-DD", fl[S_DATE]);
  if (!*fl[S_SCENARIO])
    return concert_i_csv_fail(d, CONCERT_ERR_MISSING, row, S_SCENARIO, "scenario",
                              "empty scenario path");
  int fate = fate_of(fl[S_FATE]);
  if (fate == -2)
    return concert_i_csv_fail(d, CONCERT_ERR_INVALID, row, S_FATE, "fate",
                              "unknown fate '%.40s' (issued, issued_with_carve_out, forgone, "
                              "failed, disowned or unknown)",
                              fl[S_FATE]);
  if ((st = check_sources(row, S_SOURCES, r->provenance, d))) return st;
  if (r->n_summits == r->cap_summits) {
    size_t nc = r->cap_summits ? 2 * r->cap_summits : 16;
    concert_i_rsummit *ns = realloc(r->summits, nc * sizeof *ns);
    if (!ns) return CONCERT_FAIL(d, CONCERT_ERR_NOMEM, "out of memory");
    r->summits = ns;
    r->cap_summits = nc;
  }
  concert_i_rsummit *s = &r->summits[r->n_summits++];
  memset(s, 0, sizeof *s);
  s->line = row->line;
  s->fate = fate;
  if (!(s->id = dup_str(fl[S_ID])) || !(s->forum_name = dup_str(fl[S_FORUM_NAME])) ||
      !(s->date = dup_str(fl[S_DATE])) || !(s->forum_id = dup_str(fl[S_FORUM])) ||
      !(s->sources = dup_str(fl[S_SOURCES])) || !(s->note = dup_str(fl[S_NOTE])) ||
      !(s->scenario_path = join(r->dir, fl[S_SCENARIO])))
    return CONCERT_FAIL(d, CONCERT_ERR_NOMEM, "out of memory");
  concert_diag sd;
  concert_diag_clear(&sd);
  FILE *probe = fopen(s->scenario_path, "rb");
  if (!probe)
    return concert_i_csv_fail(d, CONCERT_ERR_IO, row, S_SCENARIO, "scenario",
                              "cannot read scenario '%.200s'", s->scenario_path);
  fclose(probe);
  st = concert_scenario_load_file(s->scenario_path, &s->s, &sd);
  if (st) {
    if (d) *d = sd;
    return st;
  }
  if (!concert_scenario_forum_find(s->s, fl[S_FORUM], &s->forum)) {
    char list[200] = "";
    size_t used = 0;
    for (size_t i = 0; i < concert_scenario_forum_count(s->s) && used + 1 < sizeof list; i++) {
      int w = snprintf(list + used, sizeof list - used, "%s%s", i ? ", " : "",
                       concert_scenario_forum_id(s->s, i));
      if (w < 0) break;
      used += (size_t)w;
    }
    return concert_i_csv_fail(d, CONCERT_ERR_UNKNOWN_ID, row, S_FORUM, "forum",
                              "no forum '%.60s' in '%.100s' (forums: %s)", fl[S_FORUM],
                              fl[S_SCENARIO], list);
  }
  if ((st = parse_ids(row, S_CARVED, "carved_out", s->s, s->forum, true, true, false,
                      &s->carved_out, d)) ||
      (st = parse_ids(row, S_LEFT, "left_early", s->s, s->forum, true, true, false, &s->left_early,
                      d)) ||
      (st = parse_ids(row, S_ABSENT, "absent", s->s, s->forum, true, true, false, &s->absent, d)))
    return st;
  bool carved = s->carved_out.n > 0;
  if (fate == CONCERT_DOCUMENT_ISSUED_WITH_CARVE_OUT && !carved && !s->carved_out.unknown)
    return concert_i_csv_fail(d, CONCERT_ERR_MISSING, row, S_CARVED, "carved_out",
                              "fate issued_with_carve_out names who was carved out "
                              "(or 'unknown')");
  if (fate != CONCERT_DOCUMENT_ISSUED_WITH_CARVE_OUT && fate != -1 && carved)
    return concert_i_csv_fail(d, CONCERT_ERR_INVALID, row, S_CARVED, "carved_out",
                              "members carved out of a document whose fate is %s", fl[S_FATE]);
  return CONCERT_OK;
}

/* The statement named s: -1 unknown, 0 none, 1 joint, 2 minilateral; -2 for none of these. */
static int statement_of(const char *s) {
  if (strcmp(s, "unknown") == 0) return -1;
  if (strcmp(s, "none") == 0) return 0;
  if (strcmp(s, "joint") == 0) return 1;
  if (strcmp(s, "minilateral") == 0) return 2;
  return -2;
}

static concert_status statement_row(void *user, const concert_i_csv_row *row, concert_diag *d) {
  ctx *c = user;
  concert_record *r = c->r;
  if (row->index == 0) return concert_i_csv_expect_header(row, c->cols, c->ncols, d);
  concert_status st = concert_i_csv_expect_width(row, c->ncols, d);
  if (st) return st;
  const char *const *fl = (const char *const *)row->field;
  size_t si = r->n_summits;
  for (size_t i = 0; i < r->n_summits; i++)
    if (strcmp(r->summits[i].id, fl[T_SUMMIT]) == 0) si = i;
  if (si == r->n_summits)
    return concert_i_csv_fail(d, CONCERT_ERR_UNKNOWN_ID, row, T_SUMMIT, "summit",
                              "unknown summit '%.60s' (not in summits.csv)", fl[T_SUMMIT]);
  const concert_i_rsummit *s = &r->summits[si];
  size_t k = concert_scenario_issue_count(s->s);
  for (size_t i = 0; i < concert_scenario_issue_count(s->s); i++)
    if (strcmp(concert_scenario_issue_id(s->s, i), fl[T_ISSUE]) == 0) k = i;
  if (k == concert_scenario_issue_count(s->s))
    return concert_i_csv_fail(d, CONCERT_ERR_UNKNOWN_ID, row, T_ISSUE, "issue",
                              "unknown issue '%.60s' (not in scenario '%.100s' of summit %s)",
                              fl[T_ISSUE], s->scenario_path, s->id);
  for (size_t i = 0; i < r->n_statements; i++)
    if (r->statements[i].summit == si && r->statements[i].issue_index == k)
      return concert_i_csv_fail(d, CONCERT_ERR_DUPLICATE_ID, row, T_ISSUE, "issue",
                                "issue '%s' of summit %s already given on line %ld", fl[T_ISSUE],
                                s->id, r->statements[i].line);
  int kind = statement_of(fl[T_STATEMENT]);
  if (kind == -2)
    return concert_i_csv_fail(d, CONCERT_ERR_INVALID, row, T_STATEMENT, "statement",
                              "unknown statement '%.40s' (joint, minilateral, none or unknown)",
                              fl[T_STATEMENT]);
  if ((st = check_sources(row, T_SOURCES, r->provenance, d))) return st;
  if (r->n_statements == r->cap_statements) {
    size_t nc = r->cap_statements ? 2 * r->cap_statements : 32;
    concert_i_rstatement *ns = realloc(r->statements, nc * sizeof *ns);
    if (!ns) return CONCERT_FAIL(d, CONCERT_ERR_NOMEM, "out of memory");
    r->statements = ns;
    r->cap_statements = nc;
  }
  concert_i_rstatement *t = &r->statements[r->n_statements++];
  memset(t, 0, sizeof *t);
  t->summit = si;
  t->issue_index = k;
  t->statement = kind;
  t->line = row->line;
  if (!(t->issue = dup_str(fl[T_ISSUE])) || !(t->sources = dup_str(fl[T_SOURCES])) ||
      !(t->note = dup_str(fl[T_NOTE])))
    return CONCERT_FAIL(d, CONCERT_ERR_NOMEM, "out of memory");
  concert_diag where;
  concert_i_csv_fail(&where, CONCERT_ERR_INVALID, row, T_ISSUE, "issue", "where");
  t->issue_col = where.column;
  if ((st = parse_ids(row, T_SIGNATORIES, "signatories", s->s, s->forum, false, true, kind == 1,
                      &t->signatories, d)) ||
      (st = parse_ids(row, T_BLOCKERS, "blockers", s->s, s->forum, true, true, false, &t->blockers,
                      d)))
    return st;
  bool empty = !t->signatories.unknown && !t->signatories.all && t->signatories.n == 0;
  if (kind == 0 && !empty)
    return concert_i_csv_fail(d, CONCERT_ERR_INVALID, row, T_SIGNATORIES, "signatories",
                              "signatories of a statement that is 'none'");
  if (kind == -1 && !empty && !t->signatories.unknown)
    return concert_i_csv_fail(d, CONCERT_ERR_INVALID, row, T_SIGNATORIES, "signatories",
                              "signatories of a statement that is 'unknown'");
  if (kind > 0 && empty)
    return concert_i_csv_fail(d, CONCERT_ERR_MISSING, row, T_SIGNATORIES, "signatories",
                              "a %s statement needs its signatories (ids, 'all' or 'unknown')",
                              fl[T_STATEMENT]);
  return CONCERT_OK;
}

concert_status concert_i_record_parse_summits(concert_record *r, const char *buf, size_t len,
                                              const char *name, concert_diag *d) {
  ctx c = {r, summit_cols, NCOLS(summit_cols)};
  concert_status st = concert_i_csv_read_mem(buf, len, name, NULL, summit_row, &c, d);
  if (st == CONCERT_OK && len == 0)
    return concert_i_fail(d, CONCERT_ERR_MISSING, name, 1, 1, NULL,
                          "empty file: the header line is missing");
  return st;
}

concert_status concert_i_record_parse_statements(concert_record *r, const char *buf, size_t len,
                                                 const char *name, concert_diag *d) {
  ctx c = {r, statement_cols, NCOLS(statement_cols)};
  concert_status st = concert_i_csv_read_mem(buf, len, name, NULL, statement_row, &c, d);
  if (st == CONCERT_OK && len == 0)
    return concert_i_fail(d, CONCERT_ERR_MISSING, name, 1, 1, NULL,
                          "empty file: the header line is missing");
  return st;
}

/* Reads the table at path and hands it to parse. */
static concert_status read_table(concert_record *r, const char *path,
                                 concert_status (*parse)(concert_record *, const char *, size_t,
                                                         const char *, concert_diag *),
                                 concert_diag *d) {
  char *buf = NULL;
  size_t len = 0;
  concert_status st =
      concert_i_read_file(path, MAX_TABLE, "record table larger than 64 MiB", &buf, &len, d);
  if (st == CONCERT_OK) st = parse(r, buf, len, path, d);
  free(buf);
  return st;
}

concert_status concert_record_load(const char *dir, concert_record **out, concert_diag *diag) {
  concert_diag_clear(diag);
  if (!dir || !out) return CONCERT_FAIL(diag, CONCERT_ERR_ARGUMENT, "record: NULL argument");
  *out = NULL;
  concert_record *r = concert_i_record_new(dir);
  if (!r) return CONCERT_FAIL(diag, CONCERT_ERR_NOMEM, "out of memory");
  char *prov_path = join(dir, "PROVENANCE.md");
  size_t plen = 0;
  concert_status st =
      prov_path ? concert_i_read_file(prov_path, MAX_TABLE, "PROVENANCE.md larger than 64 MiB",
                                      &r->provenance, &plen, diag)
                : CONCERT_FAIL(diag, CONCERT_ERR_NOMEM, "out of memory");
  free(prov_path);
  if (st == CONCERT_OK) st = read_table(r, r->summits_file, concert_i_record_parse_summits, diag);
  if (st == CONCERT_OK)
    st = read_table(r, r->statements_file, concert_i_record_parse_statements, diag);
  if (st) {
    concert_record_free(r);
    return st;
  }
  *out = r;
  return CONCERT_OK;
}

const char *concert_record_dir(const concert_record *r) { return r ? r->dir : NULL; }
size_t concert_record_summit_count(const concert_record *r) { return r ? r->n_summits : 0; }

static const concert_i_rsummit *at(const concert_record *r, size_t i) {
  return r && i < r->n_summits ? &r->summits[i] : NULL;
}
const char *concert_record_summit_id(const concert_record *r, size_t i) {
  return at(r, i) ? at(r, i)->id : NULL;
}
const char *concert_record_summit_forum_name(const concert_record *r, size_t i) {
  return at(r, i) ? at(r, i)->forum_name : NULL;
}
const char *concert_record_summit_date(const concert_record *r, size_t i) {
  return at(r, i) ? at(r, i)->date : NULL;
}
const concert_scenario *concert_record_summit_scenario(const concert_record *r, size_t i) {
  return at(r, i) ? at(r, i)->s : NULL;
}
size_t concert_record_summit_forum(const concert_record *r, size_t i) {
  return at(r, i) ? at(r, i)->forum : 0;
}
bool concert_record_summit_fate(const concert_record *r, size_t i, concert_document_fate *fate) {
  if (!at(r, i) || at(r, i)->fate < 0) return false;
  if (fate) *fate = (concert_document_fate)at(r, i)->fate;
  return true;
}
