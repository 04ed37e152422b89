/* fuzz_unga_csv.c: libFuzzer target for the UNGA CSV loaders. The first byte picks the table
 * (0 countries .. 5 ideal points); the tables before it come from tests/data/unga_tiny; a
 * query then runs over whatever loaded. Build with clang -fsanitize=fuzzer (make fuzz). */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <concert.h>

#include "cohesion/cohesion_i.h"

#ifndef CONCERT_SRCDIR
#define CONCERT_SRCDIR CONCERT_DATADIR "/.."
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static const char *const files[6] = {
      "unga_countries.csv", "unga_roll_calls.csv", "unga_roll_call_issues.csv",
      "unga_votes.csv",     "focus_countries.csv", "unga_ideal_points_bsv_jun2024.csv"};
  if (size < 1) return 0;
  int which = data[0] % 6;
  concert_unga *u = concert_i_unga_new();
  if (!u) return 0;
  concert_diag d;
  concert_status st = CONCERT_OK;
  for (int w = 0; w < which && st == CONCERT_OK; w++) {
    char path[1024];
    snprintf(path, sizeof path, "%s/tests/data/unga_tiny/world/%s", CONCERT_SRCDIR, files[w]);
    st = concert_i_unga_read(u, w, path, NULL, &d);
  }
  if (st == CONCERT_OK)
    st = concert_i_unga_parse(u, which, (const char *)data + 1, size - 1, "fuzz", &d);
  if (st == CONCERT_OK && which >= 3) {
    const char *m[] = {"USA", "CHN", "RUS"};
    concert_cohesion_query q = {m, 3, 1946, 2019, NULL};
    concert_cohesion *c = NULL;
    if (concert_cohesion_compute(u, &q, &c, &d) == CONCERT_OK) concert_cohesion_mean(c, 1);
    concert_cohesion_free(c);
  }
  concert_unga_free(u);
  return 0;
}
