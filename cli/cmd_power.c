/* cmd_power.c: `concert power`: voting power (Banzhaf, Shapley-Shubik, swings, vetoes) of a
 * built-in game, a game from CSV tables, or weights and a quota given on the command line. */
#include <getopt.h>
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

static int usage_error(const char *msg) {
  fprintf(stderr, "concert power: %s\nRun 'concert power --help' for the options.\n", msg);
  return 2;
}

int concert_cli_power(int argc, char **argv) {
  static const struct option opts[] = {
      {"game", required_argument, NULL, 'g'},    {"csv", required_argument, NULL, 'c'},
      {"games-csv", required_argument, NULL, 'G'}, {"game-id", required_argument, NULL, 'i'},
      {"weights", required_argument, NULL, 'w'}, {"quota", required_argument, NULL, 'q'},
      {"ids", required_argument, NULL, 'I'},     {"members", required_argument, NULL, 'm'},
      {"always-win", required_argument, NULL, 'a'}, {"index", required_argument, NULL, 'x'},
      {"format", required_argument, NULL, 'f'},  {"data", required_argument, NULL, 'd'},
      {"scenario", required_argument, NULL, 's'}, {"forum", required_argument, NULL, 'F'},
      {NULL, 0, NULL, 0}};
  power_game_opts go = {0};
  const char *index = "both", *format = "text";
  optind = 1;
  opterr = 0;
  int c;
  while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
    switch (c) {
    case 'g': go.game = optarg; break;
    case 'c': go.csv = optarg; break;
    case 'G': go.games_csv = optarg; break;
    case 'i': go.game_id = optarg; break;
    case 'w': go.weights = optarg; break;
    case 'q': go.quota = optarg; break;
    case 'I': go.ids = optarg; break;
    case 'm': go.members = optarg; break;
    case 'a': go.always = optarg; break;
    case 'x': index = optarg; break;
    case 'f': format = optarg; break;
    case 'd': go.data = optarg; break;
    case 's': go.scenario = optarg; break;
    case 'F': go.forum = optarg; break;
    default: {
      char msg[256];
      snprintf(msg, sizeof msg, "unknown or incomplete option '%s'", argv[optind - 1]);
      return usage_error(msg);
    }
    }
  }
  if (optind < argc) return usage_error("unexpected argument");
  int urc = power_game_check(&go, "power");
  if (urc) return urc;
  bool want_bz = strcmp(index, "banzhaf") == 0 || strcmp(index, "both") == 0;
  bool want_ss = strcmp(index, "shapley") == 0 || strcmp(index, "both") == 0;
  if (!want_bz && !want_ss) return usage_error("--index must be banzhaf, shapley or both");
  bool json = strcmp(format, "json") == 0;
  if (!json && strcmp(format, "text") != 0) return usage_error("--format must be text or json");

  concert_game *g = NULL;
  concert_diag d = {0};
  int brc = power_game_build(&go, "power", &g);
  if (brc) return brc;
  concert_status st = CONCERT_OK;

  if (json) {
    char *text = NULL;
    unsigned which = (want_bz ? CONCERT_POWER_JSON_BANZHAF : 0u) |
                     (want_ss ? CONCERT_POWER_JSON_SHAPLEY : 0u);
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
    printf("game: %s\n", concert_game_title(g));
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
      printf("%-8s %-20.20s %12lld", concert_game_player_id(g, i),
             concert_game_player_name(g, i), (long long)concert_game_weight(g, 0, i));
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
