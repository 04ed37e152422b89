/* bench_smp.c: times the smp model (and the actor-table loader) for bench/README.md.
 *   bench_smp FILE.csv            load a KTAB/BDM table and run smp with KTAB's defaults
 *   bench_smp --random N M SEED   run smp on N random actors x M issues (splitmix64 draws:
 *                                 capability U(10,200), positions U(0,100), saliences
 *                                 U(0.1,1) scaled to a total U(0.6,0.95), as synthetic/)
 *   --turns T (first argument)    cap the run at T turns (max_turns=T), e.g. to time
 *                                 10 turns of a large problem
 * Prints turns, stop reason and the forecast; run it under hyperfine or /usr/bin/time -v. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <concert.h>

#include "random_problem.h"

int main(int argc, char **argv) {
  concert_problem p;
  concert_table *t = NULL;
  double *buf = NULL;
  concert_diag d = {0};
  char msg[1024];
  concert_params *par = NULL;
  if (argc > 2 && strcmp(argv[1], "--turns") == 0) {
    char *end;
    double turns = strtod(argv[2], &end);
    par = concert_params_new();
    if (*end || !par || concert_params_set_number(par, "max_turns", turns)) return 2;
    argc -= 2, argv += 2;
  }
  if (argc == 5 && strcmp(argv[1], "--random") == 0) {
    size_t n = strtoul(argv[2], NULL, 10), m = strtoul(argv[3], NULL, 10);
    uint64_t seed = strtoull(argv[4], NULL, 10);
    buf = malloc((2 * n * m + n + m) * sizeof *buf);
    if (!buf || n == 0 || m == 0) return 2;
    double *x = buf, *s = x + n * m, *c = s + n * m, *rev = c + n;
    random_smp_problem(seed, n, m, x, s, c);
    for (size_t k = 0; k < m; k++) rev[k] = 0.0 / 0.0;
    p = (concert_problem){n, m, x, s, c, rev, NULL};
  } else if (argc == 2) {
    if (concert_table_load(argv[1], &t, &d)) {
      fprintf(stderr, "%s\n", concert_diag_format(&d, msg, sizeof msg));
      return 1;
    }
    concert_table_problem(t, &p);
  } else {
    fprintf(stderr, "usage: bench_smp [--turns T] FILE.csv | bench_smp [--turns T] --random N M SEED\n");
    return 2;
  }
  concert_solution *sol = NULL;
  if (concert_model_solve(concert_model_find("smp"), par, &p, &sol, &d)) {
    fprintf(stderr, "%s\n", concert_diag_format(&d, msg, sizeof msg));
    return 1;
  }
  printf("%zu actors x %zu issues: %zu turns (%s); forecast", p.n_actors, p.n_issues,
         concert_solution_rounds(sol) - 1, concert_solution_stop_reason(sol));
  for (size_t k = 0; k < p.n_issues && k < 10; k++) printf(" %.2f", concert_solution_outcome(sol, k));
  printf("\n");
  concert_solution_free(sol);
  concert_params_free(par);
  concert_table_free(t);
  free(buf);
  return 0;
}
