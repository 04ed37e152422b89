/* scenario/scenario_i.h: the in-memory scenario, shared by the library's modules.
 *
 * A validated scenario: every index is in range, every member holds a stance on every
 * agenda issue of its forums, every number is finite and in range. The loader
 * (load_yaml.c, load_table.c) guarantees it; the engine relies on it. */
#ifndef CONCERT_I_SCENARIO_H
#define CONCERT_I_SCENARIO_H
#include <concert/params.h>
#include <concert/scenario.h>
#include <stdbool.h>
#include <stddef.h>

enum { CONCERT_I_TAG_CORE_SECURITY = 1u, CONCERT_I_TAG_TRADE = 2u, CONCERT_I_TAG_MEMBERSHIP = 4u };

/* A judgment range beside a number: lo <= value <= hi. A point value has lo == hi ==
 * value; a NaN number (no red line, default tolerance) has a NaN range. */
typedef struct concert_i_range {
  double lo, hi;      /* the range's ends */
  unsigned char dist; /* 0 uniform, 1 triangular with mode the value */
} concert_i_range;

/** The point range of a value (lo = hi = x). */
static inline concert_i_range concert_i_range_point(double x) {
  return (concert_i_range){x, x, 0};
}

typedef struct concert_i_stance {
  bool set;         /* the actor holds a stance on this issue */
  double position;  /* 0..100 */
  double salience;  /* 0..1 */
  double tolerance; /* 0..100, or NaN for the protocol's default */
  double red_line;  /* 0..100, or NaN for none */
  char *source;     /* source of the numbers (owned; may be inherited text) */
  concert_i_range position_r, salience_r, tolerance_r, red_line_r; /* judgment ranges */
} concert_i_stance;

typedef struct concert_i_actor {
  char *id;          /* unique identifier */
  char *name;        /* display name */
  double capability; /* >= 0 */
  char *source;      /* source of the capability */
  concert_i_range capability_r; /* judgment range of the capability */
} concert_i_actor;

typedef struct concert_i_issue {
  char *id, *title;     /* identifier and question */
  char *low, *high;     /* what 0 and 100 mean ("" if not given) */
  char *category;       /* "" if not given */
  double reversion;     /* 0..100, NaN for none (actor tables) */
  char *source;         /* source of the reversion point */
  unsigned tags;        /* CONCERT_I_TAG_* bits */
  concert_i_range reversion_r; /* judgment range of the reversion point */
  bool raised_only;     /* `negotiated: false`: raised in the chair's summary, no text tabled */
} concert_i_issue;

typedef struct concert_i_session {
  char *id, *title;  /* session identifier and title */
  size_t *issues;    /* issue indices */
  size_t n_issues;   /* count */
} concert_i_session;

typedef struct concert_i_event {
  concert_event_kind kind; /* depart, leader_leaves, absent, leader_absent, shock, dispute */
  size_t session;          /* applies before this session index (0 for absent, leader_absent) */
  bool exogenous;          /* marked exogenous (default true for attendance events) */
  size_t actor;            /* actor index */
  size_t issue;            /* issue index (shock only) */
  bool set_value;          /* shock: true sets `value`, false multiplies by `factor` */
  double factor, value;    /* shock parameters */
  unsigned dispute;        /* dispute: CONCERT_I_TAG_TRADE or CONCERT_I_TAG_MEMBERSHIP */
  size_t other;            /* dispute: the second actor */
  char *source;            /* source, may be "" */
} concert_i_event;

typedef struct concert_i_forum {
  char *id, *name;             /* identifier and display name */
  size_t *members, n_members;  /* member actor indices */
  size_t chair;                /* actor index of the chair (a member) */
  size_t *invited, n_invited;  /* invited partner actor indices */
  concert_rule rule;           /* rule for joint texts */
  bool mini_allowed;           /* minilateral statements allowed */
  size_t mini_min;             /* minimum coalition size for them */
  concert_i_session *sessions; /* agenda in order */
  size_t n_sessions;
  concert_i_event *events;     /* events in file order */
  size_t n_events;
  bool quorum_all;             /* `quorum: all`: the rule counts over all members (an absent
                                  member objects); false: over the members present */
  bool declaration;            /* `document: declaration` (else communique) */
  bool no_statements;          /* `statements: false`: no per-issue leaders' statements */
} concert_i_forum;

struct concert_scenario {
  char *file;                 /* file it came from ("" for strings) */
  char *name, *description;   /* title, free text */
  concert_i_actor *actors;    /* n_actors */
  size_t n_actors;
  concert_i_issue *issues;    /* n_issues */
  size_t n_issues;
  concert_i_stance *stances;  /* n_actors x n_issues, row-major by actor */
  concert_i_forum *forums;    /* n_forums */
  size_t n_forums;
  char *model;                /* model name */
  concert_params *model_params;
  concert_params *protocol;   /* summit protocol parameters */
};

/** The stance of actor a on issue k. */
static inline const concert_i_stance *concert_i_stance_at(const concert_scenario *s, size_t a,
                                                          size_t k) {
  return &s->stances[a * s->n_issues + k];
}

/** Allocates an empty scenario (all zero). */
concert_scenario *concert_i_scenario_alloc(void);
/** strdup that tolerates NULL (gives ""). NULL on allocation failure. */
char *concert_i_strdup(const char *s);

#endif
