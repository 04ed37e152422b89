/* bench_summit.c: time to load a scenario and play its summit, for forums of 7 to 10,000
 * members x 10 issues in 2 sessions with a departure (seeded synthetic YAML, compromise
 * model, default protocol). Prints one markdown row per size: load and run medians.
 * Usage: bench_summit [MODEL [MAX_MEMBERS]]. */
#include <concert.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "splitmix64.h"

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

static int cmp(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

static char *scenario(size_t n, size_t m, size_t *len) {
  size_t cap = 4096 + n * (64 + m * 48) + n * 8;
  char *t = malloc(cap);
  if (!t) return NULL;
  uint64_t seed = n * 1000 + m;
  size_t u = (size_t)snprintf(t, cap, "name: synthetic\nsource: generated (bench)\nissues:\n");
  for (size_t k = 0; k < m; k++)
    u += (size_t)snprintf(t + u, cap - u, "  - {id: i%zu, title: I%zu, reversion: %d, tags: [%s]}\n", k, k,
                          (int)(sm64_next(&seed) % 101), k == 0 ? "trade" : k == 1 ? "core-security" : "membership");
  u += (size_t)snprintf(t + u, cap - u, "actors:\n");
  for (size_t a = 0; a < n; a++) {
    u += (size_t)snprintf(t + u, cap - u, "  - {id: A%zu, capability: %.3f, stances: {", a,
                          0.1 + (double)(sm64_next(&seed) % 1000) / 1000.0);
    for (size_t k = 0; k < m; k++)
      u += (size_t)snprintf(t + u, cap - u, "%si%zu: {position: %d, salience: %.2f}", k ? ", " : "", k,
                            (int)(sm64_next(&seed) % 101), 0.05 + (double)(sm64_next(&seed) % 95) / 100.0);
    u += (size_t)snprintf(t + u, cap - u, "}}\n");
  }
  u += (size_t)snprintf(t + u, cap - u, "forums:\n  - id: F\n    members: [");
  for (size_t a = 0; a < n; a++) u += (size_t)snprintf(t + u, cap - u, "%sA%zu", a ? ", " : "", a);
  u += (size_t)snprintf(t + u, cap - u, "]\n    agenda:\n      - {session: s1, issues: [");
  for (size_t k = 0; k < m / 2; k++) u += (size_t)snprintf(t + u, cap - u, "%si%zu", k ? ", " : "", k);
  u += (size_t)snprintf(t + u, cap - u, "]}\n      - {session: s2, issues: [");
  for (size_t k = m / 2; k < m; k++) u += (size_t)snprintf(t + u, cap - u, "%si%zu", k > m / 2 ? ", " : "", k);
  u += (size_t)snprintf(t + u, cap - u, "]}\n    events: [{before_session: s2, depart: A0}]\n");
  *len = u;
  return t;
}

int main(int argc, char **argv) {
  const size_t sizes[] = {7, 50, 200, 1000, 10000};
  const char *model = argc > 1 ? argv[1] : "compromise";
  size_t max_n = argc > 2 ? (size_t)strtoul(argv[2], NULL, 10) : 10000;
  printf("| members | issues | model | load (ms) | summit (ms) | rift (ms) |\n|---:|---:|---|---:|---:|---:|\n");
  for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
    size_t n = sizes[i], m = 10, len;
    if (n > max_n) break;
    char *text = scenario(n, m, &len);
    if (!text) return 1;
    enum { R = 5 };
    double tl[R], tr[R], tx[R];
    for (int r = 0; r < R; r++) {
      concert_diag d;
      concert_diag_clear(&d);
      concert_scenario *s = NULL;
      double t0 = now();
      if (concert_scenario_load_string(text, len, "bench", &s, &d)) {
        fprintf(stderr, "load: %s\n", d.message);
        return 1;
      }
      double t1 = now();
      concert_outcome *o = NULL;
      if (concert_summit_run(s, 0, concert_model_find(model), NULL, NULL, &o, &d)) {
        fprintf(stderr, "run: %s\n", d.message);
        return 1;
      }
      double t2 = now();
      concert_rift rift;
      concert_rift_from_outcome(o, &rift, &d);
      double t3 = now();
      tl[r] = t1 - t0, tr[r] = t2 - t1, tx[r] = t3 - t2;
      concert_outcome_free(o);
      concert_scenario_free(s);
    }
    qsort(tl, R, sizeof *tl, cmp), qsort(tr, R, sizeof *tr, cmp), qsort(tx, R, sizeof *tx, cmp);
    printf("| %zu | %zu | %s | %.2f | %.2f | %.2f |\n", n, m, model, 1e3 * tl[R / 2], 1e3 * tr[R / 2],
           1e3 * tx[R / 2]);
    fflush(stdout);
    free(text);
  }
  return 0;
}
