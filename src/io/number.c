/* io/number.c: the shared number reading of number.h. */
#include "io/number.h"

#include <errno.h>
#include <stdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

concert_i_num concert_i_number(const char *s, double *out) {
  if (!s || !*s) return CONCERT_I_NUM_SYNTAX;
  const char *t = s + (s[0] == '+' || s[0] == '-');
  if (*t == '.') t++; /* YAML's .nan and .inf */
  if (strcasecmp(t, "nan") == 0 || strcasecmp(t, "inf") == 0 || strcasecmp(t, "infinity") == 0)
    return CONCERT_I_NUM_NONFINITE;
  if (strspn(s, "0123456789+-.eE") != strlen(s)) return CONCERT_I_NUM_SYNTAX;
  errno = 0;
  char *end = NULL;
  double x = strtod(s, &end);
  if (end == s || *end != '\0') return CONCERT_I_NUM_SYNTAX;
  if (errno == ERANGE || !isfinite(x)) {
    if (isinf(x)) return CONCERT_I_NUM_OVERFLOW;
    return CONCERT_I_NUM_UNDERFLOW; /* zero or subnormal: digits were lost */
  }
  *out = x;
  return CONCERT_I_NUM_OK;
}

const char *concert_i_number_why(concert_i_num k) {
  switch (k) {
  case CONCERT_I_NUM_OK: return "is a number";
  case CONCERT_I_NUM_SYNTAX: return "is not a number";
  case CONCERT_I_NUM_NONFINITE: return "is NaN or infinity, which are not allowed";
  case CONCERT_I_NUM_OVERFLOW: return "is too large to represent (overflow)";
  case CONCERT_I_NUM_UNDERFLOW:
    return "is too close to zero to represent (underflow; write 0 if zero is meant)";
  }
  return "is not a number";
}

const char *concert_i_number_text(double x, char *buf, size_t size) {
  for (int digits = 6; digits <= 17; digits++) {
    snprintf(buf, size, "%.*g", digits, x);
    if (strtod(buf, NULL) == x) break;
  }
  return buf;
}
