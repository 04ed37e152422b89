/* concert/measures.h: measures that judge a forum (docs/measures.md).
 *
 * Capability coverage (share of world GDP, military spending and population for a year,
 * from the shipped World Bank and SIPRI-derived tables), balance (largest share and
 * Herfindahl-Hirschman concentration), proximity of the outcomes to a chosen actor, and
 * burden sharing of a common cost (proportional to capability, and the Shapley value of
 * the airport game of Littlechild and Owen, 1973). The game-theoretic building blocks
 * (HHI, airport Shapley in closed form, exact Shapley by enumeration) are public too. */
#ifndef CONCERT_MEASURES_H
#define CONCERT_MEASURES_H
#ifdef __cplusplus
extern "C" {
#endif
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "export.h"
#include "status.h"
#include "summit.h"

/** The world indicators of the coverage measure. */
typedef enum concert_indicator {
  CONCERT_INDICATOR_GDP = 0,        /* GDP, current US$ (World Bank NY.GDP.MKTP.CD) */
  CONCERT_INDICATOR_MILEX = 1,      /* military expenditure, current US$ m (SIPRI) */
  CONCERT_INDICATOR_POPULATION = 2  /* total population (World Bank SP.POP.TOTL) */
} concert_indicator;
/** Number of indicators. */
#define CONCERT_INDICATOR_COUNT 3

/** Country-by-year tables of the three indicators, world totals under code WLD. */
typedef struct concert_worlddata concert_worlddata;

/** Loads DIR/world/wb_gdp_current_usd.csv, DIR/world/wb_population.csv and
 * DIR/derived/milex/milex_current_usd.csv (dir NULL: concert_worlddata_default_dir()).
 * Refuses missing columns, years outside 1000-3000, NaN, infinite or negative values and duplicate (code, year) rows, naming the file, line,
 * column (CSV field number) and column name. On success *out is owned by the caller
 * (concert_worlddata_free); on failure it is NULL. O(R log R) for R rows. */
CONCERT_API concert_status concert_worlddata_load(const char *dir, concert_worlddata **out,
                                                  concert_diag *diag);
/** Loads one indicator's table from a CSV file with a header row; code_col, year_col and
 * value_col name its columns. Replaces that indicator's table in w. Errors as above.
 * O(R log R). */
CONCERT_API concert_status concert_worlddata_load_csv(concert_worlddata *w,
                                                      concert_indicator ind,
                                                      const char *path,
                                                      const char *code_col,
                                                      const char *year_col,
                                                      const char *value_col,
                                                      concert_diag *diag);
/** An empty table set (all indicators without rows); the caller frees it. NULL when out
 * of memory. O(1). */
CONCERT_API concert_worlddata *concert_worlddata_new(void);
/** Frees w; NULL is harmless. */
CONCERT_API void concert_worlddata_free(concert_worlddata *w);
/** The default data root, concert_data_dir() (concert/datadir.h). Never NULL. */
CONCERT_API const char *concert_worlddata_default_dir(void);
/** The value of indicator ind for code in year; false when there is none. O(log R). */
CONCERT_API bool concert_worlddata_value(const concert_worlddata *w, concert_indicator ind,
                                         const char *code, int year, double *value);
/** True when code has at least one row for ind. O(log R). */
CONCERT_API bool concert_worlddata_has(const concert_worlddata *w, concert_indicator ind,
                                       const char *code);
/** Short names of the indicators ("GDP", "military spending", "population"). */
CONCERT_API const char *concert_indicator_name(concert_indicator ind);

/** How a forum member enters the coverage of one indicator. */
typedef enum concert_cover {
  CONCERT_COVER_COUNTED = 0,     /* its figure is in the forum's sum */
  CONCERT_COVER_NOT_COVERED = 1, /* not a country (or the EU) known to the data */
  CONCERT_COVER_NO_DATA = 2,     /* a country without a figure for the year */
  CONCERT_COVER_EXCLUDED = 3,    /* the EU for military spending: not a state's budget */
  CONCERT_COVER_IN_EU = 4        /* an EU member state beside the EU: inside the EU's figure */
} concert_cover;
/** Words for a cover status ("counted", "not covered", ...). Never NULL. */
CONCERT_API const char *concert_cover_name(concert_cover c);

/** Options of concert_measures_compute (small public value). */
typedef struct concert_measures_options {
  int year;          /* coverage year; 0: the latest with data for all members */
  const char *actor; /* actor id for proximity; NULL: no proximity */
  double cost;       /* common cost to share, finite and > 0 (default 100) */
} concert_measures_options;
/** Fills o with the defaults (year 0, no actor, cost 100). */
CONCERT_API void concert_measures_options_init(concert_measures_options *o);

/** The measures of one forum's outcome. */
typedef struct concert_measures concert_measures;

/** Computes every measure of outcome o. world may be NULL (no coverage, no GDP balance);
 * opt may be NULL (defaults). Fails with ERR_UNKNOWN_ID for an actor id not in the
 * scenario, ERR_RANGE for a cost that is not finite and positive or a year outside
 * 1000-3000. o (and its scenario) and world must outlive *out, which the caller frees
 * with concert_measures_free. O(m x (issues + Y) + m log m) for m members and Y years. */
CONCERT_API concert_status concert_measures_compute(const concert_outcome *o,
                                                    const concert_worlddata *world,
                                                    const concert_measures_options *opt,
                                                    concert_measures **out,
                                                    concert_diag *diag);
/** Frees m; NULL is harmless. */
CONCERT_API void concert_measures_free(concert_measures *m);
/** The outcome the measures were computed from (borrowed). */
CONCERT_API const concert_outcome *concert_measures_outcome(const concert_measures *m);

/** Coverage of the world by the forum (small public value). */
typedef struct concert_coverage {
  bool computed;                          /* world data were given */
  int year;                               /* the year used */
  bool year_default;                      /* chosen as the latest year with full data */
  double share[CONCERT_INDICATOR_COUNT];  /* forum / world; NaN: no world figure or none counted */
  double forum[CONCERT_INDICATOR_COUNT];  /* sum over counted members */
  double world[CONCERT_INDICATOR_COUNT];  /* world figure (WLD), NaN if none */
  size_t counted[CONCERT_INDICATOR_COUNT]; /* members counted */
} concert_coverage;
/** The coverage measure. O(1). */
CONCERT_API concert_coverage concert_measures_coverage(const concert_measures *m);
/** How forum member i (0-based, forum order) enters indicator ind; *value gets its figure
 * (NaN when not counted) if value is not NULL. O(1). */
CONCERT_API concert_cover concert_measures_member_cover(const concert_measures *m, size_t i,
                                                        concert_indicator ind, double *value);

/** Balance of the forum (small public value). Member indices are forum positions. */
typedef struct concert_balance {
  double cap_largest;   /* largest member's share of the members' capabilities */
  size_t cap_largest_i; /* that member */
  double cap_hhi;       /* Herfindahl-Hirschman index of capability shares, in [1/m, 1] */
  double gdp_largest;   /* largest share of the counted members' GDP (NaN if none) */
  size_t gdp_largest_i; /* that member */
  double gdp_hhi;       /* HHI of GDP shares over the counted members (NaN if none) */
} concert_balance;
/** The balance measure. O(1). */
CONCERT_API concert_balance concert_measures_balance(const concert_measures *m);

/** Proximity of the outcomes to one actor (small public value). */
typedef struct concert_proximity {
  bool computed;        /* an actor was asked for */
  size_t actor;         /* scenario actor index */
  bool member;          /* the actor is a member of the forum */
  size_t n_issues;      /* agenda issues compared (actor holds a stance, text defined) */
  double distance;      /* salience-weighted mean |text - position| (NaN if n_issues 0) */
  size_t n_closer;      /* issues whose text is closer to the actor than to the forum mean */
  double share_closer;  /* n_closer / n_issues (NaN if n_issues 0) */
} concert_proximity;
/** The proximity measure. O(1). */
CONCERT_API concert_proximity concert_measures_proximity(const concert_measures *m);

/** Burden sharing of the common cost: forum member i's part by capability share and by the
 * airport game's Shapley value (NaN when all capabilities are 0). Returns the cost. O(1). */
CONCERT_API double concert_measures_burden(const concert_measures *m, size_t i,
                                           double *by_share, double *by_shapley);

/** Herfindahl-Hirschman index of the shares of n values x (finite, >= 0, positive sum):
 * sum of (x_i / sum x)^2. *largest gets the index of the largest value (first on ties) and
 * *largest_share its share; either may be NULL. ERR_RANGE or ERR_EMPTY on bad input. O(n). */
CONCERT_API concert_status concert_hhi(const double *x, size_t n, double *hhi,
                                       size_t *largest, double *largest_share);
/** Shapley value of the airport game with needs c (finite, >= 0): the cost of a coalition
 * S is max over S of c_i. Closed form of Littlechild and Owen (1973): with c sorted
 * ascending, the j-th increment c_(j) - c_(j-1) is split equally among the n - j + 1
 * members needing at least c_(j). phi (n values) is written by the caller-owned array.
 * O(n log n) time, O(n) memory. */
CONCERT_API concert_status concert_shapley_airport(const double *c, size_t n, double *phi);
/** A cost (or value) function of a coalition, given as a bit set of players. */
typedef double (*concert_coalition_fn)(uint32_t coalition, void *user);
/** Exact Shapley value of the n-player game v (1 <= n <= 20) by enumerating all 2^n
 * coalitions: phi_i = sum over S without i of |S|!(n-|S|-1)!/n! (v(S+i) - v(S)). v is
 * called once per coalition and must return finite values (ERR_RANGE otherwise).
 * O(n 2^n) time, O(2^n) memory; ERR_TOO_LARGE for n > 20. */
CONCERT_API concert_status concert_shapley_exact(size_t n, concert_coalition_fn v, void *user,
                                                 double *phi);

#ifdef __cplusplus
}
#endif
#endif
