/* mpi/ops.h: the table of MPI calls the tool uses, provided by the plugin concert-mpi.so
 * (cli/mpi/plugin.c, linked with Open MPI) and loaded by cli/mpi.c only when the process was
 * started by mpirun with more than one rank, so no other run of the tool loads MPI. */
#ifndef CONCERT_CLI_MPI_OPS_H
#define CONCERT_CLI_MPI_OPS_H
#include <stddef.h>
#include <stdint.h>

#define CONCERT_MPI_OPS_VERSION 1
#define CONCERT_MPI_OPS_SYMBOL "concert_mpi_ops"

typedef struct concert_mpi_ops_t {
  int version; /* CONCERT_MPI_OPS_VERSION */
  /* MPI_Init; this rank and the world's size. 0 on success. */
  int (*init)(int *argc, char ***argv, int *rank, int *size);
  /* Elementwise sum of buf over every rank, in place on every rank. 0 on success. */
  int (*sum_i64)(int64_t *buf, size_t n);
  /* Elementwise bitwise OR of buf over every rank, in place on every rank. */
  int (*or_u64)(uint64_t *buf, size_t n);
  /* The largest *v over every rank, in place. */
  int (*max_int)(int *v);
  /* MPI_Finalize. */
  void (*finalize)(void);
} concert_mpi_ops_t;

#endif
