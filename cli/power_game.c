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

static int usage_error(const char *cmd, const char *msg) {
  fprintf(stderr, "concert %s: %s\nRun 'concert %s --help' for the options.\n", cmd, msg, cmd);
  return 2;
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

int power_game_build(const power_game_opts *o, const char *cmd, concert_game **g) {
  *g = NULL;
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
      fprintf(stderr, "concert %s: --weights: '%s' is not a list of numbers\n", cmd,
              bad ? bad : o->weights);
      rc = 1;
    } else if (end == o->quota || *end || errno == ERANGE || !isfinite(qv) || qv != floor(qv)) {
      fprintf(stderr, "concert %s: --quota: '%s' is not an integer\n", cmd, o->quota);
      rc = 1;
    } else if (qv < 0 || qv > POWER_MAX_INT) { /* checked before the conversion to int64 */
      fprintf(stderr, "concert %s: --quota: '%s' is out of range (0 to 1e18)\n", cmd, o->quota);
      rc = 1;
    }
    for (long i = 0; rc < 0 && i < n; i++) {
      if (wd[i] != floor(wd[i]) || wd[i] < 0 || wd[i] > POWER_MAX_INT) {
        fprintf(stderr,
                "concert %s: --weights: weight %ld (%g) is not an integer from 0 "
                "to 1e18\n",
                cmd, i + 1, wd[i]);
        rc = 1;
      } else {
        wi[i] = (int64_t)wd[i];
      }
    }
    size_t nid = idcopy ? split_words(idcopy, idv, POWER_MAX_LIST) : 0;
    if (rc < 0 && idcopy && nid != (size_t)n) {
      fprintf(stderr, "concert %s: --ids has %zu names for %ld weights\n", cmd, nid, n);
      rc = 1;
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
