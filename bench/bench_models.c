/* bench_models.c: speed of every registered model on seeded synthetic problems (7, 50,
 * 200 and 1,000 actors x 10 issues) and of the expected utility model on the two
 * examples of jmckib's Python replication (emissions, 10 actors; Sultan, 17 actors; 10
 * rounds each, jmckib's switches). bench/run.sh drives it under hyperfine and
 * /usr/bin/time -v; results in bench/README.md, section Models.
 *
 * Usage:
 *   bench_models                         every model and size, median of in-process runs
 *   bench_models --list                  the registered models, one per line
 *   bench_models --model M --actors N [--issues K] [--repeat R] [--param k=v ...]
 *   bench_models --case emissions|sultan [--repeat R]
 * The synthetic generator (splitmix64, seed = actors * 1000 + issues) is deterministic:
 * positions uniform on [0, 100], saliences on [0.05, 1], capabilities on [0.1, 1.1],
 * reversion points on [0, 100]. Each run prints the outcome checksum so that runs can be
 * compared across builds. */
#include <concert.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "splitmix64.h"

/* A problem with its own storage. */
typedef struct bench_problem {
  concert_problem p;  /* the view handed to the models */
  double *pos, *sal;  /* n x m */
  double *cap, *rev;  /* n, m */
} bench_problem;

static int make_problem(bench_problem *b, size_t n, size_t m) {
  memset(b, 0, sizeof *b);
  b->pos = malloc(n * m * sizeof *b->pos);
  b->sal = malloc(n * m * sizeof *b->sal);
  b->cap = malloc(n * sizeof *b->cap);
  b->rev = malloc(m * sizeof *b->rev);
  if (!b->pos || !b->sal || !b->cap || !b->rev) return -1;
  uint64_t seed = (uint64_t)n * 1000 + m;
  for (size_t a = 0; a < n; a++) {
    b->cap[a] = 0.1 + sm64_unit(&seed);
    for (size_t k = 0; k < m; k++) {
      b->pos[a * m + k] = 100 * sm64_unit(&seed);
      b->sal[a * m + k] = 0.05 + 0.95 * sm64_unit(&seed);
    }
  }
  for (size_t k = 0; k < m; k++) b->rev[k] = 100 * sm64_unit(&seed);
  b->p = (concert_problem){.n_actors = n, .n_issues = m, .position = b->pos,
                           .salience = b->sal, .capability = b->cap, .reversion = b->rev};
  return 0;
}

static void free_problem(bench_problem *b) {
  free(b->pos);
  free(b->sal);
  free(b->cap);
  free(b->rev);
}

/* The two examples of jmckib's repository (data/decisions in the shared data). */
static const double em_cap[] = {0.08, 0.08, 0.03, 0.16, 0.16, 0.16, 0.16, 0.05, 0.05, 0.08};
static const double em_pos[] = {4, 7, 4, 4, 10, 10, 10, 7, 4, 7};
static const double em_sal[] = {0.8, 0.4, 0.2, 0.8, 0.6, 0.6, 0.9, 0.1, 1.0, 0.7};
static const double su_cap[] = {0.65, 0.85, 0.55, 0.7, 0.5, 0.75, 0.65, 0.85, 0.95,
                                0.6,  0.95, 0.45, 1.0, 1.05, 0.6, 0.8, 0.75};
static const double su_pos[] = {14.25, 14.20, 14.20, 14.10, 14.10, 14.00, 14.00, 13.95, 13.90,
                                13.75, 13.40, 13.35, 13.25, 13.00, 13.00, 12.90, 12.85};
static const double su_sal[] = {0.8, 0.85, 0.65, 0.75, 0.75, 0.85, 0.9, 0.85, 0.9,
                                0.8, 0.95, 0.75, 0.9,  0.9,  0.7,  0.85, 0.75};
static const char *const jmckib[] = {"risk=observer", "denominator=all_pairs", "votes=risk",
                                     "compromise=eu_weighted", "capitulation=jmckib_typo",
                                     "range=fixed", "rounds=10"};

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

/* Runs model m on p `repeat` times (fewer if one run exceeds budget seconds); *median
 * receives the median wall time in seconds and *sum the outcome checksum. 0 on success;
 * on failure prints the reason to stderr and returns 1. */
static int time_model(const concert_model *m, const concert_params *params,
                      const concert_problem *p, int repeat, double budget, double *median,
                      double *sum, size_t *rounds) {
  double times[64];
  if (repeat > 64) repeat = 64;
  int done = 0;
  double spent = 0;
  for (int r = 0; r < repeat && (r == 0 || spent < budget); r++) {
    concert_solution *s = NULL;
    concert_diag d;
    double t0 = now();
    concert_status st = concert_model_solve(m, params, p, &s, &d);
    double t = now() - t0;
    if (st) {
      fprintf(stderr, "%s: %s\n", concert_model_name(m), d.message);
      return 1;
    }
    *sum = 0;
    for (size_t k = 0; k < p->n_issues; k++) *sum += concert_solution_outcome(s, k);
    *rounds = concert_solution_rounds(s);
    concert_solution_free(s);
    times[done++] = t;
    spent += t;
  }
  qsort(times, (size_t)done, sizeof *times, cmp_double);
  *median = done % 2 ? times[done / 2] : 0.5 * (times[done / 2 - 1] + times[done / 2]);
  return 0;
}

static int run_case(const char *name, int repeat) {
  const double *cap, *pos, *sal;
  size_t n;
  if (strcmp(name, "emissions") == 0) {
    cap = em_cap, pos = em_pos, sal = em_sal, n = 10;
  } else if (strcmp(name, "sultan") == 0) {
    cap = su_cap, pos = su_pos, sal = su_sal, n = 17;
  } else {
    fprintf(stderr, "unknown case '%s' (emissions or sultan)\n", name);
    return 2;
  }
  const concert_model *m = concert_model_find("eum");
  if (!m) {
    fprintf(stderr, "the eum model is not registered\n");
    return 1;
  }
  double rev = NAN;
  concert_problem p = {.n_actors = n, .n_issues = 1, .position = pos, .salience = sal,
                       .capability = cap, .reversion = &rev};
  concert_params *params = concert_params_new();
  if (!params) return 1;
  for (size_t i = 0; i < sizeof jmckib / sizeof jmckib[0]; i++)
    concert_params_set_text(params, jmckib[i], NULL);
  double med = 0, sum = 0;
  size_t rounds = 0;
  int rc = time_model(m, params, &p, repeat, 1e9, &med, &sum, &rounds);
  if (!rc)
    printf("eum %-9s actors %zu rounds %zu median %.6f ms outcome %.4f\n", name, n, rounds - 1,
           1e3 * med, sum);
  concert_params_free(params);
  return rc;
}

static int run_one(const char *model, size_t n, size_t m, int repeat, concert_params *params) {
  const concert_model *mod = concert_model_find(model);
  if (!mod) {
    fprintf(stderr, "unknown model '%s'\n", model);
    return 2;
  }
  bench_problem b;
  if (make_problem(&b, n, m)) {
    free_problem(&b);
    fprintf(stderr, "out of memory\n");
    return 1;
  }
  double med = 0, sum = 0;
  size_t rounds = 0;
  int rc = time_model(mod, params, &b.p, repeat, 1e9, &med, &sum, &rounds);
  if (!rc)
    printf("%-10s actors %5zu issues %3zu rounds %3zu median %10.3f ms checksum %.6f\n", model, n,
           m, rounds - 1, 1e3 * med, sum);
  free_problem(&b);
  return rc;
}

static int run_all(void) {
  static const size_t sizes[] = {7, 50, 200, 1000};
  printf("%-10s %7s %7s %12s\n", "model", "actors", "issues", "median ms");
  int rc = 0;
  for (size_t i = 0; i < concert_model_count(); i++) {
    const concert_model *m = concert_model_at(i);
    for (size_t z = 0; z < sizeof sizes / sizeof sizes[0]; z++) {
      bench_problem b;
      if (make_problem(&b, sizes[z], 10)) {
        free_problem(&b);
        return 1;
      }
      double med = 0, sum = 0;
      size_t rounds = 0;
      if (time_model(m, NULL, &b.p, 5, 2.0, &med, &sum, &rounds) == 0)
        printf("%-10s %7zu %7d %12.3f\n", concert_model_name(m), sizes[z], 10, 1e3 * med);
      else
        rc = 1;
      free_problem(&b);
    }
  }
  rc |= run_case("emissions", 21);
  rc |= run_case("sultan", 21);
  return rc;
}

int main(int argc, char **argv) {
  if (argc == 1) return run_all();
  const char *model = NULL, *kase = NULL;
  size_t n = 0, m = 10;
  int repeat = 1;
  concert_params *params = concert_params_new();
  if (!params) return 1;
  int rc = 0;
  for (int i = 1; i < argc && !rc; i++) {
    const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
    if (strcmp(a, "--list") == 0) {
      for (size_t k = 0; k < concert_model_count(); k++)
        printf("%s\n", concert_model_name(concert_model_at(k)));
      concert_params_free(params);
      return 0;
    } else if (v && strcmp(a, "--model") == 0) {
      model = v, i++;
    } else if (v && strcmp(a, "--case") == 0) {
      kase = v, i++;
    } else if (v && strcmp(a, "--actors") == 0) {
      n = (size_t)strtoul(v, NULL, 10), i++;
    } else if (v && strcmp(a, "--issues") == 0) {
      m = (size_t)strtoul(v, NULL, 10), i++;
    } else if (v && strcmp(a, "--repeat") == 0) {
      repeat = (int)strtol(v, NULL, 10), i++;
    } else if (v && strcmp(a, "--param") == 0) {
      concert_diag d;
      if (concert_params_set_text(params, v, &d)) {
        fprintf(stderr, "bad --param '%s': %s\n", v, d.message);
        rc = 2;
      }
      i++;
    } else {
      fprintf(stderr, "usage: bench_models [--list | --model M --actors N [--issues K] "
                      "[--repeat R] [--param k=v]... | --case emissions|sultan [--repeat R]]\n");
      rc = 2;
    }
  }
  if (!rc) {
    if (repeat < 1) repeat = 1;
    if (kase)
      rc = run_case(kase, repeat);
    else if (model && n > 0 && m > 0)
      rc = run_one(model, n, m, repeat, params);
    else {
      fprintf(stderr, "bench_models: give --model and --actors, or --case\n");
      rc = 2;
    }
  }
  concert_params_free(params);
  return rc;
}
