/* sweep/sweep_i.h: the sweep's results, shared by sweep.c (running) and sweep_out.c (JSON,
 * text and CSV). */
#ifndef CONCERT_I_SWEEP_H
#define CONCERT_I_SWEEP_H
#include <concert/sweep.h>

struct concert_sweep {
  const concert_scenario *s;   /* borrowed scenario */
  size_t forum;                /* forum index */
  char model[32];              /* model name */
  size_t runs;                 /* runs played */
  uint64_t seed;               /* the seed */
  size_t ni, nm;               /* agenda issues, forum members */
  size_t *issue;               /* scenario issue index per agenda issue (ni) */
  size_t *member;              /* actor index per member (nm) */
  size_t fate[5];              /* runs per document fate */
  size_t *stmt, *joint;        /* runs with a statement / a joint statement, per issue */
  size_t *sign, *block;        /* runs where member m signs / blocks issue i: [i * nm + m] */
  concert_spread *text;        /* issued texts per issue (ni) */
  concert_spread rift[6];      /* rift components */
  concert_spread agreed;       /* share of agenda issues with a joint statement, per run */
  concert_spread *gain;        /* net gains per member (nm) */
};

#endif
