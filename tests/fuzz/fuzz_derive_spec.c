/* fuzz_derive_spec.c: libFuzzer entry point for the derive spec reader (src/derive/spec.c):
 * any input must be accepted or refused with a diagnostic, never crash or leak. */
#include <stddef.h>
#include <stdint.h>

#include "derive/derive_i.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  concert_i_spec s;
  concert_diag d;
  (void)concert_i_spec_parse((const char *)data, size, "fuzz.yaml", &s, &d);
  concert_i_spec_free(&s);
  return 0;
}
