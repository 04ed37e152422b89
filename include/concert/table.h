/* concert/table.h: actor tables read from CSV files in the KTAB or BDM layout.
 *
 * An actor table holds actors x dimensions: per actor an id, a description, a
 * capability, and per dimension a position (0..100) and a salience (0..1). Two layouts
 * are read (docs/actor-tables.md gives the exact rules and every limit):
 *  - KTAB: a title line "name,description,n_actors,n_dims", a header line
 *    "Actor,Description,Influence,<dim> Position,<dim> Salience,...", one row per actor;
 *    saliences on 0..100, at most 100 in total per actor (KTAB's own checks).
 *  - BDM: a header naming the columns Actor, Capability, Position, Salience (any
 *    capitalisation; synonyms such as Stakeholder, Resources), one row per actor, one
 *    dimension; saliences on 0..1 are kept, on 0..100 divided by 100.
 * A table can be viewed as a concert_problem (one issue per dimension) for the models. */
#ifndef CONCERT_TABLE_H
#define CONCERT_TABLE_H
#ifdef __cplusplus
extern "C" {
#endif
#include <stddef.h>
#include "export.h"
#include "model.h"
#include "status.h"

/** Largest file the loaders accept, in bytes (16 MiB). */
#define CONCERT_TABLE_MAX_BYTES ((size_t)16 * 1024 * 1024)
/** Largest number of actor rows in a BDM-layout file. */
#define CONCERT_TABLE_MAX_ROWS 100000
/** KTAB's limits on the number of actors (Model::minNumActor, maxNumActor). */
#define CONCERT_TABLE_KTAB_MIN_ACTORS 3
#define CONCERT_TABLE_KTAB_MAX_ACTORS 250
/** Largest number of dimensions in a KTAB-layout file. */
#define CONCERT_TABLE_MAX_DIMS 256
/** Longest actor id and longest description or name, in bytes. */
#define CONCERT_TABLE_MAX_ID 64
#define CONCERT_TABLE_MAX_TEXT 512
/** Capabilities must be below this (KTAB's sanity bound). */
#define CONCERT_TABLE_MAX_CAPABILITY 1e8

/** An actor table (opaque, owned by the caller; free with concert_table_free). */
typedef struct concert_table concert_table;

/** The layout a table was read from. */
typedef enum concert_table_format {
  CONCERT_TABLE_FORMAT_KTAB = 1, /* title line + header + rows, several dimensions */
  CONCERT_TABLE_FORMAT_BDM = 2,  /* header + rows, one dimension */
} concert_table_format;

/** Reads the CSV file at path (KTAB or BDM layout, detected from the first line).
 * On success *out is a new table the caller frees with concert_table_free; on failure
 * *out is NULL and diag (if not NULL) names the file, line, column and field.
 * Time and memory O(file size + rows log rows). */
CONCERT_API concert_status concert_table_load(const char *path, concert_table **out,
                                              concert_diag *diag);

/** Same as concert_table_load on len bytes of data (not necessarily NUL-terminated);
 * name is used in messages as the file name (may be NULL). */
CONCERT_API concert_status concert_table_load_buffer(const char *data, size_t len,
                                                     const char *name, concert_table **out,
                                                     concert_diag *diag);

/** Frees t; NULL is harmless. */
CONCERT_API void concert_table_free(concert_table *t);

/** The layout t was read from. O(1). */
CONCERT_API concert_table_format concert_table_format_of(const concert_table *t);
/** Scenario name from a KTAB title line; for BDM files the file name without directory
 * and extension. Never NULL; lives as long as t. O(1). */
CONCERT_API const char *concert_table_title(const concert_table *t);
/** Scenario description from a KTAB title line, "" for BDM files. Never NULL. O(1). */
CONCERT_API const char *concert_table_description(const concert_table *t);
/** Number of actors (rows). O(1). */
CONCERT_API size_t concert_table_actors(const concert_table *t);
/** Number of dimensions (1 for BDM files). O(1). */
CONCERT_API size_t concert_table_dimensions(const concert_table *t);
/** Name of dimension k (the position header without " Position"; "Position" for BDM
 * files). NULL if k is out of range. O(1). */
CONCERT_API const char *concert_table_dimension_name(const concert_table *t, size_t k);
/** Id of actor a (first column), NULL if out of range. O(1). */
CONCERT_API const char *concert_table_actor_id(const concert_table *t, size_t a);
/** Description of actor a ("" when the file has none), NULL if out of range. O(1). */
CONCERT_API const char *concert_table_actor_name(const concert_table *t, size_t a);
/** Capability of actor a (>= 0), NaN if out of range. O(1). */
CONCERT_API double concert_table_capability(const concert_table *t, size_t a);
/** Position of actor a on dimension k, in [0, 100]; NaN if out of range. O(1). */
CONCERT_API double concert_table_position(const concert_table *t, size_t a, size_t k);
/** Salience of actor a on dimension k, normalised to [0, 1]; NaN if out of range. O(1). */
CONCERT_API double concert_table_salience(const concert_table *t, size_t a, size_t k);
/** The salience scale found in the file: 100 (divided by 100) or 1 (kept). O(1). */
CONCERT_API double concert_table_salience_scale(const concert_table *t);

/** Fills *p with a view of t as a bargaining problem (one issue per dimension, no
 * reversion points: reversion[k] is NaN). The arrays are borrowed from t and live as long
 * as t; p needs no freeing. O(1). */
CONCERT_API void concert_table_problem(const concert_table *t, concert_problem *p);

#ifdef __cplusplus
}
#endif
#endif
