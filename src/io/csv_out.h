/* io/csv_out.h: the one CSV writer of the library (docs/csv.md): cells quoted by libcsv's
 * csv_fwrite when RFC 4180 needs it (a comma, a quote, a line break, or a space at either
 * end), numbers in the fewest digits that read back to the same double, an undefined
 * number as an empty cell, a line feed after each row, and every failed write remembered. */
#ifndef CONCERT_I_CSV_OUT_H
#define CONCERT_I_CSV_OUT_H
#include <concert/status.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

typedef struct concert_csv_out {
  FILE *f;
  size_t col; /* cells written on the current row */
  bool bad;   /* a write failed */
} concert_csv_out;

/** Starts writing CSV to f. */
void concert_i_csv_init(concert_csv_out *c, FILE *f);
/** A text cell (NULL: empty). */
void concert_i_csv_text(concert_csv_out *c, const char *s);
/** A number cell: the shortest of %.15g, %.16g, %.17g that reads back to x; empty when x
 * is NaN or infinite; -0 as 0. */
void concert_i_csv_num(concert_csv_out *c, double x);
/** An integer cell. */
void concert_i_csv_int(concert_csv_out *c, long long x);
/** Ends the row. */
void concert_i_csv_end(concert_csv_out *c);
/** A whole row of text cells: names[0..] up to a NULL. */
void concert_i_csv_row(concert_csv_out *c, const char *const *names);
/** CONCERT_OK, or CONCERT_ERR_IO (with the diag, when given) when any write failed. */
concert_status concert_i_csv_finish(concert_csv_out *c, concert_diag *d);

#endif
