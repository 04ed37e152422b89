/* fuzz_scenario.c: libFuzzer target for the YAML scenario loader. Any input must load or
 * be refused with a status and a message; never crash, leak or hang. When it loads, every
 * forum is also played, so the summit engine sees fuzzed scenarios too. */
#include <concert.h>
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  concert_scenario *s = NULL;
  concert_diag d;
  concert_diag_clear(&d);
  if (concert_scenario_load_string((const char *)data, size, "fuzz.yaml", &s, &d) == CONCERT_OK) {
    for (size_t f = 0; f < concert_scenario_forum_count(s) && f < 4; f++) {
      concert_outcome *o = NULL;
      if (concert_summit_run(s, f, NULL, NULL, NULL, &o, &d) == CONCERT_OK) concert_outcome_free(o);
    }
    concert_scenario_free(s);
  } else if (d.message[0] == '\0') {
    __builtin_trap(); /* every refusal must say why */
  }
  return 0;
}
