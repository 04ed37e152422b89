/* report_inputs.h: options and inputs shared by `report` and `plot` (one option table). */
#ifndef CONCERT_CLI_REPORT_INPUTS_H
#define CONCERT_CLI_REPORT_INPUTS_H
#include <stdbool.h>
#include <stdint.h>

#include "run_options.h"

typedef struct report_inputs {
  run_options ro;       /* --model, --param, --set, --reversion */
  const char *forum;    /* --forum ID (NULL: the first; plot history: G7 or G20) */
  const char *issue;    /* --issue ID (plot issue) */
  const char *output;   /* -o FILE (NULL: stdout) */
  const char *data;     /* --data DIR (plot history) */
  int format_index;     /* --format (plot: svg, graphml, dot; 0 when not given) */
  const char *cmd;      /* the command's name, for messages */
  size_t runs;          /* --runs N (0: no sweep) */
  uint64_t seed;        /* --seed S */
  unsigned threads;     /* --threads T */
  concert_scenario *s;  /* loaded scenario (owned) */
  size_t f;             /* forum index */
  concert_outcome *o;   /* the forum's outcome (owned) */
  concert_outcome **all; /* every forum's outcome, file order (owned; o is one of them) */
  size_t n_all;
  concert_sweep *sweep; /* with --runs (owned) */
  concert_solution *solution; /* the model alone on the forum (concert_forum_solve; owned) */
} report_inputs;

/* Parses argv of `report` or `plot` against its table into *in and pos[] (room for
 * spec->max_pos). Returns -1 to go on, else the exit status (0 after --help, 2 after a
 * usage error). */
int report_inputs_parse(const cli_spec *spec, int argc, char **argv, report_inputs *in,
                        const char **pos, size_t *npos);
/* Loads FILE, plays the chosen forum (and, when all_forums, every forum), solves the model
 * alone on it (its rounds) and runs the sweep when --runs was given. Returns 0, 1 (message
 * printed) or 2 (a usage error: unknown model, --param without --model). */
int report_inputs_play(report_inputs *in, const char *cmd, const char *file, bool all_forums);
/* Writes text to -o FILE (or stdout). Returns 0 or 1 (message printed). */
int report_inputs_write(const report_inputs *in, const char *cmd, const char *text);
void report_inputs_free(report_inputs *in);

#endif
