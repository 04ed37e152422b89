/* options.h: one option table per subcommand, the single source of its getopt_long table,
 * its --help text and its entries in the man page (concert --man-options).
 *
 * A command's table is a NULL-terminated array of pointers to cli_opt: options shared by
 * several commands are defined once here (cli_o_*) and included by reference, the groups
 * through the CLI_RUN_OPTS and CLI_SWEEP_OPTS macros. The conventions every command then
 * follows (docs/errors.md):
 *   - `--help` or `-h` anywhere on the line prints the help on stdout and exits 0;
 *   - a usage error (unknown option, missing or bad option value, a positional argument too
 *     many or too few, options that do not go together) prints
 *       concert CMD: usage: MESSAGE
 *       Try 'concert CMD --help'.
 *     on stderr and exits 2;
 *   - an error in the files or data read exits 1. */
#ifndef CONCERT_CLI_OPTIONS_H
#define CONCERT_CLI_OPTIONS_H
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

typedef struct cli_opt {
  const char *name; /* long name, without the dashes */
  char letter;      /* short option, or 0 */
  const char *arg;  /* the value's name in the help (ID, N, FILE...), NULL for a flag */
  const char *help; /* what it does; lines separated by '\n' */
  bool repeatable;  /* may be given more than once (each adds) */
} cli_opt;

typedef struct cli_spec {
  const char *name; /* the subcommand, as typed */
  const char *args; /* its positional arguments in the synopsis ("FILE", "[DIR]", "") */
  size_t min_pos, max_pos;
  const char *formats;        /* the --format values, '|'-separated, the first the default; NULL
                               * when the command has no --format in its table */
  const cli_opt *const *opts; /* NULL-terminated */
  const char *notes;          /* text printed after the options (NULL: none) */
} cli_spec;

/* The shared options (cli/options.c). */
extern const cli_opt cli_o_forum, cli_o_model, cli_o_param, cli_o_set, cli_o_reversion;
extern const cli_opt cli_o_runs, cli_o_seed, cli_o_threads;
extern const cli_opt cli_o_format, cli_o_data, cli_o_output;

/* the options of a played summit (run, sweep, sensitivity, report, plot...) */
#define CLI_RUN_OPTS &cli_o_forum, &cli_o_model, &cli_o_param, &cli_o_set, &cli_o_reversion
/* the options of a Monte Carlo sweep */
#define CLI_SWEEP_OPTS &cli_o_runs, &cli_o_seed, &cli_o_threads

/* Called for each option found, in command-line order, with its value (NULL for a flag).
 * Returns 0, or 2 after printing a usage error (cli_usage). */
typedef int (*cli_take_fn)(void *ctx, const cli_opt *o, const char *arg);

/* Parses argv (argv[0] the command's name) against spec: every option goes to take, the
 * positional arguments to pos[] (room for spec->max_pos) and their count to *npos, the
 * --format value's index in spec->formats to *format (0 when not given; may be NULL when
 * the command has no formats). Returns -1 when the command should go on, else the exit
 * status: 0 after --help, 2 after a usage error. */
int cli_parse(const cli_spec *spec, int argc, char **argv, cli_take_fn take, void *ctx,
              const char **pos, size_t *npos, int *format);

/* True when --help or -h stands on the line as an option (not as another option's value). */
bool cli_wants_help(const cli_spec *spec, int argc, char **argv);
/* The --help text: synopsis, summary, every option, notes. */
void cli_help(const cli_spec *spec, const char *summary, FILE *out);
/* The command's option entries in scdoc markup, for the man page. */
void cli_man_options(const cli_spec *spec, FILE *out);

/* Prints "concert CMD: usage: MESSAGE" and the hint to stderr; returns 2. */
int cli_usage(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* True when o is the option named name. */
bool cli_is(const cli_opt *o, const char *name);

/* The values of the sweep group. */
typedef struct cli_sweep_values {
  unsigned long long runs, seed, threads; /* defaults 0 (no sweep), 1, 1 */
} cli_sweep_values;
/* Takes --runs, --seed or --threads into *v: 1 when taken, 0 when o is not one of them, or
 * 2 after a usage error. */
int cli_take_sweep(const char *cmd, const cli_opt *o, const char *arg, cli_sweep_values *v);

#endif
