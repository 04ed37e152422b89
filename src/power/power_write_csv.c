/* power_write_csv.c: a game's voting power as tidy long CSV (docs/csv.md): player,name,
 * quantity,value with the rows weight, banzhaf, swings (exact, decimal), shapley and veto
 * (1 or 0) per player. */
#include <concert/power.h>
#include <stdlib.h>

#include "io/csv_out.h"
#include "status/diag.h"

static void lead(concert_csv_out *c, const concert_game *g, size_t i, const char *quantity) {
  concert_i_csv_text(c, concert_game_player_id(g, i));
  concert_i_csv_text(c, concert_game_player_name(g, i));
  concert_i_csv_text(c, quantity);
}

concert_status concert_power_write_csv(const concert_game *g, unsigned indices, FILE *out,
                                       concert_diag *diag) {
  if (!g || !out) return CONCERT_FAIL(diag, CONCERT_ERR_ARGUMENT, "NULL argument");
  bool bz = indices & CONCERT_POWER_JSON_BANZHAF, ss = indices & CONCERT_POWER_JSON_SHAPLEY;
  if (!bz && !ss)
    return CONCERT_FAIL(diag, CONCERT_ERR_ARGUMENT, "indices must include Banzhaf or Shapley");
  size_t n = concert_game_players(g);
  double *b = calloc(n + 1, sizeof *b), *s = calloc(n + 1, sizeof *s);
  char **sw = calloc(n + 1, sizeof *sw);
  bool *veto = calloc(n + 1, sizeof *veto);
  concert_status st =
      b && s && sw && veto ? CONCERT_OK : CONCERT_FAIL(diag, CONCERT_ERR_NOMEM, "out of memory");
  if (!st && bz) st = concert_power_banzhaf_all(g, b, sw, NULL, diag);
  if (!st && ss) st = concert_power_shapley(g, s, diag);
  if (!st) st = concert_power_vetoes(g, veto, NULL, diag);
  if (!st) {
    static const char *const header[] = {"player", "name", "quantity", "value", NULL};
    concert_csv_out c;
    concert_i_csv_init(&c, out);
    concert_i_csv_row(&c, header);
    for (size_t i = 0; i < n; i++) {
      if (concert_game_weight_count(g)) {
        lead(&c, g, i, "weight");
        concert_i_csv_int(&c, (long long)concert_game_weight(g, 0, i));
        concert_i_csv_end(&c);
      }
      if (bz) {
        lead(&c, g, i, "banzhaf");
        concert_i_csv_num(&c, b[i]);
        concert_i_csv_end(&c);
        lead(&c, g, i, "swings");
        concert_i_csv_text(&c, sw[i]);
        concert_i_csv_end(&c);
      }
      if (ss) {
        lead(&c, g, i, "shapley");
        concert_i_csv_num(&c, s[i]);
        concert_i_csv_end(&c);
      }
      lead(&c, g, i, "veto");
      concert_i_csv_int(&c, veto[i]);
      concert_i_csv_end(&c);
    }
    st = concert_i_csv_finish(&c, diag);
  }
  for (size_t i = 0; sw && i < n; i++) free(sw[i]);
  free(sw), free(b), free(s), free(veto);
  return st;
}
