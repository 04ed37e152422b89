/* utf8.c: the UTF-8 validity check of utf8.h (overlong forms, surrogates and code points
 * beyond U+10FFFF are refused, as is NUL). */
#include "io/utf8.h"

size_t concert_i_utf8_error(const unsigned char *t, size_t n, int *line, int *col) {
  *line = 1, *col = 1;
  for (size_t i = 0; i < n;) {
    unsigned char b = t[i];
    size_t len = b < 0x80             ? 1
                 : (b & 0xE0) == 0xC0 ? 2
                 : (b & 0xF0) == 0xE0 ? 3
                 : (b & 0xF8) == 0xF0 ? 4
                                      : 0;
    if (b == 0 || len == 0 || i + len > n || (len == 2 && b < 0xC2) || (len == 4 && b > 0xF4))
      return i + 1;
    unsigned cp = len == 1 ? b : b & (0x7F >> len);
    for (size_t k = 1; k < len; k++) {
      if ((t[i + k] & 0xC0) != 0x80) return i + 1;
      cp = (cp << 6) | (t[i + k] & 0x3F);
    }
    if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
        (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
      return i + 1;
    if (b == '\n')
      (*line)++, *col = 1;
    else
      (*col)++;
    i += len;
  }
  return 0;
}
