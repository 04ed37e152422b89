/* power_game.c: the voting game named by the options of `concert power` (power_game.h). */
#include "power_game.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

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

const cli_opt power_o_scenario = {
    "scenario", 0, "FILE", "the rule of a forum of a scenario, capabilities as weights", false};
const cli_opt power_o_game = {"game", 0, "NAME",
                              "a built-in game (unsc, eu27, eu27_noclause, eu27_rqmv) or a game "
                              "id\nin DIR/power/power_games.csv",
                              false};
const cli_opt power_o_csv = {"csv", 0, "FILE", "players table (data/power layout), with --game-id",
                             false};
const cli_opt power_o_game_id = {"game-id", 0, "ID", "the game of --csv", false};
const cli_opt power_o_games_csv = {
    "games-csv", 0, "FILE", "the games table of --csv (default: power_games.csv beside it)", false};
const cli_opt power_o_weights = {"weights", 0, "W1,W2,...",
                                 "integer weights of a weighted game, with --quota", false};
const cli_opt power_o_quota = {"quota", 0, "Q", "the weight quota of --weights", false};
const cli_opt power_o_ids = {"ids", 0, "A,B,...", "the players' ids of --weights", false};
const cli_opt power_o_always = {"always-win", 0, "M", "with --weights: any M players win", false};

bool power_game_take(power_game_opts *g, const cli_opt *o, const char *arg) {
  if (o == &power_o_scenario)
    g->scenario = arg;
  else if (o == &power_o_game)
    g->game = arg;
  else if (o == &power_o_csv)
    g->csv = arg;
  else if (o == &power_o_game_id)
    g->game_id = arg;
  else if (o == &power_o_games_csv)
    g->games_csv = arg;
  else if (o == &power_o_weights)
    g->weights = arg;
  else if (o == &power_o_quota)
    g->quota = arg;
  else if (o == &power_o_ids)
    g->ids = arg;
  else if (o == &power_o_always)
    g->always = arg;
  else
    return false;
  return true;
}

static int usage_error(const char *cmd, const char *msg) { return cli_usage(cmd, "%s", msg); }

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

int power_game_check(const power_game_opts *o, const char *cmd) {
  int sources = (o->game != NULL) + (o->csv != NULL) + (o->weights != NULL) + (o->scenario != NULL);
  if (sources != 1)
    return usage_error(
        cmd, "give exactly one of --game, --csv (with --game-id), --weights or --scenario");
  if (o->forum && !o->scenario) return usage_error(cmd, "--forum goes with --scenario");
  if (o->csv && !o->game_id) return usage_error(cmd, "--csv needs --game-id");
  if (o->weights && !o->quota) return usage_error(cmd, "--weights needs --quota");
  if (!o->weights && (o->quota || o->ids || o->members || o->always))
    return usage_error(cmd, "--quota, --ids, --members and --always-win go with --weights");
  return 0;
}

int power_game_build(const power_game_opts *o, const char *cmd, concert_game **g,
                     const char **note) {
  *g = NULL;
  if (note) *note = NULL;
  int urc = power_game_check(o, cmd);
  if (urc) return urc;
  const char *games_csv = o->games_csv;
  concert_diag d = {0};
  concert_status st = CONCERT_OK;
  if (o->scenario) {
    concert_scenario *sc = NULL;
    st = concert_scenario_load(o->scenario, NAN, &sc, &d);
    size_t f = 0;
    if (!st && o->forum && !concert_scenario_forum_find(sc, o->forum, &f)) {
      fprintf(stderr, "concert %s: %s: no forum '%s'\n", cmd, o->scenario, o->forum);
      concert_scenario_free(sc);
      return 1;
    }
    if (!st) st = concert_game_from_forum(g, sc, f, &d);
    if (!st && note) *note = equal_power_note(sc, f);
    concert_scenario_free(sc);
  } else if (o->game) {
    char pdir[4096];
    if (o->data) snprintf(pdir, sizeof pdir, "%s/power", o->data);
    st = concert_game_load_named(g, o->game, o->data ? pdir : NULL, &d);
  } else if (o->csv) {
    char path[4096];
    if (!games_csv) {
      const char *slash = strrchr(o->csv, '/');
      int len = slash ? (int)(slash - o->csv) : 1;
      snprintf(path, sizeof path, "%.*s/power_games.csv", len, slash ? o->csv : ".");
      games_csv = path;
    }
    st = concert_game_load_csv(g, games_csv, o->csv, o->game_id, &d);
  } else {
    double *wd = malloc(POWER_MAX_LIST * sizeof *wd);
    int64_t *wi = malloc(POWER_MAX_LIST * sizeof *wi);
    char **idv = malloc(POWER_MAX_LIST * sizeof *idv);
    char *idcopy = o->ids ? strdup(o->ids) : NULL;
    int rc = -1;
    const char *bad = NULL;
    long n = wd && wi && idv ? parse_numbers(o->weights, wd, POWER_MAX_LIST, &bad) : -1;
    char *end;
    errno = 0;
    double qv = strtod(o->quota, &end);
    if (n <= 0) {
      rc = cli_usage(cmd, "--weights: '%s' is not a list of numbers", bad ? bad : o->weights);
    } else if (end == o->quota || *end || errno == ERANGE || !isfinite(qv) || qv != floor(qv)) {
      rc = cli_usage(cmd, "--quota: '%s' is not an integer", o->quota);
    } else if (qv < 0 || qv > POWER_MAX_INT) { /* checked before the conversion to int64 */
      rc = cli_usage(cmd, "--quota: '%s' is out of range (0 to 1e18)", o->quota);
    }
    for (long i = 0; rc < 0 && i < n; i++) {
      if (wd[i] != floor(wd[i]) || wd[i] < 0 || wd[i] > POWER_MAX_INT) {
        rc = cli_usage(cmd, "--weights: weight %ld (%g) is not an integer from 0 to 1e18", i + 1,
                       wd[i]);
      } else {
        wi[i] = (int64_t)wd[i];
      }
    }
    size_t nid = idcopy ? split_words(idcopy, idv, POWER_MAX_LIST) : 0;
    if (rc < 0 && idcopy && nid != (size_t)n) {
      rc = cli_usage(cmd, "--ids has %zu names for %ld weights", nid, n);
    }
    long mv = 0, av = 0;
    if (rc < 0 && o->members) {
      errno = 0;
      mv = strtol(o->members, &end, 10);
      if (end == o->members || *end || errno || mv < 0)
        rc = usage_error(cmd, "--members must be a non-negative integer");
    }
    if (rc < 0 && o->always) {
      errno = 0;
      av = strtol(o->always, &end, 10);
      if (end == o->always || *end || errno || av < 0)
        rc = usage_error(cmd, "--always-win must be a non-negative integer");
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
      st = concert_game_new(g, &s, &d);
    }
    free(wd);
    free(wi);
    free(idv);
    free(idcopy);
    if (rc >= 0) return rc;
  }
  return st ? concert_cli_report(cmd, st, &d) : 0;
}
