/* power/game.c: building, validating, describing and freeing concert_game values:
 * from a spec, from weights and a quota, from a forum rule, and the built-in games. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "power/power_i.h"
#include "status/diag.h"

static char *dup_text(const char *s) {
  if (!s) s = "";
  size_t len = strlen(s);
  char *c = malloc(len + 1);
  if (c) memcpy(c, s, len + 1);
  return c;
}

void concert_game_free(concert_game *g) {
  if (!g) return;
  for (size_t i = 0; g->ids && i < g->n; i++) free(g->ids[i]);
  for (size_t i = 0; g->names && i < g->n; i++) free(g->names[i]);
  free(g->ids);
  free(g->names);
  free(g->w);
  free(g->q);
  free(g->total);
  free(g->title);
  free(g);
}

/* Checks the spec; the messages name the offending field. */
static concert_status check_spec(const concert_game_spec *s, concert_diag *d) {
  if (!s) return CONCERT_FAIL(d, CONCERT_ERR_ARGUMENT, "game spec is NULL");
  if (s->n_players == 0)
    return concert_i_fail(d, CONCERT_ERR_EMPTY, NULL, 0, 0, "n_players",
                          "a game needs at least one player");
  if (s->n_players > CONCERT_GAME_MAX_PLAYERS)
    return concert_i_fail(d, CONCERT_ERR_TOO_LARGE, NULL, 0, 0, "n_players",
                          "%zu players exceed the limit of %d", s->n_players,
                          CONCERT_GAME_MAX_PLAYERS);
  if (s->n_weights > CONCERT_GAME_MAX_WEIGHTS)
    return concert_i_fail(d, CONCERT_ERR_TOO_LARGE, NULL, 0, 0, "n_weights",
                          "%zu weight vectors exceed the limit of %d", s->n_weights,
                          CONCERT_GAME_MAX_WEIGHTS);
  if (s->n_weights > 0 && (!s->weights || !s->quotas))
    return CONCERT_FAIL(d, CONCERT_ERR_ARGUMENT, "weights or quotas is NULL");
  size_t n = s->n_players;
  for (size_t j = 0; j < s->n_weights; j++) {
    int64_t tot = 0;
    char path[64];
    for (size_t i = 0; i < n; i++) {
      int64_t w = s->weights[j * n + i];
      if (w < 0 || w > CONCERT_GAME_MAX_TOTAL || tot > CONCERT_GAME_MAX_TOTAL - w) {
        snprintf(path, sizeof path, "weights[%zu][%zu]", j, i);
        return concert_i_fail(d, CONCERT_ERR_RANGE, NULL, 0, 0, path,
                              w < 0 ? "weight %lld is negative"
                                    : "weight %lld makes the total exceed 2^60",
                              (long long)w);
      }
      tot += w;
    }
    if (s->quotas[j] < 1 || s->quotas[j] > tot) {
      snprintf(path, sizeof path, "quotas[%zu]", j);
      return concert_i_fail(d, CONCERT_ERR_RANGE, NULL, 0, 0, path,
                            "quota %lld is outside [1, %lld] (the total weight)",
                            (long long)s->quotas[j], (long long)tot);
    }
  }
  if (s->min_members > n)
    return concert_i_fail(d, CONCERT_ERR_RANGE, NULL, 0, 0, "min_members",
                          "member quota %zu exceeds the %zu players", s->min_members, n);
  if (s->always_win_members > n)
    return concert_i_fail(d, CONCERT_ERR_RANGE, NULL, 0, 0, "always_win_members",
                          "clause size %zu exceeds the %zu players", s->always_win_members, n);
  if (s->n_weights == 0 && s->min_members == 0)
    return concert_i_fail(d, CONCERT_ERR_INVALID, NULL, 0, 0, "min_members",
                          "a game without weights needs a member quota");
  if (s->ids)
    for (size_t i = 0; i < n; i++) {
      if (!s->ids[i] || !s->ids[i][0]) {
        char path[32];
        snprintf(path, sizeof path, "ids[%zu]", i);
        return concert_i_fail(d, CONCERT_ERR_MISSING, NULL, 0, 0, path, "empty player id");
      }
      for (size_t j = 0; j < i; j++)
        if (strcmp(s->ids[i], s->ids[j]) == 0) {
          char path[32];
          snprintf(path, sizeof path, "ids[%zu]", i);
          return concert_i_fail(d, CONCERT_ERR_DUPLICATE_ID, NULL, 0, 0, path,
                                "player id '%s' appears twice", s->ids[i]);
        }
    }
  return CONCERT_OK;
}

concert_status concert_game_new(concert_game **out, const concert_game_spec *spec,
                                concert_diag *diag) {
  if (!out) return CONCERT_FAIL(diag, CONCERT_ERR_ARGUMENT, "out is NULL");
  *out = NULL;
  concert_status st = check_spec(spec, diag);
  if (st) return st;
  size_t n = spec->n_players, k = spec->n_weights;
  concert_game *g = calloc(1, sizeof *g);
  if (!g) return CONCERT_FAIL(diag, CONCERT_ERR_NOMEM, "out of memory");
  g->n = n;
  g->min_members = spec->min_members;
  g->always_win = spec->always_win_members;
  g->w = calloc(k * n + 1, sizeof *g->w);
  g->q = calloc(k + 1, sizeof *g->q);
  g->total = calloc(k + 1, sizeof *g->total);
  g->ids = calloc(n, sizeof *g->ids);
  g->names = calloc(n, sizeof *g->names);
  g->title = dup_text(spec->title);
  if (!g->w || !g->q || !g->total || !g->ids || !g->names || !g->title) goto nomem;
  for (size_t i = 0; i < n; i++) {
    char buf[32];
    snprintf(buf, sizeof buf, "P%zu", i + 1);
    g->ids[i] = dup_text(spec->ids ? spec->ids[i] : buf);
    g->names[i] = dup_text(spec->names ? spec->names[i] : "");
    if (!g->ids[i] || !g->names[i]) goto nomem;
  }
  /* Copy the weight vectors, folding a vector of equal weights c into the member quota
   * (sum = c |S| >= q  <=>  |S| >= ceil(q / c)) when another vector remains to carry the
   * weights (a game whose only vectors are equal keeps its first one, for display). */
  size_t n_unequal = 0;
  for (size_t j = 0; j < k; j++) {
    const int64_t *v = spec->weights + j * n;
    for (size_t i = 1; i < n; i++)
      if (v[i] != v[0]) {
        n_unequal++;
        break;
      }
  }
  for (size_t j = 0; j < k; j++) {
    const int64_t *v = spec->weights + j * n;
    bool equal = true;
    int64_t tot = 0;
    for (size_t i = 0; i < n; i++) {
      equal = equal && v[i] == v[0];
      tot += v[i];
    }
    bool keep_first = n_unequal == 0 && j == 0;
    if (equal && v[0] > 0 && !keep_first) {
      size_t m = (size_t)((spec->quotas[j] + v[0] - 1) / v[0]);
      if (m > g->min_members) g->min_members = m;
      continue;
    }
    memcpy(g->w + g->k * n, v, n * sizeof *v);
    g->q[g->k] = spec->quotas[j];
    g->total[g->k] = tot;
    g->k++;
  }
  /* With a weight vector every winning coalition is non-empty (quotas >= 1), so a member
   * quota of 1 says nothing; dropping it lets the faster engines run. */
  if (g->k > 0 && g->min_members == 1) g->min_members = 0;
  *out = g;
  return CONCERT_OK;
nomem:
  concert_game_free(g);
  return CONCERT_FAIL(diag, CONCERT_ERR_NOMEM, "out of memory");
}

concert_status concert_game_new_weighted(concert_game **out, size_t n, const int64_t *weights,
                                         int64_t quota, concert_diag *diag) {
  concert_game_spec s = {.n_players = n, .n_weights = 1, .weights = weights, .quotas = &quota};
  if (!weights) return CONCERT_FAIL(diag, CONCERT_ERR_ARGUMENT, "weights is NULL");
  return concert_game_new(out, &s, diag);
}

/* ceil(share * total) with a relative slack of 1e-12 for decimal shares. */
static int64_t share_quota(double share, double total) {
  double x = share * total;
  double c = ceil(x - 1e-12 * fabs(x));
  return c < 1 ? 1 : (int64_t)c;
}

concert_status concert_game_from_rule(concert_game **out, size_t n, const double *weights,
                                      const char *const *ids, const concert_power_rule *rule,
                                      concert_diag *diag) {
  if (!out || !rule) return CONCERT_FAIL(diag, CONCERT_ERR_ARGUMENT, "out or rule is NULL");
  *out = NULL;
  if (n == 0)
    return concert_i_fail(diag, CONCERT_ERR_EMPTY, NULL, 0, 0, "members",
                          "a forum needs at least one member");
  if (n > CONCERT_GAME_MAX_PLAYERS)
    return concert_i_fail(diag, CONCERT_ERR_TOO_LARGE, NULL, 0, 0, "members",
                          "too many members (%zu)", n);
  bool integral = true;
  double tot = 0;
  for (size_t i = 0; weights && i < n; i++) {
    double w = weights[i];
    if (!isfinite(w) || w < 0) {
      char path[32];
      snprintf(path, sizeof path, "weights[%zu]", i);
      return concert_i_fail(diag, CONCERT_ERR_RANGE, NULL, 0, 0, path,
                            "weight %g is negative, NaN or infinite", w);
    }
    integral = integral && w == floor(w) && w < 9007199254740992.0;
    tot += w;
  }
  if (weights && tot <= 0 &&
      (rule->kind == CONCERT_POWER_WEIGHTED_QUOTA || rule->kind == CONCERT_POWER_DOUBLE_MAJORITY))
    return concert_i_fail(diag, CONCERT_ERR_RANGE, NULL, 0, 0, "weights",
                          "the weights sum to zero");
  double res = rule->resolution;
  if (res == 0) res = 1e6;
  if (!integral && (!isfinite(res) || res < 1 || res > 1e15))
    return concert_i_fail(diag, CONCERT_ERR_RANGE, NULL, 0, 0, "rule.resolution",
                          "resolution %g is outside [1, 1e15]", res);
  int64_t *iw = malloc(n * sizeof *iw);
  if (!iw) return CONCERT_FAIL(diag, CONCERT_ERR_NOMEM, "out of memory");
  double itot = 0;
  for (size_t i = 0; i < n; i++) {
    double w = !weights ? 1.0 : integral ? weights[i] : floor(weights[i] / tot * res + 0.5);
    iw[i] = (int64_t)w;
    itot += w;
  }
  concert_game_spec s = {.n_players = n, .ids = ids, .always_win_members = rule->always_win_members};
  int64_t quota = 0;
  concert_status st = CONCERT_OK;
  switch (rule->kind) {
  case CONCERT_POWER_UNANIMITY:
    s.min_members = n;
    break;
  case CONCERT_POWER_CONSENSUS_MINUS_K:
    if (rule->k >= n)
      st = concert_i_fail(diag, CONCERT_ERR_RANGE, NULL, 0, 0, "rule.k",
                          "k = %zu dissenters leaves no one of %zu members", rule->k, n);
    s.min_members = n - rule->k;
    break;
  case CONCERT_POWER_DOUBLE_MAJORITY:
    if (!(rule->member_share > 0 && rule->member_share <= 1)) {
      st = concert_i_fail(diag, CONCERT_ERR_RANGE, NULL, 0, 0, "rule.member_share",
                          "member share %g is outside (0, 1]", rule->member_share);
      break;
    }
    s.min_members = (size_t)share_quota(rule->member_share, (double)n);
    /* fall through */
  case CONCERT_POWER_WEIGHTED_QUOTA:
    if (!(rule->weight_share > 0 && rule->weight_share <= 1)) {
      st = concert_i_fail(diag, CONCERT_ERR_RANGE, NULL, 0, 0, "rule.weight_share",
                          "weight share %g is outside (0, 1]", rule->weight_share);
      break;
    }
    quota = share_quota(rule->weight_share, itot);
    if (quota > (int64_t)itot) quota = (int64_t)itot;
    s.n_weights = 1;
    s.weights = iw;
    s.quotas = &quota;
    break;
  default:
    st = concert_i_fail(diag, CONCERT_ERR_INVALID, NULL, 0, 0, "rule.kind",
                        "unknown rule kind %d", (int)rule->kind);
  }
  if (!st) st = concert_game_new(out, &s, diag);
  free(iw);
  return st;
}

/* The built-in games. Populations: World Bank SP.POP.TOTL 2024, as in
 * data/power/power_game_players.csv (game eu27_qmv_wb2024). */
typedef struct builtin_player {
  const char *id;   /* ISO 3166 alpha-3 or seat id */
  const char *name; /* display name */
  int64_t weight;   /* weight in the game's unit */
} builtin_player;

static const builtin_player unsc_players[15] = {
    {"CHN", "permanent member", 7}, {"FRA", "permanent member", 7},
    {"RUS", "permanent member", 7}, {"GBR", "permanent member", 7},
    {"USA", "permanent member", 7}, {"E01", "elected member", 1},
    {"E02", "elected member", 1},   {"E03", "elected member", 1},
    {"E04", "elected member", 1},   {"E05", "elected member", 1},
    {"E06", "elected member", 1},   {"E07", "elected member", 1},
    {"E08", "elected member", 1},   {"E09", "elected member", 1},
    {"E10", "elected member", 1}};

static const builtin_player eu27_players[27] = {
    {"DEU", "Germany", 83516593},   {"FRA", "France", 68551653},
    {"ITA", "Italy", 58952704},     {"ESP", "Spain", 48848840},
    {"POL", "Poland", 36559233},    {"ROU", "Romania", 19051804},
    {"NLD", "Netherlands", 17993485}, {"BEL", "Belgium", 11858610},
    {"CZE", "Czechia", 10905028},   {"SWE", "Sweden", 10569709},
    {"PRT", "Portugal", 10694681},  {"GRC", "Greece", 10405134},
    {"HUN", "Hungary", 9562065},    {"AUT", "Austria", 9177982},
    {"BGR", "Bulgaria", 6441421},   {"DNK", "Denmark", 5976992},
    {"FIN", "Finland", 5619911},    {"SVK", "Slovakia", 5422069},
    {"IRL", "Ireland", 5395790},    {"HRV", "Croatia", 3866200},
    {"LTU", "Lithuania", 2888278},  {"SVN", "Slovenia", 2127400},
    {"LVA", "Latvia", 1866124},     {"EST", "Estonia", 1372341},
    {"CYP", "Cyprus", 1358282},     {"LUX", "Luxembourg", 677012},
    {"MLT", "Malta", 568847}};

typedef struct builtin_game {
  const char *name;               /* as typed */
  const char *title;              /* for reports */
  const builtin_player *players;  /* the players */
  size_t n;                       /* their number */
  int64_t quota;                  /* weight quota */
  size_t min_members;             /* member quota */
  size_t always_win;              /* clause */
} builtin_game;

static const builtin_game builtins[] = {
    {"unsc", "UN Security Council (P5 x 7 + E10 x 1, quota 39)", unsc_players, 15, 39, 0, 0},
    {"eu27", "Council of the EU, QMV: 15/27 members and 65% of population; any 24 win",
     eu27_players, 27, 292648323, 15, 24},
    {"eu27_noclause", "Council of the EU, QMV without the 4-member blocking clause",
     eu27_players, 27, 292648323, 15, 0},
    {"eu27_rqmv", "Council of the EU, reinforced QMV: 20/27 members and 65% of population",
     eu27_players, 27, 292648323, 20, 0},
};

const char *concert_game_builtin_name(size_t i) {
  return i < sizeof builtins / sizeof builtins[0] ? builtins[i].name : NULL;
}

concert_status concert_game_builtin(concert_game **out, const char *name, concert_diag *diag) {
  if (!out || !name) return CONCERT_FAIL(diag, CONCERT_ERR_ARGUMENT, "out or name is NULL");
  *out = NULL;
  for (size_t b = 0; b < sizeof builtins / sizeof builtins[0]; b++) {
    const builtin_game *bg = &builtins[b];
    if (strcmp(bg->name, name) != 0) continue;
    int64_t w[27];
    const char *ids[27], *names[27];
    for (size_t i = 0; i < bg->n; i++) {
      w[i] = bg->players[i].weight;
      ids[i] = bg->players[i].id;
      names[i] = bg->players[i].name;
    }
    concert_game_spec s = {.n_players = bg->n, .n_weights = 1, .weights = w,
                           .quotas = &bg->quota, .min_members = bg->min_members,
                           .always_win_members = bg->always_win, .ids = ids, .names = names,
                           .title = bg->title};
    return concert_game_new(out, &s, diag);
  }
  return concert_i_fail(diag, CONCERT_ERR_NOT_FOUND, NULL, 0, 0, "game",
                        "no built-in game '%s' (try unsc, eu27, eu27_noclause, eu27_rqmv)",
                        name);
}

size_t concert_game_players(const concert_game *g) { return g ? g->n : 0; }
size_t concert_game_weight_count(const concert_game *g) { return g ? g->k : 0; }
int64_t concert_game_weight(const concert_game *g, size_t j, size_t i) {
  return g && j < g->k && i < g->n ? g->w[j * g->n + i] : 0;
}
int64_t concert_game_quota(const concert_game *g, size_t j) {
  return g && j < g->k ? g->q[j] : 0;
}
size_t concert_game_min_members(const concert_game *g) { return g ? g->min_members : 0; }
size_t concert_game_always_win(const concert_game *g) { return g ? g->always_win : 0; }
const char *concert_game_player_id(const concert_game *g, size_t i) {
  return g && i < g->n ? g->ids[i] : NULL;
}
const char *concert_game_player_name(const concert_game *g, size_t i) {
  return g && i < g->n ? g->names[i] : NULL;
}
const char *concert_game_title(const concert_game *g) { return g ? g->title : ""; }

bool concert_game_wins(const concert_game *g, const bool *members) {
  if (!g || !members) return false;
  size_t size = 0;
  for (size_t i = 0; i < g->n; i++) size += members[i] ? 1 : 0;
  if (g->always_win && size >= g->always_win) return true;
  if (size < g->min_members) return false;
  for (size_t j = 0; j < g->k; j++) {
    int64_t s = 0;
    for (size_t i = 0; i < g->n; i++)
      if (members[i]) s += g->w[j * g->n + i];
    if (s < g->q[j]) return false;
  }
  return true;
}
