/* main.c: the concert tool's entry point: dispatches to one subcommand per file. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "mpi.h"

static const concert_cli_command commands[] = {
#define CONCERT_CLI_CMD(name, fn, spec, summary) {#name, fn, &spec, summary},
#include "commands.def"
#undef CONCERT_CLI_CMD
};
static const size_t n_commands = sizeof commands / sizeof commands[0];

/* Output that cannot be written is an error, whichever command wrote it: flushes standard
 * output and turns a failure into exit status 1 with a message (the one place for this). */
static int finish(int rc) {
  if (fflush(stdout) != 0 || ferror(stdout)) {
    fprintf(stderr, "concert: cannot write the output: %s\n", strerror(errno ? errno : EIO));
    return rc ? rc : 1;
  }
  return rc;
}

const char *concert_cli_summary(const char *name) {
  for (size_t i = 0; i < n_commands; i++)
    if (strcmp(name, commands[i].name) == 0) return commands[i].summary;
  return NULL;
}

static const concert_cli_command *find(const char *name) {
  for (size_t i = 0; i < n_commands; i++)
    if (strcmp(name, commands[i].name) == 0) return &commands[i];
  return NULL;
}

/* `concert --man-options`: every command's option entries for the man page (hidden; the
 * test tests/man-options.sh keeps docs/concert.1.scd equal to it). */
static int man_options(void) {
  for (size_t i = 0; i < n_commands; i++) cli_man_options(commands[i].spec, stdout);
  return 0;
}

static void usage(FILE *f) {
  fprintf(f,
          "usage: concert COMMAND [OPTIONS] [ARGS]\n\n"
          "Model great-power coordination forums: bargain, issue statements, measure.\n\n"
          "Commands:\n");
  for (size_t i = 0; i < n_commands; i++)
    fprintf(f, "  %-16s %s\n", commands[i].name, commands[i].summary);
  fprintf(f, "\nRun 'concert COMMAND --help' or 'concert help COMMAND' for a command's options.\n"
             "See concert(1).\n");
}

int main(int argc, char **argv) {
  if (argc < 2) {
    usage(stderr);
    return 2;
  }
  if (strcmp(argv[1], "help") == 0 && argc > 2) {
    const concert_cli_command *c = find(argv[2]);
    if (!c || argc > 3) {
      fprintf(stderr, "concert help: usage: %s '%s'\nTry 'concert --help'.\n",
              c ? "one command, not" : "no command", c ? argv[3] : argv[2]);
      return 2;
    }
    cli_help(c->spec, c->summary, stdout);
    return finish(0);
  }
  if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
      strcmp(argv[1], "help") == 0) {
    usage(stdout);
    return 0;
  }
  if (strcmp(argv[1], "--version") == 0) {
    printf("concert %s\n", CONCERT_VERSION);
    return 0;
  }
  if (strcmp(argv[1], "--man-options") == 0) return finish(man_options());
  const concert_cli_command *c = find(argv[1]);
  if (c) {
    if (cli_wants_help(c->spec, argc - 1, argv + 1)) {
      cli_help(c->spec, c->summary, stdout);
      return finish(0);
    }
    if (cli_mpi_launched() > 1 && !cli_mpi_command(c->name)) {
      if (cli_mpi_env_lead())
        fprintf(stderr,
                "concert %s: does not split across MPI ranks (sweep and design do); "
                "run it without mpirun\n",
                c->name);
      return 2;
    }
    return finish(c->fn(argc - 1, argv + 1));
  }
  fprintf(stderr, "concert: unknown command '%s'\n", argv[1]);
  usage(stderr);
  return 2;
}
