/* concert/scenario.h: a validated scenario: actors, issues, stances, forums.
 *
 * Loaded from YAML (docs/scenario-format.md) or from an actor table in the KTAB/BDM CSV
 * layout. Every loader error names the file, line, column and field path. */
#ifndef CONCERT_SCENARIO_H
#define CONCERT_SCENARIO_H
#ifdef __cplusplus
extern "C" {
#endif
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "export.h"
#include "params.h"
#include "status.h"

typedef struct concert_scenario concert_scenario;

/** Kinds of the rule for joint texts. */
typedef enum concert_rule_kind {
  CONCERT_RULE_UNANIMITY = 0,       /* every present member */
  CONCERT_RULE_CONSENSUS_MINUS = 1, /* all but at most k present members */
  CONCERT_RULE_QUOTA = 2,           /* capability share >= quota */
  CONCERT_RULE_DOUBLE_MAJORITY = 3  /* member share and capability share both reached */
} concert_rule_kind;

/** A forum's rule for joint texts (small public value). */
typedef struct concert_rule {
  concert_rule_kind kind; /* which rule */
  size_t k;               /* consensus minus k */
  double quota;           /* capability share for QUOTA and DOUBLE_MAJORITY, in (0, 1] */
  double member_share;    /* share of members for DOUBLE_MAJORITY, in (0, 1] */
} concert_rule;

/** Kinds of scheduled events. */
typedef enum concert_event_kind {
  CONCERT_EVENT_DEPART = 0,        /* a member leaves before a session */
  CONCERT_EVENT_SALIENCE_SHOCK = 1, /* a salience changes before a session */
  CONCERT_EVENT_DISPUTE = 2,        /* a bilateral dispute (old files; affects nothing) */
  CONCERT_EVENT_LEADER_LEAVES = 3,  /* the leader leaves before a session, delegation stays */
  CONCERT_EVENT_ABSENT = 4,         /* a member stays away from the whole summit */
  CONCERT_EVENT_LEADER_ABSENT = 5   /* the leader is away, the delegation present */
} concert_event_kind;

/** The calibrated numbers of a stance (concert_scenario_stance_range). */
typedef enum concert_stance_field {
  CONCERT_FIELD_POSITION = 0,  /* ideal text, 0..100 */
  CONCERT_FIELD_SALIENCE = 1,  /* how much the issue matters, 0..1 */
  CONCERT_FIELD_TOLERANCE = 2, /* extra distance accepted, 0..100 (NaN: the protocol's) */
  CONCERT_FIELD_RED_LINE = 3   /* the red line, 0..100 (NaN: none) */
} concert_stance_field;

/** A calibrated number with its judgment range (docs/scenario-format.md, "Calibrated numbers"). A
 * small public value struct; the caller owns it. A point value has low == high == value; a number
 * that is not set (no red line, the default tolerance) has NaN in all three. */
typedef struct concert_range {
  double value;  /* the number the engine uses */
  double low;    /* low end of the range, <= value */
  double high;   /* high end of the range, >= value */
  bool judgment; /* its source (own or inherited) begins with "judgment" (any case) */
} concert_range;

/** Limits the loaders enforce (ERR_TOO_LARGE beyond them). */
#define CONCERT_MAX_ACTORS 10000
#define CONCERT_MAX_ISSUES 1000
#define CONCERT_MAX_FORUMS 100
#define CONCERT_MAX_SESSIONS 100
#define CONCERT_MAX_FILE_BYTES (64u * 1024u * 1024u)

/** Loads and validates a YAML scenario file. On success *out is owned by the caller (free
 * with concert_scenario_free). On failure *out is NULL and diag says where and why; a file
 * with fields not yet coded (TO FILL, see concert_scenario_unfilled_file) fails with
 * CONCERT_ERR_MISSING at the first of them in file order.
 * O(size of the file + A log A + actors x issues). */
CONCERT_API concert_status concert_scenario_load_file(const char *path, concert_scenario **out,
                                                      concert_diag *diag);
/** As concert_scenario_load_file, from a buffer; name is used in messages. */
CONCERT_API concert_status concert_scenario_load_string(const char *text, size_t len,
                                                        const char *name,
                                                        concert_scenario **out,
                                                        concert_diag *diag);
/** Loads a file by its extension: .csv as an actor table, anything else as YAML. For actor
 * tables every issue gets reversion point `reversion` (NaN: none). */
CONCERT_API concert_status concert_scenario_load(const char *path, double reversion,
                                                 concert_scenario **out, concert_diag *diag);
/** Frees s; NULL is harmless. */
CONCERT_API void concert_scenario_free(concert_scenario *s);

/** Lists the fields of a scenario file that are not yet coded: a value written `TO FILL`
 * (any file), or a source containing `TO FILL` (codebook files, top-level `codebook: 1`).
 * The file is read by the same loader as concert_scenario_load_file, which stops at the
 * first such field; this one goes on past them to the end of the file.
 * On return *fields is an array of *n diags in file order (file, line, column, field path,
 * message), owned by the caller, who frees it with concert_free() (or free()); NULL when *n
 * is 0. The file
 * loads exactly when this returns CONCERT_OK and *n is 0. Returns CONCERT_OK when nothing
 * but the listed fields is wrong, else the loader error that stopped the reading (diag gets
 * it; the fields met before it are still listed).
 * O(as concert_scenario_load_file + n log n for n fields listed). */
CONCERT_API concert_status concert_scenario_unfilled_file(const char *path, concert_diag **fields,
                                                          size_t *n, concert_diag *diag);

/** The codebook version of a strictly coded file (its top-level `codebook:`), or 0 when the
 * file has none (or s is NULL). O(1). */
CONCERT_API int concert_scenario_codebook(const concert_scenario *s);

/** Number of warnings the loader raised: inputs that are accepted but dubious (a departing
 * chair who stays chair, an event naming a member after its departure). s may be NULL (0).
 * O(1). */
CONCERT_API size_t concert_scenario_warning_count(const concert_scenario *s);
/** Warning i (file, line, column, field path, message), borrowed from s; NULL when i is out
 * of range. O(1). */
CONCERT_API const concert_diag *concert_scenario_warning(const concert_scenario *s, size_t i);

CONCERT_API const char *concert_scenario_name(const concert_scenario *s);
CONCERT_API const char *concert_scenario_file(const concert_scenario *s);
/** A 64-bit FNV-1a hash of the bytes s was loaded from (an actor table's: the file's bytes,
 * then the reversion's 8 bytes), so a sweep's database can tell that a scenario changed.
 * O(1). */
CONCERT_API uint64_t concert_scenario_hash(const concert_scenario *s);
/** The scenario's model name and parameters (borrowed). */
CONCERT_API const char *concert_scenario_model(const concert_scenario *s);
CONCERT_API const concert_params *concert_scenario_model_params(const concert_scenario *s);
/** The summit protocol parameters given by the file (borrowed). */
CONCERT_API const concert_params *concert_scenario_protocol(const concert_scenario *s);

CONCERT_API size_t concert_scenario_actor_count(const concert_scenario *s);
CONCERT_API const char *concert_scenario_actor_id(const concert_scenario *s, size_t a);
CONCERT_API const char *concert_scenario_actor_name(const concert_scenario *s, size_t a);
CONCERT_API double concert_scenario_actor_capability(const concert_scenario *s, size_t a);
/** Actor a's capability with its range into *r. Returns false (and leaves *r untouched)
 * when s or r is NULL or a is out of range. O(1). */
CONCERT_API bool concert_scenario_actor_capability_range(const concert_scenario *s, size_t a,
                                                         concert_range *r);
/** Actor index by id; returns false when unknown. O(A). */
CONCERT_API bool concert_scenario_actor_find(const concert_scenario *s, const char *id,
                                             size_t *a);

CONCERT_API size_t concert_scenario_issue_count(const concert_scenario *s);
CONCERT_API const char *concert_scenario_issue_id(const concert_scenario *s, size_t k);
CONCERT_API const char *concert_scenario_issue_title(const concert_scenario *s, size_t k);
CONCERT_API double concert_scenario_issue_reversion(const concert_scenario *s, size_t k);
CONCERT_API const char *concert_scenario_issue_category(const concert_scenario *s, size_t k);
/** Issue k's reversion point with its range into *r (NaN everywhere for an actor table
 * loaded without a reversion point). Returns false (and leaves *r untouched) when s or r is
 * NULL or k is out of range. O(1). */
CONCERT_API bool concert_scenario_issue_reversion_range(const concert_scenario *s, size_t k,
                                                        concert_range *r);
/** True when issue k carries the role tag ("core-security", "trade", "membership"). */
CONCERT_API bool concert_scenario_issue_has_tag(const concert_scenario *s, size_t k,
                                                const char *tag);
/** Actor a's stance on issue k; false when it holds none. Any out pointer may be NULL. */
CONCERT_API bool concert_scenario_stance(const concert_scenario *s, size_t a, size_t k,
                                         double *position, double *salience);
/** One number of actor a's stance on issue k, with its range, into *r. A tolerance or red
 * line the file does not give comes back with NaN value, low and high (and true). Returns
 * false (and leaves *r untouched) when s or r is NULL, a or k is out of range, the actor
 * holds no stance on k, or field is not a concert_stance_field. O(1). */
CONCERT_API bool concert_scenario_stance_range(const concert_scenario *s, size_t a, size_t k,
                                               concert_stance_field field, concert_range *r);

CONCERT_API size_t concert_scenario_forum_count(const concert_scenario *s);
CONCERT_API const char *concert_scenario_forum_id(const concert_scenario *s, size_t f);
/** Forum index by id; false when unknown. */
CONCERT_API bool concert_scenario_forum_find(const concert_scenario *s, const char *id,
                                             size_t *f);
CONCERT_API size_t concert_scenario_forum_member_count(const concert_scenario *s, size_t f);
CONCERT_API size_t concert_scenario_forum_member(const concert_scenario *s, size_t f, size_t i);
CONCERT_API concert_rule concert_scenario_forum_rule(const concert_scenario *s, size_t f);

/* ---- what a reader of the scenario sees: scale anchors, partners, sources -------------- */
/** The words of issue k's scale at point 0, 25, 50, 75 or 100 ("" when the file gives none,
 * NULL when s is NULL, k is out of range or point is not one of the five). Borrowed from s.
 * O(1). */
CONCERT_API const char *concert_scenario_issue_anchor(const concert_scenario *s, size_t k,
                                                      int point);
/** The source text of issue k's reversion point ("" when none; NULL out of range). O(1). */
CONCERT_API const char *concert_scenario_issue_source(const concert_scenario *s, size_t k);
/** The source text of actor a's capability ("" when none; NULL out of range). O(1). */
CONCERT_API const char *concert_scenario_actor_source(const concert_scenario *s, size_t a);
/** The source text of actor a's stance on issue k, as stored: the stance's own or the
 * actor's (a field's own source is not kept); "" when none, NULL when a or k is out of range
 * or a holds no stance on k. O(1). */
CONCERT_API const char *concert_scenario_stance_source(const concert_scenario *s, size_t a,
                                                       size_t k);
/** Number of invited partners of forum f (0 when f is out of range). O(1). */
CONCERT_API size_t concert_scenario_forum_invited_count(const concert_scenario *s, size_t f);
/** Actor index of forum f's i-th invited partner (SIZE_MAX when out of range). O(1). */
CONCERT_API size_t concert_scenario_forum_invited(const concert_scenario *s, size_t f, size_t i);
/** Number of scheduled events of forum f (0 when f is out of range). O(1). */
CONCERT_API size_t concert_scenario_forum_event_count(const concert_scenario *s, size_t f);
/** The source text of forum f's i-th event ("" when none; NULL out of range). O(1). */
CONCERT_API const char *concert_scenario_forum_event_source(const concert_scenario *s, size_t f,
                                                            size_t i);

#ifdef __cplusplus
}
#endif
#endif
