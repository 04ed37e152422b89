/* fuzz_deu.c: libFuzzer entry for the DEU loader (clang -fsanitize=fuzzer). Every input
 * must either load or be refused with a filled diagnostic; a loaded set is also run
 * through the validation with a small bootstrap, so the run sees odd but valid data. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <concert.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  concert_deu *d = NULL;
  concert_diag dg;
  concert_diag_clear(&dg);
  concert_status st = concert_deu_parse((const char *)data, size, "fuzz", NULL, &d, &dg);
  if (st != CONCERT_OK) {
    if (dg.status != st || dg.message[0] == '\0') __builtin_trap();
    return 0;
  }
  concert_validation_options o;
  concert_validation_options_default(&o);
  o.capability = CONCERT_EU_CAP_EQUAL;
  o.bootstrap = 20;
  concert_validation *v = NULL;
  if (concert_validation_run(d, &o, &v, &dg) == CONCERT_OK) {
    char *json = NULL;
    if (concert_validation_to_json(v, &json, &dg) == CONCERT_OK) free(json);
  }
  concert_validation_free(v);
  concert_deu_free(d);
  return 0;
}
