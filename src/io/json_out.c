/* io/json_out.c: the shared steps of the library's JSON writers (json_out.h). */
#include "io/json_out.h"

#include <math.h>

#include "status/diag.h"

json_t *concert_i_json_num(double x) { return isfinite(x) ? json_real(x) : json_null(); }

void concert_i_json_set(json_t *o, const char *k, json_t *v, int *bad) {
  if (json_object_set_new(o, k, v) != 0) *bad = 1;
}

void concert_i_json_push(json_t *a, json_t *v, int *bad) {
  if (json_array_append_new(a, v) != 0) *bad = 1;
}

concert_status concert_i_json_finish(json_t *root, int bad, int digits, char **out, concert_diag *d,
                                     const char *fail_msg) {
  *out = bad || !root
             ? NULL
             : json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(digits));
  json_decref(root);
  if (*out) return CONCERT_OK;
  return CONCERT_FAIL(d, bad ? CONCERT_ERR_INVALID : CONCERT_ERR_NOMEM, "%s", fail_msg);
}
