/* io/read_file.h: the one way the library opens an input file: "-" means standard input,
 * and anything but a regular file (a directory, FIFO, device, socket) is refused at once. */
#ifndef CONCERT_I_READ_FILE_H
#define CONCERT_I_READ_FILE_H
#include <concert/status.h>
#include <stddef.h>
#include <stdio.h>

/** Opens path for reading into *f: "-" gives stdin; a path that is not a regular file is
 * refused with CONCERT_ERR_IO naming what it is (a FIFO without waiting for a writer).
 * Close with concert_i_close_input. O(1). */
concert_status concert_i_open_input(const char *path, FILE **f, concert_diag *d);
/** Closes an input opened by concert_i_open_input (stdin is left open). */
void concert_i_close_input(FILE *f);

/** Reads the input at path (concert_i_open_input: "-" is standard input) into *buf
 * (NUL-terminated, caller frees with free()) and its length into *len. Refuses an input of
 * more than max_bytes with CONCERT_ERR_TOO_LARGE and the message too_large; the other errors
 * name the file (cannot open, not a regular file, read error, out of memory). O(size). */
concert_status concert_i_read_file(const char *path, size_t max_bytes, const char *too_large,
                                   char **buf, size_t *len, concert_diag *d);

#endif
