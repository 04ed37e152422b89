/* bench_cohesion.c: time to load the full UNGA vote tables (870,109 votes) and to answer a
 * cohesion query on them; medians of repeated runs. Usage: bench_cohesion [DATA_DIR]. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <concert.h>

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static int cmp(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

static double median(double *v, size_t n) {
  qsort(v, n, sizeof *v, cmp);
  return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

int main(int argc, char **argv) {
  const char *dir = argc > 1 ? argv[1] : NULL;
  enum { LOADS = 7, QUERIES = 201 };
  double tl[LOADS], tq[QUERIES], tg[QUERIES];
  concert_unga *u = NULL;
  concert_diag d;
  for (int i = 0; i < LOADS; i++) {
    concert_unga_free(u);
    double t0 = now();
    if (concert_unga_load(&u, dir, &d) != CONCERT_OK) {
      char buf[1200];
      fprintf(stderr, "bench_cohesion: %s\n", concert_diag_format(&d, buf, sizeof buf));
      return 1;
    }
    tl[i] = now() - t0;
  }
  const char *g5[] = {"USA", "CHN", "RUS", "IND", "JPN"};
  const char *g20[] = {"USA", "CAN", "GBR", "FRA", "DEU", "ITA", "JPN", "CHN", "RUS", "IND",
                       "AUS", "KOR", "BRA", "ZAF", "SAU", "TUR", "MEX", "IDN", "ARG"};
  concert_cohesion_query q5 = {g5, 5, 1990, 2019, NULL};
  concert_cohesion_query q20 = {g20, 19, 1946, 2019, NULL};
  double sink = 0;
  for (int i = 0; i < QUERIES; i++) {
    concert_cohesion *c = NULL;
    double t0 = now();
    concert_cohesion_compute(u, &q5, &c, NULL);
    tq[i] = now() - t0;
    sink += concert_cohesion_mean(c, 0);
    concert_cohesion_free(c);
    t0 = now();
    concert_cohesion_compute(u, &q20, &c, NULL);
    tg[i] = now() - t0;
    sink += concert_cohesion_mean(c, 0);
    concert_cohesion_free(c);
  }
  printf("votes loaded              %zu (%zu roll calls)\n", concert_unga_votes(u),
         concert_unga_roll_calls(u));
  printf("load, median of %d        %.1f ms\n", LOADS, 1e3 * median(tl, LOADS));
  printf("query G5 1990-2019        %.3f ms (median of %d)\n", 1e3 * median(tq, QUERIES), QUERIES);
  printf("query G20-19 1946-2019    %.3f ms (median of %d)\n", 1e3 * median(tg, QUERIES), QUERIES);
  printf("(checksum %.6f)\n", sink);
  concert_unga_free(u);
  return 0;
}
