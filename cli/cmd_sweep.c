/* cmd_sweep.c: `concert sweep FILE -n RUNS`: a Monte Carlo sweep over the scenario's judgment
 * ranges (docs/sweep.md): probabilities with their standard errors and quantiles, as a sheet,
 * JSON (concert-sweep/1) or a tidy CSV. A progress bar goes to stderr when it is a terminal. */
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "mpi.h"
#include "run_options.h"

static const cli_opt o_csv = {"csv", 0, "FILE", "also write the tidy CSV there", false};
static const cli_opt o_db = {"db", 0, "FILE", "keep every run in this SQLite database (docs/sweep.md)", false};
static const cli_opt o_resume = {"resume", 0, NULL, "with --db: play only the runs the database lacks", false};
static const cli_opt *const opts[] = {CLI_RUN_OPTS, CLI_SWEEP_OPTS, &o_csv,
                                     &o_db,        &o_resume,      &cli_o_format, NULL};
const cli_spec concert_cli_sweep_spec = {
    "sweep", "FILE", 1, 1, "text|json|csv", opts,
    "--runs is required. A progress bar goes to stderr when it is a terminal; under mpirun the\n"
    "runs are split across the ranks (docs/sweep.md). csv: tidy long rows (docs/csv.md)."};

typedef struct sweep_args {
  run_options ro;
  cli_sweep_values sv;
  const char *csv, *db;
  bool resume;
} sweep_args;

static int take(void *ctx, const cli_opt *o, const char *arg) {
  sweep_args *a = ctx;
  int t = run_options_take(&a->ro, o, arg, "sweep");
  if (t) return t == 1 ? 0 : t;
  t = cli_take_sweep("sweep", o, arg, &a->sv);
  if (t) return t == 1 ? 0 : t;
  if (o == &o_csv) a->csv = arg;
  else if (o == &o_db) a->db = arg;
  else if (o == &o_resume) a->resume = true;
  return 0;
}

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
  sweep_args a = {.ro = {.reversion = NAN}, .sv = {0, 1, 1}};
  const char *file = NULL;
  size_t npos;
  int rc = 1;
  cli_mpi mpi;
  bool agreed = false;
  concert_scenario *s = NULL;
  FILE *csvf = NULL;
  concert_sweep *w = NULL;
  if (cli_mpi_start(&mpi, &argc, &argv, "sweep")) return 1;
  int prc = cli_parse(&concert_cli_sweep_spec, argc, argv, take, &a, &file, &npos, &a.ro.format);
  if (prc >= 0) {
    rc = prc;
    goto out;
  }
  run_options ro = a.ro;
  const char *forum = ro.forum, *csv = a.csv, *db = a.db;
  bool resume = a.resume;
  unsigned long long runs = a.sv.runs, seed = a.sv.seed, threads = a.sv.threads;
  if (resume && !db) {
    rc = cli_usage("sweep", "--resume needs --db FILE");
    goto out;
  }
  if (!runs) {
    rc = cli_usage("sweep", "--runs N (-n N) is required");
    goto out;
  }
  int ok;
  const concert_model *model = run_options_model(&ro, "sweep", &ok);
  if (!ok) {
    rc = 2;
    goto out;
  }
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
  if (ro.format == 1) {
    char *json = NULL;
    st = concert_sweep_to_json(w, &json, &d);
    if (st) concert_cli_report("sweep", st, &d);
    else printf("%s\n", json);
    free(json);
  } else if (ro.format == 2) {
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
  run_options_free(&a.ro);
  return rc;
}
