/* cmd_power.c: `concert power`: voting power (Banzhaf, Shapley-Shubik, swings, vetoes) of a
 * built-in game, a game from CSV tables, or weights and a quota given on the command line. */
#include <errno.h>
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

static int usage_error(const char *msg) { return cli_usage("power", "%s", msg); }

static const cli_opt o_scenario = {
    "scenario", 0, "FILE", "the rule of a forum of a scenario, capabilities as weights", false};
static const cli_opt o_forum = {"forum", 'f', "ID", "the forum of --scenario (default: the first)",
                                false};
static const cli_opt o_game = {"game", 0, "NAME",
                               "a built-in game (unsc, eu27, eu27_noclause, eu27_rqmv) or a game "
                               "id\nin DIR/power/power_games.csv",
                               false};
static const cli_opt o_csv = {"csv", 0, "FILE", "players table (data/power layout), with --game-id",
                              false};
static const cli_opt o_game_id = {"game-id", 0, "ID", "the game of --csv", false};
static const cli_opt o_games_csv = {
    "games-csv", 0, "FILE", "the games table of --csv (default: power_games.csv beside it)", false};
static const cli_opt o_weights = {"weights", 0, "W1,W2,...",
                                  "integer weights of a weighted game, with --quota", false};
static const cli_opt o_quota = {"quota", 0, "Q", "the weight quota of --weights", false};
static const cli_opt o_ids = {"ids", 0, "A,B,...", "the players' ids of --weights", false};
static const cli_opt o_members = {"members", 0, "M",
                                  "a member quota of --weights: at least M players", false};
static const cli_opt o_always = {"always-win", 0, "M", "with --weights: any M players win", false};
static const cli_opt o_index = {"index", 0, "WHICH", "banzhaf, shapley or both (default)", false};
static const cli_opt *const opts[] = {
    &o_scenario, &o_forum,   &o_game,   &o_csv,   &o_game_id,    &o_games_csv, &o_weights, &o_quota,
    &o_ids,      &o_members, &o_always, &o_index, &cli_o_format, &cli_o_data,  NULL};
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
  const char *v[16]; /* the values, by the option's place in opts */
} power_args;

static int take(void *ctx, const cli_opt *o, const char *arg) {
  power_args *a = ctx;
  for (size_t i = 0; opts[i]; i++)
    if (opts[i] == o) a->v[i] = arg;
  return 0;
}

/* The value of option o (NULL if not given). */
static const char *val(const power_args *a, const cli_opt *o) {
  for (size_t i = 0; opts[i]; i++)
    if (opts[i] == o) return a->v[i];
  return NULL;
}

/* A note when forum f's rule makes every index equal whatever the capabilities; NULL
 * otherwise. */
static const char *equal_power_note(const concert_scenario *sc, size_t f) {
  concert_rule r = concert_scenario_forum_rule(sc, f);
  if (r.kind == CONCERT_RULE_UNANIMITY || (r.kind == CONCERT_RULE_CONSENSUS_MINUS && r.k == 0))
    return "under unanimity every member is a veto player: the indices are equal (1/n) "
           "whatever the capabilities";
  if (r.kind == CONCERT_RULE_CONSENSUS_MINUS)
    return "consensus minus k counts members, not capabilities: the game is symmetric and the "
           "indices are equal (1/n)";
  return NULL;
}

int concert_cli_power(int argc, char **argv) {
  power_args a = {{0}};
  int format;
  size_t npos;
  int prc = cli_parse(&concert_cli_power_spec, argc, argv, take, &a, NULL, &npos, &format);
  if (prc >= 0) return prc;
  const char *scenario = val(&a, &o_scenario), *forum = val(&a, &o_forum);
  const char *game = val(&a, &o_game), *csv = val(&a, &o_csv), *games_csv = val(&a, &o_games_csv);
  const char *game_id = val(&a, &o_game_id), *weights = val(&a, &o_weights);
  const char *quota = val(&a, &o_quota), *ids_arg = val(&a, &o_ids);
  const char *index = val(&a, &o_index) ? val(&a, &o_index) : "both";
  const char *data = val(&a, &cli_o_data);
  const char *members = val(&a, &o_members), *always = val(&a, &o_always);
  char scen_text[1024] = "";
  const char *scen_note = NULL;
  int sources = (game != NULL) + (csv != NULL) + (weights != NULL) + (scenario != NULL);
  if (sources != 1)
    return usage_error(
        "give exactly one of --game, --csv (with --game-id), --weights or --scenario");
  if (forum && !scenario) return usage_error("--forum goes with --scenario");
  bool want_bz = strcmp(index, "banzhaf") == 0 || strcmp(index, "both") == 0;
  bool want_ss = strcmp(index, "shapley") == 0 || strcmp(index, "both") == 0;
  if (!want_bz && !want_ss) return usage_error("--index must be banzhaf, shapley or both");
  bool json = format == 1;
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
    if (!st) {
      scen_note = equal_power_note(sc, f);
      snprintf(scen_text, sizeof scen_text, "%s (%s)", concert_game_title(g), scenario);
    }
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
      rc = cli_usage("power", "--weights: '%s' is not a list of numbers", bad ? bad : weights);
    } else if (end == quota || *end || errno == ERANGE || !isfinite(qv) || qv != floor(qv)) {
      rc = cli_usage("power", "--quota: '%s' is not an integer", quota);
    } else if (qv < 0 || qv > POWER_MAX_INT) { /* checked before the conversion to int64 */
      rc = cli_usage("power", "--quota: '%s' is out of range (0 to 1e18)", quota);
    }
    for (long i = 0; rc < 0 && i < n; i++) {
      if (wd[i] != floor(wd[i]) || wd[i] < 0 || wd[i] > POWER_MAX_INT) {
        rc = cli_usage("power", "--weights: weight %ld (%g) is not an integer from 0 to 1e18",
                       i + 1, wd[i]);
      } else {
        wi[i] = (int64_t)wd[i];
      }
    }
    size_t nid = idcopy ? split_words(idcopy, idv, POWER_MAX_LIST) : 0;
    if (rc < 0 && idcopy && nid != (size_t)n) {
      rc = cli_usage("power", "--ids has %zu names for %ld weights", nid, n);
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
      concert_game_spec s = {.n_players = (size_t)n,
                             .n_weights = 1,
                             .weights = wi,
                             .quotas = &q,
                             .min_members = (size_t)mv,
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
