/* history/csvloc_i.h: a streaming CSV reader over libcsv that knows where each row and field
 * came from (file, line, byte column), shared by the history and cohesion loaders. */
#ifndef CONCERT_I_CSVLOC_H
#define CONCERT_I_CSVLOC_H
#include <stddef.h>

#include <concert/status.h>

/* Limits that keep hostile input from growing memory without bound. */
#define CONCERT_I_CSVLOC_MAX_FIELDS 64      /* fields per row */
#define CONCERT_I_CSVLOC_MAX_FIELD 65536    /* bytes per field */

/** One parsed row as handed to the row callback. Valid only during the callback. */
typedef struct concert_i_csvloc_row {
  size_t n;                                      /* number of fields */
  const char *field[CONCERT_I_CSVLOC_MAX_FIELDS];   /* NUL-terminated field texts */
  size_t len[CONCERT_I_CSVLOC_MAX_FIELDS];          /* their lengths in bytes */
  long line;                                     /* 1-based line where the row starts */
  long index;                                    /* 0-based row number (0 = header) */
  const char *raw;                               /* the row's raw bytes (for columns) */
  size_t raw_len;                                /* their length */
  const char *file;                              /* file name for diagnostics */
} concert_i_csvloc_row;

/** Row callback: returns CONCERT_OK to go on, any other status to stop reading (after
 * filling the diag). */
typedef concert_status (*concert_i_csvloc_row_fn)(void *user, const concert_i_csvloc_row *row,
                                               concert_diag *d);

/** Streams the file at path through fn, row by row (header included, as index 0).
 * name is the file name used in diagnostics (NULL: path). O(bytes). */
concert_status concert_i_csvloc_read_file(const char *path, const char *name,
                                       concert_i_csvloc_row_fn fn, void *user, concert_diag *d);

/** The same over a memory buffer (used by the fuzz targets and tests). */
concert_status concert_i_csvloc_read_mem(const char *buf, size_t len, const char *name,
                                      concert_i_csvloc_row_fn fn, void *user, concert_diag *d);

/** Fails with st, pointing at field k of row (its line and 1-based byte column), the field
 * path "<column name>" given by colname, and a printf-style message. Returns st. */
concert_status concert_i_csvloc_fail(concert_diag *d, concert_status st,
                                  const concert_i_csvloc_row *row, size_t k, const char *colname,
                                  const char *fmt, ...) __attribute__((format(printf, 6, 7)));

/** Checks that the header row has exactly the n names given, in order. */
concert_status concert_i_csvloc_expect_header(const concert_i_csvloc_row *row,
                                           const char *const *names, size_t n,
                                           concert_diag *d);

/** Checks that a data row has n fields (the header's count). */
concert_status concert_i_csvloc_expect_width(const concert_i_csvloc_row *row, size_t n,
                                          concert_diag *d);

/** Parses a whole field as a base-10 integer in [lo, hi]. Returns 0 on success, -1 if the
 * text is not an integer or out of range. */
int concert_i_csvloc_long(const char *s, long lo, long hi, long *out);

/** Parses a whole field as a finite double. Returns 0 on success, -1 otherwise. */
int concert_i_csvloc_double(const char *s, double *out);

#endif
