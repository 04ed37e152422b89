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
  size_t n;       /* players */
  bool sized;     /* true: sw/win hold counts by size; false: eta/winm hold GMP totals */
  uint64_t *sw;   /* n*n swing counts by size (sized) */
  uint64_t win;   /* winning coalitions (sized) */
  mpz_t *eta;     /* n swing totals (not sized) */
  mpz_t winm;     /* winning coalitions (not sized) */
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
                        "no exact engine for %zu players with %zu weight vectors%s "
                        "(supported: one weight vector; member rules up to %d players; "
                        "several weight vectors up to %d players)",
                        g->n, g->k, g->min_members > 1 || g->always_win ? " and member rules" : "",
                        CONCERT_I_MITM_MAX, CONCERT_I_BRUTE_MAX);
}

static concert_status engine_fail(concert_status st, concert_diag *diag) {
  if (st == CONCERT_ERR_NOMEM) return CONCERT_FAIL(diag, st, "out of memory");
  if (st == CONCERT_ERR_TOO_LARGE)
    return concert_i_fail(diag, st, NULL, 0, 0, "game",
                          "the quota is too large for the dynamic program (over 2^26)");
  return CONCERT_FAIL(diag, st, "power computation failed");
}

static void counts_free(counts *c) {
  if (c->eta) {
    for (size_t i = 0; i < c->n; i++) mpz_clear(c->eta[i]);
    free(c->eta);
    mpz_clear(c->winm);
  }
  free(c->sw);
  memset(c, 0, sizeof *c);
}

/* want_sized: prefer counts by size (needed for Shapley-Shubik). */
static concert_status counts_get(const concert_game *g, bool want_sized, counts *c,
                                 concert_diag *diag) {
  memset(c, 0, sizeof *c);
  if (!g) return CONCERT_FAIL(diag, CONCERT_ERR_ARGUMENT, "game is NULL");
  c->n = g->n;
  bool mitm = g->k <= 1 && g->n <= CONCERT_I_MITM_MAX;
  bool brute = g->n <= CONCERT_I_BRUTE_MAX;
  bool dp = dp_fits(g);
  if (dp && (!mitm || (!want_sized && dp_cost(g) < mitm_cost(g)))) {
    c->eta = malloc(g->n * sizeof *c->eta);
    if (!c->eta) return CONCERT_FAIL(diag, CONCERT_ERR_NOMEM, "out of memory");
    for (size_t i = 0; i < g->n; i++) mpz_init(c->eta[i]);
    mpz_init(c->winm);
    concert_status st = concert_i_power_dp_swings(g, c->eta, c->winm);
    if (st) {
      counts_free(c);
      return engine_fail(st, diag);
    }
    return CONCERT_OK;
  }
  if (!mitm && !brute) return unsupported(g, diag);
  c->sized = true;
  c->sw = malloc(g->n * g->n * sizeof *c->sw);
  if (!c->sw) return CONCERT_FAIL(diag, CONCERT_ERR_NOMEM, "out of memory");
  concert_status st = mitm ? concert_i_power_mitm(g, c->sw, &c->win)
                           : concert_i_power_brute(g, c->sw, &c->win);
  if (st) {
    counts_free(c);
    return engine_fail(st, diag);
  }
  return CONCERT_OK;
}

static uint64_t sized_total(const counts *c, size_t i) {
  uint64_t t = 0;
  for (size_t s = 0; s < c->n; s++) t += c->sw[i * c->n + s];
  return t;
}

static concert_status check_out(const concert_game *g, const void *out, concert_diag *diag) {
  if (!g || !out) return CONCERT_FAIL(diag, CONCERT_ERR_ARGUMENT, "game or out is NULL");
  return CONCERT_OK;
}

concert_status concert_power_banzhaf(const concert_game *g, double *out, concert_diag *diag) {
  concert_status st = check_out(g, out, diag);
  counts c;
  if (!st) st = counts_get(g, false, &c, diag);
  if (st) return st;
  if (c.sized) {
    long double tot = 0;
    for (size_t i = 0; i < g->n; i++) tot += (long double)sized_total(&c, i);
    for (size_t i = 0; i < g->n; i++)
      out[i] = tot > 0 ? (double)((long double)sized_total(&c, i) / tot) : 0.0;
  } else {
    mpz_t tot;
    mpq_t r;
    mpz_init(tot);
    mpq_init(r);
    for (size_t i = 0; i < g->n; i++) mpz_add(tot, tot, c.eta[i]);
    for (size_t i = 0; i < g->n; i++) {
      if (mpz_sgn(tot) == 0) {
        out[i] = 0;
        continue;
      }
      mpq_set_num(r, c.eta[i]);
      mpq_set_den(r, tot);
      mpq_canonicalize(r);
      out[i] = mpq_get_d(r);
    }
    mpz_clear(tot);
    mpq_clear(r);
  }
  counts_free(&c);
  return CONCERT_OK;
}

concert_status concert_power_banzhaf_abs(const concert_game *g, double *out,
                                         concert_diag *diag) {
  concert_status st = check_out(g, out, diag);
  counts c;
  if (!st) st = counts_get(g, false, &c, diag);
  if (st) return st;
  for (size_t i = 0; i < g->n; i++) {
    if (c.sized) {
      out[i] = ldexp((double)sized_total(&c, i), -(int)(g->n - 1));
    } else {
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
  if (!st) st = counts_get(g, false, &c, diag);
  if (st) return st;
  for (size_t i = 0; i < g->n && !st; i++) {
    if (c.sized) {
      out[i] = sized_total(&c, i);
    } else if (mpz_sizeinbase(c.eta[i], 2) > 64) {
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

static char *u64_text(uint64_t v) {
  char buf[32];
  snprintf(buf, sizeof buf, "%llu", (unsigned long long)v);
  char *s = malloc(strlen(buf) + 1);
  if (s) memcpy(s, buf, strlen(buf) + 1);
  return s;
}
static char *mpz_text(const mpz_t v) {
  char *s = malloc(mpz_sizeinbase(v, 10) + 2);
  if (s) mpz_get_str(s, 10, v);
  return s;
}

concert_status concert_power_swings_text(const concert_game *g, char **out,
                                         concert_diag *diag) {
  concert_status st = check_out(g, out, diag);
  counts c;
  if (!st) st = counts_get(g, false, &c, diag);
  if (st) return st;
  for (size_t i = 0; i < g->n; i++) {
    out[i] = c.sized ? u64_text(sized_total(&c, i)) : mpz_text(c.eta[i]);
    if (!out[i]) {
      for (size_t j = 0; j < i; j++) {
        free(out[j]);
        out[j] = NULL;
      }
      counts_free(&c);
      return CONCERT_FAIL(diag, CONCERT_ERR_NOMEM, "out of memory");
    }
  }
  counts_free(&c);
  return CONCERT_OK;
}

concert_status concert_power_winning_text(const concert_game *g, char **out,
                                          concert_diag *diag) {
  concert_status st = check_out(g, out, diag);
  counts c;
  if (!st) st = counts_get(g, false, &c, diag);
  if (st) return st;
  *out = c.sized ? u64_text(c.win) : mpz_text(c.winm);
  counts_free(&c);
  return *out ? CONCERT_OK : CONCERT_FAIL(diag, CONCERT_ERR_NOMEM, "out of memory");
}

concert_status concert_power_shapley(const concert_game *g, double *out, concert_diag *diag) {
  concert_status st = check_out(g, out, diag);
  if (st) return st;
  bool sized_ok = (g->k <= 1 && g->n <= CONCERT_I_MITM_MAX) || g->n <= CONCERT_I_BRUTE_MAX;
  if (!sized_ok) {
    if (!dp_fits(g)) return unsupported(g, diag);
    st = concert_i_power_dp_shapley(g, out);
    return st ? engine_fail(st, diag) : CONCERT_OK;
  }
  counts c;
  st = counts_get(g, true, &c, diag);
  if (st) return st;
  /* SS_i = sum_s sw(i, s) s! (n-1-s)! / n! = sum_s sw(i, s) / (n C(n-1, s)) */
  size_t n = g->n;
  for (size_t i = 0; i < n; i++) {
    long double acc = 0, binom = 1; /* C(n-1, s) */
    for (size_t s = 0; s < n; s++) {
      acc += (long double)c.sw[i * n + s] / ((long double)n * binom);
      binom = binom * (long double)(n - 1 - s) / (long double)(s + 1);
    }
    out[i] = (double)acc;
  }
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
