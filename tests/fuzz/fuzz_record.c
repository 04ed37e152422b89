/* fuzz_record.c: libFuzzer target for the backtest record reader (docs/backtest.md). The
 * first byte picks the table: even, summits.csv (scenarios resolved in the mini test
 * record's directory); odd, statements.csv after the mini record's own summits.csv. The
 * rest is the file. Build with clang -fsanitize=fuzzer (make fuzz). */
#include <concert.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "backtest/backtest_i.h"
#include "io/read_file.h"

#define MINI CONCERT_SRCDIR "/tests/data/backtest-mini"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 1) return 0;
  concert_record *r = concert_i_record_new(MINI);
  if (!r) return 0;
  concert_diag d;
  const char *text = (const char *)data + 1;
  if (data[0] % 2 == 0) {
    concert_i_record_parse_summits(r, text, size - 1, "fuzz", &d);
  } else {
    char *buf = NULL;
    size_t len = 0;
    if (concert_i_read_file(MINI "/summits.csv", 1 << 20, "too large", &buf, &len, &d) ==
            CONCERT_OK &&
        concert_i_record_parse_summits(r, buf, len, "summits.csv", &d) == CONCERT_OK)
      concert_i_record_parse_statements(r, text, size - 1, "fuzz", &d);
    free(buf);
  }
  concert_record_free(r);
  return 0;
}
