/* history/history_i.h: the loaded summit record's internals, shared by the loader, the
 * rift reading of records and the fuzz targets. */
#ifndef CONCERT_I_HISTORY_H
#define CONCERT_I_HISTORY_H
#include <concert/history.h>

/* The record: summits per forum, the codes, and every string they point to. */
struct concert_history {
  concert_summit_record *summits[2]; /* per forum, table order */
  size_t n_summits[2];               /* counts */
  size_t cap_summits[2];             /* capacities */
  concert_rift_code *codes;          /* all codes, file order */
  int *code_forum;                   /* forum of each code */
  int *code_year;                    /* year of each code */
  long *code_line;                   /* line of each code (for diagnostics) */
  size_t n_codes, cap_codes;         /* count and capacity */
  char **strings;                    /* every owned string, freed at the end */
  size_t n_strings, cap_strings;     /* count and capacity */
  concert_rift_code *attached;       /* codes regrouped per summit (one block) */
};

/** An empty record (all counts zero), or NULL when out of memory. */
concert_history *concert_i_history_new(void);

/** Parses one table from memory into h. which: 0 = g7_summits.csv, 1 =
 * g20_leaders_summits.csv, 2 = g7_rift_codes.csv. name is used in diagnostics. */
concert_status concert_i_history_parse(concert_history *h, int which, const char *buf,
                                       size_t len, const char *name, concert_diag *d);

/** Reads one table from a file into h (as concert_i_history_parse). */
concert_status concert_i_history_read(concert_history *h, int which, const char *path,
                                      const char *name, concert_diag *d);

/** Attaches the codes to their summits; fails on a code naming no summit. Call once, after
 * all tables are read. */
concert_status concert_i_history_link(concert_history *h, const char *codes_name,
                                      concert_diag *d);

#endif
