/* concert/derive.h: `concert derive`, a scenario skeleton from data (docs/derive.md).
 *
 * For a list of members (or a known forum) and a summit year, or for a spec file that names
 * the issues, actors and forums, derive writes scenario YAML with `codebook: 1`:
 * capabilities from the World Bank and SIPRI tables, positions per issue family from the
 * UN General Assembly issue-support table (data/derived/unga_issue_support.csv), every
 * number with its source and range, and every judgment number it cannot derive marked
 * `judgment: TO FILL (docs/codebook.md)`. Warnings (an older data year used, a missing
 * position, a known gap in the votes) are returned to the caller, never printed. */
#ifndef CONCERT_DERIVE_H
#define CONCERT_DERIVE_H
#ifdef __cplusplus
extern "C" {
#endif
#include <stddef.h>
#include <stdio.h>

#include "export.h"
#include "status.h"

/** What to derive in quick mode (no spec file). A small value struct: zero it, then set
 * the fields; the strings are borrowed for the duration of the call. */
typedef struct concert_derive_options {
  const char *members;  /* comma-separated ISO3 codes ("USA,CHN,RUS"), EU and AU allowed;
                           NULL when forum is set */
  const char *forum;    /* a known forum, G7|G8|G20|G5|G2 (members as of year); NULL when
                           members is set */
  int year;             /* summit year (1947-2100); data come from the years before it */
  const char *name;     /* the scenario's name; NULL: "<forum or Members> <year> (derived)" */
  const char *data_dir; /* data root (world/, derived/); NULL: concert_data_dir() */
} concert_derive_options;

/** The warnings of one derive run, in the order they arose. Opaque; the caller frees it
 * with concert_derive_report_free. */
typedef struct concert_derive_report concert_derive_report;

/** Number of warnings. r may be NULL (0). O(1). */
CONCERT_API size_t concert_derive_report_count(const concert_derive_report *r);
/** Warning i (0-based), one line of English without a trailing newline; NULL when i is out
 * of range. Owned by r. O(1). */
CONCERT_API const char *concert_derive_report_at(const concert_derive_report *r, size_t i);
/** Frees a report; NULL is harmless. */
CONCERT_API void concert_derive_report_free(concert_derive_report *r);

/** Derives a scenario skeleton and writes it as YAML to out.
 *
 * Quick mode (spec_path NULL): the members of opts->members or opts->forum, one issue per
 * UNGA issue family (ukraine, middle_east, nuclear, disarmament, human_rights, colonialism,
 * development) and one forum of the members. Spec mode (spec_path set): the spec file's
 * name, year, issues, actors and forums (docs/derive.md); opts->year and opts->members are
 * ignored, opts->data_dir and opts->name (if set, overrides the spec's) are used.
 *
 * warnings (may be NULL) receives the run's warnings, also on failure when some were
 * collected (else NULL); the caller frees them. Returns CONCERT_OK; CONCERT_ERR_* with d
 * naming the file, line, column and field of a spec error, or the data file at fault;
 * CONCERT_ERR_IO when writing to out fails. Nothing is printed. Output is deterministic
 * (fixed order and decimals). O(R log R) for the R rows of the data tables, plus
 * O(actors x issues x years). */
CONCERT_API concert_status concert_derive_run(const concert_derive_options *opts,
                                              const char *spec_path, FILE *out,
                                              concert_derive_report **warnings, concert_diag *d);

#ifdef __cplusplus
}
#endif
#endif
