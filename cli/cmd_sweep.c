/* cmd_sweep.c: `concert sweep FILE -n RUNS`: a Monte Carlo sweep over the scenario's judgment
 * ranges (docs/sweep.md): probabilities with their standard errors and quantiles, as a sheet,
 * JSON (concert-sweep/1) or a tidy CSV. A progress bar goes to stderr when it is a terminal. */
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "mpi.h"
#include "run_options.h"

static const char usage[] =
    "sweep FILE -n RUNS [--forum ID] [--model NAME] [--param k=v]... [--set k=v]... [--seed S]\n"
    "             [--threads T] [--csv FILE] [--db FILE [--resume]] [--format text|json|csv]";

/* The progress bar's state: when it started and when it was last drawn. */
typedef struct bar {
  struct timespec start;
  double last;
} bar;

static double seconds_since(const struct timespec *t0) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)(t.tv_sec - t0->tv_sec) + 1e-9 * (double)(t.tv_nsec - t0->tv_nsec);
}

static int progress(size_t done, size_t total, void *user) {
  bar *b = user;
  double el = seconds_since(&b->start);
  if (done < total && el - b->last < 0.1) return 0;
  b->last = el;
  double rate = el > 0 ? (double)done / el : 0, left = rate > 0 ? (double)(total - done) / rate : 0;
  int width = 30, fill = total ? (int)((double)width * (double)done / (double)total) : width;
  fprintf(stderr, "\r[%.*s%*s] %zu/%zu runs, %.0f runs/s, %.0f s left ", fill,
          "##############################", width - fill, "", done, total, rate, left);
  if (done == total) fprintf(stderr, "\n");
  return 0;
}

int concert_cli_sweep(int argc, char **argv) {
  run_options ro = {.format = "text", .reversion = NAN};
  const char *forum = NULL, *file = NULL, *csv = NULL, *db = NULL, *format = "text";
  bool resume = false;
  unsigned long long runs = 0, seed = 1, threads = 1;
  bool have_runs = false;
  const struct option longs[] = {{"forum", required_argument, NULL, 'f'},
                                 {"runs", required_argument, NULL, 'n'},
                                 {"seed", required_argument, NULL, 'S'},
                                 {"threads", required_argument, NULL, 'T'},
                                 {"csv", required_argument, NULL, 'C'},
                                 {"db", required_argument, NULL, 'D'},
                                 {"resume", no_argument, NULL, 'R'},
                                 RUN_LONG_OPTIONS,
                                 {NULL, 0, NULL, 0}};
  int opt, rc = 1;
  cli_mpi mpi;
  bool agreed = false;
  concert_scenario *s = NULL;
  FILE *csvf = NULL;
  concert_sweep *w = NULL;
  if (cli_mpi_start(&mpi, &argc, &argv, "sweep")) return 1;
  optind = 1;
  while ((opt = getopt_long(argc, argv, "f:n:m:p:s:F:r:", longs, NULL)) != -1) {
    if (opt == 'f') forum = optarg;
    else if (opt == 'n') {
      if (concert_cli_count("sweep", "-n", optarg, 1, 100000000, &runs)) goto out;
      have_runs = true;
    } else if (opt == 'S') {
      if (concert_cli_count("sweep", "--seed", optarg, 0, UINT64_MAX, &seed)) goto out;
    } else if (opt == 'T') {
      if (concert_cli_count("sweep", "--threads", optarg, 1, 256, &threads)) goto out;
    } else if (opt == 'C') csv = optarg;
    else if (opt == 'D') db = optarg;
    else if (opt == 'R') resume = true;
    else if (opt == 'F') {
      if (strcmp(optarg, "text") && strcmp(optarg, "json") && strcmp(optarg, "csv")) {
        fprintf(stderr, "concert sweep: --format must be text, json or csv, not '%s'\n", optarg);
        goto out;
      }
      format = optarg;
    } else {
      int t = run_options_take(&ro, opt, optarg, "sweep");
      if (t < 0) goto out;
      if (t == 0) {
        fprintf(stderr, "usage: concert %s\n", usage);
        rc = 2;
        goto out;
      }
    }
  }
  if (resume && !db) {
    fprintf(stderr, "concert sweep: --resume needs --db FILE\n");
    rc = 2;
    goto out;
  }
  if (optind != argc - 1 || !have_runs) {
    if (optind == argc - 1) fprintf(stderr, "concert sweep: -n RUNS is required\n");
    fprintf(stderr, "usage: concert %s\n", usage);
    rc = 2;
    goto out;
  }
  file = argv[optind];
  int ok;
  const concert_model *model = run_options_model(&ro, "sweep", &ok);
  if (!ok) goto out;
  s = run_options_load(&ro, file, "sweep");
  if (!s) goto out;
  size_t f;
  if (!run_options_forum(s, forum, file, "sweep", &f)) goto done;
  if (db && mpi.size > 1) {
    fprintf(stderr, "concert sweep: --db runs in one process: a database has one writer; run "
                    "it without mpirun (threads share it) or drop --db\n");
    goto done;
  }
  /* only rank 0 writes files */
  if (csv && mpi.rank == 0 && !(csvf = fopen(csv, "w"))) {
    fprintf(stderr, "concert sweep: cannot write '%s': %s\n", csv, strerror(errno));
    goto done;
  }
  concert_sweep_options so;
  concert_sweep_options_init(&so);
  so.runs = (size_t)runs, so.seed = (uint64_t)seed, so.threads = (unsigned)threads;
  so.forum = f, so.model = model, so.model_params = ro.mparams, so.protocol = ro.protocol;
  so.db_path = db, so.resume = resume;
  so.part = (size_t)mpi.rank, so.parts = (size_t)mpi.size;
  bar b = {.last = -1};
  clock_gettime(CLOCK_MONOTONIC, &b.start);
  if (isatty(fileno(stderr))) so.progress = progress, so.user = &b;
  concert_diag d;
  concert_diag_clear(&d);
  concert_status st = concert_sweep_run(s, &so, &w, &d);
  if (st) concert_cli_report("sweep", st, &d);
  /* with MPI: every rank played its part; the counters' sum is the whole sweep */
  agreed = true;
  if (cli_mpi_agree(&mpi, st != CONCERT_OK, "sweep")) goto done;
  if (mpi.size > 1) {
    size_t nc;
    int64_t *c = concert_sweep_counters(w, &nc);
    if (cli_mpi_sum(&mpi, c, nc, "sweep")) goto done;
  }
  if (csvf) {
    st = concert_sweep_write_csv(w, csvf);
    int cl = fclose(csvf);
    csvf = NULL;
    if (st || cl) {
      fprintf(stderr, "concert sweep: cannot write '%s': %s\n", csv, strerror(errno));
      goto done;
    }
  }
  if (strcmp(format, "json") == 0) {
    char *json = NULL;
    st = concert_sweep_to_json(w, &json, &d);
    if (st) concert_cli_report("sweep", st, &d);
    else printf("%s\n", json);
    free(json);
  } else if (strcmp(format, "csv") == 0) {
    st = concert_sweep_write_csv(w, stdout);
  } else {
    st = concert_sweep_write_text(w, stdout);
  }
  rc = st ? 1 : 0;
done:
  if (csvf) fclose(csvf);
  concert_sweep_free(w);
  concert_scenario_free(s);
out:
  /* a rank that stopped early still answers the others' agreement, so none waits forever */
  if (!agreed) cli_mpi_agree(&mpi, 1, "sweep");
  cli_mpi_end(&mpi);
  run_options_free(&ro);
  return rc;
}
