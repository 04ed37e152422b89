/* concert/scenario.h: a validated scenario: actors, issues, stances, forums.
 *
 * Loaded from YAML (docs/scenario-format.md) or from an actor table in the KTAB/BDM CSV
 * layout. Every loader error names the file, line, column and field path. */
#ifndef CONCERT_SCENARIO_H
#define CONCERT_SCENARIO_H
#include <stdbool.h>
#include <stddef.h>
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

/** Limits the loaders enforce (ERR_TOO_LARGE beyond them). */
#define CONCERT_MAX_ACTORS 10000
#define CONCERT_MAX_ISSUES 1000
#define CONCERT_MAX_FORUMS 100
#define CONCERT_MAX_SESSIONS 100
#define CONCERT_MAX_FILE_BYTES (64u * 1024u * 1024u)

/** Loads and validates a YAML scenario file. On success *out is owned by the caller (free
 * with concert_scenario_free). On failure *out is NULL and diag says where and why.
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

CONCERT_API const char *concert_scenario_name(const concert_scenario *s);
CONCERT_API const char *concert_scenario_file(const concert_scenario *s);
/** The scenario's model name and parameters (borrowed). */
CONCERT_API const char *concert_scenario_model(const concert_scenario *s);
CONCERT_API const concert_params *concert_scenario_model_params(const concert_scenario *s);
/** The summit protocol parameters given by the file (borrowed). */
CONCERT_API const concert_params *concert_scenario_protocol(const concert_scenario *s);

CONCERT_API size_t concert_scenario_actor_count(const concert_scenario *s);
CONCERT_API const char *concert_scenario_actor_id(const concert_scenario *s, size_t a);
CONCERT_API const char *concert_scenario_actor_name(const concert_scenario *s, size_t a);
CONCERT_API double concert_scenario_actor_capability(const concert_scenario *s, size_t a);
/** Actor index by id; returns false when unknown. O(A). */
CONCERT_API bool concert_scenario_actor_find(const concert_scenario *s, const char *id,
                                             size_t *a);

CONCERT_API size_t concert_scenario_issue_count(const concert_scenario *s);
CONCERT_API const char *concert_scenario_issue_id(const concert_scenario *s, size_t k);
CONCERT_API const char *concert_scenario_issue_title(const concert_scenario *s, size_t k);
CONCERT_API double concert_scenario_issue_reversion(const concert_scenario *s, size_t k);
CONCERT_API const char *concert_scenario_issue_category(const concert_scenario *s, size_t k);
/** True when issue k carries the role tag ("core-security", "trade", "membership"). */
CONCERT_API bool concert_scenario_issue_has_tag(const concert_scenario *s, size_t k,
                                                const char *tag);
/** Actor a's stance on issue k; false when it holds none. Any out pointer may be NULL. */
CONCERT_API bool concert_scenario_stance(const concert_scenario *s, size_t a, size_t k,
                                         double *position, double *salience);

CONCERT_API size_t concert_scenario_forum_count(const concert_scenario *s);
CONCERT_API const char *concert_scenario_forum_id(const concert_scenario *s, size_t f);
/** Forum index by id; false when unknown. */
CONCERT_API bool concert_scenario_forum_find(const concert_scenario *s, const char *id,
                                             size_t *f);
CONCERT_API size_t concert_scenario_forum_member_count(const concert_scenario *s, size_t f);
CONCERT_API size_t concert_scenario_forum_member(const concert_scenario *s, size_t f, size_t i);
CONCERT_API concert_rule concert_scenario_forum_rule(const concert_scenario *s, size_t f);

#endif
