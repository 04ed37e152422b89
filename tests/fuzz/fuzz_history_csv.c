/* fuzz_history_csv.c: libFuzzer target for the summit-table and rift-code CSV loaders.
 * The first byte picks the table (G7, G20, codes after the real G7/G20 tables); the rest is
 * the file. Build with clang -fsanitize=fuzzer (make fuzz). */
#include <stddef.h>
#include <stdint.h>

#include <concert.h>

#include "history/history_i.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 1) return 0;
  int which = data[0] % 3;
  concert_history *h = concert_i_history_new();
  if (!h) return 0;
  concert_diag d;
  concert_status st = CONCERT_OK;
  if (which == 2) {
    st = concert_i_history_read(h, 0, CONCERT_DATADIR "/world/g7_summits.csv", NULL, &d);
    if (st == CONCERT_OK)
      st = concert_i_history_read(h, 1, CONCERT_DATADIR "/world/g20_leaders_summits.csv", NULL,
                                  &d);
  }
  if (st == CONCERT_OK)
    st = concert_i_history_parse(h, which, (const char *)data + 1, size - 1, "fuzz", &d);
  if (st == CONCERT_OK) st = concert_i_history_link(h, "fuzz", &d);
  if (st == CONCERT_OK)
    for (int f = 0; f < 2; f++)
      for (size_t i = 0; i < concert_history_count(h, (concert_forum_kind)f); i++) {
        concert_rift r;
        concert_rift_evidence ev;
        concert_rift_from_record(concert_history_at(h, (concert_forum_kind)f, i), &r, &ev, NULL);
      }
  concert_history_free(h);
  return 0;
}
