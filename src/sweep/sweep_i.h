/* sweep/sweep_i.h: a sweep's results as one flat array of int64 counters (docs/sweep.md,
 * "What is aggregated"), shared by sweep.c (running), tally.c (the counters' layout, adding
 * one run, reading results back) and sweep_out.c (JSON, text and CSV).
 *
 * The counters, in order (every block's offset is in struct concert_sweep):
 *   runs played; document fates (5); per agenda issue: statements, joint statements (ni
 *   each); per issue and member: signed, blocked (ni x nm each); the number of joint
 *   statements per run (histogram, ni + 1); per quantity (issue texts, rift components,
 *   member net gains) a block of count, fixed-point sum, sum of squares in two words and
 *   a histogram with an under- and an overflow bin; per input and bin, runs; per headline,
 *   input and bin, runs where the headline happened. Adding two arrays elementwise adds
 *   their runs, whatever order the runs were played in. */
#ifndef CONCERT_I_SWEEP_H
#define CONCERT_I_SWEEP_H
#include <concert/sweep.h>

/* Fixed point: 2^20 units per point (per unit of a rift component). */
#define CONCERT_I_SWEEP_FIX 1048576.0
/* Values at or beyond this magnitude do not fit the fixed-point sums (|x| 2^20 < 2^31). */
#define CONCERT_I_SWEEP_XMAX 2048.0
/* Bins per input for the variance shares. */
#define CONCERT_I_SWEEP_K 16

/* A histogrammed quantity: values rounded to the grid g = floor(x * per + 1/2), bins for g
 * in [glo, ghi] plus an under- and an overflow bin. */
typedef struct concert_i_scale {
  double per;        /* grid steps per unit (1 / resolution) */
  long glo, ghi;     /* the grid's ends */
} concert_i_scale;

/* Offsets in a quantity's block: count, sum, sum of squares (high and low 32-bit halves),
 * then the bins (under, glo..ghi, over). */
enum { CONCERT_I_Q_N = 0, CONCERT_I_Q_SX = 1, CONCERT_I_Q_SXX_HI = 2, CONCERT_I_Q_SXX_LO = 3,
       CONCERT_I_Q_BINS = 4 };

struct concert_sweep {
  const concert_scenario *s;   /* borrowed scenario */
  size_t forum;                /* forum index */
  char model[32];              /* model name */
  size_t runs_asked;           /* runs of the whole sweep */
  uint64_t seed;               /* the seed */
  size_t ni, nm;               /* agenda issues, forum members */
  bool counts_only;            /* no quantity blocks and no inputs (options.counts_only) */
  size_t *issue;               /* scenario issue index per agenda issue (ni) */
  size_t *member;              /* actor index per member (nm) */
  size_t nin;                  /* inputs for the variance shares */
  concert_sweep_input *in;     /* the inputs (nin) */
  size_t *in_u;                /* input j's uniform in the draw (nin) */
  size_t nh;                   /* headlines: the document, then each agenda issue's statement */
  /* the counters and their layout */
  int64_t *c;                  /* the counters (nc) */
  size_t nc;
  size_t at_fate, at_stmt, at_joint, at_sign, at_block, at_agreed; /* count blocks */
  size_t at_tany, at_tjoint, at_tsign, at_tblock; /* texts as a record counts them */
  size_t at_text, at_rift, at_gain; /* first quantity block of each kind */
  size_t text_len, rift_len, gain_len; /* one block's length */
  size_t at_nb, at_yb;         /* runs per input and bin; per headline, input and bin */
};

/* One run's results, the unit added to the counters. */
typedef struct concert_i_sweep_run {
  unsigned char fate;          /* document fate */
  const unsigned char *kind;   /* per agenda issue (ni): bits 0-1 the statement kind, bits
                                  2-3 the text kind (concert_outcome_issue_text) */
  const unsigned char *flags;  /* [i * nm + m]: bit 0 signed, bit 1 blocked (the statement);
                                  bit 2 endorses, bit 3 blocks the text (as a record counts) */
  const double *text;          /* issued text per issue, NaN when none (ni) */
  const double *rift;          /* the six rift components (NaN: unknown) */
  const double *gain;          /* net gain per member (nm) */
  const double *u;             /* the draw's uniforms (concert_i_draw_uniforms) */
  size_t *off;                 /* scratch of w->nin entries for concert_i_sweep_add */
} concert_i_sweep_run;

extern const concert_i_scale concert_i_sweep_text_scale, concert_i_sweep_rift_scale,
    concert_i_sweep_gain_scale;

/* Sets w's layout (offsets and nc) from w->ni, w->nm, w->nin and w->counts_only. CONCERT_ERR_TOO_LARGE when
 * it does not fit in memory. */
concert_status concert_i_sweep_layout(concert_sweep *w, concert_diag *d);
/* Adds run r's results to counters c (w's layout). CONCERT_ERR_RANGE when a value does not
 * fit the fixed-point sums. O(ni x nm + nin x headlines that happened). */
concert_status concert_i_sweep_add(const concert_sweep *w, int64_t *c, size_t r,
                                   const concert_i_sweep_run *run, concert_diag *d);
/* Adds value x (NaN: nothing) to the quantity block b of scale sc. Nonzero when x does not
 * fit the fixed point (|x| >= CONCERT_I_SWEEP_XMAX, infinite). O(1). */
int concert_i_sweep_add_value(int64_t *b, const concert_i_scale *sc, double x);
/* The spread of the quantity block b with scale sc. O(bins). */
concert_spread concert_i_sweep_spread(const int64_t *b, const concert_i_scale *sc);

#endif
