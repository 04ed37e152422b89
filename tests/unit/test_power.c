/* test_power.c: voting power: every reference value of data/power at its stated tolerance,
 * hand-computed games, invariants against an independent enumeration, cross-checks between
 * the engines, and bad input (spec, rule, CSV). */
#include <check.h>
#include <concert.h>
#include <csv.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "power/power_i.h"
#include "check_main.h"

#define DATA CONCERT_SRCDIR "/data/power/"

/* ---------- an independent oracle: enumerate coalitions with concert_game_wins ---------- */

typedef struct oracle {
  double bz[16];       /* normalized Banzhaf */
  double ss[16];       /* Shapley-Shubik */
  uint64_t eta[16];    /* swing counts */
  uint64_t winning;    /* winning coalitions */
  bool veto[16];       /* veto players */
} oracle;

static void oracle_run(const concert_game *g, oracle *o) {
  size_t n = concert_game_players(g);
  ck_assert_uint_le(n, 16);
  memset(o, 0, sizeof *o);
  size_t total = (size_t)1 << n;
  bool *win = malloc(total * sizeof *win);
  bool mem[16];
  for (size_t c = 0; c < total; c++) {
    for (size_t i = 0; i < n; i++) mem[i] = (c >> i) & 1;
    win[c] = concert_game_wins(g, mem);
    o->winning += win[c];
  }
  double fact[17] = {1};
  for (size_t k = 1; k <= 16; k++) fact[k] = fact[k - 1] * (double)k;
  uint64_t sum = 0;
  for (size_t i = 0; i < n; i++) {
    for (size_t c = 0; c < total; c++) {
      if (c & ((size_t)1 << i)) continue;
      if (win[c | ((size_t)1 << i)] && !win[c]) {
        size_t s = (size_t)__builtin_popcountll(c);
        o->eta[i]++;
        o->ss[i] += fact[s] * fact[n - 1 - s] / fact[n];
      }
    }
    o->veto[i] = !win[(total - 1) & ~((size_t)1 << i)];
    sum += o->eta[i];
  }
  for (size_t i = 0; i < n; i++) o->bz[i] = sum ? (double)o->eta[i] / (double)sum : 0;
  free(win);
}

static void check_against_oracle(const concert_game *g) {
  size_t n = concert_game_players(g);
  oracle o;
  oracle_run(g, &o);
  double bz[16], ss[16];
  uint64_t eta[16];
  bool veto[16];
  char *win;
  ck_assert_int_eq(concert_power_banzhaf(g, bz, NULL), CONCERT_OK);
  ck_assert_int_eq(concert_power_shapley(g, ss, NULL), CONCERT_OK);
  ck_assert_int_eq(concert_power_swings(g, eta, NULL), CONCERT_OK);
  ck_assert_int_eq(concert_power_vetoes(g, veto, NULL, NULL), CONCERT_OK);
  ck_assert_int_eq(concert_power_winning_text(g, &win, NULL), CONCERT_OK);
  ck_assert_uint_eq(strtoull(win, NULL, 10), o.winning);
  free(win);
  for (size_t i = 0; i < n; i++) {
    ck_assert_uint_eq(eta[i], o.eta[i]);
    ck_assert_double_eq_tol(bz[i], o.bz[i], 1e-13);
    ck_assert_double_eq_tol(ss[i], o.ss[i], 1e-13);
    ck_assert_int_eq(veto[i], o.veto[i]);
  }
}

/* A fixed 64-bit LCG (Knuth MMIX) for reproducible random games. */
static uint64_t lcg(uint64_t *s) {
  *s = *s * 6364136223846793005ULL + 1442695040888963407ULL;
  return *s >> 33;
}

/* ---------- reference values ---------- */

typedef struct ref_row {
  char f[8][512]; /* game_id, player_id, index, value, exact, method, source, tolerance */
  size_t nf;      /* fields seen in the row */
  int line;       /* line in the file */
} ref_row;

typedef struct ref_ctx {
  ref_row row;    /* row being read */
  ref_row *rows;  /* all rows */
  size_t n, cap;  /* count and capacity */
} ref_ctx;

static void ref_field(void *s, size_t len, void *data) {
  ref_ctx *c = data;
  if (c->row.nf < 8) {
    size_t l = len < 511 ? len : 511;
    memcpy(c->row.f[c->row.nf], s, l);
    c->row.f[c->row.nf][l] = '\0';
  }
  c->row.nf++;
}
static void ref_row_end(int ch, void *data) {
  ref_ctx *c = data;
  if (c->n == c->cap) {
    c->cap = c->cap ? 2 * c->cap : 256;
    c->rows = realloc(c->rows, c->cap * sizeof *c->rows);
  }
  c->row.line = (int)c->n + 1;
  c->rows[c->n++] = c->row;
  memset(&c->row, 0, sizeof c->row);
}

/* The computed values of one game, cached. */
typedef struct game_vals {
  char id[64];     /* game id */
  concert_game *g; /* the game */
  double *bz, *bz_abs, *ss; /* indices */
  char **raw;      /* swing counts as text */
  char *winning;   /* winning coalitions */
} game_vals;

static game_vals *vals_for(game_vals *cache, size_t *nc, const char *id) {
  for (size_t i = 0; i < *nc; i++)
    if (strcmp(cache[i].id, id) == 0) return &cache[i];
  game_vals *v = &cache[(*nc)++];
  memset(v, 0, sizeof *v);
  snprintf(v->id, sizeof v->id, "%s", id);
  concert_diag d = {0};
  ck_assert_msg(concert_game_load_csv(&v->g, DATA "power_games.csv",
                                      DATA "power_game_players.csv", id, &d) == CONCERT_OK,
                "load %s: %s", id, d.message);
  size_t n = concert_game_players(v->g);
  v->bz = malloc(n * sizeof *v->bz);
  v->bz_abs = malloc(n * sizeof *v->bz_abs);
  v->ss = malloc(n * sizeof *v->ss);
  v->raw = calloc(n, sizeof *v->raw);
  ck_assert_int_eq(concert_power_banzhaf(v->g, v->bz, &d), CONCERT_OK);
  ck_assert_int_eq(concert_power_banzhaf_abs(v->g, v->bz_abs, &d), CONCERT_OK);
  ck_assert_int_eq(concert_power_swings_text(v->g, v->raw, &d), CONCERT_OK);
  ck_assert_int_eq(concert_power_winning_text(v->g, &v->winning, &d), CONCERT_OK);
  /* the 200-player games have no Shapley-Shubik reference; skip the work there */
  if (n <= 40) ck_assert_int_eq(concert_power_shapley(v->g, v->ss, &d), CONCERT_OK);
  return v;
}

/* Parses "a/b" (or "a") as a long double; returns false when empty. */
static bool parse_exact(const char *s, long double *out) {
  if (!s[0]) return false;
  char *end;
  long double a = strtold(s, &end), b = 1;
  if (*end == '/') b = strtold(end + 1, &end);
  *out = a / b;
  return true;
}

START_TEST(test_reference_values) {
  FILE *fp = fopen(DATA "power_reference_values.csv", "rb");
  ck_assert_ptr_nonnull(fp);
  struct csv_parser p;
  ck_assert_int_eq(csv_init(&p, CSV_STRICT | CSV_APPEND_NULL), 0);
  ref_ctx c = {0};
  char buf[4096];
  size_t got;
  while ((got = fread(buf, 1, sizeof buf, fp)) > 0)
    ck_assert_uint_eq(csv_parse(&p, buf, got, ref_field, ref_row_end, &c), got);
  csv_fini(&p, ref_field, ref_row_end, &c);
  csv_free(&p);
  fclose(fp);
  ck_assert_uint_gt(c.n, 700);
  game_vals cache[16];
  size_t nc = 0, checked = 0;
  for (size_t r = 1; r < c.n; r++) {
    ref_row *row = &c.rows[r];
    ck_assert_uint_eq(row->nf, 8);
    game_vals *v = vals_for(cache, &nc, row->f[0]);
    const char *pid = row->f[1], *index = row->f[2], *tol = row->f[7];
    double value = strtod(row->f[3], NULL);
    long double exact;
    bool has_exact = parse_exact(row->f[4], &exact);
    /* tolerance: "0", "1e-12", "1e-5 relative", "published 0.0005" */
    bool relative = strstr(tol, "relative") != NULL;
    double t = strtod(strncmp(tol, "published ", 10) == 0 ? tol + 10 : tol, NULL);
    if (strcmp(index, "winning_coalitions") == 0) {
      ck_assert_str_eq(v->winning, row->f[4]);
      checked++;
      continue;
    }
    if (strcmp(index, "winning_fraction") == 0) {
      double frac = strtod(v->winning, NULL) / ldexp(1.0, (int)concert_game_players(v->g));
      /* the exact fraction at 1e-12; a published percentage ("13.2%") at its tolerance */
      if (has_exact) ck_assert(fabsl((long double)frac - exact) <= 1e-12L);
      const char *pub = strstr(row->f[6], "published: ");
      if (strncmp(tol, "published ", 10) == 0) {
        ck_assert_ptr_nonnull(pub);
        double pct = strtod(pub + 11, NULL) / 100;
        ck_assert_msg(fabs(frac - pct) <= t, "line %d: %.6f vs published %.4f", row->line,
                      frac, pct);
      } else {
        ck_assert_msg(fabs(frac - value) <= t + 5e-11, "line %d", row->line);
      }
      checked++;
      continue;
    }
    size_t n = concert_game_players(v->g);
    for (size_t i = 0; i < n; i++) {
      const char *id = concert_game_player_id(v->g, i);
      bool match = strcmp(id, pid) == 0 ||
                   (strcmp(pid, "P5_each") == 0 && i < 5) ||
                   (strcmp(pid, "E10_each") == 0 && i >= 5);
      if (!match) continue;
      if (strcmp(index, "bz_raw") == 0) {
        ck_assert_msg(strcmp(v->raw[i], row->f[4]) == 0, "line %d: %s %s != %s", row->line,
                      id, v->raw[i], row->f[4]);
        checked++;
        continue;
      }
      double got_v = strcmp(index, "bz") == 0       ? v->bz[i]
                     : strcmp(index, "bz_abs") == 0 ? v->bz_abs[i]
                     : strcmp(index, "ssi") == 0    ? v->ss[i]
                                                    : NAN;
      ck_assert_msg(!isnan(got_v), "line %d: unknown index %s", row->line, index);
      double err = fabs(got_v - value), lim = relative ? t * fabs(value) : t;
      /* the printed value has 10 decimals: compare at the tolerance with the exact
       * fraction when there is one, else with the printed value */
      if (has_exact)
        ck_assert_msg(fabsl((long double)got_v - exact) <= (long double)t + 1e-15L,
                      "line %d: %s %s = %.15g, exact %.15Lg", row->line, id, index, got_v,
                      exact);
      else
        ck_assert_msg(err <= lim, "line %d: %s %s = %.10g, reference %.10g (tol %s)",
                      row->line, id, index, got_v, value, tol);
      checked++;
    }
  }
  ck_assert_uint_ge(checked, c.n - 1);
  for (size_t i = 0; i < nc; i++) {
    size_t n = concert_game_players(cache[i].g);
    for (size_t j = 0; j < n; j++) free(cache[i].raw[j]);
    free(cache[i].raw);
    free(cache[i].bz);
    free(cache[i].bz_abs);
    free(cache[i].ss);
    free(cache[i].winning);
    concert_game_free(cache[i].g);
  }
  free(c.rows);
}
END_TEST

/* ---------- hand-computed games ---------- */

START_TEST(test_hand_321) {
  /* [3; 2,1,1]: A swings for {B},{C},{B,C}; B only for {A}; C only for {A}.
   * Orderings: A pivotal in 4 of 6. A is a veto player; 3 winning coalitions. */
  int64_t w[] = {2, 1, 1};
  concert_game *g;
  ck_assert_int_eq(concert_game_new_weighted(&g, 3, w, 3, NULL), CONCERT_OK);
  double bz[3], ss[3], ba[3];
  uint64_t eta[3];
  bool veto[3];
  size_t nv;
  char *win;
  ck_assert_int_eq(concert_power_banzhaf(g, bz, NULL), CONCERT_OK);
  ck_assert_int_eq(concert_power_banzhaf_abs(g, ba, NULL), CONCERT_OK);
  ck_assert_int_eq(concert_power_shapley(g, ss, NULL), CONCERT_OK);
  ck_assert_int_eq(concert_power_swings(g, eta, NULL), CONCERT_OK);
  ck_assert_int_eq(concert_power_vetoes(g, veto, &nv, NULL), CONCERT_OK);
  ck_assert_int_eq(concert_power_winning_text(g, &win, NULL), CONCERT_OK);
  ck_assert_uint_eq(eta[0], 3);
  ck_assert_uint_eq(eta[1], 1);
  ck_assert_uint_eq(eta[2], 1);
  ck_assert_double_eq_tol(bz[0], 0.6, 1e-15);
  ck_assert_double_eq_tol(bz[1], 0.2, 1e-15);
  ck_assert_double_eq_tol(ba[0], 0.75, 1e-15);
  ck_assert_double_eq_tol(ba[2], 0.25, 1e-15);
  ck_assert_double_eq_tol(ss[0], 2.0 / 3, 1e-15);
  ck_assert_double_eq_tol(ss[1], 1.0 / 6, 1e-15);
  ck_assert(veto[0] && !veto[1] && !veto[2]);
  ck_assert_uint_eq(nv, 1);
  ck_assert_str_eq(win, "3");
  free(win);
  concert_game_free(g);
}
END_TEST

START_TEST(test_hand_rules) {
  concert_game *g;
  double bz[5], ss[5];
  bool veto[5];
  size_t nv;
  /* unanimity of 5: each swings once (S = the other four); all vetoes */
  concert_power_rule u = {.kind = CONCERT_POWER_UNANIMITY};
  ck_assert_int_eq(concert_game_from_rule(&g, 5, NULL, NULL, &u, NULL), CONCERT_OK);
  uint64_t eta[5];
  ck_assert_int_eq(concert_power_swings(g, eta, NULL), CONCERT_OK);
  ck_assert_int_eq(concert_power_shapley(g, ss, NULL), CONCERT_OK);
  ck_assert_int_eq(concert_power_vetoes(g, veto, &nv, NULL), CONCERT_OK);
  for (int i = 0; i < 5; i++) {
    ck_assert_uint_eq(eta[i], 1);
    ck_assert_double_eq_tol(ss[i], 0.2, 1e-15);
  }
  ck_assert_uint_eq(nv, 5);
  concert_game_free(g);
  /* consensus minus 1 of 4: i swings for the 3 pairs of others; no vetoes */
  concert_power_rule c1 = {.kind = CONCERT_POWER_CONSENSUS_MINUS_K, .k = 1};
  ck_assert_int_eq(concert_game_from_rule(&g, 4, NULL, NULL, &c1, NULL), CONCERT_OK);
  ck_assert_int_eq(concert_power_swings(g, eta, NULL), CONCERT_OK);
  ck_assert_int_eq(concert_power_vetoes(g, veto, &nv, NULL), CONCERT_OK);
  for (int i = 0; i < 4; i++) ck_assert_uint_eq(eta[i], 3);
  ck_assert_uint_eq(nv, 0);
  concert_game_free(g);
  /* weighted quota 60% of {3,2,1,1} (quota ceil(4.2) = 5), and the same with a member
   * majority (>= 2 of 4): checked against enumeration */
  double w[] = {3, 2, 1, 1};
  concert_power_rule wq = {.kind = CONCERT_POWER_WEIGHTED_QUOTA, .weight_share = 0.6};
  ck_assert_int_eq(concert_game_from_rule(&g, 4, w, NULL, &wq, NULL), CONCERT_OK);
  ck_assert_int_eq(concert_game_quota(g, 0), 5);
  check_against_oracle(g);
  concert_game_free(g);
  concert_power_rule dm = {.kind = CONCERT_POWER_DOUBLE_MAJORITY, .weight_share = 0.6,
                           .member_share = 0.75};
  ck_assert_int_eq(concert_game_from_rule(&g, 4, w, NULL, &dm, NULL), CONCERT_OK);
  ck_assert_uint_eq(concert_game_min_members(g), 3);
  check_against_oracle(g);
  ck_assert_int_eq(concert_power_banzhaf(g, bz, NULL), CONCERT_OK);
  concert_game_free(g);
  /* decimal shares: 0.55 of 20 members is 11, not 12 */
  concert_power_rule d20 = {.kind = CONCERT_POWER_DOUBLE_MAJORITY, .weight_share = 0.65,
                            .member_share = 0.55};
  ck_assert_int_eq(concert_game_from_rule(&g, 20, NULL, NULL, &d20, NULL), CONCERT_OK);
  ck_assert_uint_eq(concert_game_min_members(g), 11);
  ck_assert_int_eq(concert_game_quota(g, 0), 13); /* 65% of 20 equal weights */
  concert_game_free(g);
  concert_power_rule m20 = {.kind = CONCERT_POWER_CONSENSUS_MINUS_K, .k = 9};
  ck_assert_int_eq(concert_game_from_rule(&g, 20, NULL, NULL, &m20, NULL), CONCERT_OK);
  ck_assert_uint_eq(concert_game_min_members(g), 11);
  concert_game_free(g);
  /* non-integer weights are scaled to the resolution */
  double shares[] = {0.5, 0.3, 0.2};
  concert_power_rule h = {.kind = CONCERT_POWER_WEIGHTED_QUOTA, .weight_share = 0.5,
                          .resolution = 10};
  ck_assert_int_eq(concert_game_from_rule(&g, 3, shares, NULL, &h, NULL), CONCERT_OK);
  ck_assert_int_eq(concert_game_weight(g, 0, 0), 5);
  ck_assert_int_eq(concert_game_weight(g, 0, 2), 2);
  ck_assert_int_eq(concert_game_quota(g, 0), 5);
  concert_game_free(g);
}
END_TEST

START_TEST(test_builtins) {
  concert_game *g;
  double ss[27];
  bool veto[27];
  size_t nv;
  ck_assert_int_eq(concert_game_builtin(&g, "unsc", NULL), CONCERT_OK);
  ck_assert_int_eq(concert_power_shapley(g, ss, NULL), CONCERT_OK);
  ck_assert_double_eq_tol(ss[0], 421.0 / 2145, 1e-15);
  ck_assert_double_eq_tol(ss[14], 4.0 / 2145, 1e-15);
  ck_assert_int_eq(concert_power_vetoes(g, veto, &nv, NULL), CONCERT_OK);
  ck_assert_uint_eq(nv, 5);
  ck_assert(veto[4] && !veto[5]);
  concert_game_free(g);
  ck_assert_int_eq(concert_game_builtin(&g, "eu27", NULL), CONCERT_OK);
  ck_assert_uint_eq(concert_game_players(g), 27);
  ck_assert_uint_eq(concert_game_always_win(g), 24);
  ck_assert_int_eq(concert_power_shapley(g, ss, NULL), CONCERT_OK);
  ck_assert_double_eq_tol(ss[0], 1770103591.0 / 10039179150.0, 1e-12);
  ck_assert_int_eq(concert_power_vetoes(g, veto, &nv, NULL), CONCERT_OK);
  ck_assert_uint_eq(nv, 0);
  concert_game_free(g);
  for (size_t i = 0; concert_game_builtin_name(i); i++) {
    ck_assert_int_eq(concert_game_builtin(&g, concert_game_builtin_name(i), NULL), CONCERT_OK);
    concert_game_free(g);
  }
  concert_diag d = {0};
  ck_assert_int_eq(concert_game_builtin(&g, "g7", &d), CONCERT_ERR_NOT_FOUND);
  ck_assert_ptr_null(g);
  ck_assert_ptr_nonnull(strstr(d.message, "g7"));
}
END_TEST

/* ---------- invariants on random games ---------- */

START_TEST(test_random_small_against_oracle) {
  uint64_t seed = 12345;
  for (int rep = 0; rep < 60; rep++) {
    size_t n = 1 + lcg(&seed) % 12;
    int64_t w[2 * 16];
    int64_t tot[2] = {0, 0};
    size_t k = 1 + (rep % 3 == 0);
    for (size_t j = 0; j < k; j++)
      for (size_t i = 0; i < n; i++) {
        w[j * n + i] = (int64_t)(lcg(&seed) % 20);
        tot[j] += w[j * n + i];
      }
    if (tot[0] == 0 || (k == 2 && tot[1] == 0)) continue;
    int64_t q[2] = {1 + (int64_t)(lcg(&seed) % (uint64_t)tot[0]),
                    k == 2 ? 1 + (int64_t)(lcg(&seed) % (uint64_t)tot[1]) : 0};
    concert_game_spec s = {.n_players = n, .n_weights = k, .weights = w, .quotas = q};
    if (rep % 4 == 1) s.min_members = lcg(&seed) % (n + 1);
    if (rep % 5 == 2) s.always_win_members = 1 + lcg(&seed) % n;
    concert_game *g;
    ck_assert_int_eq(concert_game_new(&g, &s, NULL), CONCERT_OK);
    check_against_oracle(g);
    /* indices sum to 1 (unless nobody ever swings) */
    double bz[16], ss[16];
    concert_power_banzhaf(g, bz, NULL);
    concert_power_shapley(g, ss, NULL);
    double sb = 0, sss = 0;
    for (size_t i = 0; i < n; i++) {
      sb += bz[i];
      sss += ss[i];
    }
    ck_assert_double_eq_tol(sss, 1.0, 1e-13);
    ck_assert_double_eq_tol(sb, 1.0, 1e-13);
    concert_game_free(g);
  }
}
END_TEST

START_TEST(test_symmetry_and_dummy) {
  /* players 1 and 2 have equal weights; player 4 (weight 0) is a dummy; and in
   * [10; 6, 4, 4, 1] player 3 (weight 1) is a dummy too: 1 never completes a coalition */
  int64_t w[] = {6, 4, 4, 1, 0};
  concert_game *g;
  ck_assert_int_eq(concert_game_new_weighted(&g, 5, w, 10, NULL), CONCERT_OK);
  double bz[5], ss[5];
  ck_assert_int_eq(concert_power_banzhaf(g, bz, NULL), CONCERT_OK);
  ck_assert_int_eq(concert_power_shapley(g, ss, NULL), CONCERT_OK);
  ck_assert_double_eq(bz[1], bz[2]);
  ck_assert_double_eq(ss[1], ss[2]);
  ck_assert_double_eq(bz[3], 0);
  ck_assert_double_eq(ss[3], 0);
  ck_assert_double_eq(bz[4], 0);
  ck_assert_double_eq(ss[4], 0);
  check_against_oracle(g);
  concert_game_free(g);
}
END_TEST

/* The engines against each other on games too big for the oracle. */
START_TEST(test_engines_agree) {
  uint64_t seed = 777;
  for (int rep = 0; rep < 6; rep++) {
    size_t n = 20 + lcg(&seed) % 11; /* 20..30 */
    int64_t w[36], tot = 0;
    for (size_t i = 0; i < n; i++) {
      w[i] = 1 + (int64_t)(lcg(&seed) % 300);
      tot += w[i];
    }
    int64_t q = tot / 2 + 1 + (int64_t)(lcg(&seed) % (uint64_t)(tot / 3));
    concert_game *g;
    ck_assert_int_eq(concert_game_new_weighted(&g, n, w, q, NULL), CONCERT_OK);
    uint64_t *sw = malloc(n * n * sizeof *sw), win1;
    ck_assert_int_eq(concert_i_power_mitm(g, sw, &win1), CONCERT_OK);
    mpz_t eta[36], win2;
    for (size_t i = 0; i < n; i++) mpz_init(eta[i]);
    mpz_init(win2);
    ck_assert_int_eq(concert_i_power_dp_swings(g, eta, win2), CONCERT_OK);
    ck_assert_uint_eq(mpz_get_ui(win2), win1);
    double ss_dp[36], fact_ss[36];
    ck_assert_int_eq(concert_i_power_dp_shapley(g, ss_dp), CONCERT_OK);
    ck_assert_int_eq(concert_power_shapley(g, fact_ss, NULL), CONCERT_OK); /* exact path */
    for (size_t i = 0; i < n; i++) {
      uint64_t t = 0;
      for (size_t s = 0; s < n; s++) t += sw[i * n + s];
      ck_assert_uint_eq(mpz_get_ui(eta[i]), t);
      ck_assert_double_eq_tol(ss_dp[i], fact_ss[i], 1e-13);
      mpz_clear(eta[i]);
    }
    mpz_clear(win2);
    free(sw);
    /* brute force agrees with meet in the middle on a member-rule game */
    if (n <= 22) {
      concert_game_spec s = {.n_players = n, .n_weights = 1, .weights = w, .quotas = &q,
                             .min_members = n / 2, .always_win_members = n - 2};
      concert_game *h;
      ck_assert_int_eq(concert_game_new(&h, &s, NULL), CONCERT_OK);
      uint64_t *a = malloc(n * n * sizeof *a), *b = malloc(n * n * sizeof *b), wa, wb;
      ck_assert_int_eq(concert_i_power_mitm(h, a, &wa), CONCERT_OK);
      ck_assert_int_eq(concert_i_power_brute(h, b, &wb), CONCERT_OK);
      ck_assert_uint_eq(wa, wb);
      ck_assert_mem_eq(a, b, n * n * sizeof *a);
      free(a);
      free(b);
      concert_game_free(h);
    }
    concert_game_free(g);
  }
}
END_TEST

/* Meet in the middle with a half of 16 to 18 players (its wider running counts, n 31..36)
 * against the (size, weight) program, with and without member rules. */
START_TEST(test_mitm_large_halves) {
  uint64_t seed = 3131;
  const size_t ns[] = {31, 36};
  for (size_t rep = 0; rep < 2; rep++) {
    size_t n = ns[rep];
    int64_t w[36], tot = 0;
    for (size_t i = 0; i < n; i++) {
      w[i] = 1 + (int64_t)(lcg(&seed) % 25);
      tot += w[i];
    }
    int64_t q = tot / 2 + 1 + (int64_t)(lcg(&seed) % (uint64_t)(tot / 4));
    concert_game_spec s = {.n_players = n, .n_weights = 1, .weights = w, .quotas = &q,
                           .min_members = rep ? n / 2 : 0,
                           .always_win_members = rep ? n - 3 : 0};
    concert_game *g;
    ck_assert_int_eq(concert_game_new(&g, &s, NULL), CONCERT_OK);
    uint64_t *sw = malloc(n * n * sizeof *sw), win;
    mpz_t *swz = malloc(n * n * sizeof *swz), winz;
    for (size_t e = 0; e < n * n; e++) mpz_init(swz[e]);
    mpz_init(winz);
    ck_assert_int_eq(concert_i_power_mitm(g, sw, &win), CONCERT_OK);
    ck_assert_int_eq(concert_i_power_dp_sized(g, swz, winz), CONCERT_OK);
    ck_assert_uint_eq(mpz_get_ui(winz), win);
    uint64_t win_only = 0; /* the winning coalitions alone: one sweep, no swing counts */
    ck_assert_int_eq(concert_i_power_mitm(g, NULL, &win_only), CONCERT_OK);
    ck_assert_uint_eq(win_only, win);
    uint64_t nonzero = 0;
    for (size_t e = 0; e < n * n; e++) {
      ck_assert_uint_eq(mpz_get_ui(swz[e]), sw[e]);
      nonzero += sw[e] != 0;
      mpz_clear(swz[e]);
    }
    ck_assert_uint_gt(nonzero, n); /* not a trivial game */
    mpz_clear(winz);
    free(sw);
    free(swz);
    concert_game_free(g);
  }
}
END_TEST

START_TEST(test_sized_dp) {
  /* the (size, weight) program against meet in the middle (member rules) ... */
  uint64_t seed = 4242;
  for (int rep = 0; rep < 4; rep++) {
    size_t n = 18 + lcg(&seed) % 10;
    int64_t w[36], tot = 0;
    for (size_t i = 0; i < n; i++) {
      w[i] = 1 + (int64_t)(lcg(&seed) % 40);
      tot += w[i];
    }
    int64_t q = tot / 2 + (int64_t)(lcg(&seed) % (uint64_t)(tot / 3));
    concert_game_spec s = {.n_players = n, .n_weights = 1, .weights = w, .quotas = &q,
                           .min_members = n / 2 + rep, .always_win_members = rep ? n - rep : 0};
    concert_game *g;
    ck_assert_int_eq(concert_game_new(&g, &s, NULL), CONCERT_OK);
    uint64_t *sw = malloc(n * n * sizeof *sw), win;
    mpz_t *swz = malloc(n * n * sizeof *swz), winz;
    for (size_t e = 0; e < n * n; e++) mpz_init(swz[e]);
    mpz_init(winz);
    ck_assert_int_eq(concert_i_power_mitm(g, sw, &win), CONCERT_OK);
    ck_assert_int_eq(concert_i_power_dp_sized(g, swz, winz), CONCERT_OK);
    ck_assert_uint_eq(mpz_get_ui(winz), win);
    for (size_t e = 0; e < n * n; e++) {
      ck_assert_uint_eq(mpz_get_ui(swz[e]), sw[e]);
      mpz_clear(swz[e]);
    }
    mpz_clear(winz);
    free(sw);
    free(swz);
    concert_game_free(g);
  }
  /* ... and on 70 players with counts beyond 2^64 (two primes): with no member rule its
   * totals equal the Banzhaf program's and its Shapley-Shubik the quadrature's */
  size_t n = 70;
  int64_t w[70], tot = 0;
  for (size_t i = 0; i < n; i++) {
    w[i] = 1 + (int64_t)(lcg(&seed) % 30);
    tot += w[i];
  }
  int64_t q = tot / 2 + 1;
  concert_game *g;
  ck_assert_int_eq(concert_game_new_weighted(&g, n, w, q, NULL), CONCERT_OK);
  mpz_t *swz = malloc(n * n * sizeof *swz), eta[70], t, winz, wind;
  for (size_t e = 0; e < n * n; e++) mpz_init(swz[e]);
  mpz_inits(t, winz, wind, NULL);
  ck_assert_int_eq(concert_i_power_dp_sized(g, swz, winz), CONCERT_OK);
  for (size_t i = 0; i < n; i++) mpz_init(eta[i]);
  ck_assert_int_eq(concert_i_power_dp_swings(g, eta, wind), CONCERT_OK);
  ck_assert_int_eq(mpz_cmp(winz, wind), 0);
  double ss[70];
  ck_assert_int_eq(concert_i_power_dp_shapley(g, ss), CONCERT_OK);
  for (size_t i = 0; i < n; i++) {
    mpz_set_ui(t, 0);
    double exact = 0;
    for (size_t s = 0; s < n; s++) {
      mpz_add(t, t, swz[i * n + s]);
      mpz_t den;
      mpz_init(den);
      mpz_bin_uiui(den, n - 1, s);
      mpz_mul_ui(den, den, n);
      mpq_t r;
      mpq_init(r);
      mpq_set_num(r, swz[i * n + s]);
      mpq_set_den(r, den);
      mpq_canonicalize(r);
      exact += mpq_get_d(r);
      mpq_clear(r);
      mpz_clear(den);
    }
    ck_assert_int_eq(mpz_cmp(t, eta[i]), 0);
    ck_assert_double_eq_tol(ss[i], exact, 1e-13);
    mpz_clear(eta[i]);
  }
  ck_assert_uint_gt(mpz_sizeinbase(winz, 2), 64);
  for (size_t e = 0; e < n * n; e++) mpz_clear(swz[e]);
  free(swz);
  mpz_clears(t, winz, wind, NULL);
  concert_game_free(g);
  /* a double majority on 50 members goes through the public functions */
  concert_power_rule dm = {.kind = CONCERT_POWER_DOUBLE_MAJORITY, .weight_share = 0.6,
                           .member_share = 0.55};
  double wd[50], bz[50], ssd[50], sb = 0, sss = 0;
  for (int i = 0; i < 50; i++) wd[i] = 1 + i % 9;
  ck_assert_int_eq(concert_game_from_rule(&g, 50, wd, NULL, &dm, NULL), CONCERT_OK);
  ck_assert_int_eq(concert_power_banzhaf(g, bz, NULL), CONCERT_OK);
  ck_assert_int_eq(concert_power_shapley(g, ssd, NULL), CONCERT_OK);
  for (int i = 0; i < 50; i++) {
    sb += bz[i];
    sss += ssd[i];
  }
  ck_assert_double_eq_tol(sb, 1, 1e-13);
  ck_assert_double_eq_tol(sss, 1, 1e-13);
  ck_assert_double_eq(bz[0], bz[9]); /* same weight */
  ck_assert(ssd[8] > ssd[0]);
  concert_game_free(g);
}
END_TEST

START_TEST(test_count_only_large) {
  /* 193 members, two-thirds of the members (129): symmetric, eta = C(192, 128) */
  concert_power_rule r = {.kind = CONCERT_POWER_CONSENSUS_MINUS_K, .k = 64};
  concert_game *g;
  ck_assert_int_eq(concert_game_from_rule(&g, 193, NULL, NULL, &r, NULL), CONCERT_OK);
  ck_assert_uint_eq(concert_game_weight_count(g), 0);
  double bz[193], ss[193];
  ck_assert_int_eq(concert_power_banzhaf(g, bz, NULL), CONCERT_OK);
  ck_assert_int_eq(concert_power_shapley(g, ss, NULL), CONCERT_OK);
  ck_assert_double_eq_tol(bz[0], 1.0 / 193, 1e-15);
  ck_assert_double_eq_tol(ss[192], 1.0 / 193, 1e-15);
  char *txt[193];
  ck_assert_int_eq(concert_power_swings_text(g, txt, NULL), CONCERT_OK);
  mpz_t b;
  mpz_init(b);
  mpz_bin_uiui(b, 192, 128);
  ck_assert_int_eq(mpz_cmp_si(b, 0) > 0, 1);
  char *want = mpz_get_str(NULL, 10, b);
  ck_assert_str_eq(txt[5], want);
  free(want);
  mpz_clear(b);
  for (int i = 0; i < 193; i++) free(txt[i]);
  concert_game_free(g);
}
END_TEST

START_TEST(test_large_game) {
  /* 120 players: the dynamic program (exact counts, quadrature for SS) */
  uint64_t seed = 99;
  size_t n = 120;
  int64_t w[120], tot = 0;
  for (size_t i = 0; i < n; i++) {
    w[i] = 1 + (int64_t)(lcg(&seed) % 50);
    if (i == 7) w[i] = w[3]; /* a symmetric pair */
    tot += w[i];
  }
  concert_game *g;
  ck_assert_int_eq(concert_game_new_weighted(&g, n, w, tot * 2 / 3, NULL), CONCERT_OK);
  double bz[120], ss[120], sb = 0, sss = 0;
  ck_assert_int_eq(concert_power_banzhaf(g, bz, NULL), CONCERT_OK);
  ck_assert_int_eq(concert_power_shapley(g, ss, NULL), CONCERT_OK);
  for (size_t i = 0; i < n; i++) {
    sb += bz[i];
    sss += ss[i];
    ck_assert(ss[i] >= 0 && bz[i] >= 0);
    if (w[i] > w[(i + 1) % n]) ck_assert(ss[i] >= ss[(i + 1) % n] - 1e-12); /* monotone */
  }
  ck_assert_double_eq_tol(sb, 1, 1e-13);
  ck_assert_double_eq_tol(sss, 1, 1e-11);
  ck_assert_double_eq(bz[3], bz[7]);
  ck_assert_double_eq_tol(ss[3], ss[7], 1e-15);
  /* counts exceed 2^64: the text form works, the integer form says so */
  uint64_t eta[120];
  concert_diag d = {0};
  ck_assert_int_eq(concert_power_swings(g, eta, &d), CONCERT_ERR_RANGE);
  char *txt[120];
  ck_assert_int_eq(concert_power_swings_text(g, txt, NULL), CONCERT_OK);
  ck_assert_uint_gt(strlen(txt[0]), 20);
  for (size_t i = 0; i < n; i++) free(txt[i]);
  concert_game_free(g);
}
END_TEST

/* ---------- bad input ---------- */

START_TEST(test_bad_spec) {
  concert_game *g = (concert_game *)&g;
  concert_diag d = {0};
  int64_t neg[] = {3, -1, 2};
  ck_assert_int_eq(concert_game_new_weighted(&g, 3, neg, 3, &d), CONCERT_ERR_RANGE);
  ck_assert_ptr_null(g);
  ck_assert_str_eq(d.path, "weights[0][1]");
  int64_t ok[] = {3, 1, 2};
  ck_assert_int_eq(concert_game_new_weighted(&g, 3, ok, 0, &d), CONCERT_ERR_RANGE);
  ck_assert_int_eq(concert_game_new_weighted(&g, 3, ok, 7, &d), CONCERT_ERR_RANGE);
  ck_assert_str_eq(d.path, "quotas[0]");
  ck_assert_int_eq(concert_game_new_weighted(&g, 0, ok, 1, &d), CONCERT_ERR_EMPTY);
  int64_t big[] = {CONCERT_GAME_MAX_TOTAL, CONCERT_GAME_MAX_TOTAL};
  ck_assert_int_eq(concert_game_new_weighted(&g, 2, big, 1, &d), CONCERT_ERR_RANGE);
  concert_game_spec s = {.n_players = 3, .n_weights = 1, .weights = ok,
                         .quotas = (int64_t[]){4}, .min_members = 4};
  ck_assert_int_eq(concert_game_new(&g, &s, &d), CONCERT_ERR_RANGE);
  s.min_members = 0;
  s.ids = (const char *const[]){"A", "B", "A"};
  ck_assert_int_eq(concert_game_new(&g, &s, &d), CONCERT_ERR_DUPLICATE_ID);
  concert_game_spec none = {.n_players = 3};
  ck_assert_int_eq(concert_game_new(&g, &none, &d), CONCERT_ERR_INVALID);
  ck_assert_int_eq(concert_game_new(NULL, &s, &d), CONCERT_ERR_ARGUMENT);
  concert_game_free(NULL);
  /* rules: NaN, negative and infinite weights; shares out of range; k too big */
  concert_power_rule r = {.kind = CONCERT_POWER_WEIGHTED_QUOTA, .weight_share = 0.5};
  double wn[] = {1, NAN, 2};
  ck_assert_int_eq(concert_game_from_rule(&g, 3, wn, NULL, &r, &d), CONCERT_ERR_RANGE);
  ck_assert_str_eq(d.path, "weights[1]");
  double wneg[] = {1, -2, 2};
  ck_assert_int_eq(concert_game_from_rule(&g, 3, wneg, NULL, &r, &d), CONCERT_ERR_RANGE);
  double winf[] = {1, INFINITY, 2};
  ck_assert_int_eq(concert_game_from_rule(&g, 3, winf, NULL, &r, &d), CONCERT_ERR_RANGE);
  double wz[] = {0, 0, 0};
  ck_assert_int_eq(concert_game_from_rule(&g, 3, wz, NULL, &r, &d), CONCERT_ERR_RANGE);
  r.weight_share = 1.5;
  ck_assert_int_eq(concert_game_from_rule(&g, 3, NULL, NULL, &r, &d), CONCERT_ERR_RANGE);
  r.weight_share = NAN;
  ck_assert_int_eq(concert_game_from_rule(&g, 3, NULL, NULL, &r, &d), CONCERT_ERR_RANGE);
  concert_power_rule ck = {.kind = CONCERT_POWER_CONSENSUS_MINUS_K, .k = 3};
  ck_assert_int_eq(concert_game_from_rule(&g, 3, NULL, NULL, &ck, &d), CONCERT_ERR_RANGE);
  ck_assert_int_eq(concert_game_from_rule(&g, 0, NULL, NULL, &ck, &d), CONCERT_ERR_EMPTY);
  /* unsupported: two real weight vectors on 30 players */
  int64_t w2[60], q2[2] = {40, 40};
  for (int i = 0; i < 60; i++) w2[i] = 1 + i % 7;
  concert_game_spec s2 = {.n_players = 30, .n_weights = 2, .weights = w2, .quotas = q2};
  ck_assert_int_eq(concert_game_new(&g, &s2, &d), CONCERT_OK);
  double out[30];
  ck_assert_int_eq(concert_power_banzhaf(g, out, &d), CONCERT_ERR_UNSUPPORTED);
  ck_assert_int_eq(concert_power_shapley(g, out, &d), CONCERT_ERR_UNSUPPORTED);
  bool veto[30];
  ck_assert_int_eq(concert_power_vetoes(g, veto, NULL, &d), CONCERT_OK);
  concert_game_free(g);
}
END_TEST

static char tmpdir[64];

static const char *write_file(const char *name, const char *text) {
  static char path[4][128];
  static int k;
  char *p = path[k++ % 4];
  snprintf(p, 128, "%s/%s", tmpdir, name);
  FILE *f = fopen(p, "w");
  fputs(text, f);
  fclose(f);
  return p;
}

#define GAMES_HDR "game_id,body,n_players,weight_quota,weight_total,count_quota,clause\n"
#define PLAYERS_HDR "game_id,order,player_id,name,weight,aux\n"

static void expect_csv_error(const char *games, const char *players, concert_status want,
                             int line, int column, const char *in_file) {
  const char *gp = write_file("g.csv", games), *pp = write_file("p.csv", players);
  concert_game *g = NULL;
  concert_diag d = {0};
  concert_status st = concert_game_load_csv(&g, gp, pp, "x", &d);
  ck_assert_msg(st == want, "status %s, wanted %s (%s)", concert_status_name(st),
                concert_status_name(want), d.message);
  ck_assert_ptr_null(g);
  ck_assert_int_eq(d.line, line);
  ck_assert_int_eq(d.column, column);
  ck_assert_ptr_nonnull(strstr(d.file, in_file));
  ck_assert(d.message[0]);
}

START_TEST(test_csv_good_and_bad) {
  snprintf(tmpdir, sizeof tmpdir, "/tmp/concert-power-XXXXXX");
  ck_assert_ptr_nonnull(mkdtemp(tmpdir));
  const char *good_g = GAMES_HDR "x,\"a, quoted body\",3,3,4,,\n";
  const char *good_p = PLAYERS_HDR "x,1,A,,2,\nx,2,B,,1,\nx,3,C,,1,\ny,1,Z,,5,\n";
  concert_game *g;
  ck_assert_int_eq(concert_game_load_csv(&g, write_file("g.csv", good_g),
                                         write_file("p.csv", good_p), "x", NULL),
                   CONCERT_OK);
  double bz[3];
  concert_power_banzhaf(g, bz, NULL);
  ck_assert_double_eq_tol(bz[0], 0.6, 1e-15);
  concert_game_free(g);
  /* a weight that is not an integer: players file, line 3, field 5 */
  expect_csv_error(good_g, PLAYERS_HDR "x,1,A,,2,\nx,2,B,,abc,\nx,3,C,,1,\n", CONCERT_ERR_TYPE, 3,
                   5, "p.csv");
  expect_csv_error(good_g, PLAYERS_HDR "x,1,A,,2,\nx,2,B,,nan,\nx,3,C,,1,\n", CONCERT_ERR_TYPE, 3,
                   5, "p.csv");
  expect_csv_error(good_g, PLAYERS_HDR "x,1,A,,2,\nx,2,B,,-1,\nx,3,C,,1,\n", CONCERT_ERR_RANGE, 3,
                   5, "p.csv");
  /* out of order */
  expect_csv_error(good_g, PLAYERS_HDR "x,1,A,,2,\nx,3,B,,1,\nx,2,C,,1,\n", CONCERT_ERR_INVALID,
                   3, 2, "p.csv");
  /* a row with too few fields */
  expect_csv_error(good_g, PLAYERS_HDR "x,1,A,,2,\nx,2,B\nx,3,C,,1,\n", CONCERT_ERR_SYNTAX, 3, 4,
                   "p.csv");
  /* unterminated quote */
  expect_csv_error(good_g, PLAYERS_HDR "x,1,A,,2,\nx,2,\"B,,1,\n", CONCERT_ERR_SYNTAX, 3, 3,
                   "p.csv");
  /* missing column */
  expect_csv_error(good_g, "game_id,order,player_id,name,aux\n", CONCERT_ERR_MISSING, 1, 0,
                   "p.csv");
  /* quota beyond the total, bad clause, wrong total, wrong count, unknown game */
  expect_csv_error(GAMES_HDR "x,b,3,5,4,,\n", good_p, CONCERT_ERR_RANGE, 2, 4, "g.csv");
  expect_csv_error(GAMES_HDR "x,b,3,3,4,,members>=9 always win\n", good_p, CONCERT_ERR_INVALID,
                   2, 7, "g.csv");
  expect_csv_error(GAMES_HDR "x,b,3,3,5,,\n", good_p, CONCERT_ERR_RANGE, 2, 5, "g.csv");
  expect_csv_error(GAMES_HDR "x,b,4,3,4,,\n", good_p, CONCERT_ERR_RANGE, 4, 0, "p.csv");
  expect_csv_error(GAMES_HDR "y,b,1,3,5,,\n", good_p, CONCERT_ERR_NOT_FOUND, 0, 0, "g.csv");
  expect_csv_error(GAMES_HDR "x,b,3,3.5,4,,\n", good_p, CONCERT_ERR_TYPE, 2, 4, "g.csv");
  expect_csv_error("", good_p, CONCERT_ERR_EMPTY, 1, 0, "g.csv");
  concert_diag d = {0};
  ck_assert_int_eq(concert_game_load_csv(&g, "/nonexistent/g.csv", "/nonexistent/p.csv", "x", &d),
                   CONCERT_ERR_IO);
  ck_assert_str_eq(d.file, "/nonexistent/g.csv");
  unlink(write_file("g.csv", ""));
  unlink(write_file("p.csv", ""));
  rmdir(tmpdir);
}
END_TEST

static Suite *power_suite(void) {
  Suite *s = suite_create("power");
  TCase *tc = tcase_create("core");
  tcase_set_timeout(tc, 600);
  tcase_add_test(tc, test_reference_values);
  tcase_add_test(tc, test_hand_321);
  tcase_add_test(tc, test_hand_rules);
  tcase_add_test(tc, test_builtins);
  tcase_add_test(tc, test_random_small_against_oracle);
  tcase_add_test(tc, test_mitm_large_halves);
  tcase_add_test(tc, test_symmetry_and_dummy);
  tcase_add_test(tc, test_engines_agree);
  tcase_add_test(tc, test_large_game);
  tcase_add_test(tc, test_sized_dp);
  tcase_add_test(tc, test_count_only_large);
  tcase_add_test(tc, test_bad_spec);
  tcase_add_test(tc, test_csv_good_and_bad);
  suite_add_tcase(s, tc);
  return s;
}

int main(void) {
  return concert_test_run(power_suite());
}
