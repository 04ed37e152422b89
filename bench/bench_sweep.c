/* bench_sweep.c: summit runs per second per core of `concert sweep` (docs/sweep.md) on a
 * scenario (default scenarios/g7-kananaskis-2025.yaml, its first forum) with a model
 * (default compromise), at 1 and 2 threads: the median of 5 sweeps of RUNS runs each, in
 * process (load excluded). For comparison it also times bare summit runs on the point values
 * with the chair's expectation at the range ends (a single `concert run`) and at the point
 * values only (what each sweep run does, without the draw and the aggregation).
 * Usage: bench_sweep [FILE [MODEL [RUNS]]]. Prints markdown rows. */
#include <concert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

static int cmp(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

enum { R = 5 };

static double median(double *v) {
  qsort(v, R, sizeof *v, cmp);
  return v[R / 2];
}

/* Median seconds of n bare summit runs with protocol p. */
static double bare(const concert_scenario *s, const concert_model *m, const concert_params *p,
                   size_t n) {
  double t[R];
  for (int r = 0; r < R; r++) {
    double t0 = now();
    for (size_t i = 0; i < n; i++) {
      concert_outcome *o = NULL;
      if (concert_summit_run(s, 0, m, NULL, p, &o, NULL)) return -1;
      concert_outcome_free(o);
    }
    t[r] = now() - t0;
  }
  return median(t);
}

int main(int argc, char **argv) {
  const char *file = argc > 1 ? argv[1] : "scenarios/g7-kananaskis-2025.yaml";
  const char *mname = argc > 2 ? argv[2] : "compromise";
  size_t runs = argc > 3 ? (size_t)strtoul(argv[3], NULL, 10) : 20000;
  concert_scenario *s = NULL;
  concert_diag d;
  concert_diag_clear(&d);
  if (concert_scenario_load_file(file, &s, &d)) {
    fprintf(stderr, "bench_sweep: %s: %s\n", file, d.message);
    return 1;
  }
  const concert_model *m = concert_model_find(mname);
  if (!m) {
    fprintf(stderr, "bench_sweep: unknown model %s\n", mname);
    return 1;
  }
  printf("| case | threads | runs | median s | runs/s | runs/s/core |\n|---|---:|---:|---:|---:|---:|\n");
  for (unsigned th = 1; th <= 2; th++) {
    double t[R];
    for (int r = 0; r < R; r++) {
      concert_sweep_options o;
      concert_sweep_options_init(&o);
      o.runs = runs, o.seed = 1, o.threads = th, o.model = m;
      concert_sweep *w = NULL;
      double t0 = now();
      if (concert_sweep_run(s, &o, &w, &d)) {
        fprintf(stderr, "bench_sweep: %s\n", d.message);
        return 1;
      }
      t[r] = now() - t0;
      concert_sweep_free(w);
    }
    double med = median(t);
    printf("| sweep (%s) | %u | %zu | %.3f | %.0f | %.0f |\n", mname, th, runs, med,
           (double)runs / med, (double)runs / med / th);
  }
  size_t n = runs / 4 ? runs / 4 : 1;
  concert_params *point = concert_params_new();
  if (!point || concert_params_set_word(point, "forgo_evaluation", "point")) return 1;
  double tp = bare(s, m, point, n), tr = bare(s, m, NULL, n);
  printf("| bare summit, chair at the point values | 1 | %zu | %.3f | %.0f | %.0f |\n", n, tp,
         (double)n / tp, (double)n / tp);
  printf("| bare summit, chair at the range ends (concert run) | 1 | %zu | %.3f | %.0f | %.0f |\n",
         n, tr, (double)n / tr, (double)n / tr);
  concert_params_free(point);
  concert_scenario_free(s);
  return 0;
}
