/* concert/rift.h: the rift index, the seed's "three no's, three disputes" (三无三争).
 *
 * Six components, each a number in [0,1] (or unknown), and six tri-state flags raised at
 * documented thresholds. Definitions, thresholds and the reading of recorded summits:
 * docs/rift-index.md. This header defines the value struct and its thresholds; a
 * simulated summit fills it from the summit outcome, a recorded summit through
 * concert_rift_from_record() (declared in concert/history.h). */
#ifndef CONCERT_RIFT_H
#define CONCERT_RIFT_H
#ifdef __cplusplus
extern "C" {
#endif
#include <stdbool.h>
#include <stddef.h>

#include "export.h"

/** A three-valued observation: yes, no, or not known from the evidence at hand. */
typedef enum concert_tri {
  CONCERT_TRI_UNKNOWN = -1, /* the evidence does not say */
  CONCERT_TRI_NO = 0,       /* observed not to hold (or, for a record, no source reports it) */
  CONCERT_TRI_YES = 1       /* observed to hold */
} concert_tri;

/** The six components, in the seed's order: three no's, then three disputes. */
typedef enum concert_rift_component {
  CONCERT_RIFT_NO_COMMUNIQUE = 0,     /* (1) no joint communiqué */
  CONCERT_RIFT_MISSING_STATEMENTS = 1, /* (2) agenda issues without a joint statement */
  CONCERT_RIFT_NO_UNIFIED_STANCE = 2,  /* (3) no unified stance on core-security issues */
  CONCERT_RIFT_TRADE = 3,              /* (4) trade disputes */
  CONCERT_RIFT_AGENDA = 4,             /* (5) agenda disputes, departures included */
  CONCERT_RIFT_ROLE = 5                /* (6) role (membership) disputes */
} concert_rift_component;

/** Number of components. */
#define CONCERT_RIFT_N 6

/* Flag thresholds. A flag is raised when the component's value is >= its threshold, except
 * for the two zero thresholds, where it is raised when the value is > 0 ("any"). */
/** (1) any member not endorsing the communiqué, or no communiqué at all. */
#define CONCERT_RIFT_THRESHOLD_NO_COMMUNIQUE 0.0
/** (2) any agenda issue without a joint statement of all members present. */
#define CONCERT_RIFT_THRESHOLD_MISSING_STATEMENTS 0.0
/** (3) a core-security issue with no joint statement, or with normalized dispersion >= 0.30
 * (a salience-weighted standard deviation of 15 points on the 0-100 scale). */
#define CONCERT_RIFT_THRESHOLD_NO_UNIFIED_STANCE 0.30
/** (4) one member against the others on a trade issue: its salience times its distance from
 * the others' salience-weighted mean, /100, >= 0.25 (for a recorded summit: a reported
 * trade dispute, value 1). */
#define CONCERT_RIFT_THRESHOLD_TRADE 0.25
/** (5) normalized salience-rank distance >= 0.30, or a departure (value 1). */
#define CONCERT_RIFT_THRESHOLD_AGENDA 0.30
/** (6) normalized dispersion on a membership issue >= 0.30 (for a recorded summit: a reported
 * membership dispute, value 1). */
#define CONCERT_RIFT_THRESHOLD_ROLE 0.30

/** The rift index of one summit. A small public value struct; the caller owns it. */
typedef struct concert_rift {
  double value[CONCERT_RIFT_N];     /* component in [0,1]; NaN when unknown */
  concert_tri flag[CONCERT_RIFT_N]; /* flag at the component's threshold; UNKNOWN when the
                                       evidence does not decide it */
} concert_rift;

/** Sets every value to NaN and every flag to CONCERT_TRI_UNKNOWN. r may be NULL. O(1). */
CONCERT_API void concert_rift_clear(concert_rift *r);

/** The flag threshold of component c (one of the CONCERT_RIFT_THRESHOLD_ constants), or
 * NaN when c is out of range. O(1). */
CONCERT_API double concert_rift_threshold(concert_rift_component c);

/** The flag that a known value of component c raises: YES when value passes the threshold
 * (> 0 for the two zero thresholds, >= otherwise), NO below it, UNKNOWN for NaN, for a
 * value outside [0,1] or for c out of range. O(1). */
CONCERT_API concert_tri concert_rift_flag_of(concert_rift_component c, double value);

/** A short stable identifier of component c ("no_communique", "missing_statements",
 * "no_unified_stance", "trade", "agenda", "role"); "" when out of range. Static storage. */
CONCERT_API const char *concert_rift_component_id(concert_rift_component c);

/** A short English label of component c ("no joint communique", ...); "" when out of
 * range. Static storage. O(1). */
CONCERT_API const char *concert_rift_component_label(concert_rift_component c);

/** Counts the flags of r. *yes (may be NULL) receives the number of YES flags among the
 * components [first, first + n), *unknown (may be NULL) the number of UNKNOWN ones.
 * first + n must be <= CONCERT_RIFT_N; otherwise nothing is counted. O(n). */
CONCERT_API void concert_rift_count(const concert_rift *r, size_t first, size_t n, size_t *yes,
                                    size_t *unknown);

/** Checks that every value is NaN or in [0,1] and every flag is one of the three values.
 * Returns true when r is well formed. O(1). */
CONCERT_API bool concert_rift_valid(const concert_rift *r);

#ifdef __cplusplus
}
#endif
#endif
