/* status/diag.h: internal helper to fill a concert_diag and return its status. */
#ifndef CONCERT_I_DIAG_H
#define CONCERT_I_DIAG_H
#include <concert/status.h>

/** Fills d (if not NULL) and returns st. file/path may be NULL. printf-style message. */
concert_status concert_i_fail(concert_diag *d, concert_status st, const char *file, int line,
                              int column, const char *path, const char *fmt, ...)
    __attribute__((format(printf, 7, 8)));

/** Shorthand for a failure with no location (library-level argument errors). */
#define CONCERT_FAIL(d, st, ...) concert_i_fail((d), (st), NULL, 0, 0, NULL, __VA_ARGS__)

#endif
