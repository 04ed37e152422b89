/* main.c: the concert tool's entry point: dispatches to one subcommand per file. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "mpi.h"

static const concert_cli_command commands[] = {
#define CONCERT_CLI_CMD(name, fn, usage, summary) {#name, fn, usage, summary},
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

static void usage(FILE *f) {
  fprintf(f,
          "usage: concert COMMAND [OPTIONS] [ARGS]\n\n"
          "Model great-power coordination forums: bargain, issue statements, measure.\n\n"
          "Commands:\n");
  for (size_t i = 0; i < n_commands; i++)
    fprintf(f, "  %-16s %s\n", commands[i].name, commands[i].summary);
  fprintf(f, "\nRun 'concert COMMAND --help' for a command's options. See concert(1).\n");
}

int main(int argc, char **argv) {
  if (argc < 2) {
    usage(stderr);
    return 2;
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
  for (size_t i = 0; i < n_commands; i++)
    if (strcmp(argv[1], commands[i].name) == 0) {
      if (argc > 2 && (strcmp(argv[2], "--help") == 0 || strcmp(argv[2], "-h") == 0)) {
        printf("usage: concert %s\n\n%s\n", commands[i].usage, commands[i].summary);
        return 0;
      }
      if (cli_mpi_launched() > 1 && !cli_mpi_command(commands[i].name)) {
        if (cli_mpi_env_lead())
          fprintf(stderr,
                  "concert %s: does not split across MPI ranks (sweep and design do); "
                  "run it without mpirun\n",
                  commands[i].name);
        return 2;
      }
      return finish(commands[i].fn(argc - 1, argv + 1));
    }
  fprintf(stderr, "concert: unknown command '%s'\n", argv[1]);
  usage(stderr);
  return 2;
}
