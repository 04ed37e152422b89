/* concert/power.h: voting power in simple voting games, computed exactly.
 *
 * A concert_game is a simple voting game on n players: weighted quota games, games with
 * several weight vectors that must all reach their quota (double majorities), a member-count
 * quota, and a clause "any coalition of at least m members wins" (the EU Council's
 * blocking-minority rule). Indices: normalized Banzhaf, Penrose-Banzhaf (absolute),
 * Shapley-Shubik, raw swing counts, veto players and the number of winning coalitions.
 * Algorithms, complexity and error bounds are in docs/power.md. */
#ifndef CONCERT_POWER_H
#define CONCERT_POWER_H
#ifdef __cplusplus
extern "C" {
#endif
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdint.h>
#include "export.h"
#include "scenario.h"
#include "status.h"

/** A simple voting game (opaque, immutable once built). */
typedef struct concert_game concert_game;

/** Largest number of weight vectors a game may have. */
#define CONCERT_GAME_MAX_WEIGHTS 8
/** Largest number of players. */
#define CONCERT_GAME_MAX_PLAYERS 100000
/** Largest total of one weight vector (keeps every sum inside int64_t). */
#define CONCERT_GAME_MAX_TOTAL ((int64_t)1 << 60)

/** Everything that defines a game; a small public value struct read by concert_game_new.
 * A coalition S wins when
 *   (always_win_members > 0 and |S| >= always_win_members), or
 *   (|S| >= min_members and, for every j < n_weights, sum_{i in S} weights[j*n+i] >= quotas[j]).
 * A weight vector whose entries are all equal to c > 0 is folded into min_members
 * (|S| >= ceil(quota/c)) when another, unequal vector remains. */
typedef struct concert_game_spec {
  size_t n_players;          /* n >= 1 */
  size_t n_weights;          /* k in [0, CONCERT_GAME_MAX_WEIGHTS]; 0: count rule only */
  const int64_t *weights;    /* k*n non-negative weights, vector j at weights[j*n] */
  const int64_t *quotas;     /* k quotas, each in [1, total of its vector] */
  size_t min_members;        /* member-count quota in [0, n]; 0: none */
  size_t always_win_members; /* in [0, n]; 0: no such clause */
  const char *const *ids;    /* n short ids, or NULL for "P1", "P2", ... (copied) */
  const char *const *names;  /* n display names, or NULL (copied) */
  const char *title;         /* a title for reports, or NULL (copied) */
} concert_game_spec;

/** Kinds of decision rule for concert_game_from_rule. */
typedef enum concert_power_rule_kind {
  CONCERT_POWER_UNANIMITY = 0,      /* all members must agree */
  CONCERT_POWER_CONSENSUS_MINUS_K,  /* at least n - k members */
  CONCERT_POWER_WEIGHTED_QUOTA,     /* weight share >= weight_share */
  CONCERT_POWER_DOUBLE_MAJORITY     /* member share >= member_share AND weight share >= weight_share */
} concert_power_rule_kind;

/** A forum's decision rule in words; a small public value struct. */
typedef struct concert_power_rule {
  concert_power_rule_kind kind; /* which rule */
  size_t k;                     /* CONSENSUS_MINUS_K: how many may dissent, k < n */
  double weight_share;          /* WEIGHTED_QUOTA, DOUBLE_MAJORITY: in (0, 1] */
  double member_share;          /* DOUBLE_MAJORITY: in (0, 1] */
  size_t always_win_members;    /* optional clause, 0: none (e.g. 24 in the EU Council) */
  double resolution;            /* non-integer weights are scaled to this total and rounded;
                                   0 means 1e6. Integer weights are used as they are. */
} concert_power_rule;

/** Builds a game from a spec (all arrays copied). Refuses n = 0, negative weights, quotas
 * outside [1, total], totals above CONCERT_GAME_MAX_TOTAL, counts above n.
 * On success *out owns a new game; the caller frees it with concert_game_free.
 * O(k n). */
CONCERT_API concert_status concert_game_new(concert_game **out, const concert_game_spec *spec,
                                            concert_diag *diag);

/** Weighted quota game [quota; weights[0], ..., weights[n-1]]. Same rules as
 * concert_game_new. O(n). */
CONCERT_API concert_status concert_game_new_weighted(concert_game **out, size_t n,
                                                     const int64_t *weights, int64_t quota,
                                                     concert_diag *diag);

/** Builds a game from a plain list of member weights (double, finite, >= 0; NULL means all
 * 1) and a rule. Weights that are all integers below 2^53 are used as they are; otherwise
 * they are scaled so they sum to rule->resolution and rounded to integers (documented in
 * docs/power.md). Quotas are ceil(share * total) with a relative slack of 1e-12 so decimal
 * shares such as 0.55 of 20 give 11. ids may be NULL. O(n). */
CONCERT_API concert_status concert_game_from_rule(concert_game **out, size_t n,
                                                  const double *weights,
                                                  const char *const *ids,
                                                  const concert_power_rule *rule,
                                                  concert_diag *diag);

/** The voting game of forum f's rule for joint texts in scenario s: the members are the
 * players, their capabilities the weights (scaled as in concert_game_from_rule), the rule
 * unanimity, consensus minus k, weighted quota or double majority; its title names the
 * forum, its member count and the rule ("forum G7, 7 members, rule unanimity"). The caller
 * frees *out with concert_game_free. O(members). */
CONCERT_API concert_status concert_game_from_forum(concert_game **out,
                                                   const concert_scenario *s, size_t f,
                                                   concert_diag *diag);

/** A built-in game by name: "unsc" (UN Security Council: 5 x 7 + 10 x 1, quota 39),
 * "eu27" (Council of the EU, QMV: 15 of 27 members and 65% of the World Bank 2024
 * population, any 24 members win), "eu27_noclause" (without the 24-member clause) and
 * "eu27_rqmv" (20 of 27 and 65%). The caller frees *out with concert_game_free.
 * Unknown names give CONCERT_ERR_NOT_FOUND. O(n). */
CONCERT_API concert_status concert_game_builtin(concert_game **out, const char *name,
                                                concert_diag *diag);

/** Name of built-in game i, or NULL when i is past the end. O(1). */
CONCERT_API const char *concert_game_builtin_name(size_t i);

/** Loads game game_id from two CSV files in the layout of data/power: games_csv
 * (game_id, n_players, weight_quota, weight_total, count_quota, clause, ...) and
 * players_csv (game_id, order, player_id, name, weight, ...). The clause column is empty or
 * "members>=M always win". Malformed input is refused with file, line, column (the
 * 1-based field number) and field in diag. The caller frees *out with concert_game_free.
 * O(size of the files). */
CONCERT_API concert_status concert_game_load_csv(concert_game **out, const char *games_csv,
                                                 const char *players_csv,
                                                 const char *game_id, concert_diag *diag);

/** A game by name: a built-in game (concert_game_builtin) or, failing that, a game id in
 * data_dir/power_games.csv and data_dir/power_game_players.csv. data_dir NULL means the
 * data/power folder the library was built with. The caller frees *out with
 * concert_game_free. O(size of the files). */
CONCERT_API concert_status concert_game_load_named(concert_game **out, const char *name,
                                                   const char *data_dir, concert_diag *diag);

/** Frees g; NULL is harmless. */
CONCERT_API void concert_game_free(concert_game *g);

/** Number of players. O(1). */
CONCERT_API size_t concert_game_players(const concert_game *g);
/** Number of weight vectors after folding equal-weight vectors into the member quota. O(1). */
CONCERT_API size_t concert_game_weight_count(const concert_game *g);
/** Weight of player i in vector j (0 when out of range). O(1). */
CONCERT_API int64_t concert_game_weight(const concert_game *g, size_t j, size_t i);
/** Quota of vector j (0 when out of range). O(1). */
CONCERT_API int64_t concert_game_quota(const concert_game *g, size_t j);
/** Member-count quota (0: none). O(1). */
CONCERT_API size_t concert_game_min_members(const concert_game *g);
/** The "at least m members always win" clause (0: none). O(1). */
CONCERT_API size_t concert_game_always_win(const concert_game *g);
/** Id of player i (borrowed, valid until the game is freed), NULL when out of range. */
CONCERT_API const char *concert_game_player_id(const concert_game *g, size_t i);
/** Display name of player i (borrowed), "" when none, NULL when out of range. */
CONCERT_API const char *concert_game_player_name(const concert_game *g, size_t i);
/** Title (borrowed), "" when none. */
CONCERT_API const char *concert_game_title(const concert_game *g);
/** True when coalition S wins. members[i] says whether player i is in S. O(k n). */
CONCERT_API bool concert_game_wins(const concert_game *g, const bool *members);

/** Normalized Banzhaf index: out[i] = eta_i / sum_j eta_j where eta_i is the number of
 * coalitions S of the other players for which i is a swing (S loses, S + i wins). out has n
 * entries and sums to 1 (all 0 if no player ever swings). Computed from exact counts.
 * Complexity (q the quota, r = floor(n/61)+1): member rules only: O(n); one weight vector
 * and no member rules: O(r n q) time, O(q) memory (or the meet in the middle when cheaper);
 * one weight vector with member rules: O(n^2 2^(n/2)) for n <= 36 (meet in the middle),
 * else O(r n^2 q) time and O(n q) memory when (n+1) q <= 2^24; several weight vectors:
 * O(n 2^n) for n <= 22. Other games: CONCERT_ERR_UNSUPPORTED or CONCERT_ERR_TOO_LARGE. */
CONCERT_API concert_status concert_power_banzhaf(const concert_game *g, double *out,
                                                 concert_diag *diag);

/** The normalized Banzhaf index, the exact swing counts (decimal strings) and the exact
 * number of winning coalitions from one pass of the swing engine; any output may be NULL.
 * banzhaf and swings have n entries; the caller frees each swings[i] and *winning with
 * concert_free() (or free()). Same complexity as concert_power_banzhaf. */
CONCERT_API concert_status concert_power_banzhaf_all(const concert_game *g, double *banzhaf,
                                                     char **swings, char **winning,
                                                     concert_diag *diag);

/** Penrose-Banzhaf (absolute) index: out[i] = eta_i / 2^(n-1). Same complexity as
 * concert_power_banzhaf. */
CONCERT_API concert_status concert_power_banzhaf_abs(const concert_game *g, double *out,
                                                     concert_diag *diag);

/** Raw swing counts eta_i, exact. out has n entries. CONCERT_ERR_RANGE when a count does
 * not fit in uint64_t (possible only for n > 64; use concert_power_swings_text). Same
 * complexity as concert_power_banzhaf. */
CONCERT_API concert_status concert_power_swings(const concert_game *g, uint64_t *out,
                                                concert_diag *diag);

/** Raw swing counts as exact decimal strings: out[i] is a new string the caller frees with
 * concert_free() (or free()). On failure no string is left allocated. Same complexity as
 * concert_power_banzhaf. */
CONCERT_API concert_status concert_power_swings_text(const concert_game *g, char **out,
                                                     concert_diag *diag);

/** Shapley-Shubik index: out[i] = (orderings in which i is pivotal) / n!. Sums to 1.
 * Member rules only: 1/n each. One weight vector with no member rules and n > 36:
 * Gauss-Legendre quadrature of the multilinear extension (exact for the polynomial) with a
 * probability dynamic program per node, O(n^2 q / 2) time, O(q) memory, absolute error at
 * most (8n^2 + 6n + 20) 2^-53, below 1e-9 for n <= 1000 (derived in docs/power.md).
 * Otherwise exact swing counts by coalition size (engines and costs as for
 * concert_power_banzhaf), each term rounded once to double. */
CONCERT_API concert_status concert_power_shapley(const concert_game *g, double *out,
                                                 concert_diag *diag);

/** Veto players: out[i] is true when the coalition of all players but i loses.
 * *count (may be NULL) receives their number. O(k n). */
CONCERT_API concert_status concert_power_vetoes(const concert_game *g, bool *out,
                                                size_t *count, concert_diag *diag);

/** Number of winning coalitions, exact, as a decimal string the caller frees with
 * concert_free() (or free()).
 * Same complexity as concert_power_banzhaf. */
CONCERT_API concert_status concert_power_winning_text(const concert_game *g, char **out,
                                                      concert_diag *diag);

/** Bits of concert_power_to_json's indices argument. */
#define CONCERT_POWER_JSON_BANZHAF 1u /* normalized Banzhaf index and raw swing counts */
#define CONCERT_POWER_JSON_SHAPLEY 2u /* Shapley-Shubik index */

/** Computes the indices asked for in the bit set indices (CONCERT_POWER_JSON_BANZHAF,
 * CONCERT_POWER_JSON_SHAPLEY or both), the veto players and the number of winning
 * coalitions of g, and writes them with the game as one JSON document, schema
 * concert-power/1 (docs/json-schema.md): title, players, quota and total weight of the first
 * weight vector (absent for a game without one), member rules, winning coalitions and swing
 * counts as exact decimal strings, and one row per player. Indices have 15 significant
 * digits. On success *json is a NUL-terminated string the caller frees with concert_free()
 * (or free()); on
 * failure it is NULL and diag says why (CONCERT_ERR_ARGUMENT for a NULL g or json or an
 * empty bit set; the errors of the index functions). Complexity: that of
 * concert_power_banzhaf and concert_power_shapley for the indices asked for, plus O(k n). */
CONCERT_API concert_status concert_power_to_json(const concert_game *g, unsigned indices,
                                                 char **json, concert_diag *diag);

/** The same indices as tidy long CSV (docs/csv.md): player,name,quantity,value with the rows
 * weight (of the first weight vector, when the game has one), banzhaf and swings (with
 * CONCERT_POWER_JSON_BANZHAF; swings exact in decimal), shapley (with
 * CONCERT_POWER_JSON_SHAPLEY) and veto (1 or 0) per player. Indices read back exactly.
 * Errors as concert_power_to_json, and CONCERT_ERR_IO when a write fails. */
CONCERT_API concert_status concert_power_write_csv(const concert_game *g, unsigned indices,
                                                   FILE *out, concert_diag *diag);

#ifdef __cplusplus
}
#endif
#endif
