/* io/yaml_read.h: the one YAML reader of concert. io/yaml_tree.c reads a file's text from
 * libfyaml's event stream into a compact tree of our own (concert_i_ydoc: nodes in one
 * array, scalars copied once into one string buffer, line and column per node), so memory
 * stays a small multiple of the file's size; io/yaml_read.c holds the helpers every reader
 * (scenarios, derive specs) walks that tree with: a reading context with the file name, the
 * diagnostic and the current field path; node positions; errors naming file, line, column
 * and field; mapping lookups and key checks. */
#ifndef CONCERT_I_YAML_READ_H
#define CONCERT_I_YAML_READ_H
#include <concert/status.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* What a node is. */
typedef enum concert_i_ykind {
  CONCERT_I_Y_SCALAR = 1, /* a text */
  CONCERT_I_Y_SEQ,        /* a sequence: n items */
  CONCERT_I_Y_MAP,        /* a mapping: n / 2 pairs, keys and values alternating */
  CONCERT_I_Y_ALIAS       /* an alias (*name): refused by concert_i_yaml_parse; text is the name */
} concert_i_ykind;

/* How a scalar was written. */
typedef enum concert_i_ystyle {
  CONCERT_I_Y_PLAIN = 0, /* plain (also an empty value: `key:`) */
  CONCERT_I_Y_SINGLE,    /* 'single-quoted' */
  CONCERT_I_Y_DOUBLE,    /* "double-quoted" */
  CONCERT_I_Y_LITERAL,   /* | block */
  CONCERT_I_Y_FOLDED     /* > block */
} concert_i_ystyle;

/* One node, 24 bytes. A collection's children lie next to each other in the document's
 * node array, so a node alone is enough to walk down from it. */
typedef struct concert_i_ynode {
  unsigned char kind;  /* concert_i_ykind */
  unsigned char style; /* concert_i_ystyle, for scalars */
  uint32_t line, col;  /* 1-based start (0, 0 for an empty value, as libfyaml gives none) */
  uint32_t n;          /* scalar: bytes of text; sequence: items; mapping: 2 x pairs */
  union {
    const char *text;                   /* scalar, alias: n bytes, NUL-terminated */
    const struct concert_i_ynode *kids; /* sequence, mapping: the n children */
    uintptr_t off; /* while io/yaml_tree.c builds: offset of the text or the first child */
  } u;
} concert_i_ynode;

/* A parsed document: owns its nodes and text. */
typedef struct concert_i_ydoc concert_i_ydoc;

/* Where a reader is: the file (for messages), where errors go, the field path. */
typedef struct concert_i_yaml {
  const char *file; /* name used in messages */
  concert_diag *d;  /* where errors go (may be NULL) */
  char path[160];   /* current field path, e.g. ".forums[1].rule" */
  size_t plen;      /* its length */
} concert_i_yaml;

/** Parses text (len bytes) as exactly one YAML document, quietly, reading libfyaml's events
 * one at a time into a tree of our own: refuses invalid UTF-8 and NUL bytes first (libfyaml
 * loops forever on some), then reports the first parse error at its line and column (an
 * error found at the end of the input points at the end of the last line), a duplicate key
 * (at the second one), collections nested 64 deep (at the 64th), an empty file (ERR_EMPTY), a
 * second document or text after the end marker '...' (ERR_SYNTAX at its start), and aliases or
 * merge keys anywhere (ERR_UNSUPPORTED: files are read as written). A byte order mark is skipped.
 * On success *doc is owned by the caller (concert_i_ydoc_free); on failure it is NULL. O(len) time;
 * memory about 24 bytes a node plus the scalars' text. */
concert_status concert_i_yaml_parse(const char *text, size_t len, const char *file,
                                    concert_i_ydoc **doc, concert_diag *d);
/** The document's root node (never NULL for a parsed document). */
const concert_i_ynode *concert_i_ydoc_root(const concert_i_ydoc *doc);
/** Frees a document (NULL is harmless); its nodes and texts die with it. */
void concert_i_ydoc_free(concert_i_ydoc *doc);

/** The 1-based line and column of node n (of its first scalar for a collection); 0, 0 when
 * unknown. O(depth). */
void concert_i_yaml_pos(const concert_i_ynode *n, int *line, int *col);
/** Appends a printf-formatted step to the path; returns the mark to pop back to. A path
 * that would overflow is cut, never overrun. */
size_t concert_i_yaml_push(concert_i_yaml *y, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/** Cuts the path back to mark. */
void concert_i_yaml_pop(concert_i_yaml *y, size_t mark);
/** Records error st at node n with the current path (without its leading dot) in y->d and
 * returns st. */
concert_status concert_i_yaml_fail(concert_i_yaml *y, const concert_i_ynode *n, concert_status st,
                                   const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/** True when n is a mapping, a sequence, a scalar (NULL is none of them). */
bool concert_i_yaml_is_map(const concert_i_ynode *n);
bool concert_i_yaml_is_seq(const concert_i_ynode *n);
bool concert_i_yaml_is_scalar(const concert_i_ynode *n);
/** The value of key in mapping map (the first such pair), or NULL. O(pairs). */
const concert_i_ynode *concert_i_yaml_get(const concert_i_ynode *map, const char *key);
/** The text of a scalar node, or NULL for anything else. */
const char *concert_i_yaml_scalar(const concert_i_ynode *n);
/** The number of items of a sequence or of pairs of a mapping; -1 for anything else. */
int concert_i_yaml_count(const concert_i_ynode *n);
/** Item i of a sequence, or NULL (out of range, not a sequence). */
const concert_i_ynode *concert_i_yaml_item(const concert_i_ynode *seq, int i);
/** Iterates a sequence: the item at *it, advancing it (start at 0); NULL at the end or for
 * anything but a sequence. */
const concert_i_ynode *concert_i_yaml_next(const concert_i_ynode *seq, size_t *it);
/** Iterates a mapping: the pair at *it into *key and *value, advancing it (start at 0);
 * false at the end or for anything but a mapping. */
bool concert_i_yaml_pair(const concert_i_ynode *map, size_t *it, const concert_i_ynode **key,
                         const concert_i_ynode **value);
/** Refuses a key of map that is not in the NULL-terminated list allowed (ERR_UNKNOWN_FIELD
 * at the key, its path ending in the key, naming the keys allowed). O(keys x allowed). */
concert_status concert_i_yaml_only_keys(concert_i_yaml *y, const concert_i_ynode *map,
                                        const char *const *allowed);
/** An identifier: a scalar of 1 to 31 characters from [A-Za-z0-9_.-] (ERR_TYPE, ERR_INVALID
 * otherwise, `what` naming it). *out borrows the node's text. O(length). */
concert_status concert_i_yaml_id(concert_i_yaml *y, const concert_i_ynode *n, const char *what,
                                 const char **out);
/** ERR_TYPE unless n is a mapping (map true) or a sequence (map false); `what` names it. */
concert_status concert_i_yaml_need(concert_i_yaml *y, const concert_i_ynode *n, bool map,
                                   const char *what);

#endif
