/* scenario/provenance.h: what a number's source says about it, and the list of fields a
 * scenario file has not yet coded (docs/scenario-format.md, "Calibrated numbers" and "Strict
 * mode").
 *
 * Kept apart from the YAML walk (load_yaml.c) so the rules are plain functions of text. */
#ifndef CONCERT_I_PROVENANCE_H
#define CONCERT_I_PROVENANCE_H
#include <concert/status.h>
#include <stdbool.h>
#include <stddef.h>

/** The codebook versions this library reads (top-level `codebook:`). */
#define CONCERT_I_CODEBOOK_VERSION 1

/** The marker of a field left to fill in a skeleton. */
#define CONCERT_I_TO_FILL "TO FILL"

/** The provenance kind (CONCERT_I_PROV_*) of a source: "judgment" at its start (after
 * blanks, in any case) marks a judgment, "data:" a number derived from data, "exogenous:" an
 * exogenous fact; anything else, or NULL, is OTHER. O(1). */
unsigned char concert_i_prov_of(const char *source);
/** The keys of a calibrated number written as a mapping ({value, low, high, dist, sd,
 * source}), NULL-terminated: the one list both the scenario loader and the derive spec
 * reader check against. */
extern const char *const concert_i_number_keys[];

/** True when text holds the marker TO FILL anywhere ("not yet coded"). O(length). */
bool concert_i_not_coded(const char *text);

/** True when source is NULL or holds only blanks (no source at all). O(length). */
bool concert_i_source_blank(const char *source);

/** A growing list of the not-coded fields met while reading a file. Zero-initialise it. */
typedef struct concert_i_todo {
  concert_diag *items; /* one diag per field, in the order met (owned) */
  size_t n;            /* fields listed */
  size_t cap;          /* allocated slots */
} concert_i_todo;

/** Appends a copy of *d. Returns CONCERT_OK or CONCERT_ERR_NOMEM. Amortised O(1). */
concert_status concert_i_todo_add(concert_i_todo *t, const concert_diag *d);

/** Sorts the list into file order (line, then column; ties keep the order met). O(n log n). */
void concert_i_todo_sort(concert_i_todo *t);

/** Frees the list's storage and empties it. */
void concert_i_todo_free(concert_i_todo *t);

#endif
