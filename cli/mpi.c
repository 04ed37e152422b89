/* mpi.c: starting MPI through the plugin and the few collective steps the tool needs
 * (cli/mpi.h). */
#include "mpi.h"

#include <dlfcn.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mpi/ops.h"

#ifndef CONCERT_REL_LIBDIR
#define CONCERT_REL_LIBDIR "../lib"
#endif

/* A positive integer from environment variable name, else 0. */
static long env_int(const char *name) {
  const char *v = getenv(name);
  if (!v || !*v) return 0;
  char *end;
  errno = 0;
  long x = strtol(v, &end, 10);
  return errno || *end || x < 0 ? 0 : x;
}

int cli_mpi_launched(void) {
  long n = env_int("OMPI_COMM_WORLD_SIZE");
  if (!n) n = env_int("PMI_SIZE");
  return n > 1 && n <= INT_MAX ? (int)n : 1;
}

bool cli_mpi_env_lead(void) {
  return env_int("OMPI_COMM_WORLD_RANK") == 0 && env_int("PMI_RANK") == 0;
}

bool cli_mpi_command(const char *name) {
  return strcmp(name, "sweep") == 0 || strcmp(name, "design") == 0;
}

/* Opens the plugin: $CONCERT_MPI_PLUGIN, else next to the running tool (the build tree),
 * else in its LIBDIR/concert (an installed tool). NULL with the last dlerror in why. */
static void *open_plugin(char *why, size_t size) {
  const char *env = getenv("CONCERT_MPI_PLUGIN");
  snprintf(why, size, "concert-mpi.so not found");
  if (env && *env) {
    void *h = dlopen(env, RTLD_NOW | RTLD_LOCAL);
    if (!h) snprintf(why, size, "%s", dlerror());
    return h;
  }
  char exe[PATH_MAX];
  ssize_t len = readlink("/proc/self/exe", exe, sizeof exe - 1);
  if (len <= 0) return NULL;
  exe[len] = '\0';
  char *slash = strrchr(exe, '/');
  if (!slash) return NULL;
  *slash = '\0';
  const char *const rel[] = {"", "/" CONCERT_REL_LIBDIR "/concert"};
  for (size_t i = 0; i < sizeof rel / sizeof rel[0]; i++) {
    char path[PATH_MAX + 64];
    snprintf(path, sizeof path, "%s%s/concert-mpi.so", exe, rel[i]);
    if (access(path, R_OK) != 0) continue;
    void *h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (h) return h;
    snprintf(why, size, "%s", dlerror());
  }
  return NULL;
}

int cli_mpi_start(cli_mpi *m, int *argc, char ***argv, const char *cmd) {
  *m = (cli_mpi){.rank = 0, .size = 1};
  int n = cli_mpi_launched();
  if (n <= 1) return 0;
  bool lead = cli_mpi_env_lead();
  char why[512];
  void *h = open_plugin(why, sizeof why);
  const concert_mpi_ops_t *ops = h ? dlsym(h, CONCERT_MPI_OPS_SYMBOL) : NULL;
  if (!ops || ops->version != CONCERT_MPI_OPS_VERSION) {
    if (lead)
      fprintf(stderr,
              "concert %s: started by mpirun with %d ranks, but MPI cannot be loaded (%s): "
              "build concert with Open MPI (libopenmpi-dev) or run it without mpirun\n",
              cmd, n, ops ? "plugin version mismatch" : why);
    if (h) dlclose(h);
    return 1;
  }
  if (ops->init(argc, argv, &m->rank, &m->size)) {
    if (lead) fprintf(stderr, "concert %s: MPI_Init failed\n", cmd);
    dlclose(h);
    return 1;
  }
  m->handle = h, m->ops = ops;
  if (m->rank > 0) {
    /* one set of results and messages: rank 0's */
    if (!freopen("/dev/null", "w", stdout)) fclose(stdout);
    if (!getenv("CONCERT_MPI_VERBOSE") && !freopen("/dev/null", "w", stderr)) fclose(stderr);
  }
  return 0;
}

int cli_mpi_agree(cli_mpi *m, int failed, const char *cmd) {
  if (!m->ops) return failed != 0;
  int any = failed != 0;
  if (m->ops->max_int(&any)) {
    fprintf(stderr, "concert %s: MPI_Allreduce failed on rank %d\n", cmd, m->rank);
    return 1;
  }
  if (any && !failed && m->rank == 0)
    fprintf(stderr,
            "concert %s: another MPI rank failed (CONCERT_MPI_VERBOSE=1 shows every "
            "rank's messages)\n",
            cmd);
  return any;
}

int cli_mpi_sum(cli_mpi *m, int64_t *buf, size_t n, const char *cmd) {
  if (!m->ops || !m->ops->sum_i64(buf, n)) return 0;
  fprintf(stderr, "concert %s: MPI_Allreduce failed on rank %d\n", cmd, m->rank);
  return 1;
}

int cli_mpi_or(cli_mpi *m, uint64_t *buf, size_t n, const char *cmd) {
  if (!m->ops || !m->ops->or_u64(buf, n)) return 0;
  fprintf(stderr, "concert %s: MPI_Allreduce failed on rank %d\n", cmd, m->rank);
  return 1;
}

void cli_mpi_end(cli_mpi *m) {
  if (!m->ops) return;
  m->ops->finalize();
  /* the plugin stays loaded: Open MPI's atexit handlers may still point into it */
  m->ops = NULL, m->handle = NULL;
}
