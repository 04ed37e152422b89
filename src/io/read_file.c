/* read_file.c: the one way the library opens an input (io/read_file.h): "-" is standard
 * input; a directory, FIFO, device or socket is refused at once (a FIFO would block the
 * open, a device could never end); a whole file is read under a size limit. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "io/read_file.h"
#include "status/diag.h"

/* Why a file of mode m cannot be read as data, or NULL for a regular file. */
static const char *not_regular(mode_t m) {
  if (S_ISREG(m)) return NULL;
  if (S_ISDIR(m)) return "is a directory, not a file";
  if (S_ISFIFO(m)) return "is a FIFO (named pipe), not a regular file; give '-' to read standard input";
  if (S_ISCHR(m) || S_ISBLK(m)) return "is a device, not a regular file";
  return "is not a regular file";
}

concert_status concert_i_open_input(const char *path, FILE **out, concert_diag *d) {
  *out = NULL;
  if (strcmp(path, "-") == 0) {
    *out = stdin;
    return CONCERT_OK;
  }
  /* O_NONBLOCK: opening a FIFO for reading must not wait for a writer; it is refused below */
  int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return concert_i_fail(d, CONCERT_ERR_IO, path, 0, 0, NULL, "cannot open: %s", strerror(errno));
  struct stat sb;
  if (fstat(fd, &sb) != 0) {
    int e = errno;
    close(fd);
    return concert_i_fail(d, CONCERT_ERR_IO, path, 0, 0, NULL, "cannot open: %s", strerror(e));
  }
  const char *why = not_regular(sb.st_mode);
  if (why) {
    close(fd);
    return concert_i_fail(d, CONCERT_ERR_IO, path, 0, 0, NULL, "%s", why);
  }
  int fl = fcntl(fd, F_GETFL);
  if (fl >= 0) fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
  FILE *f = fdopen(fd, "rb");
  if (!f) {
    close(fd);
    return concert_i_fail(d, CONCERT_ERR_NOMEM, path, 0, 0, NULL, "out of memory");
  }
  *out = f;
  return CONCERT_OK;
}

void concert_i_close_input(FILE *f) {
  if (f && f != stdin) fclose(f);
}

concert_status concert_i_read_file(const char *path, size_t max_bytes, const char *too_large,
                                   char **out, size_t *out_len, concert_diag *d) {
  *out = NULL;
  *out_len = 0;
  const char *name = strcmp(path, "-") == 0 ? "<stdin>" : path;
  FILE *f;
  concert_status st = concert_i_open_input(path, &f, d);
  if (st) return st;
  size_t cap = 1 << 16, len = 0;
  char *buf = malloc(cap + 1);
  while (buf) {
    if (len > max_bytes) {
      st = concert_i_fail(d, CONCERT_ERR_TOO_LARGE, name, 0, 0, NULL, "%s", too_large);
      break;
    }
    if (len == cap) {
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
      if (ferror(f)) st = concert_i_fail(d, CONCERT_ERR_IO, name, 0, 0, NULL, "read error: %s", strerror(errno));
      else if (len > max_bytes) st = concert_i_fail(d, CONCERT_ERR_TOO_LARGE, name, 0, 0, NULL, "%s", too_large);
      break;
    }
  }
  concert_i_close_input(f);
  if (!buf) return CONCERT_FAIL(d, CONCERT_ERR_NOMEM, "out of memory reading %s", name);
  if (st) {
    free(buf);
    return st;
  }
  buf[len] = '\0';
  *out = buf;
  *out_len = len;
  return CONCERT_OK;
}
