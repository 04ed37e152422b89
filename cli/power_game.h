/* power_game.h: the voting game a command names with the options of `concert power`
 * (--scenario/--forum, --game, --csv/--game-id/--games-csv, --weights/--quota/--ids/
 * --members/--always-win, --data), shared by `power` and `plot power`. */
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

/* Checks that the options name exactly one game. Returns 0, or 2 after the usage message
 * "concert CMD: ...". */
int power_game_check(const power_game_opts *o, const char *cmd);
/* Builds the game into *g (the caller frees it with concert_game_free). Returns 0, 1 (bad
 * value or failure, message printed) or 2 (usage, message printed). */
int power_game_build(const power_game_opts *o, const char *cmd, concert_game **g);

#endif
