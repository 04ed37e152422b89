/* mpi.h: the tool's side of MPI (docs/sweep.md, "MPI"). `mpirun -np N concert sweep|design`
 * splits the runs (or forums) across N processes: each rank plays its part, the ranks
 * combine their integer counters (or value bits) and rank 0 writes the results, identical
 * to one process. MPI is loaded only when mpirun started more than one rank: the calls live
 * in the plugin concert-mpi.so (cli/mpi/plugin.c), found next to the tool or in
 * LIBDIR/concert, or at $CONCERT_MPI_PLUGIN. Ranks other than 0 write nothing (their
 * messages go to stderr only with CONCERT_MPI_VERBOSE=1). */
#ifndef CONCERT_CLI_MPI_H
#define CONCERT_CLI_MPI_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct cli_mpi {
  int rank, size; /* 0 and 1 without MPI */
  void *handle;   /* the plugin (dlopen), NULL without MPI */
  const struct concert_mpi_ops_t *ops;
} cli_mpi;

/* The number of ranks mpirun started, from its environment; 1 when not under mpirun. */
int cli_mpi_launched(void);
/* True in rank 0 of an mpirun (and outside mpirun), from the environment: before MPI starts,
 * only this rank prints. */
bool cli_mpi_env_lead(void);
/* True for the commands that split across ranks (sweep, design). */
bool cli_mpi_command(const char *name);
/* Starts MPI when launched with more than one rank (else m is rank 0 of 1). Returns 0, or 1
 * after a message naming cmd (plugin missing, MPI_Init failed). */
int cli_mpi_start(cli_mpi *m, int *argc, char ***argv, const char *cmd);
/* Every rank says whether it failed; returns 1 on every rank when any did, else 0. Rank 0
 * says which ranks failed when it did not. Without MPI returns `failed`. */
int cli_mpi_agree(cli_mpi *m, int failed, const char *cmd);
/* Elementwise sum (or bitwise OR) of buf over the ranks, on every rank; 0, or 1 after a
 * message. No-ops without MPI. */
int cli_mpi_sum(cli_mpi *m, int64_t *buf, size_t n, const char *cmd);
int cli_mpi_or(cli_mpi *m, uint64_t *buf, size_t n, const char *cmd);
/* Finalizes MPI and unloads the plugin; harmless without MPI. */
void cli_mpi_end(cli_mpi *m);

#endif
