/* concert/summit.h: the summit protocol (docs/protocol.md) and its outcome.
 *
 * concert_summit_run plays a forum's agenda: attendance and events, bargaining with the
 * model, acceptance, statements labelled by who signs them, pivotal blockers, deadlocks
 * and dissociation, the chair's summary, the communiqué or declaration as a negotiated
 * package (kept, softened, carved-out, dropped paragraphs; the chair forgoing it by its
 * expected chance of failure; departed leaders disowning it), net gains in points, the
 * reasons each text passed or failed and, with the exchange model, bilateral deals. */
#ifndef CONCERT_SUMMIT_H
#define CONCERT_SUMMIT_H
#ifdef __cplusplus
extern "C" {
#endif
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include "export.h"
#include "model.h"
#include "network.h"
#include "rift.h"
#include "params.h"
#include "scenario.h"
#include "status.h"

typedef struct concert_outcome concert_outcome;

/** What came out on one agenda issue. */
typedef enum concert_statement_kind {
  CONCERT_STATEMENT_NONE = 0,        /* no text: the issue went to the chair's summary */
  CONCERT_STATEMENT_JOINT = 1,       /* joint leaders' statement under the forum's rule */
  CONCERT_STATEMENT_MINILATERAL = 2  /* statement by a coalition of members */
} concert_statement_kind;

/** How the chair's summary words an issue without a joint statement. */
typedef enum concert_wording {
  CONCERT_WORDING_AGREED = 0,         /* dispersion <= summary_agreed */
  CONCERT_WORDING_DISCUSSED = 1,      /* dispersion <= summary_discussed */
  CONCERT_WORDING_EXCHANGED_VIEWS = 2 /* farther apart */
} concert_wording;

/** Which input of one member a result hinges on. */
typedef enum concert_hinge_field {
  CONCERT_HINGE_NONE = 0,      /* no single member's change flips it */
  CONCERT_HINGE_POSITION = 1,  /* the member's position */
  CONCERT_HINGE_RED_LINE = 2,  /* its red line */
  CONCERT_HINGE_TOLERANCE = 3, /* its tolerance */
  CONCERT_HINGE_SALIENCE = 4,  /* its salience (document hinges) */
  CONCERT_HINGE_CAPABILITY = 5, /* its capability (document hinges) */
  CONCERT_HINGE_REVERSION = 6  /* the issue's reversion point (document hinges) */
} concert_hinge_field;

/** The smallest change of one member's input that flips a text's acceptance by the rule. */
typedef struct concert_hinge {
  concert_hinge_field field; /* which input (NONE: nothing single flips it) */
  size_t actor;              /* whose */
  double from, to;           /* the input now and where the result flips */
  double lo, hi;             /* the input's judgment range (lo == hi: a point value) */
} concert_hinge;

/** The result on one agenda issue (arrays borrowed from the outcome). */
typedef struct concert_issue_result {
  size_t issue;                 /* scenario issue index */
  size_t session;               /* agenda session index */
  double outcome;               /* the model's text among the members present */
  double dispersion;            /* salience-weighted std dev of present members' positions */
  concert_statement_kind kind;  /* statement issued, if any */
  double text;                  /* position of the issued text (NaN if none) */
  const size_t *signatories;    /* members that signed (actor indices) */
  size_t n_signatories;
  const size_t *partners;       /* invited partners that co-signed */
  size_t n_partners;
  const size_t *rejecters;      /* present members that rejected the forum's text */
  size_t n_rejecters;
  bool in_summary;              /* listed in the chair's summary */
  concert_wording wording;      /* the summary's wording (when in_summary) */
  bool negotiated;              /* false: raised only (`negotiated: false`), no text tabled */
  bool tabled;                  /* a text was tabled (negotiated, not at the reversion point) */
  bool forum_label;             /* a statement of the forum (else of its signatories) */
  const size_t *dissociating;   /* members the text passed without (consensus minus k) */
  size_t n_dissociating;
  bool depends_exogenous;       /* presence at its session was set by an exogenous event */
  const char *reason;           /* plain words: why it passed or failed (borrowed) */
  concert_hinge hinge;          /* the input it hinges on */
} concert_issue_result;

/** How a member's objection to a text counts. */
typedef enum concert_objection {
  CONCERT_OBJECTION_BLOCK = 0,       /* pivotal: without its objection a new text would pass */
  CONCERT_OBJECTION_JOINT_BLOCK = 1, /* an objector in a deadlock: no member is pivotal */
  CONCERT_OBJECTION_DISSOCIATE = 2   /* the text passed without it (consensus minus k) */
} concert_objection;

/** What became of one paragraph of the communique or declaration. */
typedef enum concert_paragraph_fate {
  CONCERT_PARAGRAPH_KEPT = 0,       /* every member present accepts the drafted text */
  CONCERT_PARAGRAPH_SOFTENED = 1,   /* re-drafted into the win-set */
  CONCERT_PARAGRAPH_CARVED_OUT = 2, /* stands for all but the carved-out dissenters */
  CONCERT_PARAGRAPH_DROPPED = 3,    /* left out */
  CONCERT_PARAGRAPH_RESTATES = 4    /* at the reversion point: restates agreed language */
} concert_paragraph_fate;

/** One paragraph of the package (arrays borrowed from the outcome). */
typedef struct concert_paragraph {
  size_t issue;                  /* scenario issue index */
  size_t session;                /* agenda session index */
  concert_paragraph_fate fate;   /* kept, softened, carved out, dropped, restates */
  double drafted;                /* the chair's draft (the bargained text) */
  double text;                   /* the text in the package (NaN when dropped) */
  const size_t *carved_out;      /* members not bound by it (actor indices) */
  size_t n_carved_out;
  bool restating;                /* carved out at the reversion point: the others restate */
} concert_paragraph;

/** The fate of the communique or declaration. */
typedef enum concert_document_fate {
  CONCERT_DOCUMENT_ISSUED = 0,                /* endorsed under the rule */
  CONCERT_DOCUMENT_ISSUED_WITH_CARVE_OUT = 1, /* endorsed, some paragraph carved out */
  CONCERT_DOCUMENT_FORGONE = 2,               /* the chair issued a summary instead */
  CONCERT_DOCUMENT_FAILED = 3,                /* put and not endorsed */
  CONCERT_DOCUMENT_DISOWNED = 4               /* issued, then disowned by a departed leader */
} concert_document_fate;

/** An input on which the document's expected fate hinges: with this one number at an end of
 * its judgment range (all others at their values) the chair expects another fate. `at` is the
 * flip point between the value and that end, found by bisection (docs/sensitivity.md; to 0.05
 * points, 0.001 for saliences, 0.01 for capabilities); it used to be the range end itself. */
typedef struct concert_document_hinge {
  concert_hinge_field field;  /* which number */
  size_t actor;               /* actor index (SIZE_MAX for a reversion point) */
  size_t issue;               /* issue index (SIZE_MAX for a capability) */
  double value;               /* its value in the scenario */
  double at;                  /* the flip point: from here to the range end the fate differs */
  concert_document_fate fate; /* the expected fate at the flip point */
} concert_document_hinge;

/** How a forum member attended. */
typedef enum concert_attendance_kind {
  CONCERT_ATTENDANCE_PRESENT = 0,       /* throughout */
  CONCERT_ATTENDANCE_ABSENT = 1,        /* stayed away from the whole summit */
  CONCERT_ATTENDANCE_LEADER_ABSENT = 2, /* leader away, delegation present */
  CONCERT_ATTENDANCE_LEADER_LEFT = 3,   /* leader left before `session`, delegation stayed */
  CONCERT_ATTENDANCE_DEPARTED = 4       /* the delegation left before `session` */
} concert_attendance_kind;

/** One forum member's attendance. */
typedef struct concert_attendance {
  size_t actor;                 /* actor index */
  concert_attendance_kind kind; /* how it attended */
  size_t session;               /* first session missed (LEADER_LEFT, DEPARTED) */
  bool exogenous;               /* set by an event marked exogenous */
} concert_attendance;

/** A member that objected to a tabled text, and why (docs/protocol.md, blockers). */
typedef struct concert_veto {
  size_t actor, issue;  /* who, on which issue */
  double text;          /* the text refused (a blocker: the others' text) */
  double excess;        /* points beyond what it accepts (0 when only a red line) */
  bool red_line;        /* the text crosses its red line */
  concert_objection role; /* pivotal blocker, party to a deadlock, or dissociating */
} concert_veto;

/** A departure: who left before which session. */
typedef struct concert_departure {
  size_t actor;   /* actor index */
  size_t session; /* session index it missed first */
} concert_departure;

/** The communiqué's (or declaration's) fate. */
typedef struct concert_communique {
  concert_document_fate fate;  /* issued, with carve-out, forgone, failed, disowned */
  bool declaration;            /* the forum calls it a declaration */
  double expected_chance;      /* chair's expected chance it fails or is disowned */
  size_t n_evaluations;        /* evaluations behind that chance (1 + 2 x judgment ranges) */
  bool depends_exogenous;      /* the fate differs without the attendance events */
  const concert_paragraph *paragraphs; /* one per agenda issue, agenda order */
  size_t n_paragraphs;
  const size_t *dissociating;  /* counted members that did not endorse an issued package */
  size_t n_dissociating;
  const char *reason;          /* plain words: why this fate (borrowed) */
  bool chair_forwent;          /* the chair expected failure and issued none */
  bool attempted;              /* a package was put to the members */
  bool issued;                 /* the rule was met (also when later disowned) */
  const size_t *endorsers;     /* members endorsing at issue time */
  size_t n_endorsers;
  const size_t *objectors;     /* members not endorsing (expected ones, if forgone) */
  size_t n_objectors;
  const size_t *withdrawn;     /* members whose departed leader disowned it */
  size_t n_withdrawn;
} concert_communique;

/** Plays forum f of scenario s. model NULL: the scenario's model; model_params NULL: the
 * scenario's; protocol: overrides of the scenario's protocol parameters (may be NULL).
 * On success *out is owned by the caller (concert_outcome_free); it borrows s, which must
 * outlive it. Cost: (4 + 2J) x S model solves on (members x agenda issues) for S sessions
 * and J judgment ranges (the chair's expectations: 1 + 2J, with and without events, the
 * summit itself) plus one for the deals and one per minilateral re-bargain, plus up to 11 x S
 * per document hinge (its bisection);
 * O((1 + 2J) x members x issues x log members) otherwise. */
CONCERT_API concert_status concert_summit_run(const concert_scenario *s, size_t f,
                                              const concert_model *model,
                                              const concert_params *model_params,
                                              const concert_params *protocol,
                                              concert_outcome **out, concert_diag *diag);
/** Runs the model alone on forum f: its members (all present, no events) over its agenda
 * issues, in agenda order (issue k of the solution = the k-th agenda issue). For the
 * round-by-round trajectory of dynamic models. model/params as in concert_summit_run.
 * The caller frees *out with concert_solution_free. Cost: one model solve. */
CONCERT_API concert_status concert_forum_solve(const concert_scenario *s, size_t f,
                                               const concert_model *model,
                                               const concert_params *params,
                                               concert_solution **out, concert_diag *diag);
/** The number of issues on forum f's agenda (its sessions' issues, in order): the issue
 * count of concert_forum_solve's solution. 0 for a bad s or f. O(sessions). */
CONCERT_API size_t concert_forum_agenda_count(const concert_scenario *s, size_t f);
/** The scenario index of the k-th agenda issue of forum f (issue k of concert_forum_solve's
 * solution); SIZE_MAX when k, f or s is out of range. O(sessions). */
CONCERT_API size_t concert_forum_agenda_issue(const concert_scenario *s, size_t f, size_t k);
/** The protocol's parameters and defaults (docs/protocol.md); *n gets the count. */
CONCERT_API const concert_param_spec *concert_summit_params(size_t *n);
/** Frees o; NULL is harmless. */
CONCERT_API void concert_outcome_free(concert_outcome *o);

CONCERT_API const concert_scenario *concert_outcome_scenario(const concert_outcome *o);
CONCERT_API size_t concert_outcome_forum(const concert_outcome *o);
CONCERT_API const char *concert_outcome_model(const concert_outcome *o);
/** Agenda issues, in agenda order. */
CONCERT_API size_t concert_outcome_issue_count(const concert_outcome *o);
CONCERT_API const concert_issue_result *concert_outcome_issue(const concert_outcome *o, size_t i);
CONCERT_API size_t concert_outcome_veto_count(const concert_outcome *o);
CONCERT_API const concert_veto *concert_outcome_veto(const concert_outcome *o, size_t i);
CONCERT_API size_t concert_outcome_departure_count(const concert_outcome *o);
CONCERT_API const concert_departure *concert_outcome_departure(const concert_outcome *o, size_t i);
CONCERT_API concert_communique concert_outcome_communique(const concert_outcome *o);
/** The inputs on which the document's expected fate hinges (docs/protocol.md, forgo), in
 * agenda order, members in forum order, then capabilities; NULL when i is out of range. */
CONCERT_API size_t concert_outcome_document_hinge_count(const concert_outcome *o);
CONCERT_API const concert_document_hinge *concert_outcome_document_hinge(const concert_outcome *o,
                                                                         size_t i);
/** Attendance of the forum's i-th member (NULL beyond the member count). */
CONCERT_API const concert_attendance *concert_outcome_attendance(const concert_outcome *o,
                                                                 size_t member);
/** Net gain of the forum's i-th member in points on the 0-100 scale, weighted by its
 * salience shares over the negotiated agenda (docs/protocol.md, net gains). */
CONCERT_API double concert_outcome_net_gain(const concert_outcome *o, size_t member);
/** Bilateral deals (exchange model), with actor indices of the scenario. */
CONCERT_API size_t concert_outcome_deal_count(const concert_outcome *o);
CONCERT_API const concert_deal *concert_outcome_deal(const concert_outcome *o, size_t i);
/** The network of the bilateral deals over the forum's members (vertex i = the forum's
 * i-th member), or NULL when there is no deal. Lives as long as o. */
CONCERT_API const concert_network *concert_outcome_network(const concert_outcome *o);
/** What the summit's texts say on agenda issue i (agenda order), counted as a record of a
 * real summit counts it (data/record/PROVENANCE.md, S2-S6; docs/backtest.md): JOINT when a
 * text on it was issued in the name of every member present, as its joint statement or as
 * its paragraph of the issued document (kept, softened or restating agreed language, i.e. a
 * reversion point above 0, the "no joint text" anchor; also when the document was later
 * disowned); MINILATERAL when only some members' text exists
 * (a statement of its signatories, or a carved-out paragraph); NONE otherwise (the chair's
 * summary). CONCERT_STATEMENT_NONE for i out of range. O(1). */
CONCERT_API concert_statement_kind concert_outcome_issue_text(const concert_outcome *o, size_t i);
/** Whether actor `actor` endorses a text on agenda issue i in that sense (it signed the
 * statement, or endorsed the issued document and is not carved out of the paragraph).
 * O(members). */
CONCERT_API bool concert_outcome_issue_text_signs(const concert_outcome *o, size_t i,
                                                  size_t actor);
/** Whether actor `actor` blocks agenda issue i in that sense: only when the issue has no
 * joint text, as a pivotal blocker or party to a deadlock on its statement, or carved out
 * of its paragraph. O(members + objections). */
CONCERT_API bool concert_outcome_issue_text_blocks(const concert_outcome *o, size_t i,
                                                   size_t actor);
/** Number of joint statements issued. */
CONCERT_API size_t concert_outcome_joint_count(const concert_outcome *o);
/** Words for kinds and wordings ("joint statement", "discussed", ...). */
CONCERT_API const char *concert_statement_kind_name(concert_statement_kind k);
CONCERT_API const char *concert_wording_name(concert_wording w);
/** Names: "issued", "issued_with_carve_out", "forgone", "failed", "disowned". */
CONCERT_API const char *concert_document_fate_name(concert_document_fate f);
/** Names: "kept", "softened", "carved_out", "dropped", "restates". */
CONCERT_API const char *concert_paragraph_fate_name(concert_paragraph_fate f);
/** Names: "blocking", "joint_block", "dissociating". */
CONCERT_API const char *concert_objection_name(concert_objection r);
/** Names: "present", "absent", "leader_absent", "leader_left", "departed". */
CONCERT_API const char *concert_attendance_name(concert_attendance_kind k);
/** Names: "none", "position", "red_line", "tolerance". */
CONCERT_API const char *concert_hinge_field_name(concert_hinge_field f);

/** The rift index of the simulated summit (docs/rift-index.md): six components in [0, 1]
 * with their flags, all measured. O(n m^2) for n members and m agenda issues. */
CONCERT_API concert_status concert_rift_from_outcome(const concert_outcome *o, concert_rift *r,
                                                     concert_diag *diag);
/** Writes the readable outcome sheet to out. O(size of the outcome). */
CONCERT_API concert_status concert_outcome_write_text(const concert_outcome *o, FILE *out);
/** The outcome as tidy long CSV (docs/csv.md): a header row, then one observation per row
 * (forum, section, issue, actor, quantity, value, label). CONCERT_ERR_IO when a write fails.
 * O(members x agenda issues). */
CONCERT_API concert_status concert_outcome_write_csv(const concert_outcome *o, FILE *out);
/** The complete outcome as JSON (schema: docs/json-schema.md). *json is a NUL-terminated
 * string the caller frees with concert_free() (or free()). */
CONCERT_API concert_status concert_outcome_to_json(const concert_outcome *o, char **json,
                                                   concert_diag *diag);

#ifdef __cplusplus
}
#endif
#endif
