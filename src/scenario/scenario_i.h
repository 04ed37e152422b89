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
#include <stdint.h>

enum { CONCERT_I_TAG_CORE_SECURITY = 1u, CONCERT_I_TAG_TRADE = 2u, CONCERT_I_TAG_MEMBERSHIP = 4u };

/* How a sampler draws a number within its range (docs/scenario-format.md, "Calibrated numbers"). */
enum { CONCERT_I_DIST_UNIFORM = 0, CONCERT_I_DIST_TRIANGULAR = 1, CONCERT_I_DIST_NORMAL = 2 };

/* What kind of source a number has (the prefix of its source; scenario/provenance.h). */
enum {
  CONCERT_I_PROV_OTHER = 0,    /* a plain citation, or no source */
  CONCERT_I_PROV_DATA = 1,     /* "data:..." derived from a data table */
  CONCERT_I_PROV_JUDGMENT = 2, /* "judgment..." a coder's judgment */
  CONCERT_I_PROV_EXOGENOUS = 3 /* "exogenous:..." an exogenous fact */
};

/* The judgment range of one calibrated number, kept beside the number itself. A point value
 * has lo == hi == the number; a NaN number (no red line, default tolerance) has NaN ends. */
typedef struct concert_i_range {
  double lo, hi;      /* low and high ends, lo <= number <= hi, within the field's bounds */
  unsigned char dist; /* CONCERT_I_DIST_*: uniform, triangular with its mode at the number, or
                         normal with mean the number and sd `sd`, truncated to [lo, hi] when
                         lo < hi, else to the field's bounds */
  unsigned char prov; /* CONCERT_I_PROV_* of the number's own or inherited source */
  double sd;          /* standard deviation of a normal (0 otherwise) */
} concert_i_range;

typedef struct concert_i_stance {
  bool set;         /* the actor holds a stance on this issue */
  double position;  /* 0..100 */
  double salience;  /* 0..1 */
  double tolerance; /* 0..100, or NaN for the protocol's default */
  double red_line;  /* 0..100, or NaN for none */
  concert_i_range position_range;  /* range of position */
  concert_i_range salience_range;  /* range of salience */
  concert_i_range tolerance_range; /* range of tolerance (NaN ends when tolerance is NaN) */
  concert_i_range red_line_range;  /* range of red_line (NaN ends when red_line is NaN) */
  char *source;     /* source of the numbers (owned; may be inherited text) */
} concert_i_stance;

typedef struct concert_i_actor {
  char *id;          /* unique identifier */
  char *name;        /* display name */
  double capability; /* >= 0 */
  concert_i_range capability_range; /* range of capability */
  char *source;      /* source of the capability */
} concert_i_actor;

typedef struct concert_i_issue {
  char *id, *title;     /* identifier and question */
  char *low, *high;     /* what 0 and 100 mean ("" if not given) */
  char *mid[3];         /* what 25, 50 and 75 mean ("" if not given) */
  char *category;       /* "" if not given */
  double reversion;     /* 0..100, NaN for none (actor tables) */
  concert_i_range reversion_range; /* range of reversion (NaN ends when it is NaN) */
  char *source;         /* source of the reversion point */
  unsigned tags;        /* CONCERT_I_TAG_* bits */
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
  double probability;      /* attendance events: chance it happens in a sweep's draw (0..1,
                              default 1); a single run applies every event */
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
  uint64_t hash;              /* FNV-1a 64 of the bytes loaded (concert_scenario_hash) */
  int codebook;               /* codebook version of a strictly coded file, 0 if none */
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
  concert_diag *warnings;     /* dubious but accepted inputs, in file order (owned) */
  size_t n_warnings;
};

/** The stance of actor a on issue k. */
static inline const concert_i_stance *concert_i_stance_at(const concert_scenario *s, size_t a,
                                                          size_t k) {
  return &s->stances[a * s->n_issues + k];
}

/** A point range at x (lo == hi == x, NaN for NaN), uniform, of provenance prov. */
static inline concert_i_range concert_i_range_point(double x, unsigned char prov) {
  concert_i_range r = {x, x, CONCERT_I_DIST_UNIFORM, prov, 0};
  return r;
}

/** The range of one stance field (a concert_stance_field), or NULL when field is unknown. */
const concert_i_range *concert_i_stance_range(const concert_i_stance *st,
                                              concert_stance_field field);

/** Allocates an empty scenario (all zero). */
concert_scenario *concert_i_scenario_alloc(void);
/** strdup that tolerates NULL (gives ""). NULL on allocation failure. */
char *concert_i_strdup(const char *s);
/* FNV-1a 64 of n bytes, continuing from h (start from CONCERT_I_FNV_BASIS). */
#define CONCERT_I_FNV_BASIS 14695981039346656037ull
uint64_t concert_i_fnv1a(uint64_t h, const void *p, size_t n);

#endif
