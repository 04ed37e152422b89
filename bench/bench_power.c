/* bench_power.c: times the power indices on the games of data/power.
 *
 * usage: bench_power [--index banzhaf|shapley|both] [--repeat N] [--data DIR] GAME...
 * GAME is a built-in game, a game id of DIR/power_games.csv, or rand:N:W, a synthetic
 * weighted majority game with N players, weights drawn uniformly from [1, 2W/N] by a fixed
 * LCG (total about W) and quota half the total plus one.
 * For each game: the median wall time and the median CPU time (this process) of N runs of
 * each index, printed as a table; CPU time is the honest figure on a shared machine. Peak memory is measured from outside with /usr/bin/time -v (bench/power-bench.sh). */
#include <concert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(clockid_t id) {
  struct timespec ts;
  clock_gettime(id, &ts);
  return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

static int cmp_d(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

/* The synthetic game rand:N:W (see the banner). */
static concert_status synthetic(const char *spec, concert_game **g) {
  unsigned long n = 0, w = 0;
  if (sscanf(spec, "rand:%lu:%lu", &n, &w) != 2 || n == 0 || w < n) return CONCERT_ERR_INVALID;
  int64_t *v = malloc(n * sizeof *v), tot = 0;
  uint64_t s = 12345;
  for (unsigned long i = 0; i < n; i++) {
    s = s * 6364136223846793005ULL + 1442695040888963407ULL;
    v[i] = 1 + (int64_t)((s >> 33) % (2 * w / n));
    tot += v[i];
  }
  concert_status st = concert_game_new_weighted(g, n, v, tot / 2 + 1, NULL);
  free(v);
  return st;
}

int main(int argc, char **argv) {
  const char *index = "both", *dir = "data/power";
  int repeat = 5, first = 1;
  for (; first < argc && argv[first][0] == '-'; first++) {
    if (strcmp(argv[first], "--index") == 0 && first + 1 < argc)
      index = argv[++first];
    else if (strcmp(argv[first], "--repeat") == 0 && first + 1 < argc)
      repeat = (int)strtol(argv[++first], NULL, 10);
    else if (strcmp(argv[first], "--data") == 0 && first + 1 < argc)
      dir = argv[++first];
    else {
      fprintf(stderr, "usage: bench_power [--index banzhaf|shapley|both] [--repeat N] "
                      "[--data DIR] GAME...\n");
      return 2;
    }
  }
  if (repeat < 1) repeat = 1;
  char gpath[1024], ppath[1024];
  snprintf(gpath, sizeof gpath, "%s/power_games.csv", dir);
  snprintf(ppath, sizeof ppath, "%s/power_game_players.csv", dir);
  printf("%-18s %4s %10s %11s %11s %11s %11s\n", "game", "n", "quota", "bz_wall_s", "bz_cpu_s",
         "ss_wall_s", "ss_cpu_s");
  for (int a = first; a < argc; a++) {
    concert_game *g = NULL;
    concert_diag d = {0};
    concert_status st = strncmp(argv[a], "rand:", 5) == 0 ? synthetic(argv[a], &g)
                                                          : concert_game_builtin(&g, argv[a], NULL);
    if (st && strncmp(argv[a], "rand:", 5) != 0)
      st = concert_game_load_csv(&g, gpath, ppath, argv[a], &d);
    if (st) {
      char buf[1200];
      fprintf(stderr, "bench_power: %s\n", concert_diag_format(&d, buf, sizeof buf));
      return 1;
    }
    size_t n = concert_game_players(g);
    double *out = malloc(n * sizeof *out), *t = malloc((size_t)repeat * sizeof *t);
    double *c = malloc((size_t)repeat * sizeof *c);
    double med[2] = {-1, -1}, cpu[2] = {-1, -1};
    for (int which = 0; which < 2; which++) {
      if ((which == 0 && strcmp(index, "shapley") == 0) ||
          (which == 1 && strcmp(index, "banzhaf") == 0))
        continue;
      for (int r = 0; r < repeat; r++) {
        double t0 = now(CLOCK_MONOTONIC), c0 = now(CLOCK_PROCESS_CPUTIME_ID);
        st = which == 0 ? concert_power_banzhaf(g, out, &d) : concert_power_shapley(g, out, &d);
        t[r] = now(CLOCK_MONOTONIC) - t0;
        c[r] = now(CLOCK_PROCESS_CPUTIME_ID) - c0;
        if (st) {
          char buf[1200];
          fprintf(stderr, "bench_power: %s\n", concert_diag_format(&d, buf, sizeof buf));
          return 1;
        }
      }
      qsort(t, (size_t)repeat, sizeof *t, cmp_d);
      med[which] = t[repeat / 2];
      qsort(c, (size_t)repeat, sizeof *c, cmp_d);
      cpu[which] = c[repeat / 2];
    }
    printf("%-18s %4zu %10lld %11.6f %11.6f %11.6f %11.6f\n", argv[a], n,
           (long long)concert_game_quota(g, 0), med[0], cpu[0], med[1], cpu[1]);
    free(out);
    free(c);
    free(t);
    concert_game_free(g);
  }
  return 0;
}
