/* io/utf8.h: checks that a text is valid UTF-8 without NUL bytes, before a parser sees it. */
#ifndef CONCERT_I_UTF8_H
#define CONCERT_I_UTF8_H
#include <stddef.h>

/** Returns 0 when the n bytes at t are valid UTF-8 with no NUL byte, else the 1-based offset
 * of the first bad byte with its 1-based line and column in *line and *col. libfyaml 0.7.12
 * loops forever on some invalid bytes (e.g. "%\xff"), so YAML readers call this first.
 * Used by the YAML readers (io/yaml_read.c) and for every CSV/TSV cell (csv/csv_reader.c).
 * O(n). */
size_t concert_i_utf8_error(const unsigned char *t, size_t n, int *line, int *col);

#endif
