/* design/design_i.h: the in-memory design, shared by design.c and design_out.c. */
#ifndef CONCERT_I_DESIGN_H
#define CONCERT_I_DESIGN_H
#include <concert/design.h>

struct concert_design {
  const concert_scenario *s;    /* borrowed scenario */
  size_t n, size;               /* forums, members per forum */
  size_t runs;                  /* runs per forum (1: point values) */
  uint64_t seed;                /* the sweeps' seed */
  concert_design_objective objective;
  size_t template_forum;        /* forum index of the template */
  char model[32];               /* model name */
  int year;                     /* coverage year, 0: capability shares */
  size_t *members;              /* n x size actor indices, enumeration order */
  concert_design_forum *forums; /* n, enumeration order */
  uint64_t *vals;               /* n x CONCERT_I_DESIGN_NV measured values (double bits) */
  size_t *rank;                 /* forum index by rank */
  bool ranked;                  /* scores and rank computed (false: a part not yet merged) */
};

/* Measured values per forum in vals, in this order (concert_design_values documents it). */
enum { CONCERT_I_DESIGN_NV = 8 };

#endif
