/* splitmix64.h: the one small deterministic generator (splitmix64; Steele, Lea & Flood,
 * OOPSLA 2014) from which the tests and benchmarks draw their seeded random problems.
 * Header-only and not part of libconcert, whose own randomness comes from GSL and
 * Random123. The same seed gives the same stream on every platform. */
#ifndef CONCERT_TEST_SPLITMIX64_H
#define CONCERT_TEST_SPLITMIX64_H
#include <stdint.h>

/* The next 64 random bits; advances *state. */
static inline uint64_t sm64_next(uint64_t *state) {
  uint64_t z = (*state += 0x9e3779b97f4a7c15u);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
  return z ^ (z >> 31);
}

/* Uniform on [0, 1) with 53 random bits. */
static inline double sm64_unit(uint64_t *state) {
  return (double)(sm64_next(state) >> 11) / 9007199254740992.0;
}

/* Uniform on [lo, hi). */
static inline double sm64_range(uint64_t *state, double lo, double hi) {
  return lo + (hi - lo) * (double)(sm64_next(state) >> 11) / 9007199254740992.0;
}

#endif
