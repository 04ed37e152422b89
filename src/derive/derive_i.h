/* derive/derive_i.h: the internal pieces of `concert derive` (docs/derive.md), one file
 * each: families.c (the UNGA issue families), forums.c (known forums' members by year),
 * countries.c (names and EU membership), support.c (the issue-support table),
 * capability.c, position.c, quick.c (quick mode as a spec text), spec.c (the spec reader),
 * write.c (the YAML writer), report.c (warnings) and derive.c (the run). */
#ifndef CONCERT_I_DERIVE_H
#define CONCERT_I_DERIVE_H
#include <concert/derive.h>
#include <concert/measures.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "io/yaml_read.h"

/* The source text of a number still to be coded by hand. */
#define CONCERT_I_TO_FILL_SOURCE "judgment: TO FILL (docs/codebook.md)"
/* Longest source string a derived number carries. */
#define CONCERT_I_SOURCE_MAX 640

/* ---- warnings (report.c) --------------------------------------------------------- */

struct concert_derive_report {
  char **msg;    /* n owned lines */
  size_t n, cap; /* used, allocated */
};

/** Appends a printf-style warning; CONCERT_ERR_NOMEM when out of memory. */
concert_status concert_i_report_add(concert_derive_report *r, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* ---- issue families (families.c) ------------------------------------------------- */

/* One UNGA issue family and the quick-mode issue built on it. */
typedef struct concert_i_family {
  const char *code;     /* family code in the support table: co di ec hr me nu ua */
  const char *issue;    /* quick-mode issue id ("ukraine") */
  const char *title;    /* quick-mode issue title */
  const char *at100;    /* scale anchor at 100: what the family's resolutions say */
  const char *at0;      /* scale anchor at 0: their opposite */
  const char *category; /* scenario issue category */
} concert_i_family;

/** Number of families (7). */
size_t concert_i_family_count(void);
/** Family i in quick-mode order (ukraine first). */
const concert_i_family *concert_i_family_at(size_t i);
/** The family of a code, or NULL. */
const concert_i_family *concert_i_family_find(const char *code);

/* ---- known forums (forums.c) ----------------------------------------------------- */

/** Writes the members of forum (G7|G8|G20|G5|G2) in year into out (comma-separated ISO3,
 * EU and AU) and its display name into name. A warning goes to rep when the forum did not
 * meet in that form that year. CONCERT_ERR_UNKNOWN_ID for another forum name. */
concert_status concert_i_forum_members(const char *forum, int year, char *out, size_t size,
                                       char *name, size_t name_size, concert_derive_report *rep,
                                       concert_diag *d);

/* ---- countries (countries.c) ----------------------------------------------------- */

/* Country names and the EU-27, from DIR/world/focus_countries.csv and
 * DIR/derived/unga_country_iso3.csv. */
typedef struct concert_i_countries {
  char (*iso3)[8]; /* n codes */
  char **name;     /* n owned names */
  size_t n, cap;   /* used, allocated */
  char eu[27][8];  /* the EU-27 member states (focus_countries.csv group EU27) */
  size_t n_eu;     /* 27 once loaded */
} concert_i_countries;

concert_status concert_i_countries_load(const char *dir, concert_i_countries *c, concert_diag *d);
void concert_i_countries_free(concert_i_countries *c);
/** The country's name, or NULL when the code is unknown. EU and AU are known. */
const char *concert_i_country_name(const concert_i_countries *c, const char *iso3);
/** True when iso3 is an EU-27 member state. */
bool concert_i_country_in_eu(const concert_i_countries *c, const char *iso3);

/* ---- the issue-support table (support.c) ----------------------------------------- */

/* One row of data/derived/unga_issue_support.csv. */
typedef struct concert_i_support_row {
  char iso3[8];   /* country */
  int year;       /* calendar year */
  char family[4]; /* family code */
  int n;          /* votes */
  double support; /* mean of yes 1, abstain 0.5, no 0 */
} concert_i_support_row;

/* The whole table, sorted by (iso3, family, year). */
typedef struct concert_i_support {
  concert_i_support_row *rows; /* n rows */
  size_t n, cap;               /* used, allocated */
  int last_year;               /* latest year in the table */
} concert_i_support;

concert_status concert_i_support_load(const char *path, concert_i_support *t, concert_diag *d);
void concert_i_support_free(concert_i_support *t);
/** The row of (iso3, family, year), or NULL. O(log n). */
const concert_i_support_row *concert_i_support_find(const concert_i_support *t, const char *iso3,
                                                    const char *family, int year);

/* ---- derived numbers ------------------------------------------------------------- */

/* A number with its range and source, as written in the scenario. */
typedef struct concert_i_dnum {
  bool ok;                           /* derived; false: a judgment TO FILL */
  double value, low, high;           /* the number and its range */
  char source[CONCERT_I_SOURCE_MAX]; /* "data: ..." */
} concert_i_dnum;

/* What the capability computation needs. */
typedef struct concert_i_capctx {
  const concert_worlddata *w;        /* the three indicator tables */
  const concert_i_countries *c;      /* names and the EU-27 */
  int year[CONCERT_INDICATOR_COUNT]; /* table year per indicator (latest <= summit - 1) */
} concert_i_capctx;

/** Chooses the table year of each indicator: the latest year <= summit_year - 1 with a
 * world total; warns when it is older than summit_year - 1. CONCERT_ERR_NOT_FOUND when an
 * indicator has no year at all. */
concert_status concert_i_capability_years(concert_i_capctx *x, int summit_year,
                                          concert_derive_report *rep, concert_diag *d);
/** The capability of actor (ISO3, or EU: the EU-27 minus the seated member states among
 * seated[0..n_seated)). out->ok false (with a warning) when no share can be computed. */
concert_status concert_i_capability(const concert_i_capctx *x, const char *actor,
                                    const char *const *seated, size_t n_seated, concert_i_dnum *out,
                                    concert_derive_report *rep);

/** The position of actor (ISO3, or EU: the mean of the EU-27) on an issue of family fam,
 * direction oppose or support, over the years [from, to] of the support table. out->ok
 * false when the actor has no vote in the window (the caller warns). */
concert_status concert_i_position(const concert_i_support *t, const concert_i_countries *c,
                                  const char *actor, const concert_i_family *fam, bool oppose,
                                  int from, int to, concert_i_dnum *out);

/* ---- the spec (spec.c) ----------------------------------------------------------- */

/* One issue of the spec. */
typedef struct concert_i_spec_issue {
  const char *id;              /* borrowed from the document */
  const concert_i_ynode *node; /* the issue's mapping */
  const concert_i_family *fam; /* family, or NULL */
  bool oppose;                 /* direction: oppose */
  int from, to;                /* vote years (default: the three years before the summit) */
} concert_i_spec_issue;

/* One actor of the spec. */
typedef struct concert_i_spec_actor {
  const char *id;                 /* borrowed */
  const concert_i_ynode *node;    /* the actor's mapping */
  const concert_i_ynode *stances; /* its stances mapping, or NULL */
} concert_i_spec_actor;

/* A parsed spec; the nodes live in doc. */
typedef struct concert_i_spec {
  concert_i_ydoc *doc;          /* owned: the parsed spec (io/yaml_read.h) */
  const concert_i_ynode *root;  /* the document's mapping */
  const char *name;             /* borrowed */
  int year;                     /* summit year */
  concert_i_spec_issue *issues; /* n_issues, owned array */
  size_t n_issues;
  concert_i_spec_actor *actors; /* n_actors, owned array */
  size_t n_actors;
  const concert_i_ynode *forums; /* the forums sequence */
} concert_i_spec;

/** Parses a spec from text (file names the input in diagnostics). On failure d holds
 * file:line:col and the field path. The caller frees s with concert_i_spec_free. */
concert_status concert_i_spec_parse(const char *text, size_t len, const char *file,
                                    concert_i_spec *s, concert_diag *d);
void concert_i_spec_free(concert_i_spec *s);

/* ---- quick mode (quick.c) -------------------------------------------------------- */

/** Writes the spec text of quick mode (one issue per family, the members, one forum) into
 * a malloc'd string *text. */
concert_status concert_i_quick_spec(const concert_derive_options *o, const concert_i_countries *c,
                                    char **text, size_t *len, concert_derive_report *rep,
                                    concert_diag *d);

/** Writes s as a YAML double-quoted scalar to f. */
void concert_i_yaml_quote(FILE *f, const char *s);

/* ---- the writer (write.c) -------------------------------------------------------- */

/* Everything derived for one spec. */
typedef struct concert_i_derived {
  concert_i_dnum *capability;    /* per actor */
  concert_i_dnum *position;      /* per actor x issue (actor-major) */
  const char *name;              /* scenario name (spec's or the override) */
  const char *const *actor_name; /* per actor: a default name (or NULL) */
} concert_i_derived;

/** Writes the scenario YAML. CONCERT_ERR_IO when out reports an error. */
concert_status concert_i_write(FILE *out, const concert_i_spec *s, const concert_i_derived *dv,
                               concert_diag *d);

#endif
