/* io/read_file.h: reads a whole file into memory under a size limit. */
#ifndef CONCERT_I_READ_FILE_H
#define CONCERT_I_READ_FILE_H
#include <concert/status.h>
#include <stddef.h>

/** Reads the file at path into *buf (NUL-terminated, caller frees with free()) and its
 * length into *len. Refuses files larger than about max_bytes with CONCERT_ERR_TOO_LARGE
 * and the message too_large; the other errors name the file (cannot open, read error, out
 * of memory). O(size). */
concert_status concert_i_read_file(const char *path, size_t max_bytes, const char *too_large,
                                   char **buf, size_t *len, concert_diag *d);

#endif
