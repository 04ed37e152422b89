/* cmd_power.c: `concert power`: voting power (Banzhaf, Shapley-Shubik, swings, vetoes) of a
 * built-in game, a game from CSV tables, or weights and a quota given on the command line. */
#include <stdlib.h>
#include <string.h>

#include "power_game.h"

/* A big decimal count for a table: itself up to 15 digits, else d.dddde+NN. */
static void short_count(const char *dec, char *buf, size_t size) {
  size_t len = strlen(dec);
  if (len <= 15)
    snprintf(buf, size, "%s", dec);
  else
    snprintf(buf, size, "%c.%.4se+%zu", dec[0], dec + 1, len - 1);
}

static int usage_error(const char *msg) { return cli_usage("power", "%s", msg); }

static const cli_opt o_forum = {"forum", 'f', "ID", "the forum of --scenario (default: the first)",
                                false};
static const cli_opt o_members = {"members", 0, "M",
                                  "a member quota of --weights: at least M players", false};
static const cli_opt o_index = {"index", 0, "WHICH", "banzhaf, shapley or both (default)", false};
static const cli_opt *const opts[] = {POWER_GAME_OPTS, &o_forum,    &o_members, &o_index,
                                      &cli_o_format,   &cli_o_data, NULL};
const cli_spec concert_cli_power_spec = {
    "power",
    "",
    0,
    0,
    "text|json|csv",
    opts,
    "Give exactly one game: --scenario, --game, --csv or --weights. Prints each player's\n"
    "weight, normalized Banzhaf index, swing count, Shapley-Shubik index and veto flag\n"
    "(docs/power.md). csv: one row per player and measure (docs/csv.md)."};

typedef struct power_args {
  power_game_opts game;
  const char *index;
} power_args;

static int take(void *ctx, const cli_opt *o, const char *arg) {
  power_args *a = ctx;
  if (power_game_take(&a->game, o, arg)) return 0;
  if (o == &o_forum)
    a->game.forum = arg;
  else if (o == &o_members)
    a->game.members = arg;
  else if (o == &o_index)
    a->index = arg;
  else if (o == &cli_o_data)
    a->game.data = arg;
  return 0;
}

int concert_cli_power(int argc, char **argv) {
  power_args a = {{0}, "both"};
  int format;
  size_t npos;
  int prc = cli_parse(&concert_cli_power_spec, argc, argv, take, &a, NULL, &npos, &format);
  if (prc >= 0) return prc;
  int urc = power_game_check(&a.game, "power");
  if (urc) return urc;
  const char *index = a.index;
  bool want_bz = strcmp(index, "banzhaf") == 0 || strcmp(index, "both") == 0;
  bool want_ss = strcmp(index, "shapley") == 0 || strcmp(index, "both") == 0;
  if (!want_bz && !want_ss) return usage_error("--index must be banzhaf, shapley or both");
  bool json = format == 1;

  concert_game *g = NULL;
  concert_diag d = {0};
  concert_status st = CONCERT_OK;
  const char *scen_note = NULL;
  int brc = power_game_build(&a.game, "power", &g, &scen_note);
  if (brc) return brc;
  char scen_text[1024] = "";
  if (a.game.scenario)
    snprintf(scen_text, sizeof scen_text, "%s (%s)", concert_game_title(g), a.game.scenario);

  if (scen_note) fprintf(stderr, "concert power: note: %s\n", scen_note);
  if (format == 2) {
    unsigned which =
        (want_bz ? CONCERT_POWER_JSON_BANZHAF : 0u) | (want_ss ? CONCERT_POWER_JSON_SHAPLEY : 0u);
    st = concert_power_write_csv(g, which, stdout, &d);
    concert_game_free(g);
    return st ? concert_cli_report("power", st, &d) : 0;
  }
  if (json) {
    char *text = NULL;
    unsigned which =
        (want_bz ? CONCERT_POWER_JSON_BANZHAF : 0u) | (want_ss ? CONCERT_POWER_JSON_SHAPLEY : 0u);
    st = concert_power_to_json(g, which, &text, &d);
    int rc = st ? concert_cli_report("power", st, &d) : 0;
    if (!st) puts(text);
    free(text);
    concert_game_free(g);
    return rc;
  }
  size_t n = concert_game_players(g);
  double *bz = calloc(n, sizeof *bz), *ss = calloc(n, sizeof *ss);
  bool *veto = calloc(n, sizeof *veto);
  char **sw = calloc(n, sizeof *sw);
  char *win = NULL;
  size_t nveto = 0;
  if (!bz || !ss || !veto || !sw) st = CONCERT_ERR_NOMEM;
  /* one pass of the swing engine gives the Banzhaf index, the swings and the winning count */
  if (!st && want_bz) st = concert_power_banzhaf_all(g, bz, sw, &win, &d);
  if (!st && want_ss) st = concert_power_shapley(g, ss, &d);
  if (!st) st = concert_power_vetoes(g, veto, &nveto, &d);
  if (!st && !want_bz) st = concert_power_winning_text(g, &win, &d);
  int rc = 0;
  if (st) {
    rc = concert_cli_report("power", st, &d);
  } else {
    size_t k = concert_game_weight_count(g), mn = concert_game_min_members(g),
           aw = concert_game_always_win(g);
    int64_t tot = 0;
    for (size_t i = 0; i < n; i++) tot += concert_game_weight(g, 0, i);
    printf("game: %s\n", *scen_text ? scen_text : concert_game_title(g));
    printf("players: %zu", n);
    if (k) printf("  quota: %lld of %lld", (long long)concert_game_quota(g, 0), (long long)tot);
    if (mn) printf("  member quota: %zu", mn);
    if (aw) printf("  any %zu members win", aw);
    printf("\nwinning coalitions: %s  veto players: %zu\n\n", win, nveto);
    printf("%-8s %-20s %12s", "id", "name", "weight");
    if (want_bz) printf(" %10s %15s", "banzhaf", "swings");
    if (want_ss) printf(" %10s", "shapley");
    printf(" %4s\n", "veto");
    for (size_t i = 0; i < n; i++) {
      printf("%-8s %-20.20s %12lld", concert_game_player_id(g, i), concert_game_player_name(g, i),
             (long long)concert_game_weight(g, 0, i));
      if (want_bz) {
        char buf[32];
        short_count(sw[i], buf, sizeof buf);
        printf(" %10.6f %15s", bz[i], buf);
      }
      if (want_ss) printf(" %10.6f", ss[i]);
      printf(" %4s\n", veto[i] ? "yes" : "no");
    }
  }
  for (size_t i = 0; sw && i < n; i++) free(sw[i]);
  free(sw);
  free(bz);
  free(ss);
  free(veto);
  free(win);
  concert_game_free(g);
  return rc;
}
