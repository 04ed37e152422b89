/* read_file.c: a whole file into memory, doubling the buffer up to a limit. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/read_file.h"
#include "status/diag.h"

concert_status concert_i_read_file(const char *path, size_t max_bytes, const char *too_large,
                                   char **out, size_t *out_len, concert_diag *d) {
  *out = NULL;
  *out_len = 0;
  FILE *f = fopen(path, "rb");
  if (!f) return concert_i_fail(d, CONCERT_ERR_IO, path, 0, 0, NULL, "cannot open: %s", strerror(errno));
  size_t cap = 1 << 16, len = 0;
  char *buf = malloc(cap + 1);
  concert_status st = CONCERT_OK;
  while (buf) {
    if (len == cap) {
      if (cap > max_bytes) {
        st = concert_i_fail(d, CONCERT_ERR_TOO_LARGE, path, 0, 0, NULL, "%s", too_large);
        break;
      }
      char *b = realloc(buf, 2 * cap + 1);
      if (!b) {
        free(buf);
        buf = NULL;
        break;
      }
      buf = b;
      cap *= 2;
    }
    size_t got = fread(buf + len, 1, cap - len, f);
    len += got;
    if (got == 0) {
      if (ferror(f)) st = concert_i_fail(d, CONCERT_ERR_IO, path, 0, 0, NULL, "read error: %s", strerror(errno));
      break;
    }
  }
  fclose(f);
  if (!buf) return CONCERT_FAIL(d, CONCERT_ERR_NOMEM, "out of memory reading %s", path);
  if (st) {
    free(buf);
    return st;
  }
  buf[len] = '\0';
  *out = buf;
  *out_len = len;
  return CONCERT_OK;
}
