/* io/yaml_read.h: the one set of helpers the YAML readers (scenarios, derive specs) share:
 * a reading context with the file name, the diagnostic and the current field path; node
 * positions; errors naming file, line, column and field; mapping lookups and key checks. */
#ifndef CONCERT_I_YAML_READ_H
#define CONCERT_I_YAML_READ_H
#include <concert/status.h>
#include <libfyaml.h>
#include <stdbool.h>
#include <stddef.h>

/* Where a reader is: the file (for messages), where errors go, the field path. */
typedef struct concert_i_yaml {
  const char *file; /* name used in messages */
  concert_diag *d;  /* where errors go (may be NULL) */
  char path[160];   /* current field path, e.g. ".forums[1].rule" */
  size_t plen;      /* its length */
} concert_i_yaml;

/** Parses text (len bytes) as exactly one YAML document, quietly: refuses invalid UTF-8 and
 * NUL bytes first (libfyaml loops forever on some), then reports the first parse error at its
 * line and column (an error found at the end of the input points at the end of the last
 * line), an empty file (ERR_EMPTY), a second document or text after the end marker '...'
 * (ERR_SYNTAX at its start), and aliases or merge keys anywhere (ERR_UNSUPPORTED: files are
 * read as written). A byte order mark is skipped. On success *doc and *diag are owned by the
 * caller (fy_document_destroy, then fy_diag_destroy); on failure both are NULL. O(len). */
concert_status concert_i_yaml_parse(const char *text, size_t len, const char *file,
                                    struct fy_document **doc, struct fy_diag **diag,
                                    concert_diag *d);
/** The 1-based line and column of node n (of its first scalar for a collection); 0, 0 when
 * unknown. O(depth). */
void concert_i_yaml_pos(struct fy_node *n, int *line, int *col);
/** Appends a printf-formatted step to the path; returns the mark to pop back to. A path
 * that would overflow is cut, never overrun. */
size_t concert_i_yaml_push(concert_i_yaml *y, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/** Cuts the path back to mark. */
void concert_i_yaml_pop(concert_i_yaml *y, size_t mark);
/** Records error st at node n with the current path (without its leading dot) in y->d and
 * returns st. */
concert_status concert_i_yaml_fail(concert_i_yaml *y, struct fy_node *n, concert_status st,
                                   const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/** The value of key in mapping map, or NULL. */
struct fy_node *concert_i_yaml_get(struct fy_node *map, const char *key);
/** The text of a scalar node, or NULL for anything else. */
const char *concert_i_yaml_scalar(struct fy_node *n);
/** Refuses a key of map that is not in the NULL-terminated list allowed (ERR_UNKNOWN_FIELD
 * at the key, its path ending in the key, naming the keys allowed). O(keys x allowed). */
concert_status concert_i_yaml_only_keys(concert_i_yaml *y, struct fy_node *map,
                                        const char *const *allowed);
/** An identifier: a scalar of 1 to 31 characters from [A-Za-z0-9_.-] (ERR_TYPE, ERR_INVALID
 * otherwise, `what` naming it). *out borrows the node's text. O(length). */
concert_status concert_i_yaml_id(concert_i_yaml *y, struct fy_node *n, const char *what,
                                 const char **out);
/** ERR_TYPE unless n is a mapping (map true) or a sequence (map false); `what` names it. */
concert_status concert_i_yaml_need(concert_i_yaml *y, struct fy_node *n, bool map,
                                   const char *what);

#endif
