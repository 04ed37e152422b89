/* power/csv.c: loading a voting game from the two CSV tables of data/power
 * (power_games.csv: one row per game; power_game_players.csv: one row per player).
 * Parsing uses the src/csv reader in strict mode; every refusal names file, line, field number and
 * field name. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv/csv_reader_i.h"
#include "power/power_i.h"
#include <concert/datadir.h>

#include "status/diag.h"

/* Syntax errors name the line where the row's last complete field ended (the row's first
 * line at the end of the input) and the number of the field being read. */
static concert_status syntax_error(void *user, const concert_i_csv_where *w, concert_diag *d) {
  (void)user;
  return concert_i_fail(d, CONCERT_ERR_SYNTAX, w->file,
                        (int)(w->at_end ? w->row_line : w->field_line), (int)w->fields + 1, NULL,
                        "malformed CSV: %s", w->message);
}

/* Reads a whole table (strict RFC 4180, spaces around unquoted fields trimmed; a CR alone
 * ends a row and a line, as libcsv sees it). */
static concert_status table_read(const char *file, concert_i_csv_records *t, concert_diag *d) {
  concert_i_csv_opts o = {.trim = true, .cr_newline = true, .on_error = syntax_error};
  concert_status st = concert_i_csv_collect_file(file, file, &o, t, d);
  if (!st && t->n == 0)
    st = concert_i_fail(d, CONCERT_ERR_EMPTY, file, 1, 0, NULL, "empty file, no header");
  if (st) concert_i_csv_records_free(t);
  return st;
}

/* Column index of name in the header, or -1. */
static int column(const concert_i_csv_records *t, const char *name) {
  for (size_t f = 0; f < t->rows[0].n; f++)
    if (strcmp(t->rows[0].field[f], name) == 0) return (int)f;
  return -1;
}

static concert_status need_columns(const concert_i_csv_records *t, const char *file,
                                   const char *const *names, int *cols, size_t n, concert_diag *d) {
  for (size_t i = 0; i < n; i++) {
    cols[i] = column(t, names[i]);
    if (cols[i] < 0)
      return concert_i_fail(d, CONCERT_ERR_MISSING, file, 1, 0, names[i],
                            "the header has no column '%s'", names[i]);
  }
  return CONCERT_OK;
}

/* Parses a whole field as an integer in [lo, hi]. */
static concert_status parse_int(const concert_i_csv_records *t, size_t r, int col, const char *file,
                                const char *field, int64_t lo, int64_t hi, int64_t *out,
                                concert_diag *d) {
  if ((size_t)col >= t->rows[r].n)
    return concert_i_fail(d, CONCERT_ERR_SYNTAX, file, t->rows[r].line, col + 1, field,
                          "the row has %zu fields, fewer than the header", t->rows[r].n);
  const char *s = t->rows[r].field[col];
  char *end;
  errno = 0;
  long long v = strtoll(s, &end, 10);
  if (!*s || *end || errno == ERANGE || end == s)
    return concert_i_fail(d, CONCERT_ERR_TYPE, file, t->rows[r].line, col + 1, field,
                          "'%s' is not an integer", s);
  if (v < lo || v > hi)
    return concert_i_fail(d, CONCERT_ERR_RANGE, file, t->rows[r].line, col + 1, field,
                          "%lld is outside [%lld, %lld]", v, (long long)lo, (long long)hi);
  *out = v;
  return CONCERT_OK;
}

static const char *cell(const concert_i_csv_records *t, size_t r, int col) {
  return col >= 0 && (size_t)col < t->rows[r].n ? t->rows[r].field[col] : "";
}

concert_status concert_game_load_csv(concert_game **out, const char *games_csv,
                                     const char *players_csv, const char *game_id,
                                     concert_diag *diag) {
  if (!out || !games_csv || !players_csv || !game_id)
    return CONCERT_FAIL(diag, CONCERT_ERR_ARGUMENT, "NULL argument");
  *out = NULL;
  concert_i_csv_records G, P;
  concert_status st = table_read(games_csv, &G, diag);
  if (st) return st;
  st = table_read(players_csv, &P, diag);
  if (st) {
    concert_i_csv_records_free(&G);
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
  for (size_t r = 1; r < G.n; r++) {
    if (G.rows[r].n != G.rows[0].n) {
      st = concert_i_fail(diag, CONCERT_ERR_SYNTAX, games_csv, G.rows[r].line,
                          (int)(G.rows[r].n < G.rows[0].n ? G.rows[r].n : G.rows[0].n) + 1, NULL,
                          "row has %zu fields, the header %zu", G.rows[r].n, G.rows[0].n);
      goto done;
    }
    if (strcmp(G.rows[r].field[gc[0]], game_id) != 0) continue;
    if (gr) {
      st = concert_i_fail(diag, CONCERT_ERR_DUPLICATE_ID, games_csv, G.rows[r].line, gc[0] + 1,
                          "game_id", "game '%s' appears twice (also on line %d)", game_id,
                          G.rows[gr].line);
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
    /* "members>=M always win", M read with the checked integer reader (sscanf's %u has
     * undefined behaviour on overflow) */
    static const char pre[] = "members>=", post[] = " always win";
    size_t lc = strlen(clause), lp = sizeof pre - 1, ls = sizeof post - 1;
    long m = 0;
    char num[24] = "";
    if (lc > lp + ls && lc - lp - ls < sizeof num && strncmp(clause, pre, lp) == 0 &&
        strcmp(clause + lc - ls, post) == 0) {
      memcpy(num, clause + lp, lc - lp - ls);
      num[lc - lp - ls] = '\0';
    }
    if (concert_i_csv_long(num, 1, (long)np, &m) != 0) {
      st =
          concert_i_fail(diag, CONCERT_ERR_INVALID, games_csv, G.rows[gr].line, gc[5] + 1, "clause",
                         "unknown clause '%s' (expected empty or 'members>=M always win', "
                         "1 <= M <= %lld)",
                         clause, (long long)np);
      goto done;
    }
    aw = m;
  }
  if (quota > total) {
    st = concert_i_fail(diag, CONCERT_ERR_RANGE, games_csv, G.rows[gr].line, gc[2] + 1,
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
  for (size_t r = 1; r < P.n; r++) {
    if (P.rows[r].n != P.rows[0].n) {
      st = concert_i_fail(diag, CONCERT_ERR_SYNTAX, players_csv, P.rows[r].line,
                          (int)(P.rows[r].n < P.rows[0].n ? P.rows[r].n : P.rows[0].n) + 1, NULL,
                          "row has %zu fields, the header %zu", P.rows[r].n, P.rows[0].n);
      goto done;
    }
    if (strcmp(P.rows[r].field[pc[0]], game_id) != 0) continue;
    int64_t ord, wt;
    if (seen >= n) {
      st = concert_i_fail(diag, CONCERT_ERR_RANGE, players_csv, P.rows[r].line, pc[0] + 1,
                          "game_id", "game '%s' has more than n_players = %zu players", game_id, n);
      goto done;
    }
    st = parse_int(&P, r, pc[1], players_csv, "order", 1, (int64_t)n, &ord, diag);
    if (!st && (size_t)ord != seen + 1)
      st = concert_i_fail(diag, CONCERT_ERR_INVALID, players_csv, P.rows[r].line, pc[1] + 1,
                          "order", "order %lld where %zu was expected", (long long)ord, seen + 1);
    if (!st)
      st = parse_int(&P, r, pc[3], players_csv, "weight", 0, CONCERT_GAME_MAX_TOTAL, &wt, diag);
    if (!st && !P.rows[r].field[pc[2]][0])
      st = concert_i_fail(diag, CONCERT_ERR_MISSING, players_csv, P.rows[r].line, pc[2] + 1,
                          "player_id", "empty player id");
    for (size_t j = 0; !st && j < seen; j++)
      if (strcmp(ids[j], P.rows[r].field[pc[2]]) == 0)
        st = concert_i_fail(diag, CONCERT_ERR_DUPLICATE_ID, players_csv, P.rows[r].line, pc[2] + 1,
                            "player_id", "player '%s' appears twice in game '%s'", ids[j], game_id);
    if (st) goto done;
    w[seen] = wt;
    ids[seen] = P.rows[r].field[pc[2]];
    names[seen] = cell(&P, r, pname);
    sum += wt;
    seen++;
    last_line = P.rows[r].line;
  }
  if (seen != n) {
    st = concert_i_fail(diag, CONCERT_ERR_RANGE, players_csv, last_line, 0, "game_id",
                        "game '%s' has %zu players, n_players says %zu", game_id, seen, n);
    goto done;
  }
  if (sum != total) {
    st = concert_i_fail(diag, CONCERT_ERR_RANGE, games_csv, G.rows[gr].line, gc[3] + 1,
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
    diag->line = G.rows[gr].line;
  }
done:
  free(w);
  free(ids);
  free(names);
  concert_i_csv_records_free(&G);
  concert_i_csv_records_free(&P);
  return st;
}

concert_status concert_game_load_named(concert_game **out, const char *name,
                                       const char *data_dir, concert_diag *diag) {
  if (!out || !name) return CONCERT_FAIL(diag, CONCERT_ERR_ARGUMENT, "out or name is NULL");
  *out = NULL;
  for (size_t i = 0; concert_game_builtin_name(i); i++)
    if (strcmp(concert_game_builtin_name(i), name) == 0)
      return concert_game_builtin(out, name, diag);
  char def[4096];
  if (!data_dir) {
    snprintf(def, sizeof def, "%s/power", concert_data_dir());
    data_dir = def;
  }
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
