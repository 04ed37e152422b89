/* fuzz_table.c: libFuzzer entry point for the actor-table CSV loader. Any input must
 * either load (and then every accessor and the problem view must be consistent) or be
 * refused with a status and a message; never crash, leak or hang.
 * Build: make fuzz (clang); run: build-fuzz/tests/fuzz/fuzz_table corpus/ */
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <concert.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  concert_table *t = NULL;
  concert_diag d;
  concert_diag_clear(&d);
  concert_status st = concert_table_load_buffer((const char *)data, size, "fuzz.csv", &t, &d);
  if (st != CONCERT_OK) {
    if (t || d.message[0] == '\0') __builtin_trap(); /* a refusal must explain itself */
    return 0;
  }
  concert_problem p;
  concert_table_problem(t, &p);
  for (size_t a = 0; a < p.n_actors; a++) {
    if (!concert_table_actor_id(t, a) || !concert_table_actor_name(t, a)) __builtin_trap();
    if (!(p.capability[a] >= 0)) __builtin_trap();
    for (size_t k = 0; k < p.n_issues; k++) {
      double x = p.position[a * p.n_issues + k], s = p.salience[a * p.n_issues + k];
      if (!(x >= 0 && x <= 100 && s >= 0 && s <= 1)) __builtin_trap();
    }
  }
  concert_table_free(t);
  return 0;
}
