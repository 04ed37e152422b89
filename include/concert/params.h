/* concert/params.h: named model and protocol parameters (numbers or words).
 *
 * A concert_params is a small ordered map from a key (<= 31 bytes) to a number or a
 * word. Models declare which keys they take (concert_param_spec) and refuse others. */
#ifndef CONCERT_PARAMS_H
#define CONCERT_PARAMS_H
#ifdef __cplusplus
extern "C" {
#endif
#include <stdbool.h>
#include <stddef.h>
#include "export.h"
#include "status.h"

typedef struct concert_params concert_params;

/** What a model or rule accepts under one key. Words are listed as "a|b|c". */
typedef struct concert_param_spec {
  const char *key;     /* parameter name */
  bool is_word;        /* true: a word from `words`; false: a number in [min, max] */
  double def;          /* default number (numbers only) */
  double min, max;     /* inclusive range (numbers only) */
  const char *words;   /* allowed words, "a|b|c", first one is the default (words only) */
  const char *doc;     /* one line for --help and docs */
} concert_param_spec;

/** New empty set. Returns NULL on allocation failure. Free with concert_params_free. */
CONCERT_API concert_params *concert_params_new(void);
/** Deep copy (NULL gives an empty set). NULL on allocation failure. */
CONCERT_API concert_params *concert_params_clone(const concert_params *p);
/** Frees p; NULL is harmless. */
CONCERT_API void concert_params_free(concert_params *p);
/** Sets key to a finite number (replaces any earlier value). O(n). */
CONCERT_API concert_status concert_params_set_number(concert_params *p, const char *key,
                                                     double value);
/** Sets key to a word (copied). O(n). */
CONCERT_API concert_status concert_params_set_word(concert_params *p, const char *key,
                                                   const char *word);
/** Parses "key=value" (a number if it parses fully as one, a word otherwise). */
CONCERT_API concert_status concert_params_set_text(concert_params *p, const char *assignment,
                                                   concert_diag *diag);
/** Number of entries. */
CONCERT_API size_t concert_params_count(const concert_params *p);
/** Key of entry i (insertion order), NULL if out of range. */
CONCERT_API const char *concert_params_key(const concert_params *p, size_t i);
/** Number stored under key, or def when absent (or a word). */
CONCERT_API double concert_params_number(const concert_params *p, const char *key, double def);
/** Word stored under key, or def when absent (or a number). */
CONCERT_API const char *concert_params_word(const concert_params *p, const char *key,
                                            const char *def);
/** Checks every entry against specs (n_specs entries): unknown keys, wrong kinds, numbers
 * out of range and words not in the list are refused, naming the key in diag->path. */
CONCERT_API concert_status concert_params_check(const concert_params *p,
                                                const concert_param_spec *specs,
                                                size_t n_specs, const char *owner,
                                                concert_diag *diag);

#ifdef __cplusplus
}
#endif
#endif
