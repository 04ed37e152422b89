/* concert/status.h: status codes and diagnostics shared by every fallible function.
 *
 * One X-macro table gives the enum, the names and the messages. Codes are never
 * renumbered: new codes go at the end. */
#ifndef CONCERT_STATUS_H
#define CONCERT_STATUS_H
#ifdef __cplusplus
extern "C" {
#endif
#include <stddef.h>
#include "export.h"

#define CONCERT_STATUS_TABLE(X)                                                   \
  X(OK, 0, "success")                                                             \
  X(ERR_NOMEM, 1, "out of memory")                                                \
  X(ERR_IO, 2, "cannot read or write a file")                                     \
  X(ERR_SYNTAX, 3, "malformed input (syntax)")                                    \
  X(ERR_TYPE, 4, "a field has the wrong type")                                    \
  X(ERR_MISSING, 5, "a required field is missing")                                \
  X(ERR_UNKNOWN_FIELD, 6, "unknown field")                                        \
  X(ERR_UNKNOWN_ID, 7, "reference to an unknown id")                              \
  X(ERR_DUPLICATE_ID, 8, "duplicate id")                                          \
  X(ERR_RANGE, 9, "number out of range, NaN or infinite")                         \
  X(ERR_EMPTY, 10, "empty set where at least one element is needed")              \
  X(ERR_TOO_LARGE, 11, "input exceeds a documented limit")                        \
  X(ERR_INVALID, 12, "invalid value")                                             \
  X(ERR_UNSUPPORTED, 13, "not supported for this input")                          \
  X(ERR_NOT_FOUND, 14, "not found")                                               \
  X(ERR_NUMERIC, 15, "numerical failure")                                         \
  X(ERR_ARGUMENT, 16, "invalid argument to a library function")                  \
  X(ERR_CANCELLED, 17, "cancelled by the caller")

/** Status returned by every fallible function. CONCERT_OK is zero. */
typedef enum concert_status {
#define CONCERT_X_ENUM(name, code, msg) CONCERT_##name = code,
  CONCERT_STATUS_TABLE(CONCERT_X_ENUM)
#undef CONCERT_X_ENUM
} concert_status;

/** Where and why an input was refused. A small public value struct: the caller owns it
 * (usually on its stack) and passes its address to fallible functions; NULL is allowed
 * wherever a concert_diag * is taken. line and column are 1-based; 0 means unknown. */
typedef struct concert_diag {
  concert_status status; /* the status the function returned */
  char file[1024];       /* input file name, or "" (paths up to 1023 bytes kept whole) */
  int line;              /* 1-based line in file, 0 if unknown */
  int column;            /* 1-based column in file, 0 if unknown */
  char path[160];        /* field path inside the document, e.g. "forums[2].rule" */
  char message[512];     /* human-readable explanation */
} concert_diag;

/** The symbolic name of a status ("ERR_RANGE"). Never NULL. O(1). */
CONCERT_API const char *concert_status_name(concert_status status);
/** A short English message for a status. Never NULL. O(1). */
CONCERT_API const char *concert_status_message(concert_status status);
/** Clears a diagnostic (all fields empty, status OK). d may be NULL. */
CONCERT_API void concert_diag_clear(concert_diag *d);
/** Formats "file:line:column: path: message" into buf (always terminated). Returns buf. */
CONCERT_API char *concert_diag_format(const concert_diag *d, char *buf, size_t size);

#ifdef __cplusplus
}
#endif
#endif
