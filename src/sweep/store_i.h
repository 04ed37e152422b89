/* sweep/store_i.h: a sweep's runs in an SQLite database (docs/sweep.md, "Results that survive
 * a crash"): the schema, the check that a database to resume holds the same sweep, reading the
 * stored runs back and appending runs in batches, one transaction per batch. */
#ifndef CONCERT_I_STORE_H
#define CONCERT_I_STORE_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <concert/status.h>

/* What identifies a sweep: a resumed database must hold the same values. */
typedef struct concert_i_store_meta {
  const char *scenario;        /* scenario name */
  uint64_t scenario_hash;      /* FNV-1a 64 of the scenario file's bytes (concert_scenario_hash) */
  const char *forum;           /* forum id */
  const char *model;           /* model name */
  char *model_params;          /* model parameters, "k=v;k=v" in key order (owned) */
  char *protocol;              /* protocol overrides, same form (owned) */
  uint64_t seed;               /* the seed */
  size_t runs;                 /* runs asked for */
  size_t ni, nm;               /* agenda issues, forum members */
  const char *const *issue_id; /* agenda issue ids (ni) */
  const char *const *member_id;/* member actor ids (nm) */
} concert_i_store_meta;

/* The per-run values of a window of runs, run r in slot r % window (the sweep's buffers,
 * borrowed), and which runs the database holds. */
typedef struct concert_i_store_runs {
  size_t runs, ni, nm;  /* runs of the sweep, agenda issues, members */
  size_t window;        /* slots */
  unsigned char *have;  /* bit r % 8 of byte r / 8: run r is stored in the database */
  unsigned char *fate;  /* document fate per slot */
  unsigned char *kind;  /* statement kind, [slot * ni + i] */
  unsigned char *flags; /* bit 0 signed, bit 1 blocked, [(slot * ni + i) * nm + m] */
  double *text;         /* issued text or NaN, [slot * ni + i] */
  double *rift;         /* rift components, [slot * 6 + c] */
  double *gain;         /* net gains, [slot * nm + m] */
} concert_i_store_runs;

/* Whether run r is stored. */
static inline bool concert_i_store_has(const concert_i_store_runs *v, size_t r) {
  return (v->have[r >> 3] >> (r & 7)) & 1;
}

/* Called for each stored run r, its values in slot r % window of v. */
typedef concert_status (*concert_i_store_fn)(size_t r, const concert_i_store_runs *v, void *user,
                                             concert_diag *d);

typedef struct concert_i_store concert_i_store;

/* Opens (creating when needed) the database at path. Without resume a database that already
 * holds tables is refused; with resume one holding a sweep must match meta (else
 * CONCERT_ERR_INVALID naming what differs). Errors name the file. */
concert_status concert_i_store_open(const char *path, bool resume, const concert_i_store_meta *m,
                                    concert_i_store **out, concert_diag *d);
/* Reads the stored runs with index below v->runs in run order, one at a time: sets its bit
 * in v->have, puts its values in its slot (a text NaN where no statement) and calls fn;
 * their count in *n. Child rows of runs not stored whole are left out. O(stored rows),
 * memory O(1) beyond v. */
concert_status concert_i_store_each(concert_i_store *st, concert_i_store_runs *v,
                                    concert_i_store_fn fn, void *user, size_t *n,
                                    concert_diag *d);
/* Writes runs [from, to) not yet stored, from their slots, in one transaction (to - from <=
 * v->window). O(rows). */
concert_status concert_i_store_write(concert_i_store *st, const concert_i_store_runs *v,
                                     size_t from, size_t to, concert_diag *d);
/* Closes the database; NULL is harmless. */
void concert_i_store_close(concert_i_store *st);

#endif
