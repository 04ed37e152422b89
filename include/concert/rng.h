/* concert/rng.h: counter-based random streams (Random123 Philox4x32-10).
 *
 * One independent stream per (seed, stream index): the sweep uses the run index as the
 * stream, so run r draws the same numbers whichever thread plays it. A stream is a small
 * public value struct the caller owns; there is no global state. docs/sweep.md, "Streams". */
#ifndef CONCERT_RNG_H
#define CONCERT_RNG_H
#ifdef __cplusplus
extern "C" {
#endif
#include <stdint.h>

#include "export.h"

/** One random stream: Philox4x32-10 keyed by the seed, counting blocks within the stream.
 * The fields are the generator's state; read them only through the functions below. */
typedef struct concert_rng {
  uint32_t key[2];   /* the seed: low, high 32 bits */
  uint32_t ctr[4];   /* block counter (low, high), stream index (low, high) */
  uint32_t buf[4];   /* the current block's output */
  unsigned left;     /* words of buf not yet used (0..4) */
} concert_rng;

/** Starts stream `stream` of seed `seed` at its first block. r must not be NULL. O(1). */
CONCERT_API void concert_rng_init(concert_rng *r, uint64_t seed, uint64_t stream);
/** The next 32 random bits of the stream. O(1) (one Philox block per four words). */
CONCERT_API uint32_t concert_rng_u32(concert_rng *r);
/** The next uniform double in the open interval (0, 1), from two 32-bit words (53 bits:
 * (a >> 5) * 2^26 + (b >> 6), plus one half, times 2^-53). O(1). */
CONCERT_API double concert_rng_uniform(concert_rng *r);

#ifdef __cplusplus
}
#endif
#endif
