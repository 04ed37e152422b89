/* table/table_i.h: internals of the actor-table loader (CSV rows with their lines). */
#ifndef CONCERT_I_TABLE_H
#define CONCERT_I_TABLE_H
#include <stddef.h>

/* One non-blank CSV row, trailing empty fields removed. */
typedef struct concert_i_csv_row {
  int line;     /* 1-based line on which the row starts */
  size_t n;     /* number of fields (>= 1) */
  char **field; /* n NUL-terminated fields, spaces around unquoted fields trimmed */
} concert_i_csv_row;

/* All rows of a buffer. */
typedef struct concert_i_csv_rows {
  concert_i_csv_row *rows; /* n rows in file order */
  size_t n, cap;           /* rows used, allocated */
} concert_i_csv_rows;

/** Splits len bytes of CSV into rows (libcsv, relaxed mode). Returns 0, or 1 when out
 * of memory (out is then empty). Free with concert_i_csv_rows_free. O(len). */
int concert_i_csv_split(const char *data, size_t len, concert_i_csv_rows *out);
/** Frees the rows; the struct is left empty. */
void concert_i_csv_rows_free(concert_i_csv_rows *rows);

#endif
