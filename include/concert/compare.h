/* concert/compare.h: the same agenda under several forums, side by side. */
#ifndef CONCERT_COMPARE_H
#define CONCERT_COMPARE_H
#ifdef __cplusplus
extern "C" {
#endif
#include <stdio.h>
#include "export.h"
#include "measures.h"
#include "status.h"
#include "summit.h"
#include "sweep.h"

/** Writes the comparison table of n outcomes (all from the same scenario): per issue,
 * agreed or not and the text; communiqué; share of agenda issues agreed; each actor's net
 * gain in each forum. measures, when not NULL, holds n measures (docs/measures.md), the
 * i-th computed from outcomes[i] (entries may be NULL); they add a block of forum measures
 * under the table (coverage, balance, proximity, burden, notes).
 * O(n x (issues + actors)). */
CONCERT_API concert_status concert_compare_write_text(const concert_outcome *const *outcomes,
                                                      const concert_measures *const *measures,
                                                      size_t n, FILE *out);
/** The same as JSON (schema concert-compare/1; with measures, a "measures" object per
 * forum); *json is freed by the caller with concert_free() (or free()). */
CONCERT_API concert_status concert_compare_to_json(const concert_outcome *const *outcomes,
                                                   const concert_measures *const *measures,
                                                   size_t n, char **json, concert_diag *diag);
/** The same as tidy long CSV (docs/csv.md): each forum's outcome in the rows of
 * concert_outcome_write_csv, then, with measures, its forum measures as rows of section
 * "measure". CONCERT_ERR_IO when a write fails. O(n x issues x members). */
CONCERT_API concert_status concert_compare_write_csv(const concert_outcome *const *outcomes,
                                                     const concert_measures *const *measures,
                                                     size_t n, FILE *out);
/** Writes n sweeps of the same scenario (same runs and seed; one per forum, from
 * concert_sweep_run) side by side: the probability of each document fate, of each agenda
 * issue's statement (joint or minilateral), and the mean share of agenda issues with a
 * joint statement, each with its Monte Carlo standard error. CONCERT_ERR_ARGUMENT when the
 * sweeps differ in scenario, runs or seed; CONCERT_ERR_IO when writing fails.
 * O(n x issues^2). */
CONCERT_API concert_status concert_compare_sweeps_write_text(const concert_sweep *const *w,
                                                             size_t n, FILE *out);
/** The same as JSON (schema concert-compare-sweep/1, docs/json-schema.md); *json is freed by
 * the caller with concert_free() (or free()). O(n x issues). */
CONCERT_API concert_status concert_compare_sweeps_to_json(const concert_sweep *const *w,
                                                          size_t n, char **json,
                                                          concert_diag *diag);
/** The sweeps as tidy long CSV (docs/csv.md): forum,quantity,issue,value,se with the rows
 * document.FATE, statement and joint per agenda issue, agreed_share. O(n x issues). */
CONCERT_API concert_status concert_compare_sweeps_write_csv(const concert_sweep *const *w,
                                                            size_t n, FILE *out);
/** Share of the forum's agenda issues that got a joint statement, in [0, 1]. */
CONCERT_API double concert_outcome_agreed_share(const concert_outcome *o);

#ifdef __cplusplus
}
#endif
#endif
