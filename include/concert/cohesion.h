/* concert/cohesion.h: how closely a group of states votes together in the UN General
 * Assembly, and how far apart their ideal points lie.
 *
 * Data: the UNGA roll-call votes of Voeten's data set as packaged by the unvotes R package
 * (1946-2019 sessions) and the Bailey-Strezhnev-Voeten ideal points (1946-2023), shipped in
 * data/world/ with PROVENANCE.md. Definitions: docs/cohesion.md. */
#ifndef CONCERT_COHESION_H
#define CONCERT_COHESION_H
#ifdef __cplusplus
extern "C" {
#endif
#include <stddef.h>
#include <stdio.h>

#include "export.h"
#include "status.h"

/** The loaded vote tables: opaque, immutable after loading, safe to share between threads
 * for reading. */
typedef struct concert_unga concert_unga;

/** The result of one cohesion query: opaque. */
typedef struct concert_cohesion concert_cohesion;

/** What to compute. A small public value struct; the caller owns it and its strings. */
typedef struct concert_cohesion_query {
  const char *const *members; /* ISO 3166 alpha-3 codes, e.g. {"USA","CHN"}, or group names
                                 G5, G7, G8, G20, EU27 expanded from focus_countries.csv
                                 (overlaps a group creates are merged); 1 to 64 in all */
  size_t n_members;           /* number of members */
  int year_from;              /* first session year (session + 1945), inclusive */
  int year_to;                /* last session year, inclusive; >= year_from */
  const char *issue;          /* NULL or "" for all roll calls, else one of the issue codes
                                 me, nu, di, hr, co, ec */
} concert_cohesion_query;

/** Loads unga_votes.csv, unga_roll_calls.csv, unga_roll_call_issues.csv, unga_countries.csv,
 * unga_ideal_points_bsv_jun2024.csv and focus_countries.csv from directory dir (NULL: the
 * data/world folder of the source tree this library was built from). Votes are stored as
 * one byte per (roll call, country) in a dense table indexed by roll call. Any malformed
 * cell, unknown country code, unknown roll call, duplicate vote or vote other than
 * yes/abstain/no is refused with file, line, column and field in diag. On success *out owns
 * the data; free it with concert_unga_free(). On failure *out is NULL.
 * Complexity O(bytes of the files); memory O(roll calls x countries) bytes. */
CONCERT_API concert_status concert_unga_load(concert_unga **out, const char *dir,
                                             concert_diag *diag);

/** Frees data loaded by concert_unga_load(). u may be NULL. */
CONCERT_API void concert_unga_free(concert_unga *u);

/** Number of roll calls and of vote records loaded (0 for NULL). O(1). */
CONCERT_API size_t concert_unga_roll_calls(const concert_unga *u);
/** Number of individual votes loaded (0 for NULL). O(1). */
CONCERT_API size_t concert_unga_votes(const concert_unga *u);

/** Computes the pairwise agreement matrices, the forum's mean agreement and the ideal-point
 * dispersion of q's members over q's years (see docs/cohesion.md). An unknown or duplicated
 * member code, an empty or reversed year range or an unknown issue code is refused with
 * CONCERT_ERR_UNKNOWN_ID, CONCERT_ERR_DUPLICATE_ID, CONCERT_ERR_RANGE or CONCERT_ERR_INVALID.
 * On success *out owns the result; free it with concert_cohesion_free().
 * Complexity O(R k^2 + P) for R roll calls in range, k members, P ideal-point rows. */
CONCERT_API concert_status concert_cohesion_compute(const concert_unga *u,
                                                    const concert_cohesion_query *q,
                                                    concert_cohesion **out,
                                                    concert_diag *diag);

/** Frees a result. c may be NULL. */
CONCERT_API void concert_cohesion_free(concert_cohesion *c);

/** Number of members k (0 for NULL). O(1). */
CONCERT_API size_t concert_cohesion_size(const concert_cohesion *c);

/** Member i's ISO3 code as given (upper-cased), or NULL when out of range. Owned by c. */
CONCERT_API const char *concert_cohesion_member(const concert_cohesion *c, size_t i);

/** Member i's name from focus_countries.csv or unga_countries.csv; NULL when out of range. */
CONCERT_API const char *concert_cohesion_member_name(const concert_cohesion *c, size_t i);

/** Number of roll calls in the query's years (and issue). O(1). */
CONCERT_API size_t concert_cohesion_roll_calls(const concert_cohesion *c);

/** Simple agreement of members i and j: the share of roll calls in scope where both voted
 * (yes, abstain or no) and cast the same vote. 1 on the diagonal for a member with at least
 * one vote; NaN when the pair never voted on the same roll call or i, j is out of range. */
CONCERT_API double concert_cohesion_agreement(const concert_cohesion *c, size_t i, size_t j);

/** Lijphart-style agreement of i and j: over the roll calls where both voted, 1 for the same
 * vote, 1/2 when exactly one abstained, 0 for yes against no. NaN as above. */
CONCERT_API double concert_cohesion_lijphart(const concert_cohesion *c, size_t i, size_t j);

/** Number of roll calls in scope on which both i and j voted (i == j: i's votes). */
CONCERT_API size_t concert_cohesion_joint(const concert_cohesion *c, size_t i, size_t j);

/** The unweighted mean of the simple agreement over the defined pairs i < j (NaN if none).
 * With lijphart non-zero, the mean of the Lijphart index instead. O(1). */
CONCERT_API double concert_cohesion_mean(const concert_cohesion *c, int lijphart);

/** Number of years in the query range with a computed ideal-point dispersion (years where at
 * least two members have an ideal point). O(1). */
CONCERT_API size_t concert_cohesion_dispersion_years(const concert_cohesion *c);

/** Year k (0-based) of those years: its year, the population standard deviation of the
 * members' BSV ideal points, and how many members had one. Returns CONCERT_ERR_RANGE when k
 * is out of range. Any output pointer may be NULL. O(1). */
CONCERT_API concert_status concert_cohesion_dispersion_at(const concert_cohesion *c, size_t k,
                                                          int *year, double *sd,
                                                          size_t *n_members);

/** The mean over those years of the yearly dispersion; NaN if there is none. O(1). */
CONCERT_API double concert_cohesion_dispersion_mean(const concert_cohesion *c);

/** Number of session years in the query range (year_to - year_from + 1). O(1). */
CONCERT_API size_t concert_cohesion_years(const concert_cohesion *c);

/** The forum's mean simple agreement in the k-th year of the range (year_from + k), over
 * its roll calls in scope, and that year's number of roll calls. *mean is NaN when no
 * pair voted that year. Returns CONCERT_ERR_RANGE when k is out of range. O(1). */
CONCERT_API concert_status concert_cohesion_year_at(const concert_cohesion *c, size_t k,
                                                    int *year, double *mean,
                                                    size_t *roll_calls);

/** The whole result as one JSON document, schema concert-cohesion/1 (docs/json-schema.md):
 * the query's years and issue (null when none was given), the members, the number of roll
 * calls, the three k x k matrices (agreement, Lijphart, joint roll calls), the means, the
 * mean dispersion and one entry per year of the range. Numbers have 10 significant digits;
 * an undefined value is null. On success *json is a NUL-terminated string the caller frees
 * with concert_free() (or free()); on failure it is NULL. CONCERT_ERR_ARGUMENT for a NULL c
 * or json;
 * CONCERT_ERR_INVALID when a member name is not valid UTF-8 (or memory runs out).
 * Complexity O(k^2 + Y) for k members and Y years in the range. */
CONCERT_API concert_status concert_cohesion_to_json(const concert_cohesion *c, char **json,
                                                    concert_diag *diag);

/** The same as tidy long CSV (docs/csv.md): year,member_a,member_b,quantity,value; per pair
 * (no year) agreement, lijphart and joint_roll_calls; for the group roll_calls,
 * mean_agreement, mean_lijphart, mean_ideal_point_sd; per year of the range roll_calls,
 * mean_agreement and ideal_point_sd. An undefined value is an empty cell. CONCERT_ERR_IO
 * when a write fails. O(k^2 + Y). */
CONCERT_API concert_status concert_cohesion_write_csv(const concert_cohesion *c, FILE *out);

#ifdef __cplusplus
}
#endif
#endif
