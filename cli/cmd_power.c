/* cmd_power.c: `concert power`: voting power (Banzhaf, Shapley-Shubik, swings, vetoes) of a
 * built-in game, a game from CSV tables, or weights and a quota given on the command line. */
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

#define POWER_MAX_LIST 100000
#define POWER_MAX_INT 1e18 /* weights and quotas: below INT64_MAX, so the casts are defined */

/* Splits "a,b,c" into at most max doubles; returns the count or -1 on a bad number. */
static long parse_numbers(const char *s, double *out, size_t max, const char **bad) {
  size_t n = 0;
  const char *p = s;
  while (*p) {
    char *end;
    errno = 0;
    double v = strtod(p, &end);
    if (end == p || (*end && *end != ',') || n >= max || !isfinite(v) || errno == ERANGE) {
      *bad = p;
      return -1;
    }
    out[n++] = v;
    p = *end ? end + 1 : end;
    if (*end == ',' && !*p) {
      *bad = p;
      return -1;
    }
  }
  return (long)n;
}

/* Splits "A,B,C" in place into at most max words; returns the count. */
static size_t split_words(char *s, char **out, size_t max) {
  size_t n = 0;
  for (char *tok = strtok(s, ","); tok && n < max; tok = strtok(NULL, ",")) out[n++] = tok;
  return n;
}

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
  const char *scenario = NULL, *forum = NULL;
  const char *game = NULL, *csv = NULL, *games_csv = NULL, *game_id = NULL, *weights = NULL;
  const char *quota = NULL, *ids_arg = NULL, *index = "both", *format = "text", *data = NULL;
  const char *members = NULL, *always = NULL;
  optind = 1;
  opterr = 0;
  int c;
  while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
    switch (c) {
    case 'g': game = optarg; break;
    case 'c': csv = optarg; break;
    case 'G': games_csv = optarg; break;
    case 'i': game_id = optarg; break;
    case 'w': weights = optarg; break;
    case 'q': quota = optarg; break;
    case 'I': ids_arg = optarg; break;
    case 'm': members = optarg; break;
    case 'a': always = optarg; break;
    case 'x': index = optarg; break;
    case 'f': format = optarg; break;
    case 'd': data = optarg; break;
    case 's': scenario = optarg; break;
    case 'F': forum = optarg; break;
    default: {
      char msg[256];
      snprintf(msg, sizeof msg, "unknown or incomplete option '%s'", argv[optind - 1]);
      return usage_error(msg);
    }
    }
  }
  if (optind < argc) return usage_error("unexpected argument");
  int sources = (game != NULL) + (csv != NULL) + (weights != NULL) + (scenario != NULL);
  if (sources != 1)
    return usage_error("give exactly one of --game, --csv (with --game-id), --weights or --scenario");
  if (forum && !scenario) return usage_error("--forum goes with --scenario");
  bool want_bz = strcmp(index, "banzhaf") == 0 || strcmp(index, "both") == 0;
  bool want_ss = strcmp(index, "shapley") == 0 || strcmp(index, "both") == 0;
  if (!want_bz && !want_ss) return usage_error("--index must be banzhaf, shapley or both");
  bool json = strcmp(format, "json") == 0;
  if (!json && strcmp(format, "text") != 0) return usage_error("--format must be text or json");
  if (csv && !game_id) return usage_error("--csv needs --game-id");
  if (weights && !quota) return usage_error("--weights needs --quota");
  if (!weights && (quota || ids_arg || members || always))
    return usage_error("--quota, --ids, --members and --always-win go with --weights");

  concert_game *g = NULL;
  concert_diag d = {0};
  concert_status st = CONCERT_OK;
  if (scenario) {
    concert_scenario *sc = NULL;
    st = concert_scenario_load(scenario, NAN, &sc, &d);
    size_t f = 0;
    if (!st && forum && !concert_scenario_forum_find(sc, forum, &f)) {
      fprintf(stderr, "concert power: %s: no forum '%s'\n", scenario, forum);
      concert_scenario_free(sc);
      return 1;
    }
    if (!st) st = concert_game_from_forum(&g, sc, f, &d);
    concert_scenario_free(sc);
  } else if (game) {
    char pdir[4096];
    if (data) snprintf(pdir, sizeof pdir, "%s/power", data);
    st = concert_game_load_named(&g, game, data ? pdir : NULL, &d);
  } else if (csv) {
    char path[4096];
    if (!games_csv) {
      const char *slash = strrchr(csv, '/');
      int len = slash ? (int)(slash - csv) : 1;
      snprintf(path, sizeof path, "%.*s/power_games.csv", len, slash ? csv : ".");
      games_csv = path;
    }
    st = concert_game_load_csv(&g, games_csv, csv, game_id, &d);
  } else {
    double *wd = malloc(POWER_MAX_LIST * sizeof *wd);
    int64_t *wi = malloc(POWER_MAX_LIST * sizeof *wi);
    char **idv = malloc(POWER_MAX_LIST * sizeof *idv);
    char *idcopy = ids_arg ? strdup(ids_arg) : NULL;
    int rc = -1;
    const char *bad = NULL;
    long n = wd && wi && idv ? parse_numbers(weights, wd, POWER_MAX_LIST, &bad) : -1;
    char *end;
    errno = 0;
    double qv = strtod(quota, &end);
    if (n <= 0) {
      fprintf(stderr, "concert power: --weights: '%s' is not a list of numbers\n",
              bad ? bad : weights);
      rc = 1;
    } else if (end == quota || *end || errno == ERANGE || !isfinite(qv) || qv != floor(qv)) {
      fprintf(stderr, "concert power: --quota: '%s' is not an integer\n", quota);
      rc = 1;
    } else if (qv < 0 || qv > POWER_MAX_INT) { /* checked before the conversion to int64 */
      fprintf(stderr, "concert power: --quota: '%s' is out of range (0 to 1e18)\n", quota);
      rc = 1;
    }
    for (long i = 0; rc < 0 && i < n; i++) {
      if (wd[i] != floor(wd[i]) || wd[i] < 0 || wd[i] > POWER_MAX_INT) {
        fprintf(stderr, "concert power: --weights: weight %ld (%g) is not an integer from 0 "
                        "to 1e18\n", i + 1, wd[i]);
        rc = 1;
      } else {
        wi[i] = (int64_t)wd[i];
      }
    }
    size_t nid = idcopy ? split_words(idcopy, idv, POWER_MAX_LIST) : 0;
    if (rc < 0 && idcopy && nid != (size_t)n) {
      fprintf(stderr, "concert power: --ids has %zu names for %ld weights\n", nid, n);
      rc = 1;
    }
    long mv = 0, av = 0;
    if (rc < 0 && members) {
      errno = 0;
      mv = strtol(members, &end, 10);
      if (end == members || *end || errno || mv < 0)
        rc = usage_error("--members must be a non-negative integer");
    }
    if (rc < 0 && always) {
      errno = 0;
      av = strtol(always, &end, 10);
      if (end == always || *end || errno || av < 0)
        rc = usage_error("--always-win must be a non-negative integer");
    }
    if (rc < 0) {
      int64_t q = (int64_t)qv;
      concert_game_spec s = {.n_players = (size_t)n, .n_weights = 1, .weights = wi,
                             .quotas = &q, .min_members = (size_t)mv,
                             .always_win_members = (size_t)av,
                             .ids = idcopy ? (const char *const *)idv : NULL,
                             .title = "weighted game"};
      st = concert_game_new(&g, &s, &d);
    }
    free(wd);
    free(wi);
    free(idv);
    free(idcopy);
    if (rc >= 0) return rc;
  }
  if (st) return concert_cli_report("power", st, &d);

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
