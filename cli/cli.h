/* cli.h: the subcommand table's types and helpers shared by the tool's files. */
#ifndef CONCERT_CLI_H
#define CONCERT_CLI_H
#include <concert.h>
#include <stdio.h>

#include "options.h"

/* A subcommand: argv[0] is the command's name; returns the process exit status
 * (0 success, 1 bad input or failure, 2 bad usage). */
typedef int (*concert_cli_fn)(int argc, char **argv);

typedef struct concert_cli_command {
  const char *name;     /* as typed */
  concert_cli_fn fn;    /* implementation */
  const cli_spec *spec; /* its option table: --help, the man page */
  const char *summary;  /* one line */
} concert_cli_command;

#define CONCERT_CLI_CMD(name, fn, spec, summary) \
  int fn(int argc, char **argv);                 \
  extern const cli_spec spec;
#include "commands.def"
#undef CONCERT_CLI_CMD

/* The one-line summary of the command named name (NULL if none). */
const char *concert_cli_summary(const char *name);

/* Prints the scenario's warnings (dubious but accepted inputs) to stderr as
 * "concert CMD: warning: FILE:LINE:COL: PATH: MESSAGE". */
void concert_cli_warnings(const char *cmd, const concert_scenario *s);
/* Prints "concert: <diag>" to stderr and returns 1. */
int concert_cli_report(const char *cmd, concert_status st, const concert_diag *d);

/* Parses --years "YYYY" or "YYYY-YYYY" (years in 1900-2100, FROM <= TO) into *from and *to
 * (a single year gives from == to). Returns 0, or -1 on anything else; on -1 *from and *to
 * may have been overwritten. */
int concert_cli_parse_years(const char *s, int *from, int *to);

/* An unsigned integer option value in [lo, hi] into *out: 0, or 2 after the usage error
 * "concert CMD: usage: OPT must be an integer in [lo, hi], not 'ARG'". */
int concert_cli_count(const char *cmd, const char *opt, const char *arg, unsigned long long lo,
                      unsigned long long hi, unsigned long long *out);

/* DATA/SUB in buf (size bytes) when a data root was given (--data DATA), else NULL: the
 * library's own default. */
const char *concert_cli_data_sub(const char *data, const char *sub, char *buf, size_t size);

#endif
