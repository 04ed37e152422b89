/* status.c: names and messages of status codes, and diagnostic helpers. */
#include "status/diag.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

const char *concert_status_name(concert_status status) {
  switch (status) {
#define CONCERT_X_NAME(name, code, msg) \
  case CONCERT_##name:                  \
    return #name;
    CONCERT_STATUS_TABLE(CONCERT_X_NAME)
#undef CONCERT_X_NAME
  }
  return "UNKNOWN_STATUS";
}

const char *concert_status_message(concert_status status) {
  switch (status) {
#define CONCERT_X_MSG(name, code, msg) \
  case CONCERT_##name:                 \
    return msg;
    CONCERT_STATUS_TABLE(CONCERT_X_MSG)
#undef CONCERT_X_MSG
  }
  return "unknown status";
}

void concert_diag_clear(concert_diag *d) {
  if (d) memset(d, 0, sizeof *d);
}

char *concert_diag_format(const concert_diag *d, char *buf, size_t size) {
  if (!buf || size == 0) return buf;
  buf[0] = '\0';
  if (!d) return buf;
  size_t n = 0;
#define CONCERT_APPEND(...)                                              \
  do {                                                                   \
    int k = snprintf(buf + n, size - n, __VA_ARGS__);                    \
    if (k > 0) n = (size_t)k >= size - n ? size - 1 : n + (size_t)k;     \
  } while (0)
  if (d->file[0]) {
    CONCERT_APPEND("%s:", d->file);
    if (d->line > 0) CONCERT_APPEND("%d:", d->line);
    if (d->column > 0) CONCERT_APPEND("%d:", d->column);
    CONCERT_APPEND(" ");
  }
  if (d->path[0]) CONCERT_APPEND("%s: ", d->path);
  CONCERT_APPEND("%s", d->message[0] ? d->message : concert_status_message(d->status));
#undef CONCERT_APPEND
  return buf;
}

/* Drops the bytes of s that do not form whole UTF-8 characters: a value cut short for a
 * message ("%.20s") or a message cut at the buffer's end must not end in half a character,
 * so that every message is valid UTF-8 (and JSON-safe). O(length). */
static void whole_characters(char *s) {
  size_t n = strlen(s), out = 0;
  for (size_t i = 0; i < n;) {
    unsigned char b = (unsigned char)s[i];
    size_t len = b < 0x80 ? 1 : (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : (b & 0xF8) == 0xF0 ? 4 : 0;
    bool ok = len > 0 && i + len <= n;
    for (size_t k = 1; ok && k < len; k++) ok = ((unsigned char)s[i + k] & 0xC0) == 0x80;
    if (!ok) {
      i++;
      continue;
    }
    memmove(s + out, s + i, len);
    out += len, i += len;
  }
  s[out] = '\0';
}

concert_status concert_i_fail(concert_diag *d, concert_status st, const char *file, int line,
                              int column, const char *path, const char *fmt, ...) {
  if (!d) return st;
  d->status = st;
  snprintf(d->file, sizeof d->file, "%s", file ? file : "");
  d->line = line;
  d->column = column;
  snprintf(d->path, sizeof d->path, "%s", path ? path : "");
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(d->message, sizeof d->message, fmt, ap);
  va_end(ap);
  whole_characters(d->message);
  whole_characters(d->path);
  return st;
}
