/* io/json_out.h: the small steps every JSON writer of the library shares (jansson): numbers
 * that may be undefined, setting and appending while noting failures, and the final text. */
#ifndef CONCERT_I_JSON_OUT_H
#define CONCERT_I_JSON_OUT_H
#include <concert/status.h>
#include <jansson.h>

/** A real, or null when x is NaN or infinite (an undefined figure). */
json_t *concert_i_json_num(double x);
/** o[k] = v, taking v's reference; sets *bad when o or v is NULL (a string that was not
 * valid UTF-8, or memory ran out). */
void concert_i_json_set(json_t *o, const char *k, json_t *v, int *bad);
/** Appends v to a, taking v's reference; sets *bad as concert_i_json_set does. */
void concert_i_json_push(json_t *a, json_t *v, int *bad);
/** The document's text: root (released here) indented by 2, keys in insertion order, reals
 * with `digits` significant digits. On success *out is a new string the caller frees. On
 * failure (bad set, or no memory for the text) *out is NULL and the diag carries fail_msg,
 * with CONCERT_ERR_INVALID when bad is set and CONCERT_ERR_NOMEM otherwise. */
concert_status concert_i_json_finish(json_t *root, int bad, int digits, char **out, concert_diag *d,
                                     const char *fail_msg);

#endif
