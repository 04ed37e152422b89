/* rng.c: the counter-based random stream of concert/rng.h, a thin wrapper over Random123's
 * Philox4x32-10 (header-only, Debian librandom123-dev). Block b of stream s under seed k is
 * philox4x32_10(counter {b_lo, b_hi, s_lo, s_hi}, key {k_lo, k_hi}); its four words are used
 * in order. */
#include <concert/rng.h>

#include <Random123/philox.h>

void concert_rng_init(concert_rng *r, uint64_t seed, uint64_t stream) {
  r->key[0] = (uint32_t)seed, r->key[1] = (uint32_t)(seed >> 32);
  r->ctr[0] = r->ctr[1] = 0;
  r->ctr[2] = (uint32_t)stream, r->ctr[3] = (uint32_t)(stream >> 32);
  r->buf[0] = r->buf[1] = r->buf[2] = r->buf[3] = 0;
  r->left = 0;
}

static void next_block(concert_rng *r) {
  philox4x32_ctr_t c = {{r->ctr[0], r->ctr[1], r->ctr[2], r->ctr[3]}};
  philox4x32_key_t k = {{r->key[0], r->key[1]}};
  philox4x32_ctr_t out = philox4x32_R(10, c, k);
  for (int i = 0; i < 4; i++) r->buf[i] = out.v[i];
  r->left = 4;
  if (++r->ctr[0] == 0) ++r->ctr[1];
}

uint32_t concert_rng_u32(concert_rng *r) {
  if (r->left == 0) next_block(r);
  return r->buf[4 - r->left--];
}

double concert_rng_uniform(concert_rng *r) {
  uint32_t a, b;
  if (r->left >= 2) { /* both words from the current block: what two concert_rng_u32 give */
    a = r->buf[4 - r->left] >> 5, b = r->buf[5 - r->left] >> 6;
    r->left -= 2;
  } else {
    a = concert_rng_u32(r) >> 5, b = concert_rng_u32(r) >> 6;
  }
  double m = (double)a * 67108864.0 + (double)b; /* a * 2^26 + b, an integer < 2^53 */
  return (m + 0.5) * (1.0 / 9007199254740992.0);
}
