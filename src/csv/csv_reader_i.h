/* csv/csv_reader_i.h: the library's one reader of delimited text (CSV, TSV). It streams rows
 * to a callback from memory or from a file, knows where each row and field came from (file,
 * line, byte column) and keeps hostile input within limits. Two dialects: RFC 4180 through
 * libcsv (quoted fields may hold delimiters, quotes and newlines), and "plain" (one line per
 * row; a double quote may only wrap a whole field), used for the DEU TSV files. */
#ifndef CONCERT_I_CSV_READER_H
#define CONCERT_I_CSV_READER_H
#include <stdbool.h>
#include <stddef.h>

#include <concert/status.h>

/* Default limits (opts NULL) that keep hostile input from growing memory without bound. */
#define CONCERT_I_CSV_MAX_FIELDS 64   /* fields per row */
#define CONCERT_I_CSV_MAX_FIELD 65536 /* bytes per field */

/* How fields are delimited and quoted. */
typedef enum concert_i_csv_dialect {
  CONCERT_I_CSV_RFC4180 = 0, /* libcsv: quotes anywhere, doubled quotes, multi-line fields */
  CONCERT_I_CSV_PLAIN = 1,   /* one line per row, quotes only around a whole field (TSV) */
} concert_i_csv_dialect;

/** One parsed row as handed to the row callback. Valid only during the callback. */
typedef struct concert_i_csv_row {
  size_t n;                 /* number of fields */
  const char *const *field; /* n NUL-terminated field texts */
  const size_t *len;        /* their lengths in bytes */
  const long *fline;        /* the line on which each field ended */
  const int *col;           /* plain dialect: 1-based byte column of each field; else NULL */
  long line;                /* 1-based line where the row starts */
  long end_line;            /* line on which the row ended */
  long index;               /* 0-based row number (0 = header) */
  const char *raw;          /* the row's raw bytes (plain dialect: without the line end) */
  size_t raw_len;           /* their length */
  const char *file;         /* file name for diagnostics */
  unsigned char delim;      /* the field delimiter (to locate fields in raw) */
} concert_i_csv_row;

/** Row callback: returns CONCERT_OK to go on, any other status to stop reading (after
 * filling the diag). */
typedef concert_status (*concert_i_csv_row_fn)(void *user, const concert_i_csv_row *row,
                                               concert_diag *d);

/* Where libcsv found malformed input (handed to an error callback). */
typedef struct concert_i_csv_where {
  const char *file;    /* file name for diagnostics */
  long line;           /* line of the byte being read (at the end: the line after the last) */
  long last_line;      /* line of the last byte read (0: none) */
  long row_line;       /* line where the unfinished row started */
  long field_line;     /* line where its last completed field ended (row_line if none) */
  size_t fields;       /* fields completed in the unfinished row */
  bool at_end;         /* the error was found at the end of the input */
  const char *message; /* libcsv's description */
} concert_i_csv_where;

/** Formats a syntax error (fills the diag) and returns its status. */
typedef concert_status (*concert_i_csv_error_fn)(void *user, const concert_i_csv_where *w,
                                                 concert_diag *d);

/* Reading options. A NULL options pointer means: RFC 4180, ',', strict, spaces kept, LF
 * (and CRLF) line ends, the default limits, the default syntax message. */
typedef struct concert_i_csv_opts {
  concert_i_csv_dialect dialect;   /* how fields are quoted */
  unsigned char delim;             /* field delimiter; 0 means ',' */
  bool relaxed;                    /* RFC 4180: libcsv's lenient mode (no syntax errors) */
  bool trim;                       /* RFC 4180: drop spaces and tabs around unquoted fields */
  bool cr_newline;                 /* RFC 4180: a CR alone also ends a line (old Mac files) */
  size_t max_fields;               /* fields per row; 0: no limit */
  size_t max_field;                /* RFC 4180: bytes per field; 0: no limit */
  concert_i_csv_error_fn on_error; /* RFC 4180 syntax errors; NULL: the default message */
  long *lines;                     /* out, optional: the line of the last byte read */
} concert_i_csv_opts;

/** Streams the file at path through fn, row by row (header included, as index 0).
 * name is the file name used in diagnostics (NULL: path). RFC 4180 dialect only.
 * O(bytes). */
concert_status concert_i_csv_read_file(const char *path, const char *name,
                                       const concert_i_csv_opts *o, concert_i_csv_row_fn fn,
                                       void *user, concert_diag *d);

/** The same over a memory buffer (either dialect). O(len). */
concert_status concert_i_csv_read_mem(const char *buf, size_t len, const char *name,
                                      const concert_i_csv_opts *o, concert_i_csv_row_fn fn,
                                      void *user, concert_diag *d);

/** Fails with st, pointing at field k of row (its line and 1-based byte column), the field
 * path "<column name>" given by colname, and a printf-style message. Returns st. */
concert_status concert_i_csv_fail(concert_diag *d, concert_status st, const concert_i_csv_row *row,
                                  size_t k, const char *colname, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

/** The separator a file seems to use instead of delim: when a row of n fields is one field
 * holding ';', a tab or '|' (other than delim), that character; else 0. O(length). */
char concert_i_csv_other_delim(const char *const *field, size_t n, unsigned char delim);

/** "tabs", "semicolons (';')", "bars ('|')" or "commas (',')". */
const char *concert_i_csv_delim_name(char c);

/** Checks that the header row has exactly the n names given, in order; a header that is one
 * column holding another separator (concert_i_csv_other_delim) is named as such. */
concert_status concert_i_csv_expect_header(const concert_i_csv_row *row, const char *const *names,
                                           size_t n, concert_diag *d);

/** Checks that a data row has n fields (the header's count). */
concert_status concert_i_csv_expect_width(const concert_i_csv_row *row, size_t n, concert_diag *d);

/** Parses a whole field as a base-10 integer in [lo, hi]. Returns 0 on success, -1 if the
 * text is not an integer or out of range. */
int concert_i_csv_long(const char *s, long lo, long hi, long *out);

/** Parses a whole field as a finite double (io/number.h). Returns 0 on success, else the
 * concert_i_num saying what is wrong (concert_i_number_why names it). */
int concert_i_csv_double(const char *s, double *out);

/* A whole table kept in memory: one record per row, fields owned. */
typedef struct concert_i_csv_record {
  int line;     /* 1-based line on which the row starts */
  size_t n;     /* number of fields */
  char **field; /* n NUL-terminated fields (owned) */
} concert_i_csv_record;

/* All rows of an input. */
typedef struct concert_i_csv_records {
  concert_i_csv_record *rows; /* n rows in input order */
  size_t n, cap;              /* rows used, allocated */
} concert_i_csv_records;

/** Reads every row of a buffer into out (which the caller frees with
 * concert_i_csv_records_free, also after a failure). O(len). */
concert_status concert_i_csv_collect_mem(const char *buf, size_t len, const char *name,
                                         const concert_i_csv_opts *o, concert_i_csv_records *out,
                                         concert_diag *d);

/** The same over a file (name for diagnostics, NULL: path). O(bytes). */
concert_status concert_i_csv_collect_file(const char *path, const char *name,
                                          const concert_i_csv_opts *o, concert_i_csv_records *out,
                                          concert_diag *d);

/** Frees the rows; the struct is left empty. */
void concert_i_csv_records_free(concert_i_csv_records *rows);

#endif
