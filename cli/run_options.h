/* run_options.h: the options of a played summit (forum, model, parameters, protocol) that
 * run, solve, compare, sweep, sensitivity, design, report and plot share. */
#ifndef CONCERT_CLI_RUN_OPTIONS_H
#define CONCERT_CLI_RUN_OPTIONS_H
#include <stdbool.h>

#include "cli.h"

typedef struct run_options {
  const char *forum;        /* --forum ID (or --forums LIST) or NULL */
  const char *model;        /* --model NAME or NULL */
  concert_params *mparams;  /* --param key=value (NULL until first use) */
  concert_params *protocol; /* --set key=value */
  double reversion;         /* --reversion X for actor tables, NaN otherwise */
  int format;               /* index of --format in the command's formats (0: the first) */
  const char *cmd;          /* the command's name, for messages */
} run_options;

/* Parses argv of a command whose positional argument is one FILE and whose options are the
 * shared run options (a subset of CLI_RUN_OPTS and --format): into *o and *file. Returns
 * -1 to go on, else the exit status (0 after --help, 2 after a usage error). */
int run_options_parse(const cli_spec *spec, int argc, char **argv, run_options *o,
                      const char **file);
/* Takes one of the shared options (--forum, --model, --param, --set, --reversion): 1 when
 * taken, 0 when o is not one of them, 2 after a usage error. */
int run_options_take(run_options *ro, const cli_opt *o, const char *arg, const char *cmd);
/* Loads the scenario file (YAML or actor table); prints errors. */
concert_scenario *run_options_load(const run_options *o, const char *path, const char *cmd);
/* Resolves the model (NULL = scenario's); on an unknown model or --param without --model
 * prints a usage error and sets *ok to 0. */
const concert_model *run_options_model(const run_options *o, const char *cmd, int *ok);
void run_options_free(run_options *o);
/* Finds forum `id` (NULL: the first) of s loaded from path; prints an error naming the
 * forums there and returns 0 when it is unknown. */
int run_options_forum(const concert_scenario *s, const char *id, const char *path,
                      const char *cmd, size_t *f);

#endif
