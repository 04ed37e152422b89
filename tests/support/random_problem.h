/* random_problem.h: the seeded random problem of bench_smp --random and of the SMP tests:
 * capabilities uniform on [10, 200), each actor's saliences uniform on [0.1, 1) and
 * rescaled to a total drawn on [0.6, 0.95), positions uniform on [0, 100). Header-only. */
#ifndef CONCERT_TEST_RANDOM_PROBLEM_H
#define CONCERT_TEST_RANDOM_PROBLEM_H
#include <stddef.h>
#include <stdint.h>

#include "splitmix64.h"

/* Fills x and s (n x m, actor-major) and cap (n) from seed. */
static inline void random_smp_problem(uint64_t seed, size_t n, size_t m, double *x, double *s,
                                      double *cap) {
  for (size_t a = 0; a < n; a++) {
    cap[a] = sm64_range(&seed, 10, 200);
    double tot = sm64_range(&seed, 0.6, 0.95), sum = 0;
    for (size_t k = 0; k < m; k++) sum += (s[a * m + k] = sm64_range(&seed, 0.1, 1));
    for (size_t k = 0; k < m; k++) {
      s[a * m + k] *= tot / sum;
      x[a * m + k] = sm64_range(&seed, 0, 100);
    }
  }
}

#endif
