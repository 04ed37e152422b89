/* power_json.c: a voting game and its power indices (Banzhaf with swing counts,
 * Shapley-Shubik, vetoes, winning coalitions) as JSON (schema concert-power/1,
 * docs/json-schema.md), via jansson. */
#include <concert/power.h>
#include <jansson.h>
#include <stdlib.h>

#include "io/json_out.h"
#include "status/diag.h"

/* The document from the computed indices; NULL values where an index was not asked for. */
static json_t *document(const concert_game *g, const double *bz, char *const *sw, const double *ss,
                        const bool *veto, size_t nveto, const char *win, int *bad) {
  size_t n = concert_game_players(g);
  json_t *root = json_object();
  concert_i_json_set(root, "schema", json_string("concert-power/1"), bad);
  concert_i_json_set(root, "game", json_string(concert_game_title(g)), bad);
  concert_i_json_set(root, "players", json_integer((json_int_t)n), bad);
  if (concert_game_weight_count(g)) { /* the first weight vector's quota and total */
    json_int_t tot = 0;
    for (size_t i = 0; i < n; i++) tot += concert_game_weight(g, 0, i);
    concert_i_json_set(root, "quota", json_integer(concert_game_quota(g, 0)), bad);
    concert_i_json_set(root, "total_weight", json_integer(tot), bad);
  }
  concert_i_json_set(root, "min_members", json_integer((json_int_t)concert_game_min_members(g)),
                     bad);
  concert_i_json_set(root, "always_win_members",
                     json_integer((json_int_t)concert_game_always_win(g)), bad);
  concert_i_json_set(root, "winning_coalitions", json_string(win), bad);
  concert_i_json_set(root, "vetoes", json_integer((json_int_t)nveto), bad);
  json_t *rows = json_array();
  for (size_t i = 0; i < n; i++) {
    json_t *x = json_object();
    concert_i_json_set(x, "id", json_string(concert_game_player_id(g, i)), bad);
    concert_i_json_set(x, "name", json_string(concert_game_player_name(g, i)), bad);
    concert_i_json_set(x, "weight", json_integer(concert_game_weight(g, 0, i)), bad);
    if (bz) {
      concert_i_json_set(x, "banzhaf", json_real(bz[i]), bad);
      concert_i_json_set(x, "swings", json_string(sw[i]), bad);
    }
    if (ss) concert_i_json_set(x, "shapley", json_real(ss[i]), bad);
    concert_i_json_set(x, "veto", json_boolean(veto[i]), bad);
    concert_i_json_push(rows, x, bad);
  }
  concert_i_json_set(root, "rows", rows, bad);
  return root;
}

concert_status concert_power_to_json(const concert_game *g, unsigned indices, char **out,
                                     concert_diag *d) {
  if (out) *out = NULL;
  if (!g || !out) return CONCERT_FAIL(d, CONCERT_ERR_ARGUMENT, "NULL argument");
  bool want_bz = indices & CONCERT_POWER_JSON_BANZHAF;
  bool want_ss = indices & CONCERT_POWER_JSON_SHAPLEY;
  if (!want_bz && !want_ss)
    return CONCERT_FAIL(d, CONCERT_ERR_ARGUMENT, "indices must include Banzhaf or Shapley");
  size_t n = concert_game_players(g), nveto = 0;
  double *bz = calloc(n, sizeof *bz), *ss = calloc(n, sizeof *ss);
  bool *veto = calloc(n, sizeof *veto);
  char **sw = calloc(n, sizeof *sw);
  char *win = NULL;
  concert_status st = CONCERT_OK;
  if (!bz || !ss || !veto || !sw) st = CONCERT_FAIL(d, CONCERT_ERR_NOMEM, "out of memory");
  /* one pass of the swing engine gives the Banzhaf index, the swings and the winning count */
  if (!st && want_bz) st = concert_power_banzhaf_all(g, bz, sw, &win, d);
  if (!st && want_ss) st = concert_power_shapley(g, ss, d);
  if (!st) st = concert_power_vetoes(g, veto, &nveto, d);
  if (!st && !want_bz) st = concert_power_winning_text(g, &win, d);
  if (!st) {
    int bad = 0;
    json_t *root =
        document(g, want_bz ? bz : NULL, sw, want_ss ? ss : NULL, veto, nveto, win, &bad);
    st = concert_i_json_finish(root, bad, 15, out, d,
                               "cannot write the game as JSON: a name is not valid UTF-8, or "
                               "memory ran out");
  }
  for (size_t i = 0; sw && i < n; i++) free(sw[i]);
  free(sw);
  free(bz);
  free(ss);
  free(veto);
  free(win);
  return st;
}
