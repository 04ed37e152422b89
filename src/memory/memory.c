/* memory.c: concert_free, the one release function for strings and buffers the library
 * hands to its caller (allocated with this library's malloc). */
#include <concert/memory.h>

#include <stdlib.h>

void concert_free(void *p) { free(p); }
