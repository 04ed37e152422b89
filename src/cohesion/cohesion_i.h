/* cohesion/cohesion_i.h: the loaded UNGA tables' internals, shared by the loader, the
 * cohesion computation, its JSON writer and the fuzz target. */
#ifndef CONCERT_I_COHESION_H
#define CONCERT_I_COHESION_H
#include <stdint.h>

#include <concert/cohesion.h>

#define CONCERT_I_UNGA_MAX_COUNTRIES 255 /* country indices fit a byte */
#define CONCERT_I_UNGA_MAX_RCID 10000000 /* largest roll-call id accepted */
#define CONCERT_I_UNGA_MAX_IDEAL 100 /* largest |ideal point| accepted (published: about 5) */
#define CONCERT_I_CODE_SLOTS (26 * 26 + 26 * 26 * 26) /* 2- and 3-letter codes */

/* One country of unga_countries.csv. */
typedef struct concert_i_unga_country {
  char code[4]; /* the unvotes code: ISO2, or FRG/YAR/ZAN */
  char *name;   /* its name */
} concert_i_unga_country;

/* One row of focus_countries.csv (the columns used). */
typedef struct concert_i_focus {
  char iso3[4]; /* ISO 3166 alpha-3 */
  char iso2[4]; /* the unvotes code */
  char *name;   /* English short name */
  char *groups; /* ';'-separated group labels (G7, G20, EU27, G5, G8(1998-2013)) */
} concert_i_focus;

/* One row of the ideal-point file (the columns used). */
typedef struct concert_i_ideal {
  int year;      /* session + 1945 */
  char iso3[4];  /* iso3c, "" for NA */
  char *name;    /* Countryname */
  double ideal;  /* IdealPointAll; NaN for NA */
} concert_i_ideal;

struct concert_unga {
  concert_i_unga_country country[CONCERT_I_UNGA_MAX_COUNTRIES]; /* interned countries */
  size_t n_countries;                                  /* their number */
  int16_t code_slot[CONCERT_I_CODE_SLOTS];             /* code -> country index + 1 */
  int32_t *rc_of_rcid;                                 /* rcid -> roll call index, -1 */
  int max_rcid;                                        /* size of rc_of_rcid minus one */
  int *rc_rcid;                                        /* roll call -> rcid */
  int *rc_year;                                        /* roll call -> session year */
  uint8_t *rc_issues;                                  /* roll call -> issue bit set */
  size_t n_rc, cap_rc;                                 /* roll calls and capacity */
  uint8_t *votes;  /* n_rc x n_countries: 0 none, 1 yes, 2 abstain, 3 no */
  size_t n_votes;  /* votes loaded */
  concert_i_focus *focus;                              /* crosswalk rows */
  size_t n_focus, cap_focus;                           /* count and capacity */
  concert_i_ideal *ideal;                              /* ideal-point rows */
  size_t n_ideal, cap_ideal;                           /* count and capacity */
};

/** Issue codes in bit order: me nu di hr co ec. */
extern const char *const concert_i_unga_issue_codes[6];

/** An empty data set, or NULL when out of memory. */
concert_unga *concert_i_unga_new(void);

/** Parses one table from memory into u. which: 0 countries, 1 roll calls, 2 issues, 3 votes,
 * 4 focus countries, 5 ideal points; tables must come in that order. */
concert_status concert_i_unga_parse(concert_unga *u, int which, const char *buf, size_t len,
                                    const char *name, concert_diag *d);

/** The same from a file. */
concert_status concert_i_unga_read(concert_unga *u, int which, const char *path,
                                   const char *name, concert_diag *d);

/** The year range and issue of the query that computed c (c not NULL): issue is NULL when
 * the query gave none, "" when it gave "" (all roll calls), else the issue code; static
 * storage. O(1). */
void concert_i_cohesion_query_of(const concert_cohesion *c, int *year_from, int *year_to,
                                 const char **issue);

#endif
