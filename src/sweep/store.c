/* store.c: a sweep's runs in an SQLite database (sweep/store_i.h, docs/sweep.md). Every
 * sqlite3 call is checked; errors carry the file name and SQLite's message. Runs are written
 * in batches, one transaction each, so a killed sweep loses at most the batch in flight. */
#include <inttypes.h>
#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <concert/rift.h>
#include <concert/summit.h>

#include "status/diag.h"
#include "sweep/store_i.h"

#define SCHEMA_VERSION "2"

struct concert_i_store {
  sqlite3 *db;                  /* the open database */
  char *path;                   /* its file name, for messages */
  sqlite3_stmt *run, *issue, *member, *cell; /* the four inserts */
};

static const char schema[] =
    "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
    "CREATE TABLE issue(issue INTEGER PRIMARY KEY, id TEXT NOT NULL);"
    "CREATE TABLE member(member INTEGER PRIMARY KEY, id TEXT NOT NULL);"
    "CREATE TABLE run(run INTEGER PRIMARY KEY, fate TEXT NOT NULL, no_communique REAL,"
    " missing_statements REAL, no_unified_stance REAL, trade REAL, agenda REAL, role REAL);"
    "CREATE TABLE run_issue(run INTEGER NOT NULL, issue INTEGER NOT NULL, kind TEXT NOT NULL,"
    " text REAL, text_kind TEXT NOT NULL, PRIMARY KEY(run, issue)) WITHOUT ROWID;"
    "CREATE TABLE run_member(run INTEGER NOT NULL, member INTEGER NOT NULL, net_gain REAL,"
    " PRIMARY KEY(run, member)) WITHOUT ROWID;"
    "CREATE TABLE run_member_issue(run INTEGER NOT NULL, issue INTEGER NOT NULL,"
    " member INTEGER NOT NULL, signed INTEGER NOT NULL, blocked INTEGER NOT NULL,"
    " text_signed INTEGER NOT NULL, text_blocked INTEGER NOT NULL,"
    " PRIMARY KEY(run, issue, member)) WITHOUT ROWID;";

static const char *const kinds[3] = {"none", "joint", "minilateral"};

static concert_status fail(concert_i_store *st, concert_diag *d, const char *what) {
  return CONCERT_FAIL(d, CONCERT_ERR_IO, "database '%s': %s: %s", st->path, what,
                      st->db ? sqlite3_errmsg(st->db) : "out of memory");
}

/* The meta rows of m, as key/value strings. */
typedef struct kv {
  const char *key;
  char value[64];
  const char *text; /* when set, the value (longer strings) */
} kv;

enum { NMETA = 8 };

static void meta_rows(const concert_i_store_meta *m, kv *r) {
  r[0] = (kv){"schema_version", SCHEMA_VERSION, NULL};
  r[1] = (kv){"scenario", "", m->scenario};
  r[2] = (kv){"scenario_hash", "", NULL};
  snprintf(r[2].value, sizeof r[2].value, "%016" PRIx64, m->scenario_hash);
  r[3] = (kv){"forum", "", m->forum};
  r[4] = (kv){"model", "", m->model};
  r[5] = (kv){"model_params", "", m->model_params};
  r[6] = (kv){"protocol", "", m->protocol};
  r[7] = (kv){"seed", "", NULL};
  snprintf(r[7].value, sizeof r[7].value, "%" PRIu64, m->seed);
}

static const char *kv_text(const kv *r) { return r->text ? r->text : r->value; }

static concert_status exec(concert_i_store *st, const char *sql, concert_diag *d) {
  if (sqlite3_exec(st->db, sql, NULL, NULL, NULL) != SQLITE_OK) return fail(st, d, sql);
  return CONCERT_OK;
}

static concert_status prepare(concert_i_store *st, const char *sql, sqlite3_stmt **s,
                              concert_diag *d) {
  if (sqlite3_prepare_v2(st->db, sql, -1, s, NULL) != SQLITE_OK) return fail(st, d, "cannot prepare a query");
  return CONCERT_OK;
}

/* Sets meta key to value (insert or replace). */
static concert_status put_meta(concert_i_store *st, const char *key, const char *value,
                               concert_diag *d) {
  sqlite3_stmt *s = NULL;
  concert_status rc = prepare(st, "INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)", &s, d);
  if (!rc && (sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC) != SQLITE_OK ||
              sqlite3_bind_text(s, 2, value, -1, SQLITE_STATIC) != SQLITE_OK ||
              sqlite3_step(s) != SQLITE_DONE))
    rc = fail(st, d, "writing the sweep's description");
  sqlite3_finalize(s);
  return rc;
}

/* Creates the tables and writes the description of the sweep. */
static concert_status create(concert_i_store *st, const concert_i_store_meta *m, concert_diag *d) {
  concert_status rc = exec(st, "BEGIN", d);
  if (!rc) rc = exec(st, schema, d);
  kv r[NMETA];
  meta_rows(m, r);
  for (int k = 0; !rc && k < NMETA; k++) rc = put_meta(st, r[k].key, kv_text(&r[k]), d);
  char runs[32];
  snprintf(runs, sizeof runs, "%zu", m->runs);
  if (!rc) rc = put_meta(st, "runs", runs, d);
  sqlite3_stmt *s = NULL;
  for (int t = 0; !rc && t < 2; t++) {
    size_t n = t ? m->nm : m->ni;
    const char *const *ids = t ? m->member_id : m->issue_id;
    rc = prepare(st, t ? "INSERT INTO member(member, id) VALUES(?, ?)"
                       : "INSERT INTO issue(issue, id) VALUES(?, ?)", &s, d);
    for (size_t i = 0; !rc && i < n; i++)
      if (sqlite3_bind_int64(s, 1, (sqlite3_int64)i) != SQLITE_OK ||
          sqlite3_bind_text(s, 2, ids[i], -1, SQLITE_STATIC) != SQLITE_OK ||
          sqlite3_step(s) != SQLITE_DONE || sqlite3_reset(s) != SQLITE_OK)
        rc = fail(st, d, "writing the agenda and members");
    sqlite3_finalize(s);
    s = NULL;
  }
  if (!rc) rc = exec(st, "COMMIT", d);
  else sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
  return rc;
}

/* Checks that the stored sweep is m's (names every key that differs). */
static concert_status check(concert_i_store *st, const concert_i_store_meta *m, concert_diag *d) {
  kv r[NMETA];
  meta_rows(m, r);
  sqlite3_stmt *s = NULL;
  concert_status rc = prepare(st, "SELECT value FROM meta WHERE key = ?", &s, d);
  char differ[512] = "";
  size_t len = 0;
  for (int k = 0; !rc && k < NMETA; k++) {
    if (sqlite3_bind_text(s, 1, r[k].key, -1, SQLITE_STATIC) != SQLITE_OK) {
      rc = fail(st, d, "reading the sweep's description");
      break;
    }
    int step = sqlite3_step(s);
    const char *have = step == SQLITE_ROW ? (const char *)sqlite3_column_text(s, 0) : NULL;
    if (step != SQLITE_ROW && step != SQLITE_DONE) {
      rc = fail(st, d, "reading the sweep's description");
      break;
    }
    const char *want = kv_text(&r[k]);
    if (k == 0 && (!have || strcmp(have, want))) {
      rc = CONCERT_FAIL(d, CONCERT_ERR_INVALID,
                        "database '%s' does not hold a concert sweep of schema version %s", st->path,
                        SCHEMA_VERSION);
      break;
    }
    if (!have || strcmp(have, want)) {
      int w = snprintf(differ + len, sizeof differ - len, "%s%s '%s' there, '%s' here",
                       len ? "; " : "", r[k].key, have ? have : "(none)", want);
      if (w > 0) len += (size_t)w < sizeof differ - len ? (size_t)w : sizeof differ - len - 1;
    }
    if (sqlite3_reset(s) != SQLITE_OK) rc = fail(st, d, "reading the sweep's description");
  }
  sqlite3_finalize(s);
  if (!rc && len)
    rc = CONCERT_FAIL(d, CONCERT_ERR_INVALID,
                      "database '%s' holds a different sweep (%s); resume with the same scenario "
                      "file, forum, model, parameters, seed and overrides, or use a new database",
                      st->path, differ);
  return rc;
}

concert_status concert_i_store_open(const char *path, bool resume, const concert_i_store_meta *m,
                                    concert_i_store **out, concert_diag *d) {
  *out = NULL;
  concert_i_store *st = calloc(1, sizeof *st);
  if (!st || !(st->path = strdup(path))) {
    free(st);
    return CONCERT_FAIL(d, CONCERT_ERR_NOMEM, "out of memory");
  }
  concert_status rc = CONCERT_OK;
  if (sqlite3_open_v2(path, &st->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) !=
      SQLITE_OK) {
    rc = fail(st, d, "cannot open");
    goto done;
  }
  if (sqlite3_busy_timeout(st->db, 5000) != SQLITE_OK) {
    rc = fail(st, d, "busy timeout");
    goto done;
  }
  sqlite3_stmt *s = NULL;
  if (sqlite3_prepare_v2(st->db, "SELECT count(*) FROM sqlite_master", -1, &s, NULL) != SQLITE_OK)
    rc = fail(st, d, "cannot read");
  sqlite3_int64 tables = 0;
  if (!rc) {
    if (sqlite3_step(s) == SQLITE_ROW) tables = sqlite3_column_int64(s, 0);
    else rc = fail(st, d, "cannot read");
  }
  sqlite3_finalize(s);
  if (rc) goto done;
  if (tables && !resume) {
    rc = CONCERT_FAIL(d, CONCERT_ERR_INVALID,
                      "database '%s' already holds data; add --resume to complete the sweep it "
                      "holds, or name a new file",
                      path);
    goto done;
  }
  if (tables) rc = check(st, m, d);
  if (rc) goto done;
  /* A rollback journal: a killed writer leaves a hot journal that the next open rolls back,
   * so committed batches stay and the batch in flight goes. (Measured faster than WAL here,
   * which writes every page twice: docs/sweep.md, Cost.) */
  rc = exec(st, "PRAGMA journal_mode=DELETE", d);
  if (!rc) rc = exec(st, "PRAGMA synchronous=NORMAL", d);
  if (!rc && !tables) rc = create(st, m, d);
  if (!rc && tables) {
    char runs[32];
    snprintf(runs, sizeof runs, "%zu", m->runs);
    rc = put_meta(st, "runs", runs, d);
  }
  if (!rc) rc = prepare(st, "INSERT OR REPLACE INTO run VALUES(?, ?, ?, ?, ?, ?, ?, ?)", &st->run, d);
  if (!rc)
    rc = prepare(st, "INSERT OR REPLACE INTO run_issue VALUES(?, ?, ?, ?, ?)", &st->issue, d);
  if (!rc)
    rc = prepare(st, "INSERT OR REPLACE INTO run_member VALUES(?, ?, ?)", &st->member, d);
  if (!rc)
    rc = prepare(st, "INSERT OR REPLACE INTO run_member_issue VALUES(?, ?, ?, ?, ?, ?, ?)", &st->cell, d);
done:
  if (rc) concert_i_store_close(st);
  else *out = st;
  return rc;
}

static double column_double(sqlite3_stmt *s, int c) {
  return sqlite3_column_type(s, c) == SQLITE_NULL ? NAN : sqlite3_column_double(s, c);
}

/* A cursor over one child table, ordered by run: its current row and that row's run. */
typedef struct cursor {
  sqlite3_stmt *s;
  int step;        /* SQLITE_ROW while a row is current */
  sqlite3_int64 run;
} cursor;

static void next_row(cursor *c) {
  c->step = sqlite3_step(c->s);
  c->run = c->step == SQLITE_ROW ? sqlite3_column_int64(c->s, 0) : INT64_MAX;
}

concert_status concert_i_store_each(concert_i_store *st, concert_i_store_runs *v,
                                    concert_i_store_fn fn, void *user, size_t *n,
                                    concert_diag *d) {
  *n = 0;
  static const char *const q[4] = {
      ("SELECT run, fate, no_communique, missing_statements, no_unified_stance, trade, agenda, "
       "role FROM run ORDER BY run"),
      "SELECT run, issue, kind, text, text_kind FROM run_issue ORDER BY run, issue",
      "SELECT run, member, net_gain FROM run_member ORDER BY run, member",
      "SELECT run, issue, member, signed, blocked, text_signed, text_blocked FROM run_member_issue "
      "ORDER BY run, issue, member"};
  cursor c[4] = {{0}};
  concert_status rc = CONCERT_OK;
  size_t ni = v->ni, nm = v->nm;
  for (int t = 0; !rc && t < 4; t++) {
    rc = prepare(st, q[t], &c[t].s, d);
    if (!rc) next_row(&c[t]);
  }
  /* the runs in order; each child cursor skips the rows of runs before it (runs not stored
   * whole) and takes the rows of this one */
  for (; !rc && c[0].step == SQLITE_ROW; next_row(&c[0])) {
    sqlite3_int64 r = c[0].run;
    if (r < 0) continue;
    if ((uint64_t)r >= v->runs) break;
    size_t ru = (size_t)r, sl = ru % v->window;
    const char *fate = (const char *)sqlite3_column_text(c[0].s, 1);
    int f = -1;
    for (int k = 0; fate && k < 5; k++)
      if (!strcmp(fate, concert_document_fate_name((concert_document_fate)k))) f = k;
    if (f < 0) {
      rc = CONCERT_FAIL(d, CONCERT_ERR_INVALID, "database '%s': run %zu has no known fate",
                        st->path, ru);
      break;
    }
    v->fate[sl] = (unsigned char)f;
    for (int k = 0; k < CONCERT_RIFT_N; k++)
      v->rift[sl * 6 + (size_t)k] = column_double(c[0].s, 2 + k);
    memset(v->kind + sl * ni, 0, ni);
    memset(v->flags + sl * ni * nm, 0, ni * nm);
    for (size_t i = 0; i < ni; i++) v->text[sl * ni + i] = NAN;
    for (size_t m = 0; m < nm; m++) v->gain[sl * nm + m] = 0;
    for (int t = 1; t < 4; t++) {
      for (; c[t].step == SQLITE_ROW && c[t].run <= r; next_row(&c[t])) {
        if (c[t].run < r) continue;
        sqlite3_int64 i = sqlite3_column_int64(c[t].s, 1);
        if (t == 1 && i >= 0 && (uint64_t)i < ni) {
          const char *kind = (const char *)sqlite3_column_text(c[t].s, 2);
          const char *tkind = (const char *)sqlite3_column_text(c[t].s, 4);
          int k = 0, tk = 0;
          for (int j = 0; j < 3; j++) {
            if (kind && !strcmp(kind, kinds[j])) k = j;
            if (tkind && !strcmp(tkind, kinds[j])) tk = j;
          }
          v->kind[sl * ni + (size_t)i] = (unsigned char)(k | tk << 2);
          v->text[sl * ni + (size_t)i] = k ? column_double(c[t].s, 3) : NAN;
        } else if (t == 2 && i >= 0 && (uint64_t)i < nm) {
          v->gain[sl * nm + (size_t)i] = column_double(c[t].s, 2);
        } else if (t == 3) {
          sqlite3_int64 m = sqlite3_column_int64(c[t].s, 2);
          if (i >= 0 && (uint64_t)i < ni && m >= 0 && (uint64_t)m < nm)
            v->flags[(sl * ni + (size_t)i) * nm + (size_t)m] =
                (unsigned char)((sqlite3_column_int(c[t].s, 3) ? 1 : 0) |
                                (sqlite3_column_int(c[t].s, 4) ? 2 : 0) |
                                (sqlite3_column_int(c[t].s, 5) ? 4 : 0) |
                                (sqlite3_column_int(c[t].s, 6) ? 8 : 0));
        }
      }
      if (c[t].step != SQLITE_ROW && c[t].step != SQLITE_DONE) {
        rc = fail(st, d, "reading the stored runs");
        break;
      }
    }
    if (rc) break;
    v->have[ru >> 3] |= (unsigned char)(1u << (ru & 7));
    (*n)++;
    rc = fn(ru, v, user, d);
  }
  for (int t = 0; !rc && t < 4; t++)
    if (c[t].step != SQLITE_ROW && c[t].step != SQLITE_DONE) rc = fail(st, d, "reading the stored runs");
  for (int t = 0; t < 4; t++) sqlite3_finalize(c[t].s);
  return rc;
}

/* Binds and steps one insert; nonzero on failure. */
static int step_reset(sqlite3_stmt *s) {
  return sqlite3_step(s) != SQLITE_DONE || sqlite3_reset(s) != SQLITE_OK;
}

static int bind_real(sqlite3_stmt *s, int c, double x) {
  return (isnan(x) ? sqlite3_bind_null(s, c) : sqlite3_bind_double(s, c, x)) != SQLITE_OK;
}

concert_status concert_i_store_write(concert_i_store *st, const concert_i_store_runs *v,
                                     size_t from, size_t to, concert_diag *d) {
  concert_status rc = exec(st, "BEGIN", d);
  if (rc) return rc;
  size_t ni = v->ni, nm = v->nm;
  int bad = 0;
  for (size_t r = from; !bad && r < to; r++) {
    if (concert_i_store_has(v, r)) continue;
    sqlite3_int64 ri = (sqlite3_int64)r;
    size_t sl = r % v->window;
    bad |= sqlite3_bind_int64(st->run, 1, ri) != SQLITE_OK;
    bad |= sqlite3_bind_text(st->run, 2, concert_document_fate_name(v->fate[sl]), -1,
                             SQLITE_STATIC) != SQLITE_OK;
    for (int c = 0; c < CONCERT_RIFT_N; c++) bad |= bind_real(st->run, 3 + c, v->rift[sl * 6 + (size_t)c]);
    bad |= step_reset(st->run);
    for (size_t i = 0; !bad && i < ni; i++) {
      unsigned k = v->kind[sl * ni + i] & 3, tk = (v->kind[sl * ni + i] >> 2) & 3;
      bad |= sqlite3_bind_int64(st->issue, 1, ri) != SQLITE_OK;
      bad |= sqlite3_bind_int64(st->issue, 2, (sqlite3_int64)i) != SQLITE_OK;
      bad |= sqlite3_bind_text(st->issue, 3, kinds[k < 3 ? k : 0], -1, SQLITE_STATIC) != SQLITE_OK;
      bad |= bind_real(st->issue, 4, v->text[sl * ni + i]);
      bad |= sqlite3_bind_text(st->issue, 5, kinds[tk < 3 ? tk : 0], -1, SQLITE_STATIC) != SQLITE_OK;
      bad |= step_reset(st->issue);
      for (size_t m = 0; !bad && m < nm; m++) {
        unsigned char fl = v->flags[(sl * ni + i) * nm + m];
        bad |= sqlite3_bind_int64(st->cell, 1, ri) != SQLITE_OK;
        bad |= sqlite3_bind_int64(st->cell, 2, (sqlite3_int64)i) != SQLITE_OK;
        bad |= sqlite3_bind_int64(st->cell, 3, (sqlite3_int64)m) != SQLITE_OK;
        bad |= sqlite3_bind_int(st->cell, 4, fl & 1) != SQLITE_OK;
        bad |= sqlite3_bind_int(st->cell, 5, (fl >> 1) & 1) != SQLITE_OK;
        bad |= sqlite3_bind_int(st->cell, 6, (fl >> 2) & 1) != SQLITE_OK;
        bad |= sqlite3_bind_int(st->cell, 7, (fl >> 3) & 1) != SQLITE_OK;
        bad |= step_reset(st->cell);
      }
    }
    for (size_t m = 0; !bad && m < nm; m++) {
      bad |= sqlite3_bind_int64(st->member, 1, ri) != SQLITE_OK;
      bad |= sqlite3_bind_int64(st->member, 2, (sqlite3_int64)m) != SQLITE_OK;
      bad |= bind_real(st->member, 3, v->gain[sl * nm + m]);
      bad |= step_reset(st->member);
    }
  }
  if (bad) {
    rc = fail(st, d, "writing runs");
    sqlite3_reset(st->run), sqlite3_reset(st->issue), sqlite3_reset(st->member),
        sqlite3_reset(st->cell);
    sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
    return rc;
  }
  return exec(st, "COMMIT", d);
}

void concert_i_store_close(concert_i_store *st) {
  if (!st) return;
  sqlite3_finalize(st->run), sqlite3_finalize(st->issue), sqlite3_finalize(st->member),
      sqlite3_finalize(st->cell);
  sqlite3_close(st->db);
  free(st->path);
  free(st);
}
