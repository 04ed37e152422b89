/* power/power_i.h: the concert_game structure and the internal engines of the power module.
 *
 * Engines (docs/power.md):
 *   mitm  : exact counts by coalition size, one weight vector plus member rules, n <= 36.
 *   brute : exact counts by size for any game with n <= 22 (enumerates 2^n coalitions).
 *   dp    : one weight vector, no member rules, any n: exact swing counts modulo several
 *           primes (CRT into GMP integers) and Shapley-Shubik by Gauss-Legendre quadrature.
 *   dp_sized : one weight vector with member rules, any n with (n+1) q <= 2^24: exact
 *           counts by size over (size, weight), modulo several primes.
 *   count-only games (no weight vector) have closed forms (power.c). */
#ifndef CONCERT_I_POWER_H
#define CONCERT_I_POWER_H
#include <concert/power.h>
#include <gmp.h>

struct concert_game {
  size_t n;           /* number of players */
  size_t k;           /* number of weight vectors after folding equal-weight vectors */
  int64_t *w;         /* k*n weights, vector j at w[j*n] */
  int64_t *q;         /* k quotas */
  int64_t *total;     /* k totals */
  size_t min_members; /* member-count quota (0: none) */
  size_t always_win;  /* coalitions with at least this many members win (0: none) */
  char **ids;         /* n player ids (owned) */
  char **names;       /* n display names (owned, "" when none) */
  char *title;        /* title (owned, "" when none) */
};

/** Largest n for the meet-in-the-middle engine. */
#define CONCERT_I_MITM_MAX 36
/** Largest n for the brute-force engine. */
#define CONCERT_I_BRUTE_MAX 22

/** Exact swing counts by size: sw[i*n + s] = #{S subset of N\{i}, |S| = s, i swings}.
 * Needs g->k <= 1 and g->n <= CONCERT_I_MITM_MAX. Also *winning = number of winning
 * coalitions (may be NULL). sw has n*n entries, or is NULL when only *winning is wanted
 * (one sweep: O(n 2^(n/2))). O(n^2 2^(n/2)). */
concert_status concert_i_power_mitm(const concert_game *g, uint64_t *sw, uint64_t *winning);

/** Same contract as concert_i_power_mitm for any k, n <= CONCERT_I_BRUTE_MAX. O(n 2^n). */
concert_status concert_i_power_brute(const concert_game *g, uint64_t *sw, uint64_t *winning);

/** One weight vector, no member rules: exact swing counts eta[i] (n initialised mpz_t) and
 * the number of winning coalitions (initialised mpz_t, may be NULL). O(r n q). */
concert_status concert_i_power_dp_swings(const concert_game *g, mpz_t *eta, mpz_t winning);

/** One weight vector, no member rules: Shapley-Shubik by quadrature. out has n entries.
 * O(n^2 q / 2) time, O(q) memory. */
concert_status concert_i_power_dp_shapley(const concert_game *g, double *out);

/** One weight vector with member rules, any n: exact swing counts by size,
 * swz[i*n + s] (n*n initialised mpz_t), and the winning coalitions (may be NULL).
 * O(r n^2 q) time, O(n q) memory; CONCERT_ERR_TOO_LARGE when (n+1) q > 2^24. */
concert_status concert_i_power_dp_sized(const concert_game *g, mpz_t *swz, mpz_t winning);

/** Gauss-Legendre nodes and weights on [0,1] (m of each), weights summing to 1. */
void concert_i_gauss_legendre01(size_t m, double *t, double *w);

#endif
