/* run_options.h: options shared by `run` and `compare` (model, parameters, protocol). */
#ifndef CONCERT_CLI_RUN_OPTIONS_H
#define CONCERT_CLI_RUN_OPTIONS_H
#include <stdbool.h>

#include "cli.h"

typedef struct run_options {
  const char *model;        /* --model NAME or NULL */
  concert_params *mparams;  /* --param key=value (NULL until first use) */
  concert_params *protocol; /* --set key=value */
  const char *format;       /* text or json */
  double reversion;         /* --reversion X for actor tables, NaN otherwise */
} run_options;

/* Parses argv of `run`, `solve` or `compare`: the shared options, the forum option named
 * forum_opt ("forum" or "forums", its value to *forum), --set only when with_set, and
 * exactly one FILE (to *file). Returns 0, 1 (bad value, message printed) or 2 (usage
 * printed). */
int run_options_parse(int argc, char **argv, const char *cmd, const char *forum_opt,
                      bool with_set, const char *usage, run_options *o, const char **forum,
                      const char **file);
/* Handles one of the shared options (returns 1 if taken, 0 if not ours, -1 on error). */
int run_options_take(run_options *o, int opt, const char *arg, const char *cmd);
/* Loads the scenario file (YAML or actor table); prints errors. */
concert_scenario *run_options_load(const run_options *o, const char *path, const char *cmd);
/* Resolves the model (NULL = scenario's); prints errors, sets *ok false on failure. */
const concert_model *run_options_model(const run_options *o, const char *cmd, int *ok);
void run_options_free(run_options *o);
/* Finds forum `id` (NULL: the first) of s loaded from path; prints an error naming the
 * forums there and returns 0 when it is unknown. */
int run_options_forum(const concert_scenario *s, const char *id, const char *path,
                      const char *cmd, size_t *f);

#define RUN_LONG_OPTIONS                                    \
  {"model", required_argument, NULL, 'm'},                  \
  {"param", required_argument, NULL, 'p'},                  \
  {"set", required_argument, NULL, 's'},                    \
  {"format", required_argument, NULL, 'F'},                 \
  {"reversion", required_argument, NULL, 'r'}

#endif
