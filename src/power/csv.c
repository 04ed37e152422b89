/* power/csv.c: loading a voting game from the two CSV tables of data/power
 * (power_games.csv: one row per game; power_game_players.csv: one row per player).
 * Parsing uses libcsv in strict mode; every refusal names file, line, field number and
 * field name. */
#include <csv.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "power/power_i.h"
#include "status/diag.h"

/* A parsed CSV file: rows of fields, with the line each row starts on. */
typedef struct table {
  char ***rows;   /* rows[r][f]: field text (owned) */
  size_t *nf;     /* number of fields of each row */
  int *line;      /* 1-based line where each row starts */
  size_t nrows;   /* number of rows (the header included) */
  size_t cap;     /* allocated rows */
  char **cur;     /* fields of the row being read */
  size_t curn;    /* their number */
  size_t curcap;  /* allocated fields */
  int at_line;    /* line the current row started on */
  int next_line;  /* line the next row starts on */
  bool nomem;     /* an allocation failed */
} table;

static void on_field(void *s, size_t len, void *data) {
  table *t = data;
  if (t->nomem) return;
  if (t->curn == t->curcap) {
    size_t nc = t->curcap ? 2 * t->curcap : 16;
    char **c = realloc(t->cur, nc * sizeof *c);
    if (!c) {
      t->nomem = true;
      return;
    }
    t->cur = c;
    t->curcap = nc;
  }
  char *f = malloc(len + 1);
  if (!f) {
    t->nomem = true;
    return;
  }
  if (len) memcpy(f, s, len);
  f[len] = '\0';
  for (size_t i = 0; i < len; i++) t->next_line += f[i] == '\n';
  t->cur[t->curn++] = f;
}

static void on_row(int c, void *data) {
  table *t = data;
  t->next_line++;
  if (t->nomem) return;
  if (t->nrows == t->cap) {
    size_t nc = t->cap ? 2 * t->cap : 64;
    char ***r = realloc(t->rows, nc * sizeof *r);
    size_t *nf = realloc(t->nf, nc * sizeof *nf);
    if (r) t->rows = r;
    if (nf) t->nf = nf;
    int *ln = realloc(t->line, nc * sizeof *ln);
    if (ln) t->line = ln;
    if (!r || !nf || !ln) {
      t->nomem = true;
      return;
    }
    t->cap = nc;
  }
  t->rows[t->nrows] = t->cur;
  t->nf[t->nrows] = t->curn;
  t->line[t->nrows] = t->at_line;
  t->nrows++;
  t->cur = NULL;
  t->curn = t->curcap = 0;
  t->at_line = t->next_line;
}

static void table_free(table *t) {
  for (size_t r = 0; r < t->nrows; r++) {
    for (size_t f = 0; f < t->nf[r]; f++) free(t->rows[r][f]);
    free(t->rows[r]);
  }
  for (size_t f = 0; f < t->curn; f++) free(t->cur[f]);
  free(t->cur);
  free(t->rows);
  free(t->nf);
  free(t->line);
}

static concert_status table_read(const char *file, table *t, concert_diag *d) {
  memset(t, 0, sizeof *t);
  t->at_line = t->next_line = 1;
  FILE *fp = fopen(file, "rb");
  if (!fp)
    return concert_i_fail(d, CONCERT_ERR_IO, file, 0, 0, NULL, "cannot open: %s",
                          strerror(errno));
  struct csv_parser p;
  if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) {
    fclose(fp);
    return CONCERT_FAIL(d, CONCERT_ERR_NOMEM, "out of memory");
  }
  char buf[65536];
  size_t got;
  concert_status st = CONCERT_OK;
  while (!st && (got = fread(buf, 1, sizeof buf, fp)) > 0) {
    if (csv_parse(&p, buf, got, on_field, on_row, t) != got)
      st = concert_i_fail(d, CONCERT_ERR_SYNTAX, file, t->next_line, (int)t->curn + 1, NULL,
                          "malformed CSV: %s", csv_strerror(csv_error(&p)));
  }
  if (!st && ferror(fp)) st = concert_i_fail(d, CONCERT_ERR_IO, file, 0, 0, NULL, "read error");
  if (!st && csv_fini(&p, on_field, on_row, t) != 0)
    st = concert_i_fail(d, CONCERT_ERR_SYNTAX, file, t->at_line, (int)t->curn + 1, NULL,
                        "malformed CSV: %s", csv_strerror(csv_error(&p)));
  csv_free(&p);
  fclose(fp);
  if (!st && t->nomem) st = CONCERT_FAIL(d, CONCERT_ERR_NOMEM, "out of memory");
  if (!st && t->nrows == 0)
    st = concert_i_fail(d, CONCERT_ERR_EMPTY, file, 1, 0, NULL, "empty file, no header");
  if (st) table_free(t);
  return st;
}

/* Column index of name in the header, or -1. */
static int column(const table *t, const char *name) {
  for (size_t f = 0; f < t->nf[0]; f++)
    if (strcmp(t->rows[0][f], name) == 0) return (int)f;
  return -1;
}

static concert_status need_columns(const table *t, const char *file, const char *const *names,
                                   int *cols, size_t n, concert_diag *d) {
  for (size_t i = 0; i < n; i++) {
    cols[i] = column(t, names[i]);
    if (cols[i] < 0)
      return concert_i_fail(d, CONCERT_ERR_MISSING, file, 1, 0, names[i],
                            "the header has no column '%s'", names[i]);
  }
  return CONCERT_OK;
}

/* Parses a whole field as an integer in [lo, hi]. */
static concert_status parse_int(const table *t, size_t r, int col, const char *file,
                                const char *field, int64_t lo, int64_t hi, int64_t *out,
                                concert_diag *d) {
  if ((size_t)col >= t->nf[r])
    return concert_i_fail(d, CONCERT_ERR_SYNTAX, file, t->line[r], col + 1, field,
                          "the row has %zu fields, fewer than the header", t->nf[r]);
  const char *s = t->rows[r][col];
  char *end;
  errno = 0;
  long long v = strtoll(s, &end, 10);
  if (!*s || *end || errno == ERANGE || end == s)
    return concert_i_fail(d, CONCERT_ERR_TYPE, file, t->line[r], col + 1, field,
                          "'%s' is not an integer", s);
  if (v < lo || v > hi)
    return concert_i_fail(d, CONCERT_ERR_RANGE, file, t->line[r], col + 1, field,
                          "%lld is outside [%lld, %lld]", v, (long long)lo, (long long)hi);
  *out = v;
  return CONCERT_OK;
}

static const char *cell(const table *t, size_t r, int col) {
  return col >= 0 && (size_t)col < t->nf[r] ? t->rows[r][col] : "";
}

concert_status concert_game_load_csv(concert_game **out, const char *games_csv,
                                     const char *players_csv, const char *game_id,
                                     concert_diag *diag) {
  if (!out || !games_csv || !players_csv || !game_id)
    return CONCERT_FAIL(diag, CONCERT_ERR_ARGUMENT, "NULL argument");
  *out = NULL;
  table G, P;
  concert_status st = table_read(games_csv, &G, diag);
  if (st) return st;
  st = table_read(players_csv, &P, diag);
  if (st) {
    table_free(&G);
    return st;
  }
  int64_t *w = NULL;
  const char **ids = NULL, **names = NULL;
  static const char *const gcols_names[] = {"game_id", "n_players", "weight_quota",
                                            "weight_total", "count_quota", "clause"};
  static const char *const pcols_names[] = {"game_id", "order", "player_id", "weight"};
  int gc[6], pc[4];
  st = need_columns(&G, games_csv, gcols_names, gc, 6, diag);
  if (!st) st = need_columns(&P, players_csv, pcols_names, pc, 4, diag);
  if (st) goto done;
  int pname = column(&P, "name"), gbody = column(&G, "body");
  /* the game's row */
  size_t gr = 0;
  for (size_t r = 1; r < G.nrows; r++) {
    if (G.nf[r] != G.nf[0]) {
      st = concert_i_fail(diag, CONCERT_ERR_SYNTAX, games_csv, G.line[r],
                          (int)(G.nf[r] < G.nf[0] ? G.nf[r] : G.nf[0]) + 1, NULL,
                          "row has %zu fields, the header %zu", G.nf[r], G.nf[0]);
      goto done;
    }
    if (strcmp(G.rows[r][gc[0]], game_id) != 0) continue;
    if (gr) {
      st = concert_i_fail(diag, CONCERT_ERR_DUPLICATE_ID, games_csv, G.line[r], gc[0] + 1,
                          "game_id", "game '%s' appears twice (also on line %d)", game_id,
                          G.line[gr]);
      goto done;
    }
    gr = r;
  }
  if (!gr) {
    st = concert_i_fail(diag, CONCERT_ERR_NOT_FOUND, games_csv, 0, 0, "game_id",
                        "no game '%s'", game_id);
    goto done;
  }
  int64_t np, quota, total, cq = 0;
  st = parse_int(&G, gr, gc[1], games_csv, "n_players", 1, CONCERT_GAME_MAX_PLAYERS, &np, diag);
  if (!st)
    st = parse_int(&G, gr, gc[2], games_csv, "weight_quota", 1, CONCERT_GAME_MAX_TOTAL, &quota,
                   diag);
  if (!st)
    st = parse_int(&G, gr, gc[3], games_csv, "weight_total", 1, CONCERT_GAME_MAX_TOTAL, &total,
                   diag);
  if (!st && cell(&G, gr, gc[4])[0])
    st = parse_int(&G, gr, gc[4], games_csv, "count_quota", 0, np, &cq, diag);
  if (st) goto done;
  size_t aw = 0;
  const char *clause = cell(&G, gr, gc[5]);
  if (clause[0]) {
    unsigned m = 0;
    int used = 0;
    if (sscanf(clause, "members>=%u always win%n", &m, &used) != 1 || clause[used] != '\0' ||
        m < 1 || (int64_t)m > np) {
      st = concert_i_fail(diag, CONCERT_ERR_INVALID, games_csv, G.line[gr], gc[5] + 1, "clause",
                          "unknown clause '%s' (expected empty or 'members>=M always win', "
                          "1 <= M <= %lld)",
                          clause, (long long)np);
      goto done;
    }
    aw = m;
  }
  if (quota > total) {
    st = concert_i_fail(diag, CONCERT_ERR_RANGE, games_csv, G.line[gr], gc[2] + 1,
                        "weight_quota", "quota %lld exceeds the total weight %lld",
                        (long long)quota, (long long)total);
    goto done;
  }
  /* the players, in their order */
  size_t n = (size_t)np, seen = 0;
  w = calloc(n, sizeof *w);
  ids = calloc(n, sizeof *ids);
  names = calloc(n, sizeof *names);
  if (!w || !ids || !names) {
    st = CONCERT_FAIL(diag, CONCERT_ERR_NOMEM, "out of memory");
    goto done;
  }
  int64_t sum = 0;
  int last_line = 0;
  for (size_t r = 1; r < P.nrows; r++) {
    if (P.nf[r] != P.nf[0]) {
      st = concert_i_fail(diag, CONCERT_ERR_SYNTAX, players_csv, P.line[r],
                          (int)(P.nf[r] < P.nf[0] ? P.nf[r] : P.nf[0]) + 1, NULL,
                          "row has %zu fields, the header %zu", P.nf[r], P.nf[0]);
      goto done;
    }
    if (strcmp(P.rows[r][pc[0]], game_id) != 0) continue;
    int64_t ord, wt;
    if (seen >= n) {
      st = concert_i_fail(diag, CONCERT_ERR_RANGE, players_csv, P.line[r], pc[0] + 1, "game_id",
                          "game '%s' has more than n_players = %zu players", game_id, n);
      goto done;
    }
    st = parse_int(&P, r, pc[1], players_csv, "order", 1, (int64_t)n, &ord, diag);
    if (!st && (size_t)ord != seen + 1)
      st = concert_i_fail(diag, CONCERT_ERR_INVALID, players_csv, P.line[r], pc[1] + 1, "order",
                          "order %lld where %zu was expected", (long long)ord, seen + 1);
    if (!st)
      st = parse_int(&P, r, pc[3], players_csv, "weight", 0, CONCERT_GAME_MAX_TOTAL, &wt, diag);
    if (!st && !P.rows[r][pc[2]][0])
      st = concert_i_fail(diag, CONCERT_ERR_MISSING, players_csv, P.line[r], pc[2] + 1,
                          "player_id", "empty player id");
    for (size_t j = 0; !st && j < seen; j++)
      if (strcmp(ids[j], P.rows[r][pc[2]]) == 0)
        st = concert_i_fail(diag, CONCERT_ERR_DUPLICATE_ID, players_csv, P.line[r], pc[2] + 1,
                            "player_id", "player '%s' appears twice in game '%s'", ids[j],
                            game_id);
    if (st) goto done;
    w[seen] = wt;
    ids[seen] = P.rows[r][pc[2]];
    names[seen] = cell(&P, r, pname);
    sum += wt;
    seen++;
    last_line = P.line[r];
  }
  if (seen != n) {
    st = concert_i_fail(diag, CONCERT_ERR_RANGE, players_csv, last_line, 0, "game_id",
                        "game '%s' has %zu players, n_players says %zu", game_id, seen, n);
    goto done;
  }
  if (sum != total) {
    st = concert_i_fail(diag, CONCERT_ERR_RANGE, games_csv, G.line[gr], gc[3] + 1,
                        "weight_total", "weights sum to %lld, weight_total says %lld",
                        (long long)sum, (long long)total);
    goto done;
  }
  concert_game_spec s = {.n_players = n, .n_weights = 1, .weights = w, .quotas = &quota,
                         .min_members = (size_t)cq, .always_win_members = aw, .ids = ids,
                         .names = names,
                         .title = cell(&G, gr, gbody)[0] ? cell(&G, gr, gbody) : game_id};
  st = concert_game_new(out, &s, diag);
  if (st && diag) {
    snprintf(diag->file, sizeof diag->file, "%s", games_csv);
    diag->line = G.line[gr];
  }
done:
  free(w);
  free(ids);
  free(names);
  table_free(&G);
  table_free(&P);
  return st;
}

concert_status concert_game_load_named(concert_game **out, const char *name,
                                       const char *data_dir, concert_diag *diag) {
  if (!out || !name) return CONCERT_FAIL(diag, CONCERT_ERR_ARGUMENT, "out or name is NULL");
  *out = NULL;
  for (size_t i = 0; concert_game_builtin_name(i); i++)
    if (strcmp(concert_game_builtin_name(i), name) == 0)
      return concert_game_builtin(out, name, diag);
#ifdef CONCERT_DATADIR
  if (!data_dir) data_dir = CONCERT_DATADIR "/power";
#endif
  if (!data_dir)
    return concert_i_fail(diag, CONCERT_ERR_NOT_FOUND, NULL, 0, 0, "game",
                          "no built-in game '%s' and no data folder", name);
  char g[4096], p[4096];
  int a = snprintf(g, sizeof g, "%s/power_games.csv", data_dir);
  int b = snprintf(p, sizeof p, "%s/power_game_players.csv", data_dir);
  if (a < 0 || b < 0 || (size_t)a >= sizeof g || (size_t)b >= sizeof p)
    return concert_i_fail(diag, CONCERT_ERR_TOO_LARGE, NULL, 0, 0, "data_dir",
                          "folder name too long");
  concert_status st = concert_game_load_csv(out, g, p, name, diag);
  if (st == CONCERT_ERR_NOT_FOUND || st == CONCERT_ERR_IO)
    return concert_i_fail(diag, CONCERT_ERR_NOT_FOUND, NULL, 0, 0, "game",
                          "no game '%s': not built in (unsc, eu27, eu27_noclause, eu27_rqmv) "
                          "and not an id in the power_games.csv of the data folder",
                          name);
  return st;
}
