/* power/power.c: the public power indices. Picks the engine for a game (power_i.h),
 * turns exact counts into indices and reports failures in a concert_diag. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "power/power_i.h"
#include "status/diag.h"

/* Exact counts for a game, from whichever engine fits. */
typedef struct counts {
  size_t n;     /* players */
  mpz_t *eta;   /* n swing totals */
  mpz_t *swz;   /* n*n swing counts by size, swz[i*n + s], or NULL when not asked for */
  mpz_t winm;   /* winning coalitions */
} counts;

/* Estimated operation counts, to choose between exact engines. */
static double mitm_cost(const concert_game *g) {
  double h = (double)(g->n / 2);
  return 2.0 * (double)g->n * ldexp(1.0, (int)(g->n - 1 - g->n / 2)) * (h + 1);
}
static double dp_cost(const concert_game *g) {
  return (double)(g->n / 61 + 1) * (double)g->n * (double)g->q[0];
}

static bool dp_fits(const concert_game *g) {
  return g->k == 1 && g->min_members <= 1 && g->always_win == 0;
}

static concert_status unsupported(const concert_game *g, concert_diag *diag) {
  return concert_i_fail(diag, CONCERT_ERR_UNSUPPORTED, NULL, 0, 0, "game",
                        "no exact engine for %zu players with %zu weight vectors "
                        "(supported: one weight vector, with member rules when "
                        "(n+1) x quota <= 2^24 or n <= %d; several weight vectors up to %d "
                        "players)",
                        g->n, g->k, CONCERT_I_MITM_MAX, CONCERT_I_BRUTE_MAX);
}

static concert_status engine_fail(concert_status st, concert_diag *diag) {
  if (st == CONCERT_ERR_NOMEM) return CONCERT_FAIL(diag, st, "out of memory");
  if (st == CONCERT_ERR_TOO_LARGE)
    return concert_i_fail(diag, st, NULL, 0, 0, "game",
                          "the quota is too large for the dynamic program (over 2^26 "
                          "entries, or (n+1) x quota over 2^24 with member rules)");
  if (st == CONCERT_ERR_UNSUPPORTED) return CONCERT_FAIL(diag, st, "no engine for this game");
  return CONCERT_FAIL(diag, st, "power computation failed");
}

static void counts_free(counts *c) {
  if (c->eta) {
    for (size_t i = 0; i < c->n; i++) mpz_clear(c->eta[i]);
    free(c->eta);
    mpz_clear(c->winm);
  }
  if (c->swz) {
    for (size_t e = 0; e < c->n * c->n; e++) mpz_clear(c->swz[e]);
    free(c->swz);
  }
  memset(c, 0, sizeof *c);
}

static concert_status counts_alloc(counts *c, size_t n, bool sized) {
  c->n = n;
  c->eta = malloc(n * sizeof *c->eta);
  if (!c->eta) return CONCERT_ERR_NOMEM;
  for (size_t i = 0; i < n; i++) mpz_init(c->eta[i]);
  mpz_init(c->winm);
  if (sized) {
    c->swz = malloc(n * n * sizeof *c->swz);
    if (!c->swz) return CONCERT_ERR_NOMEM;
    for (size_t e = 0; e < n * n; e++) mpz_init(c->swz[e]);
  }
  return CONCERT_OK;
}

/* Games without weight vectors: win iff |S| >= m, m = min(min_members, always_win). Every
 * player swings exactly for the C(n-1, m-1) coalitions of size m - 1. */
static void counts_count_only(const concert_game *g, counts *c) {
  size_t n = g->n, m = g->min_members;
  if (g->always_win && g->always_win < m) m = g->always_win;
  mpz_t b;
  mpz_init(b);
  for (size_t i = 0; i < n; i++) {
    mpz_bin_uiui(c->eta[i], n - 1, m - 1);
    if (c->swz) mpz_set(c->swz[i * n + m - 1], c->eta[i]);
  }
  for (size_t s = m; s <= n; s++) {
    mpz_bin_uiui(b, n, s);
    mpz_add(c->winm, c->winm, b);
  }
  mpz_clear(b);
}

/* want_sized: counts by size are needed (Shapley-Shubik); want_win: the number of
 * winning coalitions is needed (else c->winm may stay 0); want_eta: the swing totals are
 * needed (else they may stay 0: meet in the middle then counts the winning coalitions in
 * one sweep instead of sweeping once per player). */
static concert_status counts_get(const concert_game *g, bool want_sized, bool want_win,
                                 bool want_eta, counts *c, concert_diag *diag) {
  memset(c, 0, sizeof *c);
  if (!g) return CONCERT_FAIL(diag, CONCERT_ERR_ARGUMENT, "game is NULL");
  size_t n = g->n;
  bool mitm = g->k <= 1 && n <= CONCERT_I_MITM_MAX;
  bool brute = n <= CONCERT_I_BRUTE_MAX;
  bool dp = dp_fits(g);
  if (g->k > 1 && !brute) return unsupported(g, diag);
  concert_status st = counts_alloc(c, n, want_sized);
  if (st) {
    counts_free(c);
    return engine_fail(st, diag);
  }
  if (g->k == 0) {
    counts_count_only(g, c);
    return CONCERT_OK;
  }
  if (!want_sized && dp && (!mitm || dp_cost(g) < mitm_cost(g))) {
    st = concert_i_power_dp_swings(g, c->eta, c->winm);
  } else if (mitm || brute) {
    bool players = want_eta || want_sized || !mitm;
    uint64_t *sw = malloc(n * n * sizeof *sw), win = 0;
    st = !sw ? CONCERT_ERR_NOMEM
         : mitm ? concert_i_power_mitm(g, players ? sw : NULL, want_win ? &win : NULL)
                : concert_i_power_brute(g, sw, &win);
    mpz_t v;
    mpz_init(v);
    for (size_t i = 0; !st && players && i < n; i++)
      for (size_t s = 0; s < n; s++) {
        mpz_import(v, 1, -1, sizeof sw[0], 0, 0, &sw[i * n + s]);
        mpz_add(c->eta[i], c->eta[i], v);
        if (c->swz) mpz_set(c->swz[i * n + s], v);
      }
    mpz_clear(v);
    if (!st) mpz_import(c->winm, 1, -1, sizeof win, 0, 0, &win);
    free(sw);
  } else {
    /* one weight vector with member rules on more than 36 players: (size, weight) DP */
    mpz_t *swz = c->swz;
    if (!swz) {
      swz = malloc(n * n * sizeof *swz);
      if (!swz) st = CONCERT_ERR_NOMEM;
      for (size_t e = 0; !st && e < n * n; e++) mpz_init(swz[e]);
    }
    if (!st) st = concert_i_power_dp_sized(g, swz, c->winm);
    for (size_t i = 0; !st && i < n; i++)
      for (size_t s = 0; s < n; s++) mpz_add(c->eta[i], c->eta[i], swz[i * n + s]);
    if (swz && swz != c->swz) {
      for (size_t e = 0; e < n * n; e++) mpz_clear(swz[e]);
      free(swz);
    }
  }
  if (st) {
    counts_free(c);
    return engine_fail(st, diag);
  }
  return CONCERT_OK;
}

static concert_status check_out(const concert_game *g, const void *out, concert_diag *diag) {
  if (!g || !out) return CONCERT_FAIL(diag, CONCERT_ERR_ARGUMENT, "game or out is NULL");
  return CONCERT_OK;
}

concert_status concert_power_banzhaf(const concert_game *g, double *out, concert_diag *diag) {
  concert_status st = check_out(g, out, diag);
  return st ? st : concert_power_banzhaf_all(g, out, NULL, NULL, diag);
}

concert_status concert_power_banzhaf_abs(const concert_game *g, double *out,
                                         concert_diag *diag) {
  concert_status st = check_out(g, out, diag);
  counts c;
  if (!st) st = counts_get(g, false, false, true, &c, diag);
  if (st) return st;
  for (size_t i = 0; i < g->n; i++) {
    {
      long e;
      double m = mpz_get_d_2exp(&e, c.eta[i]);
      out[i] = ldexp(m, (int)(e - (long)(g->n - 1)));
    }
  }
  counts_free(&c);
  return CONCERT_OK;
}

concert_status concert_power_swings(const concert_game *g, uint64_t *out, concert_diag *diag) {
  concert_status st = check_out(g, out, diag);
  counts c;
  if (!st) st = counts_get(g, false, false, true, &c, diag);
  if (st) return st;
  for (size_t i = 0; i < g->n && !st; i++) {
    if (mpz_sizeinbase(c.eta[i], 2) > 64) {
      char path[32];
      snprintf(path, sizeof path, "players[%zu]", i);
      st = concert_i_fail(diag, CONCERT_ERR_RANGE, NULL, 0, 0, path,
                          "swing count exceeds 2^64; use concert_power_swings_text");
    } else {
      uint64_t v = 0;
      size_t cnt = 0;
      mpz_export(&v, &cnt, -1, sizeof v, 0, 0, c.eta[i]);
      out[i] = cnt ? v : 0;
    }
  }
  counts_free(&c);
  return st;
}

static char *mpz_text(const mpz_t v) {
  char *s = malloc(mpz_sizeinbase(v, 10) + 2);
  if (s) mpz_get_str(s, 10, v);
  return s;
}

concert_status concert_power_banzhaf_all(const concert_game *g, double *banzhaf, char **swings,
                                         char **winning, concert_diag *diag) {
  if (!g) return CONCERT_FAIL(diag, CONCERT_ERR_ARGUMENT, "game is NULL");
  counts c;
  concert_status st = counts_get(g, false, winning != NULL, banzhaf || swings, &c, diag);
  if (st) return st;
  if (banzhaf) {
    mpz_t tot;
    mpq_t r;
    mpz_init(tot);
    mpq_init(r);
    for (size_t i = 0; i < g->n; i++) mpz_add(tot, tot, c.eta[i]);
    for (size_t i = 0; i < g->n; i++) {
      if (mpz_sgn(tot) == 0) {
        banzhaf[i] = 0;
        continue;
      }
      mpq_set_num(r, c.eta[i]);
      mpq_set_den(r, tot);
      mpq_canonicalize(r);
      banzhaf[i] = mpq_get_d(r);
    }
    mpz_clear(tot);
    mpq_clear(r);
  }
  for (size_t i = 0; swings && i < g->n; i++) swings[i] = NULL;
  if (winning) *winning = NULL;
  for (size_t i = 0; swings && !st && i < g->n; i++)
    if (!(swings[i] = mpz_text(c.eta[i]))) st = CONCERT_ERR_NOMEM;
  if (!st && winning && !(*winning = mpz_text(c.winm))) st = CONCERT_ERR_NOMEM;
  counts_free(&c);
  if (st) {
    for (size_t i = 0; swings && i < g->n; i++) free(swings[i]), swings[i] = NULL;
    return CONCERT_FAIL(diag, CONCERT_ERR_NOMEM, "out of memory");
  }
  return CONCERT_OK;
}

concert_status concert_power_swings_text(const concert_game *g, char **out,
                                         concert_diag *diag) {
  concert_status st = check_out(g, out, diag);
  return st ? st : concert_power_banzhaf_all(g, NULL, out, NULL, diag);
}

concert_status concert_power_winning_text(const concert_game *g, char **out,
                                          concert_diag *diag) {
  concert_status st = check_out(g, out, diag);
  return st ? st : concert_power_banzhaf_all(g, NULL, NULL, out, diag);
}

concert_status concert_power_shapley(const concert_game *g, double *out, concert_diag *diag) {
  concert_status st = check_out(g, out, diag);
  if (st) return st;
  size_t n = g->n;
  if (g->k == 0) { /* all players are symmetric */
    for (size_t i = 0; i < n; i++) out[i] = 1.0 / (double)n;
    return CONCERT_OK;
  }
  bool small = (g->k <= 1 && n <= CONCERT_I_MITM_MAX) || n <= CONCERT_I_BRUTE_MAX;
  if (!small && dp_fits(g)) {
    st = concert_i_power_dp_shapley(g, out);
    return st ? engine_fail(st, diag) : CONCERT_OK;
  }
  counts c;
  st = counts_get(g, true, false, true, &c, diag);
  if (st) return st;
  /* SS_i = sum_s sw(i, s) s! (n-1-s)! / n! = sum_s sw(i, s) / (n C(n-1, s)); each term is
   * an exact fraction rounded once, the sum is kept in long double */
  mpq_t r;
  mpz_t den;
  mpq_init(r);
  mpz_init(den);
  for (size_t i = 0; i < n; i++) {
    long double acc = 0;
    for (size_t s = 0; s < n; s++) {
      if (mpz_sgn(c.swz[i * n + s]) == 0) continue;
      mpz_bin_uiui(den, n - 1, s);
      mpz_mul_ui(den, den, n);
      mpq_set_num(r, c.swz[i * n + s]);
      mpq_set_den(r, den);
      mpq_canonicalize(r);
      acc += (long double)mpq_get_d(r);
    }
    out[i] = (double)acc;
  }
  mpq_clear(r);
  mpz_clear(den);
  counts_free(&c);
  return CONCERT_OK;
}

concert_status concert_power_vetoes(const concert_game *g, bool *out, size_t *count,
                                    concert_diag *diag) {
  concert_status st = check_out(g, out, diag);
  if (st) return st;
  size_t n = g->n, k = g->k, nv = 0;
  for (size_t i = 0; i < n; i++) {
    /* the coalition N \ {i}: size n - 1, sums total - w_i */
    bool wins = n - 1 >= g->min_members;
    for (size_t j = 0; j < k && wins; j++) wins = g->total[j] - g->w[j * n + i] >= g->q[j];
    if (g->always_win && n - 1 >= g->always_win) wins = true;
    out[i] = !wins;
    nv += out[i];
  }
  if (count) *count = nv;
  return CONCERT_OK;
}
