/* io/number.h: the one reading of a decimal number from text, shared by the YAML, CSV, TSV
 * and parameter readers, so that every reader tells the same problems apart: not a number,
 * NaN or infinity, too large to represent (overflow), too close to zero (underflow). */
#ifndef CONCERT_I_NUMBER_H
#define CONCERT_I_NUMBER_H
#include <stddef.h>

/* What reading a number found. */
typedef enum concert_i_num {
  CONCERT_I_NUM_OK = 0,     /* a finite number */
  CONCERT_I_NUM_SYNTAX,     /* not a decimal number (empty, words, hex, trailing text) */
  CONCERT_I_NUM_NONFINITE,  /* written as NaN or infinity (nan, inf, .nan, .inf, any case) */
  CONCERT_I_NUM_OVERFLOW,   /* decimal, but too large in magnitude for a double (1e400) */
  CONCERT_I_NUM_UNDERFLOW,  /* decimal and not zero, but too close to zero (1e-400) */
} concert_i_num;

/** Reads the whole of s as a decimal number (digits, sign, '.', exponent; no spaces, no hex)
 * into *out (set only on CONCERT_I_NUM_OK). O(length). */
concert_i_num concert_i_number(const char *s, double *out);

/** A short phrase for a problem, to follow the value as written in a message: "is not a
 * number", "is NaN or infinity, which are not allowed", "is too large to represent
 * (overflow)", "is too close to zero to represent (underflow; write 0 if zero is meant)". */
const char *concert_i_number_why(concert_i_num k);

/** x in the fewest significant digits (6 to 17) that read back as x, so a message shows
 * 100.0000001 rather than "100"; written into buf (32 bytes suffice), which is returned. */
const char *concert_i_number_text(double x, char *buf, size_t size);

#endif
