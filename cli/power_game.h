/* power_game.h: the voting game a command names with the options of `concert power`
 * (--scenario/--forum, --game, --csv/--game-id/--games-csv, --weights/--quota/--ids/
 * --members/--always-win, --data), shared by `power` and `plot power`: the options are
 * defined here once, and so is the game built from them. */
#ifndef CONCERT_CLI_POWER_GAME_H
#define CONCERT_CLI_POWER_GAME_H
#include "cli.h"

/* The option values as typed (NULL: not given); borrowed from argv. */
typedef struct power_game_opts {
  const char *scenario, *forum;          /* --scenario FILE [--forum ID] */
  const char *game;                      /* --game NAME */
  const char *csv, *game_id, *games_csv; /* --csv PLAYERS.csv --game-id ID [--games-csv] */
  const char *weights, *quota, *ids;     /* --weights W1,... --quota Q [--ids A,...] */
  const char *members, *always;          /* --members M, --always-win M (with --weights) */
  const char *data;                      /* --data DIR (the data root; games in DIR/power) */
} power_game_opts;

/* The game options (cli/power_game.c). --forum and --members are not among them: `power`
 * adds its own, `plot` shares its --forum with the run options and its --members with
 * `plot cohesion`. */
extern const cli_opt power_o_scenario, power_o_game, power_o_csv, power_o_game_id,
    power_o_games_csv, power_o_weights, power_o_quota, power_o_ids, power_o_always;
#define POWER_GAME_OPTS                                                                 \
  &power_o_scenario, &power_o_game, &power_o_csv, &power_o_game_id, &power_o_games_csv, \
      &power_o_weights, &power_o_quota, &power_o_ids, &power_o_always

/* Takes one of the options above into *g: true when o is one of them. */
bool power_game_take(power_game_opts *g, const cli_opt *o, const char *arg);
/* Checks that the options name exactly one game. Returns 0, or 2 after the usage message
 * "concert CMD: usage: ...". */
int power_game_check(const power_game_opts *o, const char *cmd);
/* Builds the game into *g (the caller frees it with concert_game_free); *note (may be NULL)
 * receives a sentence when a scenario's rule makes every index equal whatever the
 * capabilities, else NULL. Returns 0, 1 (failure, message printed) or 2 (usage, message
 * printed). */
int power_game_build(const power_game_opts *o, const char *cmd, concert_game **g,
                     const char **note);

#endif
