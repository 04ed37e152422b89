/* plugin.c: concert-mpi.so, the tool's MPI calls (mpi/ops.h) over Open MPI's
 * MPI_COMM_WORLD. Buffers larger than INT_MAX elements go in slices. */
#include <limits.h>
#include <mpi.h>

#include "ops.h"

static int init(int *argc, char ***argv, int *rank, int *size) {
  if (MPI_Init(argc, argv) != MPI_SUCCESS) return 1;
  if (MPI_Comm_rank(MPI_COMM_WORLD, rank) != MPI_SUCCESS) return 1;
  return MPI_Comm_size(MPI_COMM_WORLD, size) != MPI_SUCCESS;
}

static int reduce(void *buf, size_t n, size_t width, MPI_Datatype t, MPI_Op op) {
  char *p = buf;
  while (n > 0) {
    int k = n > INT_MAX ? INT_MAX : (int)n;
    if (MPI_Allreduce(MPI_IN_PLACE, p, k, t, op, MPI_COMM_WORLD) != MPI_SUCCESS) return 1;
    p += (size_t)k * width, n -= (size_t)k;
  }
  return 0;
}

static int sum_i64(int64_t *buf, size_t n) {
  return reduce(buf, n, sizeof *buf, MPI_INT64_T, MPI_SUM);
}
static int or_u64(uint64_t *buf, size_t n) {
  return reduce(buf, n, sizeof *buf, MPI_UINT64_T, MPI_BOR);
}
static int max_int(int *v) { return reduce(v, 1, sizeof *v, MPI_INT, MPI_MAX); }
static void finalize(void) { MPI_Finalize(); }

__attribute__((visibility("default"))) const concert_mpi_ops_t concert_mpi_ops = {
    CONCERT_MPI_OPS_VERSION, init, sum_i64, or_u64, max_int, finalize};
