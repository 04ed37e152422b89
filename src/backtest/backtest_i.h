/* backtest/backtest_i.h: the record and backtest structures shared by the files of
 * src/backtest/ (record.c reads, play.c plays, naive.c forecasts naively, score.c scores,
 * backtest_text.c / backtest_json.c / backtest_csv.c write). docs/backtest.md. */
#ifndef CONCERT_I_BACKTEST_H
#define CONCERT_I_BACKTEST_H
#include <concert/backtest.h>
#include <stddef.h>

/* An id list of a cell ("A;B", "all", "unknown" or empty). */
typedef struct concert_i_idlist {
  bool unknown; /* the cell is "unknown" */
  bool all;     /* the cell is "all" (signatories: every member not absent) */
  size_t *ids;  /* actor indices of the scenario (owned) */
  size_t n;
} concert_i_idlist;

/* One row of summits.csv. */
typedef struct concert_i_rsummit {
  char *id, *forum_name, *date;                    /* as written (owned) */
  char *scenario_path;                             /* dir/scenario (owned) */
  char *forum_id;                                  /* forum id in the scenario (owned) */
  concert_scenario *s;                             /* loaded scenario (owned) */
  size_t forum;                                    /* forum index in s */
  int fate;                                        /* concert_document_fate, -1 unknown */
  concert_i_idlist carved_out, left_early, absent; /* validated lists */
  char *sources, *note;                            /* as written (owned) */
  long line;                                       /* line of the row */
} concert_i_rsummit;

/* One row of statements.csv. */
typedef struct concert_i_rstatement {
  size_t summit;                /* summit index */
  char *issue;                  /* issue id (owned) */
  size_t issue_index;           /* its scenario index */
  int statement;                /* -1 unknown, 0 none, 1 joint, 2 minilateral */
  concert_i_idlist signatories; /* who signed (all: every member not absent) */
  concert_i_idlist blockers;    /* who blocked (empty: none) */
  char *sources, *note;         /* as written (owned) */
  long line;                    /* line of the row */
  int issue_col;                /* column of the issue cell */
} concert_i_rstatement;

struct concert_record {
  char *dir;                  /* the directory (owned) */
  char *summits_file;         /* dir/summits.csv (owned) */
  char *statements_file;      /* dir/statements.csv (owned) */
  char *provenance;           /* text of dir/PROVENANCE.md (owned; NULL: not checked) */
  concert_i_rsummit *summits; /* n_summits rows in file order */
  size_t n_summits, cap_summits;
  concert_i_rstatement *statements; /* n_statements rows in file order */
  size_t n_statements, cap_statements;
};

/* Score accumulator state is kept directly in the public score structs. */
struct concert_backtest {
  const concert_record *r;          /* borrowed */
  size_t runs;                      /* runs per summit */
  uint64_t seed;                    /* the sweeps' seed */
  bool fitted;                      /* a fit function was used */
  char *fit_label;                  /* options.fit_label (owned; NULL: none) */
  concert_params **protocols;       /* per summit, the fit's overrides (owned; NULL: none) */
  concert_backtest_summit *summits; /* one per summit */
  concert_backtest_item *items;     /* the binary items */
  size_t n_items, cap_items;
  concert_backtest_score score[CONCERT_FORECASTERS][CONCERT_TARGETS];
  concert_backtest_bin bins[CONCERT_BACKTEST_BINS];
};

/** An empty record for directory dir (file names set, no rows); NULL without memory. */
concert_record *concert_i_record_new(const char *dir);
/** Parses summits.csv text (name: the file name for diagnostics) into r, loading each
 * summit's scenario relative to r->dir. O(len + scenario loads). */
concert_status concert_i_record_parse_summits(concert_record *r, const char *buf, size_t len,
                                              const char *name, concert_diag *d);
/** Parses statements.csv text into r (after the summits). O(len). */
concert_status concert_i_record_parse_statements(concert_record *r, const char *buf, size_t len,
                                                 const char *name, concert_diag *d);

/** Plays summit i of b->r with concert (options o) and appends its items to b (observed
 * values and concert's probabilities; the naive ones come later). */
concert_status concert_i_backtest_play(concert_backtest *b, size_t i,
                                       const concert_backtest_options *o, concert_diag *d);
/** Fills the naive forecasters' probabilities of every summit and item. */
concert_status concert_i_backtest_naive(concert_backtest *b, concert_diag *d);
/** Computes the scores and the calibration table from the probabilities. */
void concert_i_backtest_score(concert_backtest *b);
/** Concert's Brier sums and known observations per summit and target: sum[i * TARGETS + t]
 * and n[i * TARGETS + t] for summit i (arrays of n_summits x CONCERT_TARGETS, zeroed by
 * the caller). O(summits + items). */
void concert_i_backtest_brier_sums(const concert_backtest *b, double *sum, size_t *n);

/** A number for text output: "%.*f", or "n/a" when x is not finite. buf of >= 32 bytes. */
const char *concert_i_backtest_num(char *buf, size_t size, int digits, double x);

#endif
