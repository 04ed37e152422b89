/* test_sweep.c: the random streams (Random123 known answers, determinism, independence),
 * scenario draws (bounds of every distribution, event probabilities), the loader's refusal of
 * bad distribution specs, and concert_sweep: byte-identical results at 1, 2 and 3 threads, a
 * hand-checkable probability within 3 standard errors, cancellation, and the SQLite store:
 * a killed sweep resumed to the uninterrupted sweep's bytes, and its refusals. */
#include <check.h>
#include <concert.h>
#include <jansson.h>
#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check_main.h"
#include "scenario_support.h"
#include "scenario/scenario_i.h"
#include "sweep/draw_i.h"
#include "sweep/sweep_i.h"

/* Random123's known-answer vector for philox4x32-10 at counter 0, key 0 (kat_vectors):
 * 6627e8d5 e169c58d bc57ac4c 9b00dbd8; our stream 0 of seed 0 is that block. */
START_TEST(rng_known_answer) {
  concert_rng g;
  concert_rng_init(&g, 0, 0);
  ck_assert_uint_eq(concert_rng_u32(&g), 0x6627e8d5u);
  ck_assert_uint_eq(concert_rng_u32(&g), 0xe169c58du);
  ck_assert_uint_eq(concert_rng_u32(&g), 0xbc57ac4cu);
  ck_assert_uint_eq(concert_rng_u32(&g), 0x9b00dbd8u);
  /* the first uniform, by hand: ((0x6627e8d5 >> 5) * 2^26 + (0xe169c58d >> 6) + 0.5) / 2^53 */
  concert_rng_init(&g, 0, 0);
  double a = (double)(0x6627e8d5u >> 5), b = (double)(0xe169c58du >> 6);
  ck_assert(concert_rng_uniform(&g) == (a * 67108864.0 + b + 0.5) / 9007199254740992.0);
  ck_assert_double_eq_tol((a * 67108864.0 + b + 0.5) / 9007199254740992.0, 0x6627e8d5 / 4294967296.0, 1e-7);
}
END_TEST

START_TEST(rng_streams) {
  concert_rng g, h, k;
  concert_rng_init(&g, 42, 7), concert_rng_init(&h, 42, 7), concert_rng_init(&k, 42, 8);
  double sum = 0, dif = 0;
  for (int i = 0; i < 100000; i++) {
    double x = concert_rng_uniform(&g), y = concert_rng_uniform(&h), z = concert_rng_uniform(&k);
    ck_assert(x == y);         /* deterministic */
    ck_assert(x > 0 && x < 1); /* open interval */
    sum += x, dif += x != z;
  }
  ck_assert_double_eq_tol(sum / 100000, 0.5, 0.005); /* 5.5 standard errors of the mean */
  ck_assert(dif == 100000);                          /* another stream, other numbers */
  concert_rng_init(&g, 43, 7);
  concert_rng_init(&h, 42, 7);
  ck_assert(concert_rng_uniform(&g) != concert_rng_uniform(&h)); /* another seed */
}
END_TEST

/* Every distribution stays within its bounds, whatever the uniform (property test over
 * random ranges, modes and sds). */
START_TEST(draws_in_bounds) {
  concert_rng g;
  concert_rng_init(&g, 3, 0);
  for (int i = 0; i < 20000; i++) {
    double lo = 100 * concert_rng_uniform(&g), hi = 100 * concert_rng_uniform(&g);
    if (lo > hi) { double t = lo; lo = hi, hi = t; }
    double v = lo + (hi - lo) * concert_rng_uniform(&g);
    double sd = 0.01 + 60 * concert_rng_uniform(&g);
    bool given = concert_rng_uniform(&g) < 0.5;
    for (unsigned char dist = 0; dist < 3; dist++) {
      concert_i_range r = {given || dist != CONCERT_I_DIST_NORMAL ? lo : v,
                           given || dist != CONCERT_I_DIST_NORMAL ? hi : v, dist,
                           CONCERT_I_PROV_JUDGMENT, dist == CONCERT_I_DIST_NORMAL ? sd : 0};
      double a = r.lo < r.hi ? r.lo : 0, b = r.lo < r.hi ? r.hi : 100;
      double us[3] = {concert_rng_uniform(&g), 1e-300, 1 - 1e-16};
      for (int q = 0; q < 3; q++) {
        double x = concert_i_draw_value(v, &r, 0, 100, us[q]);
        ck_assert_msg(x >= a && x <= b, "dist %d: %g outside [%g, %g]", dist, x, a, b);
      }
    }
  }
  /* the triangular's mode and the normal's mean sit at the value */
  concert_i_range tri = {40, 60, CONCERT_I_DIST_TRIANGULAR, 0, 0};
  ck_assert_double_eq_tol(concert_i_draw_value(45, &tri, 0, 100, 0.25), 45, 1e-12);
  concert_i_range nor = {40, 40, CONCERT_I_DIST_NORMAL, 0, 5};
  ck_assert_double_eq_tol(concert_i_draw_value(40, &nor, 0, 100, 0.5), 40, 1e-9);
}
END_TEST

static const char *events_yaml =
    "name: ev\nsource: test\nissues: [{id: k, title: K, reversion: 50}]\nactors:\n"
    "  - {id: A, capability: 1, stances: {k: {position: 60, salience: 1}}}\n"
    "  - {id: B, capability: 1, stances: {k: {position: 40, salience: 1}}}\n"
    "  - {id: C, capability: 1, stances: {k: {position: 50, salience: 1}}}\n"
    "forums: [{id: F, members: [A, B, C], agenda: [{session: s1, issues: []}, {session: s2, "
    "issues: [k]}],\n"
    "  events: [{depart: A, before_session: s2, probability: 0}, {absent: B, probability: 1},\n"
    "           {leader_leaves: C, before_session: s2, probability: 0.5}]}]\n";

/* probability 0: never kept; 1: always; 0.5: about half the draws. */
START_TEST(event_probability) {
  concert_scenario *s = load(events_yaml);
  concert_i_draw *d = concert_i_draw_new(s);
  ck_assert_ptr_nonnull(d);
  size_t half = 0, n = 4000;
  for (size_t r = 0; r < n; r++) {
    concert_rng g;
    concert_rng_init(&g, 5, r);
    concert_i_draw_fill(d, &g);
    const concert_i_forum *f = &concert_i_draw_scenario(d)->forums[0];
    bool a = false, b = false, c = false;
    for (size_t v = 0; v < f->n_events; v++) {
      a |= f->events[v].kind == CONCERT_EVENT_DEPART;
      b |= f->events[v].kind == CONCERT_EVENT_ABSENT;
      c |= f->events[v].kind == CONCERT_EVENT_LEADER_LEAVES;
    }
    ck_assert(!a);
    ck_assert(b);
    half += c;
  }
  double p = (double)half / (double)n;
  ck_assert_double_eq_tol(p, 0.5, 3 * sqrt(0.25 / (double)n));
  ck_assert_uint_eq(s->forums[0].n_events, 3); /* the original is untouched */
  concert_i_draw_free(d);
  concert_scenario_free(s);
}
END_TEST

/* Malformed distribution specs are refused with the line, column and field path. */
static void refused(const char *stance, const char *path_end, concert_status want) {
  char text[1024];
  snprintf(text, sizeof text,
           "name: bad\nsource: test\nissues: [{id: k, title: K, reversion: 50}]\nactors:\n"
           "  - id: A\n    capability: 1\n    stances:\n      k: %s\n"
           "forums: [{id: F, members: [A], agenda: [{session: s, issues: [k]}]}]\n",
           stance);
  concert_scenario *s = NULL;
  concert_diag d;
  concert_diag_clear(&d);
  concert_status st = concert_scenario_load_string(text, strlen(text), "t.yaml", &s, &d);
  ck_assert_msg(st == want, "%s: got %d (%s)", stance, st, d.message);
  ck_assert_ptr_null(s);
  ck_assert_int_eq(d.line, 8);
  ck_assert_int_gt(d.column, 0);
  size_t n = strlen(d.path), m = strlen(path_end);
  ck_assert_msg(n >= m && strcmp(d.path + n - m, path_end) == 0, "path %s", d.path);
}

START_TEST(bad_distributions) {
  refused("{position: {value: 50, dist: normal}, salience: 1}", "position.dist", CONCERT_ERR_MISSING);
  refused("{position: {value: 50, dist: normal, sd: 0}, salience: 1}", "position.sd", CONCERT_ERR_RANGE);
  refused("{position: {value: 50, dist: normal, sd: -3}, salience: 1}", "position.sd", CONCERT_ERR_RANGE);
  refused("{position: {value: 50, dist: normal, sd: x}, salience: 1}", "position.sd", CONCERT_ERR_TYPE);
  refused("{position: {value: 50, low: 40, high: 60, sd: 5}, salience: 1}", "position.sd", CONCERT_ERR_INVALID);
  refused("{position: {value: 50, dist: gaussian, sd: 5}, salience: 1}", "position.dist", CONCERT_ERR_INVALID);
  refused("{position: 50, salience: {value: 0.5, dist: normal, sd: 2}}", "salience.sd", CONCERT_ERR_RANGE);
  /* accepted: a normal with and without a range */
  const char *ok = "name: ok\nsource: test\nissues: [{id: k, title: K, reversion: 50}]\nactors:\n"
                   "  - {id: A, capability: 1, stances: {k: {position: {value: 50, dist: normal, "
                   "sd: 5}, salience: {value: 0.5, low: 0.2, high: 0.9, dist: normal, sd: 0.1}}}}\n"
                   "forums: [{id: F, members: [A], agenda: [{session: s, issues: [k]}]}]\n";
  concert_scenario *s = load(ok);
  const concert_i_stance *st = concert_i_stance_at(s, 0, 0);
  ck_assert_int_eq(st->position_range.dist, CONCERT_I_DIST_NORMAL);
  ck_assert_double_eq(st->position_range.sd, 5);
  ck_assert(concert_i_draw_ranged(st->position, &st->position_range));
  concert_scenario_free(s);
  /* the file's default distribution applies to ranges that name none */
  const char *def = "name: ok\nsource: test\nuncertainty: {dist: triangular}\n"
                    "issues: [{id: k, title: K, reversion: 50}]\nactors:\n"
                    "  - {id: A, capability: 1, stances: {k: {position: {value: 50, low: 40, "
                    "high: 70}, salience: {value: 0.5, low: 0.2, high: 0.9, dist: uniform}}}}\n"
                    "forums: [{id: F, members: [A], agenda: [{session: s, issues: [k]}]}]\n";
  s = load(def);
  st = concert_i_stance_at(s, 0, 0);
  ck_assert_int_eq(st->position_range.dist, CONCERT_I_DIST_TRIANGULAR);
  ck_assert_int_eq(st->salience_range.dist, CONCERT_I_DIST_UNIFORM);
  concert_scenario_free(s);
  const char *bad = "name: bad\nsource: test\nuncertainty: {dist: normal}\n"
                    "issues: [{id: k, title: K, reversion: 50}]\nactors: [{id: A, capability: 1}]\n"
                    "forums: [{id: F, members: [A], agenda: [{session: s, issues: [k]}]}]\n";
  concert_diag d;
  concert_diag_clear(&d);
  s = NULL;
  ck_assert_int_eq(concert_scenario_load_string(bad, strlen(bad), "t.yaml", &s, &d),
                   CONCERT_ERR_INVALID);
  ck_assert_str_eq(d.path, "uncertainty.dist");
  ck_assert_int_eq(d.line, 3);
}
END_TEST

START_TEST(bad_event_probability) {
#define BASE                                                                              \
  "name: bad\nsource: test\nissues: [{id: k, title: K, reversion: 50}]\nactors:\n"          \
  "  - {id: A, capability: 1, stances: {k: {position: 60, salience: 1}}}\n"                 \
  "forums:\n  - id: F\n    members: [A]\n    agenda: [{session: s, issues: [k]}]\n"         \
  "    events:\n      - %s\n"
  const char *evs[] = {"{absent: A, probability: 1.5}", "{absent: A, probability: x}",
                       "{salience_shock: {actor: A, issue: k, factor: 2}, before_session: s, "
                       "probability: 0.5}"};
  concert_status want[] = {CONCERT_ERR_RANGE, CONCERT_ERR_TYPE, CONCERT_ERR_INVALID};
  for (int i = 0; i < 3; i++) {
    char text[1024];
    snprintf(text, sizeof text, BASE, evs[i]);
    concert_scenario *s = NULL;
    concert_diag d;
    concert_diag_clear(&d);
    ck_assert_int_eq(concert_scenario_load_string(text, strlen(text), "t.yaml", &s, &d), want[i]);
    ck_assert_str_eq(d.path, "forums[0].events[0].probability");
    ck_assert_int_eq(d.line, 11);
  }
}
END_TEST

static char *sweep_json(const concert_scenario *s, size_t forum, size_t runs, unsigned threads,
                        const concert_params *proto) {
  concert_sweep_options o;
  concert_sweep_options_init(&o);
  o.runs = runs, o.seed = 11, o.threads = threads, o.forum = forum, o.protocol = proto;
  concert_sweep *w = NULL;
  concert_diag d;
  concert_diag_clear(&d);
  ck_assert_msg(concert_sweep_run(s, &o, &w, &d) == CONCERT_OK, "%s", d.message);
  char *json = NULL;
  ck_assert_int_eq(concert_sweep_to_json(w, &json, &d), CONCERT_OK);
  concert_sweep_free(w);
  return json;
}

START_TEST(threads_identical) {
  concert_scenario *s = NULL;
  concert_diag d;
  concert_diag_clear(&d);
  ck_assert_int_eq(concert_scenario_load_file(CONCERT_SRCDIR "/scenarios/g5-2026.yaml", &s, &d),
                   CONCERT_OK);
  size_t f = 0;
  ck_assert(concert_scenario_forum_find(s, "G5", &f));
  char *one = sweep_json(s, f, 150, 1, NULL), *two = sweep_json(s, f, 150, 2, NULL),
       *three = sweep_json(s, f, 150, 3, NULL);
  ck_assert_str_eq(one, two);
  ck_assert_str_eq(one, three);
  /* the documented keys, in order (docs/json-schema.md) */
  json_error_t err;
  json_t *j = json_loads(one, 0, &err);
  ck_assert_ptr_nonnull(j);
  char keys[256] = "";
  const char *k;
  json_t *v;
  size_t len = 0;
  json_object_foreach(j, k, v) {
    (void)v;
    int n = snprintf(keys + len, sizeof keys - len, "%s,", k);
    ck_assert(n > 0 && (size_t)n < sizeof keys - len);
    len += (size_t)n;
  }
  ck_assert_str_eq(keys, "schema,scenario,forum,model,runs,seed,document,issues,rift,net_gain,variance_shares,");
  ck_assert_str_eq(json_string_value(json_object_get(j, "schema")), "concert-sweep/1");
  ck_assert_int_eq(json_integer_value(json_object_get(j, "runs")), 150);
  json_t *issue = json_array_get(json_object_get(j, "issues"), 0);
  ck_assert_uint_eq(json_array_size(json_object_get(issue, "members")), 5);
  json_t *p = json_object_get(json_object_get(issue, "statement"), "p");
  double pv = json_number_value(p);
  double se = json_number_value(json_object_get(json_object_get(issue, "statement"), "se"));
  ck_assert_double_eq_tol(se, sqrt(pv * (1 - pv) / 150), 1e-6);
  json_decref(j);
  free(one), free(two), free(three);
  concert_scenario_free(s);
}
END_TEST

static size_t block_size(const concert_i_scale *sc) {
  return CONCERT_I_Q_BINS + (size_t)(sc->ghi - sc->glo + 1) + 2;
}

/* A histogram block by hand: values rounded to 0.01, two outside the range 0..100. Sorted
 * and rounded: [0 (below, read as the range's end), 1.23, 50, 50, 100, 100 (above)]; type 7
 * at 5%: h = 0.25, 0 + 0.25 x 1.23; at 25%: h = 1.25, 1.23 + 0.25 x 48.77; at 75%: h = 3.75,
 * 50 + 0.75 x 50. The mean and se are the exact ones of the six values. */
START_TEST(histogram_by_hand) {
  const concert_i_scale *sc = &concert_i_sweep_text_scale;
  int64_t *b = calloc(block_size(sc), sizeof *b);
  double v[6] = {1.234, 50, 50.004, 99.999, -3, 150}, sum = 0, ss = 0;
  for (int i = 0; i < 6; i++) ck_assert_int_eq(concert_i_sweep_add_value(b, sc, v[i]), 0);
  ck_assert_int_eq(concert_i_sweep_add_value(b, sc, NAN), 0); /* left out */
  ck_assert_int_ne(concert_i_sweep_add_value(b, sc, 2048), 0);
  ck_assert_int_ne(concert_i_sweep_add_value(b, sc, -INFINITY), 0);
  for (int i = 0; i < 6; i++) sum += v[i];
  for (int i = 0; i < 6; i++) ss += (v[i] - sum / 6) * (v[i] - sum / 6);
  concert_spread sp = concert_i_sweep_spread(b, sc);
  ck_assert_uint_eq(sp.n, 6);
  ck_assert_uint_eq(sp.outside, 2);
  ck_assert_double_eq_tol(sp.mean, sum / 6, 1e-6);
  ck_assert_double_eq_tol(sp.se, sqrt(ss / 5 / 6), 1e-6);
  ck_assert_double_eq_tol(sp.q[0], 0.25 * 1.23, 1e-12);
  ck_assert_double_eq_tol(sp.q[1], 1.23 + 0.25 * 48.77, 1e-12);
  ck_assert_double_eq_tol(sp.q[2], 50, 1e-12);
  ck_assert_double_eq_tol(sp.q[3], 87.5, 1e-12);
  ck_assert_double_eq_tol(sp.q[4], 100, 1e-12);
  free(b);
}
END_TEST

static int cmp_dbl(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

/* Property: the histogram's quantiles are within half the resolution of the exact type 7,
 * for random samples of random sizes on the net-gain scale (resolution 0.01), the mean and
 * se within 1e-6 of the floating-point ones. */
START_TEST(histogram_within_resolution) {
  const concert_i_scale *sc = &concert_i_sweep_gain_scale;
  size_t len = block_size(sc);
  int64_t *b = malloc(len * sizeof *b);
  double *x = malloc(3000 * sizeof *x);
  concert_rng g;
  concert_rng_init(&g, 21, 0);
  for (int trial = 0; trial < 200; trial++) {
    memset(b, 0, len * sizeof *b);
    size_t n = 1 + (size_t)(2999 * concert_rng_uniform(&g));
    double centre = -80 + 160 * concert_rng_uniform(&g), width = 40 * concert_rng_uniform(&g);
    double sum = 0;
    for (size_t i = 0; i < n; i++) {
      double u = concert_rng_uniform(&g);
      x[i] = centre + width * (u - 0.5) * (u < 0.1 ? 0 : 1); /* a tenth share one value */
      sum += x[i];
      ck_assert_int_eq(concert_i_sweep_add_value(b, sc, x[i]), 0);
    }
    qsort(x, n, sizeof *x, cmp_dbl);
    concert_spread sp = concert_i_sweep_spread(b, sc);
    ck_assert_uint_eq(sp.n, n);
    ck_assert_double_eq_tol(sp.mean, sum / (double)n, 1e-6);
    for (int q = 0; q < 5; q++) {
      double h = (double)(n - 1) * concert_sweep_levels()[q];
      size_t lo = (size_t)floor(h), hi = lo + 1 < n ? lo + 1 : lo;
      double exact = x[lo] + (h - (double)lo) * (x[hi] - x[lo]);
      ck_assert_msg(fabs(sp.q[q] - exact) <= 0.005 + 1e-9, "trial %d q%d: %.6f vs %.6f", trial,
                    q, sp.q[q], exact);
    }
  }
  free(b), free(x);
}
END_TEST

/* Every output of w (JSON, sheet, CSV) as one string. */
static char *all_outputs(const concert_sweep *w) {
  char *json = NULL, *buf = NULL;
  size_t len = 0;
  ck_assert_int_eq(concert_sweep_to_json(w, &json, NULL), CONCERT_OK);
  FILE *f = open_memstream(&buf, &len);
  ck_assert_ptr_nonnull(f);
  fprintf(f, "%s\n", json);
  ck_assert_int_eq(concert_sweep_write_text(w, f), CONCERT_OK);
  ck_assert_int_eq(concert_sweep_write_csv(w, f), CONCERT_OK);
  fclose(f);
  free(json);
  return buf;
}

/* A sweep in 3 parts (threads 1, 2, 3), the parts' counters summed into one of them,
 * reports exactly what the sweep in one part does: every output byte for byte. The parts
 * alone each report their own runs. */
START_TEST(parts_sum_identical) {
  concert_scenario *s = NULL;
  concert_diag d;
  concert_diag_clear(&d);
  ck_assert_int_eq(concert_scenario_load_file(CONCERT_SRCDIR "/scenarios/g5-2026.yaml", &s, &d),
                   CONCERT_OK);
  size_t f = 0;
  ck_assert(concert_scenario_forum_find(s, "G5", &f));
  concert_sweep_options o;
  concert_sweep_options_init(&o);
  o.runs = 1000, o.seed = 7, o.forum = f; /* 4 blocks of 256: parts of 256 + 232, 256, 256 runs */
  concert_sweep *whole = NULL, *part[3] = {NULL, NULL, NULL};
  ck_assert_msg(concert_sweep_run(s, &o, &whole, &d) == CONCERT_OK, "%s", d.message);
  o.parts = 3;
  size_t played = 0;
  for (size_t q = 0; q < 3; q++) {
    o.part = q, o.threads = (unsigned)q + 1;
    ck_assert_msg(concert_sweep_run(s, &o, &part[q], &d) == CONCERT_OK, "%s", d.message);
    played += concert_sweep_runs(part[q]);
  }
  ck_assert_uint_eq(concert_sweep_runs(part[0]), 488);
  ck_assert_uint_eq(concert_sweep_runs(part[1]), 256);
  ck_assert_uint_eq(concert_sweep_runs(part[2]), 256);
  ck_assert_uint_eq(played, 1000);
  size_t n0, n1, n2, nw;
  int64_t *c0 = concert_sweep_counters(part[0], &n0), *c1 = concert_sweep_counters(part[1], &n1);
  int64_t *c2 = concert_sweep_counters(part[2], &n2);
  concert_sweep_counters(whole, &nw);
  ck_assert_uint_eq(n0, nw);
  ck_assert_uint_eq(n1, nw);
  ck_assert_uint_eq(n2, nw);
  /* summed in another order than the parts' */
  for (size_t i = 0; i < n0; i++) c1[i] += c2[i];
  for (size_t i = 0; i < n0; i++) c1[i] += c0[i];
  char *a = all_outputs(whole), *b = all_outputs(part[1]);
  ck_assert_str_eq(a, b);
  ck_assert_ptr_nonnull(strstr(a, "1000 runs"));
  free(a), free(b);
  for (size_t q = 0; q < 3; q++) concert_sweep_free(part[q]);
  concert_sweep_free(whole);
  /* refusals: more runs than the fixed-point sums hold; a part out of range; parts with a
   * database */
  o.runs = CONCERT_SWEEP_MAX_RUNS + 1;
  concert_sweep *big = NULL;
  ck_assert_int_eq(concert_sweep_run(s, &o, &big, &d), CONCERT_ERR_TOO_LARGE);
  ck_assert_ptr_nonnull(strstr(d.message, "at most 2147483648 runs"));
  ck_assert_ptr_null(big);
  o.runs = 1000;
  o.parts = 2, o.part = 2, o.threads = 1;
  concert_sweep *w = NULL;
  ck_assert_int_eq(concert_sweep_run(s, &o, &w, &d), CONCERT_ERR_ARGUMENT);
  o.part = 0, o.db_path = "/nonexistent/never-opened.sqlite";
  ck_assert_int_eq(concert_sweep_run(s, &o, &w, &d), CONCERT_ERR_ARGUMENT);
  ck_assert_ptr_nonnull(strstr(d.message, "a database sweep runs in one part"));
  ck_assert_ptr_null(w);
  concert_scenario_free(s);
}
END_TEST

/* By hand: A at 60 and B at 40, equal weights: the compromise text is 50 whatever is drawn.
 * B's red line is uniform on [40, 60]: the text crosses it (no text above the red line) when
 * the red line falls below 50, half the time. Without re-drafting the joint statement is
 * issued exactly when it does not: probability 0.5. */
static const char *redline_yaml =
    "name: redline\nsource: test\nissues: [{id: k, title: K, reversion: 0}]\nactors:\n"
    "  - {id: A, capability: 1, stances: {k: {position: 60, salience: 1}}}\n"
    "  - {id: B, capability: 1, stances: {k: {position: 40, salience: 1,\n"
    "         red_line: {value: 50, low: 40, high: 60}}}}\n"
    "forums: [{id: F, members: [A, B], agenda: [{session: s, issues: [k]}]}]\n";

START_TEST(red_line_half) {
  concert_scenario *s = load(redline_yaml);
  concert_params *p = concert_params_new();
  ck_assert_int_eq(concert_params_set_word(p, "redraft", "false"), CONCERT_OK);
  concert_sweep_options o;
  concert_sweep_options_init(&o);
  o.runs = 2000, o.seed = 1, o.protocol = p, o.threads = 2;
  concert_sweep *w = NULL;
  ck_assert_int_eq(concert_sweep_run(s, &o, &w, NULL), CONCERT_OK);
  concert_estimate e = concert_sweep_joint(w, 0);
  ck_assert_double_eq_tol(e.se, sqrt(e.p * (1 - e.p) / 2000), 1e-12);
  ck_assert_msg(fabs(e.p - 0.5) < 3 * e.se, "p %g se %g", e.p, e.se);
  concert_spread t = concert_sweep_text(w, 0);
  ck_assert_uint_eq(t.n, (size_t)llround(e.p * 2000));
  ck_assert_double_eq_tol(t.q[2], 50, 1e-9);
  ck_assert_double_eq_tol(concert_sweep_signs(w, 0, 1).p, e.p, 1e-12);
  /* B blocks exactly when there is no statement */
  ck_assert_double_eq_tol(concert_sweep_blocks(w, 0, 1).p, 1 - e.p, 1e-12);
  concert_sweep_free(w);
  concert_params_free(p);
  concert_scenario_free(s);
}
END_TEST

/* Variance shares by hand. B's red line r = 40 + 20 u (u its uniform) alone decides issue
 * k's statement: issued exactly when r >= 50, u >= 1/2, that is in bins 8..15 of 16. Then
 * sum_b n_b (ybar_b - ybar)^2 = N var(y) and S = 1 - (K - 1) / (N - 1) exactly. A's salience
 * of issue z, which is not on the agenda, decides nothing: S near 0 (under the null the
 * estimate less its bias has sd sqrt(2 (K - 1)) / N = 0.0027 here). */
static const char *shares_yaml =
    "name: shares\nsource: test\nissues: [{id: k, title: K, reversion: 0}, {id: z, title: Z, "
    "reversion: 0}]\nactors:\n"
    "  - {id: A, capability: 1, stances: {k: {position: 60, salience: 1},\n"
    "         z: {position: 50, salience: {value: 0.5, low: 0.2, high: 0.9}}}}\n"
    "  - {id: B, capability: 1, stances: {k: {position: 40, salience: 1,\n"
    "         red_line: {value: 50, low: 40, high: 60}}}}\n"
    "forums: [{id: F, members: [A, B], agenda: [{session: s, issues: [k]}]}]\n";

START_TEST(shares_by_hand) {
  concert_scenario *s = load(shares_yaml);
  concert_params *p = concert_params_new();
  ck_assert_int_eq(concert_params_set_word(p, "redraft", "false"), CONCERT_OK);
  concert_sweep_options o;
  concert_sweep_options_init(&o);
  o.runs = 2000, o.seed = 3, o.protocol = p;
  concert_sweep *w = NULL;
  ck_assert_int_eq(concert_sweep_run(s, &o, &w, NULL), CONCERT_OK);
  ck_assert_uint_eq(concert_sweep_input_count(w), 2);
  ck_assert_uint_eq(concert_sweep_headline_count(w), 2);
  /* draw order: stances by actor then issue, so A's salience of z first, then B's red line */
  concert_sweep_input a = concert_sweep_input_at(w, 0), b = concert_sweep_input_at(w, 1);
  ck_assert_int_eq(a.kind, CONCERT_SWEEP_SALIENCE);
  ck_assert_uint_eq(a.actor, 0);
  ck_assert_uint_eq(a.issue, 1);
  ck_assert_int_eq(b.kind, CONCERT_SWEEP_RED_LINE);
  ck_assert_uint_eq(b.actor, 1);
  ck_assert_str_eq(concert_sweep_input_kind_name(b.kind), "red_line");
  double p_k = concert_sweep_statement(w, 0).p;
  ck_assert(p_k > 0.4 && p_k < 0.6);
  ck_assert_double_eq_tol(concert_sweep_variance_share(w, 1, 1), 1 - 15.0 / 1999, 1e-12);
  double null = concert_sweep_variance_share(w, 1, 0);
  ck_assert_msg(null >= 0 && null < 0.01, "S %g", null);
  /* the document is always issued here: no variance to share */
  ck_assert(isnan(concert_sweep_variance_share(w, 0, 1)));
  ck_assert(isnan(concert_sweep_variance_share(w, 2, 0))); /* out of range */
  char *text = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&text, &len);
  ck_assert_int_eq(concert_sweep_write_text(w, f), CONCERT_OK);
  fclose(f);
  ck_assert_ptr_nonnull(strstr(text, "  k                       B red line on k (S = 0.99)\n"));
  ck_assert_ptr_nonnull(strstr(text, "never varies (p = 1.000)"));
  free(text);
  concert_sweep_free(w);
  concert_params_free(p);
  concert_scenario_free(s);
}
END_TEST

/* Property: on a real scenario every share is in [0, 1], and NaN exactly when its headline
 * never varies. */
START_TEST(shares_in_unit_interval) {
  concert_scenario *s = NULL;
  ck_assert_int_eq(
      concert_scenario_load_file(CONCERT_SRCDIR "/scenarios/g7-kananaskis-2025.yaml", &s, NULL),
      CONCERT_OK);
  concert_sweep_options o;
  concert_sweep_options_init(&o);
  o.runs = 600, o.seed = 9, o.threads = 2;
  concert_sweep *w = NULL;
  ck_assert_int_eq(concert_sweep_run(s, &o, &w, NULL), CONCERT_OK);
  ck_assert_uint_gt(concert_sweep_input_count(w), 100);
  size_t positive = 0;
  for (size_t h = 0; h < concert_sweep_headline_count(w); h++) {
    double ph = h ? concert_sweep_statement(w, h - 1).p
                  : concert_sweep_fate(w, CONCERT_DOCUMENT_ISSUED).p +
                        concert_sweep_fate(w, CONCERT_DOCUMENT_ISSUED_WITH_CARVE_OUT).p;
    bool varies = ph > 0 && ph < 1;
    for (size_t j = 0; j < concert_sweep_input_count(w); j++) {
      double x = concert_sweep_variance_share(w, h, j);
      ck_assert_msg(varies ? x >= 0 && x <= 1 : isnan(x), "h %zu j %zu: %g", h, j, x);
      positive += x > 0;
    }
  }
  ck_assert_uint_gt(positive, 0);
  concert_sweep_free(w);
  concert_scenario_free(s);
}
END_TEST

/* forgo_evaluation: point evaluates the chair's expectation once, at the point values;
 * the default evaluates each range's two ends as well (here B's red line: 1 + 2). */
START_TEST(forgo_point) {
  concert_scenario *s = load(redline_yaml);
  concert_params *p = concert_params_new();
  ck_assert_int_eq(concert_params_set_word(p, "forgo_evaluation", "point"), CONCERT_OK);
  concert_outcome *o = NULL;
  ck_assert_int_eq(concert_summit_run(s, 0, NULL, NULL, p, &o, NULL), CONCERT_OK);
  ck_assert_uint_eq(concert_outcome_communique(o).n_evaluations, 1);
  concert_outcome_free(o);
  ck_assert_int_eq(concert_summit_run(s, 0, NULL, NULL, NULL, &o, NULL), CONCERT_OK);
  ck_assert_uint_eq(concert_outcome_communique(o).n_evaluations, 3);
  concert_outcome_free(o);
  ck_assert_int_eq(concert_params_set_word(p, "forgo_evaluation", "sometimes"), CONCERT_OK);
  ck_assert_int_eq(concert_summit_run(s, 0, NULL, NULL, p, &o, NULL), CONCERT_ERR_INVALID);
  concert_params_free(p);
  concert_scenario_free(s);
}
END_TEST

static int cancel_at_10(size_t done, size_t total, void *user) {
  (void)total;
  ++*(int *)user;
  return done >= 10;
}

START_TEST(cancellation) {
  concert_scenario *s = load(redline_yaml);
  for (unsigned t = 1; t <= 2; t++) {
    int calls = 0;
    concert_sweep_options o;
    concert_sweep_options_init(&o);
    o.runs = 100000, o.threads = t, o.progress = cancel_at_10, o.user = &calls;
    concert_sweep *w = NULL;
    concert_diag d;
    concert_diag_clear(&d);
    ck_assert_int_eq(concert_sweep_run(s, &o, &w, &d), CONCERT_ERR_CANCELLED);
    ck_assert_ptr_null(w);
    ck_assert_int_gt(calls, 0);
  }
  concert_scenario_free(s);
}
END_TEST

/* ---- SQLite persistence ------------------------------------------------------------ */

/* A fresh database path under TMPDIR (removed with its journal files). */
static void db_path(char *buf, size_t n, const char *tag) {
  const char *dir = getenv("TMPDIR");
  snprintf(buf, n, "%s/concert-test-sweep-%s-%ld.sqlite", dir && *dir ? dir : "/tmp", tag,
           (long)getpid());
  char p[600];
  remove(buf);
  snprintf(p, sizeof p, "%s-journal", buf), remove(p);
  snprintf(p, sizeof p, "%s-wal", buf), remove(p);
  snprintf(p, sizeof p, "%s-shm", buf), remove(p);
}

static int cancel_at_300(size_t done, size_t total, void *user) {
  (void)total, (void)user;
  return done >= 300;
}

/* Runs a sweep of g7 into db (NULL: none); returns its JSON, or NULL with *st set. */
static char *db_sweep(const concert_scenario *s, size_t runs, unsigned threads, uint64_t seed,
                      const char *db, bool resume, concert_sweep_progress_fn fn,
                      concert_status *st, concert_diag *d) {
  concert_sweep_options o;
  concert_sweep_options_init(&o);
  o.runs = runs, o.seed = seed, o.threads = threads, o.db_path = db, o.resume = resume;
  o.progress = fn;
  concert_sweep *w = NULL;
  concert_diag_clear(d);
  *st = concert_sweep_run(s, &o, &w, d);
  if (*st) return NULL;
  char *json = NULL;
  ck_assert_int_eq(concert_sweep_to_json(w, &json, d), CONCERT_OK);
  concert_sweep_free(w);
  return json;
}

static long long db_count(const char *db, const char *sql) {
  sqlite3 *h = NULL;
  ck_assert_int_eq(sqlite3_open_v2(db, &h, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
  sqlite3_stmt *q = NULL;
  ck_assert_int_eq(sqlite3_prepare_v2(h, sql, -1, &q, NULL), SQLITE_OK);
  long long n = -1;
  int rc = sqlite3_step(q);
  if (rc == SQLITE_ROW) n = sqlite3_column_int64(q, 0);
  else ck_assert_int_eq(rc, SQLITE_DONE);
  sqlite3_finalize(q);
  ck_assert_int_eq(sqlite3_close(h), SQLITE_OK);
  return n;
}

/* 600 runs into a database; a kill simulated twice (a cancellation at run 300, then the rows
 * of the last batches deleted, children of some runs left behind); the resumed sweeps give
 * the uninterrupted sweep's JSON byte for byte, at 1 and 2 threads. */
START_TEST(db_resume_identical) {
  concert_scenario *s = NULL;
  concert_diag d;
  concert_diag_clear(&d);
  ck_assert_int_eq(
      concert_scenario_load_file(CONCERT_SRCDIR "/scenarios/g7-kananaskis-2025.yaml", &s, &d),
      CONCERT_OK);
  concert_status st;
  char *plain = db_sweep(s, 600, 1, 5, NULL, false, NULL, &st, &d);
  ck_assert_ptr_nonnull(plain);
  char db[512];
  for (unsigned t = 1; t <= 2; t++) {
    db_path(db, sizeof db, "resume");
    /* killed: the cancellation keeps the runs played (at least 300, not all) */
    char *early = db_sweep(s, 600, t, 5, db, false, cancel_at_300, &st, &d);
    if (early) { /* finished between two progress reports: lose the runs from 300 on */
      free(early);
      ck_assert_int_eq(db_count(db, "DELETE FROM run WHERE run >= 300"), -1);
    } else {
      ck_assert_int_eq(st, CONCERT_ERR_CANCELLED);
    }
    long long kept = db_count(db, "SELECT count(*) FROM run");
    ck_assert_int_ge(kept, 256);
    ck_assert_int_lt(kept, 600);
    char *resumed = db_sweep(s, 600, t, 5, db, true, NULL, &st, &d);
    ck_assert_msg(resumed != NULL, "%s", d.message);
    ck_assert_str_eq(resumed, plain);
    free(resumed);
    ck_assert_int_eq(db_count(db, "SELECT count(*) FROM run"), 600);
    ck_assert_int_eq(db_count(db, "SELECT count(DISTINCT run) FROM run_member_issue"), 600);
    /* killed in another way: the last batches lost, some of their children kept */
    ck_assert_int_eq(db_count(db, "DELETE FROM run WHERE run >= 256"), -1);
    ck_assert_int_eq(db_count(db, "DELETE FROM run_issue WHERE run >= 512"), -1);
    ck_assert_int_eq(db_count(db, "SELECT count(*) FROM run"), 256);
    resumed = db_sweep(s, 600, 3 - t, 5, db, true, NULL, &st, &d);
    ck_assert_msg(resumed != NULL, "%s", d.message);
    ck_assert_str_eq(resumed, plain);
    free(resumed);
    /* complete: resuming again plays nothing and gives the same */
    resumed = db_sweep(s, 600, t, 5, db, true, NULL, &st, &d);
    ck_assert_str_eq(resumed, plain);
    free(resumed);
    db_path(db, sizeof db, "resume");
  }
  free(plain);
  concert_scenario_free(s);
}
END_TEST

/* Refusals: a database holding data without resume, another seed or protocol, a path that
 * cannot be opened; each names the file, and leaves the database as it was. */
START_TEST(db_refusals) {
  concert_scenario *s = load(redline_yaml);
  char db[512];
  db_path(db, sizeof db, "refuse");
  concert_status st;
  concert_diag d;
  char *j = db_sweep(s, 40, 1, 3, db, false, NULL, &st, &d);
  ck_assert_ptr_nonnull(j);
  free(j);
  ck_assert_ptr_null(db_sweep(s, 40, 1, 3, db, false, NULL, &st, &d));
  ck_assert_int_eq(st, CONCERT_ERR_INVALID);
  ck_assert_ptr_nonnull(strstr(d.message, db));
  ck_assert_ptr_nonnull(strstr(d.message, "--resume"));
  ck_assert_ptr_null(db_sweep(s, 40, 1, 4, db, true, NULL, &st, &d));
  ck_assert_int_eq(st, CONCERT_ERR_INVALID);
  ck_assert_ptr_nonnull(strstr(d.message, "seed '3' there, '4' here"));
  concert_sweep_options o;
  concert_sweep_options_init(&o);
  concert_params *p = concert_params_new();
  ck_assert_int_eq(concert_params_set_word(p, "forgo_evaluation", "ranges"), CONCERT_OK);
  o.runs = 40, o.seed = 3, o.db_path = db, o.resume = true, o.protocol = p;
  concert_sweep *w = NULL;
  ck_assert_int_eq(concert_sweep_run(s, &o, &w, &d), CONCERT_ERR_INVALID);
  ck_assert_ptr_nonnull(strstr(d.message, "protocol"));
  concert_params_free(p);
  ck_assert_int_eq(db_count(db, "SELECT count(*) FROM run"), 40);
  ck_assert_ptr_null(db_sweep(s, 40, 1, 3, "/nonexistent/dir/x.sqlite", false, NULL, &st, &d));
  ck_assert_int_eq(st, CONCERT_ERR_IO);
  ck_assert_ptr_nonnull(strstr(d.message, "/nonexistent/dir/x.sqlite"));
  db_path(db, sizeof db, "refuse");
  concert_scenario_free(s);
}
END_TEST

int main(void) {
  Suite *s = suite_create("sweep");
  TCase *t = tcase_create("sweep");
  tcase_set_timeout(t, 120);
  tcase_add_test(t, rng_known_answer);
  tcase_add_test(t, rng_streams);
  tcase_add_test(t, draws_in_bounds);
  tcase_add_test(t, event_probability);
  tcase_add_test(t, bad_distributions);
  tcase_add_test(t, bad_event_probability);
  tcase_add_test(t, histogram_by_hand);
  tcase_add_test(t, histogram_within_resolution);
  tcase_add_test(t, threads_identical);
  tcase_add_test(t, parts_sum_identical);
  tcase_add_test(t, red_line_half);
  tcase_add_test(t, shares_by_hand);
  tcase_add_test(t, shares_in_unit_interval);
  tcase_add_test(t, cancellation);
  tcase_add_test(t, forgo_point);
  tcase_add_test(t, db_resume_identical);
  tcase_add_test(t, db_refusals);
  suite_add_tcase(s, t);
  return concert_test_run(s);
}
