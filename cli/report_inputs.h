/* report_inputs.h: options and inputs shared by `report` and `plot` (one option table). */
#ifndef CONCERT_CLI_REPORT_INPUTS_H
#define CONCERT_CLI_REPORT_INPUTS_H
#include <stdbool.h>
#include <stdint.h>

#include "power_game.h"
#include "run_options.h"

typedef struct report_inputs {
  run_options ro;         /* --model, --param, --set, --reversion */
  const char *forum;      /* --forum ID (NULL: the first; plot history: G7 or G20) */
  const char *issue;      /* --issue ID (plot issue) */
  const char *output;     /* -o FILE (NULL: stdout) */
  const char *data;       /* --data DIR (plot history) */
  int format_index;       /* --format (plot: svg, graphml, dot; 0 when not given) */
  const char *cmd;        /* the command's name, for messages */
  const char *members;    /* --members: ISO3 codes or groups (plot cohesion), a member quota
                             (plot power with --weights) */
  int year_from, year_to; /* --years FROM-TO (plot cohesion; default 1946-2019) */
  bool by_year;           /* --by-year (plot cohesion) */
  power_game_opts game;   /* the game options of `concert power` (plot power) */
  size_t runs;            /* --runs N (0: no sweep) */
  uint64_t seed;          /* --seed S */
  unsigned threads;       /* --threads T */
  concert_scenario *s;    /* loaded scenario (owned) */
  size_t f;               /* forum index */
  concert_outcome *o;     /* the forum's outcome (owned) */
  concert_outcome **all;  /* every forum's outcome, file order (owned; o is one of them) */
  size_t n_all;
  concert_sweep *sweep;             /* with --runs (owned) */
  concert_solution *solution;       /* the model alone on the forum (concert_forum_solve; owned) */
  bool tipping;                     /* find the tipping points (report with --runs, plot tipping) */
  concert_sensitivity *sensitivity; /* when tipping (owned) */
} report_inputs;

/* The options only `plot` takes besides the game options of `power` (POWER_GAME_OPTS). */
extern const cli_opt report_o_members, report_o_years, report_o_by_year;

/* Parses argv of `report` or `plot` against its table into *in and pos[] (room for
 * spec->max_pos). Returns -1 to go on, else the exit status (0 after --help, 2 after a
 * usage error). */
int report_inputs_parse(const cli_spec *spec, int argc, char **argv, report_inputs *in,
                        const char **pos, size_t *npos);
/* Loads FILE, plays the chosen forum (and, when all_forums, every forum), solves the model
 * alone on it (its rounds), runs the sweep when --runs was given and finds the tipping
 * points when in->tipping. Returns 0, 1 (message printed) or 2 (a usage error: unknown
 * model, --param without --model). */
int report_inputs_play(report_inputs *in, const char *cmd, const char *file, bool all_forums);
/* Writes text to -o FILE (or stdout). Returns 0 or 1 (message printed). */
int report_inputs_write(const report_inputs *in, const char *cmd, const char *text);
void report_inputs_free(report_inputs *in);

#endif
