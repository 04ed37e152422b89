/* concert/history.h: the real record of G7/G8 and G20 leaders' summits, and its rift index.
 *
 * Loads the hand-compiled summit tables shipped in data/world/ (g7_summits.csv,
 * g20_leaders_summits.csv) and our coding of their sourced facts into rift evidence
 * (g7_rift_codes.csv), keeping every "unknown" cell unknown. Columns, codes and the rules
 * that turn them into the rift index: docs/history.md and docs/rift-index.md. */
#ifndef CONCERT_HISTORY_H
#define CONCERT_HISTORY_H
#ifdef __cplusplus
extern "C" {
#endif
#include <stddef.h>
#include <stdio.h>

#include "export.h"
#include "rift.h"
#include "status.h"

/** The forums whose summits are recorded. */
typedef enum concert_forum_kind {
  CONCERT_FORUM_G7 = 0, /* G6/G7/G8 summits, 1975-2025 */
  CONCERT_FORUM_G20 = 1 /* G20 leaders' summits, 2008-2025 */
} concert_forum_kind;

/** One coded piece of rift evidence (a row of g7_rift_codes.csv). Strings are owned by the
 * concert_history that holds the record. */
typedef struct concert_rift_code {
  concert_rift_component component; /* MISSING_STATEMENTS, NO_UNIFIED_STANCE, TRADE,
                                       AGENDA or ROLE (the communiqué comes from the table) */
  const char *actors;               /* ISO3 codes of the members involved, ';'-separated */
  const char *issue;                /* the issue concerned, e.g. "Ukraine" */
  const char *note;                 /* what happened, in our words */
  const char *sources;              /* source ids (data/world/PROVENANCE.md) */
} concert_rift_code;

/** One recorded summit. All strings are the table's cells verbatim ("unknown" included)
 * and are owned by the concert_history; "" where the forum's table has no such column. */
typedef struct concert_summit_record {
  concert_forum_kind forum;     /* which table the row comes from */
  int year;                     /* calendar year */
  int summit_no;                /* the forum's running number */
  int n_members;                /* member states counted by the index (G6 6, G7 7, G8 8,
                                   G20 19; the EU and AU are not counted) */
  int held;                     /* 1 if the summit took place (G20 2020 met virtually),
                                   0 if not (G7 2020: "no summit held") */
  const char *format;           /* G7 column format; "G20" for the G20 */
  const char *host_country;     /* host_country */
  const char *host_city;        /* host_city */
  const char *dates;            /* dates, ISO start/end */
  const char *main_document;    /* main_outcome_document / leaders_document */
  const char *communique;       /* full_communique_or_declaration / declaration_issued */
  const char *chair_summary;    /* chair_summary_replaced_communique (G7 only) */
  const char *withdrawn_by;     /* endorsement_withdrawn_by (G7 only) */
  int n_statements;             /* n_separate_leader_statements; -1 when unknown */
  const char *departures;       /* early_departures / absences_or_early_departures */
  const char *absences;         /* member_leader_absences_or_skipped_sessions (G7 only) */
  const char *russia;           /* russia_participation (G7 only) */
  const char *disputes;         /* notable_disputes / consensus_notes */
  const char *sources;          /* source_ids */
  const concert_rift_code *codes; /* coded evidence for this summit, in file order */
  size_t n_codes;                 /* number of codes */
} concert_summit_record;

/** Why each component of a recorded summit's rift index has its value: one line of plain
 * text per component (empty when nothing is known). A value struct; the caller owns it. */
typedef struct concert_rift_evidence {
  char text[CONCERT_RIFT_N][320]; /* evidence for component c, always terminated */
} concert_rift_evidence;

/** The loaded record: opaque, owns every string it hands out. */
typedef struct concert_history concert_history;

/** Loads g7_summits.csv, g20_leaders_summits.csv and g7_rift_codes.csv from directory dir
 * (NULL: the data/world folder of the source tree this library was built from).
 * Every column is checked: a missing or extra column, a malformed year, number or date, a
 * code naming an unknown summit, component or an actor that is not three capital letters is
 * refused with file, line, column and field in diag. On success *out owns the record; the
 * caller frees it with concert_history_free(). On failure *out is NULL.
 * Complexity O(total bytes). */
CONCERT_API concert_status concert_history_load(concert_history **out, const char *dir,
                                                concert_diag *diag);

/** Frees a record loaded by concert_history_load(). h may be NULL. */
CONCERT_API void concert_history_free(concert_history *h);

/** Number of summits of forum in h (0 for a NULL h). O(1). */
CONCERT_API size_t concert_history_count(const concert_history *h, concert_forum_kind forum);

/** The i-th summit of forum in h, in table order (by year), or NULL when i is out of range.
 * The record is owned by h and lives until concert_history_free(h). O(1). */
CONCERT_API const concert_summit_record *concert_history_at(const concert_history *h,
                                                            concert_forum_kind forum, size_t i);

/** Finds the first summit of forum held in year; NULL if none. O(number of summits). */
CONCERT_API const concert_summit_record *concert_history_find(const concert_history *h,
                                                              concert_forum_kind forum, int year);

/** Computes the rift index of a recorded summit with the rules of docs/rift-index.md:
 * a component is a number only where the record determines it, NaN otherwise; a flag is
 * YES when the record shows it, NO when the relevant cell is known and reports nothing of the
 * kind, UNKNOWN when the cell is "unknown". For a summit not held every component is unknown.
 * ev (may be NULL) receives the evidence per component. Returns CONCERT_ERR_ARGUMENT for a
 * NULL s or out. O(length of the record's strings). */
CONCERT_API concert_status concert_rift_from_record(const concert_summit_record *s,
                                                    concert_rift *out,
                                                    concert_rift_evidence *ev,
                                                    concert_diag *diag);

/** Parses "G7" or "G20" (case-insensitive; "G8" is accepted as the G7's table).
 * Returns CONCERT_ERR_INVALID for anything else. O(1). */
CONCERT_API concert_status concert_forum_kind_parse(const char *text, concert_forum_kind *out,
                                                    concert_diag *diag);

/** "G7" or "G20". Static storage. O(1). */
CONCERT_API const char *concert_forum_kind_name(concert_forum_kind forum);

/** The summits of forum in h held from year_from to year_to (inclusive, table order) as one
 * JSON document, schema concert-history/1 (docs/json-schema.md): the forum, the range as
 * given, the rift thresholds and, per summit, its cells, the six rift components (value,
 * flag yes/no/unknown, evidence), its codes and sources. Numbers have 10 significant digits;
 * an unknown value is null. On success *json is a NUL-terminated string the caller frees
 * with concert_free() (or free()); on failure it is NULL. CONCERT_ERR_ARGUMENT for a NULL h
 * or json or an
 * unknown forum; CONCERT_ERR_INVALID when a cell is not valid UTF-8 (or memory runs out).
 * Complexity O(number of summits + bytes of the summits in range). */
CONCERT_API concert_status concert_history_to_json(const concert_history *h,
                                                   concert_forum_kind forum, int year_from,
                                                   int year_to, char **json,
                                                   concert_diag *diag);
/** The summits of `forum` held (or not) in [year_from, year_to] as tidy long CSV
 * (docs/csv.md): one row per summit and rift component: forum, year, summit_no, host_city,
 * host_country, held, component, flag (1, 0, empty when unknown or not held), value.
 * CONCERT_ERR_IO when a write fails. O(summits). */
CONCERT_API concert_status concert_history_write_csv(const concert_history *h,
                                                     concert_forum_kind forum, int year_from,
                                                     int year_to, FILE *out);

#ifdef __cplusplus
}
#endif
#endif
